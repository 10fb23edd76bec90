// SPDX-License-Identifier: Apache-2.0
#include "models/EntryEditCommand.h"

#include "models/EntryDraft.h"

namespace ta::models {
namespace {
constexpr int kCommandId = 0x45454443; // "EEDC"
}

EntryEditCommand::EntryEditCommand(EntryDraft *draft, QList<core::RegistrationEntry> before,
                                   QList<core::RegistrationEntry> after, int row, int mergeField,
                                   const QString &text)
    : m_draft(draft), m_before(std::move(before)), m_after(std::move(after)), m_row(row),
      m_mergeField(mergeField)
{
    setText(text);
}

void EntryEditCommand::undo()
{
    if (m_draft)
        m_draft->setEntries(m_before, m_row);
}

void EntryEditCommand::redo()
{
    if (m_draft)
        m_draft->setEntries(m_after, m_row);
}

int EntryEditCommand::id() const
{
    return m_mergeField < 0 ? -1 : kCommandId;
}

bool EntryEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const EntryEditCommand *>(other);
    if (o->m_draft != m_draft || o->m_row != m_row || o->m_mergeField != m_mergeField)
        return false;
    m_after = o->m_after;
    setText(o->text());
    return true;
}

} // namespace ta::models
