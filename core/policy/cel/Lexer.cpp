// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Lexer.h"

#include "core/policy/cel/Utf8.h"

#include <array>
#include <charconv>
#include <limits>

namespace ta::core::cel {

namespace {

bool isIdentStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Words the language reserves: not usable as identifiers, but fine as field and method names.
constexpr std::array<std::string_view, 17> kReserved = {
    "as",  "break", "const",   "continue",  "else",   "for", "function", "if",   "import",
    "let", "loop",  "package", "namespace", "return", "var", "void",     "while"};

} // namespace

Token Lexer::error(int offset, std::string message)
{
    Token t;
    t.kind = TokenKind::Error;
    t.offset = offset;
    t.text = std::move(message);
    return t;
}

bool Lexer::skipSpaceAndComments()
{
    while (m_pos < m_src.size()) {
        const char c = m_src[m_pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            ++m_pos;
        } else if (c == '/' && peek(1) == '/') {
            while (m_pos < m_src.size() && m_src[m_pos] != '\n')
                ++m_pos;
        } else {
            return true;
        }
    }
    return false;
}

Token Lexer::next()
{
    if (!skipSpaceAndComments()) {
        Token t;
        t.offset = static_cast<int>(m_src.size());
        return t;
    }
    const int start = static_cast<int>(m_pos);
    const char c = m_src[m_pos];
    Token t;
    t.offset = start;

    if (isDigit(c) || (c == '.' && isDigit(peek(1))))
        return lexNumber();

    if (isIdentStart(c)) {
        // String prefixes: r, b, br, rb in any case, directly followed by a quote.
        std::size_t p = m_pos;
        bool raw = false;
        bool bytes = false;
        for (int i = 0; i < 2 && p < m_src.size(); ++i) {
            const char l = m_src[p];
            if ((l == 'r' || l == 'R') && !raw) {
                raw = true;
                ++p;
            } else if ((l == 'b' || l == 'B') && !bytes) {
                bytes = true;
                ++p;
            } else {
                break;
            }
        }
        if ((raw || bytes) && p < m_src.size() && (m_src[p] == '"' || m_src[p] == '\'')) {
            m_pos = p;
            return lexString(start, raw, bytes);
        }
        std::size_t end = m_pos;
        while (end < m_src.size() && (isIdentStart(m_src[end]) || isDigit(m_src[end])))
            ++end;
        t.text = std::string(m_src.substr(m_pos, end - m_pos));
        m_pos = end;
        if (t.text == "true")
            t.kind = TokenKind::True;
        else if (t.text == "false")
            t.kind = TokenKind::False;
        else if (t.text == "null")
            t.kind = TokenKind::Null;
        else if (t.text == "in")
            t.kind = TokenKind::In;
        else
            t.kind = TokenKind::Ident;
        for (std::string_view word : kReserved) {
            if (t.text == word)
                t.kind = TokenKind::Reserved;
        }
        return t;
    }

    if (c == '"' || c == '\'')
        return lexString(start, false, false);

    const char n = peek(1);
    auto single = [&](TokenKind kind, std::size_t len = 1) {
        m_pos += len;
        t.kind = kind;
        return t;
    };
    switch (c) {
    case '(':
        return single(TokenKind::LParen);
    case ')':
        return single(TokenKind::RParen);
    case '[':
        return single(TokenKind::LBracket);
    case ']':
        return single(TokenKind::RBracket);
    case '{':
        return single(TokenKind::LBrace);
    case '}':
        return single(TokenKind::RBrace);
    case '.':
        return single(TokenKind::Dot);
    case ',':
        return single(TokenKind::Comma);
    case ':':
        return single(TokenKind::Colon);
    case '?':
        return single(TokenKind::Question);
    case '+':
        return single(TokenKind::Plus);
    case '-':
        return single(TokenKind::Minus);
    case '*':
        return single(TokenKind::Star);
    case '/':
        return single(TokenKind::Slash);
    case '%':
        return single(TokenKind::Percent);
    case '!':
        return n == '=' ? single(TokenKind::NotEqual, 2) : single(TokenKind::Bang);
    case '<':
        return n == '=' ? single(TokenKind::LessEqual, 2) : single(TokenKind::Less);
    case '>':
        return n == '=' ? single(TokenKind::GreaterEqual, 2) : single(TokenKind::Greater);
    case '=':
        if (n == '=')
            return single(TokenKind::EqualEqual, 2);
        break;
    case '&':
        if (n == '&')
            return single(TokenKind::AndAnd, 2);
        break;
    case '|':
        if (n == '|')
            return single(TokenKind::OrOr, 2);
        break;
    default:
        break;
    }
    return error(start, "unexpected character '" + std::string(1, c) + "'");
}

Token Lexer::lexNumber()
{
    const std::size_t start = m_pos;
    Token t;
    t.offset = static_cast<int>(start);
    if (m_src[m_pos] == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
        m_pos += 2;
        const std::size_t digits = m_pos;
        std::uint64_t value = 0;
        bool overflow = false;
        while (m_pos < m_src.size() && hexValue(m_src[m_pos]) >= 0) {
            if (value > (std::numeric_limits<std::uint64_t>::max() >> 4))
                overflow = true;
            value = (value << 4) | static_cast<std::uint64_t>(hexValue(m_src[m_pos]));
            ++m_pos;
        }
        if (m_pos == digits)
            return error(t.offset, "invalid hex literal");
        if (overflow)
            return error(t.offset, "integer literal out of range");
        t.magnitude = value;
        t.kind = TokenKind::Int;
        if (peek() == 'u' || peek() == 'U') {
            ++m_pos;
            t.kind = TokenKind::Uint;
        }
        return t;
    }
    while (isDigit(peek()))
        ++m_pos;
    bool isReal = false;
    if (peek() == '.' && isDigit(peek(1))) {
        isReal = true;
        ++m_pos;
        while (isDigit(peek()))
            ++m_pos;
    }
    if (peek() == 'e' || peek() == 'E') {
        std::size_t p = 1;
        if (peek(p) == '+' || peek(p) == '-')
            ++p;
        if (isDigit(peek(p))) {
            isReal = true;
            m_pos += p;
            while (isDigit(peek()))
                ++m_pos;
        }
    }
    const std::string_view text = m_src.substr(start, m_pos - start);
    if (isReal) {
        double value = 0;
        const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ptr != text.data() + text.size() && ec != std::errc::result_out_of_range)
            return error(t.offset, "invalid double literal");
        if (ec == std::errc::result_out_of_range) {
            // from_chars refuses what strtod rounds; CEL follows IEEE rounding (to 0 or inf).
            value = std::strtod(std::string(text).c_str(), nullptr);
        }
        t.kind = TokenKind::Double;
        t.real = value;
        return t;
    }
    std::uint64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range || ptr != text.data() + text.size())
        return error(t.offset, "integer literal out of range");
    t.magnitude = value;
    t.kind = TokenKind::Int;
    if (peek() == 'u' || peek() == 'U') {
        ++m_pos;
        t.kind = TokenKind::Uint;
    }
    return t;
}

Token Lexer::lexString(int start, bool raw, bool bytes)
{
    Token t;
    t.offset = start;
    t.kind = bytes ? TokenKind::Bytes : TokenKind::String;
    const char quote = m_src[m_pos];
    const bool triple = peek(1) == quote && peek(2) == quote;
    m_pos += triple ? 3 : 1;
    std::string &out = t.text;
    for (;;) {
        if (m_pos >= m_src.size())
            return error(start, "unterminated string literal");
        const char c = m_src[m_pos];
        if (c == quote) {
            if (!triple) {
                ++m_pos;
                return t;
            }
            if (peek(1) == quote && peek(2) == quote) {
                m_pos += 3;
                return t;
            }
        }
        if (!triple && (c == '\n' || c == '\r'))
            return error(static_cast<int>(m_pos), "newline in string literal");
        if (c != '\\' || raw) {
            out.push_back(c);
            ++m_pos;
            continue;
        }
        const int escapeAt = static_cast<int>(m_pos);
        const char e = peek(1);
        m_pos += 2;
        switch (e) {
        case '\\':
        case '?':
        case '"':
        case '\'':
        case '`':
            out.push_back(e);
            break;
        case 'a':
            out.push_back('\a');
            break;
        case 'b':
            out.push_back('\b');
            break;
        case 'f':
            out.push_back('\f');
            break;
        case 'n':
            out.push_back('\n');
            break;
        case 'r':
            out.push_back('\r');
            break;
        case 't':
            out.push_back('\t');
            break;
        case 'v':
            out.push_back('\v');
            break;
        case 'x':
        case 'X':
        case 'u':
        case 'U': {
            const int digits = (e == 'x' || e == 'X') ? 2 : (e == 'u' ? 4 : 8);
            char32_t cp = 0;
            for (int i = 0; i < digits; ++i) {
                const int h = hexValue(peek());
                if (h < 0)
                    return error(escapeAt, "invalid escape sequence");
                cp = (cp << 4) | static_cast<char32_t>(h);
                ++m_pos;
            }
            if ((e == 'u' || e == 'U') && (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
                return error(escapeAt, "invalid unicode code point in escape");
            if (bytes && (e == 'x' || e == 'X'))
                out.push_back(static_cast<char>(cp));
            else
                utf8::append(out, cp);
            break;
        }
        default:
            if (e >= '0' && e <= '3' && peek() >= '0' && peek() <= '7' && peek(1) >= '0' &&
                peek(1) <= '7') {
                const char32_t cp =
                    static_cast<char32_t>((e - '0') * 64 + (peek() - '0') * 8 + (peek(1) - '0'));
                m_pos += 2;
                if (bytes)
                    out.push_back(static_cast<char>(cp));
                else
                    utf8::append(out, cp);
                break;
            }
            return error(escapeAt, "invalid escape sequence");
        }
    }
}

} // namespace ta::core::cel
