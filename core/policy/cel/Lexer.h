// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Token.h"

#include <string_view>

namespace ta::core::cel {

/// Splits CEL source (UTF-8) into tokens, decoding every literal form of the language
/// definition: decimal and hex ints, `u` uints, doubles, quoted, triple-quoted and raw strings
/// and bytes with all escapes. Errors come back as TokenKind::Error with the message as text.
class Lexer
{
public:
    explicit Lexer(std::string_view source) : m_src(source) {}

    /// The next token; TokenKind::End at the end of input.
    Token next();
    /// The byte offset the lexer has reached: the end of the token next() returned.
    int position() const { return static_cast<int>(m_pos); }

private:
    Token lexNumber();
    Token lexString(int start, bool raw, bool bytes);
    Token error(int offset, std::string message);
    bool skipSpaceAndComments();
    char peek(std::size_t ahead = 0) const
    {
        return m_pos + ahead < m_src.size() ? m_src[m_pos + ahead] : '\0';
    }

    std::string_view m_src;
    std::size_t m_pos = 0;
};

} // namespace ta::core::cel
