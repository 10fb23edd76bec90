// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/ReplayGuard.h"

namespace ta::core {
namespace {

// The subject's length first, so no two pairs share a key, whatever characters they hold (a
// JSON string may decode to a NUL).
QString keyOf(const QString &subject, const QString &nonce)
{
    return QString::number(subject.size()) + QLatin1Char(':') + subject + nonce;
}

} // namespace

QDateTime ReplayGuard::firstSeen(const QString &subject, const QString &nonce) const
{
    return m_seen.value(keyOf(subject, nonce));
}

bool ReplayGuard::remember(const QString &subject, const QString &nonce, const QDateTime &time)
{
    const QString key = keyOf(subject, nonce);
    if (m_seen.contains(key))
        return false;
    m_seen.insert(key, time);
    return true;
}

void ReplayGuard::forEach(
    const std::function<void(const QString &, const QString &, const QDateTime &)> &fn) const
{
    for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it) {
        const QString &key = it.key();
        const qsizetype colon = key.indexOf(QLatin1Char(':'));
        const qsizetype length = key.left(colon).toLongLong();
        fn(key.mid(colon + 1, length), key.mid(colon + 1 + length), it.value());
    }
}

} // namespace ta::core
