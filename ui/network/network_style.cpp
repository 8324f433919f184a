#include "network/network_style.h"

#include <qcustomplot.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <vector>

#include "common/plot_style.h"

namespace actlab::ui::netstyle {

namespace {

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

constexpr int kLutSize = 513;

const std::array<QRgb, kLutSize>& lut() {
    static const std::array<QRgb, kLutSize> table = [] {
        std::array<QRgb, kLutSize> t{};
        for (int k = 0; k < kLutSize; ++k)
            t[std::size_t(k)] = diverging(2.0 * k / (kLutSize - 1) - 1.0).rgb();
        return t;
    }();
    return table;
}

/// Okabe–Ito colours for up to five classes.
const std::array<QColor, 5> kClasses = {QColor(0x00, 0x6B, 0xB0), QColor(0xE3, 0x7B, 0x1C),
                                        QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                        QColor(0x56, 0xB4, 0xE9)};

}  // namespace

QColor diverging(double v) {
    if (std::isnan(v)) return QColor(0xB0, 0xB4, 0xBA);
    v = std::clamp(v, -1.0, 1.0);
    return v < 0 ? mix(kNeutral, kNegative, -v) : mix(kNeutral, kPositive, v);
}

QRgb divergingRgb(double v) {
    if (std::isnan(v)) return qRgb(0xB0, 0xB4, 0xBA);
    const double t = (std::clamp(v, -1.0, 1.0) + 1.0) * 0.5 * (kLutSize - 1);
    return lut()[static_cast<std::size_t>(t + 0.5)];
}

QCPColorGradient boundaryGradient(bool discrete) {
    // The tints are the scale's ends mixed with white: the heatmap must stay lighter than the
    // points on it, yet its two sides must be told apart at a glance across a room.
    const QColor negative = mix(kNegative, Qt::white, 0.42);
    const QColor positive = mix(kPositive, Qt::white, 0.45);
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    if (discrete) {
        g.setColorStopAt(0.0, negative);
        g.setColorStopAt(0.4999, negative);
        g.setColorStopAt(0.5001, positive);
        g.setColorStopAt(1.0, positive);
        g.setLevelCount(2);
    } else {
        g.setColorStopAt(0.0, negative);
        g.setColorStopAt(0.5, QColor(0xF7, 0xF7, 0xF8));
        g.setColorStopAt(1.0, positive);
        g.setLevelCount(256);
    }
    return g;
}

QColor classColor(int k) {
    return kClasses[std::size_t(std::clamp(k, 0, 4))];
}

QColor classTint(int k) {
    return mix(classColor(k), Qt::white, 0.55);
}

namespace {
/// Flat bands, one per colour, over the data range [−0.5, K − 0.5].
QCPColorGradient bandGradient(const std::vector<QColor>& bands) {
    const int k = int(bands.size());
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    for (int i = 0; i < k; ++i) {
        const double lo = double(i) / k, hi = double(i + 1) / k;
        g.setColorStopAt(i == 0 ? 0.0 : lo + 1e-4, bands[std::size_t(i)]);
        g.setColorStopAt(i + 1 == k ? 1.0 : hi - 1e-4, bands[std::size_t(i)]);
    }
    g.setLevelCount(std::max(2, 64 * k));
    return g;
}
}  // namespace

QCPColorGradient classGradient(int classes) {
    std::vector<QColor> bands;
    for (int k = 0; k < std::max(1, classes); ++k) bands.push_back(classTint(k));
    return bandGradient(bands);
}

QCPColorGradient regionGradient() {
    // Light tints of ten hues, in an order where neighbouring ids differ strongly.
    static const QColor kTints[kRegionColours] = {
        QColor(0xC6, 0xDB, 0xEF), QColor(0xFD, 0xD0, 0xA2), QColor(0xC7, 0xE9, 0xC0),
        QColor(0xDA, 0xDA, 0xEB), QColor(0xFC, 0xF3, 0xB5), QColor(0xF4, 0xC7, 0xDC),
        QColor(0xB9, 0xE6, 0xE4), QColor(0xE4, 0xD1, 0xC0), QColor(0xE8, 0xF0, 0xA8),
        QColor(0xD9, 0xD9, 0xD9)};
    return bandGradient(std::vector<QColor>(std::begin(kTints), std::end(kTints)));
}

QCPColorGradient slopeGradient() {
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setColorStopAt(0.0, QColor(0xFA, 0xFA, 0xFA));
    g.setColorStopAt(0.5, QColor(0xB4, 0x9B, 0xD0));
    g.setColorStopAt(1.0, QColor(0x4B, 0x1D, 0x78));
    g.setLevelCount(256);
    return g;
}

QColor pointColor(double label, int numClasses) {
    if (numClasses == 2) return label > 0 ? kPositive : kNegative;
    if (numClasses > 2) return classColor(static_cast<int>(std::lround(label)));
    return diverging(label);
}

QColor memberColor(int i) {
    static const std::array<QColor, 8> kMembers = {
        QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73),
        QColor(0xCC, 0x79, 0xA7), QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9),
        QColor(0x22, 0x22, 0x22), QColor(0x8C, 0x56, 0x4B)};
    // Black disappears on a dark background: the theme's neutral curve colour takes its place.
    if (i % int(kMembers.size()) == 6) return style::colors().neutralCurve;
    return kMembers[std::size_t(i) % kMembers.size()];
}

QColor layerColor(int l, int count) {
    // Viridis at 0, 0.2, …, 0.85: dark violet, blue, teal, green.
    static const std::array<QColor, 6> kStops = {
        QColor(0x44, 0x01, 0x54), QColor(0x41, 0x44, 0x87), QColor(0x2A, 0x78, 0x8E),
        QColor(0x22, 0xA8, 0x84), QColor(0x5E, 0xC9, 0x62), QColor(0x9B, 0xD9, 0x3C)};
    const double t = count > 1 ? double(l) / (count - 1) : 0.0;
    const double pos = t * double(kStops.size() - 1);
    const int k = std::clamp(static_cast<int>(pos), 0, int(kStops.size()) - 2);
    return mix(kStops[std::size_t(k)], kStops[std::size_t(k) + 1], std::clamp(pos - k, 0.0, 1.0));
}

void replotIfShown(QCustomPlot* plot) {
    if (plot->isVisible() && plot->width() > 0 && plot->height() > 0)
        plot->replot(QCustomPlot::rpQueuedReplot);
}

QString number(double v, int digits) {
    if (std::isnan(v)) return QStringLiteral("—");
    if (std::isinf(v)) return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (v == 0) v = 0;  // no "−0"
    return QString::number(v, 'g', digits).replace(QLatin1Char('-'), QChar(0x2212));
}

QImage gridImage(std::span<const double> grid, int m, double scale) {
    QImage image(m, m, QImage::Format_RGB32);
    const double inv = scale > 0 ? 1.0 / scale : 1.0;
    for (int j = 0; j < m; ++j) {
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(j));
        for (int i = 0; i < m; ++i)
            row[i] = divergingRgb(grid[std::size_t(i) * std::size_t(m) + std::size_t(j)] * inv);
    }
    return image;
}

}  // namespace actlab::ui::netstyle
