// SPDX-License-Identifier: Apache-2.0
// The error contract of every verb (issue 8, finding 8): each exit 2 prints exactly one line,
// "trustatlas-cli: error: CODE: DETAIL", with a declared code and a detail that is not empty.
#include "core/ErrorCatalog.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestCliErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpListsTheVerbsSwept();
    void everyVerbBadUsage_data();
    void everyVerbBadUsage();
    void badInput_data();
    void badInput();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run cli(const QStringList &args);
    /// How @p r breaks the contract, empty when it keeps it; @p code gets the code printed.
    static QString contractViolation(const Run &r, QString *code);
    /// The verbs `trustatlas-cli --help` lists, each as its words.
    static QList<QStringList> verbs();

    QTemporaryDir m_dir;
};

TestCliErrors::Run TestCliErrors::cli(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TRUSTATLAS_PASSPHRASE"), QStringLiteral("correct horse"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral(TA_CLI_PATH), args);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString TestCliErrors::contractViolation(const Run &r, QString *code)
{
    static const QRegularExpression line(
        QStringLiteral("^trustatlas-cli: error: ([a-z0-9]+(?:\\.[a-z0-9_]+)+): (\\S.*)\\n$"));
    if (r.code != 2)
        return QStringLiteral("exit %1, not 2; stderr: %2")
            .arg(r.code)
            .arg(QString::fromUtf8(r.err));
    const auto m = line.match(QString::fromUtf8(r.err));
    if (!m.hasMatch())
        return QStringLiteral("not one contract line: ") + QString::fromUtf8(r.err);
    if (!ta::core::findErrorCode(m.captured(1)))
        return QStringLiteral("undeclared code: ") + m.captured(1);
    *code = m.captured(1);
    return {};
}

QList<QStringList> TestCliErrors::verbs()
{
    QProcess p;
    p.start(QStringLiteral(TA_CLI_PATH), {QStringLiteral("--help")});
    p.waitForFinished(60000);
    QList<QStringList> out;
    bool inVerbs = false;
    for (const QByteArray &raw : p.readAllStandardOutput().split('\n')) {
        const QString l = QString::fromUtf8(raw);
        if (l == QLatin1String("Verbs:")) {
            inVerbs = true;
            continue;
        }
        if (!inVerbs)
            continue;
        if (!l.startsWith(QLatin1String("  ")))
            break;
        // "  td create           Create a trust domain with its CA."
        out << l.mid(2, 20).trimmed().split(QLatin1Char(' '));
    }
    return out;
}

void TestCliErrors::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile notes(m_dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("hello, not JSON\n");
    notes.close();
    QCOMPARE(
        cli({QStringLiteral("workspace"), QStringLiteral("init"), QStringLiteral("ws.atlas")}).code,
        0);
    QCOMPARE(cli({QStringLiteral("td"), QStringLiteral("create"), QStringLiteral("ws.atlas"),
                  QStringLiteral("example.org")})
                 .code,
             0);
    QCOMPARE(cli({QStringLiteral("bundle"), QStringLiteral("export"), QStringLiteral("ws.atlas"),
                  QStringLiteral("--td"), QStringLiteral("example.org"), QStringLiteral("--out"),
                  QStringLiteral("bundle.json")})
                 .code,
             0);
    QFile badSequence(m_dir.filePath(QStringLiteral("badseq.json")));
    QVERIFY(badSequence.open(QIODevice::WriteOnly));
    badSequence.write(R"({"keys":[],"spiffe_sequence":-1})");
    QFile list(m_dir.filePath(QStringLiteral("list.json")));
    QVERIFY(list.open(QIODevice::WriteOnly));
    list.write("[1]");
}

void TestCliErrors::helpListsTheVerbsSwept()
{
    const QList<QStringList> all = verbs();
    QVERIFY2(all.size() >= 24, qPrintable(QString::number(all.size())));
    QVERIFY(all.contains(QStringList{QStringLiteral("svid"), QStringLiteral("x509")}));
    QVERIFY(all.contains(QStringList{QStringLiteral("decide")}));
}

void TestCliErrors::everyVerbBadUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("code");
    for (const QStringList &verb : verbs()) {
        const QByteArray name = verb.join(QLatin1Char(' ')).toUtf8();
        QTest::newRow(name + ": unknown option")
            << (verb + QStringList{QStringLiteral("--no-such-option")})
            << QStringLiteral("cli.unknown_option");
        QTest::newRow(name + ": arguments too many")
            << (verb + QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
            << QStringLiteral("cli.unexpected_argument");
    }
    QTest::newRow("no verb") << QStringList{} << QStringLiteral("cli.missing_argument");
    QTest::newRow("unknown verb") << QStringList{QStringLiteral("frobnicate"),
                                                 QStringLiteral("now")}
                                  << QStringLiteral("cli.unknown_verb");
}

void TestCliErrors::everyVerbBadUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, code);
    const Run r = cli(args);
    QString printed;
    const QString why = contractViolation(r, &printed);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(printed, code);
}

void TestCliErrors::badInput_data()
{
    QTest::addColumn<QString>("args");
    QTest::addColumn<QString>("code");
    const auto row = [](const char *args, const char *code) {
        QTest::newRow(args) << QString::fromUtf8(args) << QString::fromUtf8(code);
    };
    row("workspace init", "cli.missing_argument");
    row("workspace init ws.atlas", "store.file_exists");
    row("td create ws.atlas", "cli.missing_argument");
    row("td create ws.atlas x.org --key dsa", "cli.unknown_key_type");
    row("td create ws.atlas Bad.Org", "spiffe.td.uppercase");
    row("td create nope.atlas x.org", "store.file_missing");
    row("td list nope.atlas", "store.file_missing");
    row("td list notes.txt", "store.not_a_workspace");
    row("ca prepare ws.atlas", "cli.missing_option");
    row("ca prepare ws.atlas --td example.org --kind foo", "cli.bad_value");
    row("ca activate ws.atlas", "cli.missing_option");
    row("ca taint ws.atlas --td example.org", "cli.missing_option");
    row("ca revoke ws.atlas --td example.org", "cli.missing_option");
    row("svid x509 ws.atlas --spiffe-id spiffe://example.org/x", "cli.missing_option");
    row("svid x509 ws.atlas --spiffe-id spiffe://example.org/x --ttl 5y --out o.pem",
        "cli.bad_duration");
    row("svid x509 ws.atlas --spiffe-id spiffe://example.org/x --key-type dsa --out o.pem",
        "cli.unknown_key_type");
    row("svid x509 ws.atlas --spiffe-id spiffe://Example.org/x --out o.pem", "spiffe.td.uppercase");
    row("svid jwt ws.atlas --spiffe-id spiffe://example.org/x", "cli.missing_option");
    row("bundle export ws.atlas", "cli.missing_option");
    row("bundle export ws.atlas --td example.org --format xml", "cli.bad_value");
    row("verify x509 --bundle bundle.json --td example.org", "cli.missing_option");
    row("verify x509 --bundle nope.json --td example.org --chain nope.pem", "cli.unreadable_file");
    // These two printed a code with nothing after it.
    row("verify x509 --bundle bundle.json --td example.org --chain notes.txt",
        "crypto.no_certificate");
    row("verify x509 --bundle badseq.json --td example.org --chain notes.txt",
        "spiffe.bundle.bad_sequence");
    row("verify x509 --bundle bundle.json --td Example.org --chain notes.txt",
        "spiffe.td.uppercase");
    row("verify jwt --bundle bundle.json --td example.org tok", "cli.missing_option");
    row("verify jwt --bundle bundle.json --td example.org", "cli.missing_argument");
    row("anchors import ws.atlas nope.json", "cli.unreadable_file");
    row("anchors import ws.atlas notes.txt", "json.syntax");
    row("evidence import ws.atlas nope.jsonl", "evidence.unreadable");
    row("evidence verify ws.atlas --node-ttl xx", "cli.bad_duration");
    row("evidence verify ws.atlas --threads x", "cli.bad_number");
    row("lab generate lab.atlas --nodes x", "cli.bad_number");
    row("lab generate lab.atlas --start yesterday", "cli.bad_time");
    row("cel eval", "cli.missing_option");
    // This one printed a message with no code.
    row("cel eval --expr 1 --bindings list.json", "cli.bad_bindings");
    row("import spire-entries ws.atlas nope.json", "cli.unreadable_file");
    row("import spire-entries ws.atlas notes.txt", "json.syntax");
    row("export spire-entries ws.atlas --version 0", "cli.bad_version");
    row("policy import ws.atlas nope.json", "cli.unreadable_file");
    row("policy import ws.atlas notes.txt", "json.syntax");
    row("policy export ws.atlas --version 0", "cli.bad_version");
    row("policy versions nope.atlas", "store.file_missing");
    row("decide ws.atlas", "cli.missing_option");
    row("diff ws.atlas", "cli.missing_option");
}

void TestCliErrors::badInput()
{
    QFETCH(QString, args);
    QFETCH(QString, code);
    const Run r = cli(args.split(QLatin1Char(' ')));
    QString printed;
    const QString why = contractViolation(r, &printed);
    QVERIFY2(why.isEmpty(), qPrintable(why));
    QCOMPARE(printed, code);
}

QTEST_GUILESS_MAIN(TestCliErrors)
#include "tst_cli_errors.moc"
