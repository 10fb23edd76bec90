// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/PlanNode.h"

namespace ta::core::cel {

class Activation;
class EvalContext;
class Program;

/// Walks a Program's plan. Errors are values: they flow up through strict operations and are
/// absorbed by && and || (false && error is false, error || true is true) and by the all()
/// and exists() macros, as the CEL specification has it.
class Interpreter
{
public:
    /// @p activation may be null while folding constants.
    Interpreter(const Program &program, const Activation *activation, EvalContext &ctx);

    /// The value of plan node @p index.
    Value eval(std::int32_t index);

private:
    std::int32_t child(const PlanNode &n, std::int32_t i) const { return m_edges[n.first + i]; }
    Value evalAnd(const PlanNode &n);
    Value evalOr(const PlanNode &n);
    Value evalSelect(const PlanNode &n, bool testOnly);
    Value evalIndex(const PlanNode &n);
    Value evalIn(const PlanNode &n);
    Value evalCall(const PlanNode &n);
    Value evalCreateList(const PlanNode &n);
    Value evalCreateMap(const PlanNode &n);
    Value evalComprehension(const PlanNode &n);
    Value evalMatches(const PlanNode &n);

    const Program &m_program;
    const PlanNode *m_nodes;
    const std::int32_t *m_edges;
    const Activation *m_activation;
    EvalContext &m_ctx;
    Value *m_locals;
};

} // namespace ta::core::cel
