// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

/// Calendar arithmetic and the text forms of timestamps (RFC 3339) and durations ("1h30m",
/// "1.5s"), done in integers so the whole range 0001-01-01 .. 9999-12-31 is exact.
namespace ta::core::cel::chrono {

/// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range CEL gives timestamps.
constexpr std::int64_t kMinSeconds = -62135596800;
constexpr std::int64_t kMaxSeconds = 253402300799;

/// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t daysFromCivil(std::int64_t year, int month, int day);
/// The date of a day number (days since 1970-01-01).
void civilFromDays(std::int64_t days, std::int64_t &year, int &month, int &day);

/// Parses RFC 3339 ("2009-02-13T23:31:30.5+01:00"); false when malformed.
bool parseTimestamp(std::string_view text, std::int64_t &seconds, std::int32_t &nanos);
/// RFC 3339 in UTC, fractional seconds without trailing zeros.
std::string formatTimestamp(std::int64_t seconds, std::int32_t nanos);
/// Parses Go's duration syntax ("-1h30m", "1.5s", "100ms", "2us", "3ns"); false when malformed
/// or beyond the int64 nanosecond range.
bool parseDuration(std::string_view text, std::int64_t &nanos);
/// Seconds with a fraction when needed: "3600s", "1.5s", "-0.000000001s".
std::string formatDuration(std::int64_t nanos);

} // namespace ta::core::cel::chrono
