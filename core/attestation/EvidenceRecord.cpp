// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/EvidenceRecord.h"
#include "core/attestation/AttestationErrors.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace ta::core {

namespace {

/// A refusal of the record's member @p field, named both in the detail and as the location.
Error fieldError(const ErrorCode &code, const QString &field)
{
    Error e = makeError(code, field);
    e.field = field;
    return e;
}

} // namespace

std::optional<QDateTime> EvidenceRecord::parseTime(const QString &text)
{
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
    if (utc.time().msec() != 0)
        return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

Result<EvidenceRecord> EvidenceRecord::fromJsonLine(const QByteArray &line)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
    if (err.error != QJsonParseError::NoError)
        return makeError(ec::EvidenceBadJson,
                         QStringLiteral("%1 at offset %2").arg(err.errorString()).arg(err.offset));
    if (!doc.isObject())
        return makeError(ec::EvidenceBadJson, QStringLiteral("not an object"));
    const QJsonObject o = doc.object();
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
            {QStringLiteral("payload"), payload}};
}

QByteArray EvidenceRecord::toJsonLine() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

} // namespace ta::core
