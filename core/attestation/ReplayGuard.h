// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/HashIndex.h"
#include "core/Hashing.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <functional>
#include <vector>

namespace ta::core {

/// Remembers every (scope, nonce) pair accepted so far, so that evidence presented a second time
/// is refused as a replay. The scope is what the evidence proves, never an unsigned label:
/// EvidenceVerifier passes the agent ID for node evidence and the signed subject for workload
/// evidence. Another scope may use the same nonce value: nonces are chosen per agent (a TPM
/// quote's qualifying data, a PoP challenge, a token ID). The parameters keep the name
/// "subject" for the store's persisted column.
class ReplayGuard
{
public:
    /// When @p subject first presented @p nonce; invalid when it never did.
    QDateTime firstSeen(const QString &subject, const QString &nonce) const;
    bool seen(const QString &subject, const QString &nonce) const
    {
        return firstSeen(subject, nonce).isValid();
    }
    /// Records @p nonce for @p subject at @p time; false (and no change) when already seen.
    bool remember(const QString &subject, const QString &nonce, const QDateTime &time);
    /// When @p subject first presented @p nonce; when it never did, records it at @p time and
    /// returns an invalid time. firstSeen() then remember() in one look-up.
    QDateTime rememberFirst(const QString &subject, const QString &nonce, const QDateTime &time);
    qsizetype size() const { return qsizetype(m_entries.size()); }
    /// Calls @p fn for every remembered (subject, nonce, first seen), in the order first seen,
    /// for persisting the guard.
    void forEach(
        const std::function<void(const QString &, const QString &, const QDateTime &)> &fn) const;

private:
    /// Every pair remembered, in the order it was first seen.
    struct Entry
    {
        QString subject;
        QString nonce;
        QDateTime first;
    };
    static size_t hashOf(const QString &subject, const QString &nonce)
    {
        return seededHash(QHashSeed::globalSeed(), subject, nonce);
    }
    /// Whether entry @p i is the pair (@p subject, @p nonce).
    bool isPair(qsizetype i, const QString &subject, const QString &nonce) const
    {
        const Entry &e = m_entries[size_t(i)];
        return e.subject == subject && e.nonce == nonce;
    }

    std::vector<Entry> m_entries;
    /// The entries by the pair's hash, kept beside each number: a new pair (nearly every
    /// record's) costs one probe, where QHash cost two or three cache misses in a guard of a
    /// million.
    HashIndex m_index;
};

} // namespace ta::core
