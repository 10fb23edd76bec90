// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Ast.h"
#include "core/policy/cel/Diagnostic.h"

#include <memory>
#include <vector>

namespace ta::core::cel {

/// The outcome of parsing: the tree, or the syntax error with its position.
struct ParseResult
{
    std::unique_ptr<Ast> ast;
    std::vector<Diagnostic> diagnostics;

    bool ok() const { return ast != nullptr; }
};

} // namespace ta::core::cel
