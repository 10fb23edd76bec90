// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Ast.h"
#include "core/policy/cel/Limits.h"
#include "core/policy/cel/ParseResult.h"
#include "core/policy/cel/Token.h"

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace ta::core::cel {

/// A recursive-descent parser for the CEL grammar (cel-spec langdef) with the spec's operator
/// precedence; it expands the macros (has, all, exists, exists_one, map, filter, the
/// two-variable forms, transformList, transformMap, cel.bind) into comprehension nodes.
class Parser
{
public:
    /// Parses @p source within @p limits (source length, recursion depth, tree height, node
    /// count): an expression over any of them is refused with a diagnostic whose code is
    /// cel.limit.size, cel.limit.depth or cel.limit.nodes, never by overflowing the stack.
    static ParseResult parse(const QString &source, const Limits &limits = Limits());
    /// The same over UTF-8 text.
    static ParseResult parseUtf8(std::string source, const Limits &limits = Limits());

private:
    Parser(std::string_view source, const Limits &limits);

    std::unique_ptr<Expr> expression();
    std::unique_ptr<Expr> conditionalOr();
    std::unique_ptr<Expr> conditionalAnd();
    std::unique_ptr<Expr> relation();
    std::unique_ptr<Expr> addition();
    std::unique_ptr<Expr> multiplication();
    std::unique_ptr<Expr> unary();
    std::unique_ptr<Expr> member();
    std::unique_ptr<Expr> primary();
    std::unique_ptr<Expr> numericLiteral(bool negative, int offset);
    std::vector<std::unique_ptr<Expr>> exprList(TokenKind close);

    std::unique_ptr<Expr> node(ExprKind kind, int offset);
    std::unique_ptr<Expr> call(std::string name, int offset, std::unique_ptr<Expr> target,
                               std::vector<std::unique_ptr<Expr>> args);
    std::unique_ptr<Expr> expandMacro(const std::string &name, int offset,
                                      std::unique_ptr<Expr> &target,
                                      std::vector<std::unique_ptr<Expr>> &args);
    std::string simpleName(const Expr &arg);

    const Token &peek(std::size_t ahead = 0) const;
    Token take();
    bool accept(TokenKind kind);
    void expect(TokenKind kind, const char *what);
    [[noreturn]] void fail(int offset, std::string message);
    /// Sets @p e's height from its children, refusing a tree higher than the limit.
    void seal(Expr &e);

    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    int m_nextId = 1;
    int m_lastEnd = 0;
    int m_depth = 0;
    int m_maxDepth;
    int m_maxHeight;
    int m_maxNodes;
    std::unique_ptr<Arena> m_literals;
};

} // namespace ta::core::cel
