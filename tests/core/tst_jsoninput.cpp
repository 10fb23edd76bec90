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
