// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>

namespace ta::core::cel {

/// What one expression may take: parse limits (checked before and while parsing, so that no
/// input of any size reaches a recursion that could overflow the stack), the estimated cost a
/// program may have to be accepted at all, and the runtime budget of one evaluation.
///
/// The defaults follow cel-go (100,000 code points, recursion depth 250) and Kubernetes (a
/// per-expression cost of 1,000,000, estimated and at runtime). The depth limits are ceilings:
/// a larger value is clamped, since the checker, planner and interpreter recurse over the tree.
struct Limits
{
    /// Source length in Unicode code points.
    int maxSourceCodePoints = 100000;
    /// Parser recursion: parentheses, brackets, braces, unary operators, call arguments.
    int maxDepth = 250;
    /// Height of the syntax tree, so also chains such as a.b.c... or 1 + 1 + ... (which the
    /// parser reads without recursion but which build a tree as deep as they are long).
    int maxHeight = 1000;
    /// Syntax tree nodes (after macro expansion).
    int maxNodes = 50000;
    /// The largest worst-case cost estimated at compile time (cel.cost_exceeded above it).
    std::uint64_t maxEstimatedCost = 1000000;
    /// Steps one evaluation may take: one per plan node evaluated, plus the length of the
    /// strings, lists and maps an operation scans (cel.budget_exceeded above it).
    std::uint64_t maxSteps = 1000000;
    /// Bytes one evaluation may allocate for its results (strings, lists, maps).
    std::size_t maxBytes = std::size_t(16) << 20;

    /// The ceilings of maxDepth and maxHeight.
    static constexpr int kDepthCeiling = 250;
    static constexpr int kHeightCeiling = 1000;
    /// The size assumed for a string (bytes), list or map (entries) whose size is not known
    /// at compile time: a declared variable without a size, a field of a dyn map, a call result.
    static constexpr double kUnknownSize = 1000;
};

/// Thrown inside an evaluation when it runs out of its budget; Program::evaluate() catches it
/// and the evaluation ends with an error value (the budget is never silently absorbed by && or
/// || as an ordinary error would be).
struct BudgetExceeded
{
    enum class Kind : std::uint8_t { Steps, Bytes } kind;
};

} // namespace ta::core::cel
