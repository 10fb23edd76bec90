// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/ReplayGuard.h"

namespace ta::core {
namespace {

// The subject's length first, so no two pairs share a key, whatever characters they hold (a
// JSON string may decode to a NUL).
QString keyOf(const QString &subject, const QString &nonce)
{
    const QString length = QString::number(subject.size());
    QString key;
    key.reserve(length.size() + 1 + subject.size() + nonce.size());
    key.append(length).append(QLatin1Char(':')).append(subject).append(nonce);
    return key;
}

} // namespace

QDateTime ReplayGuard::firstSeen(const QString &subject, const QString &nonce) const
{
    return m_seen.value(keyOf(subject, nonce));
}

bool ReplayGuard::remember(const QString &subject, const QString &nonce, const QDateTime &time)
{
    return !rememberFirst(subject, nonce, time).isValid();
}

QDateTime ReplayGuard::rememberFirst(const QString &subject, const QString &nonce,
                                     const QDateTime &time)
{
    const qsizetype before = m_seen.size();
    QDateTime &slot = m_seen[keyOf(subject, nonce)];
    if (m_seen.size() == before)
        return slot;
    slot = time;
    return {};
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
