// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/FunctionEntry.h"

#include <string_view>
#include <vector>

namespace ta::core::cel {

/// The runtime functions: the standard library and the strings, math, encoders extensions.
class FunctionRegistry
{
public:
    /// Every built-in function; immutable after its first use.
    static const FunctionRegistry &standard();

    void add(std::string_view name, bool receiver, int minArgs, int maxArgs, Builtin fn);
    /// The implementation for a call, or nullptr.
    Builtin find(std::string_view name, bool receiver, int argc) const;
    /// Whether any function (either style, any arity) has this name.
    bool knows(std::string_view name) const;
    const std::vector<FunctionEntry> &entries() const { return m_entries; }

private:
    std::vector<FunctionEntry> m_entries;
};

/// The standard library: conversions, size, string predicates, matches, type, dyn.
void registerStandardFunctions(FunctionRegistry &registry);
/// timestamp() and duration() and their accessors.
void registerTimeFunctions(FunctionRegistry &registry);
/// The strings extension (charAt ... format, strings.quote).
void registerStringFunctions(FunctionRegistry &registry);
/// The math extension (math.greatest ... math.bitShiftRight).
void registerMathFunctions(FunctionRegistry &registry);

} // namespace ta::core::cel
