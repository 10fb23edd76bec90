// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Hashing.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <functional>

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
    qsizetype size() const { return m_seen.size(); }
    /// Calls @p fn for every remembered (subject, nonce, first seen), for persisting the guard.
    void forEach(
        const std::function<void(const QString &, const QString &, const QDateTime &)> &fn) const;

private:
    /// The two strings themselves, not one built from them: no allocation per look-up, and the
    /// stored pair shares the caller's strings. With their hash beside them (see HashedString):
    /// a look-up passes over a probed pair of another hash without reading its strings.
    struct Pair
    {
        Pair(const QString &subject, const QString &nonce)
            : subject(subject), nonce(nonce),
              hash(seededHash(QHashSeed::globalSeed(), subject, nonce))
        {}
        QString subject;
        QString nonce;
        size_t hash;
        friend bool operator==(const Pair &a, const Pair &b) noexcept
        {
            return a.hash == b.hash && a.subject == b.subject && a.nonce == b.nonce;
        }
        friend size_t qHash(const Pair &p, size_t seed = 0) noexcept
        {
            return seed == QHashSeed::globalSeed() ? p.hash : seededHash(seed, p.subject, p.nonce);
        }
    };
    QHash<Pair, QDateTime> m_seen;
};

} // namespace ta::core
