// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/EvidenceRecord.h"
#include "core/attestation/AttestationErrors.h"
#include "core/attestation/NestedLine.h"
#include "core/attestation/PlainJson.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <array>

namespace ta::core {

namespace {

/// @p name as a literal when it names one of the core's attestors (EvidenceVerifier's own):
/// a line's attestor then costs no allocation, and the result each pre-pass thread copies it
/// into takes no reference count, which a name shared among threads would make them contend
/// for. Any other name is copied.
QString attestorName(QLatin1StringView name)
{
    static const std::array<QString, 12> known = {
        QStringLiteral("unix"),    QStringLiteral("systemd"),    QStringLiteral("docker"),
        QStringLiteral("k8s"),     QStringLiteral("cosign"),     QStringLiteral("k8s_psat"),
        QStringLiteral("aws_iid"), QStringLiteral("gcp_iit"),    QStringLiteral("x509pop"),
        QStringLiteral("tpm"),     QStringLiteral("join_token"), QStringLiteral("signal")};
    for (const QString &k : known) {
        if (k == name)
            return k;
    }
    return QString(name);
}

/// A refusal of the record's member @p field, named both in the detail and as the location.
Error fieldError(const ErrorCode &code, const QString &field)
{
    Error e = makeError(code, field);
    e.field = field;
    return e;
}

/// The UTF-16 code of @p text's character at @p at (a QString's, or a Latin-1 view's).
template <typename Text>
char16_t charAt(const Text &text, qsizetype at)
{
    return QChar(text.at(at)).unicode();
}

/// The digits of @p text from @p at, @p count of them, as a number; -1 when one is not a digit.
template <typename Text>
int digitsAt(const Text &text, qsizetype at, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char16_t c = charAt(text, at + i);
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + int(c - u'0');
    }
    return value;
}

/// The form every recorder writes, "2026-04-07T10:00:00Z" or with one to three digits of
/// milliseconds, read without Qt's general ISO 8601 parser (a tenth of a run's reading time);
/// nullopt for anything else, which parseTime() then gives to Qt. Exactly Qt's reading of these
/// strings (tst_evidencereader compares the two).
/// @p Text is a QString, or the Latin-1 view of a line being read (no string built for it).
template <typename Text>
std::optional<QDateTime> parseCanonicalUtc(const Text &text)
{
    const qsizetype n = text.size();
    if (n != 20 && (n < 22 || n > 24))
        return std::nullopt;
    if (charAt(text, 4) != u'-' || charAt(text, 7) != u'-' || charAt(text, 10) != u'T' ||
        charAt(text, 13) != u':' || charAt(text, 16) != u':' || charAt(text, n - 1) != u'Z' ||
        (n > 20 && charAt(text, 19) != u'.'))
        return std::nullopt;
    const int year = digitsAt(text, 0, 4);
    const int month = digitsAt(text, 5, 2);
    const int day = digitsAt(text, 8, 2);
    const int hour = digitsAt(text, 11, 2);
    const int minute = digitsAt(text, 14, 2);
    const int second = digitsAt(text, 17, 2);
    int msec = 0;
    if (n > 20) {
        const int digits = int(n - 21);
        msec = digitsAt(text, 20, digits);
        if (msec < 0)
            return std::nullopt;
        for (int i = digits; i < 3; ++i)
            msec *= 10;
    }
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return std::nullopt;
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

/// The object at @p at when its members are plain strings under distinct plain names (see
/// PlainJson): where each member is in @p s, into @p out; false for anything else.
bool plainStringObject(QByteArrayView s, qsizetype &at, EvidencePayload::PlainMembers &out)
{
    return PlainJson::stringObject(s, at, [&](QLatin1StringView name, QLatin1StringView value) {
        out.append({name.data() - s.data(), name.size(), value.data() - s.data(), value.size()});
    });
}

/// EvidenceRecord::fromCanonicalLine; the payload shares @p owner's bytes when given (they are
/// @p line's), else copies its own.
std::optional<EvidenceRecord> readCanonical(QByteArrayView line, const QByteArray *owner)
{
    // The four members in any order, each once and nothing else; strings of printable ASCII
    // without escapes; a payload of such strings; no white space. Anything else, an error
    // included, is left to fromJsonLine(), so this reads nothing that Qt's parser would read
    // otherwise (tst_canonicalline compares the two, and the evidence fuzzer aborts on a
    // difference).
    if (line.size() < 2 || line.front() != '{' || line.back() != '}')
        return std::nullopt;
    std::optional<QLatin1StringView> time;
    std::optional<QLatin1StringView> attestor;
    std::optional<QLatin1StringView> subject;
    std::optional<EvidencePayload::PlainMembers> payload;
    // Where the payload object starts and ends in the line.
    qsizetype payloadBegin = 0;
    qsizetype payloadEnd = 0;
    qsizetype at = 1;
    while (true) {
        const auto name = PlainJson::string(line, at);
        if (!name || at >= line.size() || line[at] != ':')
            return std::nullopt;
        ++at;
        if (*name == QLatin1StringView("payload")) {
            if (payload)
                return std::nullopt;
            payload.emplace();
            payloadBegin = at;
            if (!plainStringObject(line, at, *payload))
                return std::nullopt;
            payloadEnd = at;
        } else {
            std::optional<QLatin1StringView> *slot =
                *name == QLatin1StringView("time")       ? &time
                : *name == QLatin1StringView("attestor") ? &attestor
                : *name == QLatin1StringView("subject")  ? &subject
                                                         : nullptr;
            if (!slot || *slot)
                return std::nullopt;
            *slot = PlainJson::string(line, at);
            if (!*slot)
                return std::nullopt;
        }
        if (at >= line.size())
            return std::nullopt;
        if (line[at] == '}' && at + 1 == line.size())
            break;
        if (line[at] != ',')
            return std::nullopt;
        ++at;
    }
    if (!time || !attestor || attestor->isEmpty() || !subject || subject->isEmpty() || !payload)
        return std::nullopt;
    // The canonical form straight from the line; any other goes through parseTime(), which
    // reads that form alike first.
    auto t = parseCanonicalUtc(*time);
    if (!t)
        t = EvidenceRecord::parseTime(QString(*time));
    if (!t)
        return std::nullopt;
    EvidenceRecord r;
    r.time = *t;
    r.attestor = attestorName(*attestor);
    r.subject = QString(*subject);
    if (owner) {
        r.payload = EvidencePayload::fromPlain(*owner, std::move(*payload));
    } else {
        // Only the payload's bytes are kept, its members' places moved to match.
        for (EvidencePayload::PlainMember &m : *payload) {
            m.nameAt -= payloadBegin;
            m.valueAt -= payloadBegin;
        }
        r.payload = EvidencePayload::fromPlain(
            line.sliced(payloadBegin, payloadEnd - payloadBegin).toByteArray(),
            std::move(*payload));
    }
    return r;
}

} // namespace

std::optional<QDateTime> EvidenceRecord::parseTime(const QString &text)
{
    if (auto canonical = parseCanonicalUtc(text))
        return canonical;
    // RFC 3339 demands an offset; Qt would read a bare "2026-04-07T10:00:00" as local time.
    if (text.size() < 20 || text.at(10) != QLatin1Char('T'))
        return std::nullopt;
    const bool zulu = text.endsWith(QLatin1Char('Z'));
    const QChar sign = text.at(text.size() - 6);
    if (!zulu && !((sign == QLatin1Char('+') || sign == QLatin1Char('-')) &&
                   text.at(text.size() - 3) == QLatin1Char(':')))
        return std::nullopt;
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toUTC();
}

QString EvidenceRecord::formatTime(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    if (!date.isValid() || date.year() < 1 || date.year() > 9999) {
        // Outside four-digit years: Qt's formatting, as before.
        if (clock.msec() != 0)
            return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
        return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    }
    // Written digit by digit: QDateTime::toString goes through the locale and the calendar,
    // about 8,000 instructions a time, and a simulation's event log writes several a record.
    char16_t out[24];
    qsizetype n = 0;
    const auto put = [&](int value, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            out[n + i] = char16_t(u'0' + value % 10);
            value /= 10;
        }
        n += digits;
    };
    put(date.year(), 4);
    out[n++] = u'-';
    put(date.month(), 2);
    out[n++] = u'-';
    put(date.day(), 2);
    out[n++] = u'T';
    put(clock.hour(), 2);
    out[n++] = u':';
    put(clock.minute(), 2);
    out[n++] = u':';
    put(clock.second(), 2);
    if (clock.msec() != 0) {
        out[n++] = u'.';
        put(clock.msec(), 3);
    }
    out[n++] = u'Z';
    return QString(reinterpret_cast<const QChar *>(out), n);
}

std::optional<EvidenceRecord> EvidenceRecord::fromCanonicalLine(QByteArrayView line)
{
    return readCanonical(line, nullptr);
}

std::optional<EvidenceRecord> EvidenceRecord::fromCanonicalLine(const QByteArray &line)
{
    return readCanonical(line, &line);
}

Result<EvidenceRecord> EvidenceRecord::fromJsonLine(const QByteArray &line)
{
    if (auto canonical = fromCanonicalLine(line))
        return std::move(*canonical);
    // A node's line nests: its recorded objects are parsed once per distinct text (NestedLine,
    // one per thread, as lines are read on one). Anything it declines is Qt's parser's, which
    // also words the errors.
    thread_local NestedLine nested;
    std::optional<QJsonObject> read = nested.read(line);
    if (!read) {
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
        if (err.error != QJsonParseError::NoError)
            return makeError(
                ec::EvidenceBadJson,
                QStringLiteral("%1 at offset %2").arg(err.errorString()).arg(err.offset));
        if (!doc.isObject())
            return makeError(ec::EvidenceBadJson, QStringLiteral("not an object"));
        read = doc.object();
    }
    const QJsonObject &o = *read;
    for (const char *field : {"time", "attestor", "subject", "payload"}) {
        if (!o.contains(QLatin1String(field)))
            return fieldError(ec::EvidenceMissingField, QString::fromLatin1(field));
    }
    EvidenceRecord r;
    const QJsonValue time = o.value(QLatin1String("time"));
    if (!time.isString())
        return fieldError(ec::EvidenceBadField, QStringLiteral("time"));
    const auto t = parseTime(time.toString());
    if (!t)
        return makeError(ec::EvidenceBadTime, time.toString());
    r.time = *t;
    const QJsonValue attestor = o.value(QLatin1String("attestor"));
    if (!attestor.isString() || attestor.toString().isEmpty())
        return fieldError(ec::EvidenceBadField, QStringLiteral("attestor"));
    r.attestor = attestor.toString();
    const QJsonValue subject = o.value(QLatin1String("subject"));
    if (!subject.isString() || subject.toString().isEmpty())
        return fieldError(ec::EvidenceBadField, QStringLiteral("subject"));
    r.subject = subject.toString();
    const QJsonValue payload = o.value(QLatin1String("payload"));
    if (!payload.isObject())
        return fieldError(ec::EvidenceBadField, QStringLiteral("payload"));
    r.payload = payload.toObject();
    return r;
}

QJsonObject EvidenceRecord::toJson() const
{
    return {{QStringLiteral("time"), formatTime(time)},
            {QStringLiteral("attestor"), attestor},
            {QStringLiteral("subject"), subject},
            {QStringLiteral("payload"), payload.object()}};
}

QByteArray EvidenceRecord::toJsonLine() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

} // namespace ta::core
