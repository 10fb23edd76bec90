// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/simulation/SimulationEvent.h"

#include <QDateTime>
#include <QList>

namespace ta::core {

class Database;

/// Reads back the event log of a run saved by SimulationRunStore (table simulation_events), a
/// window of time at a time, so that the app lists the events at its time cursor without
/// loading or replaying the run. The attestation changes stored beside the log are left out.
class SavedRunEvents
{
public:
    /// The events of run @p runId with @p from < time <= @p to, in the order they were logged;
    /// an invalid @p from: from the start.
    [[nodiscard]] static Result<QList<SimulationEvent>>
    between(Database &db, qint64 runId, const QDateTime &from, const QDateTime &to);
};

} // namespace ta::core
