#pragma once
// The "Why" view side by side (compare mode): one card per compared network with the operating
// points of its first and last hidden layer, the space of its last hidden layer with the straight
// boundary of the affine output, and its number of linear regions (or that it is smooth). The
// cards are brought up to date in turn, one a frame, so that eight of them leave training at its
// frame rate.

#include <QFrame>
#include <QStringList>
#include <functional>
#include <vector>

#include "inspect/operating_points.h"
#include "inspect/region_map.h"
#include "nn/contour.h"
#include "nn/dataset.h"
#include "nn/network.h"

class QGridLayout;
class QLabel;

namespace actlab::ui {

class HiddenSpacePanel;
class OperatingPointsPlot;

/// One compared network.
class WhyCompareCard : public QFrame {
    Q_OBJECT
public:
    explicit WhyCompareCard(QWidget* parent = nullptr);

    void setTitle(const QString& title, const QColor& colour);
    /// Computes and draws the network's views over the training points (features `train`).
    /// `names` gives each hidden layer's activation name.
    void update(const nn::Mlp& net, const nn::Dataset& data, const nn::FeatureTable& train,
                const std::vector<nn::ContourSegment>& contour, const QStringList& names);

    /// The region count of the last update (0 for a smooth network).
    int regions() const { return m_result.piecewiseLinear ? m_result.regions : 0; }
    bool piecewiseLinear() const { return m_result.piecewiseLinear; }
    /// The plots: first hidden layer, last hidden layer (hidden for a single hidden layer).
    OperatingPointsPlot* firstLayer() const { return m_first; }
    OperatingPointsPlot* lastLayer() const { return m_last; }
    HiddenSpacePanel* space() const { return m_space; }
    QLabel* header() const { return m_header; }
    QLabel* regionsLabel() const { return m_regionsLabel; }

private:
    QLabel* m_header;
    QLabel* m_regionsLabel;
    OperatingPointsPlot* m_first;
    OperatingPointsPlot* m_last;
    HiddenSpacePanel* m_space;
    inspect::OperatingPoints m_points;
    inspect::RegionMap m_regionMap;
    std::vector<int> m_ids;
    inspect::RegionResult m_result;
};

class WhyComparePanel : public QWidget {
    Q_OBJECT
public:
    explicit WhyComparePanel(QWidget* parent = nullptr);

    /// One card per compared network, titled with its activation.
    void setMembers(const QStringList& names);
    /// The latest state of network k.
    void setMember(int k, const nn::Mlp& net, const std::vector<nn::ContourSegment>& contour);
    /// Brings up to `maxCards` stale cards up to date (every one when `maxCards` ≤ 0), in turn
    /// from where the last call stopped. `layerNames(net)` names a network's hidden layers.
    void refresh(const nn::Dataset& data, const nn::FeatureTable& train,
                 const std::function<QStringList(const nn::Mlp&)>& layerNames, int maxCards);
    /// Whether some card has not shown its network's latest state.
    bool stale() const;

    int cardCount() const { return int(m_cards.size()); }
    WhyCompareCard* card(int k) const { return m_cards[std::size_t(k)]; }

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// Places the cards, as many a row as the scroll area's width holds.
    void relayout();

    QGridLayout* m_grid;
    std::vector<WhyCompareCard*> m_cards;
    struct Member {
        nn::Mlp net;
        std::vector<nn::ContourSegment> contour;
        bool has = false;
        bool dirty = false;
    };
    std::vector<Member> m_members;
    int m_next = 0;  ///< the card the next refresh starts with
};

}  // namespace actlab::ui
