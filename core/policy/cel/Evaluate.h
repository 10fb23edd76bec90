// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/policy/cel/Limits.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace ta::core::cel {

/// Options of evaluateJson().
struct EvaluateOptions
{
    /// The namespace names resolve in (e.g. "ta.policy"); empty for none.
    QString container;
    /// Run the type checker first (bindings are declared as dyn).
    bool typeCheck = true;
    /// Parse limits, the estimated cost limit and the runtime budget.
    Limits limits;
};

/// Parses, checks and evaluates @p expression with @p bindings (name -> typed JSON value) and
/// returns the result in the same typed JSON encoding — what `trustatlas-cli cel eval` prints.
/// Error codes: cel.syntax and cel.check (detail "line:column: message"), cel.limit.size,
/// cel.limit.depth, cel.limit.nodes (a parse limit; same detail), cel.cost_exceeded (the
/// estimated cost is over the limit), cel.json (bad bindings), cel.eval (the evaluation failed;
/// detail is CEL's error message), cel.budget_exceeded (the evaluation ran out of steps or
/// memory and was stopped).
[[nodiscard]] Result<QJsonValue> evaluateJson(const QString &expression,
                                              const QJsonObject &bindings = {},
                                              const EvaluateOptions &options = {});

} // namespace ta::core::cel
