// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/Policy.h"

#include <QPointer>
#include <QUndoCommand>

namespace ta::models {

class PolicyDraft;

/// One edit of the policy studio's draft: the policy set before and after, as values.
/// Consecutive edits of the same field of the same policy merge, so typing a condition is one
/// undo step per field rather than one per keystroke.
class PolicyEditCommand : public QUndoCommand
{
public:
    /// @p row is the policy edited in place, or -1 for a change of rows; @p mergeField < 0
    /// never merges.
    PolicyEditCommand(PolicyDraft *draft, QList<core::Policy> before, QList<core::Policy> after,
                      int row, int mergeField, const QString &text);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    QPointer<PolicyDraft> m_draft;
    QList<core::Policy> m_before;
    QList<core::Policy> m_after;
    int m_row;
    int m_mergeField;
};

} // namespace ta::models
