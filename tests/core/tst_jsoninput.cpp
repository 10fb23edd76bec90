// SPDX-License-Identifier: Apache-2.0
// JsonInput: JSON from outside whose meaning depends on which of two same-named members wins is
// refused, however the names are spelled.
#include "core/JsonInput.h"

#include <QTest>

using namespace ta::core;

class TestJsonInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

namespace {

// An object of @p count members k0, k1, ..., then @p last when there is one.
QByteArray manyNames(int count, const QByteArray &last)
{
    QByteArray json = "{";
    for (int i = 0; i < count; ++i)
        json += (i ? ", " : "") + QByteArray("\"k") + QByteArray::number(i) +
                "\": " + QByteArray::number(i);
    if (!last.isEmpty())
        json += ", " + last;
    return json + "}";
}

} // namespace

void TestJsonInput::parse_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::newRow("plain object") << QByteArray(R"({"a": 1, "b": {"a": 2}})") << QString();
    QTest::newRow("same name in sibling objects")
        << QByteArray(R"([{"a": 1}, {"a": 2}])") << QString();
    QTest::newRow("name as a value") << QByteArray(R"({"a": "a", "b": ["a", "a"]})") << QString();
    QTest::newRow("quotes and braces inside strings")
        << QByteArray(R"({"a": "x\"}, \"a\": {", "b": 1})") << QString();
    QTest::newRow("top-level duplicate")
        << QByteArray(R"({"a": 1, "a": 2})") << QStringLiteral("json.duplicate_key");
    QTest::newRow("nested duplicate") << QByteArray(R"({"x": [{"k": 1, "j": {}, "k": 1}]})")
                                      << QStringLiteral("json.duplicate_key");
    QTest::newRow("duplicate after a nested object")
        << QByteArray(R"({"a": {"b": 1}, "a": 2})") << QStringLiteral("json.duplicate_key");
    QTest::newRow("escaped spelling of the same name")
        << QByteArray(R"({"sub": 1, "s\u0075b": 2})") << QStringLiteral("json.duplicate_key");
    QTest::newRow("escaped name after raw names")
        << QByteArray(R"({"ab": 1, "b": 2, "\u0061b": 3})") << QStringLiteral("json.duplicate_key");
    QTest::newRow("raw and escaped UTF-8 of one name")
        << QByteArray("{\"\xc3\xa9\": 1, \"\\u00e9\": 2}") << QStringLiteral("json.duplicate_key");
    QTest::newRow("escaped quote in a repeated name")
        << QByteArray(R"({"a\"b": 1, "a\"b": 2})") << QStringLiteral("json.duplicate_key");
    QTest::newRow("names that differ after a run of backslashes")
        << QByteArray(R"({"a\\": 1, "a\\\"": 2, "\n": 3, "\\n": 4})") << QString();
    QTest::newRow("many names, distinct") << manyNames(40, QByteArray()) << QString();
    QTest::newRow("many names, the last repeats the first")
        << manyNames(40, R"("k0": 0)") << QStringLiteral("json.duplicate_key");
    QTest::newRow("many names, an escaped spelling of one")
        << manyNames(40, R"("k\u0033\u0037": 0)") << QStringLiteral("json.duplicate_key");
    QTest::newRow("many names in a nested object, same names outside")
        << QByteArray(R"({"k0": 1, "x": )") + manyNames(40, QByteArray()) +
               QByteArray(R"(, "k1": 2})")
        << QString();
    QTest::newRow("invalid UTF-8")
        << QByteArray("{\"a\": \"\xff\xfe\"}") << QStringLiteral("json.syntax");
    QTest::newRow("too deep") << QByteArray(5000, '[') + QByteArray(5000, ']')
                              << QStringLiteral("json.syntax");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("json.syntax");
    QTest::newRow("truncated") << QByteArray(R"({"a": [1, 2)") << QStringLiteral("json.syntax");
}

void TestJsonInput::parse()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    auto doc = JsonInput::parse(json);
    if (code.isEmpty()) {
        QVERIFY2(doc.ok(), qPrintable(doc ? QString() : doc.error().toString()));
        QVERIFY(JsonInput::check(json).ok());
        return;
    }
    QVERIFY(!doc);
    QCOMPARE(doc.error().code, code);
    QVERIFY(!doc.error().detail.isEmpty());
    QCOMPARE(JsonInput::check(json).error().code, code);
}

QTEST_GUILESS_MAIN(TestJsonInput)
#include "tst_jsoninput.moc"
