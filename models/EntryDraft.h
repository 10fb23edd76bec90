// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/policy/RegistrationEntry.h"
#include "core/store/RuleStore.h"

#include <QObject>
#include <QPointer>

namespace ta::models {

class Document;

/// The policy studio's working copy of the workspace's SPIRE registration entries, as
/// PolicyDraft is for policies: edits on the document's undo stack, save() a rule version.
class EntryDraft : public QObject
{
    Q_OBJECT

public:
    /// Which part of an entry an edit changes; consecutive edits of one field merge.
    enum class Field {
        SpiffeId,
        ParentId,
        Selectors,
        X509Ttl,
        JwtTtl,
        DnsNames,
        FederatesWith,
        Admin,
        Downstream
    };

    explicit EntryDraft(Document *document, QObject *parent = nullptr);

    /// Reads the latest saved version (none saved: no entries).
    [[nodiscard]] core::Result<void> load();

    const QList<core::RegistrationEntry> &entries() const { return m_entries; }
    const QList<core::RegistrationEntry> &savedEntries() const { return m_saved; }
    int savedVersion() const { return m_savedVersion; }
    bool isModified() const { return m_entries != m_saved; }

    /// Appends an entry for a workload of the first trust domain, with one selector.
    void addEntry();
    /// A copy right after @p row, without its ID (saving gives it a fresh one).
    void duplicateEntry(int row);
    void removeEntry(int row);
    void moveEntry(int from, int to);
    void updateEntry(int row, const core::RegistrationEntry &entry, Field field);

    [[nodiscard]] core::Result<int> save(const QString &comment);
    [[nodiscard]] core::Result<QList<core::RuleVersion>> versions();

    /// Called by the undo commands (see PolicyDraft::setPolicies).
    void setEntries(const QList<core::RegistrationEntry> &entries, int row);

Q_SIGNALS:
    void layoutReset();
    void entryChanged(int row);
    void saved(int version);

private:
    void push(const QList<core::RegistrationEntry> &after, int row, int mergeField,
              const QString &text);

    QPointer<Document> m_document;
    QList<core::RegistrationEntry> m_entries;
    QList<core::RegistrationEntry> m_saved;
    int m_savedVersion = 0;
};

} // namespace ta::models
