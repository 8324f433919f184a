#pragma once
// The data column: a dataset picker with small previews, noise, the share of training points,
// the number of points and of classes, regenerate, CSV import and export, and the tools that edit
// points on the output plot (add by clicking, erase, clear, undo).

#include <QWidget>
#include <array>

#include "nn/dataset.h"

class QAction;
class QLabel;
class QSlider;
class QToolButton;
class QPushButton;

namespace actlab::ui {

/// Chooses and edits the data.
class DatasetPanel : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPanel(QWidget* parent = nullptr);

    /// Shows a generator's settings. `edited`: the points were changed by hand since (shown in the
    /// summary). Emits nothing.
    void setSpec(const nn::DatasetSpec& spec, bool edited);
    /// Shows how many training and test points there are.
    void setCounts(int train, int test);
    /// The class that a left click adds (multi-class sets; 0-based), and the number of classes.
    int brushClass() const { return m_brush; }
    void setBrushClass(int k);
    /// Undo and redo of data edits, shown as buttons.
    void setUndoActions(QAction* undo, QAction* redo);
    /// Shows names in the current language.
    void retranslate();

    /// The controls, for the page and for tests.
    QToolButton* kindButton(nn::DatasetKind kind) const;
    QSlider* noiseSlider() const { return m_noise; }
    QSlider* trainSlider() const { return m_train; }
    QSlider* pointsSlider() const { return m_points; }
    QSlider* classesSlider() const { return m_classes; }
    QPushButton* regenerateButton() const { return m_regenerate; }
    QToolButton* eraseButton() const { return m_erase; }

    /// The number of points at each position of the points slider.
    static int pointsAt(int position);
    static int positionFor(int points);

signals:
    void kindChosen(nn::DatasetKind kind);
    void noiseChosen(int percent);
    void trainPercentChosen(int percent);
    void pointsChosen(int points);
    void classesChosen(int classes);
    void regenerateRequested();
    void importRequested();
    void exportRequested();
    void clearRequested();
    /// Erase mode: clicks on the output plot remove points.
    void eraseModeToggled(bool on);
    void brushClassChanged(int k);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateLabels();
    void updateHint();
    QString kindName(nn::DatasetKind kind) const;

    nn::DatasetSpec m_spec;
    bool m_edited = false;
    int m_brush = 0;
    std::array<QToolButton*, 9> m_kinds{};
    QLabel* m_title = nullptr;
    QLabel* m_kindLabel = nullptr;
    QLabel* m_noiseLabel = nullptr;
    QLabel* m_trainLabel = nullptr;
    QLabel* m_pointsLabel = nullptr;
    QLabel* m_classesLabel = nullptr;
    QLabel* m_counts = nullptr;
    int m_trainCount = -1, m_testCount = 0;  ///< shown by m_counts (none yet while negative)
    QLabel* m_editTitle = nullptr;
    QLabel* m_hint = nullptr;
    QSlider* m_noise = nullptr;
    QSlider* m_train = nullptr;
    QSlider* m_points = nullptr;
    QSlider* m_classes = nullptr;
    QPushButton* m_regenerate = nullptr;
    QToolButton* m_import = nullptr;
    QToolButton* m_export = nullptr;
    QToolButton* m_erase = nullptr;
    QToolButton* m_clear = nullptr;
    QToolButton* m_undo = nullptr;
    QToolButton* m_redo = nullptr;
    std::array<QToolButton*, 5> m_brushes{};
};

}  // namespace actlab::ui
