// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Expr.h"
#include "core/policy/cel/FunctionRegistry.h"
#include "core/policy/cel/Value.h"

#include <cstdint>

namespace ta::core::cel {

/// What a plan node does; names are resolved and functions bound before evaluation.
enum class Op : std::uint8_t {
    Const,
    Slot,
    Local,
    Select,
    Has,
    Index,
    Call,
    Not,
    Negate,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    In,
    And,
    Or,
    Conditional,
    CreateList,
    CreateMap,
    Comprehension,
    Bind,
    MatchesConst,
};

/// One node of a compiled program, stored flat; children are ranges of Program's edge list.
struct PlanNode
{
    Op op = Op::Const;
    MacroKind macro = MacroKind::None;
    /// Slot (Slot), local index (Local, Comprehension, Bind) or regex index (MatchesConst).
    std::int32_t a = 0;
    /// The second iteration variable's local index.
    std::int32_t b = -1;
    std::int32_t first = 0;
    std::int32_t count = 0;
    /// The constant (Const), the field name (Select, Has).
    Value value;
    /// The error to return when a Slot is unbound or a Select finds no key.
    Value failure;
    Builtin fn = nullptr;
};

} // namespace ta::core::cel
