// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/EvidenceRecord.h"

#include <QIODevice>
#include <QList>

#include <functional>

namespace ta::core {

/// Reads DESIGN.md's evidence JSON Lines. Records must come in time order: a recording whose
/// times go backwards is refused at the offending line rather than sorted, because sorting would
/// hide a broken recorder and change which of two records a replay guard sees first. Equal times
/// keep file order. Blank lines are skipped. Every error names its 1-based line:
/// "line N: <why>", with the record's own code (evidence.bad_json, ...) or evidence.out_of_order.
///
/// A line longer than kMaxLineBytes is refused (evidence.line_too_long) as soon as that many
/// bytes are read, so a file with no line breaks cannot fill memory; a record that names a
/// member twice is refused (json.duplicate_key).
class EvidenceReader
{
public:
    /// The longest record line: 1 MiB, far above any attestor's evidence.
    static constexpr qint64 kMaxLineBytes = qint64(1) << 20;
    /// What estimateRecordLines reads by default: 256 KiB, a hundred-odd lab records.
    static constexpr qint64 kEstimateSampleBytes = qint64(1) << 18;

    using Sink = std::function<Result<void>(const EvidenceRecord &)>;

    /// Streams records to @p sink one at a time (nothing is held); stops at the first bad line
    /// or the first sink error. Returns the number of records read. A caller that must not
    /// half-import (the store) runs this inside a transaction and rolls back on error.
    [[nodiscard]] static Result<qint64> forEach(QIODevice &device, const Sink &sink);
    /// The lines that are not blank, from the device's current position to its end, without
    /// parsing them: a record count for progress that costs a scan of the bytes, not a parse.
    /// The device is left at its end.
    [[nodiscard]] static qint64 countRecordLines(QIODevice &device);
    /// The record lines from the device's current position to its end, estimated from the
    /// first @p sample bytes without reading the rest: countRecordLines of those bytes, scaled by
    /// the bytes left (exact when they are all of it). For making room, not for a count: lines
    /// of uneven length put it off by their unevenness. The device is returned to where it was;
    /// 0 for a sequential device or one that cannot be read.
    [[nodiscard]] static qint64 estimateRecordLines(QIODevice &device,
                                                    qint64 sample = kEstimateSampleBytes);
    /// Reads every record, or none when any line is bad.
    [[nodiscard]] static Result<QList<EvidenceRecord>> readAll(QIODevice &device);
    [[nodiscard]] static Result<QList<EvidenceRecord>> readFile(const QString &path);
};

} // namespace ta::core
