// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Diagnostic.h"
#include "core/policy/cel/Type.h"

#include <vector>

namespace ta::core::cel {

struct Expr;

/// The checker's verdict: a type for every node (indexed by Expr::id) and the diagnostics.
struct CheckResult
{
    std::vector<Type> types;
    std::vector<Diagnostic> diagnostics;
    /// The type of the whole expression.
    Type resultType;

    bool ok() const { return diagnostics.empty(); }
    /// The type the checker gave @p expr.
    const Type &typeOf(const Expr &expr) const;
};

} // namespace ta::core::cel
