#include "hidden_space.h"

#include <algorithm>

#include "nn/grid.h"

namespace actlab::inspect {

int stageCount(const nn::Mlp& net) {
    return static_cast<int>(net.spec().hidden.size()) + 1;
}

int stageWidth(const nn::Mlp& net, int stage) {
    return stage == 0 ? net.inputs() : net.layers()[std::size_t(stage) - 1].out;
}

double GridLines::x(int index) const {
    const int line = index / samples, s = index % samples;
    return line < lines ? nn::gridCoordinate(line, lines) : nn::gridCoordinate(s, samples);
}

double GridLines::y(int index) const {
    const int line = index / samples, s = index % samples;
    return line < lines ? nn::gridCoordinate(s, samples) : nn::gridCoordinate(line - lines, lines);
}

void StageEvaluator::activations(const nn::Mlp& net, const nn::FeatureTable& points, int stage,
                                 std::span<double> out) {
    const std::size_t width = std::size_t(stageWidth(net, stage));
    const std::size_t n = std::size_t(points.points);
    if (stage == 0) {  // the features themselves, already feature-major
        std::copy_n(points.v.begin(), width * n, out.begin());
        return;
    }
    m_pass.run(net, points, false, [&](const nn::Workspace& ws, int start, int from) {
        const std::vector<double>& a = ws.a[std::size_t(stage)];
        for (std::size_t u = 0; u < width; ++u)
            std::copy_n(
                a.begin() + static_cast<long>(u * std::size_t(ws.stride) + std::size_t(from)),
                ws.batch - from,
                out.begin() + static_cast<long>(u * n + std::size_t(start + from)));
    });
}

void StageEvaluator::activationsAt(const nn::Mlp& net, std::span<const double> xs,
                                   std::span<const double> ys, int stage, std::span<double> out) {
    fillFeatures(net.spec().features, xs, ys, m_scratch);
    activations(net, m_scratch, stage, out);
}

void StageEvaluator::gridLines(const nn::Mlp& net, const GridLines& lines, int stage,
                               std::span<double> out) {
    const std::vector<nn::Feature>& features = net.spec().features;
    if (lines.lines != m_linesShape.lines || lines.samples != m_linesShape.samples ||
        features != m_linesFeatures) {
        const std::size_t n = std::size_t(lines.pointCount());
        m_xs.resize(n);
        m_ys.resize(n);
        for (int p = 0; p < lines.pointCount(); ++p) {
            m_xs[std::size_t(p)] = lines.x(p);
            m_ys[std::size_t(p)] = lines.y(p);
        }
        fillFeatures(features, m_xs, m_ys, m_lines);
        m_linesShape = lines;
        m_linesFeatures = features;
    }
    activations(net, m_lines, stage, out);
}

void decisionBoundary(const nn::Mlp& net, std::vector<BoundaryLine>& out) {
    const nn::LayerParams& o = net.layers().back();
    const std::size_t in = std::size_t(o.in);
    if (net.spec().output != nn::OutputKind::SoftmaxCe) {
        out.resize(1);
        BoundaryLine& line = out[0];
        line.w.assign(o.w.begin(), o.w.begin() + static_cast<long>(in));
        line.b = o.b[0];
        line.threshold = 0;
        line.classA = 1;
        line.classB = 0;
        return;
    }
    const int k = o.out;
    out.resize(std::size_t(k * (k - 1) / 2));
    std::size_t line = 0;
    for (int a = 0; a < k; ++a)
        for (int b = a + 1; b < k; ++b, ++line) {
            BoundaryLine& l = out[line];
            l.w.resize(in);
            for (std::size_t i = 0; i < in; ++i)
                l.w[i] = o.w[std::size_t(a) * in + i] - o.w[std::size_t(b) * in + i];
            l.b = o.b[std::size_t(a)] - o.b[std::size_t(b)];
            l.threshold = 0;
            l.classA = a;
            l.classB = b;
        }
}

}  // namespace actlab::inspect
