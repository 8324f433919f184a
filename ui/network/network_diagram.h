#pragma once
// The network drawn left to right: the seven input features (toggles), the hidden layers with a
// thumbnail of every neuron's output over the domain, and the output. Links are coloured by the
// sign of their weight and as wide as its magnitude. Buttons add and remove layers and neurons;
// a chip under each layer's width names its activation and selects the layer. Hovering a neuron
// or a link shows its values, and a hovered neuron is reported so that the page can show it large.

#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QWidget>
#include <array>
#include <span>
#include <vector>

#include "network/diagram_links.h"
#include "nn/features.h"
#include "nn/network.h"

class QLabel;
class QToolButton;

namespace actlab::ui {

/// The network diagram.
class NetworkDiagram : public QWidget {
    Q_OBJECT
public:
    explicit NetworkDiagram(QWidget* parent = nullptr);

    /// The architecture: features on, hidden layers and outputs. The activation chips show
    /// `activationNames` (one per hidden layer). Rebuilds the per-layer controls.
    void setArchitecture(const nn::NetworkSpec& spec, const QStringList& activationNames);
    /// The weights and every unit's output over an m×m grid (hidden units, then the outputs), as
    /// published by the worker. An empty `unitGrids` draws plain nodes.
    void setFrame(const nn::Mlp& network, std::span<const double> unitGrids, int m);
    /// Highlights hidden layer `layer` (−1: none).
    void setSelectedLayer(int layer);
    int selectedLayer() const { return m_selected; }
    /// Highlights every hidden layer (a choice applies to all of them).
    void setHighlightAll(bool all);

    /// The controls, for the page and for tests.
    QToolButton* featureButton(nn::Feature f) const;
    QToolButton* addLayerButton() const { return m_addLayer; }
    QToolButton* removeLayerButton() const { return m_removeLayer; }
    QToolButton* addNeuronButton(int layer) const;
    QToolButton* removeNeuronButton(int layer) const;
    QToolButton* layerChip(int layer) const;
    int layerCount() const { return static_cast<int>(m_columns.size()); }

    /// The centre of a node: column 0 … layers−1 are hidden layers, `layers` is the output.
    QPointF nodeCenter(int column, int index) const;
    /// The index in the worker's unit grids of hidden neuron `index` of `column` (or an output).
    int unitIndex(int column, int index) const;

    QSize sizeHint() const override { return {640, 560}; }
    QSize minimumSizeHint() const override { return {300, 300}; }

signals:
    /// A feature toggle was clicked.
    void featureToggled(nn::Feature feature, bool on);
    /// The layer buttons: one hidden layer more or fewer.
    void addLayerRequested();
    void removeLayerRequested();
    /// A layer's + or − button: one neuron more (delta 1) or fewer (−1).
    void neuronsChangeRequested(int layer, int delta);
    /// A layer's activation chip or one of its neurons was clicked.
    void layerSelected(int layer);
    /// A link was clicked: the weight of layer `layer` (0: from the input features) from source
    /// `from` to unit `to`.
    void linkClicked(int layer, int from, int to);
    /// The mouse is over a unit (index into the unit grids, with a caption), or left it (−1).
    void unitHovered(int unit, const QString& caption);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Column {
        int neurons = 0;
        QString activation;
        QToolButton* add = nullptr;
        QToolButton* remove = nullptr;
        QLabel* width = nullptr;
        QToolButton* chip = nullptr;
        std::vector<QRectF> nodes;
    };
    /// What the mouse is over.
    struct Hover {
        enum Kind { None, Node, Link } kind = None;
        int column = -1, index = -1;         ///< Node: column (hidden…, output) and neuron
        int layer = -1, from = -1, to = -1;  ///< Link: weight layer, source and target index
        bool operator==(const Hover&) const = default;
    };

    void relayout();
    void retranslate();
    void updateButtons();
    std::vector<QPointF> sources(int layer) const;
    Hover hitTest(const QPointF& pos) const;
    QString describe(const Hover& hover) const;
    QString unitCaption(int column, int index) const;
    QString sourceName(int layer, int index) const;
    void paintNodes(QPainter& p) const;
    double nodeSize() const { return m_nodeSize; }

    std::array<QToolButton*, nn::kFeatureCount> m_features{};
    QToolButton* m_addLayer = nullptr;
    QToolButton* m_removeLayer = nullptr;
    QLabel* m_layersLabel = nullptr;
    std::vector<Column> m_columns;      ///< hidden layers
    std::vector<QRectF> m_outputNodes;  ///< output units
    std::vector<nn::Feature> m_active;
    nn::NetworkSpec m_spec;
    nn::Mlp m_network;
    bool m_hasNetwork = false;
    std::vector<QImage> m_unitImages;
    /// The unit grids of the last frame, turned into images when next painted: a hidden diagram
    /// (compare view) costs no more than this copy per frame.
    std::vector<double> m_pendingGrids;
    int m_pendingSize = 0;
    bool m_imagesStale = false;
    void buildImages();
    DiagramLinks m_links;
    double m_nodeSize = 40;
    double m_nodesTop = 140;
    int m_selected = -1;
    bool m_highlightAll = false;
    Hover m_hover;
};

}  // namespace actlab::ui
