// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Expr.h"
#include "core/policy/cel/Limits.h"
#include "core/policy/cel/PlanNode.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ta::core::cel {

class Env;
class FunctionRegistry;
class Program;

/// Turns a syntax tree into a Program's flat plan: resolves identifiers (comprehension
/// variables, then declared variables through the container, then type names), binds
/// functions, compiles constant regular expressions and folds constant subexpressions, so that
/// evaluation does no lookups by name and no work that does not depend on the activation.
///
/// It also estimates each node's worst-case cost in the steps the interpreter charges: a step
/// per node, a step per 16 entries or bytes an operation scans (strings are charged per 64 at
/// runtime, so the estimate stays above), and a comprehension's body once per element of its
/// range. Sizes come from constants, from literals, from what a comprehension or + builds, and
/// otherwise are Limits::kUnknownSize.
class Planner
{
public:
    Planner(Program &program, const Env &env, const Limits &limits = Limits());

    /// Plans @p expr and returns its node index.
    std::int32_t plan(const Expr &expr);
    /// The estimated worst-case cost of node @p index.
    double estimatedCost(std::int32_t index) const
    {
        return m_estimates[static_cast<std::size_t>(index)].cost;
    }

private:
    /// A node's estimate: its cost, the size of its value (string or bytes length, list or
    /// map entries) and the size of its elements (a list's items, a map's values).
    struct Estimate
    {
        double cost = 1;
        double size = 0;
        double elem = Limits::kUnknownSize;
    };
    struct Local
    {
        std::string name;
        int index = 0;
        Estimate estimate;
    };

    Estimate estimateNode(std::int32_t index) const;
    static Estimate estimateValue(const Value &value);
    std::int32_t add(PlanNode node, const std::vector<std::int32_t> &children);
    std::int32_t constant(Value value);
    std::int32_t fold(std::int32_t index);
    std::int32_t planCall(const Expr &expr);
    std::int32_t planSelect(const Expr &expr);
    std::int32_t planComprehension(const Expr &expr);
    std::int32_t resolve(const std::string &name);
    bool namesVariable(const std::string &qualified) const;
    int localIndex(std::string_view name) const;
    Value constantString(std::string_view text);
    int pushLocal(const std::string &name, const Estimate &estimate);

    Program &m_program;
    const Env &m_env;
    const FunctionRegistry &m_registry;
    Limits m_limits;
    std::vector<Local> m_scope;
    std::vector<Estimate> m_estimates;
};

} // namespace ta::core::cel
