// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Program.h"

#include "core/policy/cel/CelErrors.h"

#include "core/policy/cel/Ast.h"
#include "core/policy/cel/Checker.h"
#include "core/policy/cel/EvalContext.h"
#include "core/policy/cel/Interpreter.h"
#include "core/policy/cel/Parser.h"
#include "core/policy/cel/Planner.h"

#include <QStringList>

#include <re2/re2.h>

#include <algorithm>

namespace ta::core::cel {

namespace {
constexpr Value kStepsExceeded =
    Value::error("cel.budget_exceeded: the evaluation ran out of its step budget");
constexpr Value kBytesExceeded =
    Value::error("cel.budget_exceeded: the evaluation ran out of its memory budget");
} // namespace

Program::Program() : m_constants(std::make_unique<Arena>()) {}
Program::~Program() = default;
Program::Program(Program &&) noexcept = default;
Program &Program::operator=(Program &&) noexcept = default;

namespace {

std::uint64_t saturate(double cost)
{
    return cost >= 1.8e19 ? UINT64_MAX : static_cast<std::uint64_t>(cost);
}

} // namespace

Program Program::plan(const Ast &ast, const Env &env, const Limits &limits)
{
    Program program;
    Planner planner(program, env, limits);
    program.m_root = planner.plan(ast.root());
    program.m_estimatedCost = saturate(planner.estimatedCost(program.m_root));
    return program;
}

Program Program::plan(const Ast &, const Expr &subexpression, const Env &env)
{
    Program program;
    Planner planner(program, env);
    program.m_root = planner.plan(subexpression);
    program.m_estimatedCost = saturate(planner.estimatedCost(program.m_root));
    return program;
}

Result<void> Program::checkCost(const Limits &limits) const
{
    if (m_estimatedCost <= limits.maxEstimatedCost)
        return {};
    return makeError(ec::CelCostExceeded,
                     QStringLiteral("estimated cost %1 exceeds the limit %2")
                         .arg(m_estimatedCost == UINT64_MAX ? QStringLiteral("> 1.8e19")
                                                            : QString::number(m_estimatedCost))
                         .arg(limits.maxEstimatedCost));
}

Result<Program> Program::compile(const QString &source, const Env &env, bool typeCheck,
                                 const Limits &limits)
{
    ParseResult parsed = Parser::parse(source, limits);
    if (!parsed.ok()) {
        const Diagnostic &d = parsed.diagnostics.front();
        return makeError(d.code.isEmpty() ? QString(ec::CelSyntax) : d.code, d.toString());
    }
    if (typeCheck) {
        const CheckResult checked = Checker::check(*parsed.ast, env);
        if (!checked.ok()) {
            QStringList messages;
            for (const Diagnostic &d : checked.diagnostics)
                messages << d.toString();
            return makeError(ec::CelCheck, messages.join(QStringLiteral("; ")));
        }
    }
    Program program = plan(*parsed.ast, env, limits);
    if (auto ok = program.checkCost(limits); !ok)
        return ok.error();
    return program;
}

Value Program::evaluate(const Activation &activation, EvalContext &ctx) const
{
    ctx.beginEvaluation();
    Value result;
    try {
        Interpreter interpreter(*this, &activation, ctx);
        result = interpreter.eval(m_root);
    } catch (const BudgetExceeded &e) {
        // Not an ordinary CEL error: it ends the whole evaluation, whatever && or || around it.
        ctx.markExceeded(e.kind);
        result = e.kind == BudgetExceeded::Kind::Steps ? kStepsExceeded : kBytesExceeded;
    }
    ctx.endEvaluation();
    return result;
}

bool Program::readsSlot(std::int32_t slot) const
{
    return std::any_of(m_nodes.begin(), m_nodes.end(),
                       [slot](const PlanNode &n) { return n.op == Op::Slot && n.a == slot; });
}

} // namespace ta::core::cel
