// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

/// UTF-8 helpers: CEL strings are sequences of code points, stored here as UTF-8 bytes.
namespace ta::core::cel::utf8 {

/// Appends the UTF-8 encoding of @p cp to @p out.
void append(std::string &out, char32_t cp);
/// Decodes the code point at @p pos and advances it; invalid input yields U+FFFD and one byte.
char32_t decode(std::string_view s, std::size_t &pos);
/// Whether @p s is well-formed UTF-8.
bool isValid(std::string_view s);
/// The number of code points in @p s.
std::int64_t length(std::string_view s);
/// The byte offset of code point @p index (s.size() when index == length); npos beyond it.
std::size_t offsetOf(std::string_view s, std::int64_t index);
/// Whether @p cp is white space as Unicode (and Go's unicode.IsSpace) defines it.
bool isSpace(char32_t cp);

} // namespace ta::core::cel::utf8
