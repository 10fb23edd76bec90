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
    auto program = Program::compile(expression, env, options.typeCheck);
    if (!program)
        return program.error();
    EvalContext ctx;
    const Value result = program->evaluate(activation, ctx);
    if (result.isError()) {
        return makeError(
            ec::CelEval,
            QString::fromUtf8(result.text().data(), static_cast<qsizetype>(result.text().size())));
    }
    return JsonCodec::encode(result);
}

} // namespace ta::core::cel
