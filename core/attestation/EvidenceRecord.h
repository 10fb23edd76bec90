// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/EvidencePayload.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <optional>

namespace ta::core {

/// One recorded piece of evidence, as a line of DESIGN.md's JSON Lines format:
/// {"time": RFC 3339, "attestor": name, "subject": who, "payload": {...wire format...}}.
struct EvidenceRecord
{
    QDateTime time; ///< UTC
    QString attestor;
    QString subject;
    /// Kept as the line's bytes when the line is plain (fromCanonicalLine), else as an object.
    EvidencePayload payload;
    /// 1-based line of the file it came from; 0 when not read from a file.
    qint64 line = 0;

    /// Parses one line (a plain one through fromCanonicalLine, sharing @p line's bytes). Error
    /// codes: evidence.bad_json, evidence.missing_field,
    /// evidence.bad_field, evidence.bad_time.
    [[nodiscard]] static Result<EvidenceRecord> fromJsonLine(const QByteArray &line);
    /// The line read without Qt's JSON parser when it has the plain form recorders write (see
    /// the definition), which also rules out duplicate names; nullopt for any other line,
    /// which fromJsonLine() reads (or refuses) as before. Where it reads a line, it reads it as
    /// fromJsonLine() does.
    /// The payload is kept as a copy of its bytes.
    [[nodiscard]] static std::optional<EvidenceRecord> fromCanonicalLine(QByteArrayView line);
    /// The same, the payload sharing @p line's bytes (no copy): @p line must own them, not be a
    /// QByteArray::fromRawData over a buffer that is reused.
    [[nodiscard]] static std::optional<EvidenceRecord> fromCanonicalLine(const QByteArray &line);
    /// Reads an RFC 3339 instant; a time without an offset or "Z" is refused, being ambiguous.
    static std::optional<QDateTime> parseTime(const QString &text);
    /// RFC 3339 in UTC with "Z", milliseconds only when non-zero.
    static QString formatTime(const QDateTime &time);

    /// The line as an object (the payload built as an object).
    QJsonObject toJson() const;
    /// The compact JSON text of one line, without the newline.
    QByteArray toJsonLine() const;
};

} // namespace ta::core
