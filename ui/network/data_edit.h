#pragma once
// Undoable changes of the data. Every change of the points (a click, an erase, clear, regenerate,
// another dataset, an import) is one QUndoCommand that holds the data before and after, so that
// nothing a user drew is lost to an accidental click.

#include <QUndoCommand>
#include <functional>
#include <optional>

#include "nn/dataset.h"

namespace actlab::ui {

/// The data part of the page's session.
struct DataState {
    nn::DatasetSpec generator;
    /// The explicit points, once edited or imported; empty while the generator's points are used.
    std::optional<nn::Dataset> points;
    /// The points shown and trained on.
    nn::Dataset data;
};

/// One change of the data, applied through a callback of the page.
class DataEditCommand : public QUndoCommand {
public:
    /// Applies a state; `restart` asks for new networks (another dataset) rather than new data
    /// for the running ones (points added or erased).
    using Apply = std::function<void(const DataState& state, bool restart)>;

    DataEditCommand(const QString& text, DataState before, DataState after, bool restart,
                    Apply apply);
    void undo() override;
    void redo() override;

private:
    DataState m_before, m_after;
    bool m_restart;
    Apply m_apply;
};

}  // namespace actlab::ui
