#pragma once
// Compare mode: the same data and the same initial weights trained with 2 to 8 activations at
// once. A grid of small decision-boundary maps, each with its activation's name, loss and
// accuracy, next to one loss chart with all of them overlaid. Clicking a map opens that network
// in the full view.

#include <QColor>
#include <QFrame>
#include <QStringList>
#include <vector>

#include "network/training_snapshot.h"
#include "nn/dataset.h"
#include "nn/network.h"

class QAction;
class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace actlab::ui {

class BoundaryPlot;
class LossChart;
class TextLine;

/// One network of a comparison: its name, its numbers and its map.
class CompareCell : public QFrame {
    Q_OBJECT
public:
    CompareCell(int index, QWidget* parent = nullptr);

    BoundaryPlot* plot() const { return m_plot; }
    QLabel* titleLabel() const { return m_title; }
    TextLine* statsLabel() const { return m_stats; }
    /// The activation's name and its colour in the loss chart.
    void setTitle(const QString& name, const QColor& color);
    /// The numbers under the name; a diverged network says so instead.
    void setStats(const NetworkFrame& frame, bool hasTestSet);

    QSize sizeHint() const override { return {260, 300}; }

signals:
    /// The cell was clicked: open it in the full view.
    void clicked(int index);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void showTitle();

    int m_index;
    QString m_name;
    QColor m_colour;
    QLabel* m_title;
    TextLine* m_stats;
    BoundaryPlot* m_plot;
};

/// The comparison grid and its overlaid loss chart.
class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(QWidget* parent = nullptr);

    /// One cell per activation (ids, with their display names). No ids: an invitation to pick.
    void setMembers(const QStringList& ids, const QStringList& names, nn::OutputKind kind,
                    int outputs);
    /// The data drawn on every map, and the map toggles.
    void setData(const nn::Dataset& data);
    void setShowTestData(bool show);
    void setDiscretize(bool on);
    /// Network k's frame: its map, contour and numbers.
    void setFrame(int k, const NetworkFrame& frame, bool hasTestSet);
    /// Queues a repaint of every map.
    void replotCells();
    /// Shows names in `lang`: the activation menu, and the cells' and the chart's `names`.
    void setLanguage(const QString& lang, const QStringList& names);

    int cellCount() const { return static_cast<int>(m_cells.size()); }
    CompareCell* cell(int k) const;
    LossChart* lossChart() const { return m_loss; }
    QToolButton* chooseButton() const { return m_choose; }
    QMenu* activationMenu() const { return m_menu; }
    QPushButton* classicButton() const { return m_classic; }
    QCheckBox* logScaleBox() const { return m_logScale; }
    QComboBox* metricBox() const { return m_metric; }
    QCheckBox* showTrainingBox() const { return m_showTrain; }

signals:
    /// A cell was clicked.
    void openRequested(int k);
    /// An activation was ticked or unticked in the menu.
    void activationToggled(const QString& id, bool on);
    /// Compare the eight classic activations.
    void classicRequested();
    /// Leave compare mode.
    void stopRequested();
    /// "Add a formula…": the user wants to compare a formula activation.
    void formulaRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillMenu();
    void syncMenu();
    void relayoutCells();

    QString m_lang = QStringLiteral("en");
    QStringList m_ids;
    QLabel* m_title = nullptr;
    QLabel* m_hint = nullptr;
    QToolButton* m_choose = nullptr;
    QMenu* m_menu = nullptr;
    QAction* m_classicAction = nullptr;
    QAction* m_stopAction = nullptr;
    std::vector<QAction*> m_activationActions;
    QAction* m_formulaAction = nullptr;
    QStackedWidget* m_stack = nullptr;
    QWidget* m_gridHost = nullptr;
    QGridLayout* m_grid = nullptr;
    QLabel* m_emptyText = nullptr;
    QPushButton* m_classic = nullptr;
    LossChart* m_loss = nullptr;
    QWidget* m_chartColumn = nullptr;
    QCheckBox* m_logScale = nullptr;
    QComboBox* m_metric = nullptr;
    QCheckBox* m_showTrain = nullptr;
    std::vector<CompareCell*> m_cells;
    int m_columns = 0;
};

}  // namespace actlab::ui
