// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Value.h"

namespace ta::core::cel {

/// The variables of one evaluation, addressed by the slots an Env gave them when they were
/// declared, so a program resolves names once, at compile time. Implementations may compute
/// values lazily; returned values must stay valid for the evaluation.
class Activation
{
public:
    virtual ~Activation() = default;
    /// The value in @p slot, or nullptr when the variable is not bound.
    virtual const Value *find(int slot) const = 0;
};

} // namespace ta::core::cel
