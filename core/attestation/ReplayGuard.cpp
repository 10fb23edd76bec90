// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/ReplayGuard.h"

namespace ta::core {
namespace {

// A NUL cannot occur in a JSON-decoded subject that we accept, so the pair is unambiguous.
QString keyOf(const QString &subject, const QString &nonce)
{
    return subject + QChar(0) + nonce;
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
        const qsizetype sep = it.key().indexOf(QChar(0));
        fn(it.key().left(sep), it.key().mid(sep + 1), it.value());
    }
}

} // namespace ta::core
