// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/ErrorCode.h"

#include <QList>

// The CEL engine: every error code it raises, declared once.
// X(constant, "code", "meaning"): the constant is ta::core::ec::<constant>; the meaning is
// the sentence views/ErrorMessages translates. Add a row here for a new code.
#define TA_CEL_ERRORS(X)                                                                           \
    X(CelLimitSize, "cel.limit.size", "The expression is longer than the limit.")                  \
    X(CelLimitDepth, "cel.limit.depth", "The expression is nested deeper than the limit.")         \
    X(CelLimitNodes, "cel.limit.nodes", "The expression has more terms than the limit.")           \
    X(CelCostExceeded, "cel.cost_exceeded", "The expression's estimated cost is over the limit.")  \
    X(CelBudgetExceeded, "cel.budget_exceeded",                                                    \
      "The evaluation ran out of its step or memory budget.")                                      \
    X(CelSyntax, "cel.syntax", "The CEL expression has a syntax error.")                           \
    X(CelCheck, "cel.check", "The CEL expression does not type-check.")                            \
    X(CelEval, "cel.eval", "The CEL expression failed to evaluate.")                               \
    X(CelJson, "cel.json", "The CEL bindings are not valid JSON values.")

namespace ta::core {
namespace ec {
TA_CEL_ERRORS(TA_ERROR_CODE_CONSTANT)
} // namespace ec

/// Every code of the table above, with its meaning.
QList<ErrorCode> celErrorCodes();

} // namespace ta::core
