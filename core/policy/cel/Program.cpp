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

namespace ta::core::cel {

Program::Program() : m_constants(std::make_unique<Arena>()) {}
Program::~Program() = default;
Program::Program(Program &&) noexcept = default;
Program &Program::operator=(Program &&) noexcept = default;

Program Program::plan(const Ast &ast, const Env &env)
{
    Program program;
    Planner planner(program, env);
    program.m_root = planner.plan(ast.root());
    return program;
}

Program Program::plan(const Ast &, const Expr &subexpression, const Env &env)
{
    Program program;
    Planner planner(program, env);
    program.m_root = planner.plan(subexpression);
    return program;
}

Result<Program> Program::compile(const QString &source, const Env &env, bool typeCheck)
{
    ParseResult parsed = Parser::parse(source);
    if (!parsed.ok())
        return makeError(ec::CelSyntax, parsed.diagnostics.front().toString());
    if (typeCheck) {
        const CheckResult checked = Checker::check(*parsed.ast, env);
        if (!checked.ok()) {
            QStringList messages;
            for (const Diagnostic &d : checked.diagnostics)
                messages << d.toString();
            return makeError(ec::CelCheck, messages.join(QStringLiteral("; ")));
        }
    }
    return plan(*parsed.ast, env);
}

Value Program::evaluate(const Activation &activation, EvalContext &ctx) const
{
    Interpreter interpreter(*this, &activation, ctx);
    return interpreter.eval(m_root);
}

} // namespace ta::core::cel
