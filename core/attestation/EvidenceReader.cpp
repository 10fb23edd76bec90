// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/EvidenceReader.h"
#include "core/attestation/AttestationErrors.h"

#include "core/JsonInput.h"

#include <QBuffer>
#include <QFile>

namespace ta::core {
namespace {

Error atLine(qint64 line, const Error &e)
{
    Error out = makeError(e.code, QStringLiteral("line %1: %2").arg(line).arg(e.detail));
    out.line = line;
    out.field = e.field;
    return out;
}

/// A line not in the plain form: Qt's parser, then the check for duplicate names it leaves out.
Result<EvidenceRecord> readGeneral(const QByteArray &line)
{
    auto rec = EvidenceRecord::fromJsonLine(line);
    if (!rec)
        return rec;
    if (auto unique = JsonInput::checkDuplicateKeys(line); !unique)
        return unique.error();
    return rec;
}

} // namespace

Result<qint64> EvidenceReader::forEach(QIODevice &device, const Sink &sink)
{
    qint64 lineNo = 0;
    qint64 count = 0;
    QDateTime last;
    // One buffer for every line: QIODevice::readLine(maxSize) allocates maxSize bytes for each
    // line it returns, a megabyte per record (1.6 s per 100,000 records with glibc's malloc).
    // Two bytes past the limit leave room for a line break; a longer line is cut there and
    // refused, never read whole. readLine stores a terminating zero: one byte more.
    QByteArray buffer(qsizetype(kMaxLineBytes + 3), Qt::Uninitialized);
    while (!device.atEnd()) {
        const qint64 got = device.readLine(buffer.data(), kMaxLineBytes + 3);
        if (got < 0)
            return atLine(lineNo + 1, makeError(ec::EvidenceUnreadable, device.errorString()));
        QByteArrayView line(buffer.constData(), qsizetype(got));
        ++lineNo;
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() > kMaxLineBytes)
            return atLine(lineNo,
                          makeError(ec::EvidenceLineTooLong,
                                    QStringLiteral("more than %1 bytes").arg(kMaxLineBytes)));
        if (line.trimmed().isEmpty())
            continue;
        // Most lines have the plain form recorders write, read in one pass without Qt's parser
        // and its second pass for duplicate names; the others, and every error, go the general
        // way.
        std::optional<EvidenceRecord> canonical = EvidenceRecord::fromCanonicalLine(line);
        Result<EvidenceRecord> rec = canonical ? Result<EvidenceRecord>(std::move(*canonical))
                                               : readGeneral(line.toByteArray());
        if (!rec)
            return atLine(lineNo, rec.error());
        rec->line = lineNo;
        if (last.isValid() && rec->time < last)
            return atLine(lineNo, makeError(ec::EvidenceOutOfOrder,
                                            QStringLiteral("%1 is before %2")
                                                .arg(EvidenceRecord::formatTime(rec->time),
                                                     EvidenceRecord::formatTime(last))));
        last = rec->time;
        if (auto s = sink(*rec); !s)
            return atLine(lineNo, s.error());
        ++count;
    }
    return count;
}

qint64 EvidenceReader::countRecordLines(QIODevice &device)
{
    qint64 count = 0;
    bool content = false; // the current line has a byte other than white space
    QByteArray chunk;
    while (!device.atEnd()) {
        chunk = device.read(qint64(1) << 20);
        if (chunk.isEmpty())
            break;
        for (const char c : std::as_const(chunk)) {
            if (c == '\n') {
                count += content ? 1 : 0;
                content = false;
            } else if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
                content = true;
            }
        }
    }
    return count + (content ? 1 : 0);
}

qint64 EvidenceReader::estimateRecordLines(QIODevice &device, qint64 sample)
{
    if (device.isSequential() || !device.isReadable() || sample <= 0)
        return 0;
    const qint64 start = device.pos();
    const qint64 left = device.size() - start;
    if (left <= 0)
        return 0;
    QByteArray head = device.read(qMin(left, sample));
    device.seek(start);
    if (head.isEmpty())
        return 0;
    QBuffer buffer(&head);
    buffer.open(QIODevice::ReadOnly);
    const qint64 lines = countRecordLines(buffer);
    if (head.size() >= left)
        return lines;
    return qint64(double(lines) * double(left) / double(head.size()) + 0.5);
}

Result<QList<EvidenceRecord>> EvidenceReader::readAll(QIODevice &device)
{
    QList<EvidenceRecord> out;
    auto n = forEach(device, [&](const EvidenceRecord &r) -> Result<void> {
        out.append(r);
        return {};
    });
    if (!n)
        return n.error();
    return out;
}

Result<QList<EvidenceRecord>> EvidenceReader::readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ec::EvidenceUnreadable, path);
    return readAll(f);
}

} // namespace ta::core
