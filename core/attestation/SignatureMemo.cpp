// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/SignatureMemo.h"

#include <QRandomGenerator>
#include <QtEndian>

#include <ctime>

namespace ta::core {

QByteArray SignatureMemo::keyOf(QByteArrayView keyFingerprint,
                                std::initializer_list<QByteArrayView> parts)
{
    // Length-prefixed, so no two different splits of the same bytes share a key. Kept whole:
    // hashing it to a digest cost more than the few comparisons of one record's checks.
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
    return all;
}

std::optional<bool> SignatureMemo::findLocked(const QByteArray &id) const
{
    for (const auto &[key, ok] : m_few) {
        if (key == id)
            return ok;
    }
    const auto it = m_many.constFind(id);
    if (it != m_many.cend())
        return *it;
    return std::nullopt;
}

void SignatureMemo::insertLocked(const QByteArray &id, bool ok)
{
    // Two threads may have made the same check at once: one entry, as a hash would keep.
    if (findLocked(id))
        return;
    if (m_few.size() < FewChecks)
        m_few.append({id, ok});
    else
        m_many.insert(id, ok);
}

qint64 SignatureMemo::threadCpuNanos()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

bool SignatureMemo::sampled()
{
    // xorshift64*, seeded once per thread from the system's generator: cheap, and no two threads
    // (or runs) share a sequence.
    thread_local quint64 state = QRandomGenerator::system()->generate64() | 1;
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return ((state * 0x2545F4914F6CDD1DULL) >> 32) % kTimedShare == 0;
}

void SignatureMemo::addTiming(qint64 nanos)
{
    m_timedChecks.fetch_add(1, std::memory_order_relaxed);
    m_verifyCpuNanos.fetch_add(nanos, std::memory_order_relaxed);
    m_verifyCpuNanosSquared.fetch_add(double(nanos) * double(nanos), std::memory_order_relaxed);
}

qsizetype SignatureMemo::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_few.size() + m_many.size();
}

void SignatureMemo::clear()
{
    QMutexLocker lock(&m_mutex);
    m_few.clear();
    m_many.clear();
}

} // namespace ta::core
