// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Arena.h"
#include "core/policy/cel/Limits.h"
#include "core/policy/cel/Value.h"

#include <algorithm>
#include <cstdint>
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

    /// The runtime budget of each evaluation (Limits::maxSteps, Limits::maxBytes).
    void setBudget(std::uint64_t steps, std::size_t bytes)
    {
        m_maxSteps = steps;
        m_maxBytes = bytes;
    }
    std::uint64_t maxSteps() const { return m_maxSteps; }
    std::size_t maxBytes() const { return m_maxBytes; }
    /// Starts an evaluation: a full step budget, and maxBytes() more from the arena.
    void beginEvaluation()
    {
        m_steps = m_maxSteps > std::uint64_t(INT64_MAX) ? INT64_MAX : std::int64_t(m_maxSteps);
        m_arena->setBudget(m_maxBytes);
        m_exceeded = false;
    }
    /// Ends it: the arena may grow freely again (results are copied out, errors formatted).
    void endEvaluation() { m_arena->setBudget(SIZE_MAX); }
    /// Takes @p steps from the budget; throws BudgetExceeded when it runs out.
    void charge(std::int64_t steps)
    {
        m_steps -= steps;
        if (m_steps < 0) [[unlikely]]
            outOfSteps();
    }
    /// Throws BudgetExceeded unless @p bytes more would fit the byte budget: for functions
    /// that build a result elsewhere before copying it into the arena.
    void reserve(std::size_t bytes) const
    {
        if (!m_arena->fits(bytes)) [[unlikely]]
            throw BudgetExceeded{BudgetExceeded::Kind::Bytes};
    }
    /// Steps taken by the last evaluation.
    std::uint64_t stepsTaken() const
    {
        const std::int64_t limit =
            m_maxSteps > std::uint64_t(INT64_MAX) ? INT64_MAX : std::int64_t(m_maxSteps);
        return std::uint64_t(limit - std::max<std::int64_t>(m_steps, 0));
    }
    /// Which budget the last evaluation ran out of, if it did.
    bool exceeded() const { return m_exceeded; }
    BudgetExceeded::Kind exceededKind() const { return m_exceededKind; }
    void markExceeded(BudgetExceeded::Kind kind)
    {
        m_exceeded = true;
        m_exceededKind = kind;
    }
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
    [[noreturn]] static void outOfSteps();

    Arena m_own;
    Arena *m_arena;
    std::vector<Value> m_locals;
    std::uint64_t m_maxSteps = Limits().maxSteps;
    std::size_t m_maxBytes = Limits().maxBytes;
    std::int64_t m_steps = INT64_MAX;
    bool m_exceeded = false;
    BudgetExceeded::Kind m_exceededKind = BudgetExceeded::Kind::Steps;
};

} // namespace ta::core::cel
