// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/simulation/SavedSimulationRun.h"
#include "core/simulation/SimulationRun.h"
#include "core/simulation/SimulationRunInputs.h"
#include "core/simulation/SimulationSettings.h"
#include "core/simulation/SimulationState.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace ta::core {

class Database;

/// Simulation runs saved in a workspace (tables simulation_runs and simulation_events): save a
/// run under a name in one transaction, list the runs with their staleness, and answer the state
/// of the estate at an instant from a saved run with a query, without replaying it.
///
/// A run is stale when the inputs it was computed from changed since: evidence imported, anchors
/// or reference values edited, or (for a run over the latest rules) a new rule version saved.
/// Staleness is found on reading (list(), newestValid()) by comparing fingerprints, and is then
/// written to the run's row, so it stays stale even if the inputs later come back.
class SimulationRunStore
{
public:
    /// Where a run's rules came from.
    struct RuleSource
    {
        enum class Kind { Policies, Entries, File };
        Kind kind = Kind::Policies;
        /// The stored version; 0: the latest (a later save then makes the run stale).
        int version = 0;
        /// Kind::File: the document as read.
        QByteArray fileContent;
    };

    explicit SimulationRunStore(Database &db) : m_db(db) {}

    /// The fingerprint of the workspace's current inputs for a run over @p rules with
    /// @p settings; @p evidenceFileSha256 names the JSON Lines file replayed instead of the
    /// workspace's evidence (empty: the workspace's).
    [[nodiscard]] Result<SimulationRunInputs> currentInputs(const RuleSource &rules,
                                                            const SimulationSettings &settings,
                                                            const QString &evidenceFileSha256 = {});
    /// Saves @p run as @p name, replacing a run of that name, in one transaction: on failure,
    /// or when @p cancelled answers true (asked every few thousand rows), nothing is stored
    /// (error replay.cancelled). Returns the run's row ID.
    [[nodiscard]] Result<qint64> save(const QString &name, const SimulationRunInputs &inputs,
                                      const SimulationRun &run, const QDateTime &now,
                                      const std::function<bool()> &cancelled = {});
    /// Every saved run, newest first, each with its staleness checked (and recorded).
    [[nodiscard]] Result<QList<SavedSimulationRun>> list();
    /// The run called @p name (staleness checked); std::nullopt when there is none.
    [[nodiscard]] Result<std::optional<SavedSimulationRun>> find(const QString &name);
    /// The newest run that is not stale; with @p at valid, only a run whose span (its first
    /// record to its end) holds @p at. std::nullopt when there is none.
    [[nodiscard]] Result<std::optional<SavedSimulationRun>> newestValid(const QDateTime &at = {});
    /// The attested subjects and live credentials of run @p runId at @p at, as
    /// SimulationRun::stateAt() answered it when the run was computed.
    [[nodiscard]] Result<SimulationState> stateAt(qint64 runId, const QDateTime &at);
    /// Deletes the run called @p name with its events; false when there was none.
    [[nodiscard]] Result<bool> remove(const QString &name);

private:
    [[nodiscard]] Result<bool> isStale(const SavedSimulationRun &run);
    [[nodiscard]] Result<QList<SavedSimulationRun>> load(const QString &where, const QString &name);

    Database &m_db;
};

} // namespace ta::core
