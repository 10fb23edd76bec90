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
    /// Hands the results kept under @p key to @p fn (in record order) and returns true; false
    /// when the cache holds another key.
    template <typename Fn>
    bool forEach(const QByteArray &key, Fn &&fn) const
    {
        std::lock_guard lock(m_mutex);
        if (m_key.isEmpty() || m_key != key)
            return false;
        for (const AttestationResult &r : m_results)
            fn(r);
        return true;
    }
    /// Keeps @p results under @p key, replacing what was kept.
    void store(QByteArray key, std::vector<AttestationResult> results)
    {
        std::lock_guard lock(m_mutex);
        m_key = std::move(key);
        m_results = std::move(results);
    }
    void clear() { store({}, {}); }
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
};

} // namespace ta::core
