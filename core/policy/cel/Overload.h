// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Type.h"

#include <string>
#include <vector>

namespace ta::core::cel {

/// One typed overload of a function; for receiver-style overloads params[0] is the receiver.
struct Overload
{
    std::string name;
    bool receiver = false;
    std::vector<Type> params;
    Type result;
    /// Accepts any number (at least one) of params[0], e.g. math.greatest.
    bool variadic = false;
};

} // namespace ta::core::cel
