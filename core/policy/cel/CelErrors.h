// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/ErrorCode.h"

#include <QList>

// The CEL engine: every error code it raises, declared once.
// X(constant, "code", "meaning"): the constant is ta::core::ec::<constant>; the meaning is
// the sentence views/ErrorMessages translates. Add a row here for a new code.
#define TA_CEL_ERRORS(X)                                                                           \
    X(CelSyntax, "cel.syntax",                                                                     \
      "The CEL expression has a syntax error.")                                                    \
    X(CelCheck, "cel.check",                                                                       \
      "The CEL expression does not type-check.")                                                   \
    X(CelEval, "cel.eval",                                                                         \
      "The CEL expression failed to evaluate.")                                                    \
    X(CelJson, "cel.json",                                                                         \
      "The CEL bindings are not valid JSON values.")

namespace ta::core {
namespace ec {
TA_CEL_ERRORS(TA_ERROR_CODE_CONSTANT)
} // namespace ec

/// Every code of the table above, with its meaning.
QList<ErrorCode> celErrorCodes();

} // namespace ta::core
