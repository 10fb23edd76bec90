// SPDX-License-Identifier: Apache-2.0
// PlainJson, the reading of plainly written JSON objects without Qt's parser, held to Qt's
// reading: wherever it reads a text, Qt's parser must read the same members from it; and it must
// read the claims the recorders write, or the speed it exists for is lost without a sign.
#include "core/attestation/PlainJson.h"
#include "tests/fuzz/PlainJsonAgreement.h"

#include <QJsonDocument>
#include <QTest>

using namespace ta::core;

namespace {

const QByteArray kClaims =
    R"({"claims":{"image":"registry.lab.example/team2/app2@sha256:1233"},"iat":1793491381,)"
    R"("jti":"lab-1-2","selectors":["docker:label:app:app-3262","docker:image_id:sha256:12"],)"
    R"("sub":"workload/app-3262"})";

} // namespace

class TestPlainJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheRecordersClaims();
    void readsAsQt_data();
    void readsAsQt();
    void declines_data();
    void declines();
    void everyChangeOfOneByteIsReadAsQtOrDeclined();
    void stringObjectGivesEachMember();
    void plainStringEndStopsAtTheFirstStopByte();
};

void TestPlainJson::readsTheRecordersClaims()
{
    const auto members = PlainJson::object(kClaims);
    QVERIFY(members);
    QCOMPARE(members->size(), 5);
    const PlainJson::Member *iat = PlainJson::find(*members, QLatin1StringView("iat"));
    QVERIFY(iat);
    QCOMPARE(iat->kind, PlainJson::Member::Kind::Integer);
    QCOMPARE(PlainJson::integer(iat->text), 1793491381);
    const PlainJson::Member *selectors = PlainJson::find(*members, QLatin1StringView("selectors"));
    QVERIFY(selectors);
    QCOMPARE(PlainJson::strings(selectors->text),
             (QStringList{QStringLiteral("docker:label:app:app-3262"),
                          QStringLiteral("docker:image_id:sha256:12")}));
    const PlainJson::Member *claims = PlainJson::find(*members, QLatin1StringView("claims"));
    QVERIFY(claims);
    QCOMPARE(claims->kind, PlainJson::Member::Kind::StringObject);
    QCOMPARE(QString(claims->text),
             QStringLiteral(R"({"image":"registry.lab.example/team2/app2@sha256:1233"})"));
    QVERIFY(!PlainJson::find(*members, QLatin1StringView("exp")));
    QCOMPARE(plainJsonDisagreement(kClaims, *members), QString());
}

void TestPlainJson::readsAsQt_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("zero") << QByteArray(R"({"n":0})");
    QTest::newRow("fifteen digits") << QByteArray(R"({"n":999999999999999})");
    QTest::newRow("empty array and object") << QByteArray(R"({"a":[],"o":{}})");
    QTest::newRow("empty name and string") << QByteArray(R"({"":""})");
    QTest::newRow("printable ASCII") << QByteArray(R"({"s":" !#$%&'()*+,-./:;<=>?@[]^_`{|}~"})");
    QTest::newRow("names that differ by case") << QByteArray(R"({"a":"1","A":"2"})");
    QTest::newRow("sixteen members")
        << QByteArray(R"({"a":1,"b":1,"c":1,"d":1,"e":1,"f":1,"g":1,"h":1,"i":1,"j":1,"k":1,)"
                      R"("l":1,"m":1,"n":1,"o":1,"p":1})");
    QTest::newRow("the recorders' claims") << kClaims;
}

void TestPlainJson::readsAsQt()
{
    QFETCH(QByteArray, json);
    const auto members = PlainJson::object(json);
    QVERIFY(members);
    QCOMPARE(plainJsonDisagreement(json, *members), QString());
}

void TestPlainJson::declines_data()
{
    // Everything else goes to Qt's parser, whether Qt reads it or not.
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("an array") << QByteArray(R"(["a"])");
    QTest::newRow("white space") << QByteArray(R"({"a": "b"})");
    QTest::newRow("white space at the end") << QByteArray("{\"a\":\"b\"}\n");
    QTest::newRow("an escape") << QByteArray(R"({"a":"b\"c"})");
    QTest::newRow("an escaped name") << QByteArray(R"({"\u0061":"b"})");
    QTest::newRow("UTF-8") << QByteArray("{\"a\":\"\xc3\xa9\"}");
    QTest::newRow("a control character") << QByteArray("{\"a\":\"\t\"}");
    QTest::newRow("DEL") << QByteArray("{\"a\":\"\x7f\"}");
    QTest::newRow("a leading zero") << QByteArray(R"({"n":01})");
    QTest::newRow("sixteen digits") << QByteArray(R"({"n":1000000000000000})");
    QTest::newRow("a sign") << QByteArray(R"({"n":-1})");
    QTest::newRow("a fraction") << QByteArray(R"({"n":1.5})");
    QTest::newRow("an exponent") << QByteArray(R"({"n":1e3})");
    QTest::newRow("true") << QByteArray(R"({"b":true})");
    QTest::newRow("null") << QByteArray(R"({"b":null})");
    QTest::newRow("a number in an array") << QByteArray(R"({"a":[1]})");
    QTest::newRow("an object in an object") << QByteArray(R"({"o":{"p":{}}})");
    QTest::newRow("a number in an object") << QByteArray(R"({"o":{"p":1}})");
    QTest::newRow("a duplicate name") << QByteArray(R"({"a":"1","a":"2"})");
    QTest::newRow("a duplicate name inside") << QByteArray(R"({"o":{"a":"1","a":"2"}})");
    QTest::newRow("seventeen members")
        << QByteArray(R"({"a":1,"b":1,"c":1,"d":1,"e":1,"f":1,"g":1,"h":1,"i":1,"j":1,"k":1,)"
                      R"("l":1,"m":1,"n":1,"o":1,"p":1,"q":1})");
    QTest::newRow("a trailing comma") << QByteArray(R"({"a":"b",})");
    QTest::newRow("a trailing comma in an array") << QByteArray(R"({"a":["b",]})");
    QTest::newRow("text after the object") << QByteArray(R"({"a":"b"}x)");
    QTest::newRow("two objects") << QByteArray(R"({"a":"b"}{})");
    QTest::newRow("no colon") << QByteArray(R"({"a""b"})");
    QTest::newRow("no value") << QByteArray(R"({"a":})");
    QTest::newRow("unterminated string") << QByteArray(R"({"a":"b})");
    QTest::newRow("unterminated array") << QByteArray(R"({"a":["b"})");
    QTest::newRow("a bare name") << QByteArray(R"({a:"b"})");
}

void TestPlainJson::declines()
{
    QFETCH(QByteArray, json);
    QVERIFY(!PlainJson::object(json));
}

void TestPlainJson::everyChangeOfOneByteIsReadAsQtOrDeclined()
{
    // Each byte of the recorders' claims replaced by each byte that matters to JSON, then
    // removed: whatever PlainJson still reads, Qt's parser reads alike.
    int read = 0;
    int declined = 0;
    QString first;
    forEachOneByteChange(kClaims, [&](const QByteArray &json) {
        const auto members = PlainJson::object(json);
        if (!members) {
            ++declined;
            return;
        }
        ++read;
        const QString why = plainJsonDisagreement(json, *members);
        if (!why.isEmpty() && first.isEmpty())
            first = QString::fromLatin1(json.toHex()) + QStringLiteral(": ") + why;
    });
    QVERIFY2(first.isEmpty(), qPrintable(first));
    // Both kinds occur: changes inside strings and digits stay plain, structural ones do not.
    QVERIFY2(read > 1000, qPrintable(QString::number(read)));
    QVERIFY2(declined > 1000, qPrintable(QString::number(declined)));
}

void TestPlainJson::stringObjectGivesEachMember()
{
    const QByteArray json = R"({"a":"1","b":"2"},)";
    qsizetype at = 0;
    QStringList seen;
    QVERIFY(PlainJson::stringObject(json, at, [&](QLatin1StringView name, QLatin1StringView value) {
        seen << QString(name) + QLatin1Char('=') + QString(value);
    }));
    QCOMPARE(at, json.size() - 1);
    QCOMPARE(seen, (QStringList{QStringLiteral("a=1"), QStringLiteral("b=2")}));
    at = 0;
    QVERIFY(
        !PlainJson::stringObject(R"({"a":1})", at, [](QLatin1StringView, QLatin1StringView) {}));
}

void TestPlainJson::plainStringEndStopsAtTheFirstStopByte()
{
    // The scan takes sixteen bytes a step where it can, and the rest one at a time: every byte
    // value at every place of texts of every length up to three steps, from starts at every
    // alignment, with a second stop byte after the first, against the rule read one byte at a
    // time.
    const auto stops = [](unsigned char c) {
        return c == '"' || c < 0x20 || c > 0x7e || c == '\\';
    };
    int checked = 0;
    for (int offset = 0; offset < 16; offset += 5) {
        for (qsizetype size = 0; size <= 50; ++size) {
            QByteArray buffer(offset + size + 16, 'a');
            char *begin = buffer.data() + offset;
            char *end = begin + size;
            // Past the end: a stop the scan must not see.
            *end = '"';
            QCOMPARE(PlainJson::plainStringEnd(begin, end), end);
            for (qsizetype i = 0; i < size; ++i) {
                for (int b = 0; b < 256; ++b) {
                    begin[i] = char(b);
                    if (i + 1 < size)
                        begin[size - 1] = '\\';
                    const char *want = end;
                    for (const char *p = begin; p < end; ++p) {
                        if (stops(static_cast<unsigned char>(*p))) {
                            want = p;
                            break;
                        }
                    }
                    if (PlainJson::plainStringEnd(begin, end) != want)
                        QFAIL(qPrintable(QStringLiteral("offset %1, size %2, byte 0x%3 at %4")
                                             .arg(offset)
                                             .arg(size)
                                             .arg(b, 2, 16, QLatin1Char('0'))
                                             .arg(i)));
                    ++checked;
                    begin[size - 1] = 'a';
                    begin[i] = 'a';
                }
            }
        }
    }
    QVERIFY(checked > 100000);
    // The token a workload record carries: one scan to its closing quote.
    QByteArray line = "\"" + QByteArray(1500, 'x') + "\",";
    qsizetype at = 0;
    const auto token = PlainJson::string(line, at);
    QVERIFY(token);
    QCOMPARE(token->size(), 1500);
    QCOMPARE(at, 1502);
    line[700] = '\x7f';
    at = 0;
    QVERIFY(!PlainJson::string(line, at));
}

QTEST_GUILESS_MAIN(TestPlainJson)
#include "tst_plainjson.moc"
