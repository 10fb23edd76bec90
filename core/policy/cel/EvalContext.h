// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Arena.h"
#include "core/policy/cel/Value.h"

#include <string_view>
#include <vector>

namespace ta::core::cel {

/// Per-evaluation scratch state: the arena that holds results (strings, lists, maps, error
/// messages) and the comprehension variables. Reuse one context per thread across evaluations:
/// once warm, evaluating allocates nothing.
class EvalContext
{
public:
    EvalContext() : m_arena(&m_own) {}
    /// A context whose results go to @p arena (the program's constants, when folding).
    explicit EvalContext(Arena *arena) : m_arena(arena) {}
    EvalContext(const EvalContext &) = delete;
    EvalContext &operator=(const EvalContext &) = delete;

    Arena &arena() { return *m_arena; }
    /// Forgets the results of previous evaluations; values they returned become invalid.
    void reset() { m_arena->reset(); }

    /// An error value whose message is copied into the arena.
    Value error(std::string_view message) { return Value::error(m_arena->copy(message)); }
    /// A string value copied into the arena.
    Value string(std::string_view text) { return Value::string(m_arena->copy(text)); }
    /// A bytes value copied into the arena.
    Value bytes(std::string_view data) { return Value::bytes(m_arena->copy(data)); }
    /// A list value over a copy of @p count items.
    Value list(const Value *items, std::size_t count);
    /// A map value over copies of the entries (the caller has checked the keys).
    Value map(const Value *keys, const Value *values, std::size_t count);

    /// Storage for comprehension variables, at least @p count slots.
    Value *locals(std::size_t count)
    {
        if (m_locals.size() < count)
            m_locals.resize(count);
        return m_locals.data();
    }

private:
    Arena m_own;
    Arena *m_arena;
    std::vector<Value> m_locals;
};

} // namespace ta::core::cel
