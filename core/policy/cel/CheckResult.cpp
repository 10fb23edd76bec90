// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/CheckResult.h"

#include "core/policy/cel/Expr.h"

namespace ta::core::cel {

const Type &CheckResult::typeOf(const Expr &expr) const
{
    return types[static_cast<std::size_t>(expr.id)];
}

} // namespace ta::core::cel
