// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Evaluate.h"
#include "core/policy/cel/CelErrors.h"

#include "core/policy/cel/Env.h"
#include "core/policy/cel/EvalContext.h"
#include "core/policy/cel/JsonCodec.h"
#include "core/policy/cel/Program.h"
#include "core/policy/cel/SlotActivation.h"

namespace ta::core::cel {

Result<QJsonValue> evaluateJson(const QString &expression, const QJsonObject &bindings,
                                const EvaluateOptions &options)
{
    Env env;
    env.setContainer(options.container.toStdString());
    SlotActivation activation;
    if (auto bound = JsonCodec::bind(bindings, env, activation); !bound)
        return bound.error();
    auto program = Program::compile(expression, env, options.typeCheck, options.limits);
    if (!program)
        return program.error();
    EvalContext ctx;
    ctx.setBudget(options.limits.maxSteps, options.limits.maxBytes);
    const Value result = program->evaluate(activation, ctx);
    if (ctx.exceeded()) {
        return makeError(
            ec::CelBudgetExceeded,
            ctx.exceededKind() == BudgetExceeded::Kind::Steps
                ? QStringLiteral("more than %1 evaluation steps").arg(options.limits.maxSteps)
                : QStringLiteral("more than %1 bytes allocated").arg(options.limits.maxBytes));
    }
    // A list may hold one long string many times over: written out, it would be far larger
    // than the memory the evaluation used.
    if (footprint(result, options.limits.maxBytes) > options.limits.maxBytes) {
        return makeError(
            ec::CelBudgetExceeded,
            QStringLiteral("the result is larger than %1 bytes").arg(options.limits.maxBytes));
    }
    if (result.isError()) {
        return makeError(
            ec::CelEval,
            QString::fromUtf8(result.text().data(), static_cast<qsizetype>(result.text().size())));
    }
    return JsonCodec::encode(result);
}

} // namespace ta::core::cel
