// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Arithmetic.h"

#include "core/policy/cel/Chrono.h"
#include "core/policy/cel/EvalContext.h"

#include <limits>

namespace ta::core::cel::arithmetic {

namespace {

constexpr Value kOverflow = Value::error("integer overflow");
constexpr Value kNoOverload = Value::error("no such overload");
constexpr Value kRange = Value::error("timestamp or duration out of range");

Value concat(EvalContext &ctx, std::string_view x, std::string_view y, bool bytes)
{
    char *out = static_cast<char *>(ctx.arena().allocate(x.size() + y.size() + 1, 1));
    std::copy(x.begin(), x.end(), out);
    std::copy(y.begin(), y.end(), out + x.size());
    const std::string_view joined(out, x.size() + y.size());
    return bytes ? Value::bytes(joined) : Value::string(joined);
}

Value addDurationToTimestamp(const Value &ts, std::int64_t durationNanos)
{
    return makeTimestamp(ts.seconds() + durationNanos / 1000000000,
                         static_cast<std::int64_t>(ts.nanos()) + durationNanos % 1000000000);
}

Value durationOrRange(__int128 nanos)
{
    if (nanos > std::numeric_limits<std::int64_t>::max() ||
        nanos < std::numeric_limits<std::int64_t>::min())
        return kRange;
    return Value::duration(static_cast<std::int64_t>(nanos));
}

} // namespace

Value makeTimestamp(std::int64_t seconds, std::int64_t nanos)
{
    seconds += nanos / 1000000000;
    nanos %= 1000000000;
    if (nanos < 0) {
        nanos += 1000000000;
        --seconds;
    }
    if (seconds < chrono::kMinSeconds || seconds > chrono::kMaxSeconds)
        return kRange;
    return Value::timestamp(seconds, static_cast<std::int32_t>(nanos));
}

Value add(EvalContext &ctx, const Value &a, const Value &b)
{
    if (a.kind() != b.kind()) {
        if (a.kind() == ValueKind::Timestamp && b.kind() == ValueKind::Duration)
            return addDurationToTimestamp(a, b.durationNanos());
        if (a.kind() == ValueKind::Duration && b.kind() == ValueKind::Timestamp)
            return addDurationToTimestamp(b, a.durationNanos());
        return kNoOverload;
    }
    switch (a.kind()) {
    case ValueKind::Int: {
        std::int64_t r;
        if (__builtin_add_overflow(a.intValue(), b.intValue(), &r))
            return kOverflow;
        return Value::integer(r);
    }
    case ValueKind::Uint: {
        std::uint64_t r;
        if (__builtin_add_overflow(a.uintValue(), b.uintValue(), &r))
            return kOverflow;
        return Value::uinteger(r);
    }
    case ValueKind::Double:
        return Value::real(a.doubleValue() + b.doubleValue());
    case ValueKind::String:
        return concat(ctx, a.text(), b.text(), false);
    case ValueKind::Bytes:
        return concat(ctx, a.text(), b.text(), true);
    case ValueKind::List: {
        const ListData &x = a.listValue();
        const ListData &y = b.listValue();
        if (y.size == 0)
            return a;
        if (x.size == 0)
            return b;
        auto *items = ctx.arena().allocateArray<Value>(x.size + y.size);
        std::copy(x.items, x.items + x.size, items);
        std::copy(y.items, y.items + y.size, items + x.size);
        auto *data = ctx.arena().allocateArray<ListData>(1);
        data->items = items;
        data->size = x.size + y.size;
        return Value::list(data);
    }
    case ValueKind::Duration:
        return durationOrRange(static_cast<__int128>(a.durationNanos()) + b.durationNanos());
    default:
        return kNoOverload;
    }
}

Value subtract(EvalContext &, const Value &a, const Value &b)
{
    if (a.kind() == ValueKind::Timestamp && b.kind() == ValueKind::Duration) {
        if (b.durationNanos() == std::numeric_limits<std::int64_t>::min())
            return kRange;
        return addDurationToTimestamp(a, -b.durationNanos());
    }
    if (a.kind() != b.kind())
        return kNoOverload;
    switch (a.kind()) {
    case ValueKind::Int: {
        std::int64_t r;
        if (__builtin_sub_overflow(a.intValue(), b.intValue(), &r))
            return kOverflow;
        return Value::integer(r);
    }
    case ValueKind::Uint: {
        std::uint64_t r;
        if (__builtin_sub_overflow(a.uintValue(), b.uintValue(), &r))
            return kOverflow;
        return Value::uinteger(r);
    }
    case ValueKind::Double:
        return Value::real(a.doubleValue() - b.doubleValue());
    case ValueKind::Duration:
        return durationOrRange(static_cast<__int128>(a.durationNanos()) - b.durationNanos());
    case ValueKind::Timestamp: {
        const __int128 nanos = (static_cast<__int128>(a.seconds()) - b.seconds()) * 1000000000 +
                               (a.nanos() - b.nanos());
        return durationOrRange(nanos);
    }
    default:
        return kNoOverload;
    }
}

Value multiply(const Value &a, const Value &b)
{
    if (a.kind() != b.kind())
        return kNoOverload;
    switch (a.kind()) {
    case ValueKind::Int: {
        std::int64_t r;
        if (__builtin_mul_overflow(a.intValue(), b.intValue(), &r))
            return kOverflow;
        return Value::integer(r);
    }
    case ValueKind::Uint: {
        std::uint64_t r;
        if (__builtin_mul_overflow(a.uintValue(), b.uintValue(), &r))
            return kOverflow;
        return Value::uinteger(r);
    }
    case ValueKind::Double:
        return Value::real(a.doubleValue() * b.doubleValue());
    default:
        return kNoOverload;
    }
}

Value divide(const Value &a, const Value &b)
{
    if (a.kind() != b.kind())
        return kNoOverload;
    switch (a.kind()) {
    case ValueKind::Int:
        if (b.intValue() == 0)
            return Value::error("divide by zero");
        if (a.intValue() == std::numeric_limits<std::int64_t>::min() && b.intValue() == -1)
            return kOverflow;
        return Value::integer(a.intValue() / b.intValue());
    case ValueKind::Uint:
        if (b.uintValue() == 0)
            return Value::error("divide by zero");
        return Value::uinteger(a.uintValue() / b.uintValue());
    case ValueKind::Double:
        return Value::real(a.doubleValue() / b.doubleValue());
    default:
        return kNoOverload;
    }
}

Value modulo(const Value &a, const Value &b)
{
    if (a.kind() != b.kind())
        return kNoOverload;
    switch (a.kind()) {
    case ValueKind::Int:
        if (b.intValue() == 0)
            return Value::error("modulus by zero");
        if (a.intValue() == std::numeric_limits<std::int64_t>::min() && b.intValue() == -1)
            return kOverflow;
        return Value::integer(a.intValue() % b.intValue());
    case ValueKind::Uint:
        if (b.uintValue() == 0)
            return Value::error("modulus by zero");
        return Value::uinteger(a.uintValue() % b.uintValue());
    default:
        return kNoOverload;
    }
}

Value negate(const Value &a)
{
    switch (a.kind()) {
    case ValueKind::Int:
        if (a.intValue() == std::numeric_limits<std::int64_t>::min())
            return kOverflow;
        return Value::integer(-a.intValue());
    case ValueKind::Double:
        return Value::real(-a.doubleValue());
    case ValueKind::Duration:
        if (a.durationNanos() == std::numeric_limits<std::int64_t>::min())
            return kRange;
        return Value::duration(-a.durationNanos());
    default:
        return kNoOverload;
    }
}

} // namespace ta::core::cel::arithmetic
