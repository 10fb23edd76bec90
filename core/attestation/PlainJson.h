// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QLatin1StringView>
#include <QStringList>
#include <QVarLengthArray>

#include <functional>
#include <optional>

namespace ta::core {

/// JSON in the plain form the recorders write, read without Qt's parser: no white space,
/// strings of printable ASCII without escapes, names distinct. Each reader accepts only text
/// that Qt's parser reads to the same values, and declines anything else, which its caller
/// then gives to Qt's parser: it is a shortcut, never a second meaning (tst_plainjson compares
/// the two, and the evidence fuzzer aborts on a difference).
class PlainJson
{
public:
    /// Members a plain object may have. More are declined: the names are compared one by one,
    /// which an object of a hundred thousand members would make quadratic.
    static constexpr qsizetype kMaxMembers = 16;
    /// The longest integer read: fifteen digits are exact as a double, which is how Qt's
    /// parser would compare and convert them.
    static constexpr qsizetype kMaxIntegerDigits = 15;

    /// One member of a plain object.
    struct Member
    {
        enum class Kind { String, Integer, StringArray, StringObject };
        QLatin1StringView name;
        Kind kind = Kind::String;
        /// String: its characters, without the quotes; Integer: its digits; StringArray and
        /// StringObject: the whole value, brackets included.
        QLatin1StringView text;
    };
    using Members = QVarLengthArray<Member, 8>;

    /// The first byte in [@p p, @p end) that ends a plain string's text: a quote, or a byte
    /// outside printable ASCII (below 0x20, or 0x7f and above) or a backslash; @p end when
    /// there is none. One pass, sixteen bytes a step where the
    /// processor has SSE2 (every x86-64 does): finding the closing quote with memchr and then
    /// checking the bytes before it read a token's bytes twice, and that check, eight bytes a
    /// step, was the replay's costliest function of our own (callgrind, a 20,000-record lab:
    /// 5,200 instructions a record).
    static const char *plainStringEnd(const char *p, const char *end);
    /// The string whose opening quote is at @p at, when it is printable ASCII without escapes:
    /// its text, with @p at moved past its closing quote; nullopt for any other string (or none).
    static std::optional<QLatin1StringView> string(QByteArrayView s, qsizetype &at);
    /// The object at @p at when its members are plain strings under distinct plain names, at
    /// most kMaxMembers: each member given to @p member in order, @p at moved past the object;
    /// false for anything else (members already given stay given).
    static bool
    stringObject(QByteArrayView s, qsizetype &at,
                 const std::function<void(QLatin1StringView, QLatin1StringView)> &member);
    /// The members of @p json when it is exactly one object whose values are plain strings,
    /// integers of 1 to kMaxIntegerDigits digits without a sign or a leading zero, arrays of
    /// plain strings, or objects of plain strings (stringObject); nullopt for anything else.
    static std::optional<Members> object(QByteArrayView json);
    /// The member named @p name of @p members, or null.
    static const Member *find(const Members &members, QLatin1StringView name);
    /// The strings of a StringArray member's text.
    static QStringList strings(QLatin1StringView arrayText);
    /// The value of an Integer member's digits.
    static qint64 integer(QLatin1StringView digits);
};

} // namespace ta::core
