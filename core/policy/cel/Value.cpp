// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Value.h"

#include <cmath>

namespace ta::core::cel {

namespace {

Ordering orderDoubles(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return Ordering::Unordered;
    if (a < b)
        return Ordering::Less;
    if (a > b)
        return Ordering::Greater;
    return Ordering::Equal;
}

template <typename T>
Ordering orderPlain(T a, T b)
{
    if (a < b)
        return Ordering::Less;
    if (b < a)
        return Ordering::Greater;
    return Ordering::Equal;
}

Ordering orderIntUint(std::int64_t i, std::uint64_t u)
{
    if (i < 0)
        return Ordering::Less;
    return orderPlain(static_cast<std::uint64_t>(i), u);
}

Ordering invert(Ordering o)
{
    if (o == Ordering::Less)
        return Ordering::Greater;
    if (o == Ordering::Greater)
        return Ordering::Less;
    return o;
}

bool isNumeric(ValueKind k)
{
    return k == ValueKind::Int || k == ValueKind::Uint || k == ValueKind::Double;
}

// Mixed int/double comparisons go through double, as the reference implementations do, so
// values that round to the same double compare equal.
Ordering orderNumbers(const Value &a, const Value &b)
{
    switch (a.kind()) {
    case ValueKind::Int:
        if (b.kind() == ValueKind::Int)
            return orderPlain(a.intValue(), b.intValue());
        if (b.kind() == ValueKind::Uint)
            return orderIntUint(a.intValue(), b.uintValue());
        return orderDoubles(static_cast<double>(a.intValue()), b.doubleValue());
    case ValueKind::Uint:
        if (b.kind() == ValueKind::Uint)
            return orderPlain(a.uintValue(), b.uintValue());
        if (b.kind() == ValueKind::Int)
            return invert(orderIntUint(b.intValue(), a.uintValue()));
        return orderDoubles(static_cast<double>(a.uintValue()), b.doubleValue());
    default:
        if (b.kind() == ValueKind::Double)
            return orderDoubles(a.doubleValue(), b.doubleValue());
        if (b.kind() == ValueKind::Int)
            return orderDoubles(a.doubleValue(), static_cast<double>(b.intValue()));
        return orderDoubles(a.doubleValue(), static_cast<double>(b.uintValue()));
    }
}

} // namespace

Ordering compareValues(const Value &a, const Value &b)
{
    if (isNumeric(a.kind()) && isNumeric(b.kind()))
        return orderNumbers(a, b);
    if (a.kind() != b.kind())
        return Ordering::NoOverload;
    switch (a.kind()) {
    case ValueKind::Bool:
        return orderPlain(int(a.boolValue()), int(b.boolValue()));
    case ValueKind::String:
    case ValueKind::Bytes: {
        // Byte order of UTF-8 is code point order, which is what CEL specifies for strings.
        const int c = a.text().compare(b.text());
        return c < 0 ? Ordering::Less : (c > 0 ? Ordering::Greater : Ordering::Equal);
    }
    case ValueKind::Timestamp: {
        const Ordering o = orderPlain(a.seconds(), b.seconds());
        return o == Ordering::Equal ? orderPlain(a.nanos(), b.nanos()) : o;
    }
    case ValueKind::Duration:
        return orderPlain(a.durationNanos(), b.durationNanos());
    default:
        return Ordering::NoOverload;
    }
}

bool valuesEqual(const Value &a, const Value &b)
{
    if (isNumeric(a.kind()) && isNumeric(b.kind()))
        return orderNumbers(a, b) == Ordering::Equal;
    if (a.kind() != b.kind())
        return false;
    switch (a.kind()) {
    case ValueKind::Null:
        return true;
    case ValueKind::Bool:
        return a.boolValue() == b.boolValue();
    case ValueKind::String:
    case ValueKind::Bytes:
    case ValueKind::Type:
    case ValueKind::Error:
        return a.text() == b.text();
    case ValueKind::Timestamp:
        return a.seconds() == b.seconds() && a.nanos() == b.nanos();
    case ValueKind::Duration:
        return a.durationNanos() == b.durationNanos();
    case ValueKind::List: {
        const ListData &x = a.listValue();
        const ListData &y = b.listValue();
        if (x.size != y.size)
            return false;
        for (std::uint32_t i = 0; i < x.size; ++i) {
            if (!valuesEqual(x.items[i], y.items[i]))
                return false;
        }
        return true;
    }
    case ValueKind::Map: {
        const MapData &x = a.mapValue();
        const MapData &y = b.mapValue();
        if (x.size != y.size)
            return false;
        for (std::uint32_t i = 0; i < x.size; ++i) {
            const Value *other = mapFind(y, x.keys[i]);
            if (!other || !valuesEqual(x.values[i], *other))
                return false;
        }
        return true;
    }
    default:
        return false;
    }
}

const Value *mapFind(const MapData &map, const Value &key)
{
    if (key.kind() == ValueKind::String) {
        // The hot path of field selection: compare sizes before bytes.
        const std::string_view wanted = key.text();
        for (std::uint32_t i = 0; i < map.size; ++i) {
            const Value &k = map.keys[i];
            if (k.kind() == ValueKind::String && k.text().size() == wanted.size() &&
                k.text() == wanted)
                return &map.values[i];
        }
        return nullptr;
    }
    for (std::uint32_t i = 0; i < map.size; ++i) {
        if (valuesEqual(map.keys[i], key))
            return &map.values[i];
    }
    return nullptr;
}

bool isValidMapKey(const Value &value)
{
    switch (value.kind()) {
    case ValueKind::Int:
    case ValueKind::Uint:
    case ValueKind::Bool:
    case ValueKind::String:
        return true;
    default:
        return false;
    }
}

std::string_view typeNameOf(const Value &value)
{
    switch (value.kind()) {
    case ValueKind::Null:
        return "null_type";
    case ValueKind::Bool:
        return "bool";
    case ValueKind::Int:
        return "int";
    case ValueKind::Uint:
        return "uint";
    case ValueKind::Double:
        return "double";
    case ValueKind::String:
        return "string";
    case ValueKind::Bytes:
        return "bytes";
    case ValueKind::List:
        return "list";
    case ValueKind::Map:
        return "map";
    case ValueKind::Timestamp:
        return "google.protobuf.Timestamp";
    case ValueKind::Duration:
        return "google.protobuf.Duration";
    case ValueKind::Type:
        return "type";
    case ValueKind::Error:
        return "error";
    }
    return "error";
}

std::size_t footprint(const Value &value, std::size_t cap)
{
    std::size_t total = sizeof(Value);
    switch (value.kind()) {
    case ValueKind::String:
    case ValueKind::Bytes:
    case ValueKind::Type:
    case ValueKind::Error:
        return total + value.text().size();
    case ValueKind::List: {
        const ListData &l = value.listValue();
        for (std::uint32_t i = 0; i < l.size && total <= cap; ++i)
            total += footprint(l.items[i], cap);
        return total;
    }
    case ValueKind::Map: {
        const MapData &m = value.mapValue();
        for (std::uint32_t i = 0; i < m.size && total <= cap; ++i)
            total += footprint(m.keys[i], cap) + footprint(m.values[i], cap);
        return total;
    }
    default:
        return total;
    }
}

} // namespace ta::core::cel
