#include "network/why_compare.h"

#include <QGridLayout>
#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

#include "common/accessibility.h"
#include "common/appearance.h"
#include "common/plot_style.h"
#include "network/why_hidden_space.h"
#include "network/why_operating_points.h"

namespace actlab::ui {

namespace {

/// The regions are counted on the grid of the single view's map, so the numbers agree.
constexpr int kRegionGrid = 100;
/// Cards a row at most, and the narrowest a card may be (at presentation scale 1).
constexpr int kMaxColumns = 4;
constexpr int kCardWidth = 270;

}  // namespace

WhyCompareCard::WhyCompareCard(QWidget* parent)
    : QFrame(parent),
      m_header(new QLabel(this)),
      m_regionsLabel(new QLabel(this)),
      m_first(new OperatingPointsPlot(this)),
      m_last(new OperatingPointsPlot(this)),
      m_space(new HiddenSpacePanel(this)) {
    setFrameShape(QFrame::StyledPanel);
    m_first->setCompact(true);
    m_last->setCompact(true);
    m_space->setCompact(true);
    // Clicking a strip opens the explorer in the single view; here the strips only show.
    m_first->setCursor(Qt::ArrowCursor);
    m_last->setCursor(Qt::ArrowCursor);
    m_regionsLabel->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_header);
    layout->addWidget(m_regionsLabel);
    layout->addWidget(m_first);
    layout->addWidget(m_last);
    layout->addWidget(m_space, 1);
}

void WhyCompareCard::setTitle(const QString& title, const QColor& colour) {
    m_header->setText(QStringLiteral("<b style=\"color:%1\">%2</b>")
                          .arg(colour.name(), title.toHtmlEscaped()));
    m_header->setAccessibleName(title);
}

void WhyCompareCard::update(const nn::Mlp& net, const nn::Dataset& data,
                            const nn::FeatureTable& train,
                            const std::vector<nn::ContourSegment>& contour,
                            const QStringList& names) {
    const int layers = int(net.spec().hidden.size());
    m_last->setVisible(layers > 1);
    if (layers > 0 && train.points > 0) {
        m_points.compute(net, train);
        const double eps = OperatingPointsPanel::kEpsilon;
        // The card's header names the activation; the strips only number their layers.
        const auto title = [&](int l) { return tr("Layer %1").arg(l + 1); };
        m_first->showLayer(title(0), net, 0, m_points, nullptr, eps);
        if (layers > 1) m_last->showLayer(title(layers - 1), net, layers - 1, m_points, nullptr, eps);
    }
    m_space->update(net, data, train, contour);
    m_ids.resize(std::size_t(kRegionGrid) * kRegionGrid);
    m_result = m_regionMap.compute(net, kRegionGrid, m_ids);
    const int smooth = m_result.smoothLayer;
    m_regionsLabel->setText(
        m_result.piecewiseLinear
            ? tr("Linear regions: %1").arg(m_result.regions)
            : tr("Smooth (%1): no linear regions")
                  .arg(smooth >= 0 && smooth < names.size() ? names[smooth] : QString()));
    describeForScreenReaders(m_regionsLabel, m_header->accessibleName(), m_regionsLabel->text());
    for (QCustomPlot* p : {static_cast<QCustomPlot*>(m_first), static_cast<QCustomPlot*>(m_last),
                           m_space->plot()})
        if (p->isVisible()) p->replot(QCustomPlot::rpQueuedReplot);
}

WhyComparePanel::WhyComparePanel(QWidget* parent) : QWidget(parent), m_grid(new QGridLayout(this)) {
    m_grid->setContentsMargins(0, 0, 0, 0);
}

void WhyComparePanel::setMembers(const QStringList& names) {
    while (cardCount() > names.size()) {
        delete m_cards.back();
        m_cards.pop_back();
    }
    while (cardCount() < names.size()) m_cards.push_back(new WhyCompareCard(this));
    m_members.assign(std::size_t(names.size()), Member{});
    for (int k = 0; k < names.size(); ++k)
        m_cards[std::size_t(k)]->setTitle(names[k], style::compareColor(k));
    m_next = 0;
    relayout();
}

void WhyComparePanel::relayout() {
    // The width of the scroll area's viewport when inside one, else the panel's own.
    const QWidget* room = parentWidget() ? parentWidget() : this;
    const double scale = std::max(1.0, Appearance::instance().scale());
    const int fit = int(room->width() / (kCardWidth * scale));
    const int columns = std::clamp(std::min(fit, cardCount()), 1, kMaxColumns);
    for (int k = 0; k < cardCount(); ++k) {
        m_grid->removeWidget(m_cards[std::size_t(k)]);
        m_grid->addWidget(m_cards[std::size_t(k)], k / columns, k % columns);
    }
    for (int c = 0; c < kMaxColumns; ++c) m_grid->setColumnStretch(c, c < columns ? 1 : 0);
}

void WhyComparePanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (parentWidget()) parentWidget()->installEventFilter(this);  // once: Qt ignores repeats
    relayout();
}

bool WhyComparePanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize) relayout();
    return QWidget::eventFilter(watched, event);
}

void WhyComparePanel::setMember(int k, const nn::Mlp& net,
                                const std::vector<nn::ContourSegment>& contour) {
    if (k < 0 || k >= int(m_members.size())) return;
    Member& m = m_members[std::size_t(k)];
    m.net = net;
    m.contour = contour;
    m.has = true;
    m.dirty = true;
}

bool WhyComparePanel::stale() const {
    return std::any_of(m_members.begin(), m_members.end(),
                       [](const Member& m) { return m.has && m.dirty; });
}

void WhyComparePanel::refresh(const nn::Dataset& data, const nn::FeatureTable& train,
                              const std::function<QStringList(const nn::Mlp&)>& layerNames,
                              int maxCards) {
    const int n = int(m_members.size());
    int updated = 0;
    for (int done = 0; done < n; ++done) {
        const int k = (m_next + done) % n;
        Member& m = m_members[std::size_t(k)];
        if (!m.has || !m.dirty) continue;
        // The features of the focused network serve every card: compared networks differ only
        // in their activations.
        if (int(m.net.spec().features.size()) != train.features) continue;
        m_cards[std::size_t(k)]->update(m.net, data, train, m.contour, layerNames(m.net));
        m.dirty = false;
        if (maxCards > 0 && ++updated >= maxCards) {
            m_next = (k + 1) % n;
            return;
        }
    }
}

}  // namespace actlab::ui
