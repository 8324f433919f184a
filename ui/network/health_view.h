#pragma once
// Gradient health, per network: the gradient norm of every layer as bars on a log scale and over
// time (a deep sigmoid network's vanishing gradient shows as a staircase), the share of dead units
// per layer (dying ReLU), each layer's activation mean and spread (SELU's self-normalisation) and
// PReLU's learned weights as they change. In compare mode there is one card per network, with the
// same scales, side by side.

#include <qcustomplot.h>

#include <QScrollArea>
#include <QWidget>
#include <vector>

#include "network/training_snapshot.h"

class QGridLayout;
class QLabel;

namespace actlab::ui {

/// The health charts of one network.
class HealthCard : public QCustomPlot {
    Q_OBJECT
public:
    explicit HealthCard(QWidget* parent = nullptr);
    ~HealthCard() override;

    /// The network: a title (empty for a single network), its colour and its shape.
    void setNetwork(const QString& title, const QColor& color, const nn::NetworkSpec& spec);
    /// Renames the card (another language).
    void setTitle(const QString& title);
    /// The panels one above the other instead of two a row (a narrow card).
    void setSingleColumn(bool single);
    const QString& titleText() const { return m_title; }
    /// A frame: new samples for the charts over time and the latest per-layer numbers.
    void addFrame(const NetworkFrame& frame);
    /// The smallest and largest positive gradient norm shown (NaN when there is none).
    std::pair<double, double> gradRange() const;
    /// The latest epoch shown.
    int lastEpoch() const;
    /// Applies the gradient scale and epoch range shared by every card, and rebuilds.
    void setSharedRanges(double gradLo, double gradHi, int epochs);

    /// The charts, for tests: gradient bars (one per layer), dead-unit bars (one per hidden
    /// layer), gradient-over-time graphs (one per layer) and PReLU graphs.
    const std::vector<QCPBars*>& gradientBars() const { return m_gradBars; }
    const std::vector<QCPBars*>& deadBars() const { return m_deadBars; }
    const std::vector<QCPGraph*>& gradientGraphs() const { return m_gradGraphs; }
    QCPGraph* meanGraph() const { return m_mean; }
    QCPAxisRect* gradientRect() const { return m_gradRect; }

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    /// The card's name and latest numbers for screen readers.
    void describe();
    QCPAxisRect* addPanel(QCPLayoutGrid* grid, int row, int column, QCPTextElement*& title);
    void retranslate();
    /// Colours, fonts and line widths from the theme and the presentation scale.
    void applyAppearance();
    void styleSeries();
    void rebuildSeries();
    void appendSeries(const std::vector<MetricSample>& samples);

    QString m_title;
    QColor m_color;
    nn::NetworkSpec m_spec;
    std::vector<MetricSample> m_samples;
    std::vector<double> m_recentGrad;
    nn::EpochMetrics m_metrics;
    QCPTextElement* m_header = nullptr;
    QCPTextElement* m_gradTitle = nullptr;
    QCPTextElement* m_deadTitle = nullptr;
    QCPTextElement* m_timeTitle = nullptr;
    QCPTextElement* m_meanTitle = nullptr;
    QCPTextElement* m_preluTitle = nullptr;
    QCPAxisRect* m_gradRect = nullptr;
    QCPAxisRect* m_deadRect = nullptr;
    QCPAxisRect* m_timeRect = nullptr;
    QCPAxisRect* m_meanRect = nullptr;
    QCPAxisRect* m_preluRect = nullptr;
    QCPLayoutGrid* m_panels = nullptr;
    QCPLayoutGrid* m_preluPanel = nullptr;  ///< in m_panels only while a layer learns a slope
    bool m_singleColumn = false;
    QCPItemText* m_noDead = nullptr;
    std::vector<QCPBars*> m_gradBars, m_deadBars;
    std::vector<QCPGraph*> m_gradGraphs, m_preluGraphs;
    QCPGraph* m_mean = nullptr;
    QCPErrorBars* m_spread = nullptr;
};

/// The cards of every network, with shared scales.
class HealthView : public QWidget {
    Q_OBJECT
public:
    explicit HealthView(QWidget* parent = nullptr);

    /// One card per network: titles (empty for a single network) and shapes.
    void setNetworks(const QStringList& titles, const std::vector<nn::NetworkSpec>& specs);
    /// Renames the cards (another language).
    void setTitles(const QStringList& titles);
    /// Network k's frame.
    void addFrame(int k, const NetworkFrame& frame);
    /// Shares the scales between the cards and queues repaints (only while visible).
    void refresh();

    int cardCount() const { return static_cast<int>(m_cards.size()); }
    HealthCard* card(int k) const;
    /// Scrolls card k to the top of the view, and keeps it there as the view is laid out until
    /// the user scrolls or the networks change.
    void scrollToCard(int k);
    QScrollArea* scrollArea() const { return m_scroll; }
    /// Columns of cards in the grid now.
    int columns() const { return m_columns; }

    /// A card's width and height at scale 1 (one or two networks, or more).
    static constexpr int kCardWidth = 560;
    static constexpr int kCardHeight = 480;
    static constexpr int kCardHeightMany = 420;

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void applyScrollTarget();
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    /// Puts the cards in as many columns as fit the width.
    void relayoutCards();

    QLabel* m_title = nullptr;
    QLabel* m_hint = nullptr;
    QScrollArea* m_scroll = nullptr;
    int m_scrollTarget = -1;  ///< the card kept at the top (scrollToCard), or −1
    int m_columns = 0;
    int m_cardHeight = 0;
    QWidget* m_host = nullptr;
    QGridLayout* m_grid = nullptr;
    std::vector<HealthCard*> m_cards;
};

}  // namespace actlab::ui
