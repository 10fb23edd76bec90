// SPDX-License-Identifier: Apache-2.0
// timestamp(), duration() and the accessors of both, with optional time zones.
#include "core/policy/cel/Arithmetic.h"
#include "core/policy/cel/Chrono.h"
#include "core/policy/cel/EvalContext.h"
#include "core/policy/cel/FunctionRegistry.h"

#include <QDateTime>
#include <QTimeZone>

namespace ta::core::cel {

namespace {

constexpr Value kNoOverload = Value::error("no such overload");

enum class Field {
    FullYear,
    Month,
    DayOfMonth,
    Date,
    DayOfWeek,
    DayOfYear,
    Hours,
    Minutes,
    Seconds,
    Milliseconds,
};

Value timestampOf(EvalContext &ctx, const Value *args, int)
{
    const Value &v = args[0];
    switch (v.kind()) {
    case ValueKind::Timestamp:
        return v;
    case ValueKind::Int:
        return arithmetic::makeTimestamp(v.intValue(), 0);
    case ValueKind::String: {
        std::int64_t seconds = 0;
        std::int32_t nanos = 0;
        if (!chrono::parseTimestamp(v.text(), seconds, nanos))
            return ctx.error("timestamp parse error: '" + std::string(v.text()) + "'");
        return arithmetic::makeTimestamp(seconds, nanos);
    }
    default:
        return kNoOverload;
    }
}

Value durationOf(EvalContext &ctx, const Value *args, int)
{
    const Value &v = args[0];
    if (v.kind() == ValueKind::Duration)
        return v;
    if (v.kind() != ValueKind::String)
        return kNoOverload;
    std::int64_t nanos = 0;
    if (!chrono::parseDuration(v.text(), nanos))
        return ctx.error("duration parse error or out of range: '" + std::string(v.text()) + "'");
    return Value::duration(nanos);
}

bool digits2(std::string_view s, std::size_t pos, int &out)
{
    if (pos + 2 > s.size() || s[pos] < '0' || s[pos] > '9' || s[pos + 1] < '0' || s[pos + 1] > '9')
        return false;
    out = (s[pos] - '0') * 10 + (s[pos + 1] - '0');
    return true;
}

// A fixed offset "+05:30", "-02:30" or "02:00", or an IANA zone name through QTimeZone.
bool zoneOffset(std::string_view zone, std::int64_t utcSeconds, std::int64_t &offset)
{
    std::size_t pos = 0;
    int sign = 1;
    if (!zone.empty() && (zone[0] == '+' || zone[0] == '-')) {
        sign = zone[0] == '-' ? -1 : 1;
        pos = 1;
    }
    int hours = 0;
    int minutes = 0;
    if (zone.size() == pos + 5 && digits2(zone, pos, hours) && zone[pos + 2] == ':' &&
        digits2(zone, pos + 3, minutes)) {
        offset = sign * (hours * 3600 + minutes * 60);
        return true;
    }
    const QTimeZone tz(QByteArray(zone.data(), static_cast<qsizetype>(zone.size())));
    if (!tz.isValid())
        return false;
    offset = tz.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utcSeconds, QTimeZone::utc()));
    return true;
}

template <Field F>
Value accessor(EvalContext &ctx, const Value *args, int argc)
{
    const Value &v = args[0];
    if (v.kind() == ValueKind::Duration && argc == 1) {
        const std::int64_t nanos = v.durationNanos();
        switch (F) {
        case Field::Hours:
            return Value::integer(nanos / 3600000000000LL);
        case Field::Minutes:
            return Value::integer(nanos / 60000000000LL);
        case Field::Seconds:
            return Value::integer(nanos / 1000000000LL);
        case Field::Milliseconds:
            return Value::integer(nanos / 1000000LL);
        default:
            return kNoOverload;
        }
    }
    if (v.kind() != ValueKind::Timestamp || (argc == 2 && args[1].kind() != ValueKind::String))
        return kNoOverload;
    std::int64_t offset = 0;
    if (argc == 2 && !zoneOffset(args[1].text(), v.seconds(), offset))
        return ctx.error("unknown time zone '" + std::string(args[1].text()) + "'");
    const std::int64_t local = v.seconds() + offset;
    std::int64_t days = local / 86400;
    std::int64_t secondOfDay = local % 86400;
    if (secondOfDay < 0) {
        secondOfDay += 86400;
        --days;
    }
    std::int64_t year = 0;
    int month = 0;
    int day = 0;
    chrono::civilFromDays(days, year, month, day);
    switch (F) {
    case Field::FullYear:
        return Value::integer(year);
    case Field::Month:
        return Value::integer(month - 1);
    case Field::DayOfMonth:
        return Value::integer(day - 1);
    case Field::Date:
        return Value::integer(day);
    case Field::DayOfWeek: {
        // 1970-01-01 was a Thursday; Sunday is 0.
        const std::int64_t dow = (days % 7 + 7 + 4) % 7;
        return Value::integer(dow);
    }
    case Field::DayOfYear:
        return Value::integer(days - chrono::daysFromCivil(year, 1, 1));
    case Field::Hours:
        return Value::integer(secondOfDay / 3600);
    case Field::Minutes:
        return Value::integer(secondOfDay % 3600 / 60);
    case Field::Seconds:
        return Value::integer(secondOfDay % 60);
    case Field::Milliseconds:
        return Value::integer(v.nanos() / 1000000);
    }
    return kNoOverload;
}

} // namespace

void registerTimeFunctions(FunctionRegistry &r)
{
    r.add("timestamp", false, 1, 1, timestampOf);
    r.add("duration", false, 1, 1, durationOf);
    r.add("getFullYear", true, 1, 2, accessor<Field::FullYear>);
    r.add("getMonth", true, 1, 2, accessor<Field::Month>);
    r.add("getDayOfMonth", true, 1, 2, accessor<Field::DayOfMonth>);
    r.add("getDate", true, 1, 2, accessor<Field::Date>);
    r.add("getDayOfWeek", true, 1, 2, accessor<Field::DayOfWeek>);
    r.add("getDayOfYear", true, 1, 2, accessor<Field::DayOfYear>);
    r.add("getHours", true, 1, 2, accessor<Field::Hours>);
    r.add("getMinutes", true, 1, 2, accessor<Field::Minutes>);
    r.add("getSeconds", true, 1, 2, accessor<Field::Seconds>);
    r.add("getMilliseconds", true, 1, 2, accessor<Field::Milliseconds>);
}

} // namespace ta::core::cel
