// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/ReplayGuard.h"

namespace ta::core {

QDateTime ReplayGuard::firstSeen(const QString &subject, const QString &nonce) const
{
    return m_seen.value(Pair{subject, nonce});
}

bool ReplayGuard::remember(const QString &subject, const QString &nonce, const QDateTime &time)
{
    return !rememberFirst(subject, nonce, time).isValid();
}

QDateTime ReplayGuard::rememberFirst(const QString &subject, const QString &nonce,
                                     const QDateTime &time)
{
    const qsizetype before = m_seen.size();
    QDateTime &slot = m_seen[Pair{subject, nonce}];
    if (m_seen.size() == before)
        return slot;
    slot = time;
    return {};
}

void ReplayGuard::forEach(
    const std::function<void(const QString &, const QString &, const QDateTime &)> &fn) const
{
    for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it)
        fn(it.key().subject, it.key().nonce, it.value());
}

} // namespace ta::core
