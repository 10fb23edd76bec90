// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Env.h"

#include <string_view>

namespace ta::core {

/// The CEL environment policy conditions are checked and planned against: the variables an
/// attestation result exposes, each with a fixed slot.
///
/// | variable | type | from |
/// |---|---|---|
/// | subject, attestor, verdict, agent_id | string | the result's fields ("" when absent) |
/// | selectors | list(string) | the result's selectors, SPIRE spelling |
/// | time | timestamp | the evidence time |
/// | node, workload, image, tpm, signal | dyn (map) | the claims of that name; {} when absent |
/// | claims | map(string, dyn) | every claim, for keys without a variable of their own |
class PolicyEnv
{
public:
    PolicyEnv();

    const cel::Env &env() const { return m_env; }

    /// How many claims are bound as variables of their own.
    static constexpr int claimVariableCount = 5;
    /// The name of claim variable @p index.
    static constexpr std::string_view claimVariableName(int index)
    {
        constexpr std::string_view names[claimVariableCount] = {"node", "workload", "image", "tpm",
                                                                "signal"};
        return names[index];
    }

    int subjectSlot() const { return m_subject; }
    int attestorSlot() const { return m_attestor; }
    int verdictSlot() const { return m_verdict; }
    int agentIdSlot() const { return m_agentId; }
    int selectorsSlot() const { return m_selectors; }
    int timeSlot() const { return m_time; }
    int claimsSlot() const { return m_claims; }
    /// The slot of claim variable @p index (see claimVariableName()).
    int claimSlot(int index) const { return m_claimSlots[index]; }
    /// One past the largest slot.
    int slotCount() const { return int(m_env.variables().size()); }

private:
    cel::Env m_env;
    int m_subject = -1;
    int m_attestor = -1;
    int m_verdict = -1;
    int m_agentId = -1;
    int m_selectors = -1;
    int m_time = -1;
    int m_claims = -1;
    int m_claimSlots[claimVariableCount] = {-1, -1, -1, -1, -1};
};

} // namespace ta::core
