#include "network/health_view.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "activations/registry.h"
#include "common/accessibility.h"
#include "common/plot_style.h"
#include "common/scroll_areas.h"
#include "network/network_style.h"

namespace actlab::ui {

namespace {

constexpr double kNaN = MetricSample::kNaN;

void useLogScale(QCPAxis* axis) {
    axis->setScaleType(QCPAxis::stLogarithmic);
    auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
    ticker->setSubTickCount(0);
    axis->setTicker(ticker);
    axis->setNumberFormat(QStringLiteral("eb"));
    axis->setNumberPrecision(0);
}

/// Layer names on the x axis: 1, 2, …, and "out" for the output layer.
QSharedPointer<QCPAxisTickerText> layerTicker(int hidden, bool withOutput) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int l = 1; l <= hidden; ++l) ticker->addTick(l, QString::number(l));
    if (withOutput) ticker->addTick(hidden + 1, HealthCard::tr("out"));
    return ticker;
}

double positive(double v) {
    return std::isfinite(v) && v > 0 ? v : kNaN;
}

}  // namespace

HealthCard::HealthCard(QWidget* parent) : QCustomPlot(parent) {
    style::scrollParentOnWheel(this);  // the wheel scrolls the grid of cards
    setNotAntialiasedElements(QCP::aeGrid | QCP::aeAxes);
    setPlottingHint(QCP::phFastPolylines, true);
    plotLayout()->clear();  // the default axis rect and legend go; the panels replace them
    m_header = new QCPTextElement(this, QString(), style::plotFont(14, true));
    plotLayout()->addElement(0, 0, m_header);
    auto* grid = new QCPLayoutGrid;
    m_panels = grid;
    plotLayout()->addElement(1, 0, grid);
    plotLayout()->setRowStretchFactor(0, 0.001);
    plotLayout()->setRowSpacing(0);
    grid->setColumnSpacing(10);
    grid->setRowSpacing(4);
    m_gradRect = addPanel(grid, 0, 0, m_gradTitle);
    m_deadRect = addPanel(grid, 0, 1, m_deadTitle);
    m_timeRect = addPanel(grid, 1, 0, m_timeTitle);
    m_meanRect = addPanel(grid, 1, 1, m_meanTitle);
    m_preluRect = addPanel(grid, 2, 0, m_preluTitle);
    m_preluPanel = qobject_cast<QCPLayoutGrid*>(m_preluRect->layout());
    m_noDead = new QCPItemText(this);
    m_noDead->setClipAxisRect(m_deadRect);
    m_noDead->setClipToAxisRect(true);
    m_noDead->position->setAxisRect(m_deadRect);
    m_noDead->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_noDead->position->setCoords(0.5, 0.5);
    useLogScale(m_gradRect->axis(QCPAxis::atLeft));
    useLogScale(m_timeRect->axis(QCPAxis::atLeft));
    m_deadRect->axis(QCPAxis::atLeft)->setRange(0, 100);
    m_timeRect->axis(QCPAxis::atBottom)->ticker()->setTickCount(4);
    style::keepTickLabelsApart(this, 4);  // "0 500 1000 1500" never run together
    retranslate();
    setNetwork(QString(), QColor(), nn::NetworkSpec{});
    connect(&Appearance::instance(), &Appearance::changed, this, &HealthCard::applyAppearance);
    applyAppearance();
}

void HealthCard::applyAppearance() {
    const ThemeColors& c = style::colors();
    setBackground(c.plotBackground);
    m_header->setFont(style::plotFont(14, true));
    m_header->setTextColor(m_title.isEmpty() || !m_color.isValid() ? c.plotText : m_color);
    for (QCPTextElement* t : {m_gradTitle, m_deadTitle, m_timeTitle, m_meanTitle, m_preluTitle}) {
        t->setFont(style::plotFont(12, true));
        t->setTextColor(c.text2);
    }
    for (QCPAxisRect* r : {m_gradRect, m_deadRect, m_timeRect, m_meanRect, m_preluRect}) {
        style::styleSmallChartAxis(r->axis(QCPAxis::atBottom), 11, 0);
        style::styleSmallChartAxis(r->axis(QCPAxis::atLeft), 11, 0);
    }
    m_noDead->setFont(style::plotFont(12));
    m_noDead->setColor(c.muted);
    styleSeries();
    netstyle::replotIfShown(this);
}

void HealthCard::styleSeries() {
    const ThemeColors& c = style::colors();
    const int layers = int(m_gradGraphs.size());
    for (int l = 0; l < layers; ++l)
        m_gradGraphs[std::size_t(l)]->setPen(QPen(netstyle::layerColor(l, layers), style::width(2.0)));
    for (std::size_t l = 0; l < m_preluGraphs.size(); ++l)
        if (m_preluGraphs[l])
            m_preluGraphs[l]->setPen(QPen(netstyle::layerColor(int(l), layers), style::width(2.0)));
    if (m_mean) {
        m_mean->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDisc, c.plotText, style::width(8)));
        m_spread->setPen(QPen(c.plotText, style::width(2)));
        m_spread->setWhiskerWidth(style::width(10));
    }
}

void HealthCard::setSingleColumn(bool single) {
    if (single == m_singleColumn) return;
    m_singleColumn = single;
    // The panels one above the other (a narrow window at a large scale), or two side by side.
    std::vector<QCPLayoutElement*> panels;
    for (QCPAxisRect* r : {m_gradRect, m_deadRect, m_timeRect, m_meanRect, m_preluRect})
        if (QCPLayoutElement* p = r->layout(); p && p->layout() == m_panels) panels.push_back(p);
    for (QCPLayoutElement* p : panels) m_panels->take(p);
    m_panels->simplify();
    for (std::size_t k = 0; k < panels.size(); ++k)
        m_panels->addElement(single ? int(k) : int(k / 2), single ? 0 : int(k % 2), panels[k]);
    netstyle::replotIfShown(this);
}

HealthCard::~HealthCard() {
    // The PReLU panel may be out of the layout, and then it is ours to delete.
    if (m_preluPanel && !m_preluPanel->layout()) delete m_preluPanel;
}

QCPAxisRect* HealthCard::addPanel(QCPLayoutGrid* grid, int row, int column,
                                  QCPTextElement*& title) {
    auto* panel = new QCPLayoutGrid;
    grid->addElement(row, column, panel);
    title = new QCPTextElement(this, QString(), style::plotFont(12, true));
    title->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
    auto* rect = new QCPAxisRect(this, true);
    panel->addElement(0, 0, title);
    panel->addElement(1, 0, rect);
    panel->setRowStretchFactor(0, 0.001);
    panel->setRowSpacing(0);
    rect->axis(QCPAxis::atTop)->setVisible(false);
    rect->axis(QCPAxis::atRight)->setVisible(false);
    rect->setMinimumMargins(QMargins(4, 2, 8, 2));
    return rect;
}

void HealthCard::setNetwork(const QString& title, const QColor& color,
                            const nn::NetworkSpec& spec) {
    m_title = title;
    m_color = color;
    m_spec = spec;
    m_samples.clear();
    m_recentGrad.clear();
    m_metrics = {};
    clearPlottables();
    m_gradBars.clear();
    m_deadBars.clear();
    m_gradGraphs.clear();
    m_preluGraphs.clear();
    const int hidden = static_cast<int>(spec.hidden.size());
    const int layers = hidden + 1;
    for (int l = 0; l < layers; ++l) {
        const QColor c = netstyle::layerColor(l, layers);
        auto* bars =
            new QCPBars(m_gradRect->axis(QCPAxis::atBottom), m_gradRect->axis(QCPAxis::atLeft));
        bars->setWidth(0.7);
        bars->setBaseValue(1e-300);  // a log axis has no 0: bars rise from below its range
        bars->setPen(Qt::NoPen);
        bars->setBrush(c);
        m_gradBars.push_back(bars);
        auto* graph =
            new QCPGraph(m_timeRect->axis(QCPAxis::atBottom), m_timeRect->axis(QCPAxis::atLeft));
        m_gradGraphs.push_back(graph);
        if (l < hidden) {
            auto* dead =
                new QCPBars(m_deadRect->axis(QCPAxis::atBottom), m_deadRect->axis(QCPAxis::atLeft));
            dead->setWidth(0.7);
            dead->setPen(Qt::NoPen);
            dead->setBrush(c);
            m_deadBars.push_back(dead);
        }
    }
    m_mean = new QCPGraph(m_meanRect->axis(QCPAxis::atBottom), m_meanRect->axis(QCPAxis::atLeft));
    m_mean->setLineStyle(QCPGraph::lsNone);
    m_spread =
        new QCPErrorBars(m_meanRect->axis(QCPAxis::atBottom), m_meanRect->axis(QCPAxis::atLeft));
    m_spread->setDataPlottable(m_mean);

    bool prelu = false;
    for (int l = 0; l < hidden; ++l) {
        const ActivationSpec* act = findActivation(spec.hidden[std::size_t(l)].activation);
        QCPGraph* g = nullptr;
        if (act && act->learnableIndex() >= 0) {
            g = new QCPGraph(m_preluRect->axis(QCPAxis::atBottom),
                             m_preluRect->axis(QCPAxis::atLeft));
            prelu = true;
        }
        m_preluGraphs.push_back(g);
    }
    // The PReLU panel is in the layout only when a layer learns its slope; otherwise the other
    // panels take its room.
    const bool inLayout = m_preluPanel->layout() != nullptr;
    m_preluRect->setVisible(prelu);  // out of the layout it would still draw at the origin
    m_preluTitle->setVisible(prelu);
    if (prelu && !inLayout) {
        m_panels->addElement(m_singleColumn ? 4 : 2, 0, m_preluPanel);
    } else if (!prelu && inLayout) {
        m_panels->take(m_preluPanel);
        m_panels->simplify();
    }

    m_gradRect->axis(QCPAxis::atBottom)->setTicker(layerTicker(hidden, true));
    m_gradRect->axis(QCPAxis::atBottom)->setRange(0.4, layers + 0.6);
    m_deadRect->axis(QCPAxis::atBottom)->setTicker(layerTicker(hidden, false));
    m_deadRect->axis(QCPAxis::atBottom)->setRange(0.4, std::max(1, hidden) + 0.6);
    m_meanRect->axis(QCPAxis::atBottom)->setTicker(layerTicker(hidden, false));
    m_meanRect->axis(QCPAxis::atBottom)->setRange(0.4, std::max(1, hidden) + 0.6);
    m_header->setTextColor(title.isEmpty() || !color.isValid() ? style::colors().plotText : color);
    styleSeries();
    retranslate();
}

void HealthCard::setTitle(const QString& title) {
    if (m_title.isEmpty()) return;  // a single network has no name
    m_title = title;
    retranslate();
    netstyle::replotIfShown(this);
}

void HealthCard::addFrame(const NetworkFrame& f) {
    if (f.samplesRestart) m_samples.clear();
    const std::size_t before = m_samples.size();
    m_samples.insert(m_samples.end(), f.samples.begin(), f.samples.end());
    thinSamples(m_samples);
    if (f.samplesRestart || m_samples.size() < before + f.samples.size())
        rebuildSeries();
    else
        appendSeries(f.samples);
    m_recentGrad = f.recentGradNorm;
    m_metrics = f.metrics;

    for (std::size_t l = 0; l < m_gradBars.size(); ++l) {
        const double g = l < m_recentGrad.size() ? positive(m_recentGrad[l]) : kNaN;
        m_gradBars[l]->data()->clear();
        if (std::isfinite(g)) m_gradBars[l]->addData(double(l + 1), g);
    }
    QVector<double> keys, means, spreads;
    for (std::size_t l = 0; l < m_deadBars.size(); ++l) {
        m_deadBars[l]->data()->clear();
        if (l >= m_metrics.layers.size()) continue;
        const nn::LayerMetrics& lm = m_metrics.layers[l];
        m_deadBars[l]->addData(double(l + 1), 100.0 * lm.deadFraction);
        keys.append(double(l + 1));
        means.append(lm.mean);
        spreads.append(lm.stddev);
    }
    m_mean->setData(keys, means, true);
    m_spread->setData(spreads);
    bool anyDead = false;
    for (const nn::LayerMetrics& lm : m_metrics.layers) anyDead = anyDead || lm.deadFraction > 0;
    m_noDead->setVisible(!anyDead && !m_deadBars.empty() && !m_metrics.layers.empty());
    describe();
}

void HealthCard::describe() {
    // A screen reader hears the card's latest numbers, layer by layer.
    QStringList grads, dead;
    for (double g : m_recentGrad) grads << QString::number(g, 'g', 3);
    for (const nn::LayerMetrics& lm : m_metrics.layers)
        dead << QStringLiteral("%1 %").arg(100.0 * lm.deadFraction, 0, 'f', 0);
    describeForScreenReaders(
        this, m_title.isEmpty() ? tr("Gradient health") : tr("Gradient health: %1").arg(m_title),
        tr("Gradient norm per layer: %1. Dead units per hidden layer: %2.")
            .arg(grads.join(QStringLiteral(", ")), dead.join(QStringLiteral(", "))));
}

void HealthCard::appendSeries(const std::vector<MetricSample>& samples) {
    for (const MetricSample& s : samples) {
        for (std::size_t l = 0; l < m_gradGraphs.size(); ++l)
            m_gradGraphs[l]->addData(s.epoch,
                                     l < s.gradNorm.size() ? positive(s.gradNorm[l]) : kNaN);
        for (std::size_t l = 0; l < m_preluGraphs.size(); ++l)
            if (m_preluGraphs[l])
                m_preluGraphs[l]->addData(s.epoch, l < s.learnable.size() ? s.learnable[l] : kNaN);
    }
}

void HealthCard::rebuildSeries() {
    for (QCPGraph* g : m_gradGraphs) g->data()->clear();
    for (QCPGraph* g : m_preluGraphs)
        if (g) g->data()->clear();
    appendSeries(m_samples);
}

std::pair<double, double> HealthCard::gradRange() const {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    const auto take = [&](double v) {
        if (std::isfinite(v) && v > 0) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    };
    for (double g : m_recentGrad) take(g);
    for (const MetricSample& s : m_samples)
        for (double g : s.gradNorm) take(g);
    if (!std::isfinite(lo)) return {kNaN, kNaN};
    return {lo, hi};
}

int HealthCard::lastEpoch() const {
    return m_samples.empty() ? 0 : m_samples.back().epoch;
}

void HealthCard::setSharedRanges(double gradLo, double gradHi, int epochs) {
    if (std::isfinite(gradLo) && std::isfinite(gradHi)) {
        // Whole decades, so that the scales of all cards read alike.
        const double lo = std::pow(10.0, std::floor(std::log10(gradLo)));
        const double hi = std::pow(10.0, std::ceil(std::log10(gradHi * 1.0001)));
        m_gradRect->axis(QCPAxis::atLeft)->setRange(lo, std::max(hi, lo * 10));
        m_timeRect->axis(QCPAxis::atLeft)->setRange(lo, std::max(hi, lo * 10));
    } else {
        m_gradRect->axis(QCPAxis::atLeft)->setRange(1e-4, 1);
        m_timeRect->axis(QCPAxis::atLeft)->setRange(1e-4, 1);
    }
    m_timeRect->axis(QCPAxis::atBottom)->setRange(0, std::max(10, epochs));
    m_preluRect->axis(QCPAxis::atBottom)->setRange(0, std::max(10, epochs));
    // Mean ± std: at least [−1.5, 1.5], where SELU's target (mean 0, std 1) sits.
    double lo = -1.5, hi = 1.5;
    for (const nn::LayerMetrics& lm : m_metrics.layers) {
        if (!std::isfinite(lm.mean) || !std::isfinite(lm.stddev)) continue;
        lo = std::min(lo, lm.mean - lm.stddev);
        hi = std::max(hi, lm.mean + lm.stddev);
    }
    m_meanRect->axis(QCPAxis::atLeft)->setRange(lo - 0.1 * (hi - lo), hi + 0.1 * (hi - lo));
    bool any = false;
    for (QCPGraph* g : m_preluGraphs)
        if (g && !g->data()->isEmpty()) any = true;
    if (any) m_preluRect->axis(QCPAxis::atLeft)->rescale();
    if (any) m_preluRect->axis(QCPAxis::atLeft)->scaleRange(1.2);
}

void HealthCard::resizeEvent(QResizeEvent* event) {
    if (event->size().isEmpty()) return QWidget::resizeEvent(event);  // see BoundaryPlot
    QCustomPlot::resizeEvent(event);
}

void HealthCard::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QCustomPlot::changeEvent(event);
}

void HealthCard::retranslate() {
    m_header->setText(m_title.isEmpty() ? tr("This network") : m_title);
    m_gradTitle->setText(tr("Gradient norm per layer"));
    m_deadTitle->setText(tr("Dead units (%)"));
    m_timeTitle->setText(tr("Gradient norm over epochs"));
    m_meanTitle->setText(tr("Activation mean ± std"));
    m_preluTitle->setText(tr("Learned PReLU slope over epochs"));
    m_noDead->setText(tr("no dead units"));
    m_gradRect->axis(QCPAxis::atBottom)->setLabel(tr("layer"));
    m_deadRect->axis(QCPAxis::atBottom)->setLabel(tr("hidden layer"));
    m_meanRect->axis(QCPAxis::atBottom)->setLabel(tr("hidden layer"));
    m_timeRect->axis(QCPAxis::atBottom)->setLabel(tr("epoch"));
    m_preluRect->axis(QCPAxis::atBottom)->setLabel(tr("epoch"));
}

HealthView::HealthView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_hint(new QLabel(this)) {
    setObjectName(QStringLiteral("healthView"));
    m_title->setObjectName(QStringLiteral("columnTitle"));
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setWordWrap(true);
    m_host = new QWidget;
    // The hint scrolls with the cards: a short window keeps the cards' room.
    auto* hostLayout = new QVBoxLayout(m_host);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    hostLayout->setSpacing(6);
    hostLayout->addWidget(m_hint);
    m_grid = new QGridLayout;
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(14);
    hostLayout->addLayout(m_grid, 1);
    auto* scroll = verticalScroll(m_host, this);
    m_scroll = scroll;
    m_host->installEventFilter(this);
    scroll->viewport()->installEventFilter(this);
    connect(scroll->verticalScrollBar(), &QScrollBar::actionTriggered, this,
            [this] { m_scrollTarget = -1; });
    connect(scroll->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_scrollTarget >= 0) QTimer::singleShot(0, this, &HealthView::applyScrollTarget);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 4);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(scroll, 1);
    retranslate();
    setNetworks({}, {nn::NetworkSpec{}});
    connect(&Appearance::instance(), &Appearance::changed, this, [this] {
        m_columns = 0;
        relayoutCards();
    });
}

void HealthView::scrollToCard(int k) {
    // The cards get their places only when the view is laid out, after this event and again
    // whenever the window settles: the card is brought to the top (as far as the scroll range
    // goes) each time the host is laid out or the range changes, until the user scrolls.
    m_scrollTarget = k;
    QTimer::singleShot(0, this, &HealthView::applyScrollTarget);
}

void HealthView::applyScrollTarget() {
    HealthCard* c = card(m_scrollTarget);
    if (!c) return;
    m_scroll->verticalScrollBar()->setValue(c->mapTo(m_host, QPoint(0, 0)).y());
}

bool HealthView::eventFilter(QObject* watched, QEvent* event) {
    // The cards fit the viewport's width, which settles after the view's own resize.
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize) relayoutCards();
    if (watched == m_host && m_scrollTarget >= 0 &&
        (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest))
        QTimer::singleShot(0, this, &HealthView::applyScrollTarget);
    return QWidget::eventFilter(watched, event);
}

HealthCard* HealthView::card(int k) const {
    return k >= 0 && k < cardCount() ? m_cards[std::size_t(k)] : nullptr;
}

void HealthView::setNetworks(const QStringList& titles, const std::vector<nn::NetworkSpec>& specs) {
    m_scrollTarget = -1;
    const int n = static_cast<int>(specs.size());
    while (cardCount() > n) {
        delete m_cards.back();
        m_cards.pop_back();
    }
    while (cardCount() < n) m_cards.push_back(new HealthCard(m_host));
    for (int k = 0; k < n; ++k)
        m_cards[std::size_t(k)]->setNetwork(k < titles.size() ? titles[k] : QString(),
                                            titles.isEmpty() ? QColor() : netstyle::memberColor(k),
                                            specs[std::size_t(k)]);
    m_columns = 0;
    relayoutCards();
    refresh();
}

void HealthView::relayoutCards() {
    // As many columns as cards of a readable width fit (their four charts keep their axes
    // legible at the presentation scale); the rest scrolls.
    const double scale = std::max(1.0, Appearance::instance().scale());
    const int n = cardCount();
    const int cardWidth = int(kCardWidth * scale);
    const int width = std::max(1, m_scroll->viewport()->width());
    const int columns = std::clamp((width + m_grid->spacing()) / (cardWidth + m_grid->spacing()),
                                   1, std::max(1, std::min(n, 4)));
    // Narrower than a card: one card a row with its panels one above the other.
    const bool single = columns == 1 && width < cardWidth * 9 / 10;
    const int height = int((n > 2 ? kCardHeightMany : kCardHeight) * scale * (single ? 1.9 : 1.0));
    if (columns == m_columns && height == m_cardHeight) return;
    m_columns = columns;
    m_cardHeight = height;
    for (int k = 0; k < n; ++k) {
        HealthCard* c = m_cards[std::size_t(k)];
        c->setSingleColumn(single);
        m_grid->removeWidget(c);
        m_grid->addWidget(c, k / columns, k % columns);
        c->setMinimumHeight(height);
    }
}

void HealthView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayoutCards();
}

void HealthView::setTitles(const QStringList& titles) {
    for (int k = 0; k < cardCount() && k < titles.size(); ++k)
        m_cards[std::size_t(k)]->setTitle(titles[k]);
}

void HealthView::addFrame(int k, const NetworkFrame& frame) {
    if (HealthCard* c = card(k)) c->addFrame(frame);
}

void HealthView::refresh() {
    if (!isVisible()) return;  // shown later: showEvent refreshes
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    int epochs = 0;
    for (HealthCard* c : m_cards) {
        const auto [a, b] = c->gradRange();
        if (std::isfinite(a)) lo = std::min(lo, a);
        if (std::isfinite(b)) hi = std::max(hi, b);
        epochs = std::max(epochs, c->lastEpoch());
    }
    for (HealthCard* c : m_cards) {
        c->setSharedRanges(std::isfinite(lo) ? lo : kNaN, std::isfinite(hi) ? hi : kNaN, epochs);
        netstyle::replotIfShown(c);
    }
}

void HealthView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    refresh();
}

void HealthView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void HealthView::retranslate() {
    m_title->setText(tr("GRADIENT HEALTH"));
    m_hint->setText(
        tr("Gradient norms are on a log scale, the same for every card. When they "
           "shrink layer by layer towards the input, the gradient vanishes (deep "
           "sigmoid networks). Dead units never fire on any training point (dying "
           "ReLU). SELU keeps each layer's mean near 0 and its spread near 1."));
}

}  // namespace actlab::ui
