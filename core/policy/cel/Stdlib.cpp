// SPDX-License-Identifier: Apache-2.0
// The standard library: conversions, size, string predicates, matches, type, and the
// base64 encoders extension.
#include "core/policy/cel/Arithmetic.h"
#include "core/policy/cel/Chrono.h"
#include "core/policy/cel/EvalContext.h"
#include "core/policy/cel/FunctionRegistry.h"
#include "core/policy/cel/Text.h"
#include "core/policy/cel/Utf8.h"

#include <QByteArray>

#include <re2/re2.h>

#include <charconv>
#include <cmath>
#include <limits>

namespace ta::core::cel {

namespace {

constexpr Value kNoOverload = Value::error("no such overload");
constexpr Value kRangeError = Value::error("range error: value out of range for the type");
constexpr Value kConversionError = Value::error("type conversion error");

template <typename T>
bool parseWhole(std::string_view text, T &out)
{
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size() && !text.empty();
}

Value toInt(EvalContext &, const Value *args, int)
{
    const Value &v = args[0];
    switch (v.kind()) {
    case ValueKind::Int:
        return v;
    case ValueKind::Uint:
        if (v.uintValue() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return kRangeError;
        return Value::integer(static_cast<std::int64_t>(v.uintValue()));
    case ValueKind::Double: {
        const double d = v.doubleValue();
        // Both ends exclusive: -2^63 as a double may stand for a value below int64's range.
        if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0))
            return kRangeError;
        return Value::integer(static_cast<std::int64_t>(d));
    }
    case ValueKind::String: {
        std::int64_t i = 0;
        return parseWhole(v.text(), i) ? Value::integer(i) : kConversionError;
    }
    case ValueKind::Timestamp:
        return Value::integer(v.seconds());
    default:
        return kNoOverload;
    }
}

Value toUint(EvalContext &, const Value *args, int)
{
    const Value &v = args[0];
    switch (v.kind()) {
    case ValueKind::Uint:
        return v;
    case ValueKind::Int:
        if (v.intValue() < 0)
            return kRangeError;
        return Value::uinteger(static_cast<std::uint64_t>(v.intValue()));
    case ValueKind::Double: {
        const double d = v.doubleValue();
        if (!(d >= 0 && d < 18446744073709551616.0))
            return kRangeError;
        return Value::uinteger(static_cast<std::uint64_t>(d));
    }
    case ValueKind::String: {
        std::uint64_t u = 0;
        return parseWhole(v.text(), u) ? Value::uinteger(u) : kConversionError;
    }
    default:
        return kNoOverload;
    }
}

Value toDouble(EvalContext &, const Value *args, int)
{
    const Value &v = args[0];
    switch (v.kind()) {
    case ValueKind::Double:
        return v;
    case ValueKind::Int:
        return Value::real(static_cast<double>(v.intValue()));
    case ValueKind::Uint:
        return Value::real(static_cast<double>(v.uintValue()));
    case ValueKind::String: {
        double d = 0;
        std::string_view t = v.text();
        if (t == "Infinity" || t == "+Infinity")
            return Value::real(std::numeric_limits<double>::infinity());
        if (t == "-Infinity")
            return Value::real(-std::numeric_limits<double>::infinity());
        if (!t.empty() && t.front() == '+')
            t.remove_prefix(1);
        return parseWhole(t, d) ? Value::real(d) : kConversionError;
    }
    default:
        return kNoOverload;
    }
}

Value toString(EvalContext &ctx, const Value *args, int)
{
    const Value &v = args[0];
    switch (v.kind()) {
    case ValueKind::String:
        return v;
    case ValueKind::Bytes:
        if (!utf8::isValid(v.text()))
            return Value::error("invalid UTF-8 in bytes, cannot convert to string");
        return Value::string(v.text());
    case ValueKind::Int:
    case ValueKind::Uint:
    case ValueKind::Double:
    case ValueKind::Bool:
    case ValueKind::Timestamp:
    case ValueKind::Duration:
        return ctx.string(text::display(v));
    default:
        return kNoOverload;
    }
}

Value toBytes(EvalContext &, const Value *args, int)
{
    const Value &v = args[0];
    if (v.kind() == ValueKind::Bytes)
        return v;
    if (v.kind() == ValueKind::String)
        return Value::bytes(v.text());
    return kNoOverload;
}

Value toBool(EvalContext &, const Value *args, int)
{
    const Value &v = args[0];
    if (v.kind() == ValueKind::Bool)
        return v;
    if (v.kind() != ValueKind::String)
        return kNoOverload;
    const std::string_view t = v.text();
    if (t == "1" || t == "t" || t == "true" || t == "TRUE" || t == "True")
        return Value::boolean(true);
    if (t == "0" || t == "f" || t == "false" || t == "FALSE" || t == "False")
        return Value::boolean(false);
    return kConversionError;
}

Value typeOf(EvalContext &, const Value *args, int)
{
    return Value::type(typeNameOf(args[0]));
}

Value identity(EvalContext &, const Value *args, int)
{
    return args[0];
}

Value size(EvalContext &, const Value *args, int)
{
    const Value &v = args[0];
    switch (v.kind()) {
    case ValueKind::String:
        return Value::integer(utf8::length(v.text()));
    case ValueKind::Bytes:
        return Value::integer(static_cast<std::int64_t>(v.text().size()));
    case ValueKind::List:
        return Value::integer(v.listValue().size);
    case ValueKind::Map:
        return Value::integer(v.mapValue().size);
    default:
        return kNoOverload;
    }
}

bool bothStrings(const Value *args)
{
    return args[0].kind() == ValueKind::String && args[1].kind() == ValueKind::String;
}

Value contains(EvalContext &, const Value *args, int)
{
    if (!bothStrings(args))
        return kNoOverload;
    return Value::boolean(args[0].text().find(args[1].text()) != std::string_view::npos);
}

Value startsWith(EvalContext &, const Value *args, int)
{
    if (!bothStrings(args))
        return kNoOverload;
    return Value::boolean(args[0].text().substr(0, args[1].text().size()) == args[1].text());
}

Value endsWith(EvalContext &, const Value *args, int)
{
    if (!bothStrings(args))
        return kNoOverload;
    const std::string_view s = args[0].text();
    const std::string_view suffix = args[1].text();
    return Value::boolean(s.size() >= suffix.size() &&
                          s.substr(s.size() - suffix.size()) == suffix);
}

// The pattern is not a constant here (constant patterns are compiled once by the planner).
Value matches(EvalContext &ctx, const Value *args, int)
{
    if (!bothStrings(args))
        return kNoOverload;
    re2::RE2::Options options;
    options.set_log_errors(false);
    const std::string_view pattern = args[1].text();
    const re2::RE2 re(re2::StringPiece(pattern.data(), pattern.size()), options);
    if (!re.ok())
        return ctx.error("invalid regular expression: " + re.error());
    const std::string_view text = args[0].text();
    return Value::boolean(re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re));
}

Value base64Encode(EvalContext &ctx, const Value *args, int)
{
    if (args[0].kind() != ValueKind::Bytes)
        return kNoOverload;
    const std::string_view data = args[0].text();
    const QByteArray encoded =
        QByteArray::fromRawData(data.data(), static_cast<qsizetype>(data.size())).toBase64();
    return ctx.string(std::string_view(encoded.constData(), encoded.size()));
}

Value base64Decode(EvalContext &ctx, const Value *args, int)
{
    if (args[0].kind() != ValueKind::String)
        return kNoOverload;
    QByteArray input(args[0].text().data(), static_cast<qsizetype>(args[0].text().size()));
    // Unpadded input is accepted too, as the reference implementation does.
    while (input.size() % 4 != 0)
        input.append('=');
    const auto decoded =
        QByteArray::fromBase64Encoding(input, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return Value::error("invalid base64 input");
    return ctx.bytes(std::string_view(decoded.decoded.constData(), decoded.decoded.size()));
}

} // namespace

void registerStandardFunctions(FunctionRegistry &r)
{
    r.add("int", false, 1, 1, toInt);
    r.add("uint", false, 1, 1, toUint);
    r.add("double", false, 1, 1, toDouble);
    r.add("string", false, 1, 1, toString);
    r.add("bytes", false, 1, 1, toBytes);
    r.add("bool", false, 1, 1, toBool);
    r.add("type", false, 1, 1, typeOf);
    r.add("dyn", false, 1, 1, identity);
    r.add("size", false, 1, 1, size);
    r.add("size", true, 1, 1, size);
    r.add("contains", true, 2, 2, contains);
    r.add("startsWith", true, 2, 2, startsWith);
    r.add("endsWith", true, 2, 2, endsWith);
    r.add("matches", true, 2, 2, matches);
    r.add("matches", false, 2, 2, matches);
    r.add("base64.encode", false, 1, 1, base64Encode);
    r.add("base64.decode", false, 1, 1, base64Decode);
}

} // namespace ta::core::cel
