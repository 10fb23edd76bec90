// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Chrono.h"

#include <cstdio>
#include <limits>

namespace ta::core::cel::chrono {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool readDigits(std::string_view s, std::size_t &pos, int count, int &out)
{
    out = 0;
    for (int i = 0; i < count; ++i) {
        if (pos >= s.size() || !isDigit(s[pos]))
            return false;
        out = out * 10 + (s[pos++] - '0');
    }
    return true;
}

bool expect(std::string_view s, std::size_t &pos, char c)
{
    if (pos < s.size() &&
        (s[pos] == c || (c == 'T' && s[pos] == 't') || (c == 'Z' && s[pos] == 'z'))) {
        ++pos;
        return true;
    }
    return false;
}

bool isLeap(std::int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(std::int64_t y, int m)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

std::string fraction(std::int64_t nanos)
{
    if (nanos == 0)
        return {};
    char buf[16];
    std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(nanos));
    std::string out(buf);
    while (out.back() == '0')
        out.pop_back();
    return out;
}

} // namespace

std::int64_t daysFromCivil(std::int64_t y, int m, int d)
{
    // Howard Hinnant's days_from_civil, which is exact for the proleptic Gregorian calendar.
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civilFromDays(std::int64_t z, std::int64_t &year, int &month, int &day)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = yoe + era * 400 + (month <= 2);
}

bool parseTimestamp(std::string_view s, std::int64_t &seconds, std::int32_t &nanos)
{
    std::size_t pos = 0;
    int year, month, day, hour, minute, second;
    if (!readDigits(s, pos, 4, year) || !expect(s, pos, '-') || !readDigits(s, pos, 2, month) ||
        !expect(s, pos, '-') || !readDigits(s, pos, 2, day) || !expect(s, pos, 'T') ||
        !readDigits(s, pos, 2, hour) || !expect(s, pos, ':') || !readDigits(s, pos, 2, minute) ||
        !expect(s, pos, ':') || !readDigits(s, pos, 2, second))
        return false;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 ||
        minute > 59 || second > 59)
        return false;
    std::int64_t frac = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int digits = 0;
        while (pos < s.size() && isDigit(s[pos])) {
            if (digits < 9) {
                frac = frac * 10 + (s[pos] - '0');
                ++digits;
            }
            ++pos;
        }
        if (digits == 0)
            return false;
        for (; digits < 9; ++digits)
            frac *= 10;
    }
    std::int64_t offset = 0;
    if (expect(s, pos, 'Z')) {
        offset = 0;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        const int sign = s[pos++] == '-' ? -1 : 1;
        int oh, om;
        if (!readDigits(s, pos, 2, oh) || !expect(s, pos, ':') || !readDigits(s, pos, 2, om) ||
            oh > 23 || om > 59)
            return false;
        offset = sign * (oh * 3600 + om * 60);
    } else {
        return false;
    }
    if (pos != s.size())
        return false;
    seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
    nanos = static_cast<std::int32_t>(frac);
    return true;
}

std::string formatTimestamp(std::int64_t seconds, std::int32_t nanos)
{
    std::int64_t days = seconds / 86400;
    std::int64_t rem = seconds % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    std::int64_t year;
    int month, day;
    civilFromDays(days, year, month, day);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02d", static_cast<long long>(year),
                  month, day, static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60),
                  static_cast<int>(rem % 60));
    return std::string(buf) + fraction(nanos) + "Z";
}

bool parseDuration(std::string_view s, std::int64_t &nanos)
{
    std::size_t pos = 0;
    bool negative = false;
    if (pos < s.size() && (s[pos] == '-' || s[pos] == '+'))
        negative = s[pos++] == '-';
    if (s.substr(pos) == "0") {
        nanos = 0;
        return true;
    }
    if (pos == s.size())
        return false;
    __int128 total = 0;
    constexpr __int128 limit = static_cast<__int128>(std::numeric_limits<std::int64_t>::max()) + 1;
    while (pos < s.size()) {
        __int128 whole = 0;
        __int128 frac = 0;
        __int128 fracScale = 1;
        const std::size_t start = pos;
        while (pos < s.size() && isDigit(s[pos])) {
            whole = whole * 10 + (s[pos++] - '0');
            if (whole > limit)
                return false;
        }
        bool sawDigits = pos > start;
        if (pos < s.size() && s[pos] == '.') {
            ++pos;
            while (pos < s.size() && isDigit(s[pos])) {
                if (fracScale < static_cast<__int128>(1000000000000000000LL)) {
                    frac = frac * 10 + (s[pos] - '0');
                    fracScale *= 10;
                }
                ++pos;
                sawDigits = true;
            }
        }
        if (!sawDigits)
            return false;
        std::int64_t unit = 0;
        auto unitIs = [&](std::string_view u) {
            if (s.substr(pos, u.size()) == u) {
                pos += u.size();
                return true;
            }
            return false;
        };
        if (unitIs("ns"))
            unit = 1;
        else if (unitIs("us") || unitIs("\xC2\xB5s") || unitIs("\xCE\xBCs"))
            unit = 1000;
        else if (unitIs("ms"))
            unit = 1000000;
        else if (unitIs("s"))
            unit = 1000000000;
        else if (unitIs("m"))
            unit = 60LL * 1000000000;
        else if (unitIs("h"))
            unit = 3600LL * 1000000000;
        else
            return false;
        total += whole * unit + frac * unit / fracScale;
        if (total > limit)
            return false;
    }
    if (negative)
        total = -total;
    if (total > std::numeric_limits<std::int64_t>::max() ||
        total < std::numeric_limits<std::int64_t>::min())
        return false;
    nanos = static_cast<std::int64_t>(total);
    return true;
}

std::string formatDuration(std::int64_t nanos)
{
    const bool negative = nanos < 0;
    const unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(nanos)
                                                  : static_cast<unsigned long long>(nanos);
    std::string out = negative ? "-" : "";
    out += std::to_string(magnitude / 1000000000ULL);
    out += fraction(static_cast<std::int64_t>(magnitude % 1000000000ULL));
    return out + "s";
}

} // namespace ta::core::cel::chrono
