// SPDX-License-Identifier: Apache-2.0
// The math extension: greatest/least over mixed numbers, rounding, sign, classification,
// bit operations and sqrt.
#include "core/policy/cel/EvalContext.h"
#include "core/policy/cel/FunctionRegistry.h"

#include <cmath>
#include <limits>

namespace ta::core::cel {

namespace {

constexpr Value kNoOverload = Value::error("no such overload");

bool isNumber(const Value &v)
{
    return v.kind() == ValueKind::Int || v.kind() == ValueKind::Uint ||
           v.kind() == ValueKind::Double;
}

// greatest() and least() take numbers as arguments or one list of numbers; the winner keeps
// its own type.
Value extreme(const Value *args, int argc, Ordering wanted)
{
    const Value *items = args;
    std::uint32_t count = static_cast<std::uint32_t>(argc);
    if (argc == 1 && args[0].kind() == ValueKind::List) {
        items = args[0].listValue().items;
        count = args[0].listValue().size;
        if (count == 0)
            return Value::error("math.@max/@min requires at least one argument");
    }
    const Value *best = nullptr;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (!isNumber(items[i]))
            return kNoOverload;
        if (!best || compareValues(items[i], *best) == wanted)
            best = &items[i];
    }
    return *best;
}

Value greatest(EvalContext &, const Value *args, int argc)
{
    return extreme(args, argc, Ordering::Greater);
}

Value least(EvalContext &, const Value *args, int argc)
{
    return extreme(args, argc, Ordering::Less);
}

template <double (*F)(double)>
Value rounding(EvalContext &, const Value *args, int)
{
    if (args[0].kind() != ValueKind::Double)
        return kNoOverload;
    return Value::real(F(args[0].doubleValue()));
}

double roundHalfAway(double d)
{
    return std::round(d);
}

double ceilOf(double d)
{
    return std::ceil(d);
}

double floorOf(double d)
{
    return std::floor(d);
}

double truncOf(double d)
{
    return std::trunc(d);
}

Value abs(EvalContext &, const Value *args, int)
{
    const Value &v = args[0];
    switch (v.kind()) {
    case ValueKind::Int:
        if (v.intValue() == std::numeric_limits<std::int64_t>::min())
            return Value::error("integer overflow");
        return Value::integer(v.intValue() < 0 ? -v.intValue() : v.intValue());
    case ValueKind::Uint:
        return v;
    case ValueKind::Double:
        return Value::real(std::fabs(v.doubleValue()));
    default:
        return kNoOverload;
    }
}

Value sign(EvalContext &, const Value *args, int)
{
    const Value &v = args[0];
    switch (v.kind()) {
    case ValueKind::Int:
        return Value::integer((v.intValue() > 0) - (v.intValue() < 0));
    case ValueKind::Uint:
        return Value::uinteger(v.uintValue() > 0 ? 1 : 0);
    case ValueKind::Double: {
        const double d = v.doubleValue();
        if (std::isnan(d))
            return v;
        return Value::real(d > 0 ? 1.0 : (d < 0 ? -1.0 : 0.0));
    }
    default:
        return kNoOverload;
    }
}

template <int Which>
Value classify(EvalContext &, const Value *args, int)
{
    if (args[0].kind() != ValueKind::Double)
        return kNoOverload;
    const double d = args[0].doubleValue();
    if (Which == 0)
        return Value::boolean(std::isnan(d));
    if (Which == 1)
        return Value::boolean(std::isinf(d));
    return Value::boolean(std::isfinite(d));
}

template <char Op>
Value bitwise(EvalContext &, const Value *args, int)
{
    const Value &a = args[0];
    const Value &b = args[1];
    auto apply = [](std::uint64_t x, std::uint64_t y) {
        return Op == '&' ? (x & y) : (Op == '|' ? (x | y) : (x ^ y));
    };
    if (a.kind() == ValueKind::Int && b.kind() == ValueKind::Int) {
        return Value::integer(static_cast<std::int64_t>(apply(
            static_cast<std::uint64_t>(a.intValue()), static_cast<std::uint64_t>(b.intValue()))));
    }
    if (a.kind() == ValueKind::Uint && b.kind() == ValueKind::Uint)
        return Value::uinteger(apply(a.uintValue(), b.uintValue()));
    return kNoOverload;
}

Value bitNot(EvalContext &, const Value *args, int)
{
    if (args[0].kind() == ValueKind::Int)
        return Value::integer(~args[0].intValue());
    if (args[0].kind() == ValueKind::Uint)
        return Value::uinteger(~args[0].uintValue());
    return kNoOverload;
}

// Shifts treat ints as bit patterns: right shifts of negative ints bring in zeros.
template <bool Left>
Value shift(EvalContext &, const Value *args, int)
{
    const Value &v = args[0];
    if ((v.kind() != ValueKind::Int && v.kind() != ValueKind::Uint) ||
        args[1].kind() != ValueKind::Int)
        return kNoOverload;
    const std::int64_t by = args[1].intValue();
    if (by < 0)
        return Value::error("math.bitShift: negative offset");
    const std::uint64_t bits =
        v.kind() == ValueKind::Int ? static_cast<std::uint64_t>(v.intValue()) : v.uintValue();
    const std::uint64_t shifted = by >= 64 ? 0 : (Left ? bits << by : bits >> by);
    if (v.kind() == ValueKind::Int)
        return Value::integer(static_cast<std::int64_t>(shifted));
    return Value::uinteger(shifted);
}

Value sqrtOf(EvalContext &, const Value *args, int)
{
    const Value &v = args[0];
    switch (v.kind()) {
    case ValueKind::Int:
        return Value::real(std::sqrt(static_cast<double>(v.intValue())));
    case ValueKind::Uint:
        return Value::real(std::sqrt(static_cast<double>(v.uintValue())));
    case ValueKind::Double:
        return Value::real(std::sqrt(v.doubleValue()));
    default:
        return kNoOverload;
    }
}

} // namespace

void registerMathFunctions(FunctionRegistry &r)
{
    r.add("math.greatest", false, 1, -1, greatest);
    r.add("math.least", false, 1, -1, least);
    r.add("math.ceil", false, 1, 1, rounding<ceilOf>);
    r.add("math.floor", false, 1, 1, rounding<floorOf>);
    r.add("math.round", false, 1, 1, rounding<roundHalfAway>);
    r.add("math.trunc", false, 1, 1, rounding<truncOf>);
    r.add("math.abs", false, 1, 1, abs);
    r.add("math.sign", false, 1, 1, sign);
    r.add("math.isNaN", false, 1, 1, classify<0>);
    r.add("math.isInf", false, 1, 1, classify<1>);
    r.add("math.isFinite", false, 1, 1, classify<2>);
    r.add("math.bitAnd", false, 2, 2, bitwise<'&'>);
    r.add("math.bitOr", false, 2, 2, bitwise<'|'>);
    r.add("math.bitXor", false, 2, 2, bitwise<'^'>);
    r.add("math.bitNot", false, 1, 1, bitNot);
    r.add("math.bitShiftLeft", false, 2, 2, shift<true>);
    r.add("math.bitShiftRight", false, 2, 2, shift<false>);
    r.add("math.sqrt", false, 1, 1, sqrtOf);
}

} // namespace ta::core::cel
