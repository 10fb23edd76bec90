// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ta::core::cel {

/// The kinds of static types the checker reasons about.
enum class TypeKind : std::uint8_t {
    Dyn,
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
    Param,
    Error,
};

/// A static CEL type: a primitive, list(E), map(K, V), a type parameter (in signatures) or dyn.
class Type
{
public:
    Type() = default;
    explicit Type(TypeKind kind) : m_kind(kind) {}

    static Type dyn() { return Type(TypeKind::Dyn); }
    static Type list(Type elem);
    static Type map(Type key, Type value);
    static Type param(std::string name);

    TypeKind kind() const { return m_kind; }
    bool isDyn() const { return m_kind == TypeKind::Dyn; }
    /// The element type of a list, the key type of a map.
    const Type &first() const { return *m_first; }
    /// The value type of a map.
    const Type &second() const { return *m_second; }
    const std::string &paramName() const { return m_name; }

    /// As CEL prints types: "int", "list(string)", "map(string, dyn)".
    std::string toString() const;
    /// Parses the notation of toString(); single upper-case letters are type parameters.
    static std::optional<Type> parse(std::string_view text);

    bool operator==(const Type &other) const;
    bool operator!=(const Type &other) const { return !(*this == other); }

private:
    TypeKind m_kind = TypeKind::Dyn;
    std::shared_ptr<const Type> m_first;
    std::shared_ptr<const Type> m_second;
    std::string m_name;
};

} // namespace ta::core::cel
