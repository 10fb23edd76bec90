// SPDX-License-Identifier: Apache-2.0
// Evidence JSON Lines: bad lines reported with their number, nothing imported from a bad file,
// records kept in time order.
#include "core/attestation/EvidenceReader.h"
#include "core/store/AttestationStore.h"
#include "core/store/Workspace.h"

#include <QBuffer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <cstring>

using namespace ta::core;

namespace {

QByteArray line(const char *time, const char *subject = "node/a")
{
    return QByteArray(R"({"time":")") + time + R"(","attestor":"join_token","subject":")" +
           subject + R"(","payload":{"token":"t"}})" + "\n";
}

// A record of exactly @p bytes, without a line break: its payload carries padding.
QByteArray recordOfSize(qsizetype bytes)
{
    const QByteArray head =
        R"({"time":"2026-04-07T10:02:00Z","attestor":"join_token","subject":"node/p","payload":{"pad":")";
    const QByteArray tail = R"("}})";
    return head + QByteArray(bytes - head.size() - tail.size(), 'x') + tail;
}

// A pipe-like device: sequential, its bytes handed out at most @p step at a time, and an error
// (read returns -1) once @p failAt bytes are out when that is set.
class Trickle : public QIODevice
{
public:
    Trickle(QByteArray data, qint64 step, qint64 failAt = -1)
        : m_data(std::move(data)), m_step(step), m_failAt(failAt)
    {}
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_pos + QIODevice::bytesAvailable();
    }
    qint64 reads() const { return m_reads; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        ++m_reads;
        if (m_failAt >= 0 && m_pos >= m_failAt) {
            setErrorString(QStringLiteral("the pipe broke"));
            return -1;
        }
        const qint64 n = std::min({maxSize, m_step, qint64(m_data.size()) - m_pos});
        std::memcpy(data, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_step;
    qint64 m_failAt;
    qint64 m_pos = 0;
    qint64 m_reads = 0;
};

// @p count records of uneven length (some over 3 KB), with blank lines and CRLF breaks among
// them: enough bytes that lines straddle every chunk the reader reads.
QByteArray unevenRecords(int count)
{
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        const QByteArray subject = "node/r" + QByteArray::number(i);
        const QByteArray pad(qsizetype((i * 7919) % 3300), char('a' + i % 26));
        out += R"({"time":"2026-04-07T10:00:00Z","attestor":"join_token","subject":")" + subject +
               R"(","payload":{"token":")" + pad + R"("}})";
        out += i % 5 == 0 ? "\r\n" : "\n";
        if (i % 11 == 0)
            out += "  \n";
    }
    return out;
}

} // namespace

class TestEvidenceReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsRecords();
    void timesAreReadAsQtReadsThem_data();
    void timesAreReadAsQtReadsThem();
    void timesAreWrittenAsQtWritesThem_data();
    void timesAreWrittenAsQtWritesThem();
    void badLines_data();
    void badLines();
    void importIsAllOrNothing();
    void storeKeepsTimeOrder();
    void readEvidenceDigestsTheRowsItReads();
    void lineLengthLimit_data();
    void lineLengthLimit();
    void linesAcrossChunks_data();
    void linesAcrossChunks();
    void deviceErrorNamesItsLine();
    void countRecordLines_data();
    void countRecordLines();
    void estimateRecordLines();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestEvidenceReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto ws = Workspace::create(m_dir.filePath(QStringLiteral("e.atlas")), std::nullopt);
    QVERIFY2(ws, ws ? "" : qPrintable(ws.error().toString()));
    m_ws = std::move(*ws);
}

void TestEvidenceReader::readsRecords()
{
    QByteArray data = line("2026-04-07T10:00:00Z") + "\n" +
                      line("2026-04-07T12:00:00.250+02:00", "node/b") +
                      line("2026-04-07T10:00:00.250Z", "node/c");
    QBuffer b(&data);
    QVERIFY(b.open(QIODevice::ReadOnly));
    auto records = EvidenceReader::readAll(b);
    QVERIFY2(records, records ? "" : qPrintable(records.error().toString()));
    QCOMPARE(records->size(), 3);
    QCOMPARE(records->at(0).line, 1);
    QCOMPARE(records->at(1).line, 3); // the blank line 2 is skipped, numbering is not
    // An offset is honoured: 12:00:00.250+02:00 is the same instant as the third record.
    QCOMPARE(records->at(1).time, records->at(2).time);
    QCOMPARE(records->at(1).subject, QStringLiteral("node/b"));
    QCOMPARE(records->at(0).payload.value(QLatin1String("token")).toString(), QStringLiteral("t"));
    QCOMPARE(EvidenceRecord::fromJsonLine(records->at(2).toJsonLine())->time, records->at(2).time);
}

void TestEvidenceReader::timesAreReadAsQtReadsThem_data()
{
    // parseTime reads the canonical UTC form itself and gives the rest to Qt's ISO 8601 parser:
    // both must read every string alike, and refuse the same ones.
    QTest::addColumn<QString>("text");
    for (const char *t :
         {"2026-04-07T10:00:00Z", "2026-04-07T10:00:00.250Z", "2026-04-07T10:00:00.25Z",
          "2026-04-07T10:00:00.2Z", "2026-04-07T10:00:00.999Z", "2026-04-07T10:00:00.000Z",
          "2026-04-07T10:00:00.1234Z", "2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z",
          "2026-13-01T00:00:00Z", "2026-04-31T00:00:00Z", "2026-04-07T24:00:00Z",
          "2026-04-07T23:60:00Z", "2026-04-07T23:59:60Z", "0000-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999Z", "2026-04-07T10:00:00.Z", "2026-04-07T10:00:00,250Z",
          "2026-04-07t10:00:00Z", "2026-04-07T10:00:00z", "2026-04-07T10:00:00+00:00",
          "2026-04-07T12:00:00.5+02:00", "2026-04-07 10:00:00Z", "2026-4-07T10:00:00Z",
          "+2026-04-07T10:00:00Z", "2026-04-07T10:0a:00Z", "2026-04-07T10:00:00.2a0Z",
          "2026-04-07T10:00:00.-12Z", "2026-04-07T1:00:00.25Z", "2026-04-07T10:00:00",
          // Arabic-Indic digits: digits to QChar, not to RFC 3339.
          "\u0662026-04-07T10:00:00Z", "2026-04-07T10:00:00.\u0661\u0662\u0663Z"})
        QTest::newRow(t) << QString::fromUtf8(t);
}

void TestEvidenceReader::timesAreReadAsQtReadsThem()
{
    QFETCH(QString, text);
    // What parseTime did before it read the canonical form itself.
    std::optional<QDateTime> qt;
    const bool zulu = text.endsWith(QLatin1Char('Z'));
    const bool offset = text.size() >= 6 &&
                        (text.at(text.size() - 6) == QLatin1Char('+') ||
                         text.at(text.size() - 6) == QLatin1Char('-')) &&
                        text.at(text.size() - 3) == QLatin1Char(':');
    if (text.size() >= 20 && text.at(10) == QLatin1Char('T') && (zulu || offset)) {
        const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (t.isValid())
            qt = t.toUTC();
    }
    const auto ours = EvidenceRecord::parseTime(text);
    QCOMPARE(ours.has_value(), qt.has_value());
    if (ours) {
        QCOMPARE(ours->toMSecsSinceEpoch(), qt->toMSecsSinceEpoch());
        QCOMPARE(ours->timeSpec(), Qt::UTC);
    }
}

void TestEvidenceReader::timesAreWrittenAsQtWritesThem_data()
{
    QTest::addColumn<QDateTime>("time");
    const QDate day(2026, 4, 7);
    QTest::newRow("whole second") << QDateTime(day, QTime(10, 0, 0), Qt::UTC);
    QTest::newRow("milliseconds") << QDateTime(day, QTime(9, 8, 7, 6), Qt::UTC);
    QTest::newRow("999 ms") << QDateTime(day, QTime(23, 59, 59, 999), Qt::UTC);
    QTest::newRow("an offset") << QDateTime(day, QTime(1, 30, 0, 250), QTimeZone(3600 * 2));
    QTest::newRow("local time") << QDateTime(day, QTime(12, 0, 0), Qt::LocalTime);
    QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0, 0), Qt::UTC);
    QTest::newRow("year 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 1), Qt::UTC);
    QTest::newRow("year 10000") << QDateTime(QDate(10000, 1, 1), QTime(0, 0, 0), Qt::UTC);
    QTest::newRow("year -5") << QDateTime(QDate(-5, 3, 1), QTime(0, 0, 0), Qt::UTC);
    QTest::newRow("epoch") << QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    QTest::newRow("invalid") << QDateTime();
}

void TestEvidenceReader::timesAreWrittenAsQtWritesThem()
{
    QFETCH(QDateTime, time);
    // What formatTime did before it wrote the digits itself.
    const QDateTime utc = time.toUTC();
    const QString qt =
        utc.toString(utc.time().msec() != 0 ? QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")
                                            : QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    QCOMPARE(EvidenceRecord::formatTime(time), qt);
}

void TestEvidenceReader::badLines_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<QString>("code");
    QTest::newRow("not JSON") << QByteArray("{\"time\":") << "evidence.bad_json";
    QTest::newRow("not an object") << QByteArray("[1,2]") << "evidence.bad_json";
    QTest::newRow("no payload")
        << QByteArray(R"({"time":"2026-04-07T10:05:00Z","attestor":"x","subject":"s"})")
        << "evidence.missing_field";
    QTest::newRow("payload not an object")
        << QByteArray(
               R"({"time":"2026-04-07T10:05:00Z","attestor":"x","subject":"s","payload":"p"})")
        << "evidence.bad_field";
    QTest::newRow("empty attestor")
        << QByteArray(R"({"time":"2026-04-07T10:05:00Z","attestor":"","subject":"s","payload":{}})")
        << "evidence.bad_field";
    QTest::newRow("time without offset")
        << QByteArray(R"({"time":"2026-04-07T10:05:00","attestor":"x","subject":"s","payload":{}})")
        << "evidence.bad_time";
    QTest::newRow("time not a date")
        << QByteArray(
               R"({"time":"yesterday at noon, Z","attestor":"x","subject":"s","payload":{}})")
        << "evidence.bad_time";
    QTest::newRow("time goes backwards")
        << QByteArray(
               R"({"time":"2026-04-07T09:00:00Z","attestor":"x","subject":"s","payload":{}})")
        << "evidence.out_of_order";
}

void TestEvidenceReader::badLines()
{
    QFETCH(QByteArray, bad);
    QFETCH(QString, code);
    QByteArray data = line("2026-04-07T10:00:00Z") + line("2026-04-07T10:01:00Z") + bad + "\n" +
                      line("2026-04-07T10:09:00Z");
    QBuffer b(&data);
    QVERIFY(b.open(QIODevice::ReadOnly));
    auto records = EvidenceReader::readAll(b);
    QVERIFY(!records);
    QCOMPARE(records.error().code, code);
    QVERIFY2(records.error().detail.startsWith(QStringLiteral("line 3: ")),
             qPrintable(records.error().detail));
}

void TestEvidenceReader::importIsAllOrNothing()
{
    AttestationStore store(m_ws->database());
    const qint64 before = store.evidenceCount().value();
    QByteArray data = line("2026-04-07T10:00:00Z") + line("2026-04-07T10:01:00Z") + "{oops\n";
    QBuffer b(&data);
    QVERIFY(b.open(QIODevice::ReadOnly));
    auto n = store.importEvidence(b, QStringLiteral("bad.jsonl"));
    QVERIFY(!n);
    QVERIFY(n.error().detail.startsWith(QStringLiteral("line 3")));
    QCOMPARE(store.evidenceCount().value(), before);
}

void TestEvidenceReader::storeKeepsTimeOrder()
{
    AttestationStore store(m_ws->database());
    QByteArray later =
        line("2026-04-07T11:00:00Z", "node/late") + line("2026-04-07T11:30:00Z", "node/later");
    QByteArray earlier =
        line("2026-04-07T10:00:00Z", "node/early") + line("2026-04-07T11:00:00Z", "node/tie");
    for (QByteArray *data : {&later, &earlier}) {
        QBuffer b(data);
        QVERIFY(b.open(QIODevice::ReadOnly));
        QCOMPARE(store.importEvidence(b, QStringLiteral("f")).value(), 2);
    }
    QStringList order;
    QVERIFY(store.forEachEvidence([&](const EvidenceRecord &r) { order << r.subject; }));
    // Time order across imports; equal times keep import order.
    QCOMPARE(order, (QStringList{QStringLiteral("node/early"), QStringLiteral("node/late"),
                                 QStringLiteral("node/tie"), QStringLiteral("node/later")}));
}

void TestEvidenceReader::readEvidenceDigestsTheRowsItReads()
{
    // A workspace of its own: the others' imports are in the shared one.
    auto ws = Workspace::create(m_dir.filePath(QStringLiteral("read.atlas")), std::nullopt);
    QVERIFY2(ws, ws ? "" : qPrintable(ws.error().toString()));
    AttestationStore store((*ws)->database());
    // Two imports, the second earlier: the records come back in time order.
    QByteArray later =
        line("2026-04-07T11:00:00Z", "node/b") + line("2026-04-07T12:00:00Z", "node/c");
    QByteArray earlier = line("2026-04-07T10:00:00Z", "node/a");
    for (QByteArray *data : {&later, &earlier}) {
        QBuffer b(data);
        QVERIFY(b.open(QIODevice::ReadOnly));
        auto imported = store.importEvidence(b, QStringLiteral("f"));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().toString()));
    }
    QList<qsizetype> asked;
    auto read = store.readEvidence([&](qsizetype done) {
        asked << done;
        return true;
    });
    QVERIFY2(read, read ? "" : qPrintable(read.error().toString()));
    QStringList order;
    for (const EvidenceRecord &r : read->records)
        order << r.subject;
    QCOMPARE(order, (QStringList{QStringLiteral("node/a"), QStringLiteral("node/b"),
                                 QStringLiteral("node/c")}));
    QCOMPARE(asked, (QList<qsizetype>{0, 1, 2}));
    // The digest of the very rows read: the one evidenceDigest() gives, which changes with them.
    QCOMPARE(read->rowsDigest, store.evidenceDigest().value());
    QCOMPARE(store.readEvidence()->rowsDigest, read->rowsDigest);
    QByteArray more = line("2026-04-07T13:00:00Z", "node/d");
    QBuffer m(&more);
    QVERIFY(m.open(QIODevice::ReadOnly));
    QCOMPARE(store.importEvidence(m, QStringLiteral("g")).value(), 1);
    QVERIFY(store.readEvidence()->rowsDigest != read->rowsDigest);
    // Told to stop, it returns nothing.
    auto stopped = store.readEvidence([](qsizetype done) { return done < 2; });
    QVERIFY(!stopped);
    QCOMPARE(stopped.error().code, QStringLiteral("store.cancelled"));
}

void TestEvidenceReader::lineLengthLimit_data()
{
    const qsizetype limit = EvidenceReader::kMaxLineBytes;
    QTest::addColumn<QByteArray>("big");
    QTest::addColumn<QString>("code");
    QTest::newRow("at the limit") << recordOfSize(limit) + "\n" << QString();
    QTest::newRow("at the limit, CRLF") << recordOfSize(limit) + "\r\n" << QString();
    QTest::newRow("at the limit, last line without a break") << recordOfSize(limit) << QString();
    QTest::newRow("one byte over") << recordOfSize(limit + 1) + "\n"
                                   << QStringLiteral("evidence.line_too_long");
    QTest::newRow("three times over, no break")
        << recordOfSize(3 * limit) << QStringLiteral("evidence.line_too_long");
}

// The reader reuses one buffer for every line: records right at the limit are read whole and
// alike, one byte more is refused at its line, and the lines around a long one are intact.
void TestEvidenceReader::lineLengthLimit()
{
    QFETCH(QByteArray, big);
    QFETCH(QString, code);
    // Without a line break, the big record ends the file; else another record follows it.
    const bool endsFile = !big.endsWith('\n');
    QByteArray data = line("2026-04-07T10:00:00Z") + line("2026-04-07T10:01:00Z", "node/b") + big;
    if (!endsFile)
        data += line("2026-04-07T10:03:00Z", "node/c");
    QBuffer b(&data);
    QVERIFY(b.open(QIODevice::ReadOnly));
    QStringList seen;
    auto n = EvidenceReader::forEach(b, [&](const EvidenceRecord &r) -> Result<void> {
        seen << r.subject;
        return {};
    });
    if (!code.isEmpty()) {
        QVERIFY(!n);
        QCOMPARE(n.error().code, code);
        QCOMPARE(n.error().line, 3);
        QCOMPARE(seen, (QStringList{QStringLiteral("node/a"), QStringLiteral("node/b")}));
        return;
    }
    QVERIFY2(n, n ? "" : qPrintable(n.error().toString()));
    QStringList expected{QStringLiteral("node/a"), QStringLiteral("node/b"),
                         QStringLiteral("node/p")};
    if (endsFile) {
        QCOMPARE(*n, 3);
    } else {
        expected << QStringLiteral("node/c");
        QCOMPARE(*n, 4);
    }
    QCOMPARE(seen, expected);
}

void TestEvidenceReader::linesAcrossChunks_data()
{
    QTest::addColumn<qint64>("step");
    QTest::newRow("a file (its own chunks)") << qint64(1);
    QTest::newRow("7 bytes a read") << qint64(7);
    QTest::newRow("4093 bytes a read") << qint64(4093);
    QTest::newRow("100,000 bytes a read") << qint64(100000);
}

// The reader reads in chunks of its own: a line cut by a chunk's end, by a short read of a pipe,
// or both, is read whole, and each record keeps its line number.
void TestEvidenceReader::linesAcrossChunks()
{
    QFETCH(qint64, step);
    const int count = 600;
    const QByteArray data = unevenRecords(count);
    QVERIFY(data.size() > 3 * (qsizetype(1) << 18));
    QStringList subjects;
    QList<qint64> lines;
    const auto sink = [&](const EvidenceRecord &r) -> Result<void> {
        subjects << r.subject;
        lines << r.line;
        return {};
    };
    Result<qint64> n = qint64(0);
    if (step == 1) {
        QFile f(m_dir.filePath(QStringLiteral("uneven.jsonl")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(data), data.size());
        f.close();
        QVERIFY(f.open(QIODevice::ReadOnly));
        n = EvidenceReader::forEach(f, sink);
    } else {
        Trickle t(data, step);
        QVERIFY(t.open(QIODevice::ReadOnly));
        n = EvidenceReader::forEach(t, sink);
    }
    QVERIFY2(n, n ? "" : qPrintable(n.error().toString()));
    QCOMPARE(*n, count);
    QCOMPARE(subjects.size(), count);
    qint64 expectedLine = 0;
    for (int i = 0; i < count; ++i) {
        ++expectedLine;
        QCOMPARE(subjects.at(i), QStringLiteral("node/r%1").arg(i));
        QCOMPARE(lines.at(i), expectedLine);
        if (i % 11 == 0)
            ++expectedLine; // the blank line after it
    }
}

// A device that fails mid-way: the error is the device's, at the line being read, and the
// records before it were all delivered.
void TestEvidenceReader::deviceErrorNamesItsLine()
{
    QByteArray data;
    for (int i = 0; i < 3; ++i)
        data += line("2026-04-07T10:00:00Z", "node/ok");
    const qint64 failAt = data.size() + 10; // within the fourth line
    data += line("2026-04-07T10:05:00Z", "node/late");
    Trickle t(data, 16, failAt);
    QVERIFY(t.open(QIODevice::ReadOnly));
    int seen = 0;
    auto n = EvidenceReader::forEach(t, [&](const EvidenceRecord &) -> Result<void> {
        ++seen;
        return {};
    });
    QVERIFY(!n);
    QCOMPARE(n.error().code, QStringLiteral("evidence.unreadable"));
    QCOMPARE(n.error().line, 4);
    QVERIFY2(n.error().detail.contains(QStringLiteral("the pipe broke")),
             qPrintable(n.error().detail));
    QCOMPARE(seen, 3);
}

void TestEvidenceReader::countRecordLines_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<qint64>("count");
    QTest::newRow("empty") << QByteArray() << qint64(0);
    QTest::newRow("blank lines only") << QByteArray("\n  \n\t\r\n") << qint64(0);
    QTest::newRow("one without a final break") << QByteArray("{}") << qint64(1);
    QTest::newRow("blank lines skipped") << QByteArray("{}\n\n {} \r\n\n{}\n") << qint64(3);
    QTest::newRow("bad lines count too") << QByteArray("nope\n{\n") << qint64(2);
    // More than one read chunk (1 MiB), with a line across the boundary.
    QByteArray big;
    const QByteArray line = QByteArray(999, 'x') + '\n';
    for (int i = 0; i < 2000; ++i)
        big += line;
    QTest::newRow("across chunks") << big << qint64(2000);
}

void TestEvidenceReader::countRecordLines()
{
    QFETCH(QByteArray, data);
    QFETCH(qint64, count);
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QCOMPARE(EvidenceReader::countRecordLines(buffer), count);
    QVERIFY(buffer.atEnd());
}

void TestEvidenceReader::estimateRecordLines()
{
    // Within its sample, the estimate is the count, from wherever the device stands, and the
    // device is left where it stood.
    QByteArray small("{}\n\n {} \r\n\n{}\n");
    QBuffer b(&small);
    QVERIFY(b.open(QIODevice::ReadOnly));
    QCOMPARE(EvidenceReader::estimateRecordLines(b), qint64(3));
    QCOMPARE(b.pos(), qint64(0));
    QVERIFY(b.seek(3));
    QCOMPARE(EvidenceReader::estimateRecordLines(b), qint64(2));
    QCOMPARE(b.pos(), qint64(3));
    QVERIFY(b.seek(small.size()));
    QCOMPARE(EvidenceReader::estimateRecordLines(b), qint64(0));

    // Past its sample, the sample's lines scaled by the bytes left: 300 lines of 1,000 bytes
    // between 300 of 2,000 read as 600 from a quarter, as 300 from a tenth of the second half,
    // and three such files end to end as 1,800 from the first.
    QByteArray even;
    for (int i = 0; i < 300; ++i)
        even += QByteArray(999, 'x') + '\n' + QByteArray(1999, 'y') + '\n';
    QBuffer e(&even);
    QVERIFY(e.open(QIODevice::ReadOnly));
    QCOMPARE(EvidenceReader::estimateRecordLines(e, 225000), qint64(600));
    QCOMPARE(e.pos(), qint64(0));
    QVERIFY(e.seek(450000));
    QCOMPARE(EvidenceReader::estimateRecordLines(e, 90000), qint64(300));
    QCOMPARE(e.pos(), qint64(450000));
    QByteArray tiled;
    for (int i = 0; i < 3; ++i)
        tiled += even;
    QBuffer t(&tiled);
    QVERIFY(t.open(QIODevice::ReadOnly));
    QCOMPARE(EvidenceReader::estimateRecordLines(t, even.size()), qint64(1800));

    // A device that cannot be sought back is not read.
    QProcess pipe;
    pipe.start(QStringLiteral("printf"), {QStringLiteral("{}\\n{}\\n")});
    QVERIFY(pipe.waitForFinished());
    QCOMPARE(EvidenceReader::estimateRecordLines(pipe), qint64(0));
    QCOMPARE(pipe.readAll(), QByteArray("{}\n{}\n"));
}

QTEST_GUILESS_MAIN(TestEvidenceReader)
#include "tst_evidencereader.moc"
