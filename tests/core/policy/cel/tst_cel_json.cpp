// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Arena.h"
#include "core/policy/cel/Evaluate.h"
#include "core/policy/cel/JsonCodec.h"

#include <QJsonDocument>
#include <QTest>

using namespace ta::core::cel;

class TestCelJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void evaluateWithBindings();
    void evaluateReportsErrors();
};

void TestCelJson::roundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("int-min") << QByteArray(R"({"int":"-9223372036854775808"})");
    QTest::newRow("uint-max") << QByteArray(R"({"uint":"18446744073709551615"})");
    QTest::newRow("double") << QByteArray(R"({"double":1.5})");
    QTest::newRow("nan") << QByteArray(R"({"double":"NaN"})");
    QTest::newRow("inf") << QByteArray(R"({"double":"-Infinity"})");
    QTest::newRow("string") << QByteArray(R"({"string":"héllo 😀"})");
    QTest::newRow("bytes") << QByteArray(R"({"bytes":"AP8="})");
    QTest::newRow("bool") << QByteArray(R"({"bool":false})");
    QTest::newRow("null") << QByteArray(R"({"null":true})");
    QTest::newRow("type") << QByteArray(R"({"type":"google.protobuf.Duration"})");
    QTest::newRow("timestamp") << QByteArray(R"({"timestamp":"2024-02-29T12:00:00.5Z"})");
    QTest::newRow("duration") << QByteArray(R"({"duration":"-1.5s"})");
    QTest::newRow("nested") << QByteArray(
        R"({"list":[{"int":"1"},{"map":[{"key":{"string":"k"},"value":{"list":[]}},{"key":{"uint":"2"},"value":{"null":true}}]}]})");
}

void TestCelJson::roundTrip()
{
    QFETCH(QByteArray, json);
    const QJsonObject in = QJsonDocument::fromJson(json).object();
    QVERIFY(!in.isEmpty());
    Arena arena;
    const auto value = JsonCodec::decode(in, arena);
    QVERIFY2(value.ok(), qPrintable(value.ok() ? QString() : value.error().toString()));
    QCOMPARE(JsonCodec::encode(*value).toObject(), in);
}

void TestCelJson::rejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("two-keys") << QByteArray(R"({"int":"1","uint":"1"})");
    QTest::newRow("int-overflow") << QByteArray(R"({"int":"9223372036854775808"})");
    QTest::newRow("int-garbage") << QByteArray(R"({"int":"12x"})");
    QTest::newRow("negative-uint") << QByteArray(R"({"uint":"-1"})");
    QTest::newRow("bad-base64") << QByteArray(R"({"bytes":"!!"})");
    QTest::newRow("double-key") << QByteArray(
        R"({"map":[{"key":{"double":1},"value":{"null":true}}]})");
    QTest::newRow("duplicate-key") << QByteArray(
        R"({"map":[{"key":{"int":"1"},"value":{"null":true}},{"key":{"uint":"1"},"value":{"null":true}}]})");
    QTest::newRow("unknown-tag") << QByteArray(R"({"float":1})");
    QTest::newRow("unknown-type") << QByteArray(R"({"type":"float"})");
}

void TestCelJson::rejectsBadInput()
{
    QFETCH(QByteArray, json);
    Arena arena;
    const auto value = JsonCodec::decode(QJsonDocument::fromJson(json).object(), arena);
    QVERIFY(!value.ok());
    QCOMPARE(value.error().code, QStringLiteral("cel.json"));
}

void TestCelJson::evaluateWithBindings()
{
    const QJsonObject bindings = QJsonDocument::fromJson(R"({
        "workload": {"map": [
            {"key": {"string": "ns"}, "value": {"string": "payments"}},
            {"key": {"string": "replicas"}, "value": {"uint": "3"}}]},
        "allowed": {"list": [{"string": "payments"}, {"string": "billing"}]}})")
                                     .object();
    auto result = evaluateJson(
        QStringLiteral("workload.ns in allowed ? [workload.replicas * 2u, 1.5] : []"), bindings);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(QJsonDocument(result->toObject()).toJson(QJsonDocument::Compact),
             QByteArray(R"({"list":[{"uint":"6"},{"double":1.5}]})"));
}

void TestCelJson::evaluateReportsErrors()
{
    auto syntax = evaluateJson(QStringLiteral("1 +"));
    QVERIFY(!syntax.ok());
    QCOMPARE(syntax.error().code, QStringLiteral("cel.syntax"));
    QVERIFY(syntax.error().detail.startsWith(QLatin1String("1:4:")));
    auto check = evaluateJson(QStringLiteral("'a' + 1"));
    QVERIFY(!check.ok());
    QCOMPARE(check.error().code, QStringLiteral("cel.check"));
    EvaluateOptions unchecked;
    unchecked.typeCheck = false;
    auto eval = evaluateJson(QStringLiteral("'a' + 1"), {}, unchecked);
    QVERIFY(!eval.ok());
    QCOMPARE(eval.error().code, QStringLiteral("cel.eval"));
    auto bad = evaluateJson(QStringLiteral("x"), QJsonObject{{QStringLiteral("x"), 5}});
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, QStringLiteral("cel.json"));
}

QTEST_GUILESS_MAIN(TestCelJson)
#include "tst_cel_json.moc"
