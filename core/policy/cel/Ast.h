// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Arena.h"
#include "core/policy/cel/Diagnostic.h"
#include "core/policy/cel/Expr.h"

#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace ta::core::cel {

/// A parsed expression: the tree, the source it came from and the storage of its literals.
class Ast
{
public:
    Ast(std::string source, std::unique_ptr<Expr> root, int nodeCount,
        std::unique_ptr<Arena> literals);

    const Expr &root() const { return *m_root; }
    /// The source as UTF-8.
    const std::string &source() const { return m_source; }
    /// One past the largest node id.
    int nodeCount() const { return m_nodeCount; }
    /// The byte range [first, second) that @p expr and its subexpressions cover.
    std::pair<int, int> span(const Expr &expr) const;
    /// The source text of @p expr (for explanations: "which clause failed").
    QString sourceText(const Expr &expr) const;
    /// A diagnostic at byte @p offset, with its line and column.
    Diagnostic diagnosticAt(int offset, const QString &message) const;

private:
    std::string m_source;
    std::unique_ptr<Expr> m_root;
    int m_nodeCount = 0;
    std::unique_ptr<Arena> m_literals;
};

/// a.b.c as one dotted name, or nullopt when @p expr is not a plain chain of selects on an
/// identifier. Built in one pass: the checker and the planner ask at every level of a long chain.
std::optional<std::string> qualifiedName(const Expr &expr);

} // namespace ta::core::cel
