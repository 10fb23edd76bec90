// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/AttestationResult.h"

#include <QByteArray>

#include <mutex>
#include <vector>

namespace ta::core {

/// The attestation results of one timeline, kept in memory so that a re-run over the same
/// evidence and anchors (after a policy edit, a what-if's second run, the studio's live
/// re-simulation) verifies no signature. Attestation does not depend on the rules, so the whole
/// result sequence of a replay is reusable while its key (evidence source, anchors, attestation
/// settings; TimelineReplay computes it) is unchanged. Holds one timeline; a new key replaces it.
/// Thread-safe.
class ReplayResultCache
{
public:
    /// Hands the results kept under @p key to @p fn (in record order), each with its subject's
    /// number (ResultInterner::intern's), and returns true; false when the cache holds another
    /// key.
    template <typename Fn>
    bool forEach(const QByteArray &key, Fn &&fn) const
    {
        std::lock_guard lock(m_mutex);
        if (m_key.isEmpty() || m_key != key)
            return false;
        for (size_t i = 0; i < m_results.size(); ++i)
            fn(m_results[i], m_subjects[i]);
        return true;
    }
    /// Keeps @p results under @p key with their subjects' numbers, replacing what was kept.
    void store(QByteArray key, std::vector<AttestationResult> results, std::vector<int> subjects)
    {
        Q_ASSERT(results.size() == subjects.size());
        std::lock_guard lock(m_mutex);
        m_key = std::move(key);
        m_results = std::move(results);
        m_subjects = std::move(subjects);
    }
    void clear() { store({}, {}, {}); }
    /// How many results are kept.
    size_t size() const
    {
        std::lock_guard lock(m_mutex);
        return m_results.size();
    }

private:
    mutable std::mutex m_mutex;
    QByteArray m_key;
    std::vector<AttestationResult> m_results;
    std::vector<int> m_subjects;
};

} // namespace ta::core
