#pragma once
// The links of the network diagram: one Bézier curve per weight, from a source (a feature toggle
// or a neuron) to a neuron, coloured by the weight's sign and as wide as its magnitude. The
// curves are sampled once per layout, for painting and for telling which link is under the mouse.

#include <QPointF>
#include <QRectF>
#include <optional>
#include <vector>

#include "nn/network.h"

class QPainter;

namespace actlab::ui {

/// A weight: its layer, its source (input) index and its target (output) index.
struct LinkId {
    int layer = -1, from = -1, to = -1;
    bool operator==(const LinkId&) const = default;
};

/// Every link of the diagram, as laid out.
class DiagramLinks {
public:
    /// Lays out the links of weight layer l from `sources[l]` (right edges of the sources) to
    /// the left edges of `targets[l]`.
    void layout(const std::vector<std::vector<QPointF>>& sources,
                const std::vector<std::vector<QRectF>>& targets);
    /// Paints the links with the weights of `network`, or thin grey wiring without one. The
    /// `hovered` link is outlined.
    void paint(QPainter& p, const nn::Mlp* network, std::optional<LinkId> hovered) const;
    /// The link within reach of `pos` (its own half-width plus a margin), nearest first.
    std::optional<LinkId> hitTest(const QPointF& pos, const nn::Mlp& network) const;

private:
    std::vector<std::vector<std::vector<QPointF>>> m_paths;  ///< [layer][to·in + from]
};

}  // namespace actlab::ui
