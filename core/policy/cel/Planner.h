// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Expr.h"
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
class Planner
{
public:
    Planner(Program &program, const Env &env);

    /// Plans @p expr and returns its node index.
    std::int32_t plan(const Expr &expr);

private:
    std::int32_t add(PlanNode node, const std::vector<std::int32_t> &children);
    std::int32_t constant(Value value);
    std::int32_t fold(std::int32_t index);
    std::int32_t planCall(const Expr &expr);
    std::int32_t planSelect(const Expr &expr);
    std::int32_t planComprehension(const Expr &expr);
    std::int32_t resolve(const std::string &name);
    std::optional<std::string> qualifiedName(const Expr &expr) const;
    bool namesVariable(const std::string &qualified) const;
    int localIndex(std::string_view name) const;
    Value constantString(std::string_view text);
    int pushLocal(const std::string &name);

    Program &m_program;
    const Env &m_env;
    const FunctionRegistry &m_registry;
    std::vector<std::pair<std::string, int>> m_scope;
};

} // namespace ta::core::cel
