// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/simulation/SimulationRun.h"
#include "core/simulation/SimulationRunInputs.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ta::core {

/// A simulation run saved in the workspace (table simulation_runs), without its events.
struct SavedSimulationRun
{
    qint64 id = 0;
    QString name;
    SimulationRunInputs inputs;
    QDateTime createdAt;
    SimulationRun::Summary summary;
    /// The first record's time and where the run ended; invalid for a run over no record.
    QDateTime start;
    QDateTime end;
    /// Its inputs changed since it was saved: it is kept, reported, and never served as state.
    bool stale = false;

    /// {"name", "created_at", "stale", "start", "end", "inputs": {...}, "summary": {...}}
    QJsonObject toJson() const;
};

} // namespace ta::core
