// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QPointer>
#include <QUndoCommand>

namespace ta::models {

/// One edit of a studio draft (the policy set, or the registration entries): the list before
/// and after, as values, put back through @p Set. Consecutive edits of the same field of the
/// same row merge, so typing a condition is one undo step per field rather than one per
/// keystroke. @p Id tells the drafts' commands apart for merging.
template <typename Draft, typename Item, void (Draft::*Set)(const QList<Item> &, int), int Id>
class DraftEditCommand : public QUndoCommand
{
public:
    /// @p row is the item edited in place, or -1 for a change of rows; @p mergeField < 0 never
    /// merges.
    DraftEditCommand(Draft *draft, QList<Item> before, QList<Item> after, int row, int mergeField,
                     const QString &text)
        : QUndoCommand(text), m_draft(draft), m_before(std::move(before)),
          m_after(std::move(after)), m_row(row), m_mergeField(mergeField)
    {}

    void undo() override
    {
        if (m_draft)
            (m_draft->*Set)(m_before, m_row);
    }
    void redo() override
    {
        if (m_draft)
            (m_draft->*Set)(m_after, m_row);
    }
    int id() const override { return m_mergeField < 0 ? -1 : Id; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *o = static_cast<const DraftEditCommand *>(other);
        if (o->m_draft != m_draft || o->m_row != m_row || o->m_mergeField != m_mergeField)
            return false;
        m_after = o->m_after;
        setText(o->text());
        return true;
    }

private:
    QPointer<Draft> m_draft;
    QList<Item> m_before;
    QList<Item> m_after;
    int m_row;
    int m_mergeField;
};

} // namespace ta::models
