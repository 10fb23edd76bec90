// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/ErrorCode.h"

// The simulation module (timeline replay, what-if): every error code it raises, declared once.
// X(constant, "code", "meaning"): the constant is ta::core::ec::<constant>. The table is header
// only, so core's ErrorCatalog lists it without linking this module (which sits above core).
#define TA_SIMULATION_ERRORS(X)                                                                    \
    X(ReplayNoEvidence, "replay.no_evidence", "There is no evidence to replay.")                   \
    X(ReplayNoTrustDomain, "replay.no_trust_domain",                                               \
      "Replaying evidence needs a trust domain for agent IDs.")                                    \
    X(WhatIfNone, "whatif.none", "There is nothing to compare against.")                           \
    X(ReplayCancelled, "replay.cancelled", "The run was cancelled; nothing was saved.")

namespace ta::core::ec {
TA_SIMULATION_ERRORS(TA_ERROR_CODE_CONSTANT)
} // namespace ta::core::ec
