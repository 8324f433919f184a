#include "network/data_editor.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <QUndoStack>
#include <algorithm>
#include <sstream>

#include "common/plot_export.h"
#include "common/qt_text.h"
#include "network/session_edits.h"

namespace actlab::ui {

namespace {

double clampToDomain(double v) {
    return std::clamp(v, -nn::kDomain, nn::kDomain);
}

/// The state after replacing the points by `points`.
DataState withPoints(DataState state, const nn::Dataset& points) {
    state.points = points;
    state.data = points;
    return state;
}

}  // namespace

DataEditor::DataEditor(const nn::Session& session, const nn::Dataset& data, QString& lastDir,
                       DataEditCommand::Apply apply, QWidget* dialogParent)
    : QObject(dialogParent),
      m_session(session),
      m_data(data),
      m_lastDir(lastDir),
      m_apply(std::move(apply)),
      m_dialogParent(dialogParent),
      m_undo(new QUndoStack(this)),
      m_undoAction(new QAction(this)),
      m_redoAction(new QAction(this)),
      m_importAction(new QAction(this)),
      m_exportAction(new QAction(this)) {
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction->setShortcut(QKeySequence::Redo);
    connect(m_undoAction, &QAction::triggered, m_undo, &QUndoStack::undo);
    connect(m_redoAction, &QAction::triggered, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::indexChanged, this,
            [this] { updateActions(m_dialogParent->isVisible()); });
    const auto documents = [this] {
        return m_lastDir.isEmpty()
                   ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                   : m_lastDir;
    };
    connect(m_importAction, &QAction::triggered, this, [this, documents] {
        const QString path =
            QFileDialog::getOpenFileName(m_dialogParent, tr("Import Points"), documents(),
                                         tr("CSV files (*.csv);;All files (*)"));
        if (path.isEmpty()) return;
        m_lastDir = QFileInfo(path).absolutePath();
        if (const QString error = importCsv(path); !error.isEmpty())
            QMessageBox::warning(m_dialogParent, tr("Import Points"), error);
    });
    connect(m_exportAction, &QAction::triggered, this, [this, documents] {
        const QString path = QFileDialog::getSaveFileName(
            m_dialogParent, tr("Export Points"), documents() + QStringLiteral("/points.csv"),
            tr("CSV files (*.csv)"));
        if (path.isEmpty()) return;
        m_lastDir = QFileInfo(path).absolutePath();
        if (const QString error = exportCsv(path); !error.isEmpty())
            QMessageBox::warning(m_dialogParent, tr("Export Points"), error);
        else
            emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
}

DataEditor::~DataEditor() {
    // The undo stack clears itself when it is deleted and signals the change; this editor must
    // still be whole to receive it.
    delete m_undo;
    m_undo = nullptr;
}

DataState DataEditor::current() const {
    return {m_session.generator, m_session.points, m_data};
}

DataState DataEditor::generated(const nn::DatasetSpec& spec) const {
    return {spec, std::nullopt, nn::generateDataset(spec)};
}

void DataEditor::push(const QString& text, DataState after, bool restart) {
    m_undo->push(new DataEditCommand(text, current(), std::move(after), restart, m_apply));
}

void DataEditor::addPoint(double x, double y, bool classB, int brushClass) {
    double label = classB ? -1 : 1;
    if (m_data.numClasses > 2) {
        const int k = std::min(brushClass, m_data.numClasses - 1);
        label = classB ? (k + 1) % m_data.numClasses : k;
    }
    nn::Dataset d = m_data;
    nn::addPoint(d, {clampToDomain(x), clampToDomain(y), label});
    push(tr("Add Point"), withPoints(current(), d), false);
}

bool DataEditor::erasePoint(double x, double y, double radius) {
    nn::Dataset d = m_data;
    if (!nn::removeNearestPoint(d, x, y, radius)) return false;
    push(tr("Erase Point"), withPoints(current(), d), false);
    return true;
}

bool DataEditor::clearPoints() {
    if (m_data.train.empty() && m_data.test.empty()) return false;
    nn::Dataset d = m_data;
    d.train.clear();
    d.test.clear();
    push(tr("Clear Points"), withPoints(current(), d), false);
    return true;
}

void DataEditor::regenerate() {
    nn::DatasetSpec spec = m_session.generator;
    spec.seed = spec.seed + 1;
    push(tr("Regenerate Data"), generated(spec), true);
}

QString DataEditor::setDatasetSpec(const nn::DatasetSpec& spec) {
    if (const std::string e = nn::validate(spec); !e.empty()) return qs(e);
    push(tr("Change Data"), generated(spec), true);
    return {};
}

QString DataEditor::importCsv(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Could not open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    std::istringstream in(file.readAll().toStdString());
    const nn::DatasetImport result =
        nn::readDatasetCsv(in, m_session.generator.trainPercent, m_session.generator.seed);
    if (!result.ok())
        return tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), qs(result.error));
    nn::Session s = m_session;
    s.points = result.data;
    edits::fitOutput(s, result.data.numClasses);
    s.compare = m_session.compare;
    if (const std::string e = edits::check(s); !e.empty())
        return tr("The points of %1 cannot be used: %2").arg(QDir::toNativeSeparators(path), qs(e));
    push(tr("Import Points"), withPoints(current(), result.data), true);
    return {};
}

QString DataEditor::exportCsv(const QString& path) const {
    std::ostringstream out;
    nn::writeDatasetCsv(out, m_data);
    const std::string text = out.str();
    return PlotExport::saveFile(path, [&](QIODevice& device) {
        return device.write(text.data(), qint64(text.size())) == qint64(text.size());
    });
}

void DataEditor::updateActions(bool pageShown) {
    if (!m_undo) return;
    m_undoAction->setEnabled(pageShown && m_undo->canUndo());
    m_redoAction->setEnabled(pageShown && m_undo->canRedo());
    const QString undo = m_undo->undoText(), redo = m_undo->redoText();
    m_undoAction->setText(undo.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undo));
    m_redoAction->setText(redo.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redo));
    m_undoAction->setToolTip(tr("Undo the last change of the points (Ctrl+Z)"));
    m_redoAction->setToolTip(tr("Redo the change of the points (Ctrl+Shift+Z)"));
}

void DataEditor::retranslate() {
    m_importAction->setText(tr("&Import Points (CSV)…"));
    m_exportAction->setText(tr("&Export Points (CSV)…"));
    updateActions(m_dialogParent->isVisible());
}

}  // namespace actlab::ui
