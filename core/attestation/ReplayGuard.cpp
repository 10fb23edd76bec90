// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/ReplayGuard.h"

namespace ta::core {

QDateTime ReplayGuard::firstSeen(const QString &subject, const QString &nonce) const
{
    const qsizetype entry = m_index.find(hashOf(subject, nonce),
                                         [&](qsizetype i) { return isPair(i, subject, nonce); });
    return entry >= 0 ? m_entries[size_t(entry)].first : QDateTime();
}

bool ReplayGuard::remember(const QString &subject, const QString &nonce, const QDateTime &time)
{
    return !rememberFirst(subject, nonce, time).isValid();
}

QDateTime ReplayGuard::rememberFirst(const QString &subject, const QString &nonce,
                                     const QDateTime &time)
{
    const qsizetype entry =
        m_index.findOrAdd(hashOf(subject, nonce), qsizetype(m_entries.size()),
                          [&](qsizetype i) { return isPair(i, subject, nonce); });
    if (entry >= 0)
        return m_entries[size_t(entry)].first;
    m_entries.push_back({subject, nonce, time});
    return {};
}

void ReplayGuard::forEach(
    const std::function<void(const QString &, const QString &, const QDateTime &)> &fn) const
{
    for (const Entry &e : m_entries)
        fn(e.subject, e.nonce, e.first);
}

} // namespace ta::core
