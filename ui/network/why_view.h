#pragma once
// The network page's "Why" view: the mechanisms behind the decision boundary of the network in
// the full view, live while it trains. Tabs: Operating points (where z sits on f and f′), Hidden
// space (how the layers bend the plane), Linear regions (the pieces of a piecewise-linear
// network, or |∇ₓ output| for a smooth one) and the Chain rule (one gradient, layer by layer).
// Definitions in docs/why-views.md.

#include <QWidget>
#include <span>
#include <vector>

#include "activations/activation_spec.h"
#include "common/network_z.h"
#include "nn/contour.h"
#include "nn/dataset.h"
#include "nn/network.h"

class QTabWidget;
class QTimer;

namespace actlab::ui {

class HiddenSpacePanel;
class LedgerPanel;
class OperatingPointsPanel;
class RegionsPanel;
class WhyComparePanel;

class WhyView : public QWidget {
    Q_OBJECT
public:
    enum class Tab { OperatingPoints, HiddenSpace, Regions, Ledger, SideBySide };

    explicit WhyView(QWidget* parent = nullptr);

    /// The points trained on (their features are computed once per data and feature set).
    void setData(const nn::Dataset& data);
    /// The language of the activation names.
    void setLanguage(const QString& lang);
    /// The network in the full view at `epoch` with its decision boundary and output grid (n×n,
    /// GridEvaluator's layout). The first network of a run (epoch 0, or any epoch after going
    /// back or changing shape) is kept as "then".
    void showNetwork(const nn::Mlp& net, int epoch, const std::vector<nn::ContourSegment>& contour,
                     std::span<const double> grid, int n);

    /// The compared networks' names (fewer than two: no comparison, and no side-by-side tab).
    void setMembers(const QStringList& names);
    /// Compared network k's latest state, for the side-by-side tab.
    void showMember(int k, const nn::Mlp& net, const std::vector<nn::ContourSegment>& contour);

    /// Chooses a tab (the side-by-side one only in a comparison).
    void setTab(Tab tab);
    Tab tab() const;
    /// Session ids of the tabs ("operating_points", "hidden_space", "linear_regions",
    /// "ledger", "side_by_side") and back.
    static const char* tabId(Tab tab);
    static bool tabFromId(std::string_view id, Tab& tab);

    OperatingPointsPanel* operatingPoints() const { return m_operating; }
    RegionsPanel* regions() const { return m_regions; }
    HiddenSpacePanel* hiddenSpace() const { return m_hidden; }
    LedgerPanel* ledger() const { return m_ledger; }
    WhyComparePanel* sideBySide() const { return m_compare; }
    /// Whether the side-by-side tab is offered (a comparison is shown).
    bool comparing() const { return m_comparing; }
    /// The epoch last shown.
    int epoch() const { return m_epoch; }

signals:
    /// Open the explorer on this activation with these parameters.
    void explorerRequested(const QString& id, const ParamValues& params, const NetworkZ& z);
    void tabChanged(Tab tab);

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    /// Recomputes the current tab from the last network (when shown).
    void refresh();
    void retranslate();
    QStringList layerNames() const { return layerNames(m_net); }
    QStringList layerNames(const nn::Mlp& net) const;

    QTabWidget* m_tabs;
    OperatingPointsPanel* m_operating;
    HiddenSpacePanel* m_hidden;
    LedgerPanel* m_ledger;
    std::vector<double> m_grid;
    int m_gridSize = 0;
    RegionsPanel* m_regions;
    WhyComparePanel* m_compare;
    QTimer* m_continue;  ///< brings the remaining side-by-side cards up to date
    bool m_comparing = false;
    bool m_settle = false;  ///< the next refresh updates every side-by-side card
    nn::Dataset m_data;
    nn::FeatureTable m_train;
    std::vector<nn::Feature> m_features;  ///< of m_train
    nn::Mlp m_net, m_initial;
    std::vector<nn::ContourSegment> m_contour;
    int m_epoch = -1;
    bool m_hasNet = false;
    bool m_dirty = false;
    QString m_lang = QStringLiteral("en");
};

}  // namespace actlab::ui
