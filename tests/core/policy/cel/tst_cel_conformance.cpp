// SPDX-License-Identifier: Apache-2.0
// Every case of the CEL specification's conformance suite (a copy in tests/data/cel-conformance),
// through the same entry point the CLI uses.
#include "core/policy/cel/Evaluate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <cmath>
#include <limits>

using namespace ta::core::cel;

namespace {

double toDouble(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    const QString s = v.toString();
    if (s == QLatin1String("NaN"))
        return std::numeric_limits<double>::quiet_NaN();
    if (s == QLatin1String("Infinity"))
        return std::numeric_limits<double>::infinity();
    if (s == QLatin1String("-Infinity"))
        return -std::numeric_limits<double>::infinity();
    return std::numeric_limits<double>::signaling_NaN();
}

// Equality in the conformance sense: same types all the way down (1 and 1u differ here,
// unlike in CEL), NaN equals NaN, map entry order is not significant.
bool sameValue(const QJsonValue &expected, const QJsonValue &actual)
{
    const QJsonObject e = expected.toObject();
    const QJsonObject a = actual.toObject();
    if (e.size() != 1 || a.size() != 1 || e.begin().key() != a.begin().key())
        return false;
    const QString tag = e.begin().key();
    const QJsonValue ev = e.begin().value();
    const QJsonValue av = a.begin().value();
    if (tag == QLatin1String("double")) {
        const double x = toDouble(ev);
        const double y = toDouble(av);
        return (std::isnan(x) && std::isnan(y)) || x == y;
    }
    if (tag == QLatin1String("list")) {
        const QJsonArray x = ev.toArray();
        const QJsonArray y = av.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameValue(x[i], y[i]))
                return false;
        }
        return true;
    }
    if (tag == QLatin1String("map")) {
        const QJsonArray x = ev.toArray();
        const QJsonArray y = av.toArray();
        if (x.size() != y.size())
            return false;
        for (const QJsonValue &entry : x) {
            bool found = false;
            for (const QJsonValue &other : y) {
                if (sameValue(entry[QLatin1String("key")], other[QLatin1String("key")]) &&
                    sameValue(entry[QLatin1String("value")], other[QLatin1String("value")])) {
                    found = true;
                    break;
                }
            }
            if (!found)
                return false;
        }
        return true;
    }
    return ev == av;
}

} // namespace

class TestCelConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void conformance_data();
    void conformance();
    void comparatorIsStrict();

private:
    QList<QJsonObject> m_cases;
};

void TestCelConformance::initTestCase()
{
    QFile file(QStringLiteral(TA_TEST_DATA_DIR "/cel-conformance/cel-conformance.jsonl"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    int line = 0;
    while (!file.atEnd()) {
        const QByteArray text = file.readLine().trimmed();
        ++line;
        if (text.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        QVERIFY2(doc.isObject(),
                 qPrintable(QStringLiteral("line %1: %2").arg(line).arg(error.errorString())));
        m_cases.append(doc.object());
    }
    QVERIFY(!m_cases.isEmpty());
}

void TestCelConformance::conformance_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    QSet<QString> seen;
    for (const QJsonObject &c : m_cases) {
        const QString base = c[QLatin1String("section")].toString() + QLatin1Char('/') +
                             c[QLatin1String("name")].toString();
        // A few names repeat within a section; number the repeats so every row is distinct.
        QString tag = base;
        for (int n = 2; seen.contains(tag); ++n)
            tag = base + QLatin1Char('#') + QString::number(n);
        seen.insert(tag);
        QTest::newRow(qPrintable(tag)) << c;
    }
}

void TestCelConformance::conformance()
{
    QFETCH(QJsonObject, testCase);
    EvaluateOptions options;
    options.container = testCase[QLatin1String("container")].toString();
    options.typeCheck = !testCase[QLatin1String("disableCheck")].toBool();
    const auto result = evaluateJson(testCase[QLatin1String("expr")].toString(),
                                     testCase[QLatin1String("bindings")].toObject(), options);
    const QJsonObject expect = testCase[QLatin1String("expect")].toObject();
    if (expect.contains(QLatin1String("error"))) {
        QVERIFY2(!result.ok(),
                 qPrintable(QStringLiteral("expected an error, got ") +
                            QString::fromUtf8(
                                QJsonDocument(result.ok() ? result->toObject() : QJsonObject())
                                    .toJson(QJsonDocument::Compact))));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QVERIFY2(sameValue(expect, *result),
             qPrintable(
                 QStringLiteral("expected %1, got %2")
                     .arg(QString::fromUtf8(QJsonDocument(expect).toJson(QJsonDocument::Compact)),
                          QString::fromUtf8(
                              QJsonDocument(result->toObject()).toJson(QJsonDocument::Compact)))));
}

void TestCelConformance::comparatorIsStrict()
{
    // The comparison above must be able to fail, or the suite proves nothing.
    const auto obj = [](const char *json) {
        return QJsonDocument::fromJson(QByteArray(json)).object();
    };
    QVERIFY(!sameValue(obj(R"({"int":"1"})"), obj(R"({"uint":"1"})")));
    QVERIFY(!sameValue(obj(R"({"double":1})"), obj(R"({"double":2})")));
    QVERIFY(sameValue(obj(R"({"double":"NaN"})"), obj(R"({"double":"NaN"})")));
    QVERIFY(!sameValue(obj(R"({"list":[{"int":"1"}]})"), obj(R"({"list":[]})")));
    QVERIFY(sameValue(
        obj(R"({"map":[{"key":{"int":"1"},"value":{"bool":true}},{"key":{"int":"2"},"value":{"null":true}}]})"),
        obj(R"({"map":[{"key":{"int":"2"},"value":{"null":true}},{"key":{"int":"1"},"value":{"bool":true}}]})")));
    QVERIFY(!sameValue(obj(R"({"map":[{"key":{"int":"1"},"value":{"bool":true}}]})"),
                       obj(R"({"map":[{"key":{"int":"1"},"value":{"bool":false}}]})")));
}

QTEST_GUILESS_MAIN(TestCelConformance)
#include "tst_cel_conformance.moc"
