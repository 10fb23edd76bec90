// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/ListData.h"
#include "core/policy/cel/MapData.h"

#include <cstdint>
#include <string_view>

namespace ta::core::cel {

/// The runtime kinds of CEL values.
enum class ValueKind : std::uint8_t {
    Null,
    Bool,
    Int,
    Uint,
    Double,
    String,
    Bytes,
    List,
    Map,
    Timestamp,
    Duration,
    Type,
    Error,
};

/// A CEL value in 16 bytes, trivially copyable. Strings, bytes, lists and maps are views: the
/// storage belongs to an Arena (evaluation results, constants) or to the host (activations), so
/// evaluating a condition over host data copies and allocates nothing.
class Value
{
public:
    constexpr Value() : m_kind(ValueKind::Null), m_aux(0), m_i(0) {}

    static constexpr Value null() { return Value(); }
    static constexpr Value boolean(bool b)
    {
        Value v(ValueKind::Bool);
        v.m_b = b;
        return v;
    }
    static constexpr Value integer(std::int64_t i)
    {
        Value v(ValueKind::Int);
        v.m_i = i;
        return v;
    }
    static constexpr Value uinteger(std::uint64_t u)
    {
        Value v(ValueKind::Uint);
        v.m_u = u;
        return v;
    }
    static constexpr Value real(double d)
    {
        Value v(ValueKind::Double);
        v.m_d = d;
        return v;
    }
    /// A string (UTF-8) viewing @p text; the caller keeps the storage alive.
    static constexpr Value string(std::string_view text) { return view(ValueKind::String, text); }
    /// A bytes value viewing @p data; the caller keeps the storage alive.
    static constexpr Value bytes(std::string_view data) { return view(ValueKind::Bytes, data); }
    /// A type value named as CEL names it ("int", "list", "google.protobuf.Timestamp", ...).
    static constexpr Value type(std::string_view name) { return view(ValueKind::Type, name); }
    /// An error; the message must outlive the value (a literal, or arena-owned).
    static constexpr Value error(std::string_view message)
    {
        return view(ValueKind::Error, message);
    }
    static constexpr Value list(const ListData *data)
    {
        Value v(ValueKind::List);
        v.m_list = data;
        return v;
    }
    static constexpr Value map(const MapData *data)
    {
        Value v(ValueKind::Map);
        v.m_map = data;
        return v;
    }
    /// Seconds since the Unix epoch and nanoseconds (0..999999999) within that second.
    static constexpr Value timestamp(std::int64_t seconds, std::int32_t nanos)
    {
        Value v(ValueKind::Timestamp);
        v.m_i = seconds;
        v.m_aux = static_cast<std::uint32_t>(nanos);
        return v;
    }
    /// A duration in nanoseconds (the int64 range, as CEL implementations bound it).
    static constexpr Value duration(std::int64_t nanos)
    {
        Value v(ValueKind::Duration);
        v.m_i = nanos;
        return v;
    }

    constexpr ValueKind kind() const { return m_kind; }
    constexpr bool isError() const { return m_kind == ValueKind::Error; }
    constexpr bool isBool() const { return m_kind == ValueKind::Bool; }

    constexpr bool boolValue() const { return m_b; }
    constexpr std::int64_t intValue() const { return m_i; }
    constexpr std::uint64_t uintValue() const { return m_u; }
    constexpr double doubleValue() const { return m_d; }
    /// The text of a string, bytes, type or error value.
    constexpr std::string_view text() const { return {m_text, m_aux}; }
    constexpr const ListData &listValue() const { return *m_list; }
    constexpr const MapData &mapValue() const { return *m_map; }
    constexpr std::int64_t seconds() const { return m_i; }
    constexpr std::int32_t nanos() const { return static_cast<std::int32_t>(m_aux); }
    constexpr std::int64_t durationNanos() const { return m_i; }

private:
    explicit constexpr Value(ValueKind kind) : m_kind(kind), m_aux(0), m_i(0) {}
    static constexpr Value view(ValueKind kind, std::string_view text)
    {
        Value v(kind);
        v.m_text = text.data();
        v.m_aux = static_cast<std::uint32_t>(text.size());
        return v;
    }

    ValueKind m_kind;
    std::uint32_t m_aux;
    union {
        bool m_b;
        std::int64_t m_i;
        std::uint64_t m_u;
        double m_d;
        const char *m_text;
        const ListData *m_list;
        const MapData *m_map;
    };
};

static_assert(sizeof(Value) == 16, "Value is meant to stay two words");

/// The outcome of ordering two values.
enum class Ordering : std::uint8_t { Less, Equal, Greater, Unordered, NoOverload };

/// CEL equality (heterogeneous numbers compare by value; other kinds differ); no errors.
bool valuesEqual(const Value &a, const Value &b);
/// CEL ordering for <, <=, >, >=; NoOverload for kinds that do not order, Unordered for NaN.
Ordering compareValues(const Value &a, const Value &b);
/// The value stored under @p key (numeric keys match across int, uint and integral double).
const Value *mapFind(const MapData &map, const Value &key);
/// Whether @p value may be a map key (int, uint, bool, string).
bool isValidMapKey(const Value &value);
/// The bytes @p value spans when written out in full: 16 per value plus the text of every
/// string, bytes, type or error in it, a shared element counted each time it appears (as an
/// encoder writes it). Counting stops soon after passing @p cap.
std::size_t footprint(const Value &value, std::size_t cap);
/// The CEL type name of a value ("int", "google.protobuf.Duration", ...).
std::string_view typeNameOf(const Value &value);

} // namespace ta::core::cel
