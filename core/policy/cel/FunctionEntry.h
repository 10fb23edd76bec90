// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Value.h"

#include <string_view>

namespace ta::core::cel {

class EvalContext;

/// A function implementation. For receiver-style calls args[0] is the receiver. Arguments are
/// never errors (calls are strict; the interpreter returns the first error). Overloads are
/// chosen inside, by the runtime kinds.
using Builtin = Value (*)(EvalContext &ctx, const Value *args, int argc);

/// One callable name: receiver style or global, with the argument counts it accepts
/// (receiver included).
struct FunctionEntry
{
    std::string_view name;
    bool receiver = false;
    int minArgs = 0;
    int maxArgs = 0;
    Builtin fn = nullptr;
};

} // namespace ta::core::cel
