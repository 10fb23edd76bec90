// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace ta::core {

/// How much a simulation run held: its events, credentials, subjects, state changes and history
/// entries. A later run over the same evidence reserves that much up front
/// (Simulation::reserve), so its tables are not copied, and their pages faulted in again, each
/// time they outgrow their room: at a million records that growth was a fifth of a re-run.
struct SimulationSizes
{
    qsizetype events = 0;
    qsizetype credentials = 0;
    qsizetype subjects = 0;
    qsizetype changes = 0;
    qsizetype history = 0;

    bool operator==(const SimulationSizes &) const = default;
};

} // namespace ta::core
