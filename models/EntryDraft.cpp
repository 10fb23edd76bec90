// SPDX-License-Identifier: Apache-2.0
#include "models/EntryDraft.h"

#include "models/Document.h"
#include "models/DraftEditCommand.h"

#include "core/store/Workspace.h"

#include <QUndoStack>

namespace ta::models {

using EntryEditCommand = DraftEditCommand<EntryDraft, core::RegistrationEntry,
                                          &EntryDraft::setEntries, 0x45454443>; // "EEDC"

EntryDraft::EntryDraft(Document *document, QObject *parent) : QObject(parent), m_document(document)
{}

core::Result<void> EntryDraft::load()
{
    core::RuleStore store(m_document->workspace(Document::WriteAccess()).database());
    auto latest = store.latestVersion(core::RuleKind::Entries);
    if (!latest)
        return latest.error();
    auto entries = store.entries(*latest);
    if (!entries)
        return entries.error();
    m_saved = *entries;
    m_savedVersion = *latest;
    setEntries(*entries, -1);
    return {};
}

core::Result<QList<core::RuleVersion>> EntryDraft::versions()
{
    core::RuleStore store(m_document->workspace(Document::WriteAccess()).database());
    return store.versions(core::RuleKind::Entries);
}

void EntryDraft::addEntry()
{
    const QStringList domains = m_document->workspace().trustDomainNames();
    const QString td = domains.isEmpty() ? QStringLiteral("example.org") : domains.first();
    core::RegistrationEntry e;
    e.spiffeId = QStringLiteral("spiffe://%1/workload-%2").arg(td).arg(m_entries.size() + 1);
    e.parentId = QStringLiteral("spiffe://%1/spire/server").arg(td);
    e.selectors = {{QStringLiteral("unix"), QStringLiteral("uid:1000")}};
    QList<core::RegistrationEntry> after = m_entries;
    after.append(e);
    push(after, -1, -1, tr("Add entry %1").arg(e.spiffeId));
}

void EntryDraft::duplicateEntry(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    core::RegistrationEntry e = m_entries.at(row);
    e.id.clear();
    e.createdAt = 0;
    e.revisionNumber = 0;
    QList<core::RegistrationEntry> after = m_entries;
    after.insert(row + 1, e);
    push(after, -1, -1, tr("Duplicate entry %1").arg(e.spiffeId));
}

void EntryDraft::removeEntry(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    QList<core::RegistrationEntry> after = m_entries;
    after.removeAt(row);
    push(after, -1, -1, tr("Remove entry %1").arg(m_entries.at(row).spiffeId));
}

void EntryDraft::moveEntry(int from, int to)
{
    if (from < 0 || from >= m_entries.size() || to < 0 || to >= m_entries.size() || from == to)
        return;
    QList<core::RegistrationEntry> after = m_entries;
    after.move(from, to);
    push(after, -1, -1, tr("Move entry %1").arg(m_entries.at(from).spiffeId));
}

void EntryDraft::updateEntry(int row, const core::RegistrationEntry &entry, Field field)
{
    if (row < 0 || row >= m_entries.size() || m_entries.at(row) == entry)
        return;
    QList<core::RegistrationEntry> after = m_entries;
    after[row] = entry;
    push(after, row, int(field), tr("Edit entry %1").arg(entry.spiffeId));
}

void EntryDraft::push(const QList<core::RegistrationEntry> &after, int row, int mergeField,
                      const QString &text)
{
    m_document->undoStack()->push(
        new EntryEditCommand(this, m_entries, after, row, mergeField, text));
}

void EntryDraft::setEntries(const QList<core::RegistrationEntry> &entries, int row)
{
    const bool sameRows = entries.size() == m_entries.size() && row >= 0;
    m_entries = entries;
    if (sameRows)
        Q_EMIT entryChanged(row);
    else
        Q_EMIT layoutReset();
}

core::Result<int> EntryDraft::save(const QString &comment)
{
    core::RuleStore store(m_document->workspace(Document::WriteAccess()).database());
    auto version = store.saveEntries(m_entries, comment, m_document->now());
    if (!version)
        return version.error();
    // The store gave new entries their IDs and creation times: the saved form is the draft now.
    auto stored = store.entries(*version);
    if (!stored)
        return stored.error();
    m_saved = *stored;
    m_savedVersion = *version;
    setEntries(*stored, -1);
    Q_EMIT saved(*version);
    return version;
}

} // namespace ta::models
