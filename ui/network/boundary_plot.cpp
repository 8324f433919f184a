#include "network/boundary_plot.h"

#include <QMouseEvent>
#include <algorithm>
#include <cmath>

#include "common/accessibility.h"
#include "common/plot_style.h"
#include "network/boundary_items.h"
#include "network/network_style.h"

namespace actlab::ui {

namespace {

/// Tick labels with a true minus sign, easier to read from a distance.
class DomainTicker : public QCPAxisTickerFixed {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                         int precision) override {
        QString label = QCPAxisTickerFixed::getTickLabel(tick, locale, formatChar, precision);
        if (label.startsWith(QLatin1Char('-'))) label[0] = QChar(0x2212);
        return label;
    }
};

/// Pixels left for the tick labels around the square (full view), or a thin frame (compact).
struct Margins {
    int left, top, right, bottom;
};
Margins marginsFor(bool compact) {
    if (compact) return {1, 1, 1, 1};
    // Room for the tick labels, which grow with the presentation scale.
    const double s = Appearance::instance().scale();
    return {int(std::lround(44 * s)), 8, int(std::lround(12 * s)), int(std::lround(34 * s))};
}

}  // namespace

BoundaryPlot::BoundaryPlot(bool compact, QWidget* parent)
    : QCustomPlot(parent), m_compact(compact) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    describe();
    setNotAntialiasedElements(QCP::aeAll);
    setAntialiasedElements(QCP::aeScatters | QCP::aePlottables);
    axisRect()->setAutoMargins(QCP::msNone);
    style::keepTickLabelsApart(this, 7);  // a small map at a large scale: fewer ticks

    const double range = nn::kDomain;
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->setRange(-range, range);
        auto ticker = QSharedPointer<DomainTicker>::create();
        ticker->setTickStep(2);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
        axis->setTicker(ticker);
        axis->grid()->setVisible(false);
        axis->setSubTicks(false);
        axis->setTickLengthIn(0);
        axis->setVisible(!compact);
    }

    m_map = new QCPColorMap(xAxis, yAxis);
    m_mapData = new GridMapData(2);
    m_map->setData(m_mapData);
    m_map->setInterpolate(true);
    m_map->setTightBoundary(true);
    m_unitMap = new QCPColorMap(xAxis, yAxis);
    m_unitData = new GridMapData(2);
    m_unitMap->setData(m_unitData);
    m_unitMap->setInterpolate(true);
    m_unitMap->setTightBoundary(true);
    m_unitMap->setGradient(netstyle::boundaryGradient(false));
    m_unitMap->setDataRange(QCPRange(-1, 1));
    m_unitMap->setVisible(false);

    m_contour = new ContourLines(axisRect());
    m_points = new PointCloud(axisRect());

    m_caption = new QCPItemText(this);
    m_caption->setPositionAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_caption->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_caption->position->setCoords(0.5, 0.02);
    m_caption->setPadding(QMargins(8, 3, 8, 3));
    m_caption->setClipToAxisRect(true);
    m_caption->setVisible(false);

    setOutput(nn::OutputKind::TanhSquare, 1);
    connect(&Appearance::instance(), &Appearance::changed, this, &BoundaryPlot::applyAppearance);
    applyAppearance();
}

void BoundaryPlot::applyAppearance() {
    const ThemeColors& c = style::colors();
    setBackground(c.plotBackground);
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->setBasePen(QPen(c.axis, 1));
        axis->setTickPen(QPen(c.axis, 1));
        axis->setTickLabelFont(style::plotFont(12));
        axis->setTickLabelColor(c.plotText);
        axis->setTickLengthOut(int(std::lround(style::width(4))));
    }
    m_contour->setWidth(style::width(m_compact ? 1.6 : 2.2));
    m_points->setRadius(style::width(m_compact ? 2.6 : 4.5));
    // The caption sits on the heatmap, which is light in every theme.
    m_caption->setFont(style::plotFont(m_compact ? 11 : 13, true));
    m_caption->setColor(QColor(0x26, 0x2B, 0x33));
    m_caption->setBrush(QColor(255, 255, 255, 225));
    layoutSquare();
    replot(rpQueuedReplot);
}

void BoundaryPlot::setOutput(nn::OutputKind kind, int outputs) {
    m_kind = kind;
    m_outputs = outputs;
    applyGradient();
}

void BoundaryPlot::setCustomColouring(const QCPColorGradient& gradient, QCPRange range,
                                      bool interpolate) {
    m_custom = true;
    m_map->setGradient(gradient);
    m_map->setDataRange(range);
    m_map->setInterpolate(interpolate);
}

void BoundaryPlot::applyGradient() {
    if (m_custom) return;
    if (m_kind == nn::OutputKind::SoftmaxCe) {
        m_map->setGradient(netstyle::classGradient(m_outputs));
        m_map->setDataRange(QCPRange(-0.5, m_outputs - 0.5));
        m_map->setInterpolate(false);  // classes have no in-between
        return;
    }
    m_map->setGradient(netstyle::boundaryGradient(m_discretize));
    m_map->setInterpolate(!m_discretize);
    // Sigmoid outputs are probabilities: the threshold 0.5 sits in the middle of the scale.
    m_map->setDataRange(m_kind == nn::OutputKind::SigmoidBce ? QCPRange(0, 1) : QCPRange(-1, 1));
}

void BoundaryPlot::setGrid(std::span<const double> grid, int n) {
    m_mapData->assign(grid, n);
}

void BoundaryPlot::setContour(const std::vector<nn::ContourSegment>& segments) {
    m_contour->setSegments(segments);
}

void BoundaryPlot::setData(const nn::Dataset& data) {
    m_points->setData(data);
}

void BoundaryPlot::setShowTestData(bool show) {
    m_showTest = show;
    m_points->setShowTest(show);
}

void BoundaryPlot::setDiscretize(bool on) {
    m_discretize = on;
    applyGradient();
}

void BoundaryPlot::showUnit(std::span<const double> grid, int m, const QString& caption) {
    const bool show = !grid.empty();
    if (show) m_unitData->assign(grid, m);
    m_unitMap->setVisible(show);
    m_map->setVisible(!show);
    m_contour->setVisible(!show);
    m_caption->setText(caption);
    m_caption->setVisible(show && !caption.isEmpty());
}

bool BoundaryPlot::showingUnit() const {
    return m_unitMap->visible();
}

void BoundaryPlot::setEraseMode(bool erase) {
    m_erase = erase;
    setCursor(erase ? Qt::PointingHandCursor : Qt::CrossCursor);
}

QPointF BoundaryPlot::pixelFor(double x, double y) const {
    return {xAxis->coordToPixel(x), yAxis->coordToPixel(y)};
}

QPointF BoundaryPlot::coordinateAt(const QPointF& pixel) const {
    return {xAxis->pixelToCoord(pixel.x()), yAxis->pixelToCoord(pixel.y())};
}

QSize BoundaryPlot::sizeHint() const {
    return m_compact ? QSize(220, 220) : QSize(470, 450);
}

QSize BoundaryPlot::minimumSizeHint() const {
    return m_compact ? QSize(90, 90) : QSize(220, 190);
}

void BoundaryPlot::resizeEvent(QResizeEvent* event) {
    // A plot that was never laid out (a hidden page) gets a resize to 0×0 when the window is
    // grabbed; QCustomPlot would replot into an empty buffer.
    if (event->size().isEmpty()) return QWidget::resizeEvent(event);
    layoutSquare();
    QCustomPlot::resizeEvent(event);
}

void BoundaryPlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) describe();
    QCustomPlot::changeEvent(event);
}

void BoundaryPlot::describe() {
    describeForScreenReaders(
        this, m_compact ? tr("Decision boundary") : tr("Output: the decision boundary"),
        tr("The network's output over the plane from −6 to 6, coloured by class, with the "
           "training points (and the test points when shown)."));
}

void BoundaryPlot::showEvent(QShowEvent* event) {
    QCustomPlot::showEvent(event);
    replot(rpQueuedReplot);  // frames that arrived while hidden were not drawn
}

void BoundaryPlot::layoutSquare() {
    // The domain is square, so its map is too: whatever the widget's shape, the axis rectangle
    // is the largest square that fits, centred, with room for the tick labels.
    const Margins m = marginsFor(m_compact);
    const int side =
        std::max(10, std::min(width() - m.left - m.right, height() - m.top - m.bottom));
    const int extraX = std::max(0, width() - m.left - m.right - side);
    const int extraY = std::max(0, height() - m.top - m.bottom - side);
    axisRect()->setMargins(QMargins(m.left + extraX / 2, m.top + extraY / 2,
                                    m.right + extraX - extraX / 2, m.bottom + extraY - extraY / 2));
}

void BoundaryPlot::mousePressEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (!m_editable) {
        if (event->button() == Qt::LeftButton) emit clicked();
        QCustomPlot::mousePressEvent(event);
        return;
    }
    if (!axisRect()->rect().contains(pos.toPoint())) {
        QCustomPlot::mousePressEvent(event);
        return;
    }
    const QPointF at = coordinateAt(pos);
    if (m_erase) {
        // About three point radii on screen, in domain units.
        const double radius = std::abs(xAxis->pixelToCoord(pos.x() + 14) - at.x());
        emit erasePointRequested(at.x(), at.y(), radius);
    } else if (event->button() == Qt::LeftButton || event->button() == Qt::RightButton) {
        const bool classB =
            event->button() == Qt::RightButton || event->modifiers().testFlag(Qt::ShiftModifier);
        emit addPointRequested(at.x(), at.y(), classB);
    }
    event->accept();
}

}  // namespace actlab::ui
