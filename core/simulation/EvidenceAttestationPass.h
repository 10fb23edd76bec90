// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QString>

#include <functional>

namespace ta::core {

class Database;
class EvidenceVerifier;

/// Computes every evidence record's attestation result once and keeps it in evidence_results,
/// for the evidence timeline to show and filter. The records are replayed in time order through
/// a verifier over the workspace's anchors, as a simulation replays them (history as it was: the
/// nonces a committed `evidence verify` consumed are not loaded).
class EvidenceAttestationPass
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    /// The fingerprint of the anchors and reference values the results depend on.
    [[nodiscard]] static Result<QString> anchorsSha256(Database &db);
    /// Whether every record has a result computed under the current anchors.
    [[nodiscard]] static Result<bool> isCurrent(Database &db);
    /// Replays every record of @p db through @p verifier (fresh, not shared) and replaces the
    /// stored results, a few thousand per transaction so that other writers are not held up.
    /// When @p cancelled answers true (asked once a record) it stops (store.cancelled); the
    /// records not reached then have no result, so isCurrent() is false and a later pass runs
    /// again. @p progress is called after each batch. Returns the number of records.
    [[nodiscard]] static Result<qint64> run(Database &db, EvidenceVerifier &verifier,
                                            const std::function<bool()> &cancelled = {},
                                            const Progress &progress = {});
};

} // namespace ta::core
