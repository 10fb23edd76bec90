// SPDX-License-Identifier: Apache-2.0
// cel eval end to end, including a sample of the CEL conformance cases through the executable,
// so the CLI's encoding is the suite's.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCliCel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluates_data();
    void evaluates();
    void badBindingsAreBadInput();
    void conformanceSample_data();
    void conformanceSample();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run cel(const QString &expr, const QJsonObject &bindings = {}, const QString &container = {},
            const QStringList &extra = {});
    QTemporaryDir m_dir;
    int m_files = 0;
};

TestCliCel::Run TestCliCel::cel(const QString &expr, const QJsonObject &bindings,
                                const QString &container, const QStringList &extra)
{
    QStringList args{QStringLiteral("cel"), QStringLiteral("eval"), QStringLiteral("--expr"), expr};
    args += extra;
    if (!bindings.isEmpty()) {
        const QString path = m_dir.filePath(QStringLiteral("b%1.json").arg(++m_files));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(QJsonDocument(bindings).toJson());
        args << QStringLiteral("--bindings") << path;
    }
    if (!container.isEmpty())
        args << QStringLiteral("--container") << container;
    QProcess p;
    p.start(QStringLiteral(TA_CLI_PATH), args);
    Run r;
    if (!p.waitForFinished(30000))
        return r;
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void TestCliCel::evaluates_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QByteArray>("bindings");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("expect");
    QTest::newRow("arithmetic") << "1 + 2" << QByteArray() << 0 << QByteArray(R"({"int":"3"})");
    QTest::newRow("bound variable")
        << "ns == 'payments' && size(images) == 2"
        << QByteArray(R"({"ns":{"string":"payments"},"images":{"list":[{"string":"a"},{"string":"b"}]}})")
        << 0 << QByteArray(R"({"bool":true})");
    QTest::newRow("overflow is an error, exit 1")
        << "9223372036854775807 + 1" << QByteArray() << 1 << QByteArray("error");
    QTest::newRow("syntax error, exit 1") << "1 +" << QByteArray() << 1 << QByteArray("cel.syntax");
    QTest::newRow("unknown variable, exit 1") << "nope" << QByteArray() << 1 << QByteArray("error");
    QTest::newRow("unbound but absorbed, as the spec evaluates it")
        << "x || true" << QByteArray() << 0 << QByteArray(R"({"bool":true})");
}

void TestCliCel::evaluates()
{
    QFETCH(QString, expr);
    QFETCH(QByteArray, bindings);
    QFETCH(int, code);
    QFETCH(QByteArray, expect);
    auto r = cel(expr, QJsonDocument::fromJson(bindings).object());
    QCOMPARE(r.code, code);
    if (code == 0)
        QCOMPARE(QJsonDocument::fromJson(r.out), QJsonDocument::fromJson(expect));
    else
        QVERIFY2(r.out.contains(expect), r.out.constData());
}

void TestCliCel::badBindingsAreBadInput()
{
    auto checked = cel(QStringLiteral("false && 32"), {}, {}, {QStringLiteral("--check")});
    QCOMPARE(checked.code, 1);
    QVERIFY2(checked.out.contains("cel.check"), checked.out.constData());
    auto r = cel(QStringLiteral("x"), QJsonObject{{QStringLiteral("x"), QJsonObject{{QStringLiteral("nope"), 5}}}});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("cel.json"));
    QProcess p;
    p.start(QStringLiteral(TA_CLI_PATH), {QStringLiteral("cel"), QStringLiteral("eval")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
}

void TestCliCel::conformanceSample_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    QFile f(QStringLiteral(TA_TEST_DATA_DIR "/cel-conformance/cel-conformance.jsonl"));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    int line = 0;
    while (!f.atEnd()) {
        const QByteArray text = f.readLine();
        // Every 12th case: about 90 runs of the executable, spread over every section.
        if (line++ % 12 != 0)
            continue;
        const QJsonObject c = QJsonDocument::fromJson(text).object();
        // A NUL character cannot travel in a command-line argument.
        if (c.value(QStringLiteral("expr")).toString().contains(QChar(0)))
            continue;
        const QByteArray tag = (c.value(QStringLiteral("section")).toString() + QLatin1Char('/')
                                + c.value(QStringLiteral("name")).toString())
                                   .toUtf8();
        QTest::newRow(tag.constData()) << c;
    }
}

void TestCliCel::conformanceSample()
{
    QFETCH(QJsonObject, testCase);
    auto r = cel(testCase.value(QStringLiteral("expr")).toString(),
                 testCase.value(QStringLiteral("bindings")).toObject(),
                 testCase.value(QStringLiteral("container")).toString());
    const QJsonObject expect = testCase.value(QStringLiteral("expect")).toObject();
    if (expect.contains(QStringLiteral("error"))) {
        QCOMPARE(r.code, 1);
        QVERIFY(QJsonDocument::fromJson(r.out).object().contains(QStringLiteral("error")));
        return;
    }
    QCOMPARE(r.code, 0);
    const QJsonObject got = QJsonDocument::fromJson(r.out).object();
    // Maps are unordered in CEL; the byte-exact comparison is left to the conformance test,
    // which knows CEL equality. Here: same kind of value, and equal where order cannot differ.
    QCOMPARE(got.keys(), expect.keys());
    if (!expect.contains(QStringLiteral("map")) && !expect.contains(QStringLiteral("list"))
        && !expect.contains(QStringLiteral("double")))
        QCOMPARE(got, expect);
}

QTEST_GUILESS_MAIN(TestCliCel)
#include "tst_cli_cel.moc"
