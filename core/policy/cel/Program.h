// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/policy/cel/Arena.h"
#include "core/policy/cel/Limits.h"
#include "core/policy/cel/PlanNode.h"

#include <QString>

#include <memory>
#include <vector>

namespace re2 {
class RE2;
}

namespace ta::core::cel {

class Activation;
class Ast;
class Env;
class EvalContext;
struct Expr;

/// A compiled expression: names resolved to activation slots, functions bound, constant
/// subexpressions folded and constant regular expressions compiled. Compile once, evaluate
/// many times, from many threads (each with its own EvalContext).
class Program
{
public:
    Program();
    ~Program();
    Program(Program &&) noexcept;
    Program &operator=(Program &&) noexcept;

    /// Plans a parsed expression against @p env (which gives the variables their slots);
    /// constants fold within @p limits' runtime budget.
    static Program plan(const Ast &ast, const Env &env, const Limits &limits = Limits());
    /// Plans one subexpression of @p ast, e.g. each clause of a conjunction, to explain which
    /// clause of a condition failed.
    static Program plan(const Ast &ast, const Expr &subexpression, const Env &env);
    /// Parses, type-checks (when @p typeCheck) and plans @p source, within @p limits. Errors:
    /// cel.syntax, cel.check (detail "line:column: message"), cel.limit.size,
    /// cel.limit.depth, cel.limit.nodes (a parse limit; same detail), cel.cost_exceeded (see
    /// checkCost()).
    static Result<Program> compile(const QString &source, const Env &env, bool typeCheck = true,
                                   const Limits &limits = Limits());

    /// The worst-case cost estimated at planning, in evaluation steps (see Planner); saturates.
    std::uint64_t estimatedCost() const { return m_estimatedCost; }
    /// cel.cost_exceeded ("estimated cost E exceeds the limit L") when estimatedCost() is over
    /// @p limits.maxEstimatedCost.
    [[nodiscard]] Result<void> checkCost(const Limits &limits) const;

    /// Evaluates the program within @p ctx's budget (EvalContext::setBudget). The result may
    /// view the program's constants, the activation's data or @p ctx's arena: it is valid
    /// until the next ctx.reset(). An evaluation that runs out of its budget stops and yields
    /// an error value "cel.budget_exceeded: ..." and ctx.exceeded() is true.
    Value evaluate(const Activation &activation, EvalContext &ctx) const;

    /// Number of plan nodes (a folded constant counts one).
    std::size_t nodeCount() const { return m_nodes.size(); }
    /// Whether the whole program folded to a constant.
    bool isConstant() const { return m_nodes[m_root].op == Op::Const; }
    /// Whether evaluating may read the variable in @p slot (a folded constant reads nothing).
    bool readsSlot(std::int32_t slot) const;

private:
    friend class Planner;
    friend class Interpreter;

    std::vector<PlanNode> m_nodes;
    std::vector<std::int32_t> m_edges;
    std::unique_ptr<Arena> m_constants;
    std::vector<std::unique_ptr<re2::RE2>> m_regexes;
    std::int32_t m_root = 0;
    std::int32_t m_localCount = 0;
    std::uint64_t m_estimatedCost = 0;
};

} // namespace ta::core::cel
