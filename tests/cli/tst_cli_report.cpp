// SPDX-License-Identifier: Apache-2.0
// trustatlas-cli report end to end on the demo workspace: the XHTML parses and holds every
// section with the demo's known values, hostile names stay text, the PDF has pages and the
// trust domains' names, and a failure leaves no file (nor changes an old one).
#include "CliRun.h"
#include "PdfText.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

// An XHTML document read with QXmlStreamReader: its elements by name, each h2 section's text,
// and the images' sources.
struct Page
{
    QString error;
    QHash<QString, int> elements;
    QHash<QString, QString> sections;
    QStringList imageSources;
    QString text;
};

Page parse(const QByteArray &html)
{
    Page page;
    QXmlStreamReader xml(html);
    QString section;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QString name = xml.name().toString();
            ++page.elements[name];
            if (name == QLatin1String("h2"))
                section = xml.attributes().value(QLatin1String("id")).toString();
            if (name == QLatin1String("img"))
                page.imageSources << xml.attributes().value(QLatin1String("src")).toString();
        } else if (xml.isCharacters()) {
            page.text += xml.text();
            page.sections[section] += xml.text().toString() + QLatin1Char(' ');
        }
    }
    if (xml.hasError())
        page.error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return page;
}

} // namespace

class TestCliReport : public QObject
{
    Q_OBJECT

private:
    CliRun cli(const QStringList &args) const { return runCli(m_dir.path(), args); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QByteArray read(const QString &name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    void write(const QString &name, const QByteArray &data) const
    {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    CliRun report(const QString &ws, const QString &format, const QString &out,
                  const QStringList &extra = {}) const
    {
        return cli(QStringList{QStringLiteral("report"), ws, QStringLiteral("--format"), format,
                               QStringLiteral("--out"), path(out)} +
                   extra);
    }

    QTemporaryDir m_dir;
    QString m_ws;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ws = path(QStringLiteral("demo.atlas"));
        const CliRun r = cli({QStringLiteral("workspace"), QStringLiteral("init"), m_ws,
                              QStringLiteral("--demo"), QStringLiteral("--no-passphrase")});
        QVERIFY2(r.code == 0, r.err.constData());
    }

    void htmlHoldsEverySectionOfTheDemo()
    {
        const CliRun r = report(m_ws, QStringLiteral("html"), QStringLiteral("audit.html"));
        QVERIFY2(r.code == 0, r.err.constData());
        const Page page = parse(read(QStringLiteral("audit.html")));
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        QCOMPARE(page.elements.value(QStringLiteral("html")), 1);
        QCOMPARE(page.elements.value(QStringLiteral("h1")), 1);
        QVERIFY(page.text.contains(QLatin1String("demo.atlas")));

        const QString tds = page.sections.value(QStringLiteral("trust-domains"));
        for (const char *td : {"partner.example", "prod.example", "staging.example"})
            QVERIFY2(tds.contains(QLatin1String(td)), td);
        for (const char *word : {"x509", "jwt", "active", "prepared"})
            QVERIFY2(tds.contains(QLatin1String(word)), word);

        // The demo's three relationships, with profile, endpoint and held sequence.
        const QString fed = page.sections.value(QStringLiteral("federation"));
        QVERIFY(fed.contains(QLatin1String("https_spiffe")));
        QVERIFY(fed.contains(QLatin1String("https://spire.prod.example:8443/")));
        QVERIFY(fed.contains(QLatin1String("https://spire.partner.example:8443/")));
        QCOMPARE(fed.count(QLatin1String("https_spiffe")), 3);

        // The findings graph analyze --findings gives on the demo.
        const QString findings = page.sections.value(QStringLiteral("findings"));
        QVERIFY(findings.contains(QLatin1String("one_way_federation")));
        QVERIFY(findings.contains(QLatin1String("staging.example->prod.example")));
        QVERIFY(findings.contains(QLatin1String("rule/policy/debug-tools")));

        const QString policies = page.sections.value(QStringLiteral("policies"));
        for (const char *name : {"prod-k8s", "payments-pinned", "no-debug-shells"})
            QVERIFY2(policies.contains(QLatin1String(name)), name);
        QVERIFY(policies.contains(QLatin1String("designed topology")));

        // The decision summary: a simulation over the demo's evidence, subjects listed.
        const QString decisions = page.sections.value(QStringLiteral("decisions"));
        QVERIFY(decisions.contains(QLatin1String("workload/")));
        QVERIFY(decisions.contains(QLatin1String("spiffe://prod.example/")));

        // The graph: one picture, a PNG inline.
        QCOMPARE(page.imageSources.size(), 1);
        const QString prefix = QStringLiteral("data:image/png;base64,");
        QVERIFY(page.imageSources.first().startsWith(prefix));
        const QImage image = QImage::fromData(
            QByteArray::fromBase64(page.imageSources.first().mid(prefix.size()).toLatin1()), "PNG");
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 200);

        // No what-if was asked for.
        QVERIFY(!page.sections.contains(QStringLiteral("what-if")));
    }

    void whatIfAddsItsSection()
    {
        write(QStringLiteral("candidate.json"), R"J({"policies": [
            {"name": "agents", "effect": "grant", "trust_domain": "prod.example",
             "spiffe_id": "/by/{attestor}", "condition": "verdict == 'affirming' && attestor == 'unix'"}]})J");
        const CliRun r =
            report(m_ws, QStringLiteral("html"), QStringLiteral("whatif.html"),
                   {QStringLiteral("--what-if"), path(QStringLiteral("candidate.json"))});
        QVERIFY2(r.code == 0, r.err.constData());
        const Page page = parse(read(QStringLiteral("whatif.html")));
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        const QString whatIf = page.sections.value(QStringLiteral("what-if"));
        QVERIFY(whatIf.contains(QLatin1String("candidate.json")));
        // The candidate drops every demo identity: lost ones are listed.
        QVERIFY(whatIf.contains(QLatin1String("spiffe://prod.example/")));
    }

    void hostileNamesStayText()
    {
        const QString ws = path(QStringLiteral("hostile.atlas"));
        const CliRun init = cli({QStringLiteral("workspace"), QStringLiteral("init"), ws,
                                 QStringLiteral("--demo"), QStringLiteral("--no-passphrase")});
        QVERIFY2(init.code == 0, init.err.constData());
        const QString name = QStringLiteral("<script>alert('x')</script>");
        write(QStringLiteral("hostile.json"), R"J({"policies": [
            {"name": "<script>alert('x')</script>", "effect": "grant", "trust_domain": "prod.example",
             "spiffe_id": "/by/{attestor}", "condition": "verdict == 'affirming' && attestor == 'unix'"}]})J");
        const QString comment = QStringLiteral("<img src=x onerror=\"alert(1)\"/>&amp; \x01");
        const CliRun imported =
            cli({QStringLiteral("policy"), QStringLiteral("import"), ws,
                 path(QStringLiteral("hostile.json")), QStringLiteral("--comment"), comment});
        QVERIFY2(imported.code == 0, imported.err.constData());
        const CliRun r = report(ws, QStringLiteral("html"), QStringLiteral("hostile.html"));
        QVERIFY2(r.code == 0, r.err.constData());
        const QByteArray html = read(QStringLiteral("hostile.html"));
        QVERIFY(!html.contains("<script"));
        QVERIFY(!html.contains("<img src=x"));
        const Page page = parse(html);
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        QVERIFY(!page.elements.contains(QStringLiteral("script")));
        QCOMPARE(page.elements.value(QStringLiteral("img")), 1);
        // The names read back as the text they were.
        QVERIFY(page.sections.value(QStringLiteral("policies")).contains(name));
        QVERIFY(page.sections.value(QStringLiteral("policies"))
                    .contains(QStringLiteral("<img src=x onerror=\"alert(1)\"/>&amp; ")));
    }

    void pdfHasPagesAndTheTrustDomains()
    {
        const CliRun r = report(m_ws, QStringLiteral("pdf"), QStringLiteral("audit.pdf"));
        QVERIFY2(r.code == 0, r.err.constData());
        const QByteArray pdf = read(QStringLiteral("audit.pdf"));
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        static const QRegularExpression pageObject(QStringLiteral("/Type\\s*/Page[^s]"));
        QVERIFY2(QString::fromLatin1(pdf).count(pageObject) > 1, "one page only");
        QVERIFY(pdf.size() > 50000);
        for (const char *td : {"partner.example", "prod.example", "staging.example"})
            QVERIFY2(pdftext::contains(pdf, QLatin1String(td)), td);
        QVERIFY(pdftext::contains(pdf, QStringLiteral("one_way_federation")));
        QVERIFY(!pdftext::contains(pdf, QStringLiteral("not.in.the.report")));
        // Cross-checked by poppler where it happens to be installed (never required).
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (!pdftotext.isEmpty()) {
            QProcess p;
            p.start(pdftotext, {path(QStringLiteral("audit.pdf")), QStringLiteral("-")});
            QVERIFY(p.waitForFinished(60000));
            const QByteArray text = p.readAllStandardOutput();
            QVERIFY(text.contains("partner.example"));
            QVERIFY(text.contains("Federation relationships"));
        }
    }

    void failuresLeaveNoFile_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("code");
        QTest::newRow("missing folder")
            << QStringList{QStringLiteral("--format"), QStringLiteral("html"),
                           QStringLiteral("--out"), QStringLiteral("no/such/folder/audit.html")}
            << QStringLiteral("io.unwritable");
        QTest::newRow("bad format")
            << QStringList{QStringLiteral("--format"), QStringLiteral("docx"),
                           QStringLiteral("--out"), QStringLiteral("out.html")}
            << QStringLiteral("cli.bad_format");
        QTest::newRow("no out") << QStringList{QStringLiteral("--format"), QStringLiteral("html")}
                                << QStringLiteral("cli.missing_option");
        QTest::newRow("bad time") << QStringList{QStringLiteral("--format"),
                                                 QStringLiteral("pdf"),
                                                 QStringLiteral("--out"),
                                                 QStringLiteral("out.html"),
                                                 QStringLiteral("--at"),
                                                 QStringLiteral("yesterday")}
                                  << QStringLiteral("cli.bad_time");
        QTest::newRow("bad what-if")
            << QStringList{QStringLiteral("--format"),  QStringLiteral("html"),
                           QStringLiteral("--out"),     QStringLiteral("out.html"),
                           QStringLiteral("--what-if"), QStringLiteral("missing.json")}
            << QStringLiteral("cli.unreadable_file");
    }

    void failuresLeaveNoFile()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, code);
        // An old report at the target stays as it was.
        write(QStringLiteral("out.html"), "old report");
        const CliRun r = cli(QStringList{QStringLiteral("report"), m_ws} + args);
        QCOMPARE(r.code, 2);
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith("trustatlas-cli: error: " + code.toLatin1() + ": "),
                 r.err.constData());
        QCOMPARE(read(QStringLiteral("out.html")), QByteArray("old report"));
        QVERIFY(!QFile::exists(path(QStringLiteral("no"))));
        // No temporary file is left beside the target either.
        const QStringList left = QDir(m_dir.path()).entryList(QDir::Files);
        for (const QString &f : left)
            QVERIFY2(!f.startsWith(QLatin1String("out.html.")), qPrintable(f));
    }

    void protectedWorkspaceNeedsItsPassphrase()
    {
        const QString ws = path(QStringLiteral("locked.atlas"));
        QProcess init;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TRUSTATLAS_PASSPHRASE"), QStringLiteral("secret words"));
        init.setProcessEnvironment(env);
        init.start(QStringLiteral(TA_CLI_PATH),
                   {QStringLiteral("workspace"), QStringLiteral("init"), ws});
        QVERIFY(init.waitForFinished(60000));
        QCOMPARE(init.exitCode(), 0);
        // No passphrase and no terminal: exit 2, as every verb.
        QProcess p;
        QProcessEnvironment bare = QProcessEnvironment::systemEnvironment();
        bare.remove(QStringLiteral("TRUSTATLAS_PASSPHRASE"));
        p.setProcessEnvironment(bare);
        p.start(QStringLiteral(TA_CLI_PATH),
                {QStringLiteral("report"), ws, QStringLiteral("--format"), QStringLiteral("html"),
                 QStringLiteral("--out"), path(QStringLiteral("locked.html"))});
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(!QFile::exists(path(QStringLiteral("locked.html"))));
        write(QStringLiteral("pass.txt"), "secret words\n");
        const CliRun ok =
            report(ws, QStringLiteral("html"), QStringLiteral("locked.html"),
                   {QStringLiteral("--passphrase-file"), path(QStringLiteral("pass.txt"))});
        QVERIFY2(ok.code == 0, ok.err.constData());
        QVERIFY(QFile::exists(path(QStringLiteral("locked.html"))));
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
