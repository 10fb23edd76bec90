// SPDX-License-Identifier: Apache-2.0
#include "core/policy/PolicyEnv.h"

namespace ta::core {

using cel::Type;
using cel::TypeKind;

PolicyEnv::PolicyEnv()
{
    m_subject = m_env.declareVariable("subject", Type(TypeKind::String));
    m_attestor = m_env.declareVariable("attestor", Type(TypeKind::String));
    m_verdict = m_env.declareVariable("verdict", Type(TypeKind::String));
    m_agentId = m_env.declareVariable("agent_id", Type(TypeKind::String));
    m_selectors = m_env.declareVariable("selectors", Type::list(Type(TypeKind::String)));
    m_time = m_env.declareVariable("time", Type(TypeKind::Timestamp));
    m_claims = m_env.declareVariable("claims", Type::map(Type(TypeKind::String), Type::dyn()));
    for (int i = 0; i < claimVariableCount; ++i)
        m_claimSlots[i] = m_env.declareVariable(claimVariableName(i));
}

} // namespace ta::core
