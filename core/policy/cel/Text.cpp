// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Text.h"

#include "core/policy/cel/Chrono.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <utility>
#include <vector>

namespace ta::core::cel::text {

std::string formatDouble(double d)
{
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0)
        return std::signbit(d) ? "-0" : "0";
    // Shortest round-trip digits, then the layout of Go's %g (exponent < -4 or >= 6), which
    // is what the reference implementation prints.
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    const std::string sci(buf, res.ptr);
    const auto e = sci.find('e');
    std::string mantissa = sci.substr(0, e);
    const int exponent = std::atoi(sci.c_str() + e + 1);
    const bool negative = mantissa.front() == '-';
    if (negative)
        mantissa.erase(0, 1);
    std::string digits;
    for (char c : mantissa) {
        if (c != '.')
            digits.push_back(c);
    }
    std::string out = negative ? "-" : "";
    if (exponent < -4 || exponent >= 6) {
        out += digits.substr(0, 1);
        if (digits.size() > 1)
            out += "." + digits.substr(1);
        char exp[16];
        std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
        return out + exp;
    }
    if (exponent < 0) {
        out += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
        return out;
    }
    const auto intDigits = static_cast<std::size_t>(exponent + 1);
    if (digits.size() <= intDigits) {
        out += digits + std::string(intDigits - digits.size(), '0');
        return out;
    }
    out += digits.substr(0, intDigits) + "." + digits.substr(intDigits);
    return out;
}

std::string display(const Value &value)
{
    switch (value.kind()) {
    case ValueKind::Null:
        return "null";
    case ValueKind::Bool:
        return value.boolValue() ? "true" : "false";
    case ValueKind::Int:
        return std::to_string(value.intValue());
    case ValueKind::Uint:
        return std::to_string(value.uintValue());
    case ValueKind::Double:
        return formatDouble(value.doubleValue());
    case ValueKind::String:
    case ValueKind::Bytes:
    case ValueKind::Type:
    case ValueKind::Error:
        return std::string(value.text());
    case ValueKind::Timestamp:
        return chrono::formatTimestamp(value.seconds(), value.nanos());
    case ValueKind::Duration:
        return chrono::formatDuration(value.durationNanos());
    case ValueKind::List: {
        std::string out = "[";
        const ListData &l = value.listValue();
        for (std::uint32_t i = 0; i < l.size; ++i) {
            if (i)
                out += ", ";
            out += display(l.items[i]);
        }
        return out + "]";
    }
    case ValueKind::Map: {
        const MapData &m = value.mapValue();
        std::vector<std::pair<std::string, std::string>> entries;
        for (std::uint32_t i = 0; i < m.size; ++i)
            entries.emplace_back(display(m.keys[i]), display(m.values[i]));
        std::sort(entries.begin(), entries.end());
        std::string out = "{";
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (i)
                out += ", ";
            out += entries[i].first + ": " + entries[i].second;
        }
        return out + "}";
    }
    }
    return {};
}

} // namespace ta::core::cel::text
