#pragma once
// The sliders of a formula activation's parameters are the user's to set up: for each parameter
// its default (what reset returns to) and its slider range, as one row of number fields. Shown
// only while a formula with parameters is current.

#include <QWidget>
#include <vector>

class QGridLayout;
class QLabel;

namespace actlab::ui {

class ExplorerState;
class NumberSpinBox;

/// Default and range of each parameter of the current formula.
class FormulaRanges : public QWidget {
    Q_OBJECT
public:
    explicit FormulaRanges(ExplorerState* state, QWidget* parent = nullptr);

    /// Rebuilds the rows for the current activation (hidden for a built-in or no parameter).
    void sync();
    /// The fields of parameter `index`: 0 default, 1 from, 2 to (nullptr out of range).
    NumberSpinBox* field(int index, int which) const;

private:
    void changeEvent(QEvent* event) override;
    void retranslate();
    void commit(int index);

    ExplorerState* m_state;
    QLabel* m_title = nullptr;
    QGridLayout* m_grid = nullptr;
    QLabel* m_headers[3] = {};
    struct Row {
        QLabel* name;
        NumberSpinBox* fields[3];
    };
    std::vector<Row> m_rows;
};

}  // namespace actlab::ui
