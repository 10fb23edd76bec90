// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Ast.h"

#include <algorithm>

namespace ta::core::cel {

Ast::Ast(std::string source, std::unique_ptr<Expr> root, int nodeCount,
         std::unique_ptr<Arena> literals)
    : m_source(std::move(source)), m_root(std::move(root)), m_nodeCount(nodeCount),
      m_literals(std::move(literals))
{}

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
