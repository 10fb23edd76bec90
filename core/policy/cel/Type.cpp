// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Type.h"

#include <array>
#include <utility>

namespace ta::core::cel {

namespace {

struct Named
{
    std::string_view name;
    TypeKind kind;
};

constexpr std::array<Named, 13> kNames = {{
    {"dyn", TypeKind::Dyn},
    {"null_type", TypeKind::Null},
    {"bool", TypeKind::Bool},
    {"int", TypeKind::Int},
    {"uint", TypeKind::Uint},
    {"double", TypeKind::Double},
    {"string", TypeKind::String},
    {"bytes", TypeKind::Bytes},
    {"google.protobuf.Timestamp", TypeKind::Timestamp},
    {"google.protobuf.Duration", TypeKind::Duration},
    {"type", TypeKind::Type},
    {"timestamp", TypeKind::Timestamp},
    {"duration", TypeKind::Duration},
}};

std::string_view trim(std::string_view s)
{
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

} // namespace

Type Type::list(Type elem)
{
    Type t(TypeKind::List);
    t.m_first = std::make_shared<const Type>(std::move(elem));
    return t;
}

Type Type::map(Type key, Type value)
{
    Type t(TypeKind::Map);
    t.m_first = std::make_shared<const Type>(std::move(key));
    t.m_second = std::make_shared<const Type>(std::move(value));
    return t;
}

Type Type::param(std::string name)
{
    Type t(TypeKind::Param);
    t.m_name = std::move(name);
    return t;
}

std::string Type::toString() const
{
    switch (m_kind) {
    case TypeKind::List:
        return "list(" + m_first->toString() + ")";
    case TypeKind::Map:
        return "map(" + m_first->toString() + ", " + m_second->toString() + ")";
    case TypeKind::Param:
        return m_name;
    case TypeKind::Error:
        return "*error*";
    default:
        for (const Named &n : kNames) {
            if (n.kind == m_kind)
                return std::string(n.name);
        }
        return "dyn";
    }
}

std::optional<Type> Type::parse(std::string_view text)
{
    text = trim(text);
    if (text.size() == 1 && text[0] >= 'A' && text[0] <= 'Z')
        return param(std::string(text));
    const auto open = text.find('(');
    if (open != std::string_view::npos && text.back() == ')') {
        const std::string_view head = text.substr(0, open);
        const std::string_view inner = text.substr(open + 1, text.size() - open - 2);
        if (head == "list") {
            auto elem = parse(inner);
            if (!elem)
                return std::nullopt;
            return list(std::move(*elem));
        }
        if (head == "map") {
            // Split at the top-level comma.
            int depth = 0;
            for (std::size_t i = 0; i < inner.size(); ++i) {
                if (inner[i] == '(')
                    ++depth;
                else if (inner[i] == ')')
                    --depth;
                else if (inner[i] == ',' && depth == 0) {
                    auto k = parse(inner.substr(0, i));
                    auto v = parse(inner.substr(i + 1));
                    if (!k || !v)
                        return std::nullopt;
                    return map(std::move(*k), std::move(*v));
                }
            }
        }
        return std::nullopt;
    }
    for (const Named &n : kNames) {
        if (n.name == text)
            return Type(n.kind);
    }
    return std::nullopt;
}

bool Type::operator==(const Type &other) const
{
    if (m_kind != other.m_kind)
        return false;
    switch (m_kind) {
    case TypeKind::List:
        return *m_first == *other.m_first;
    case TypeKind::Map:
        return *m_first == *other.m_first && *m_second == *other.m_second;
    case TypeKind::Param:
        return m_name == other.m_name;
    default:
        return true;
    }
}

} // namespace ta::core::cel
