// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QMutex>

#include <atomic>
#include <initializer_list>
#include <optional>
#include <utility>

namespace ta::core {

/// Outcomes of signature checks already made, keyed by everything the check read: the key's
/// fingerprint, the algorithm, the signed bytes and the signature, compared whole (no digest).
/// An outcome depends on nothing else, so reusing it cannot change a verdict; this is what lets
/// EvidenceVerifier check each record's signatures on every core ahead of the replay, which
/// must run in order, and verify a record again without checking them again. Meant for the few
/// checks of one record: a handful are compared one by one, more go into a hash.
/// Safe to use from several threads.
class SignatureMemo
{
public:
    /// The outcome of @p verify for these inputs: remembered when known, else computed (outside
    /// the lock) and remembered. @p parts are what the check reads besides the key; @p verify
    /// returns anything that converts to bool (a Result).
    template <typename Verify>
    bool check(QByteArrayView keyFingerprint, std::initializer_list<QByteArrayView> parts,
               Verify &&verify)
    {
        const QByteArray id = keyOf(keyFingerprint, parts);
        {
            QMutexLocker lock(&m_mutex);
            if (const std::optional<bool> known = findLocked(id)) {
                m_hits.fetch_add(1, std::memory_order_relaxed);
                return *known;
            }
        }
        const qint64 before = m_timed ? threadCpuNanos() : 0;
        const bool ok = static_cast<bool>(std::forward<Verify>(verify)());
        if (m_timed)
            m_verifyCpuNanos.fetch_add(threadCpuNanos() - before, std::memory_order_relaxed);
        m_misses.fetch_add(1, std::memory_order_relaxed);
        QMutexLocker lock(&m_mutex);
        insertLocked(id, ok);
        return ok;
    }

    /// Checks answered from memory, and checks computed.
    qint64 hits() const { return m_hits.load(std::memory_order_relaxed); }
    qint64 misses() const { return m_misses.load(std::memory_order_relaxed); }
    /// With @p timed, each computed check's CPU time on its thread is added up (about half a
    /// microsecond a check for the clock, against tens for the check): the cost of the
    /// signatures alone, which bench_simulation sets beside a whole run's. Set before any check.
    void setTimed(bool timed) { m_timed = timed; }
    /// The CPU time the computed checks took, in nanoseconds; 0 unless timed.
    qint64 verifyCpuNanos() const { return m_verifyCpuNanos.load(std::memory_order_relaxed); }
    qsizetype size() const;
    void clear();

private:
    static constexpr qsizetype FewChecks = 4;

    static qint64 threadCpuNanos();
    static QByteArray keyOf(QByteArrayView keyFingerprint,
                            std::initializer_list<QByteArrayView> parts);
    std::optional<bool> findLocked(const QByteArray &id) const;
    void insertLocked(const QByteArray &id, bool ok);

    mutable QMutex m_mutex;
    QList<std::pair<QByteArray, bool>> m_few;
    QHash<QByteArray, bool> m_many;
    std::atomic<qint64> m_hits{0};
    std::atomic<qint64> m_misses{0};
    bool m_timed = false;
    std::atomic<qint64> m_verifyCpuNanos{0};
};

/// @p verify through @p memo when there is one, else directly.
template <typename Verify>
bool checkSignature(SignatureMemo *memo, QByteArrayView keyFingerprint,
                    std::initializer_list<QByteArrayView> parts, Verify &&verify)
{
    return memo ? memo->check(keyFingerprint, parts, std::forward<Verify>(verify))
                : static_cast<bool>(std::forward<Verify>(verify)());
}

} // namespace ta::core
