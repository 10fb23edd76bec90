// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>

namespace ta::core {

/// How a simulation plays the lifecycle.
struct SimulationSettings
{
    /// A subject's attestation lapses this long (seconds) after its last accepted record.
    qint64 freshness = 3600;
    /// The X509-SVID TTL of a rule that sets none (0), as SPIRE's server default.
    qint32 defaultX509SvidTtl = 3600;
    /// The run ends here (timers up to it fire, later records are ignored); invalid: the run
    /// ends at the last record.
    QDateTime until;
    /// A checkpoint of the state after this many state changes (or after as many as the state
    /// holds, when more), so that stateAt() replays at most that many.
    int checkpointInterval = 4096;
};

} // namespace ta::core
