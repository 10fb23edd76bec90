// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/RegistrationEntry.h"

#include <QPointer>
#include <QUndoCommand>

namespace ta::models {

class EntryDraft;

/// One edit of the studio's registration entries, as values before and after; consecutive
/// edits of one field of one entry merge (as PolicyEditCommand).
class EntryEditCommand : public QUndoCommand
{
public:
    EntryEditCommand(EntryDraft *draft, QList<core::RegistrationEntry> before,
                     QList<core::RegistrationEntry> after, int row, int mergeField,
                     const QString &text);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    QPointer<EntryDraft> m_draft;
    QList<core::RegistrationEntry> m_before;
    QList<core::RegistrationEntry> m_after;
    int m_row;
    int m_mergeField;
};

} // namespace ta::models
