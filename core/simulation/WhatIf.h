// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/simulation/RuleSet.h"
#include "core/simulation/SimulationRun.h"
#include "core/simulation/SimulationSettings.h"
#include "core/simulation/WhatIfReport.h"

namespace ta::core {

class TimelineReplay;

/// What-if runs: the same timeline under two rule sets, or two anchor sets, compared.
class WhatIf
{
public:
    struct Runs
    {
        SimulationRun base;
        SimulationRun candidate;
    };

    /// Both rule sets over @p replay, verifying each record once and deciding it twice.
    [[nodiscard]] static Result<Runs> runRules(const TimelineReplay &replay, const RuleSet &base,
                                               const RuleSet &candidate,
                                               const SimulationSettings &settings);
    /// One rule set over two replays (their anchors differ).
    [[nodiscard]] static Result<Runs> runAnchors(const TimelineReplay &base,
                                                 const TimelineReplay &candidate,
                                                 const RuleSet &rules,
                                                 const SimulationSettings &settings);

    /// Per subject: identities gained and lost, granting rules and TTLs changed, revocations in
    /// one run only, and the first event where the subject's logs part.
    static WhatIfReport compare(const SimulationRun &base, const SimulationRun &candidate);
};

} // namespace ta::core
