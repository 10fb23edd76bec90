// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Type.h"

#include <string>

namespace ta::core::cel {

/// A declared variable: its name, its static type and the activation slot it lives in.
struct VariableDecl
{
    std::string name;
    Type type;
    int slot = 0;
};

} // namespace ta::core::cel
