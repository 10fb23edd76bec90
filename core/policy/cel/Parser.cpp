// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Parser.h"

#include "core/policy/cel/CelErrors.h"

#include "core/policy/cel/Lexer.h"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace ta::core::cel {

namespace {

// Thrown inside the parser only; parse() turns it into a Diagnostic. Unwinding is the
// simplest way out of deep recursion on the first error.
struct SyntaxError
{
    int offset;
    std::string message;
    const char *code = nullptr;
};

constexpr const char *kDepthCode = ec::CelLimitDepth.code;

// Keeps recursion depth honest on every path that can nest.
class DepthGuard
{
public:
    DepthGuard(int &depth, int max, int offset) : m_depth(depth)
    {
        if (++m_depth > max)
            throw SyntaxError{offset,
                              "expression nests too deeply (limit " + std::to_string(max) + ")",
                              kDepthCode};
    }
    ~DepthGuard() { --m_depth; }
    DepthGuard(const DepthGuard &) = delete;
    DepthGuard &operator=(const DepthGuard &) = delete;

private:
    int &m_depth;
};

} // namespace

ParseResult Parser::parse(const QString &source, const Limits &limits)
{
    return parseUtf8(source.toStdString(), limits);
}

ParseResult Parser::parseUtf8(std::string source, const Limits &limits)
{
    ParseResult result;
    // Refused before lexing: the length bounds the tokens, the nodes and the work.
    std::int64_t codePoints = 0;
    std::size_t cut = 0;
    for (std::size_t i = 0; i < source.size(); ++i) {
        if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80 &&
            ++codePoints == std::int64_t(limits.maxSourceCodePoints) + 1)
            cut = i;
    }
    if (codePoints > limits.maxSourceCodePoints) {
        Diagnostic d = locateDiagnostic(
            source, int(std::min<std::size_t>(cut, std::numeric_limits<int>::max())),
            QStringLiteral("expression of %1 code points exceeds the limit of %2")
                .arg(codePoints)
                .arg(limits.maxSourceCodePoints));
        d.code = ec::CelLimitSize;
        result.diagnostics.push_back(std::move(d));
        return result;
    }
    try {
        Parser parser(source, limits);
        for (const Token &t : parser.m_tokens) {
            if (t.kind == TokenKind::Error)
                throw SyntaxError{t.offset, t.text};
        }
        auto root = parser.expression();
        if (parser.peek().kind != TokenKind::End)
            parser.fail(parser.peek().offset, "unexpected input after the expression");
        const int count = parser.m_nextId;
        result.ast = std::make_unique<Ast>(std::move(source), std::move(root), count,
                                           std::move(parser.m_literals));
    } catch (const SyntaxError &e) {
        Diagnostic d = locateDiagnostic(source, e.offset, QString::fromStdString(e.message));
        if (e.code)
            d.code = QString::fromLatin1(e.code);
        result.diagnostics.push_back(std::move(d));
    }
    return result;
}

Parser::Parser(std::string_view source, const Limits &limits)
    : m_maxDepth(std::clamp(limits.maxDepth, 1, Limits::kDepthCeiling)),
      m_maxHeight(std::clamp(limits.maxHeight, 1, Limits::kHeightCeiling)),
      m_maxNodes(std::max(1, limits.maxNodes)), m_literals(std::make_unique<Arena>())
{
    Lexer lexer(source);
    for (;;) {
        Token t = lexer.next();
        t.end = lexer.position();
        const TokenKind kind = t.kind;
        m_tokens.push_back(std::move(t));
        if (kind == TokenKind::End || kind == TokenKind::Error)
            break;
    }
}

void Parser::seal(Expr &e)
{
    int height = 0;
    for (const auto &c : e.children)
        height = std::max(height, c->height);
    e.height = height + 1;
    // Chains like a || b || ... or x.a.a... parse in loops but build trees as deep as they are
    // long; the checker, the planner and the interpreter recurse over them.
    if (e.height > m_maxHeight)
        throw SyntaxError{e.offset,
                          "expression nests too deeply (tree height limit " +
                              std::to_string(m_maxHeight) + ")",
                          kDepthCode};
}

const Token &Parser::peek(std::size_t ahead) const
{
    const std::size_t i = std::min(m_pos + ahead, m_tokens.size() - 1);
    return m_tokens[i];
}

Token Parser::take()
{
    Token t = peek();
    if (m_pos < m_tokens.size() - 1) {
        ++m_pos;
        m_lastEnd = t.end;
    }
    return t;
}

bool Parser::accept(TokenKind kind)
{
    if (peek().kind != kind)
        return false;
    take();
    return true;
}

void Parser::expect(TokenKind kind, const char *what)
{
    if (!accept(kind))
        fail(peek().offset, std::string("expected ") + what);
}

void Parser::fail(int offset, std::string message)
{
    throw SyntaxError{offset, std::move(message)};
}

std::unique_ptr<Expr> Parser::node(ExprKind kind, int offset)
{
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->offset = offset;
    if (m_nextId > m_maxNodes)
        throw SyntaxError{offset,
                          "expression has more than " + std::to_string(m_maxNodes) + " nodes",
                          ec::CelLimitNodes.code};
    e->id = m_nextId++;
    // Nodes are made once their last token is consumed (lists and maps excepted, which set
    // their end at the closing bracket).
    e->end = m_lastEnd;
    return e;
}

std::unique_ptr<Expr> Parser::expression()
{
    DepthGuard guard(m_depth, m_maxDepth, peek().offset);
    auto cond = conditionalOr();
    if (peek().kind != TokenKind::Question)
        return cond;
    const int offset = take().offset;
    auto whenTrue = conditionalOr();
    expect(TokenKind::Colon, "':'");
    auto whenFalse = expression();
    std::vector<std::unique_ptr<Expr>> args;
    args.push_back(std::move(cond));
    args.push_back(std::move(whenTrue));
    args.push_back(std::move(whenFalse));
    return call("_?_:_", offset, nullptr, std::move(args));
}

std::unique_ptr<Expr> Parser::conditionalOr()
{
    auto left = conditionalAnd();
    while (peek().kind == TokenKind::OrOr) {
        const int offset = take().offset;
        std::vector<std::unique_ptr<Expr>> args;
        args.push_back(std::move(left));
        args.push_back(conditionalAnd());
        left = call("_||_", offset, nullptr, std::move(args));
    }
    return left;
}

std::unique_ptr<Expr> Parser::conditionalAnd()
{
    auto left = relation();
    while (peek().kind == TokenKind::AndAnd) {
        const int offset = take().offset;
        std::vector<std::unique_ptr<Expr>> args;
        args.push_back(std::move(left));
        args.push_back(relation());
        left = call("_&&_", offset, nullptr, std::move(args));
    }
    return left;
}

std::unique_ptr<Expr> Parser::relation()
{
    auto left = addition();
    for (;;) {
        const char *name = nullptr;
        switch (peek().kind) {
        case TokenKind::Less:
            name = "_<_";
            break;
        case TokenKind::LessEqual:
            name = "_<=_";
            break;
        case TokenKind::Greater:
            name = "_>_";
            break;
        case TokenKind::GreaterEqual:
            name = "_>=_";
            break;
        case TokenKind::EqualEqual:
            name = "_==_";
            break;
        case TokenKind::NotEqual:
            name = "_!=_";
            break;
        case TokenKind::In:
            name = "@in";
            break;
        default:
            return left;
        }
        const int offset = take().offset;
        std::vector<std::unique_ptr<Expr>> args;
        args.push_back(std::move(left));
        args.push_back(addition());
        left = call(name, offset, nullptr, std::move(args));
    }
}

std::unique_ptr<Expr> Parser::addition()
{
    auto left = multiplication();
    while (peek().kind == TokenKind::Plus || peek().kind == TokenKind::Minus) {
        const Token op = take();
        std::vector<std::unique_ptr<Expr>> args;
        args.push_back(std::move(left));
        args.push_back(multiplication());
        left =
            call(op.kind == TokenKind::Plus ? "_+_" : "_-_", op.offset, nullptr, std::move(args));
    }
    return left;
}

std::unique_ptr<Expr> Parser::multiplication()
{
    auto left = unary();
    for (;;) {
        const char *name = nullptr;
        if (peek().kind == TokenKind::Star)
            name = "_*_";
        else if (peek().kind == TokenKind::Slash)
            name = "_/_";
        else if (peek().kind == TokenKind::Percent)
            name = "_%_";
        else
            return left;
        const int offset = take().offset;
        std::vector<std::unique_ptr<Expr>> args;
        args.push_back(std::move(left));
        args.push_back(unary());
        left = call(name, offset, nullptr, std::move(args));
    }
}

std::unique_ptr<Expr> Parser::unary()
{
    DepthGuard guard(m_depth, m_maxDepth, peek().offset);
    const TokenKind k = peek().kind;
    if (k == TokenKind::Bang || (k == TokenKind::Minus && peek(1).kind != TokenKind::Int &&
                                 peek(1).kind != TokenKind::Double)) {
        const int offset = take().offset;
        std::vector<std::unique_ptr<Expr>> args;
        args.push_back(unary());
        return call(k == TokenKind::Bang ? "!_" : "-_", offset, nullptr, std::move(args));
    }
    return member();
}

std::unique_ptr<Expr> Parser::member()
{
    auto e = primary();
    for (;;) {
        if (peek().kind == TokenKind::Dot) {
            const int offset = take().offset;
            const Token name = take();
            if (name.kind != TokenKind::Ident && name.kind != TokenKind::Reserved)
                fail(name.offset, "expected a field or method name after '.'");
            if (accept(TokenKind::LParen)) {
                auto args = exprList(TokenKind::RParen);
                e = call(name.text, name.offset, std::move(e), std::move(args));
                continue;
            }
            auto select = node(ExprKind::Select, offset);
            select->name = name.text;
            select->children.push_back(std::move(e));
            seal(*select);
            e = std::move(select);
        } else if (peek().kind == TokenKind::LBracket) {
            const int offset = take().offset;
            std::vector<std::unique_ptr<Expr>> args;
            args.push_back(std::move(e));
            args.push_back(expression());
            expect(TokenKind::RBracket, "']'");
            e = call("_[_]", offset, nullptr, std::move(args));
        } else if (peek().kind == TokenKind::LBrace &&
                   (e->kind == ExprKind::Ident || e->kind == ExprKind::Select)) {
            fail(peek().offset, "message construction needs protocol buffer types, which this "
                                "engine does not have");
        } else {
            return e;
        }
    }
}

std::unique_ptr<Expr> Parser::numericLiteral(bool negative, int offset)
{
    const Token t = take();
    auto e = node(ExprKind::Literal, offset);
    if (t.kind == TokenKind::Double) {
        e->literal = Value::real(negative ? -t.real : t.real);
        return e;
    }
    if (t.kind == TokenKind::Uint) {
        e->literal = Value::uinteger(t.magnitude);
        return e;
    }
    constexpr std::uint64_t maxInt = std::numeric_limits<std::int64_t>::max();
    if (negative) {
        if (t.magnitude > maxInt + 1)
            fail(t.offset, "integer literal out of range");
        e->literal =
            Value::integer(t.magnitude == maxInt + 1 ? std::numeric_limits<std::int64_t>::min()
                                                     : -static_cast<std::int64_t>(t.magnitude));
    } else {
        if (t.magnitude > maxInt)
            fail(t.offset, "integer literal out of range");
        e->literal = Value::integer(static_cast<std::int64_t>(t.magnitude));
    }
    return e;
}

std::vector<std::unique_ptr<Expr>> Parser::exprList(TokenKind close)
{
    std::vector<std::unique_ptr<Expr>> items;
    if (accept(close))
        return items;
    for (;;) {
        items.push_back(expression());
        if (accept(close))
            return items;
        expect(TokenKind::Comma, close == TokenKind::RParen ? "',' or ')'" : "',' or ']'");
        // A trailing comma is allowed in list literals (and, harmlessly, in calls).
        if (accept(close))
            return items;
    }
}

std::unique_ptr<Expr> Parser::primary()
{
    DepthGuard guard(m_depth, m_maxDepth, peek().offset);
    const Token &t = peek();
    const int offset = t.offset;
    switch (t.kind) {
    case TokenKind::Minus:
        take();
        return numericLiteral(true, offset);
    case TokenKind::Int:
    case TokenKind::Uint:
    case TokenKind::Double:
        return numericLiteral(false, offset);
    case TokenKind::String:
    case TokenKind::Bytes: {
        const Token s = take();
        auto e = node(ExprKind::Literal, offset);
        const std::string_view stored = m_literals->copy(s.text);
        e->literal = s.kind == TokenKind::String ? Value::string(stored) : Value::bytes(stored);
        return e;
    }
    case TokenKind::True:
    case TokenKind::False: {
        const bool b = take().kind == TokenKind::True;
        auto e = node(ExprKind::Literal, offset);
        e->literal = Value::boolean(b);
        return e;
    }
    case TokenKind::Null: {
        take();
        return node(ExprKind::Literal, offset);
    }
    case TokenKind::Dot:
    case TokenKind::Ident: {
        std::string name;
        if (t.kind == TokenKind::Dot) {
            take();
            if (peek().kind != TokenKind::Ident)
                fail(peek().offset, "expected an identifier after '.'");
            name.push_back('.');
        }
        name += take().text;
        if (accept(TokenKind::LParen)) {
            auto args = exprList(TokenKind::RParen);
            return call(std::move(name), offset, nullptr, std::move(args));
        }
        auto e = node(ExprKind::Ident, offset);
        e->name = std::move(name);
        return e;
    }
    case TokenKind::Reserved:
        fail(offset, "reserved identifier '" + t.text + "'");
    case TokenKind::LParen: {
        take();
        auto e = expression();
        expect(TokenKind::RParen, "')'");
        return e;
    }
    case TokenKind::LBracket: {
        take();
        auto e = node(ExprKind::CreateList, offset);
        e->children = exprList(TokenKind::RBracket);
        e->end = m_lastEnd;
        seal(*e);
        return e;
    }
    case TokenKind::LBrace: {
        take();
        auto e = node(ExprKind::CreateMap, offset);
        for (bool first = true;; first = false) {
            if (accept(TokenKind::RBrace))
                break;
            if (!first) {
                expect(TokenKind::Comma, "',' or '}'");
                if (accept(TokenKind::RBrace))
                    break;
            }
            e->children.push_back(expression());
            expect(TokenKind::Colon, "':'");
            e->children.push_back(expression());
        }
        e->end = m_lastEnd;
        seal(*e);
        return e;
    }
    case TokenKind::End:
        fail(offset, "unexpected end of expression");
    default:
        fail(offset, "unexpected token");
    }
}

std::string Parser::simpleName(const Expr &arg)
{
    if (arg.kind != ExprKind::Ident || arg.name.empty() || arg.name[0] == '.')
        fail(arg.offset, "argument must be a simple name");
    return arg.name;
}

std::unique_ptr<Expr> Parser::call(std::string name, int offset, std::unique_ptr<Expr> target,
                                   std::vector<std::unique_ptr<Expr>> args)
{
    if (auto expanded = expandMacro(name, offset, target, args))
        return expanded;
    auto e = node(ExprKind::Call, offset);
    e->name = std::move(name);
    if (target) {
        e->hasTarget = true;
        e->children.push_back(std::move(target));
    }
    for (auto &a : args)
        e->children.push_back(std::move(a));
    seal(*e);
    return e;
}

std::unique_ptr<Expr> Parser::expandMacro(const std::string &name, int offset,
                                          std::unique_ptr<Expr> &target,
                                          std::vector<std::unique_ptr<Expr>> &args)
{
    const std::size_t n = args.size();
    if (!target) {
        if (name != "has" || n != 1)
            return nullptr;
        if (args[0]->kind != ExprKind::Select || args[0]->testOnly)
            fail(args[0]->offset, "invalid argument to has() macro");
        args[0]->testOnly = true;
        return std::move(args[0]);
    }
    MacroKind macro = MacroKind::None;
    int vars = 1;
    if (name == "bind" && n == 3 && target->kind == ExprKind::Ident && target->name == "cel") {
        macro = MacroKind::Bind;
    } else if (name == "all" || name == "exists" || name == "exists_one" || name == "existsOne") {
        if (n != 2 && n != 3)
            return nullptr;
        macro = name == "all" ? MacroKind::All
                              : (name == "exists" ? MacroKind::Exists : MacroKind::ExistsOne);
        vars = static_cast<int>(n) - 1;
    } else if (name == "map" && (n == 2 || n == 3)) {
        macro = n == 2 ? MacroKind::Map : MacroKind::MapFilter;
    } else if (name == "filter" && n == 2) {
        macro = MacroKind::Filter;
    } else if ((name == "transformList" || name == "transformMap") && (n == 3 || n == 4)) {
        const bool list = name == "transformList";
        macro = n == 3 ? (list ? MacroKind::TransformList : MacroKind::TransformMap)
                       : (list ? MacroKind::TransformListFilter : MacroKind::TransformMapFilter);
        vars = 2;
    } else {
        return nullptr;
    }
    auto e = node(ExprKind::Comprehension, offset);
    e->macro = macro;
    e->iterVar = simpleName(*args[0]);
    if (macro == MacroKind::Bind) {
        e->children.push_back(std::move(args[1]));
        e->children.push_back(std::move(args[2]));
        seal(*e);
        return e;
    }
    if (vars == 2) {
        e->iterVar2 = simpleName(*args[1]);
        if (e->iterVar2 == e->iterVar)
            fail(args[1]->offset, "the two iteration variables must differ");
    }
    e->children.push_back(std::move(target));
    for (std::size_t i = static_cast<std::size_t>(vars); i < n; ++i)
        e->children.push_back(std::move(args[i]));
    seal(*e);
    return e;
}

} // namespace ta::core::cel
