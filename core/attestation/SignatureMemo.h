// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QMutex>

#include <array>
#include <atomic>
#include <initializer_list>
#include <optional>
#include <utility>

namespace ta::core {

/// Outcomes of signature checks already made, keyed by everything the check read: the key's
/// fingerprint, the algorithm, the signed bytes and the signature, compared whole (no digest).
/// The inputs are kept by sharing the caller's arrays (see Part), so remembering a check copies
/// none of its bytes. An outcome depends on nothing else, so reusing it cannot change a verdict;
/// this is what lets EvidenceVerifier check each record's signatures on every core ahead of the
/// replay, which must run in order, and verify a record again without checking them again. Meant
/// for the few checks of one record: a handful are compared one by one, more go into a hash. Safe
/// to use from several threads.
class SignatureMemo
{
public:
    /// One of the inputs a check reads besides the key. It keeps the caller's bytes by sharing
    /// them (implicitly shared, no copy), so that a record's checks are remembered without
    /// copying its signed bytes; bytes it does not own (QByteArray::fromRawData) are copied,
    /// since their owner may go before the memo does.
    class Part
    {
    public:
        /// Implicit, as the constructors below, so that a check's inputs are a braced list.
        Part(const QByteArray &bytes);
        /// A string literal (a check's tag), kept where it is: it lives as long as the program.
        /// Not for a character array that does not.
        template <qsizetype N>
        Part(const char (&literal)[N]) : m_bytes(QByteArray::fromRawData(literal, N - 1))
        {}
        /// Text with static storage (a name from a constant table), kept where it is, as a
        /// literal is. Not for text that does not live as long as the program.
        static Part lasting(const char *text)
        {
            return Part(QByteArray::fromRawData(text, qstrlen(text)), Lasting{});
        }
        const QByteArray &bytes() const { return m_bytes; }

    private:
        struct Lasting
        {
        };
        Part(QByteArray bytes, Lasting) : m_bytes(std::move(bytes)) {}
        QByteArray m_bytes;
    };

    /// The outcome of @p verify for these inputs: remembered when known, else computed (outside
    /// the lock) and remembered. @p parts are what the check reads besides the key; @p verify
    /// returns anything that converts to bool (a Result).
    template <typename Verify>
    bool check(const Part &keyFingerprint, std::initializer_list<Part> parts, Verify &&verify)
    {
        {
            QMutexLocker lock(&m_mutex);
            if (const std::optional<bool> known = findLocked(keyFingerprint, parts)) {
                m_hits.fetch_add(1, std::memory_order_relaxed);
                return *known;
            }
        }
        const bool timed = m_timed && sampled();
        // Measured once a thread, before the interval: what the two readings add to it.
        const qint64 readings = timed ? clockReadNanos() : 0;
        const qint64 before = timed ? threadCpuNanos() : 0;
        const bool ok = static_cast<bool>(std::forward<Verify>(verify)());
        if (timed)
            addTiming(threadCpuNanos() - before - readings);
        m_misses.fetch_add(1, std::memory_order_relaxed);
        QMutexLocker lock(&m_mutex);
        insertLocked(keyFingerprint, parts, ok);
        return ok;
    }

    /// Checks answered from memory, and checks computed.
    qint64 hits() const { return m_hits.load(std::memory_order_relaxed); }
    qint64 misses() const { return m_misses.load(std::memory_order_relaxed); }
    /// With @p timed, one computed check in kTimedShare, at random, is timed on its thread's CPU
    /// clock: the cost of the signatures alone, which bench_simulation estimates from that
    /// sample and sets beside a whole run's. Not every check: the clock is a system call (1 to
    /// 3 microseconds each, two a check, on this project's virtual machines). Timing every check
    /// cost 2 % of a run and perturbed what it measured; an eighth of them still cost 4 % of the
    /// run's CPU outside the signatures (perf, 250,000 records). One in 32 leaves thousands
    /// timed in any run worth measuring. Set before any check.
    void setTimed(bool timed) { m_timed = timed; }
    /// One check in kTimedShare is timed, chosen at random (no pattern in the records can line
    /// up with it).
    static constexpr int kTimedShare = 32;
    /// What reading this thread's CPU clock twice adds to the interval between the readings:
    /// the median of 31 back-to-back pairs, measured on the thread's first call. A timed check
    /// takes it off its interval: the rest of one reading's system call and the start of the
    /// next are counted on the thread's clock (1.2 to 1.5 microseconds on this project's
    /// virtual machines, 2 % of a P-256 check).
    static qint64 clockReadNanos();
    /// The timed checks: how many, their CPU time in nanoseconds, and the sum of its squares
    /// (for the estimate's standard error), each without clockReadNanos() (so one close to it
    /// may read a little below zero); 0 unless timed.
    qint64 timedChecks() const { return m_timedChecks.load(std::memory_order_relaxed); }
    qint64 verifyCpuNanos() const { return m_verifyCpuNanos.load(std::memory_order_relaxed); }
    double verifyCpuNanosSquared() const
    {
        return m_verifyCpuNanosSquared.load(std::memory_order_relaxed);
    }
    qsizetype size() const;
    void clear();

private:
    static constexpr qsizetype FewChecks = 4;
    /// The most parts a check among the few keeps as they are; one with more goes by its
    /// joined bytes, with the many.
    static constexpr qsizetype FewParts = 3;

    /// One of the few checks: its inputs as the caller's bytes (shared, not copied).
    struct Few
    {
        QByteArray keyFingerprint;
        std::array<QByteArray, FewParts> parts;
        qsizetype count = 0;
        bool ok = false;

        bool matches(const Part &fingerprint, std::initializer_list<Part> others) const;
    };

    static qint64 threadCpuNanos();
    /// Whether to time this check: true once in kTimedShare, at random (a per-thread generator).
    static bool sampled();
    void addTiming(qint64 nanos);
    /// All inputs in one array, each length-prefixed: the key of the many.
    static QByteArray keyOf(const Part &keyFingerprint, std::initializer_list<Part> parts);
    std::optional<bool> findLocked(const Part &keyFingerprint,
                                   std::initializer_list<Part> parts) const;
    void insertLocked(const Part &keyFingerprint, std::initializer_list<Part> parts, bool ok);

    mutable QMutex m_mutex;
    QList<Few> m_few;
    QHash<QByteArray, bool> m_many;
    std::atomic<qint64> m_hits{0};
    std::atomic<qint64> m_misses{0};
    bool m_timed = false;
    std::atomic<qint64> m_timedChecks{0};
    std::atomic<qint64> m_verifyCpuNanos{0};
    std::atomic<double> m_verifyCpuNanosSquared{0};
};

/// @p verify through @p memo when there is one, else directly.
template <typename Verify>
bool checkSignature(SignatureMemo *memo, const SignatureMemo::Part &keyFingerprint,
                    std::initializer_list<SignatureMemo::Part> parts, Verify &&verify)
{
    return memo ? memo->check(keyFingerprint, parts, std::forward<Verify>(verify))
                : static_cast<bool>(std::forward<Verify>(verify)());
}

} // namespace ta::core
