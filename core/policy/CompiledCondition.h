// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/policy/ClauseExplanation.h"
#include "core/policy/cel/Program.h"

#include <memory>
#include <string>
#include <vector>

namespace ta::core {

namespace cel {
class Activation;
class Ast;
class EvalContext;
struct Expr;
} // namespace cel

class PolicyEnv;

/// A policy condition parsed, checked and planned once: evaluating it is the hot path of a
/// decision. The parsed tree is kept so that a failure can be explained clause by clause,
/// which is planned only when an explanation is asked for.
class CompiledCondition
{
public:
    CompiledCondition();
    ~CompiledCondition();
    CompiledCondition(CompiledCondition &&) noexcept;
    CompiledCondition &operator=(CompiledCondition &&) noexcept;

    /// Compiles @p source over @p env. Error codes: policy.condition (detail "line:column:
    /// message", from the parser or the checker), cel.limit.size, cel.limit.depth,
    /// cel.limit.nodes (a parse limit), cel.cost_exceeded (estimated cost over the limit).
    [[nodiscard]] static Result<CompiledCondition> compile(const QString &source,
                                                           const PolicyEnv &env);

    /// Evaluates the condition; the result is valid until @p ctx is reset.
    cel::Value evaluate(const cel::Activation &activation, cel::EvalContext &ctx) const
    {
        return m_program.evaluate(activation, ctx);
    }

    /// The clause that made the condition fail for @p activation, and the values it read.
    /// Meant for a condition that did not evaluate to true.
    ClauseExplanation explainFailure(const cel::Activation &activation, const PolicyEnv &env) const;

    /// Whether evaluating may read the variable in @p slot (PolicyEnv's slots).
    bool reads(int slot) const { return m_program.readsSlot(slot); }

    /// The source text of each top-level conjunct.
    QStringList conjuncts() const;

    /// A top-level conjunct `path == "literal"` (either way round), path being a variable or a
    /// field of one: whenever path holds a string other than literal, the condition is false
    /// (CEL's && lets a false absorb errors), which lets an engine skip it.
    struct Equality
    {
        QString path;
        std::string literal;
        const cel::Expr *pathExpr = nullptr;
    };
    const std::vector<Equality> &equalities() const { return m_equalities; }
    /// Plans @p equality's path on its own, to read it once for many conditions.
    cel::Program planPath(const Equality &equality, const PolicyEnv &env) const;

private:
    std::unique_ptr<cel::Ast> m_ast;
    cel::Program m_program;
    std::vector<const cel::Expr *> m_conjuncts;
    std::vector<Equality> m_equalities;
};

} // namespace ta::core
