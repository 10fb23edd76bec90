// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QString>

#include <functional>

namespace ta::core {

class Database;
class TimelineReplay;

/// Keeps every evidence record's attestation result in evidence_results, for the evidence
/// timeline to show and filter. The results are a replay's, in time order, as a simulation's
/// (history as it was: the nonces a committed `evidence verify` consumed are not loaded): the
/// app hands over its document's replay (Document::replayTimeline), so the results its views
/// verified, or kept in the workspace, serve the timeline too, and the other way round.
class EvidenceAttestationPass
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    /// The fingerprint of the anchors and reference values the results depend on.
    [[nodiscard]] static Result<QString> anchorsSha256(Database &db);
    /// Whether every record has a result computed under the current anchors.
    [[nodiscard]] static Result<bool> isCurrent(Database &db);
    /// Replays @p replay and replaces the stored results of @p db's records, a few thousand per
    /// transaction so that other writers are not held up. @p replay must replay @p db's records
    /// as stored (TimelineReplay::setRecords with their rows' digest): the pass checks the
    /// digest against the rows, which give each result its record's ID, and fails with
    /// store.stale_records, writing nothing, when they differ. When @p cancelled answers true
    /// (asked once a record) it stops (store.cancelled); the records not reached then have no
    /// result, so isCurrent() is false and a later pass runs again. @p progress is called after
    /// each batch. Returns the number of records.
    [[nodiscard]] static Result<qint64> run(Database &db, TimelineReplay replay,
                                            const std::function<bool()> &cancelled = {},
                                            const Progress &progress = {});
};

} // namespace ta::core
