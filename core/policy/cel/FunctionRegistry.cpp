// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/FunctionRegistry.h"

namespace ta::core::cel {

const FunctionRegistry &FunctionRegistry::standard()
{
    // Built once, on first use, and never changed: immutable shared data, not mutable state.
    static const FunctionRegistry registry = [] {
        FunctionRegistry r;
        registerStandardFunctions(r);
        registerTimeFunctions(r);
        registerStringFunctions(r);
        registerMathFunctions(r);
        return r;
    }();
    return registry;
}

void FunctionRegistry::add(std::string_view name, bool receiver, int minArgs, int maxArgs,
                           Builtin fn)
{
    m_entries.push_back(FunctionEntry{name, receiver, minArgs, maxArgs, fn});
}

Builtin FunctionRegistry::find(std::string_view name, bool receiver, int argc) const
{
    for (const FunctionEntry &e : m_entries) {
        if (e.receiver == receiver && e.name == name && argc >= e.minArgs &&
            (e.maxArgs < 0 || argc <= e.maxArgs))
            return e.fn;
    }
    return nullptr;
}

bool FunctionRegistry::knows(std::string_view name) const
{
    for (const FunctionEntry &e : m_entries) {
        if (e.name == name)
            return true;
    }
    return false;
}

} // namespace ta::core::cel
