// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/PlainJson.h"

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ta::core {

const char *PlainJson::plainStringEnd(const char *p, const char *end)
{
#if defined(__SSE2__)
    // Signed comparison: bytes 0x80 to 0xff are negative, so "below 0x20" flags them with the
    // control characters.
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i del = _mm_set1_epi8(0x7f);
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i quote = _mm_set1_epi8('"');
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i stop =
            _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del)),
                         _mm_or_si128(_mm_cmpeq_epi8(v, backslash), _mm_cmpeq_epi8(v, quote)));
        if (const int mask = _mm_movemask_epi8(stop); mask != 0)
            return p + std::countr_zero(unsigned(mask));
        p += 16;
    }
#endif
    for (; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"' || c < 0x20 || c > 0x7e || c == '\\')
            return p;
    }
    return end;
}

std::optional<QLatin1StringView> PlainJson::string(QByteArrayView s, qsizetype &at)
{
    if (at >= s.size() || s[at] != '"')
        return std::nullopt;
    const char *begin = s.data() + at + 1;
    const char *stop = plainStringEnd(begin, s.data() + s.size());
    if (stop == s.data() + s.size() || *stop != '"')
        return std::nullopt;
    at = (stop - s.data()) + 1;
    return QLatin1StringView(begin, stop - begin);
}

namespace {

/// The list at @p at between @p open and @p close, without white space, each item read by
/// @p item (which moves @p at past it) and commas between them, with @p at moved past the list;
/// false when the list or an item is malformed.
template <typename Item>
bool plainList(QByteArrayView s, qsizetype &at, char open, char close, Item &&item)
{
    if (at >= s.size() || s[at] != open)
        return false;
    ++at;
    if (at < s.size() && s[at] == close) {
        ++at;
        return true;
    }
    while (true) {
        if (!item() || at >= s.size())
            return false;
        if (s[at] == close) {
            ++at;
            return true;
        }
        if (s[at] != ',')
            return false;
        ++at;
    }
}

/// The digits at @p at when they are an integer PlainJson reads, with @p at moved past them.
std::optional<QLatin1StringView> plainInteger(QByteArrayView s, qsizetype &at)
{
    qsizetype end = at;
    while (end < s.size() && s[end] >= '0' && s[end] <= '9')
        ++end;
    const qsizetype digits = end - at;
    if (digits == 0 || digits > PlainJson::kMaxIntegerDigits || (digits > 1 && s[at] == '0'))
        return std::nullopt;
    const QLatin1StringView out(s.data() + at, digits);
    at = end;
    return out;
}

} // namespace

bool PlainJson::stringObject(
    QByteArrayView s, qsizetype &at,
    const std::function<void(QLatin1StringView, QLatin1StringView)> &member)
{
    QVarLengthArray<QLatin1StringView, 4> names;
    return plainList(s, at, '{', '}', [&] {
        const auto name = string(s, at);
        if (!name || at >= s.size() || s[at] != ':' || names.contains(*name) ||
            names.size() == kMaxMembers)
            return false;
        ++at;
        const auto value = string(s, at);
        if (!value)
            return false;
        names.append(*name);
        member(*name, *value);
        return true;
    });
}

std::optional<PlainJson::Members> PlainJson::object(QByteArrayView json)
{
    Members out;
    qsizetype at = 0;
    const bool read = plainList(json, at, '{', '}', [&] {
        const auto name = string(json, at);
        if (!name || at >= json.size() || json[at] != ':' || out.size() == kMaxMembers ||
            find(out, *name))
            return false;
        ++at;
        if (at >= json.size())
            return false;
        Member m;
        m.name = *name;
        const qsizetype begin = at;
        if (json[at] == '"') {
            const auto text = string(json, at);
            if (!text)
                return false;
            m.text = *text;
        } else if (json[at] == '[' || json[at] == '{') {
            const bool array = json[at] == '[';
            m.kind = array ? Member::Kind::StringArray : Member::Kind::StringObject;
            const bool read =
                array ? plainList(json, at, '[', ']', [&] { return bool(string(json, at)); })
                      : stringObject(json, at, [](QLatin1StringView, QLatin1StringView) {});
            if (!read)
                return false;
            m.text = QLatin1StringView(json.data() + begin, at - begin);
        } else {
            const auto digits = plainInteger(json, at);
            if (!digits)
                return false;
            m.kind = Member::Kind::Integer;
            m.text = *digits;
        }
        out.append(m);
        return true;
    });
    if (!read || at != json.size())
        return std::nullopt;
    return out;
}

const PlainJson::Member *PlainJson::find(const Members &members, QLatin1StringView name)
{
    for (const Member &m : members) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

QStringList PlainJson::strings(QLatin1StringView arrayText)
{
    // The text was read by object(): plain strings between brackets, commas between them, and
    // no quote inside a string.
    QStringList out;
    qsizetype at = 1;
    const QByteArrayView s(arrayText.data(), arrayText.size());
    while (at < s.size() && s[at] == '"') {
        const auto text = string(s, at);
        if (!text)
            break;
        out.append(QString(*text));
        ++at;
    }
    return out;
}

qint64 PlainJson::integer(QLatin1StringView digits)
{
    qint64 value = 0;
    for (const char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

} // namespace ta::core
