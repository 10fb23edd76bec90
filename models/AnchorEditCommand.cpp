// SPDX-License-Identifier: Apache-2.0
#include "models/AnchorEditCommand.h"

#include "models/Document.h"

namespace ta::models {

AnchorEditCommand::AnchorEditCommand(Document *document, Operation operation, core::AnchorList list,
                                     const QString &subject, QList<core::AnchorEntryKey> keys,
                                     QList<core::StoredAnchorEntry> before,
                                     QList<core::StoredAnchorEntry> after)
    : m_document(document), m_keys(std::move(keys)), m_before(std::move(before)),
      m_after(std::move(after))
{
    setText(describe(operation, list, subject, int(m_keys.size())));
}

QString AnchorEditCommand::describe(Operation operation, core::AnchorList list,
                                    const QString &subject, int count)
{
    const bool anchor = list == core::AnchorList::Anchors;
    switch (operation) {
    case Operation::Import:
        return tr("Import trust anchors and reference values (entries: %1)").arg(count);
    case Operation::Add:
        return anchor ? tr("Add trust anchor %1").arg(subject)
                      : tr("Add reference value %1").arg(subject);
    case Operation::Edit:
        return anchor ? tr("Edit trust anchor %1").arg(subject)
                      : tr("Edit reference value %1").arg(subject);
    case Operation::Remove:
        return anchor ? tr("Remove trust anchor %1").arg(subject)
                      : tr("Remove reference value %1").arg(subject);
    }
    return {};
}

void AnchorEditCommand::undo()
{
    apply(m_before);
}

void AnchorEditCommand::redo()
{
    if (m_first) {
        m_first = false;
        return;
    }
    apply(m_after);
}

void AnchorEditCommand::apply(const QList<core::StoredAnchorEntry> &entries)
{
    core::AttestationStore store(m_document->workspace(Document::WriteAccess()).database());
    if (auto r = store.restoreEntries(m_keys, entries); !r) {
        m_document->reportCommandFailure(r.error());
        return;
    }
    m_document->notifyAnchorsChanged(m_keys);
}

} // namespace ta::models
