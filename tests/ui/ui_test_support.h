#pragma once
// Helpers shared by the GUI tests.

#include <gtest/gtest.h>
#include <qcustomplot.h>

#include <QCoreApplication>
#include <QString>
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "activations/curve.h"
#include "activations/registry.h"

namespace actlab::ui::test {

/// Runs the event loop until queued replots and paints are done.
inline void flush() {
    for (int i = 0; i < 3; ++i) QCoreApplication::processEvents();
}

/// "leaky_relu" → "LeakyRelu", for parameterised test names.
inline std::string camelName(std::string_view id) {
    std::string out;
    bool upper = true;
    for (char c : id) {
        if (c == '_') {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return out;
}

/// The points of a graph.
struct Points {
    std::vector<double> x, y;
    std::size_t size() const { return x.size(); }
};

inline Points points(const QCPGraph* graph) {
    Points p;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
        p.x.push_back(it->key);
        p.y.push_back(it->value);
    }
    return p;
}

/// The y value of `graph` at exactly `x`, or NaN when the graph has no point there.
inline double valueAt(const QCPGraph* graph, double x) {
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        if (it->key == x) return it->value;
    return std::nan("");
}

/// Checks that every plotted point is exactly a sample of `expected` (same x, same value; NaN
/// for non-finite samples), that the plot spans the curve's x range and is dense enough.
inline void expectGraphShowsSamples(const QCPGraph* graph, const std::vector<double>& xs,
                                    const std::vector<double>& ys, const char* what) {
    SCOPED_TRACE(what);
    const Points p = points(graph);
    ASSERT_GE(p.size(), 200u) << "too few plotted points";
    ASSERT_FALSE(xs.empty());
    EXPECT_EQ(p.x.front(), xs.front());
    EXPECT_EQ(p.x.back(), xs.back());
    std::size_t mismatches = 0;
    for (std::size_t k = 0; k < p.size(); ++k) {
        const auto it = std::lower_bound(xs.begin(), xs.end(), p.x[k]);
        ASSERT_TRUE(it != xs.end() && *it == p.x[k]) << "x = " << p.x[k] << " is not a sample";
        const double want = ys[static_cast<std::size_t>(it - xs.begin())];
        const bool same = std::isfinite(want) ? p.y[k] == want : std::isnan(p.y[k]);
        if (!same && ++mismatches <= 3)
            ADD_FAILURE() << "at x = " << p.x[k] << ": plotted " << p.y[k] << ", core " << want;
    }
    EXPECT_EQ(mismatches, 0u);
}

/// Relative-and-absolute closeness for comparing batch and scalar kernels.
inline bool close(double a, double b) {
    if (!std::isfinite(b)) return std::isnan(b) ? std::isnan(a) : a == b;
    return std::fabs(a - b) <= 1e-12 * std::fabs(b) + 1e-14;
}

}  // namespace actlab::ui::test
