// SPDX-License-Identifier: Apache-2.0
// format() of the strings extension: %s %d %f %e %b %o %x %X and %%, with .N precision.
#include "core/policy/cel/EvalContext.h"
#include "core/policy/cel/Text.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace ta::core::cel {

namespace {

std::string unsignedIn(std::uint64_t value, int base, bool upper)
{
    if (value == 0)
        return "0";
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string out;
    while (value) {
        out.insert(out.begin(), digits[value % static_cast<unsigned>(base)]);
        value /= static_cast<unsigned>(base);
    }
    return out;
}

std::string signedIn(std::int64_t value, int base, bool upper)
{
    if (value >= 0)
        return unsignedIn(static_cast<std::uint64_t>(value), base, upper);
    return "-" + unsignedIn(0ULL - static_cast<std::uint64_t>(value), base, upper);
}

bool nonFinite(double d, std::string &out)
{
    if (std::isnan(d))
        out = "NaN";
    else if (std::isinf(d))
        out = d > 0 ? "Infinity" : "-Infinity";
    else
        return false;
    return true;
}

std::string printDouble(const char *verb, int precision, double d)
{
    char fmt[16];
    std::snprintf(fmt, sizeof fmt, "%%.%d%s", precision, verb);
    const int n = std::snprintf(nullptr, 0, fmt, d);
    std::string out(static_cast<std::size_t>(n), '\0');
    std::snprintf(out.data(), out.size() + 1, fmt, d);
    return out;
}

bool asDouble(const Value &v, double &d)
{
    switch (v.kind()) {
    case ValueKind::Double:
        d = v.doubleValue();
        return true;
    case ValueKind::Int:
        d = static_cast<double>(v.intValue());
        return true;
    case ValueKind::Uint:
        d = static_cast<double>(v.uintValue());
        return true;
    default:
        return false;
    }
}

// An upper bound of the length of text::display(@p v), given up on past @p cap: a list may
// hold the same long string many times over, so its display can be far larger than the
// memory the evaluation has used.
std::size_t displayBound(const Value &v, std::size_t cap)
{
    switch (v.kind()) {
    case ValueKind::String:
    case ValueKind::Bytes:
    case ValueKind::Type:
    case ValueKind::Error:
        return v.text().size();
    case ValueKind::List:
    case ValueKind::Map: {
        const bool list = v.kind() == ValueKind::List;
        const std::uint32_t n = list ? v.listValue().size : v.mapValue().size;
        std::size_t total = 2;
        for (std::uint32_t i = 0; i < n && total <= cap; ++i) {
            total += 4 + displayBound(list ? v.listValue().items[i] : v.mapValue().values[i], cap);
            if (!list)
                total += displayBound(v.mapValue().keys[i], cap);
        }
        return total;
    }
    default:
        return 64;
    }
}

// One clause; false with @p error set when the argument does not suit it.
bool formatClause(char verb, int precision, const Value &arg, std::string &out, std::string &error)
{
    const std::string given = ", was given " + std::string(typeNameOf(arg));
    switch (verb) {
    case 's':
        out += text::display(arg);
        return true;
    case 'd':
        if (arg.kind() == ValueKind::Int) {
            out += std::to_string(arg.intValue());
            return true;
        }
        if (arg.kind() == ValueKind::Uint) {
            out += std::to_string(arg.uintValue());
            return true;
        }
        if (arg.kind() == ValueKind::Double) {
            std::string special;
            if (nonFinite(arg.doubleValue(), special)) {
                out += special;
                return true;
            }
        }
        error = "decimal clause can only be used on integers" + given;
        return false;
    case 'f':
    case 'e': {
        double d = 0;
        if (!asDouble(arg, d)) {
            error = std::string(verb == 'f' ? "fixed-point" : "scientific") +
                    " clause can only be used on doubles" + given;
            return false;
        }
        std::string special;
        if (nonFinite(d, special))
            out += special;
        else
            out += printDouble(verb == 'f' ? "f" : "e", precision < 0 ? 6 : precision, d);
        return true;
    }
    case 'b':
        if (arg.kind() == ValueKind::Int)
            out += signedIn(arg.intValue(), 2, false);
        else if (arg.kind() == ValueKind::Uint)
            out += unsignedIn(arg.uintValue(), 2, false);
        else if (arg.kind() == ValueKind::Bool)
            out += arg.boolValue() ? "1" : "0";
        else {
            error = "only integers and bools can be formatted as binary" + given;
            return false;
        }
        return true;
    case 'o':
        if (arg.kind() == ValueKind::Int)
            out += signedIn(arg.intValue(), 8, false);
        else if (arg.kind() == ValueKind::Uint)
            out += unsignedIn(arg.uintValue(), 8, false);
        else {
            error = "octal clause can only be used on integers" + given;
            return false;
        }
        return true;
    default: {
        const bool upper = verb == 'X';
        if (arg.kind() == ValueKind::Int) {
            out += signedIn(arg.intValue(), 16, upper);
        } else if (arg.kind() == ValueKind::Uint) {
            out += unsignedIn(arg.uintValue(), 16, upper);
        } else if (arg.kind() == ValueKind::String || arg.kind() == ValueKind::Bytes) {
            const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
            for (unsigned char c : arg.text()) {
                out.push_back(digits[c >> 4]);
                out.push_back(digits[c & 0xF]);
            }
        } else {
            error = "only integers, byte buffers, and strings can be formatted as hex" + given;
            return false;
        }
        return true;
    }
    }
}

} // namespace

/// "...".format([args]) of the strings extension.
Value formatString(EvalContext &ctx, const Value *args, int)
{
    if (args[0].kind() != ValueKind::String || args[1].kind() != ValueKind::List)
        return Value::error("no such overload");
    const std::string_view fmt = args[0].text();
    const ListData &list = args[1].listValue();
    std::string out;
    std::uint32_t next = 0;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%') {
            out.push_back(fmt[i]);
            continue;
        }
        if (++i >= fmt.size())
            return ctx.error("could not parse formatting clause: missing formatting clause");
        if (fmt[i] == '%') {
            out.push_back('%');
            continue;
        }
        int precision = -1;
        if (fmt[i] == '.') {
            precision = 0;
            while (++i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9')
                precision = precision * 10 + (fmt[i] - '0');
            if (i >= fmt.size())
                return ctx.error("could not parse formatting clause: missing formatting clause");
        }
        const char verb = fmt[i];
        if (std::string_view("sdfeboxX").find(verb) == std::string_view::npos) {
            return ctx.error(
                "could not parse formatting clause: unrecognized formatting clause \"" +
                std::string(1, verb) + "\"");
        }
        if (next >= list.size)
            return ctx.error("index " + std::to_string(next) + " out of range");
        ctx.reserve(out.size());
        if (verb == 's')
            ctx.reserve(out.size() + displayBound(list.items[next], std::size_t(1) << 40));
        std::string error;
        if (!formatClause(verb, precision, list.items[next++], out, error))
            return ctx.error("error during formatting: " + error);
    }
    return ctx.string(out);
}

} // namespace ta::core::cel
