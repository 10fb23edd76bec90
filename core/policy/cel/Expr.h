// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Value.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ta::core::cel {

/// The node kinds of a parsed expression.
enum class ExprKind : std::uint8_t {
    Literal,
    Ident,
    Select,
    Call,
    CreateList,
    CreateMap,
    Comprehension
};

/// The macros, expanded at parse time into Comprehension nodes (Bind for cel.bind).
enum class MacroKind : std::uint8_t {
    None,
    All,
    Exists,
    ExistsOne,
    Map,
    MapFilter,
    Filter,
    TransformList,
    TransformListFilter,
    TransformMap,
    TransformMapFilter,
    Bind,
};

/// One node of the syntax tree. Operators are calls named as CEL names them ("_+_", "_&&_",
/// "_?_:_", "!_", "-_", "_[_]", "@in", ...).
///
/// children: Select: [operand]; Call: [target?] + args; CreateList: elements; CreateMap:
/// key, value, key, value...; Comprehension: [range, body] or [range, filter, body]
/// (Bind: [init, body], the variable in iterVar).
struct Expr
{
    ExprKind kind = ExprKind::Literal;
    /// Dense id, unique in its Ast: the checker's types are indexed by it.
    int id = 0;
    /// Byte offset of the node in the source (of the operator for operator calls).
    int offset = 0;
    /// One past the node's last byte; with the smallest offset in its subtree, its span.
    int end = 0;
    Value literal;
    /// Identifier, selected field or function name.
    std::string name;
    std::vector<std::unique_ptr<Expr>> children;
    bool hasTarget = false;
    /// A Select inside has(): tests presence instead of reading the field.
    bool testOnly = false;
    MacroKind macro = MacroKind::None;
    std::string iterVar;
    std::string iterVar2;
    /// The height of the subtree (1 for a leaf): the parser keeps it under its limit.
    int height = 1;

    Expr() = default;
    Expr(const Expr &) = delete;
    Expr &operator=(const Expr &) = delete;
    /// Takes the subtree apart without recursion.
    ~Expr();

    const Expr &child(std::size_t i) const { return *children[i]; }
};

} // namespace ta::core::cel
