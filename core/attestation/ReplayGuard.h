// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

#include <functional>

namespace ta::core {

/// Remembers every (subject, nonce) pair accepted so far, so that evidence a subject presents a
/// second time is refused as a replay. Another subject may use the same nonce value: nonces are
/// chosen per subject (a TPM quote's qualifying data, a PoP challenge, a token ID).
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
    qsizetype size() const { return m_seen.size(); }
    /// Calls @p fn for every remembered (subject, nonce, first seen), for persisting the guard.
    void forEach(const std::function<void(const QString &, const QString &, const QDateTime &)> &fn) const;

private:
    QHash<QString, QDateTime> m_seen;
};

} // namespace ta::core
