// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Ast.h"

#include <algorithm>
#include <vector>

namespace ta::core::cel {

Ast::Ast(std::string source, std::unique_ptr<Expr> root, int nodeCount,
         std::unique_ptr<Arena> literals)
    : m_source(std::move(source)), m_root(std::move(root)), m_nodeCount(nodeCount),
      m_literals(std::move(literals))
{}

std::pair<int, int> Ast::span(const Expr &expr) const
{
    std::pair<int, int> range{expr.offset, expr.end};
    for (const auto &child : expr.children) {
        const auto inner = span(*child);
        range.first = std::min(range.first, inner.first);
        range.second = std::max(range.second, inner.second);
    }
    return range;
}

QString Ast::sourceText(const Expr &expr) const
{
    const auto [first, second] = span(expr);
    return QString::fromUtf8(m_source.data() + first, second - first);
}

Diagnostic Ast::diagnosticAt(int offset, const QString &message) const
{
    return locateDiagnostic(m_source, offset, message);
}

Diagnostic locateDiagnostic(std::string_view source, int offset, const QString &message)
{
    Diagnostic d;
    d.offset = offset;
    d.message = message;
    const std::size_t end = std::min<std::size_t>(static_cast<std::size_t>(offset), source.size());
    for (std::size_t i = 0; i < end; ++i) {
        const unsigned char c = static_cast<unsigned char>(source[i]);
        if (c == '\n') {
            ++d.line;
            d.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++d.column;
        }
    }
    return d;
}

} // namespace ta::core::cel

namespace ta::core::cel {

Expr::~Expr()
{
    // The default would recurse once per level; a tree refused for its height, or built by a
    // caller without the parser's limits, must not take the stack with it.
    if (children.empty())
        return;
    std::vector<std::unique_ptr<Expr>> pending = std::move(children);
    while (!pending.empty()) {
        std::unique_ptr<Expr> e = std::move(pending.back());
        pending.pop_back();
        for (auto &c : e->children)
            pending.push_back(std::move(c));
        e->children.clear();
    }
}

std::optional<std::string> qualifiedName(const Expr &expr)
{
    std::vector<const std::string *> parts;
    const Expr *x = &expr;
    while (x->kind == ExprKind::Select && !x->testOnly) {
        parts.push_back(&x->name);
        x = &x->child(0);
    }
    if (x->kind != ExprKind::Ident)
        return std::nullopt;
    std::string name = x->name;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it)
        name.append(".").append(**it);
    return name;
}

} // namespace ta::core::cel
