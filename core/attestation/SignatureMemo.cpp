// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/SignatureMemo.h"

#include <QRandomGenerator>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <ctime>

namespace ta::core {

SignatureMemo::Part::Part(const QByteArray &bytes)
    // Bytes without an owner (fromRawData: no header, so no count to share, and a capacity of
    // 0) are copied.
    : m_bytes(bytes.capacity() >= bytes.size() ? bytes
                                               : QByteArray(bytes.constData(), bytes.size()))
{}

bool SignatureMemo::Few::matches(const Part &fingerprint, std::initializer_list<Part> others) const
{
    if (count != qsizetype(others.size()) || keyFingerprint != fingerprint.bytes())
        return false;
    auto kept = parts.cbegin();
    for (const Part &p : others) {
        if (*kept++ != p.bytes())
            return false;
    }
    return true;
}

QByteArray SignatureMemo::keyOf(const Part &keyFingerprint, std::initializer_list<Part> parts)
{
    // Length-prefixed, so no two different splits of the same bytes share a key.
    QByteArray all;
    qsizetype total = keyFingerprint.bytes().size() + 8;
    for (const Part &p : parts)
        total += p.bytes().size() + 8;
    all.reserve(total);
    auto append = [&all](const QByteArray &p) {
        const quint64 size = qToBigEndian(quint64(p.size()));
        all.append(reinterpret_cast<const char *>(&size), sizeof size);
        all.append(p);
    };
    append(keyFingerprint.bytes());
    for (const Part &p : parts)
        append(p.bytes());
    return all;
}

std::optional<bool> SignatureMemo::findLocked(const Part &keyFingerprint,
                                              std::initializer_list<Part> parts) const
{
    for (const Few &few : m_few) {
        if (few.matches(keyFingerprint, parts))
            return few.ok;
    }
    if (m_many.isEmpty())
        return std::nullopt;
    const auto it = m_many.constFind(keyOf(keyFingerprint, parts));
    if (it != m_many.cend())
        return *it;
    return std::nullopt;
}

void SignatureMemo::insertLocked(const Part &keyFingerprint, std::initializer_list<Part> parts,
                                 bool ok)
{
    // Two threads may have made the same check at once: one entry, as a hash would keep.
    if (findLocked(keyFingerprint, parts))
        return;
    if (m_few.size() < FewChecks && qsizetype(parts.size()) <= FewParts) {
        Few few{keyFingerprint.bytes(), {}, qsizetype(parts.size()), ok};
        auto kept = few.parts.begin();
        for (const Part &p : parts)
            *kept++ = p.bytes();
        m_few.append(std::move(few));
    } else {
        m_many.insert(keyOf(keyFingerprint, parts), ok);
    }
}

qint64 SignatureMemo::threadCpuNanos()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

qint64 SignatureMemo::clockReadNanos()
{
    thread_local const qint64 nanos = [] {
        std::array<qint64, 31> deltas{};
        for (qint64 &d : deltas) {
            const qint64 first = threadCpuNanos();
            d = threadCpuNanos() - first;
        }
        std::nth_element(deltas.begin(), deltas.begin() + deltas.size() / 2, deltas.end());
        return deltas[deltas.size() / 2];
    }();
    return nanos;
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
