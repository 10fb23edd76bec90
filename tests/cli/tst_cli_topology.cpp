// SPDX-License-Identifier: Apache-2.0
// `lab generate FILE --topology DESIGN.json` end to end: a design becomes anchors and evidence
// that simulate turns into credentials, and `graph export --format json` of the result designs the
// same estate again (generate -> export -> generate -> export reads back equal).
#include "CliRun.h"

#include "core/attestation/lab/LabTopology.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using ta::core::LabTopology;

class TestCliTopology : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    CliRun cli(const QStringList &args) const { return runCli(m_dir.path(), args); }
    static QString design() { return QStringLiteral(TA_TEST_DATA_DIR "/topology/design.json"); }

    static LabTopology read(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file));
        auto t = LabTopology::fromJson(QJsonDocument::fromJson(f.readAll()).object());
        if (!t)
            qFatal("%s", qPrintable(t.error().toString()));
        return *t;
    }

    bool generateAndExport(const QString &from, const QString &ws, const QString &json,
                           const QStringList &extra = {})
    {
        const CliRun g =
            cli(QStringList{QStringLiteral("lab"), QStringLiteral("generate"), ws,
                            QStringLiteral("--topology"), from, QStringLiteral("--no-passphrase"),
                            QStringLiteral("--json")} +
                extra);
        if (g.code != 0) {
            qWarning() << g.err;
            return false;
        }
        const CliRun e =
            cli({QStringLiteral("graph"), QStringLiteral("export"), ws, QStringLiteral("--format"),
                 QStringLiteral("json"), QStringLiteral("--out"), json});
        if (e.code != 0)
            qWarning() << e.err;
        return e.code == 0;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTripIsClosed()
    {
        QVERIFY(generateAndExport(
            design(), path(QStringLiteral("one.atlas")), path(QStringLiteral("one.json")),
            {QStringLiteral("--span"), QStringLiteral("6h"), QStringLiteral("--image-update-at"),
             QStringLiteral("0.3"), QStringLiteral("--key-revoke-at"), QStringLiteral("0.5")}));
        QVERIFY(generateAndExport(path(QStringLiteral("one.json")),
                                  path(QStringLiteral("two.atlas")),
                                  path(QStringLiteral("two.json"))));
        const LabTopology designed = read(design());
        const LabTopology first = read(path(QStringLiteral("one.json")));
        const LabTopology second = read(path(QStringLiteral("two.json")));
        QCOMPARE(designed.trustDomains,
                 (QStringList{QStringLiteral("lab.example"), QStringLiteral("peer.example")}));
        QCOMPARE(designed.nodes.size(), 5);
        QCOMPARE(designed.workloads.size(), 5);
        QCOMPARE(first.trustDomains, designed.trustDomains);
        QCOMPARE(first.platforms, designed.platforms);
        QCOMPARE(first.nodes, designed.nodes);
        QCOMPARE(first.workloads, designed.workloads);
        QCOMPARE(first.policies, designed.policies);
        QVERIFY(first == designed);
        QVERIFY(second == first);
    }

    void designedWorkspaceSimulates()
    {
        const CliRun r = cli({QStringLiteral("simulate"), path(QStringLiteral("one.atlas")),
                              QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        const QJsonObject summary = QJsonDocument::fromJson(lines.last())
                                        .object()
                                        .value(QLatin1String("summary"))
                                        .toObject();
        QVERIFY(summary.value(QLatin1String("issued")).toInt() > 0);
        // The revoked cluster key takes the Kubernetes workload's identity with it.
        QVERIFY(r.out.contains("\"key_revoked\""));
        QVERIFY(r.out.contains("spiffe://lab.example/ns/pay/sa/api"));
    }

    void generatesIntoAnExistingWorkspace()
    {
        const QString ws = path(QStringLiteral("existing.atlas"));
        QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("init"), ws,
                      QStringLiteral("--no-passphrase")})
                     .code,
                 0);
        QVERIFY(generateAndExport(design(), ws, path(QStringLiteral("existing.json"))));
        QVERIFY(read(path(QStringLiteral("existing.json"))) == read(design()));
    }

    void designOnlyIsPlanned()
    {
        QVERIFY(generateAndExport(design(), path(QStringLiteral("plan.atlas")),
                                  path(QStringLiteral("plan.json")),
                                  {QStringLiteral("--design-only")}));
        QFile f(path(QStringLiteral("plan.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        int planned = 0;
        for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll())
                                       .object()
                                       .value(QLatin1String("nodes"))
                                       .toArray()) {
            const QJsonObject n = v.toObject();
            const QString cls = n.value(QLatin1String("class")).toString();
            if (cls == QLatin1String("node") || cls == QLatin1String("workload")) {
                QCOMPARE(n.value(QLatin1String("status")).toString(), QStringLiteral("planned"));
                ++planned;
            }
        }
        QCOMPARE(planned, 10);
        // The planned export is a design too; evidence generated into the workspace later
        // attests what was planned.
        QVERIFY(read(path(QStringLiteral("plan.json"))) == read(design()));
        QVERIFY(generateAndExport(
            path(QStringLiteral("plan.json")), path(QStringLiteral("plan.atlas")),
            path(QStringLiteral("done.json")), {QStringLiteral("--span"), QStringLiteral("2h")}));
        QFile done(path(QStringLiteral("done.json")));
        QVERIFY(done.open(QIODevice::ReadOnly));
        const QByteArray doneJson = done.readAll();
        QVERIFY(!doneJson.contains("\"planned\""));
        QVERIFY(doneJson.contains("\"attested\""));
        QVERIFY(read(path(QStringLiteral("done.json"))) == read(design()));
    }

    void badDesigns_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("detail");
        const QByteArray td = R"({"id": "td/a.example", "class": "trust_domain"})";
        const QByteArray k8s = R"({"id": "platform/k8s:c", "class": "platform"})";
        QTest::newRow("not a graph") << QByteArray("{}") << QByteArray("nodes");
        QTest::newRow("no trust domain")
            << QByteArray(R"({"nodes": []})") << QByteArray("no trust domain");
        QTest::newRow("unknown platform kind")
            << QByteArray("{\"nodes\": [" + td +
                          R"(, {"id": "platform/azure:x", "class": "platform"}]})")
            << QByteArray("azure:x");
        QTest::newRow("node without platform")
            << QByteArray("{\"nodes\": [" + td + "," + k8s +
                          R"(, {"id": "node/n", "class": "node"}]})")
            << QByteArray("node/n");
        QTest::newRow("workload on no node")
            << QByteArray("{\"nodes\": [" + td + "," + k8s +
                          R"(, {"id": "workload/w", "class": "workload"}]})")
            << QByteArray("workload/w");
        QTest::newRow("k8s workload without namespace")
            << QByteArray(
                   "{\"nodes\": [" + td + "," + k8s +
                   R"(, {"id": "node/n", "class": "node", "properties": {"platform": "k8s:c"}},
                              {"id": "workload/w", "class": "workload",
                               "properties": {"node": "node/n", "selectors": ["k8s:sa:x"]}}]})")
            << QByteArray("namespace");
        QTest::newRow("bad rule") << QByteArray(
                                         "{\"nodes\": [" + td +
                                         R"(, {"id": "rule/policy/p", "class": "rule", "label": "p",
                               "trust_domain": "a.example", "properties": {"kind": "policy",
                               "effect": "grant", "spiffe_id": "/x", "condition": "1 +"}}]})")
                                  << QByteArray("rule/policy/p");
    }
    void badDesigns()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, detail);
        QFile f(path(QStringLiteral("bad.json")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(json);
        f.close();
        const QString ws = path(QStringLiteral("bad.atlas"));
        const CliRun r =
            cli({QStringLiteral("lab"), QStringLiteral("generate"), ws,
                 QStringLiteral("--topology"), f.fileName(), QStringLiteral("--no-passphrase")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith("trustatlas-cli: error: lab.bad_settings"), r.err.constData());
        QVERIFY2(r.err.contains(detail), r.err.constData());
        // Nothing is made from a bad design.
        QVERIFY(!QFile::exists(ws));
    }

    void badTimeline_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("zero interval") << QStringList{"--interval", "0"};
        QTest::newRow("drift rate above 1") << QStringList{"--drift-rate", "1.5"};
        QTest::newRow("event outside the span") << QStringList{"--key-revoke-at", "2"};
        QTest::newRow("span over a year") << QStringList{"--span", "400d"};
    }
    void badTimeline()
    {
        QFETCH(QStringList, options);
        const CliRun r =
            cli(QStringList{QStringLiteral("lab"), QStringLiteral("generate"),
                            path(QStringLiteral("t.atlas")), QStringLiteral("--topology"), design(),
                            QStringLiteral("--no-passphrase")} +
                options);
        QCOMPARE(r.code, 2);
        QVERIFY(!QFile::exists(path(QStringLiteral("t.atlas"))));
    }
};

QTEST_GUILESS_MAIN(TestCliTopology)
#include "tst_cli_topology.moc"
