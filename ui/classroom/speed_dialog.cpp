#include "classroom/speed_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

#include "activations/registry.h"
#include "activations/throughput.h"
#include "common/qt_text.h"

namespace actlab::ui {

namespace {

enum Column { kName, kNs, kRelative, kColumns };

/// The activations of the source article first (the lesson's question), then the rest.
std::vector<ActivationCall> callsInLessonOrder() {
    std::vector<ActivationCall> calls;
    for (const ActivationSpec& s : activations())
        if (s.group == Group::Classic) calls.push_back({&s, s.defaults()});
    for (const ActivationSpec& s : activations())
        if (s.group != Group::Classic) calls.push_back({&s, s.defaults()});
    return calls;
}

}  // namespace

SpeedDialog::SpeedDialog(const QString& lang, QWidget* parent)
    : QDialog(parent),
      m_calls(callsInLessonOrder()),
      m_summary(new QLabel(this)),
      m_table(new QTableWidget(int(m_calls.size()), kColumns, this)),
      m_progress(new QProgressBar(this)),
      m_again(new QPushButton(this)) {
    setWindowTitle(tr("Activation Speed on This Computer"));
    auto* intro = new QLabel(
        tr("Each activation computes f and f\u2032 for 4,096 inputs, as the network does in "
           "training; the table gives the median time per element and the ratio to ReLU. "
           "Smaller is faster. The numbers belong to this computer: measure, do not quote."),
        this);
    intro->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("speedSummary"));
    m_summary->setWordWrap(true);
    m_table->setHorizontalHeaderLabels(
        {tr("Activation"), tr("ns per element"), tr("Time relative to ReLU")});
    for (std::size_t r = 0; r < m_calls.size(); ++r) {
        auto* name = new QTableWidgetItem(qs(m_calls[r].spec->name, lang));
        name->setData(Qt::UserRole, qs(m_calls[r].spec->id));
        m_table->setItem(int(r), kName, name);
        for (int c : {kNs, kRelative}) {
            auto* item = new QTableWidgetItem(QStringLiteral("\u2026"));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(int(r), c, item);
        }
    }
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(kName, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(kNs, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(kRelative, QHeaderView::ResizeToContents);
    m_again->setText(tr("Measure Again"));
    m_again->setToolTip(tr("Time every activation once more"));
    connect(m_again, &QPushButton::clicked, this, &SpeedDialog::measure);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_again, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(760, 820);
    m_next = m_calls.size();
}

void SpeedDialog::measure() {
    m_ns.assign(m_calls.size(), 0.0);
    m_next = 0;
    // ReLU's own row is measured first and is the unit of every ratio, so that its row reads
    // exactly 1× and the headline and the table give the same figure.
    m_order.clear();
    for (std::size_t r = 0; r < m_calls.size(); ++r)
        if (m_calls[r].spec->id == "relu") m_order.push_back(r);
    for (std::size_t r = 0; r < m_calls.size(); ++r)
        if (m_calls[r].spec->id != "relu") m_order.push_back(r);
    m_reluNs = 0;
    m_progress->setRange(0, int(m_calls.size()));
    m_progress->setValue(0);
    m_progress->show();
    m_again->setEnabled(false);
    m_summary->setText(tr("Measuring\u2026"));
    QTimer::singleShot(0, this, &SpeedDialog::measureNext);
}

QString SpeedDialog::ratioText(double ns) const {
    if (!(m_reluNs > 0)) return {};
    return tr("%1\u00D7").arg(QLocale().toString(ns / m_reluNs, 'f', 1));
}

double SpeedDialog::nsPerElement(std::string_view id) const {
    for (std::size_t r = 0; r < m_calls.size() && r < m_ns.size(); ++r)
        if (m_calls[r].spec->id == id) return m_ns[r];
    return 0;
}

void SpeedDialog::measureNext() {
    if (!running()) return;
    const std::size_t r = m_order[m_next++];
    const double ns = measureThroughput(m_calls[r]).nsPerElement;
    m_ns[r] = ns;
    if (m_calls[r].spec->id == "relu") m_reluNs = ns;
    m_table->item(int(r), kNs)->setText(QLocale().toString(ns, 'f', ns < 10 ? 2 : 1));
    m_table->item(int(r), kRelative)->setText(ratioText(ns));
    m_progress->setValue(int(m_next));
    if (running()) {
        QTimer::singleShot(0, this, &SpeedDialog::measureNext);
        return;
    }
    m_progress->hide();
    m_again->setEnabled(true);
    const double gelu = nsPerElement("gelu"), relu = nsPerElement("relu");
    // The same rounding as the table's ratio column.
    const QString times = QLocale().toString(gelu > relu ? gelu / relu : relu / gelu, 'f', 1);
    m_summary->setText(
        (gelu > relu ? tr("<b>Exact GELU is %1\u00D7 slower than ReLU here</b> (%2 vs %3 ns per "
                          "element).")
                     : tr("<b>Exact GELU is %1\u00D7 faster than ReLU here</b> (%2 vs %3 ns per "
                          "element)."))
            .arg(times, QLocale().toString(gelu, 'f', 2), QLocale().toString(relu, 'f', 2)));
    emit finished();
}

}  // namespace actlab::ui
