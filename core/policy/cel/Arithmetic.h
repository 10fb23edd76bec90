// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Value.h"

#include <cstdint>

/// The arithmetic operators with CEL's checks: int64 and uint64 overflow, division and modulo
/// by zero and timestamp range are errors, never wrapped or undefined values. Operands are
/// never errors (the interpreter propagates those first).
namespace ta::core::cel {
class EvalContext;
}

namespace ta::core::cel::arithmetic {

Value add(EvalContext &ctx, const Value &a, const Value &b);
Value subtract(EvalContext &ctx, const Value &a, const Value &b);
Value multiply(const Value &a, const Value &b);
Value divide(const Value &a, const Value &b);
Value modulo(const Value &a, const Value &b);
Value negate(const Value &a);
/// A timestamp from seconds and nanoseconds (any range), or a range error.
Value makeTimestamp(std::int64_t seconds, std::int64_t nanos);

} // namespace ta::core::cel::arithmetic
