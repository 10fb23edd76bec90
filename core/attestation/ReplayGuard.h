// SPDX-License-Identifier: Apache-2.0
#pragma once

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
    /// An open-addressed slot: a pair's hash and its entry, or entry -1 when free. The hash is
    /// in the slot, so a probe passes over a pair of another hash without reading its entry:
    /// a new pair (nearly every record's) costs the one slot look-up. QHash, which keeps no
    /// hashes and whose entries lie apart from its index, cost two or three cache misses per
    /// pair in a guard of a million.
    struct Slot
    {
        size_t hash = 0;
        qsizetype entry = -1;
    };
    static size_t hashOf(const QString &subject, const QString &nonce)
    {
        return seededHash(QHashSeed::globalSeed(), subject, nonce);
    }
    /// The slot holding the pair, or the free slot where it would go.
    size_t slotOf(size_t hash, const QString &subject, const QString &nonce) const;
    /// Doubles the slots (at least 16), placing every entry again by its hash.
    void grow();

    std::vector<Entry> m_entries;
    std::vector<Slot> m_slots; // a power of two, at most half used
};

} // namespace ta::core
