// SPDX-License-Identifier: Apache-2.0
// cel eval end to end, including a sample of the CEL conformance cases through the executable,
// so the CLI's encoding is the suite's.
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
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
    void limitsEndInOneError_data();
    void limitsEndInOneError();
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
        << QByteArray(
               R"({"ns":{"string":"payments"},"images":{"list":[{"string":"a"},{"string":"b"}]}})")
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
    auto r = cel(QStringLiteral("x"),
                 QJsonObject{{QStringLiteral("x"), QJsonObject{{QStringLiteral("nope"), 5}}}});
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
        const QByteArray tag = (c.value(QStringLiteral("section")).toString() + QLatin1Char('/') +
                                c.value(QStringLiteral("name")).toString())
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
    if (!expect.contains(QStringLiteral("map")) && !expect.contains(QStringLiteral("list")) &&
        !expect.contains(QStringLiteral("double")))
        QCOMPARE(got, expect);
}

void TestCliCel::limitsEndInOneError_data()
{
    // Issue 8, finding 6. A command line argument holds at most 128 KiB, so the longest chains
    // here are 60,000 terms; policy import takes 300,000 (tst_cli_policy).
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("bindings");
    QTest::addColumn<QByteArray>("expect");
    const QString x = QStringLiteral("x");
    QTest::newRow("x.a.a... 60,000") << x + QString(QStringLiteral(".a")).repeated(60000)
                                     << QString() << QByteArray("cel.limit.size");
    QTest::newRow("1+1+... 60,000")
        << QStringLiteral("1") + QString(QStringLiteral("+1")).repeated(60000) << QString()
        << QByteArray("cel.limit.size");
    QTest::newRow("1+1+... 20,000")
        << QStringLiteral("1") + QString(QStringLiteral("+1")).repeated(20000) << QString()
        << QByteArray("cel.limit.depth");
    QTest::newRow("((((...))))") << QString(30000, '(') + QStringLiteral("1") + QString(30000, ')')
                                 << QString() << QByteArray("cel.limit.depth");
    QTest::newRow("[[[[...]]]]") << QString(30000, '[') + QString(30000, ']') << QString()
                                 << QByteArray("cel.limit.depth");
    QTest::newRow("!!!!...") << QString(60000, '!') + QStringLiteral("true") << QString()
                             << QByteArray("cel.limit.depth");
    QTest::newRow("-(-(-...") << QString(QStringLiteral("-(")).repeated(30000) +
                                     QStringLiteral("1") + QString(30000, ')')
                              << QString() << QByteArray("cel.limit.depth");
    const QString list = QStringLiteral("[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19]");
    QTest::newRow("nested comprehensions, estimated")
        << QStringLiteral("%1.map(a, %1.map(b, %1.map(c, %1.map(d, %1.map(e, a+b+c+d+e)))))")
               .arg(list)
        << QString() << QByteArray("cel.cost_exceeded: estimated cost ");
    QString doubling = QStringLiteral("size(v20)");
    for (int i = 20; i > 0; --i)
        doubling = QStringLiteral("cel.bind(v%1, v%2 + v%2, %3)").arg(i).arg(i - 1).arg(doubling);
    QTest::newRow("doubling a constant string, estimated")
        << QStringLiteral("cel.bind(v0, 'xxxxxxxxxxxxxxxx', %1)").arg(doubling) << QString()
        << QByteArray("cel.cost_exceeded");
    QTest::newRow("a long loop over a large binding, stopped")
        << QStringLiteral("xs.all(v, v >= 0 && v < 1000000)") << QStringLiteral("ints")
        << QByteArray("cel.budget_exceeded: more than 1000000 evaluation steps");
    QTest::newRow("a string growing through replace, stopped")
        << QStringLiteral("s.replace('x', s).replace('x', s).replace('x', s).size()")
        << QStringLiteral("string") << QByteArray("cel.budget_exceeded: more than 16777216 bytes");
}

void TestCliCel::limitsEndInOneError()
{
    QFETCH(QString, expr);
    QFETCH(QString, bindings);
    QFETCH(QByteArray, expect);
    QJsonObject b;
    if (bindings == QLatin1String("ints")) {
        QJsonArray items;
        for (int i = 0; i < 300000; ++i)
            items.append(QJsonObject{{QStringLiteral("int"), QString::number(i)}});
        b.insert(QStringLiteral("xs"), QJsonObject{{QStringLiteral("list"), items}});
    } else if (bindings == QLatin1String("string")) {
        b.insert(QStringLiteral("s"),
                 QJsonObject{{QStringLiteral("string"), QString(1000, QLatin1Char('x'))}});
    }
    QElapsedTimer timer;
    timer.start();
    auto r = cel(expr, b);
    // A limit that runs away would take minutes; the CLI's usual time is under a second. Under
    // AddressSanitizer (several times slower) on a loaded 2-core machine it once took 20 s.
#if defined(__SANITIZE_ADDRESS__)
    constexpr qint64 boundMs = 80000;
#else
    constexpr qint64 boundMs = 20000;
#endif
    QVERIFY2(timer.elapsed() < boundMs, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(r.code, 1);
    QCOMPARE(r.out.count('\n'), 1);
    QVERIFY2(r.out.contains(expect), r.out.left(300).constData());
}

QTEST_GUILESS_MAIN(TestCliCel)
#include "tst_cli_cel.moc"
