#include "network/data_edit.h"

namespace actlab::ui {

DataEditCommand::DataEditCommand(const QString& text, DataState before, DataState after,
                                 bool restart, Apply apply)
    : QUndoCommand(text),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_restart(restart),
      m_apply(std::move(apply)) {}

void DataEditCommand::undo() {
    m_apply(m_before, m_restart);
}

void DataEditCommand::redo() {
    m_apply(m_after, m_restart);
}

}  // namespace actlab::ui
