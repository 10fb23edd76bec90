// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/SignatureMemo.h"

#include "core/crypto/Digest.h"

#include <QtEndian>

#include <ctime>

namespace ta::core {

QByteArray SignatureMemo::keyOf(QByteArrayView keyFingerprint,
                                std::initializer_list<QByteArrayView> parts)
{
    // Length-prefixed, so no two different splits of the same bytes share a key.
    QByteArray all;
    qsizetype total = keyFingerprint.size() + 8;
    for (QByteArrayView p : parts)
        total += p.size() + 8;
    all.reserve(total);
    auto append = [&all](QByteArrayView p) {
        const quint64 size = qToBigEndian(quint64(p.size()));
        all.append(reinterpret_cast<const char *>(&size), sizeof size);
        all.append(p);
    };
    append(keyFingerprint);
    for (QByteArrayView p : parts)
        append(p);
    return sha256(all);
}

qint64 SignatureMemo::threadCpuNanos()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

qsizetype SignatureMemo::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_outcomes.size();
}

void SignatureMemo::clear()
{
    QMutexLocker lock(&m_mutex);
    m_outcomes.clear();
}

} // namespace ta::core
