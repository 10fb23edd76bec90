// SPDX-License-Identifier: Apache-2.0
// The strings extension. Indices count code points, as CEL strings are code point sequences.
#include "core/policy/cel/EvalContext.h"
#include "core/policy/cel/FunctionRegistry.h"
#include "core/policy/cel/Utf8.h"

#include <string>
#include <vector>

namespace ta::core::cel {

Value formatString(EvalContext &ctx, const Value *args, int argc);

namespace {

constexpr Value kNoOverload = Value::error("no such overload");

bool isString(const Value &v)
{
    return v.kind() == ValueKind::String;
}

bool isInt(const Value &v)
{
    return v.kind() == ValueKind::Int;
}

Value outOfRange(EvalContext &ctx, std::int64_t index)
{
    return ctx.error("index out of range: " + std::to_string(index));
}

// Code point index of byte offset @p byte.
std::int64_t indexAt(std::string_view s, std::size_t byte)
{
    return utf8::length(s.substr(0, byte));
}

Value charAt(EvalContext &ctx, const Value *args, int)
{
    if (!isString(args[0]) || !isInt(args[1]))
        return kNoOverload;
    const std::string_view s = args[0].text();
    const std::int64_t i = args[1].intValue();
    if (i < 0 || i > utf8::length(s))
        return outOfRange(ctx, i);
    std::size_t pos = utf8::offsetOf(s, i);
    if (pos >= s.size())
        return Value::string({});
    const std::size_t start = pos;
    utf8::decode(s, pos);
    return Value::string(s.substr(start, pos - start));
}

Value indexOf(EvalContext &ctx, const Value *args, int argc)
{
    if (!isString(args[0]) || !isString(args[1]) || (argc == 3 && !isInt(args[2])))
        return kNoOverload;
    const std::string_view s = args[0].text();
    const std::int64_t start = argc == 3 ? args[2].intValue() : 0;
    if (start < 0 || start > utf8::length(s))
        return outOfRange(ctx, start);
    const std::size_t from = utf8::offsetOf(s, start);
    const std::size_t found = s.find(args[1].text(), from);
    return Value::integer(found == std::string_view::npos ? -1 : indexAt(s, found));
}

Value lastIndexOf(EvalContext &ctx, const Value *args, int argc)
{
    if (!isString(args[0]) || !isString(args[1]) || (argc == 3 && !isInt(args[2])))
        return kNoOverload;
    const std::string_view s = args[0].text();
    const std::int64_t length = utf8::length(s);
    const std::int64_t start = argc == 3 ? args[2].intValue() : length;
    if (start < 0 || start > length)
        return outOfRange(ctx, start);
    const std::size_t found = s.rfind(args[1].text(), utf8::offsetOf(s, start));
    return Value::integer(found == std::string_view::npos ? -1 : indexAt(s, found));
}

Value changeCase(EvalContext &ctx, const Value *args, bool upper)
{
    if (!isString(args[0]))
        return kNoOverload;
    ctx.reserve(args[0].text().size());
    std::string out(args[0].text());
    for (char &c : out) {
        if (upper && c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        else if (!upper && c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return ctx.string(out);
}

Value lowerAscii(EvalContext &ctx, const Value *args, int)
{
    return changeCase(ctx, args, false);
}

Value upperAscii(EvalContext &ctx, const Value *args, int)
{
    return changeCase(ctx, args, true);
}

Value replace(EvalContext &ctx, const Value *args, int argc)
{
    if (!isString(args[0]) || !isString(args[1]) || !isString(args[2]) ||
        (argc == 4 && !isInt(args[3])))
        return kNoOverload;
    const std::string_view s = args[0].text();
    const std::string_view from = args[1].text();
    const std::string_view to = args[2].text();
    std::int64_t remaining = argc == 4 ? args[3].intValue() : -1;
    std::string out;
    std::size_t pos = 0;
    if (from.empty()) {
        // As Go's strings.Replace: the replacement goes before each code point and at the end.
        for (;;) {
            if (remaining == 0) {
                out += s.substr(pos);
                break;
            }
            out += to;
            // The result is built here before it is copied into the arena: keep it within
            // the evaluation's memory budget as it grows.
            ctx.reserve(out.size());
            if (remaining > 0)
                --remaining;
            if (pos >= s.size())
                break;
            const std::size_t start = pos;
            utf8::decode(s, pos);
            out += s.substr(start, pos - start);
        }
        return ctx.string(out);
    }
    while (remaining != 0) {
        const std::size_t found = s.find(from, pos);
        if (found == std::string_view::npos)
            break;
        out += s.substr(pos, found - pos);
        out += to;
        ctx.reserve(out.size());
        pos = found + from.size();
        if (remaining > 0)
            --remaining;
    }
    out += s.substr(pos);
    return ctx.string(out);
}

Value split(EvalContext &ctx, const Value *args, int argc)
{
    if (!isString(args[0]) || !isString(args[1]) || (argc == 3 && !isInt(args[2])))
        return kNoOverload;
    const std::string_view s = args[0].text();
    const std::string_view sep = args[1].text();
    const std::int64_t limit = argc == 3 ? args[2].intValue() : -1;
    std::vector<Value> parts;
    if (limit == 0)
        return ctx.list(parts.data(), 0);
    std::size_t pos = 0;
    if (sep.empty()) {
        while (pos < s.size()) {
            if (limit > 0 && static_cast<std::int64_t>(parts.size()) == limit - 1) {
                parts.push_back(Value::string(s.substr(pos)));
                pos = s.size();
                break;
            }
            const std::size_t start = pos;
            utf8::decode(s, pos);
            parts.push_back(Value::string(s.substr(start, pos - start)));
            ctx.reserve(parts.size() * sizeof(Value));
        }
        return ctx.list(parts.data(), parts.size());
    }
    for (;;) {
        if (limit > 0 && static_cast<std::int64_t>(parts.size()) == limit - 1)
            break;
        const std::size_t found = s.find(sep, pos);
        if (found == std::string_view::npos)
            break;
        parts.push_back(Value::string(s.substr(pos, found - pos)));
        ctx.reserve(parts.size() * sizeof(Value));
        pos = found + sep.size();
    }
    parts.push_back(Value::string(s.substr(pos)));
    return ctx.list(parts.data(), parts.size());
}

Value substring(EvalContext &ctx, const Value *args, int argc)
{
    if (!isString(args[0]) || !isInt(args[1]) || (argc == 3 && !isInt(args[2])))
        return kNoOverload;
    const std::string_view s = args[0].text();
    const std::int64_t length = utf8::length(s);
    const std::int64_t start = args[1].intValue();
    const std::int64_t end = argc == 3 ? args[2].intValue() : length;
    if (start < 0 || start > length)
        return outOfRange(ctx, start);
    if (end < 0 || end > length)
        return outOfRange(ctx, end);
    if (end < start) {
        return ctx.error("invalid substring range. start: " + std::to_string(start) +
                         ", end: " + std::to_string(end));
    }
    const std::size_t from = utf8::offsetOf(s, start);
    const std::size_t to = utf8::offsetOf(s, end);
    return Value::string(s.substr(from, to - from));
}

Value trim(EvalContext &, const Value *args, int)
{
    if (!isString(args[0]))
        return kNoOverload;
    const std::string_view s = args[0].text();
    std::size_t begin = 0;
    while (begin < s.size()) {
        std::size_t next = begin;
        if (!utf8::isSpace(utf8::decode(s, next)))
            break;
        begin = next;
    }
    std::size_t end = begin;
    std::size_t pos = begin;
    while (pos < s.size()) {
        if (!utf8::isSpace(utf8::decode(s, pos)))
            end = pos;
    }
    return Value::string(s.substr(begin, end - begin));
}

Value join(EvalContext &ctx, const Value *args, int argc)
{
    if (args[0].kind() != ValueKind::List || (argc == 2 && !isString(args[1])))
        return kNoOverload;
    const ListData &list = args[0].listValue();
    const std::string_view sep = argc == 2 ? args[1].text() : std::string_view();
    std::string out;
    for (std::uint32_t i = 0; i < list.size; ++i) {
        if (!isString(list.items[i]))
            return Value::error("join: list elements must be strings");
        if (i)
            out += sep;
        out += list.items[i].text();
        ctx.reserve(out.size());
    }
    return ctx.string(out);
}

Value reverse(EvalContext &ctx, const Value *args, int)
{
    if (!isString(args[0]))
        return kNoOverload;
    const std::string_view s = args[0].text();
    std::vector<std::string_view> points;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t start = pos;
        utf8::decode(s, pos);
        points.push_back(s.substr(start, pos - start));
        ctx.reserve(points.size() * sizeof(std::string_view));
    }
    std::string out;
    for (auto it = points.rbegin(); it != points.rend(); ++it)
        out += *it;
    return ctx.string(out);
}

Value quote(EvalContext &ctx, const Value *args, int)
{
    if (!isString(args[0]))
        return kNoOverload;
    const std::string_view s = args[0].text();
    std::string out = "\"";
    std::size_t pos = 0;
    while (pos < s.size()) {
        ctx.reserve(out.size());
        const std::size_t start = pos;
        const char32_t cp = utf8::decode(s, pos);
        switch (cp) {
        case '\a':
            out += "\\a";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\v':
            out += "\\v";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        default:
            if (cp == 0xFFFD && pos - start == 1)
                out += "\xEF\xBF\xBD"; // invalid UTF-8 becomes U+FFFD
            else
                out += s.substr(start, pos - start);
        }
    }
    out += "\"";
    return ctx.string(out);
}

} // namespace

void registerStringFunctions(FunctionRegistry &r)
{
    r.add("charAt", true, 2, 2, charAt);
    r.add("indexOf", true, 2, 3, indexOf);
    r.add("lastIndexOf", true, 2, 3, lastIndexOf);
    r.add("lowerAscii", true, 1, 1, lowerAscii);
    r.add("upperAscii", true, 1, 1, upperAscii);
    r.add("replace", true, 3, 4, replace);
    r.add("split", true, 2, 3, split);
    r.add("substring", true, 2, 3, substring);
    r.add("trim", true, 1, 1, trim);
    r.add("join", true, 1, 2, join);
    r.add("reverse", true, 1, 1, reverse);
    r.add("format", true, 2, 2, formatString);
    r.add("strings.quote", false, 1, 1, quote);
}

} // namespace ta::core::cel
