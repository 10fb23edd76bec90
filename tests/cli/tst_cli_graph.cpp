// SPDX-License-Identifier: Apache-2.0
// trustatlas-cli graph export and graph analyze end to end on the demo workspace: every format,
// the DOT read back by Graphviz, class and status on every node and edge, the exit codes.
#include "CliRun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestCliGraph : public QObject
{
    Q_OBJECT

private:
    using Run = CliRun;
    Run cli(const QStringList &args) const { return runCli(m_dir.path(), args); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QByteArray exported(const QString &format, const QStringList &extra = {}) const
    {
        const QString out = path(QStringLiteral("graph.") + format);
        const Run r =
            cli(QStringList{QStringLiteral("graph"), QStringLiteral("export"), m_ws,
                            QStringLiteral("--format"), format, QStringLiteral("--out"), out} +
                extra);
        if (r.code != 0) {
            qWarning() << r.err;
            return {};
        }
        QFile f(out);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
    QString m_ws;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ws = path(QStringLiteral("demo.atlas"));
        const Run r = cli({QStringLiteral("workspace"), QStringLiteral("init"), m_ws,
                           QStringLiteral("--demo"), QStringLiteral("--no-passphrase")});
        QVERIFY2(r.code == 0, r.err.constData());
        QFile policies(path(QStringLiteral("policies.json")));
        QVERIFY(policies.open(QIODevice::WriteOnly));
        policies.write(R"J({"policies": [
            {"name": "agents", "effect": "grant", "trust_domain": "prod.example",
             "spiffe_id": "/by/{attestor}", "condition": "verdict == 'affirming' && attestor in ['unix', 'docker', 'systemd', 'k8s']",
             "federates_with": ["partner.example"]}]})J");
        policies.close();
        const Run p =
            cli({QStringLiteral("policy"), QStringLiteral("import"), m_ws, policies.fileName()});
        QVERIFY2(p.code == 0, p.err.constData());
    }

    void dotIsReadBackByGraphviz()
    {
        const QByteArray dot = exported(QStringLiteral("dot"));
        QVERIFY(dot.startsWith("digraph"));
        // Every node statement and edge carries class; subjects and credentials a status.
        const QRegularExpression stmt(QStringLiteral("^\\s*\"[^\"]*\"( -> \"[^\"]*\")? \\[id="),
                                      QRegularExpression::MultilineOption);
        int statements = 0;
        for (const QByteArray &line : dot.split('\n')) {
            if (!stmt.match(QString::fromUtf8(line)).hasMatch())
                continue;
            ++statements;
            QVERIFY2(line.contains(" class=\""), line.constData());
            if (line.contains("class=\"workload\"") || line.contains("class=\"node\"") ||
                line.contains("class=\"credential\""))
                QVERIFY2(line.contains(" status=\""), line.constData());
        }
        QVERIFY(statements > 50);
        for (const char *cls :
             {"trust_domain", "authority", "platform", "anchor", "node", "workload", "identity",
              "credential", "rule", "federates_with", "attested_by", "runs_on", "grants",
              "identifies", "issued_by", "member_of"})
            QVERIFY2(dot.contains(QByteArray("class=\"") + cls + '"'), cls);
        const QString dotExe = QStandardPaths::findExecutable(QStringLiteral("dot"));
        if (dotExe.isEmpty())
            QSKIP("no dot executable to read the DOT back");
        QProcess p;
        p.start(dotExe, {QStringLiteral("-Tsvg"), path(QStringLiteral("graph.dot"))});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains("class=\"node workload\""));
    }

    void svgHasClassesOnEveryGroup()
    {
        const QByteArray svg =
            exported(QStringLiteral("svg"), {QStringLiteral("--layout"), QStringLiteral("sfdp")});
        QVERIFY(!svg.isEmpty());
        QXmlStreamReader xml(svg);
        int nodes = 0;
        int withStatus = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement ||
                xml.name() != QLatin1String("g"))
                continue;
            const QStringList cls =
                xml.attributes().value(QLatin1String("class")).toString().split(QLatin1Char(' '));
            if (cls.value(0) != QLatin1String("node") && cls.value(0) != QLatin1String("edge"))
                continue;
            QVERIFY2(cls.size() >= 2, qPrintable(cls.join(QLatin1Char(' '))));
            ++nodes;
            if (cls.size() == 3)
                ++withStatus;
        }
        QVERIFY(!xml.hasError());
        QVERIFY(nodes > 50);
        QVERIFY(withStatus > 10);
    }

    void binaryFormats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("magic");
        QTest::newRow("png") << "png" << QByteArray("\x89PNG");
        QTest::newRow("pdf") << "pdf" << QByteArray("%PDF");
    }
    void binaryFormats()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, magic);
        QVERIFY(exported(format, {QStringLiteral("--td"), QStringLiteral("staging.example")})
                    .startsWith(magic));
    }

    void jsonAndOpenGraph()
    {
        const QJsonObject json = QJsonDocument::fromJson(exported(QStringLiteral("json"))).object();
        const QJsonArray nodes = json.value(QLatin1String("nodes")).toArray();
        QVERIFY(nodes.size() > 50);
        for (const QJsonValue &v : nodes) {
            const QJsonObject n = v.toObject();
            QVERIFY(!n.value(QLatin1String("class")).toString().isEmpty());
            QVERIFY(n.contains(QLatin1String("x")));
        }
        for (const QJsonValue &v : json.value(QLatin1String("edges")).toArray())
            QVERIFY(!v.toObject().value(QLatin1String("class")).toString().isEmpty());
        const QJsonObject og =
            QJsonDocument::fromJson(exported(QStringLiteral("opengraph"))).object();
        const QJsonObject graph = og.value(QLatin1String("graph")).toObject();
        QCOMPARE(graph.value(QLatin1String("nodes")).toArray().size(), nodes.size());
        const QJsonObject edge = graph.value(QLatin1String("edges")).toArray().first().toObject();
        QVERIFY(edge.value(QLatin1String("start")).toObject().contains(QLatin1String("value")));
        QVERIFY(edge.value(QLatin1String("end")).toObject().contains(QLatin1String("value")));
        QVERIFY(!edge.value(QLatin1String("kind")).toString().isEmpty());
    }

    void atAnInstantBeforeTheEvidence()
    {
        // Before the demo's evidence begins, no subject exists yet.
        const QJsonObject json =
            QJsonDocument::fromJson(
                exported(QStringLiteral("json"),
                         {QStringLiteral("--at"), QStringLiteral("2000-01-01T00:00:00Z")}))
                .object();
        for (const QJsonValue &v : json.value(QLatin1String("nodes")).toArray()) {
            const QString cls = v.toObject().value(QLatin1String("class")).toString();
            QVERIFY(cls != QLatin1String("node") && cls != QLatin1String("workload"));
        }
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("bad format")
            << QStringList{"graph", "export", "WS", "--format", "gif", "--out", "x"};
        QTest::newRow("no out") << QStringList{"graph", "export", "WS", "--format", "dot"};
        QTest::newRow("bad layout") << QStringList{"graph",    "export", "WS",    "--format", "dot",
                                                   "--layout", "neato",  "--out", "x"};
        QTest::newRow("unknown td") << QStringList{
            "graph", "export", "WS", "--format", "dot", "--td", "nope.example", "--out", "x"};
        QTest::newRow("bad time") << QStringList{"graph", "export",    "WS",    "--format", "dot",
                                                 "--at",  "yesterday", "--out", "x"};
        QTest::newRow("analyze nothing") << QStringList{"graph", "analyze", "WS"};
        QTest::newRow("reach without to")
            << QStringList{"graph", "analyze", "WS", "--reach", "prod.example"};
        QTest::newRow("unknown blast root")
            << QStringList{"graph", "analyze", "WS", "--blast-radius", "anchor/none"};
    }
    void badUsage()
    {
        QFETCH(QStringList, args);
        args.replaceInStrings(QStringLiteral("WS"), m_ws);
        const Run r = cli(args);
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.startsWith("trustatlas-cli: error"));
    }

    void analyzeReach()
    {
        // prod.example's rule federates with partner.example: partner's workloads reach prod.
        Run r =
            cli({QStringLiteral("graph"), QStringLiteral("analyze"), m_ws,
                 QStringLiteral("--reach"), QStringLiteral("partner.example"),
                 QStringLiteral("--to"), QStringLiteral("prod.example"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QLatin1String("reachable")).toBool(), true);
        QCOMPARE(o.value(QLatin1String("mutual")).toBool(), false);
        r = cli({QStringLiteral("graph"), QStringLiteral("analyze"), m_ws,
                 QStringLiteral("--reach"), QStringLiteral("prod.example"), QStringLiteral("--to"),
                 QStringLiteral("partner.example"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("reachable")).toBool(),
                 false);
    }

    void analyzeBlastRadiusAndFindings()
    {
        const QJsonObject json = QJsonDocument::fromJson(exported(QStringLiteral("json"))).object();
        QString anchor;
        for (const QJsonValue &v : json.value(QLatin1String("nodes")).toArray()) {
            const QJsonObject n = v.toObject();
            if (n.value(QLatin1String("properties"))
                    .toObject()
                    .value(QLatin1String("kind"))
                    .toString() == QLatin1String("k8s_issuer"))
                anchor = n.value(QLatin1String("id")).toString();
        }
        QVERIFY(!anchor.isEmpty());
        Run r = cli({QStringLiteral("graph"), QStringLiteral("analyze"), m_ws,
                     QStringLiteral("--blast-radius"), anchor, QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject b = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(b.value(QLatin1String("root")).toString(), anchor);
        QVERIFY(!b.value(QLatin1String("affected"))
                     .toObject()
                     .value(QLatin1String("node"))
                     .toArray()
                     .isEmpty());
        r = cli({QStringLiteral("graph"), QStringLiteral("analyze"), m_ws,
                 QStringLiteral("--findings"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QStringList kinds;
        for (const QByteArray &line : r.out.split('\n')) {
            if (!line.isEmpty())
                kinds << QJsonDocument::fromJson(line)
                             .object()
                             .value(QLatin1String("kind"))
                             .toString();
        }
        QVERIFY2(kinds.contains(QStringLiteral("one_way_federation")),
                 qPrintable(kinds.join(QLatin1Char(','))));
    }
};

QTEST_GUILESS_MAIN(TestCliGraph)
#include "tst_cli_graph.moc"
