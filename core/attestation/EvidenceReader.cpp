// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/EvidenceReader.h"
#include "core/attestation/AttestationErrors.h"

#include "core/JsonInput.h"

#include <QBuffer>
#include <QFile>

#include <cstring>

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

/// The lines of a device, read in large chunks into one buffer and handed out as views into it.
/// QIODevice::readLine on a file reads whatever its 16 KiB buffer lacks of a line one byte at a
/// time (QIODevice::readLineData, each byte a QIODevice::read), so a record line of 1.5 KB
/// straddling that buffer's end cost more than its parse; and each 16 KiB was a system call.
class ChunkedLines
{
public:
    /// A line that has no break within @p limit + 2 bytes is returned cut there, at that
    /// length: the caller refuses it without this reading the rest.
    ChunkedLines(QIODevice &device, qsizetype limit) : m_device(device), m_limit(limit) {}

    /// The next line with its break (as QIODevice::readLine gives it), empty at the end, or the
    /// device's error.
    Result<QByteArrayView> next()
    {
        const qsizetype most = m_limit + 2;
        for (;;) {
            const qsizetype have = m_end - m_begin;
            const char *start = m_buffer.constData() + m_begin;
            const auto *nl =
                static_cast<const char *>(std::memchr(start, '\n', size_t(qMin(have, most))));
            if (nl || have >= most || (m_eof && have > 0)) {
                const qsizetype length = nl ? qsizetype(nl - start) + 1 : qMin(have, most);
                m_begin += length;
                return QByteArrayView(start, length);
            }
            if (m_eof)
                return QByteArrayView();
            if (auto more = fill(); !more)
                return more.error();
        }
    }

private:
    static constexpr qsizetype kChunk = qsizetype(1) << 18;

    Result<void> fill()
    {
        // The unread tail moves to the front, and the buffer grows only for a line longer than a
        // chunk (to the limit at most).
        const qsizetype have = m_end - m_begin;
        if (m_begin > 0 && have > 0)
            std::memmove(m_buffer.data(), m_buffer.constData() + m_begin, size_t(have));
        m_begin = 0;
        m_end = have;
        const qsizetype want = qMax(kChunk, have + kChunk);
        if (m_buffer.size() < want)
            m_buffer.resize(qMin(want, m_limit + 2 + kChunk));
        const qint64 got = m_device.read(m_buffer.data() + m_end, m_buffer.size() - m_end);
        if (got < 0)
            return makeError(ec::EvidenceUnreadable, m_device.errorString());
        m_end += qsizetype(got);
        // Nothing read: the end, unless a sequential device has more on its way.
        if (got == 0 && (m_device.atEnd() || !m_device.waitForReadyRead(-1)))
            m_eof = true;
        return {};
    }

    QIODevice &m_device;
    const qsizetype m_limit;
    QByteArray m_buffer;
    qsizetype m_begin = 0;
    qsizetype m_end = 0;
    bool m_eof = false;
};

} // namespace

Result<qint64> EvidenceReader::forEach(QIODevice &device, const Sink &sink)
{
    qint64 lineNo = 0;
    qint64 count = 0;
    QDateTime last;
    // Two bytes past the limit leave room for a line break; a longer line is cut there and
    // refused, never read whole.
    ChunkedLines lines(device, qsizetype(kMaxLineBytes));
    for (;;) {
        const Result<QByteArrayView> next = lines.next();
        if (!next)
            return atLine(lineNo + 1, next.error());
        QByteArrayView line = *next;
        if (line.isEmpty())
            break;
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
