// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/AttestationResult.h"
#include "core/simulation/SimulationSizes.h"

#include <QByteArray>
#include <QSet>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace ta::core {

/// The attestation results of one timeline, kept in memory so that a re-run over the same
/// evidence and anchors (after a policy edit, a what-if's second run, the studio's live
/// re-simulation) verifies no signature. Attestation does not depend on the rules, so the whole
/// result sequence of a replay is reusable while its key (evidence source, anchors, attestation
/// settings; TimelineReplay computes it) is unchanged. Holds one timeline; a new key replaces it.
///
/// One cache may serve several consumers of one timeline at once (the app's time bar, decision
/// log and policy studio share their document's): a replay that finds another one computing the
/// same key waits for it (claim(), waitWhileComputing()) instead of verifying every signature a
/// second time. Thread-safe; kept results are handed out as an immutable snapshot, so readers
/// never hold the lock while they use them.
class ReplayResultCache
{
public:
    /// The results of one timeline in record order, each with its subject's number
    /// (ResultInterner::intern's).
    struct Kept
    {
        QByteArray key;
        std::vector<AttestationResult> results;
        std::vector<int> subjects;
    };

    /// The results kept under @p key, or null when the cache holds another key (or none).
    std::shared_ptr<const Kept> find(const QByteArray &key) const
    {
        std::lock_guard lock(m_mutex);
        if (!m_kept || key.isEmpty() || m_kept->key != key)
            return {};
        return m_kept;
    }
    /// Keeps @p results under @p key with their subjects' numbers, replacing what was kept, and
    /// ends the claim on @p key.
    void store(QByteArray key, std::vector<AttestationResult> results, std::vector<int> subjects)
    {
        Q_ASSERT(results.size() == subjects.size());
        auto kept = std::make_shared<Kept>();
        kept->key = std::move(key);
        kept->results = std::move(results);
        kept->subjects = std::move(subjects);
        store(std::move(kept));
    }
    /// The same with results already kept together (read back from the workspace).
    void store(std::shared_ptr<const Kept> kept)
    {
        Q_ASSERT(kept && kept->results.size() == kept->subjects.size());
        {
            std::lock_guard lock(m_mutex);
            m_computing.remove(kept->key);
            m_kept = std::move(kept);
        }
        m_changed.notify_all();
    }
    /// Drops what is kept (claims stand).
    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_kept.reset();
    }
    /// How many results are kept.
    size_t size() const
    {
        std::lock_guard lock(m_mutex);
        return m_kept ? m_kept->results.size() : 0;
    }

    /// Claims the computation of @p key: true when no other replay is computing it (the caller
    /// computes it, then store()s or release()s it), false when one is (waitWhileComputing()).
    [[nodiscard]] bool claim(const QByteArray &key)
    {
        std::lock_guard lock(m_mutex);
        if (m_computing.contains(key))
            return false;
        m_computing.insert(key);
        return true;
    }
    /// Ends a claim without results (the computation failed or was cancelled): a waiter then
    /// computes the key itself.
    void release(const QByteArray &key)
    {
        {
            std::lock_guard lock(m_mutex);
            m_computing.remove(key);
        }
        m_changed.notify_all();
    }
    /// Waits while another replay computes @p key. Returns false, still waiting, as soon as
    /// @p cancelled answers true (asked every 50 ms, without the lock).
    bool waitWhileComputing(const QByteArray &key, const std::function<bool()> &cancelled)
    {
        std::unique_lock lock(m_mutex);
        while (m_computing.contains(key)) {
            m_changed.wait_for(lock, std::chrono::milliseconds(50));
            if (cancelled) {
                lock.unlock();
                if (cancelled())
                    return false;
                lock.lock();
            }
        }
        return true;
    }

    /// What the last simulation over the results of @p key held (noteRunSizes()), for the next
    /// one to reserve; nullopt when none was noted under that key.
    std::optional<SimulationSizes> runSizes(const QByteArray &key) const
    {
        std::lock_guard lock(m_mutex);
        if (key.isEmpty() || key != m_sizesKey)
            return std::nullopt;
        return m_sizes;
    }
    /// Notes what a simulation over the results of @p key held, replacing any earlier note.
    void noteRunSizes(const QByteArray &key, const SimulationSizes &sizes)
    {
        std::lock_guard lock(m_mutex);
        m_sizesKey = key;
        m_sizes = sizes;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::shared_ptr<const Kept> m_kept;
    /// Keys a replay has claimed and not yet stored or released.
    QSet<QByteArray> m_computing;
    QByteArray m_sizesKey;
    SimulationSizes m_sizes;
};

} // namespace ta::core
