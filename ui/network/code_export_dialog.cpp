#include "network/code_export_dialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <algorithm>
#include <filesystem>

#include "common/qt_text.h"
#include "util/atomic_file.h"

namespace actlab::ui {

namespace {

std::string localPath(const QString& path) { return QFile::encodeName(path).toStdString(); }

}  // namespace

CodeExportDialog::CodeExportDialog(nn::Session session, Format format, const QString& lang,
                                   QWidget* parent)
    : QDialog(parent),
      m_session(std::move(session)),
      m_lang(lang),
      m_formatGroup(new QButtonGroup(this)),
      m_script(new QRadioButton(tr("PyTorch script (.py)"), this)),
      m_notebook(new QRadioButton(tr("Jupyter notebook (.ipynb)"), this)),
      m_weightsGroup(new QButtonGroup(this)),
      m_initial(new QRadioButton(this)),
      m_current(new QRadioButton(this)),
      m_epochs(new QSpinBox(this)),
      m_note(new QLabel(this)),
      m_summary(new QLabel(this)),
      m_preview(new QPlainTextEdit(this)),
      m_save(new QPushButton(tr("Save…"), this)) {
    setWindowTitle(tr("Export to PyTorch"));
    setObjectName(QStringLiteral("codeExportDialog"));
    auto* intro = new QLabel(
        tr("Python code that trains this network exactly as Activation Lab does: the same data, "
           "starting weights, mini-batches and updates, in float64. Run it with Python 3 and "
           "PyTorch; it prints the losses of every epoch, the same numbers as the app."),
        this);
    intro->setWordWrap(true);

    m_formatGroup->addButton(m_script, int(Format::Script));
    m_formatGroup->addButton(m_notebook, int(Format::Notebook));
    auto* formats = new QHBoxLayout;
    formats->addWidget(m_script);
    formats->addWidget(m_notebook);
    formats->addStretch(1);

    const int epoch = m_session.weights ? m_session.epoch : 0;
    m_initial->setText(tr("Initial weights: the code replays the training from epoch 0"));
    m_current->setText(epoch > 0
                           ? tr("Current weights (epoch %L1): the code trains on from here")
                                 .arg(epoch)
                           : tr("Current weights: the network has not been trained yet"));
    m_current->setEnabled(epoch > 0);
    m_weightsGroup->addButton(m_initial, int(pytorch::StartWeights::Initial));
    m_weightsGroup->addButton(m_current, int(pytorch::StartWeights::Current));
    m_initial->setChecked(true);
    auto* weights = new QVBoxLayout;
    weights->addWidget(m_initial);
    weights->addWidget(m_current);

    m_epochs->setRange(0, pytorch::kMaxEpochs);
    m_epochs->setValue(pytorch::kDefaultEpochs);
    m_epochs->setGroupSeparatorShown(true);
    m_epochs->setToolTip(tr("How many epochs the exported code trains"));
    m_epochs->setAccessibleName(tr("Epochs"));

    auto* form = new QFormLayout;
    form->addRow(tr("Format:"), formats);
    form->addRow(tr("Start from:"), weights);
    auto* epochsRow = new QHBoxLayout;
    epochsRow->addWidget(m_epochs);
    epochsRow->addStretch(1);
    m_epochs->setMinimumWidth(m_epochs->fontMetrics().horizontalAdvance(QStringLiteral("1,000,000")) * 2);
    form->addRow(tr("Epochs:"), epochsRow);

    m_note->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("codeExportNote"));
    m_note->hide();
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("codeExportSummary"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setAccessibleName(tr("Preview of the code"));
    m_preview->setMinimumHeight(260);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &CodeExportDialog::chooseFileAndSave);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_note);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_preview, 1);
    layout->addWidget(buttons);

    setFormat(format);
    connect(m_formatGroup, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on) updatePreview();
    });
    connect(m_weightsGroup, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on) updatePreview();
    });
    connect(m_epochs, &QSpinBox::valueChanged, this, &CodeExportDialog::updatePreview);
    updatePreview();
    // Wide enough for the code's 100-column lines.
    const int column = m_preview->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    resize(std::max(760, 104 * column + 40), 680);
}

void CodeExportDialog::setNote(const QString& note) {
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

CodeExportDialog::Format CodeExportDialog::format() const {
    return m_notebook->isChecked() ? Format::Notebook : Format::Script;
}

void CodeExportDialog::setFormat(Format format) {
    (format == Format::Notebook ? m_notebook : m_script)->setChecked(true);
}

pytorch::StartWeights CodeExportDialog::startWeights() const {
    return m_current->isChecked() ? pytorch::StartWeights::Current
                                  : pytorch::StartWeights::Initial;
}

void CodeExportDialog::setStartWeights(pytorch::StartWeights weights) {
    if (weights == pytorch::StartWeights::Current && m_current->isEnabled())
        m_current->setChecked(true);
    else
        m_initial->setChecked(true);
}

int CodeExportDialog::epochs() const { return m_epochs->value(); }

void CodeExportDialog::setEpochs(int epochs) { m_epochs->setValue(epochs); }

pytorch::PytorchExportOptions CodeExportDialog::options(const QString& outputPath) const {
    pytorch::PytorchExportOptions o;
    o.epochs = epochs();
    o.weights = startWeights();
    o.lang = m_lang == QLatin1String("zh_CN") ? "zh_CN" : "en";
    o.dataFileName = pytorch::dataFileFor(
        localPath(QFileInfo(outputPath.isEmpty() ? suggestedFileName() : outputPath).fileName()));
    return o;
}

QString CodeExportDialog::codeText() const {
    const pytorch::PytorchExport result = format() == Format::Notebook
                                              ? pytorch::jupyterNotebook(m_session, options())
                                              : pytorch::pytorchScript(m_session, options());
    return result.ok() ? qs(result.text) : QString();
}

QString CodeExportDialog::suggestedFileName() const {
    return format() == Format::Notebook ? QStringLiteral("activation-lab.ipynb")
                                        : QStringLiteral("activation-lab.py");
}

void CodeExportDialog::updatePreview() {
    // The notebook holds the script's code in cells: the preview shows the code in both cases.
    const pytorch::PytorchExportOptions o = options();
    const pytorch::PytorchExport script = pytorch::pytorchScript(m_session, o);
    if (!script.ok()) {
        m_summary->setText(tr("This network cannot be exported: %1").arg(qs(script.error)));
        m_preview->clear();
        m_save->setEnabled(false);
        return;
    }
    m_save->setEnabled(true);
    const QString data = script.dataCsv.empty()
                             ? tr("The data is written into the code.")
                             : tr("The data has more than 1,000 points: it is saved next to "
                                  "the code as %1.")
                                   .arg(qs(o.dataFileName));
    const QString run = format() == Format::Notebook
                            ? tr("Open it in Jupyter and run all cells; it ends with the loss "
                                 "curve and the decision boundary.")
                            : tr("Run it with: python3 %1").arg(suggestedFileName());
    m_summary->setText(data + QLatin1Char(' ') + run);
    m_preview->setPlainText(qs(script.text));
}

QString CodeExportDialog::saveTo(const QString& path) const {
    const pytorch::PytorchExportOptions o = options(path);
    const pytorch::PytorchExport result = format() == Format::Notebook
                                              ? pytorch::jupyterNotebook(m_session, o)
                                              : pytorch::pytorchScript(m_session, o);
    if (!result.ok()) return tr("This network cannot be exported: %1").arg(qs(result.error));
    const std::string target = localPath(path);
    if (const std::string problem = outputPathProblem(target); !problem.empty())
        return qs(problem);
    std::vector<FileText> files;
    if (!result.dataCsv.empty())
        files.push_back(
            {(std::filesystem::path(target).parent_path() / o.dataFileName).string(),
             result.dataCsv});
    files.push_back({target, result.text});
    return qs(writeFilesAtomically(files));
}

void CodeExportDialog::chooseFileAndSave() {
    const QString dir = m_lastDir && !m_lastDir->isEmpty()
                            ? *m_lastDir
                            : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const bool notebook = format() == Format::Notebook;
    const QString path = QFileDialog::getSaveFileName(
        this, notebook ? tr("Export Jupyter Notebook") : tr("Export PyTorch Script"),
        dir + QLatin1Char('/') + suggestedFileName(),
        notebook ? tr("Jupyter notebook (*.ipynb)") : tr("Python script (*.py)"));
    if (path.isEmpty()) return;
    if (m_lastDir) *m_lastDir = QFileInfo(path).absolutePath();
    if (const QString error = saveTo(path); !error.isEmpty()) {
        QMessageBox::warning(this, tr("Export to PyTorch"), error);
        return;
    }
    emit saved(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    accept();
}

}  // namespace actlab::ui
