// SPDX-License-Identifier: Apache-2.0
#include "models/PolicyEditCommand.h"

#include "models/PolicyDraft.h"

namespace ta::models {
namespace {
constexpr int kCommandId = 0x50454443; // "PEDC"
}

PolicyEditCommand::PolicyEditCommand(PolicyDraft *draft, QList<core::Policy> before,
                                     QList<core::Policy> after, int row, int mergeField,
                                     const QString &text)
    : m_draft(draft), m_before(std::move(before)), m_after(std::move(after)), m_row(row),
      m_mergeField(mergeField)
{
    setText(text);
}

void PolicyEditCommand::undo()
{
    if (m_draft)
        m_draft->setPolicies(m_before, m_row);
}

void PolicyEditCommand::redo()
{
    if (m_draft)
        m_draft->setPolicies(m_after, m_row);
}

int PolicyEditCommand::id() const
{
    return m_mergeField < 0 ? -1 : kCommandId;
}

bool PolicyEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const PolicyEditCommand *>(other);
    if (o->m_draft != m_draft || o->m_row != m_row || o->m_mergeField != m_mergeField)
        return false;
    m_after = o->m_after;
    setText(o->text());
    return true;
}

} // namespace ta::models
