// SPDX-License-Identifier: Apache-2.0
// EvidenceRecord::fromCanonicalLine, the reading of plain evidence lines without Qt's JSON
// parser, held to Qt's reading: wherever it reads a line, Qt's parser must read the same record
// from it with no duplicate names, and the payload it keeps as the line's bytes (EvidencePayload)
// must read, member by member, as the object Qt builds; and it must read the plain lines
// recorders write, or the speed it exists for is lost without a sign.
#include "core/JsonInput.h"
#include "core/attestation/EvidenceReader.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/attestation/EvidenceVerifier.h"
#include "core/crypto/Jose.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTest>

using namespace ta::core;

namespace {

/// The record Qt's parser reads from @p line, as EvidenceRecord::fromJsonLine did before the
/// plain form was read apart, with the duplicate-name check EvidenceReader adds; nullopt where
/// either refuses the line.
std::optional<EvidenceRecord> readByQt(const QByteArray &line)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject() ||
        !JsonInput::checkDuplicateKeys(line))
        return std::nullopt;
    const QJsonObject o = doc.object();
    const QJsonValue time = o.value(QLatin1String("time"));
    const QJsonValue attestor = o.value(QLatin1String("attestor"));
    const QJsonValue subject = o.value(QLatin1String("subject"));
    const QJsonValue payload = o.value(QLatin1String("payload"));
    if (!time.isString() || !attestor.isString() || attestor.toString().isEmpty() ||
        !subject.isString() || subject.toString().isEmpty() || !payload.isObject())
        return std::nullopt;
    const auto t = EvidenceRecord::parseTime(time.toString());
    if (!t)
        return std::nullopt;
    EvidenceRecord r;
    r.time = *t;
    r.attestor = attestor.toString();
    r.subject = subject.toString();
    r.payload = payload.toObject();
    return r;
}

/// Whether @p a reads as @p b, an object as Qt's parser built it, through every accessor: the
/// object, each member's value and Latin-1 bytes, and a member neither has.
bool samePayload(const EvidencePayload &a, const QJsonObject &b)
{
    if (a.object() != b || a.keys() != b.keys() || a.size() != b.size() ||
        a.isEmpty() != b.isEmpty())
        return false;
    for (const QString &key : b.keys()) {
        const QByteArray name = key.toLatin1();
        const QLatin1StringView n(name);
        if (!a.contains(n) || a.value(n) != b.value(key) ||
            a.latin1(n) != b.value(key).toString().toLatin1())
            return false;
    }
    const QLatin1StringView absent("no such member");
    return !a.contains(absent) && a.value(absent).isUndefined() && a.latin1(absent).isEmpty();
}

bool same(const EvidenceRecord &a, const EvidenceRecord &b)
{
    return a.time == b.time && a.time.timeSpec() == b.time.timeSpec() && a.attestor == b.attestor &&
           a.subject == b.subject && a.payload == b.payload &&
           a.payload.keys() == b.payload.keys() && samePayload(a.payload, b.payload.object());
}

/// The plain reading of @p line both ways, the payload sharing the line's bytes and copying
/// them; nullopt when it declines the line, and a failed check when the two ways differ.
std::optional<EvidenceRecord> readPlain(const QByteArray &line)
{
    auto shared = EvidenceRecord::fromCanonicalLine(line);
    // A copy in a larger buffer: the copied payload's members must be found from its own start.
    const QByteArray padded = "xx" + line + "yy";
    auto copied = EvidenceRecord::fromCanonicalLine(QByteArrayView(padded).sliced(2, line.size()));
    if (shared.has_value() != copied.has_value() || (shared && !same(*shared, *copied)) ||
        (shared && (!shared->payload.isPlain() || !copied->payload.isPlain())))
        qFatal("the two plain readings differ: %s", line.constData());
    return shared;
}

const QByteArray kWorkload =
    R"({"attestor":"k8s","payload":{"jws":"eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"},)"
    R"("subject":"workload/app-1","time":"2026-11-01T00:00:01.250Z"})";

} // namespace

class TestCanonicalLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsWhatQtReads_data();
    void readsWhatQtReads();
    void everyByteChangedStillAgrees();
    void everyPlainByteIsRead();
    void everyCutStillAgrees();
    void readerTakesEitherWay();
    void hostileLineOfManyMembers();
    void anObjectPayloadReadsAsItsObject();
    void aBuiltinAttestorNameIsALiteral();
};

void TestCanonicalLine::readsWhatQtReads_data()
{
    QTest::addColumn<QByteArray>("line");
    // Whether the plain reading must take the line; false means it must leave it to Qt.
    QTest::addColumn<bool>("plain");
    QTest::newRow("workload, as the lab writes") << kWorkload << true;
    QTest::newRow("members in another order")
        << QByteArray(R"({"time":"2026-11-01T00:00:01Z","subject":"s","attestor":"a",)"
                      R"("payload":{"b":"2","a":"1"}})")
        << true;
    QTest::newRow("empty payload")
        << QByteArray(
               R"({"time":"2026-11-01T00:00:01Z","attestor":"a","subject":"s","payload":{}})")
        << true;
    QTest::newRow("empty payload string")
        << QByteArray(
               R"({"time":"2026-11-01T00:00:01Z","attestor":"a","subject":"s","payload":{"":""}})")
        << true;
    QTest::newRow("white space")
        << QByteArray(
               R"({ "time":"2026-11-01T00:00:01Z","attestor":"a","subject":"s","payload":{}})")
        << false;
    QTest::newRow("an escape")
        << QByteArray(
               R"({"time":"2026-11-01T00:00:01Z","attestor":"a\u0062","subject":"s","payload":{}})")
        << false;
    QTest::newRow("non-ASCII")
        << QByteArray("{\"time\":\"2026-11-01T00:00:01Z\",\"attestor\":\"a\",\"subject\":"
                      "\"\xc3\xa9\",\"payload\":{}}")
        << false;
    QTest::newRow("invalid UTF-8")
        << QByteArray("{\"time\":\"2026-11-01T00:00:01Z\",\"attestor\":\"a\",\"subject\":"
                      "\"\xff\",\"payload\":{}}")
        << false;
    QTest::newRow("nested payload")
        << QByteArray(R"({"time":"2026-11-01T00:00:01Z","attestor":"a","subject":"s",)"
                      R"("payload":{"node":{"a":"b"}}})")
        << false;
    QTest::newRow("number in payload")
        << QByteArray(
               R"({"time":"2026-11-01T00:00:01Z","attestor":"a","subject":"s","payload":{"n":1}})")
        << false;
    QTest::newRow("extra member")
        << QByteArray(R"({"time":"2026-11-01T00:00:01Z","attestor":"a","subject":"s","payload":{},)"
                      R"("x":"y"})")
        << false;
    QTest::newRow("duplicate member")
        << QByteArray(R"({"time":"2026-11-01T00:00:01Z","attestor":"a","attestor":"b",)"
                      R"("subject":"s","payload":{}})")
        << false;
    QTest::newRow("duplicate payload name")
        << QByteArray(R"({"time":"2026-11-01T00:00:01Z","attestor":"a","subject":"s",)"
                      R"("payload":{"k":"1","k":"2"}})")
        << false;
    QTest::newRow("duplicate payload")
        << QByteArray(R"({"time":"2026-11-01T00:00:01Z","attestor":"a","subject":"s",)"
                      R"("payload":{},"payload":{}})")
        << false;
    QTest::newRow("empty attestor")
        << QByteArray(R"({"time":"2026-11-01T00:00:01Z","attestor":"","subject":"s","payload":{}})")
        << false;
    QTest::newRow("time with an offset")
        << QByteArray(
               R"({"time":"2026-11-01T01:00:01+01:00","attestor":"a","subject":"s","payload":{}})")
        << true;
    QTest::newRow("time without offset")
        << QByteArray(R"({"time":"2026-11-01T00:00:01","attestor":"a","subject":"s","payload":{}})")
        << false;
    QTest::newRow("missing payload")
        << QByteArray(R"({"time":"2026-11-01T00:00:01Z","attestor":"a","subject":"s"})") << false;
    QTest::newRow("trailing bytes")
        << QByteArray(
               R"({"time":"2026-11-01T00:00:01Z","attestor":"a","subject":"s","payload":{}}x)")
        << false;
    QTest::newRow("trailing comma")
        << QByteArray(
               R"({"time":"2026-11-01T00:00:01Z","attestor":"a","subject":"s","payload":{},})")
        << false;
    const auto members = [](int n) {
        QByteArray line =
            R"({"time":"2026-11-01T00:00:01Z","attestor":"a","subject":"s","payload":{)";
        for (int i = 0; i < n; ++i)
            line += (i ? "," : "") + QByteArray(R"("m)") + QByteArray::number(i) + R"(":"v")";
        return line + "}}";
    };
    QTest::newRow("16 payload members") << members(16) << true;
    // More go to Qt's parser, whose reading does not grow with the square of the members.
    QTest::newRow("17 payload members") << members(17) << false;
    QTest::newRow("empty object") << QByteArray("{}") << false;
    QTest::newRow("not JSON") << QByteArray("{\"time\":") << false;
}

void TestCanonicalLine::readsWhatQtReads()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, plain);
    const auto fast = readPlain(line);
    const auto qt = readByQt(line);
    QCOMPARE(fast.has_value(), plain);
    if (fast) {
        QVERIFY(qt);
        QVERIFY(same(*fast, *qt));
    }
    // fromJsonLine reads what Qt reads, by either way.
    const auto read = EvidenceRecord::fromJsonLine(line);
    if (qt && read)
        QVERIFY(same(*read, *qt));
    if (plain)
        QVERIFY(read);
}

void TestCanonicalLine::everyByteChangedStillAgrees()
{
    // Each byte of a plain line replaced by each byte that matters to JSON or to the plain
    // form: wherever the plain reading still reads the line, Qt reads the same record.
    static const char swaps[] = {'"',    '\\',   ',',    ':',    '{',    '}',    '[',
                                 ' ',    '\t',   'a',    '0',    '.',    'Z',    '+',
                                 '\x01', '\x1f', '\x7f', '\x80', '\xc3', '\xff', '\0',
                                 '\x5b', '\x5d', '\x7e', '\xdc', '\xa0', '\x9f', '\x20'};
    int readAsPlain = 0;
    for (qsizetype i = 0; i < kWorkload.size(); ++i) {
        for (const char c : swaps) {
            QByteArray line = kWorkload;
            line[i] = c;
            const auto fast = readPlain(line);
            if (!fast)
                continue;
            ++readAsPlain;
            const auto qt = readByQt(line);
            QVERIFY2(
                qt,
                qPrintable(QStringLiteral("byte %1 as %2: Qt refuses").arg(i).arg(int(uchar(c)))));
            QVERIFY2(
                same(*fast, *qt),
                qPrintable(
                    QStringLiteral("byte %1 as %2: records differ").arg(i).arg(int(uchar(c)))));
        }
    }
    // Changes inside the strings keep most lines plain: the comparison above did compare.
    QVERIFY2(readAsPlain > 100, qPrintable(QString::number(readAsPlain)));
}

void TestCanonicalLine::everyPlainByteIsRead()
{
    // Every printable ASCII byte but the quote and the backslash, at every offset of a string
    // (so at every place in the eight-byte steps of its scan), keeps the line plain: the scan
    // flags no byte wrongly.
    const qsizetype jws = kWorkload.indexOf("eyJ");
    QVERIFY(jws > 0);
    for (int c = 0x20; c < 0x7f; ++c) {
        if (c == '"' || c == '\\')
            continue;
        for (qsizetype i = jws; i < jws + 24; ++i) {
            QByteArray line = kWorkload;
            line[i] = char(c);
            const auto fast = readPlain(line);
            QVERIFY2(fast, qPrintable(QStringLiteral("byte %1 at %2").arg(c).arg(i)));
            QVERIFY(same(*fast, *readByQt(line)));
        }
    }
}

void TestCanonicalLine::everyCutStillAgrees()
{
    for (qsizetype n = 0; n < kWorkload.size(); ++n) {
        const QByteArray cut = kWorkload.first(n);
        QVERIFY2(!EvidenceRecord::fromCanonicalLine(cut), qPrintable(QString::number(n)));
        QVERIFY(!EvidenceRecord::fromJsonLine(cut));
    }
}

void TestCanonicalLine::readerTakesEitherWay()
{
    // A file mixing plain lines, lines for Qt's parser, and a duplicate name at the end that
    // only the general way's check can see: every record read, in order, then the refusal.
    QByteArray data = kWorkload + "\n";
    data += R"({"time":"2026-11-01T00:00:02Z","attestor":"tpm","subject":"node/a",)"
            R"("payload":{"quote":{"pcr":"7"}}})"
            "\n";
    data += "\r\n   \n";
    data += R"({"time":"2026-11-01T00:00:03Z","attestor":"a","subject":"s","payload":{}})"
            "\r\n";
    QByteArray ok = data;
    QBuffer b(&ok);
    QVERIFY(b.open(QIODevice::ReadOnly));
    const auto records = EvidenceReader::readAll(b);
    QVERIFY2(records, qPrintable(records ? QString() : records.error().toString()));
    QCOMPARE(records->size(), 3);
    QCOMPARE(records->at(0).line, 1);
    QCOMPARE(records->at(1).payload.value(QLatin1String("quote")).toObject().value("pcr"),
             QJsonValue(QStringLiteral("7")));
    QCOMPARE(records->at(2).line, 5);
    QVERIFY(same(records->at(0), *readByQt(kWorkload)));
    // The plain lines keep their payloads as bytes, the reader's own buffer copied out of; the
    // line for Qt's parser has an object.
    QVERIFY(records->at(0).payload.isPlain());
    QVERIFY(!records->at(1).payload.isPlain());
    QVERIFY(records->at(2).payload.isPlain());
    QCOMPARE(records->at(0).payload.latin1(QLatin1StringView("jws")),
             QByteArray("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"));
    // The token is the line's bytes, shared, not copied; so is the JWS's signing input.
    QByteArray token = records->at(0).payload.latin1(QLatin1StringView("jws"));
    QVERIFY(!token.isDetached());
    const char *tokenAt = token.constData();
    const auto jws = Jose::splitCompact(std::move(token));
    QVERIFY(jws);
    QCOMPARE(jws->signingInput, QByteArray("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0"));
    QVERIFY(jws->signingInput.constData() == tokenAt);
    // A workspace's rows are read through fromJsonLine: plain too.
    const auto row = EvidenceRecord::fromJsonLine(kWorkload);
    QVERIFY(row && row->payload.isPlain() && same(*row, *readByQt(kWorkload)));

    data += R"({"time":"2026-11-01T00:00:04Z","attestor":"a","subject":"s",)"
            R"("payload":{"n":{"k":1,"k":2}}})"
            "\n";
    QBuffer bad(&data);
    QVERIFY(bad.open(QIODevice::ReadOnly));
    const auto refused = EvidenceReader::readAll(bad);
    QVERIFY(!refused);
    QVERIFY2(refused.error().detail.startsWith(QStringLiteral("line 6: ")),
             qPrintable(refused.error().detail));
}

void TestCanonicalLine::hostileLineOfManyMembers()
{
    // 60,000 plain members in under a megabyte: past the plain form's cap, so Qt's parser reads
    // them in moments. Compared name by name in the plain reading they took 2 s (30 times as
    // long), and that time grows with the square of the members.
    QByteArray data = R"({"time":"2026-11-01T00:00:01Z","attestor":"a","subject":"s","payload":{)";
    for (int i = 0; i < 60000; ++i)
        data += (i ? "," : "") + QByteArray(R"("m)") + QByteArray::number(i) + R"(":"")";
    data += "}}";
    QVERIFY(data.size() < 1 << 20);
    QVERIFY(!EvidenceRecord::fromCanonicalLine(data));
    QBuffer b(&data);
    QVERIFY(b.open(QIODevice::ReadOnly));
    const auto records = EvidenceReader::readAll(b);
    QVERIFY(records);
    QCOMPARE(records->first().payload.size(), 60000);
}

void TestCanonicalLine::anObjectPayloadReadsAsItsObject()
{
    // A payload a writer built (a lab, the general way): every accessor is its object's, what
    // the attestors read before payloads were kept as bytes, whatever the member's type.
    const QJsonObject object{{QStringLiteral("token"), QStringLiteral("abc")},
                             {QStringLiteral("latin"), QStringLiteral("caf\u00e9")},
                             {QStringLiteral("wide"), QStringLiteral("\u4e2d")},
                             {QStringLiteral("number"), 7},
                             {QStringLiteral("list"), QJsonArray{QStringLiteral("a")}},
                             {QStringLiteral("object"), QJsonObject{{QStringLiteral("k"), 1}}}};
    const EvidencePayload payload = object;
    QVERIFY(!payload.isPlain());
    QVERIFY(samePayload(payload, object));
    QCOMPARE(payload.latin1(QLatin1StringView("latin")), QByteArray("caf\xe9"));
    QCOMPARE(payload.latin1(QLatin1StringView("wide")), QByteArray("?"));
    QVERIFY(payload.latin1(QLatin1StringView("number")).isEmpty());
    // A plain payload equals the object it reads as, and not another.
    const auto plain = readPlain(kWorkload);
    QVERIFY(plain);
    const QJsonObject jws{
        {QStringLiteral("jws"), QStringLiteral("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")}};
    QVERIFY(plain->payload == EvidencePayload(jws));
    QVERIFY(plain->payload !=
            EvidencePayload(QJsonObject{{QStringLiteral("jws"), QStringLiteral("x")}}));
}

QTEST_GUILESS_MAIN(TestCanonicalLine)
void TestCanonicalLine::aBuiltinAttestorNameIsALiteral()
{
    // Every attestor the verifier has comes back as a literal (nothing allocated, no reference
    // count to share between threads); any other name as a copy of its text.
    QStringList names = EvidenceVerifier::builtinAttestorNames();
    QVERIFY(names.size() >= 12);
    names << QStringLiteral("custom_attestor");
    for (const QString &name : std::as_const(names)) {
        QByteArray line = kWorkload;
        line.replace(R"("attestor":"k8s")", R"("attestor":")" + name.toLatin1() + '"');
        const auto record = EvidenceRecord::fromCanonicalLine(line);
        QVERIFY2(record, qPrintable(name));
        QCOMPARE(record->attestor, name);
        const bool builtin = name != QLatin1StringView("custom_attestor");
        QString attestor = record->attestor;
        QCOMPARE(attestor.data_ptr().d_ptr() == nullptr, builtin);
    }
}

#include "tst_canonicalline.moc"
