#include "network/boundary_items.h"

#include <QPainter>
#include <cmath>

#include "network/network_style.h"

namespace actlab::ui {

GridMapData::GridMapData(int n)
    : QCPColorMapData(n, n, QCPRange(-nn::kDomain, nn::kDomain),
                      QCPRange(-nn::kDomain, nn::kDomain)) {
    fill(0);
}

void GridMapData::assign(std::span<const double> grid, int n) {
    if (n != keySize() || n != valueSize()) setSize(n, n);
    if (grid.size() < std::size_t(n) * std::size_t(n)) return;
    // The map stores rows of constant value (y) from the bottom up: mData[v·n + k]. The core's
    // column j is y falling from the top, so value index v = n − 1 − j.
    for (int i = 0; i < n; ++i) {
        const double* column = grid.data() + std::size_t(i) * std::size_t(n);
        for (int j = 0; j < n; ++j)
            mData[std::size_t(n - 1 - j) * std::size_t(n) + std::size_t(i)] = column[j];
    }
    mDataBounds = QCPRange(-1, 1);
    mDataModified = true;  // the colour map rebuilds its image on the next draw
}

PointCloud::PointCloud(QCPAxisRect* axisRect)
    : QCPLayerable(axisRect->parentPlot(), QString(), axisRect), m_axisRect(axisRect) {
    setLayer(QStringLiteral("main"));
    setAntialiased(true);
}

void PointCloud::setData(const nn::Dataset& data) {
    m_train = data.train;
    m_test = data.test;
    m_numClasses = data.numClasses;
}

void PointCloud::setShowTest(bool show) {
    m_showTest = show;
}

void PointCloud::setRadius(double radius) {
    if (radius == m_radius) return;
    m_radius = radius;
    m_sprites.clear();
}

void PointCloud::applyDefaultAntialiasingHint(QCPPainter* painter) const {
    applyAntialiasingHint(painter, mAntialiased, QCP::aeScatters);
}

QRect PointCloud::clipRect() const {
    return m_axisRect->rect();
}

const QPixmap& PointCloud::sprite(const QColor& color, bool test, qreal dpr) {
    // A numeric key: this runs for every point of every frame.
    const quint64 key = (quint64(color.rgba()) << 32) | (quint64(test) << 31) |
                        quint64(std::lround(dpr * 100) & 0x7FFFFFFF);
    auto it = m_sprites.find(key);
    if (it != m_sprites.end()) return *it;
    const double r = m_radius;
    const int side = static_cast<int>(std::ceil((2 * r + 4) * dpr));
    QPixmap pixmap(side, side);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF c(side / dpr / 2, side / dpr / 2);
    if (test) {
        // Test points: a ring in the class colour around a white centre, with a thin dark edge
        // so that the ring also reads on a heatmap of its own colour.
        p.setPen(QPen(QColor(0x26, 0x2B, 0x33), 1.0));
        p.setBrush(Qt::white);
        p.drawEllipse(c, r + 0.5, r + 0.5);
        p.setPen(QPen(color, std::max(1.5, r * 0.45)));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(c, r - r * 0.25, r - r * 0.25);
    } else {
        p.setPen(QPen(Qt::white, std::max(1.0, r * 0.25)));
        p.setBrush(color);
        p.drawEllipse(c, r, r);
    }
    return *m_sprites.insert(key, pixmap);
}

void PointCloud::drawPoint(QCPPainter* painter, const QPointF& at, const QColor& color, bool test) {
    if (painter->modes().testFlag(QCPPainter::pmVectorized)) {
        // PDF and SVG exports: true circles rather than bitmaps.
        const double r = m_radius;
        if (test) {
            painter->setPen(QPen(color, std::max(1.5, r * 0.45)));
            painter->setBrush(Qt::white);
        } else {
            painter->setPen(QPen(Qt::white, std::max(1.0, r * 0.25)));
            painter->setBrush(color);
        }
        painter->drawEllipse(at, r, r);
        return;
    }
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QPixmap& s = sprite(color, test, dpr);
    const QSizeF size(s.width() / dpr, s.height() / dpr);
    painter->drawPixmap(QPointF(at.x() - size.width() / 2, at.y() - size.height() / 2), s);
}

void PointCloud::draw(QCPPainter* painter) {
    QCPAxis* x = m_axisRect->axis(QCPAxis::atBottom);
    QCPAxis* y = m_axisRect->axis(QCPAxis::atLeft);
    const auto drawSet = [&](const std::vector<nn::Point>& points, bool test) {
        for (const nn::Point& p : points)
            drawPoint(painter, QPointF(x->coordToPixel(p.x), y->coordToPixel(p.y)),
                      netstyle::pointColor(p.label, m_numClasses), test);
    };
    if (m_showTest) drawSet(m_test, true);
    drawSet(m_train, false);
}

ContourLines::ContourLines(QCPAxisRect* axisRect)
    : QCPLayerable(axisRect->parentPlot(), QString(), axisRect), m_axisRect(axisRect) {
    setLayer(QStringLiteral("main"));
    setAntialiased(true);
}

void ContourLines::setSegments(const std::vector<nn::ContourSegment>& segments) {
    m_segments = segments;
}

void ContourLines::applyDefaultAntialiasingHint(QCPPainter* painter) const {
    applyAntialiasingHint(painter, mAntialiased, QCP::aePlottables);
}

QRect ContourLines::clipRect() const {
    return m_axisRect->rect();
}

void ContourLines::draw(QCPPainter* painter) {
    if (m_segments.empty()) return;
    QCPAxis* x = m_axisRect->axis(QCPAxis::atBottom);
    QCPAxis* y = m_axisRect->axis(QCPAxis::atLeft);
    QVector<QLineF> lines;
    lines.reserve(static_cast<qsizetype>(m_segments.size()));
    for (const nn::ContourSegment& s : m_segments)
        lines.append(QLineF(x->coordToPixel(s.x0), y->coordToPixel(s.y0), x->coordToPixel(s.x1),
                            y->coordToPixel(s.y1)));
    // Square caps close the joints between the segments of a line; round caps look the same but
    // cost several times more to stroke, and there are hundreds of segments per frame.
    QPen halo(QColor(255, 255, 255, 150), m_width + 2.5);
    halo.setCapStyle(Qt::SquareCap);
    painter->setPen(halo);
    painter->drawLines(lines);
    QPen line(QColor(0x26, 0x2B, 0x33), m_width);
    line.setCapStyle(Qt::SquareCap);
    painter->setPen(line);
    painter->drawLines(lines);
}

}  // namespace actlab::ui
