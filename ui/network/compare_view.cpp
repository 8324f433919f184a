#include "network/compare_view.h"

#include <QScrollArea>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

#include "activations/registry.h"
#include "common/appearance.h"
#include "common/flow_layout.h"
#include "common/plot_style.h"
#include "common/qt_text.h"
#include "common/reflow_layout.h"
#include "common/text_line.h"
#include "network/boundary_plot.h"
#include "network/loss_chart.h"
#include "network/network_style.h"

namespace actlab::ui {

namespace {

constexpr int kCellHeader = 58;     // the name and the numbers above a map, at scale 1
constexpr int kMinCellWidth = 130;  // room for a name such as "Leaky ReLU", at scale 1

}  // namespace

CompareCell::CompareCell(int index, QWidget* parent)
    : QFrame(parent),
      m_index(index),
      m_title(new QLabel(this)),
      m_stats(new TextLine(this)),
      m_plot(new BoundaryPlot(true, this)) {
    setObjectName(QStringLiteral("compareCell"));
    setFrameShape(QFrame::NoFrame);
    setCursor(Qt::PointingHandCursor);
    m_title->setObjectName(QStringLiteral("cellTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_stats->setObjectName(QStringLiteral("cellStats"));
    m_stats->setSampleText(QStringLiteral("loss <b>0.00000</b> · <b>99.9 %</b>"));
    // Long names and numbers must not widen the grid beyond the window: they may clip instead.
    for (QWidget* l : {static_cast<QWidget*>(m_title), static_cast<QWidget*>(m_stats)}) {
        l->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        l->setMinimumWidth(40);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(1);
    layout->addWidget(m_title);
    layout->addWidget(m_stats);
    layout->addWidget(m_plot, 1);
    connect(m_plot, &BoundaryPlot::clicked, this, [this] { emit clicked(m_index); });
    style::scrollParentOnWheel(m_plot);  // the wheel scrolls the grid of cells
}

void CompareCell::setTitle(const QString& name, const QColor& color) {
    m_name = name;
    m_colour = color;
    showTitle();
    setToolTip(tr("%1: click to open this network in the full view").arg(name));
}

void CompareCell::showTitle() {
    // A swatch in the chart's colour ties the map to its curve. The full name where it fits,
    // else the name without its gloss, else that elided; the title's tooltip has the full name.
    const QFontMetrics fm(m_title->font());
    const int room = m_title->contentsRect().width() - fm.horizontalAdvance(QStringLiteral("\u25a0 ")) - 2;
    QString shown = m_name;
    if (fm.horizontalAdvance(shown) > room) shown = shortName(m_name);
    if (fm.horizontalAdvance(shown) > room) shown = fm.elidedText(shown, Qt::ElideRight, room);
    m_title->setText(QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                         .arg(m_colour.name(), shown.toHtmlEscaped()));
    m_title->setToolTip(shown == m_name ? QString() : m_name);
}

void CompareCell::resizeEvent(QResizeEvent* event) {
    QFrame::resizeEvent(event);
    showTitle();
}

void CompareCell::setStats(const NetworkFrame& f, bool hasTestSet) {
    if (f.divergedAt > 0) {
        m_stats->setColor(style::colors().errorText);
        m_stats->setText(tr("diverged at epoch %1").arg(f.divergedAt));
        return;
    }
    m_stats->setColor(QColor());
    const double loss = hasTestSet ? f.metrics.testLoss : f.metrics.trainLoss;
    const double acc = hasTestSet ? f.metrics.testAccuracy : f.metrics.trainAccuracy;
    // Short enough for a small cell: two significant digits of loss, "100 %" without a decimal.
    QString text = tr("loss <b>%1</b>").arg(netstyle::number(loss, 2));
    if (!std::isnan(acc)) {
        const QString percent =
            acc >= 0.9995 ? QStringLiteral("100") : QString::number(100 * acc, 'f', 1);
        text += QStringLiteral(" · ") + tr("<b>%1 %</b>").arg(percent);
    }
    m_stats->setText(text);
}

void CompareCell::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) emit clicked(m_index);
    QFrame::mousePressEvent(event);
}

void CompareCell::enterEvent(QEnterEvent* event) {
    setProperty("hover", true);
    style()->unpolish(this);
    style()->polish(this);
    QFrame::enterEvent(event);
}

void CompareCell::leaveEvent(QEvent* event) {
    setProperty("hover", false);
    style()->unpolish(this);
    style()->polish(this);
    QFrame::leaveEvent(event);
}

CompareView::CompareView(QWidget* parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_hint(new QLabel(this)),
      m_choose(new QToolButton(this)),
      m_menu(new QMenu(this)),
      m_stack(new QStackedWidget(this)),
      m_gridHost(new QWidget(this)),
      m_grid(new QGridLayout(m_gridHost)),
      m_emptyText(new QLabel(this)),
      m_classic(new QPushButton(this)),
      m_loss(new LossChart(this)),
      m_chartColumn(new QWidget(this)),
      m_logScale(new QCheckBox(this)),
      m_metric(new QComboBox(this)),
      m_showTrain(new QCheckBox(this)) {
    setObjectName(QStringLiteral("compareView"));
    m_title->setObjectName(QStringLiteral("columnTitle"));
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setWordWrap(true);
    m_choose->setObjectName(QStringLiteral("chooseButton"));
    m_choose->setPopupMode(QToolButton::InstantPopup);
    m_choose->setMenu(m_menu);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(8);
    m_emptyText->setObjectName(QStringLiteral("emptyText"));
    m_emptyText->setWordWrap(true);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_classic->setObjectName(QStringLiteral("bigButton"));

    auto* empty = new QWidget(this);
    auto* emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addSpacing(16);
    emptyLayout->addWidget(m_classic, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);
    m_stack->addWidget(empty);
    m_stack->addWidget(m_gridHost);

    auto* header = new QHBoxLayout;
    header->setSpacing(14);
    header->addWidget(m_title);
    header->addWidget(m_choose);
    header->addStretch(1);

    m_metric->addItem(QString(), static_cast<int>(LossChart::Metric::Loss));
    m_metric->addItem(QString(), static_cast<int>(LossChart::Metric::Accuracy));
    auto* chartToggles = new FlowLayout(nullptr, 16, 4);  // wraps rather than cutting texts
    chartToggles->addWidget(m_metric);
    chartToggles->addWidget(m_logScale);
    chartToggles->addWidget(m_showTrain);
    auto* chart = new QVBoxLayout(m_chartColumn);
    chart->setContentsMargins(0, 0, 0, 0);
    chart->setSpacing(4);
    chart->addWidget(m_loss, 1);
    chart->addLayout(chartToggles);
    m_chartColumn->setMinimumWidth(330);

    // The loss chart beside the maps while both fit, else below them.
    auto* body = new ReflowLayout(nullptr, 12);
    body->addWidget(m_stack, 2);
    body->addWidget(m_chartColumn, 1);
    connect(m_logScale, &QCheckBox::toggled, m_loss, &LossChart::setLogScale);
    // Eight test curves are enough to read; the training curves come on request.
    m_loss->setShowTrain(false);
    connect(m_showTrain, &QCheckBox::toggled, m_loss, &LossChart::setShowTrain);
    connect(m_metric, &QComboBox::activated, this, [this](int i) {
        const auto metric = static_cast<LossChart::Metric>(m_metric->itemData(i).toInt());
        m_loss->setMetric(metric);
        m_logScale->setEnabled(metric == LossChart::Metric::Loss);
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 4);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(m_hint);  // under the title at the full width: a line or two, not a column
    layout->addLayout(body, 1);

    connect(m_classic, &QPushButton::clicked, this, &CompareView::classicRequested);
    fillMenu();
    retranslate();
    setMembers({}, {}, nn::OutputKind::TanhSquare, 1);
}

CompareCell* CompareView::cell(int k) const {
    return k >= 0 && k < cellCount() ? m_cells[std::size_t(k)] : nullptr;
}

void CompareView::fillMenu() {
    // Built once; syncMenu() and retranslate() update the actions in place, since a toggled
    // action may be the sender of the signal being handled.
    m_classicAction = m_menu->addAction(QString());
    connect(m_classicAction, &QAction::triggered, this, &CompareView::classicRequested);
    m_stopAction = m_menu->addAction(QString());
    connect(m_stopAction, &QAction::triggered, this, &CompareView::stopRequested);
    m_menu->addSeparator();
    for (const ActivationSpec& spec : activations()) {
        QAction* a = m_menu->addAction(qs(spec.name, m_lang));
        a->setCheckable(true);
        const QString id = qs(spec.id);
        a->setData(id);
        connect(a, &QAction::toggled, this,
                [this, id](bool on) { emit activationToggled(id, on); });
        m_activationActions.push_back(a);
    }
    m_menu->addSeparator();
    m_formulaAction = m_menu->addAction(QString());
    m_formulaAction->setObjectName("compareFormula");
    connect(m_formulaAction, &QAction::triggered, this, &CompareView::formulaRequested);
}

void CompareView::syncMenu() {
    m_stopAction->setEnabled(!m_ids.isEmpty());
    m_formulaAction->setEnabled(m_ids.size() < 8);
    for (QAction* a : m_activationActions) {
        const QSignalBlocker block(a);
        a->setChecked(m_ids.contains(a->data().toString()));
        // At most eight: the others are disabled once eight are ticked.
        a->setEnabled(a->isChecked() || m_ids.size() < 8);
        if (const ActivationSpec* spec = findActivation(toStd(a->data().toString())))
            a->setText(qs(spec->name, m_lang));
    }
}

void CompareView::setMembers(const QStringList& ids, const QStringList& names, nn::OutputKind kind,
                             int outputs) {
    const bool sameIds = ids == m_ids;
    m_ids = ids;
    if (!sameIds) {
        for (CompareCell* c : m_cells) c->deleteLater();
        m_cells.clear();
        const int cells = ids.size() >= 2 ? int(ids.size()) : 0;  // one alone is no comparison
        for (int k = 0; k < cells; ++k) {
            auto* c = new CompareCell(k, m_gridHost);
            c->setTitle(k < names.size() ? names[k] : ids[k], netstyle::memberColor(k));
            connect(c, &CompareCell::clicked, this, &CompareView::openRequested);
            m_cells.push_back(c);
        }
        m_columns = 0;
        relayoutCells();
        std::vector<QColor> colors;
        for (int k = 0; k < cells; ++k) colors.push_back(netstyle::memberColor(k));
        m_loss->setNetworks(cells ? names.mid(0, cells) : QStringList{}, colors);
    }
    for (CompareCell* c : m_cells) c->plot()->setOutput(kind, outputs);
    m_stack->setCurrentIndex(m_cells.empty() ? 0 : 1);
    m_chartColumn->setVisible(!m_cells.empty());
    retranslate();
}

void CompareView::setData(const nn::Dataset& data) {
    for (CompareCell* c : m_cells) c->plot()->setData(data);
}

void CompareView::setShowTestData(bool show) {
    for (CompareCell* c : m_cells) c->plot()->setShowTestData(show);
}

void CompareView::setDiscretize(bool on) {
    for (CompareCell* c : m_cells) c->plot()->setDiscretize(on);
}

void CompareView::setFrame(int k, const NetworkFrame& f, bool hasTestSet) {
    CompareCell* c = cell(k);
    if (!c) return;
    c->plot()->setGrid(f.outputGrid, f.gridSize);
    c->plot()->setContour(f.contour);
    c->setStats(f, hasTestSet);
    m_loss->addSamples(k, f.samples, f.samplesRestart);
}

void CompareView::replotCells() {
    if (!isVisible()) return;
    for (CompareCell* c : m_cells) netstyle::replotIfShown(c->plot());
    m_loss->refresh();
}

void CompareView::setLanguage(const QString& lang, const QStringList& names) {
    m_lang = lang;
    for (int k = 0; k < cellCount() && k < names.size(); ++k)
        m_cells[std::size_t(k)]->setTitle(names[k], netstyle::memberColor(k));
    m_loss->setNames(names);
    syncMenu();
}

void CompareView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayoutCells();
}

void CompareView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    relayoutCells();
    replotCells();
}

void CompareView::relayoutCells() {
    const int n = cellCount();
    if (n == 0) return;
    // The number of columns that gives the largest square maps in the space there is. Before
    // the grid has a size of its own (never shown), a landscape guess: a grid laid out for a
    // tiny area would stack the cells in one column and stretch the window.
    int best = n <= 3 ? n : n <= 4 ? 2 : n <= 6 ? 3 : 4;
    // The header grows with the presentation scale, and a cell is never narrower than its
    // name needs ("Leaky ReLU" at that scale): fewer columns rather than names cut to "L…".
    const double scale = std::max(1.0, Appearance::instance().scale());
    const int header = int(kCellHeader * scale);
    const int narrowest = int(kMinCellWidth * scale);
    // The height there is: the grid's own, or in a scroll area what its viewport shows below
    // the grid's top.
    // (Not the grid's height there: it grows with the cells, and would feed back.)
    int available = m_gridHost->height();
    for (QWidget* p = parentWidget(); p; p = p->parentWidget())
        if (auto* area = qobject_cast<QScrollArea*>(p)) {
            const int top = m_gridHost->mapTo(area->widget() ? area->widget() : area->viewport(),
                                              QPoint()).y();
            available = area->viewport()->height() - top;
            break;
        }
    if (m_gridHost->width() > 0)
        best = std::clamp(m_gridHost->width() / (narrowest + 20), 1, best);
    if (m_gridHost->isVisible() && m_gridHost->width() > 200 && available > 200) {
        const int w = m_gridHost->width(), h = available;
        double bestSide = 0;
        for (int cols = 1; cols <= n; ++cols) {
            if (cols > 1 && w / cols - 20 < narrowest) break;
            const int rows = (n + cols - 1) / cols;
            const double side =
                std::min(double(w) / cols - 20, double(h) / rows - header - 16);
            if (side > bestSide + 0.5) {
                bestSide = side;
                best = cols;
            }
        }
    }
    // Cells as tall as their square map and header: the spare height goes below the grid
    // rather than into gaps inside every cell.
    const int rows = (n + best - 1) / best;
    // All rows on screen when the maps stay readable that way; else maps as wide as their
    // column, and the view scrolls (a large scale on a small screen).
    const int columnWidth = m_gridHost->width() / best - 20;
    int side = std::min(columnWidth, available / rows - header - 16);
    const bool scrolls = side < int(150 * scale);
    if (scrolls) side = std::min(columnWidth, available - header - 16);
    side = std::max(90, side);
    for (CompareCell* c : m_cells) {
        c->setMaximumHeight(side + header + 14);
        c->setMinimumHeight(scrolls ? side + header + 14 : 0);  // the rows scroll, not shrink
    }
    if (best == m_columns) return;
    m_columns = best;
    for (CompareCell* c : m_cells) m_grid->removeWidget(c);
    for (int k = 0; k < n; ++k) {
        m_grid->addWidget(m_cells[std::size_t(k)], k / best, k % best);
        m_cells[std::size_t(k)]->show();
    }
    for (int c = 0; c < 8; ++c) m_grid->setColumnStretch(c, c < best ? 1 : 0);
    for (int r = 0; r < 9; ++r) m_grid->setRowStretch(r, r < rows ? 0 : 1);
}

void CompareView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void CompareView::retranslate() {
    m_title->setText(tr("COMPARE ACTIVATIONS"));
    m_choose->setText(tr("Choose activations"));
    m_choose->setToolTip(tr("Tick 2 to 8 activations to train side by side"));
    m_hint->setText(
        tr("Same data, same initial weights; each network uses one activation in "
           "every hidden layer. Click a map to open it."));
    m_emptyText->setText(
        m_ids.size() == 1
            ? tr("%1 is chosen. Tick at least one more activation in \"Choose activations\" to "
                 "compare.")
                  .arg(m_activationActions.empty() ? m_ids.front() : [&] {
                      const ActivationSpec* spec = findActivation(toStd(m_ids.front()));
                      return spec ? qs(spec->name, m_lang) : m_ids.front();
                  }())
            : tr("Train the same network with several activations at once: same data, same "
                 "starting weights, side by side.\nChoose 2 to 8 activations above, or start "
                 "with the classic eight."));
    m_classic->setText(tr("Compare the classic eight"));
    m_formulaAction->setText(tr("Add a Formula\u2026"));
    m_formulaAction->setToolTip(tr("Compare an activation you type as a formula"));
    m_classic->setToolTip(tr("Sigmoid, Tanh, ReLU, Leaky ReLU, ELU, GELU, SELU and PReLU"));
    m_showTrain->setText(tr("Training"));
    m_showTrain->setToolTip(tr("Also draw the training loss of every network, dashed."));
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_metric->setMinimumContentsLength(8);
    m_logScale->setText(tr("Log scale"));
    m_logScale->setToolTip(
        tr("A logarithmic loss axis: small differences between the activations "
           "become visible."));
    m_metric->setItemText(0, tr("Loss"));
    m_metric->setItemText(1, tr("Accuracy"));
    m_metric->setToolTip(tr("Plot the loss or the share of correctly classified points."));
    m_classicAction->setText(tr("The classic eight"));
    m_classicAction->setToolTip(m_classic->toolTip());
    m_stopAction->setText(tr("Stop comparing"));
    syncMenu();
}

}  // namespace actlab::ui
