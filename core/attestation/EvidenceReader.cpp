// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/EvidenceReader.h"
#include "core/attestation/AttestationErrors.h"

#include "core/JsonInput.h"

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

} // namespace

Result<qint64> EvidenceReader::forEach(QIODevice &device, const Sink &sink)
{
    qint64 lineNo = 0;
    qint64 count = 0;
    QDateTime last;
    while (!device.atEnd()) {
        // Two bytes past the limit leave room for a line break; a longer line is cut there
        // and refused, never read whole.
        QByteArray line = device.readLine(kMaxLineBytes + 2);
        ++lineNo;
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() > kMaxLineBytes)
            return makeError(
                ec::EvidenceLineTooLong,
                QStringLiteral("line %1: more than %2 bytes").arg(lineNo).arg(kMaxLineBytes));
        if (line.trimmed().isEmpty())
            continue;
        auto rec = EvidenceRecord::fromJsonLine(line);
        if (!rec)
            return atLine(lineNo, rec.error());
        if (auto unique = JsonInput::checkDuplicateKeys(line); !unique)
            return atLine(lineNo, unique.error());
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
