// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>

namespace ta::core::cel {

/// The lexical categories of CEL.
enum class TokenKind : std::uint8_t {
    End,
    Error,
    Ident,
    Int,
    Uint,
    Double,
    String,
    Bytes,
    True,
    False,
    Null,
    In,
    Reserved,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Dot,
    Comma,
    Colon,
    Question,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Bang,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    EqualEqual,
    NotEqual,
    AndAnd,
    OrOr,
};

/// One token: its kind, where it starts (byte offset), its decoded text (identifier name,
/// string or bytes content, or an error message) and numeric value.
struct Token
{
    TokenKind kind = TokenKind::End;
    int offset = 0;
    /// One past the last byte of the token.
    int end = 0;
    std::string text;
    /// Integer literals keep their magnitude so that -9223372036854775808 can be formed.
    std::uint64_t magnitude = 0;
    double real = 0;
};

} // namespace ta::core::cel
