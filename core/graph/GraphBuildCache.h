// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/AttestationResult.h"
#include "core/crypto/AuthoritySlot.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ta::core {

/// Everything a subject's node content (its properties) is made from.
struct SubjectNodeKey
{
    bool planned = false;
    bool workload = false;
    QString attestor;
    QString agentId;
    /// A node's platform key, a workload's node.
    QString where;
    /// The last observation at the instant drawn (none for a planned subject).
    QDateTime seen;
    Verdict verdict = Verdict::Affirming;
    QStringList selectors;
    /// Why the status is refused or stale; empty otherwise.
    QString reason;
    /// Whether a grant set applies, and the identities held through it.
    bool granted = false;
    QStringList identities;

    bool operator==(const SubjectNodeKey &) const = default;
};

/// Everything a credential's node label and properties are made from.
struct CredentialNodeKey
{
    AuthorityKind kind = AuthorityKind::X509;
    QString serial;
    QString spiffeId;
    QDateTime notBefore;
    QDateTime notAfter;

    bool operator==(const CredentialNodeKey &) const = default;
};

/// A node's label and properties as a build made them.
struct GraphNodeContent
{
    QString label;
    QJsonObject properties;
};

/// What GraphBuilder made of each subject, credential and identity, kept for the next build.
///
/// Building an edited estate again, GraphBuilder takes an unchanged item's label and properties
/// from here instead of making them anew: they are most of a build's cost (JSON objects, times
/// formatted as text). Being the same shared objects as before, they also compare equal at once
/// when the canvas works out what the edit changed. The graph's structure (indices, edges,
/// statuses) is made every time, so a kept item is exactly what a build from nothing makes.
///
/// The methods below other than reused(), made() and clear() are GraphBuilder's.
class GraphBuildCache
{
public:
    /// Of the last build: how many nodes had their content kept, and how many were made anew.
    int reused() const { return m_reused; }
    int made() const { return m_made; }
    /// Forgets everything: the next build makes every node anew.
    void clear();

    void beginBuild();
    /// Drops what the build just ended did not use (items that left the estate).
    void endBuild();
    /// The kept content of subject @p id when it was made from @p key, else null.
    const QJsonObject *subject(const QString &id, const SubjectNodeKey &key);
    const QJsonObject &keepSubject(const QString &id, SubjectNodeKey key, QJsonObject properties);
    const GraphNodeContent *credential(const QString &id, const CredentialNodeKey &key);
    const GraphNodeContent &keepCredential(const QString &id, CredentialNodeKey key,
                                           GraphNodeContent content);
    const GraphNodeContent *identity(const QString &spiffeId);
    const GraphNodeContent &keepIdentity(const QString &spiffeId, GraphNodeContent content);

private:
    template <typename Key>
    struct Entry
    {
        Key key;
        GraphNodeContent content;
        quint32 build = 0;
    };
    struct NoKey
    {
        bool operator==(const NoKey &) const = default;
    };
    template <typename Key>
    const GraphNodeContent *find(QHash<QString, Entry<Key>> &map, const QString &id,
                                 const Key &key);
    template <typename Key>
    const GraphNodeContent &keep(QHash<QString, Entry<Key>> &map, const QString &id, Key key,
                                 GraphNodeContent content);

    QHash<QString, Entry<SubjectNodeKey>> m_subjects;
    QHash<QString, Entry<CredentialNodeKey>> m_credentials;
    QHash<QString, Entry<NoKey>> m_identities;
    quint32 m_build = 0;
    int m_reused = 0;
    int m_made = 0;
};

} // namespace ta::core
