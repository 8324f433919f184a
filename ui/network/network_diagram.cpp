#include "network/network_diagram.h"

#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QToolButton>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "common/plot_style.h"
#include "common/appearance.h"
#include "common/qt_text.h"
#include "network/network_style.h"
#include "nn/grid.h"

namespace actlab::ui {

namespace {

constexpr double kFeatureColumn = 118;  // the feature toggles: label and thumbnail
constexpr double kMaxNode = 48;
constexpr double kMinNode = 9;
constexpr double kPitch = 1.32;  // node pitch in node sizes

/// A thumbnail of a feature over the domain, scaled to [−1, 1] by its largest magnitude.
QPixmap featurePixmap(nn::Feature f, int side, bool on) {
    const int m = 32;
    std::vector<double> grid(std::size_t(m * m));
    double peak = 0;
    for (int i = 0; i < m; ++i)
        for (int j = 0; j < m; ++j) {
            const double x = nn::gridCoordinate(i, m), y = nn::gridCoordinate(m - 1 - j, m);
            const double v = nn::featureValue(f, x, y);
            grid[std::size_t(i * m + j)] = v;
            peak = std::max(peak, std::abs(v));
        }
    QImage image = netstyle::gridImage(grid, m, peak > 0 ? peak : 1.0)
                       .scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    if (!on) {
        // A feature that is off is shown washed out, as in Playground.
        QPainter p(&image);
        p.fillRect(image.rect(), QColor(255, 255, 255, 170));
    }
    QPainter p(&image);
    p.setPen(QPen(on ? QColor(0x26, 0x2B, 0x33) : QColor(0xB8, 0xBE, 0xC6), 1));
    p.drawRect(image.rect().adjusted(0, 0, -1, -1));
    return QPixmap::fromImage(image);
}

QToolButton* roundButton(const QString& text, QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setObjectName(QStringLiteral("roundButton"));
    b->setText(text);
    b->setAutoRaise(false);
    b->setFocusPolicy(Qt::TabFocus);
    b->setFixedSize(30, 30);
    return b;
}

}  // namespace

NetworkDiagram::NetworkDiagram(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("networkDiagram"));
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAutoFillBackground(false);
    for (const nn::FeatureInfo& info : nn::kFeatures) {
        auto* b = new QToolButton(this);
        b->setObjectName(QStringLiteral("featureButton"));
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        // Label left of the thumbnail, so links leave the thumbnail's right edge.
        b->setLayoutDirection(Qt::RightToLeft);
        b->setText(qs(info.label));
        QIcon icon;
        icon.addPixmap(featurePixmap(info.feature, 40, true), QIcon::Normal, QIcon::On);
        icon.addPixmap(featurePixmap(info.feature, 40, false), QIcon::Normal, QIcon::Off);
        b->setIcon(icon);
        b->setIconSize(QSize(40, 40));
        const nn::Feature f = info.feature;
        connect(b, &QToolButton::clicked, this, [this, f](bool on) { emit featureToggled(f, on); });
        m_features[std::size_t(info.feature)] = b;
    }
    // The header's sizes follow the presentation scale.
    connect(&Appearance::instance(), &Appearance::changed, this, [this] {
        relayout();
        update();
    });
    m_addLayer = roundButton(QStringLiteral("+"), this);
    m_removeLayer = roundButton(QStringLiteral("\u2212"), this);
    m_layersLabel = new QLabel(this);
    m_layersLabel->setObjectName(QStringLiteral("diagramTitle"));
    m_layersLabel->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    connect(m_addLayer, &QToolButton::clicked, this, &NetworkDiagram::addLayerRequested);
    connect(m_removeLayer, &QToolButton::clicked, this, &NetworkDiagram::removeLayerRequested);
    setArchitecture(nn::NetworkSpec{}, {});
    retranslate();
}

QToolButton* NetworkDiagram::featureButton(nn::Feature f) const {
    return m_features[std::size_t(f)];
}

QToolButton* NetworkDiagram::addNeuronButton(int layer) const {
    return layer >= 0 && layer < layerCount() ? m_columns[std::size_t(layer)].add : nullptr;
}

QToolButton* NetworkDiagram::removeNeuronButton(int layer) const {
    return layer >= 0 && layer < layerCount() ? m_columns[std::size_t(layer)].remove : nullptr;
}

QToolButton* NetworkDiagram::layerChip(int layer) const {
    return layer >= 0 && layer < layerCount() ? m_columns[std::size_t(layer)].chip : nullptr;
}

void NetworkDiagram::setArchitecture(const nn::NetworkSpec& spec, const QStringList& names) {
    const bool sameShape = m_spec.hidden.size() == spec.hidden.size();
    m_spec = spec;
    m_active = spec.features;
    for (const nn::FeatureInfo& info : nn::kFeatures) {
        const bool on = std::find(m_active.begin(), m_active.end(), info.feature) != m_active.end();
        m_features[std::size_t(info.feature)]->setChecked(on);
    }
    if (!sameShape) {
        for (Column& c : m_columns) {
            delete c.add;
            delete c.remove;
            delete c.width;
            delete c.chip;
        }
        m_columns.clear();
        for (int l = 0; l < static_cast<int>(spec.hidden.size()); ++l) {
            Column c;
            c.add = roundButton(QStringLiteral("+"), this);
            c.remove = roundButton(QStringLiteral("\u2212"), this);
            c.width = new QLabel(this);
            c.width->setObjectName(QStringLiteral("layerWidth"));
            c.width->setAlignment(Qt::AlignCenter);
            c.chip = new QToolButton(this);
            c.chip->setObjectName(QStringLiteral("layerChip"));
            c.chip->setCheckable(true);
            c.chip->setFocusPolicy(Qt::TabFocus);
            connect(c.add, &QToolButton::clicked, this,
                    [this, l] { emit neuronsChangeRequested(l, 1); });
            connect(c.remove, &QToolButton::clicked, this,
                    [this, l] { emit neuronsChangeRequested(l, -1); });
            connect(c.chip, &QToolButton::clicked, this, [this, l] { emit layerSelected(l); });
            for (QWidget* w : {static_cast<QWidget*>(c.add), static_cast<QWidget*>(c.remove),
                               static_cast<QWidget*>(c.width), static_cast<QWidget*>(c.chip)})
                w->show();
            m_columns.push_back(c);
        }
    }
    for (int l = 0; l < layerCount(); ++l) {
        Column& c = m_columns[std::size_t(l)];
        c.neurons = spec.hidden[std::size_t(l)].neurons;
        c.activation = l < names.size() ? names[l] : QString();
    }
    // Weights of another shape no longer apply.
    if (m_hasNetwork &&
        !(m_network.spec().hidden.size() == spec.hidden.size() &&
          m_network.spec().features == spec.features && m_network.spec().outputs == spec.outputs &&
          std::equal(spec.hidden.begin(), spec.hidden.end(), m_network.spec().hidden.begin(),
                     [](const auto& a, const auto& b) { return a.neurons == b.neurons; }))) {
        m_hasNetwork = false;
        m_unitImages.clear();
        m_pendingGrids.clear();
        m_imagesStale = false;
    }
    m_hover = {};
    updateButtons();
    retranslate();
    relayout();
}

void NetworkDiagram::setFrame(const nn::Mlp& network, std::span<const double> unitGrids, int m) {
    m_network = network;
    m_hasNetwork = true;
    m_pendingGrids.assign(unitGrids.begin(), unitGrids.end());
    m_pendingSize = m;
    m_imagesStale = true;
    update();
}

void NetworkDiagram::buildImages() {
    m_imagesStale = false;
    const int m = m_pendingSize;
    const std::span<const double> grids = m_pendingGrids;
    int units = 0;
    for (const nn::LayerParams& l : m_network.layers()) units += l.out;
    m_unitImages.clear();
    const std::size_t cells = std::size_t(m) * std::size_t(m);
    if (m <= 0 || grids.size() != std::size_t(units) * cells) return;
    m_unitImages.reserve(std::size_t(units));
    for (int k = 0; k < units; ++k)
        m_unitImages.push_back(
            netstyle::gridImage(grids.subspan(std::size_t(k) * cells, cells), m));
}

void NetworkDiagram::setSelectedLayer(int layer) {
    m_selected = layer;
    updateButtons();
    update();
}

void NetworkDiagram::setHighlightAll(bool all) {
    m_highlightAll = all;
    updateButtons();
    update();
}

void NetworkDiagram::updateButtons() {
    m_addLayer->setEnabled(layerCount() < nn::kMaxHiddenLayers);
    m_removeLayer->setEnabled(layerCount() > 0);
    for (Column& c : m_columns) {
        c.add->setEnabled(c.neurons < nn::kMaxNeurons);
        c.remove->setEnabled(c.neurons > 1);
    }
    for (int l = 0; l < layerCount(); ++l)
        m_columns[std::size_t(l)].chip->setChecked(m_highlightAll || l == m_selected);
}

void NetworkDiagram::retranslate() {
    m_layersLabel->setProperty("fullText", layerCount() == 1
                                               ? tr("1 HIDDEN LAYER")
                                               : tr("%1 HIDDEN LAYERS").arg(layerCount()));
    m_layersLabel->setText(m_layersLabel->property("fullText").toString());
    m_addLayer->setToolTip(tr("Add a hidden layer (at most %1)").arg(nn::kMaxHiddenLayers));
    m_removeLayer->setToolTip(tr("Remove the last hidden layer"));
    for (const nn::FeatureInfo& info : nn::kFeatures)
        m_features[std::size_t(info.feature)]->setToolTip(
            tr("Input feature %1: click to feed it into the network or to leave it out. The "
               "thumbnail shows its value over the plane.")
                .arg(qs(info.label)));
    for (int l = 0; l < layerCount(); ++l) {
        Column& c = m_columns[std::size_t(l)];
        c.add->setToolTip(
            tr("One more neuron in layer %1 (at most %2)").arg(l + 1).arg(nn::kMaxNeurons));
        c.remove->setToolTip(tr("One neuron fewer in layer %1").arg(l + 1));
        c.chip->setToolTip(tr("Layer %1 uses %2. Click to choose its activation and parameters "
                              "below the diagram.")
                               .arg(l + 1)
                               .arg(c.activation));
    }
}

void NetworkDiagram::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        relayout();  // the neuron counts ("4 neurons") are words that relayout() fits
    }
    QWidget::changeEvent(event);
}

void NetworkDiagram::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayout();
}

void NetworkDiagram::relayout() {
    const double w = width(), h = height();
    const int layers = layerCount();
    // Header: the layer buttons on top; per layer its +/− buttons, its width and its chip. Their
    // sizes follow the presentation scale, as their text does.
    const double k = std::max(1.0, Appearance::instance().scale());
    const int button = int(std::lround(30 * k));
    for (QToolButton* b : findChildren<QToolButton*>(QStringLiteral("roundButton"),
                                                      Qt::FindDirectChildrenOnly))
        b->setFixedSize(button, button);
    const double headerTop = 6;
    const double columnTop = headerTop + 42 * k;
    m_nodesTop = columnTop + (30 + 24 + 32 + 14) * k;
    const double area = std::max(60.0, h - m_nodesTop - 10);

    const double featureLeft = 4;
    const double featurePitch = std::clamp(area / double(nn::kFeatureCount), 34.0, 56.0);
    const int icon = static_cast<int>(std::clamp(featurePitch - 12, 22.0, 40.0));
    for (std::size_t k = 0; k < nn::kFeatureCount; ++k) {
        QToolButton* b = m_features[k];
        b->setIconSize(QSize(icon, icon));
        b->setGeometry(int(featureLeft), int(m_nodesTop + double(k) * featurePitch),
                       int(kFeatureColumn), int(featurePitch - 4));
    }

    const double left = featureLeft + kFeatureColumn + 26;
    const int outputs = std::max(1, m_spec.outputs);
    int widest = 1;
    for (const Column& c : m_columns) widest = std::max(widest, c.neurons);
    widest = std::max(widest, outputs);
    const double outputRight = w - 26;  // room for the arrow to the output plot
    const double spacing = (outputRight - left) / double(layers + 1);
    m_nodeSize = std::clamp(std::min({kMaxNode, area / (widest * kPitch), spacing * 0.46}),
                            kMinNode, kMaxNode);
    const double s = m_nodeSize;
    const double pitch = s * kPitch;

    // The layer buttons stay where they are, whatever the number of layers: four clicks on "+"
    // make four layers.
    m_addLayer->move(int(left), int(headerTop));
    m_removeLayer->move(m_addLayer->x() + int(36 * k), int(headerTop));
    const int labelLeft = m_removeLayer->x() + int(42 * k);
    // The title where it fits, else elided with the whole of it in the tooltip.
    const QString title = m_layersLabel->property("fullText").toString();
    const int titleRoom = std::max(0, int(w) - labelLeft);
    const int titleWidth = m_layersLabel->fontMetrics().horizontalAdvance(title) + 8;
    m_layersLabel->setGeometry(labelLeft, int(headerTop), std::min(titleRoom, titleWidth), button);
    m_layersLabel->setText(titleWidth <= titleRoom
                               ? title
                               : m_layersLabel->fontMetrics().elidedText(title, Qt::ElideRight,
                                                                         titleRoom - 8));
    m_layersLabel->setToolTip(titleWidth <= titleRoom ? QString() : title);

    for (int l = 0; l < layers; ++l) {
        Column& c = m_columns[std::size_t(l)];
        const double x = left + spacing * (l + 0.5);
        // A column's +/− pair never wider than the column (many layers at a large scale).
        const int pair = std::min(button, std::max(18, int((spacing - 8) / 2)));
        c.add->setFixedSize(pair, pair);
        c.remove->setFixedSize(pair, pair);
        c.add->move(int(x - pair - 3), int(columnTop));
        c.remove->move(int(x + 3), int(columnTop));
        const int labelWidth = int(std::max(40.0, spacing - 4));
        c.width->setGeometry(int(x - labelWidth / 2.0), int(columnTop + 32 * k), labelWidth,
                             int(22 * k));
        // "32 neurons" where it fits, else just the number (the tooltip says the rest).
        const QString full = c.neurons == 1 ? tr("1 neuron") : tr("%1 neurons").arg(c.neurons);
        c.width->setText(c.width->fontMetrics().horizontalAdvance(full) <= labelWidth
                             ? full
                             : QString::number(c.neurons));
        c.width->setToolTip(full);
        const int chipWidth = int(std::clamp(spacing - 8, 48.0, 150.0 * k));
        c.chip->setGeometry(int(x - chipWidth / 2.0), int(columnTop + 56 * k), chipWidth,
                            int(30 * k));
        // The short name (without a translation's gloss) where the full one does not fit; the
        // tooltip always has the full name.
        const QString chipText =
            c.chip->fontMetrics().horizontalAdvance(c.activation) <= chipWidth - 14 * k
                ? c.activation
                : shortName(c.activation);
        c.chip->setText(
            c.chip->fontMetrics().elidedText(chipText, Qt::ElideRight, int(chipWidth - 14 * k)));
        c.nodes.clear();
        for (int j = 0; j < c.neurons; ++j)
            c.nodes.emplace_back(x - s / 2, m_nodesTop + j * pitch, s, s);
    }
    m_outputNodes.clear();
    const double os = std::max(s, std::min(kMaxNode, 36.0));
    const double ox = left + spacing * (layers + 0.5);
    for (int k = 0; k < outputs; ++k)
        m_outputNodes.emplace_back(ox - os / 2, m_nodesTop + k * os * kPitch, os, os);

    std::vector<std::vector<QPointF>> from;
    std::vector<std::vector<QRectF>> to;
    for (int l = 0; l <= layers; ++l) {
        from.push_back(sources(l));
        to.push_back(l < layers ? m_columns[std::size_t(l)].nodes : m_outputNodes);
    }
    m_links.layout(from, to);
    update();
}

std::vector<QPointF> NetworkDiagram::sources(int layer) const {
    std::vector<QPointF> out;
    if (layer == 0) {
        for (nn::Feature f : m_active) {
            const QRect g = m_features[std::size_t(f)]->geometry();
            out.emplace_back(g.right() - 2, g.center().y());
        }
    } else {
        for (const QRectF& r : m_columns[std::size_t(layer - 1)].nodes)
            out.emplace_back(r.right(), r.center().y());
    }
    return out;
}

QPointF NetworkDiagram::nodeCenter(int column, int index) const {
    if (column >= 0 && column < layerCount()) {
        const auto& nodes = m_columns[std::size_t(column)].nodes;
        if (index >= 0 && index < static_cast<int>(nodes.size()))
            return nodes[std::size_t(index)].center();
    } else if (column == layerCount() && index >= 0 &&
               index < static_cast<int>(m_outputNodes.size())) {
        return m_outputNodes[std::size_t(index)].center();
    }
    return {};
}

int NetworkDiagram::unitIndex(int column, int index) const {
    int unit = 0;
    for (int l = 0; l < column && l < layerCount(); ++l) unit += m_columns[std::size_t(l)].neurons;
    return unit + index;
}

void NetworkDiagram::paintEvent(QPaintEvent*) {
    if (m_imagesStale) buildImages();
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setRenderHint(QPainter::Antialiasing);
    for (int l = 0; l < layerCount(); ++l) {
        if (!m_highlightAll && l != m_selected) continue;
        // The selected layer: a light band from its chip down to its last neuron.
        const Column& c = m_columns[std::size_t(l)];
        const QRect chip = c.chip->geometry();
        const double bottom = c.nodes.empty() ? chip.bottom() : c.nodes.back().bottom();
        const double half = std::max<double>(chip.width(), m_nodeSize + 16) / 2 + 4;
        const QRectF band(chip.center().x() - half, chip.top() - 4, 2 * half,
                          bottom - chip.top() + 14);
        p.setPen(Qt::NoPen);
        p.setBrush(style::colors().selectionBand);
        p.drawRoundedRect(band, 10, 10);
    }
    std::optional<LinkId> hovered;
    if (m_hover.kind == Hover::Link) hovered = LinkId{m_hover.layer, m_hover.from, m_hover.to};
    m_links.paint(p, m_hasNetwork ? &m_network : nullptr, hovered);
    paintNodes(p);
    // The arrow from the output to the output plot on the right.
    for (const QRectF& r : m_outputNodes) {
        const QPointF a(r.right() + 3, r.center().y());
        const QPointF b(width() - 6.0, r.center().y());
        p.setPen(QPen(style::colors().arrow, 2));
        p.drawLine(a, b);
        p.setBrush(style::colors().arrow);
        p.setPen(Qt::NoPen);
        p.drawPolygon(QPolygonF({b, b + QPointF(-7, -4.5), b + QPointF(-7, 4.5)}));
    }
}

void NetworkDiagram::paintNodes(QPainter& p) const {
    const auto drawNode = [&](const QRectF& r, int unit, double bias, bool hovered) {
        p.setPen(Qt::NoPen);
        if (unit >= 0 && unit < static_cast<int>(m_unitImages.size())) {
            p.setRenderHint(QPainter::SmoothPixmapTransform);
            p.drawImage(r, m_unitImages[std::size_t(unit)]);
        } else {
            p.setBrush(style::colors().nodeEmpty);
            p.drawRect(r);
        }
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(style::colors().nodeBorder, hovered ? 3.0 : 1.2));
        p.drawRect(r);
        if (m_hasNetwork && std::isfinite(bias)) {
            // The bias: a small square at the lower left, on the same colour scale.
            const double b = std::max(5.0, r.width() * 0.2);
            const QRectF sq(r.left() - b * 0.55, r.bottom() - b * 0.45, b, b);
            p.setPen(QPen(style::colors().nodeBorder, 0.8));
            p.setBrush(netstyle::diverging(bias));
            p.drawRect(sq);
        }
    };
    const auto layers = m_network.layers();
    for (int l = 0; l < layerCount(); ++l) {
        const Column& c = m_columns[std::size_t(l)];
        for (int j = 0; j < static_cast<int>(c.nodes.size()); ++j) {
            double bias = NAN;
            if (m_hasNetwork && std::size_t(l) < layers.size() && j < layers[std::size_t(l)].out)
                bias = layers[std::size_t(l)].b[std::size_t(j)];
            const bool hovered =
                m_hover.kind == Hover::Node && m_hover.column == l && m_hover.index == j;
            drawNode(c.nodes[std::size_t(j)], unitIndex(l, j), bias, hovered);
        }
    }
    for (int k = 0; k < static_cast<int>(m_outputNodes.size()); ++k) {
        double bias = NAN;
        if (m_hasNetwork && !layers.empty() && k < layers.back().out)
            bias = layers.back().b[std::size_t(k)];
        const bool hovered =
            m_hover.kind == Hover::Node && m_hover.column == layerCount() && m_hover.index == k;
        drawNode(m_outputNodes[std::size_t(k)], unitIndex(layerCount(), k), bias, hovered);
    }
}

NetworkDiagram::Hover NetworkDiagram::hitTest(const QPointF& pos) const {
    Hover h;
    for (int l = 0; l <= layerCount(); ++l) {
        const std::vector<QRectF>& nodes =
            l < layerCount() ? m_columns[std::size_t(l)].nodes : m_outputNodes;
        for (int j = 0; j < static_cast<int>(nodes.size()); ++j)
            if (nodes[std::size_t(j)].adjusted(-2, -2, 2, 2).contains(pos)) {
                h.kind = Hover::Node;
                h.column = l;
                h.index = j;
                return h;
            }
    }
    if (!m_hasNetwork) return h;
    if (const std::optional<LinkId> link = m_links.hitTest(pos, m_network)) {
        h.kind = Hover::Link;
        h.layer = link->layer;
        h.from = link->from;
        h.to = link->to;
    }
    return h;
}

QString NetworkDiagram::sourceName(int layer, int index) const {
    if (layer == 0)
        return index < static_cast<int>(m_active.size())
                   ? qs(nn::kFeatures[std::size_t(m_active[std::size_t(index)])].label)
                   : QString();
    return tr("layer %1, neuron %2").arg(layer).arg(index + 1);
}

QString NetworkDiagram::unitCaption(int column, int index) const {
    if (column < layerCount())
        return tr("Layer %1, neuron %2 (%3)")
            .arg(column + 1)
            .arg(index + 1)
            .arg(m_columns[std::size_t(column)].activation);
    return m_outputNodes.size() > 1 ? tr("Output %1").arg(index + 1) : tr("Output");
}

QString NetworkDiagram::describe(const Hover& h) const {
    const auto layers = m_network.layers();
    if (h.kind == Hover::Node) {
        QString text = unitCaption(h.column, h.index);
        if (m_hasNetwork && std::size_t(h.column) < layers.size()) {
            const nn::LayerParams& lp = layers[std::size_t(h.column)];
            if (h.index < lp.out)
                text += QLatin1Char('\n') +
                        tr("Bias: %1").arg(netstyle::number(lp.b[std::size_t(h.index)]));
            if (!lp.learnable.empty()) {
                const std::size_t k = lp.learnable.size() == 1 ? 0 : std::size_t(h.index);
                text += QLatin1Char('\n') +
                        tr("Learned PReLU weight: %1").arg(netstyle::number(lp.learnable[k]));
            }
        }
        text += QLatin1Char('\n') + tr("The thumbnail is its output over the plane; it is shown "
                                       "large in the output plot while you point at it.");
        return text;
    }
    if (h.kind == Hover::Link && std::size_t(h.layer) < layers.size()) {
        const nn::LayerParams& lp = layers[std::size_t(h.layer)];
        const double w = lp.w[std::size_t(h.to) * std::size_t(lp.in) + std::size_t(h.from)];
        const QString to = h.layer < layerCount()
                               ? tr("layer %1, neuron %2").arg(h.layer + 1).arg(h.to + 1)
                               : (lp.out > 1 ? tr("output %1").arg(h.to + 1) : tr("the output"));
        return tr("Weight from %1 to %2: %3")
            .arg(sourceName(h.layer, h.from), to, netstyle::number(w));
    }
    return {};
}

void NetworkDiagram::mouseMoveEvent(QMouseEvent* event) {
    const Hover h = hitTest(event->position());
    if (h == m_hover) return;
    const bool wasNode = m_hover.kind == Hover::Node;
    m_hover = h;
    update();
    if (h.kind == Hover::None) {
        QToolTip::hideText();
    } else {
        QToolTip::showText(event->globalPosition().toPoint(), describe(h), this);
    }
    if (h.kind == Hover::Node)
        emit unitHovered(unitIndex(h.column, h.index), unitCaption(h.column, h.index));
    else if (wasNode)
        emit unitHovered(-1, QString());
}

void NetworkDiagram::mousePressEvent(QMouseEvent* event) {
    const Hover h = hitTest(event->position());
    if (h.kind == Hover::Node && h.column < layerCount()) emit layerSelected(h.column);
    if (h.kind == Hover::Link) emit linkClicked(h.layer, h.from, h.to);
    QWidget::mousePressEvent(event);
}

void NetworkDiagram::leaveEvent(QEvent* event) {
    if (m_hover.kind == Hover::Node) emit unitHovered(-1, QString());
    m_hover = {};
    update();
    QWidget::leaveEvent(event);
}

}  // namespace actlab::ui
