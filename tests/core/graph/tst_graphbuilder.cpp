// SPDX-License-Identifier: Apache-2.0
#include "EstateSamples.h"

#include "core/attestation/lab/DemoWorkspace.h"
#include "core/graph/EstateLoader.h"
#include "core/graph/GraphBuilder.h"
#include "core/store/RuleStore.h"
#include "core/store/Workspace.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ta;
using namespace ta::core;

class TestGraphBuilder : public QObject
{
    Q_OBJECT

private:
    static TopologyGraph at(qint64 minutes, const GraphStateInput *state = nullptr)
    {
        GraphBuildOptions o;
        o.at = samples::kT0.addSecs(minutes * 60);
        return GraphBuilder::build(samples::handBuiltEstate(), o, state);
    }
    static QString status(const TopologyGraph &g, const QString &id)
    {
        const int i = g.indexOf(id);
        return i < 0 ? QStringLiteral("<absent>") : graphStatusName(g.node(i).status);
    }
    static bool hasEdge(const TopologyGraph &g, const QString &from, const QString &to,
                        EdgeClass cls)
    {
        return g.findEdge(g.indexOf(from), g.indexOf(to), cls) >= 0;
    }

private Q_SLOTS:
    void nodeClasses_data()
    {
        QTest::addColumn<QString>("cls");
        QTest::addColumn<int>("count");
        // At t0+50m: 3 domains; 6 slots; platforms k8s:prod and join_token; 2 anchors and one
        // image-digest set; 2 nodes; 3 workloads; identities api, long, weak (granted) and
        // c.example/api (a credential's); 6 rules; 4 credentials.
        QTest::newRow("trust_domain") << "trust_domain" << 3;
        QTest::newRow("authority") << "authority" << 6;
        QTest::newRow("platform") << "platform" << 2;
        QTest::newRow("anchor") << "anchor" << 3;
        QTest::newRow("node") << "node" << 2;
        QTest::newRow("workload") << "workload" << 3;
        QTest::newRow("identity") << "identity" << 4;
        QTest::newRow("rule") << "rule" << 6;
        QTest::newRow("credential") << "credential" << 4;
    }
    void nodeClasses()
    {
        QFETCH(QString, cls);
        QFETCH(int, count);
        const TopologyGraph g = at(50);
        QCOMPARE(g.countOf(*nodeClassFromName(cls)), qsizetype(count));
    }

    void edgeClasses_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("cls");
        QTest::newRow("federates_with one way") << "td/c.example"
                                                << "td/a.example"
                                                << "federates_with";
        QTest::newRow("federates_with both ways") << "td/b.example"
                                                  << "td/a.example"
                                                  << "federates_with";
        QTest::newRow("attested_by anchor") << "node/k1"
                                            << "anchor/k8s_issuer:prod"
                                            << "attested_by";
        QTest::newRow("attested_by reference set") << "workload/w1"
                                                   << "anchor/refs:image:reg/api"
                                                   << "attested_by";
        QTest::newRow("runs_on") << "workload/w1"
                                 << "node/k1"
                                 << "runs_on";
        QTest::newRow("grants") << "rule/policy/api"
                                << "spiffe://a.example/api"
                                << "grants";
        QTest::newRow("holds") << "workload/w1"
                               << "credential/cred1"
                               << "holds";
        QTest::newRow("identifies") << "credential/cred1"
                                    << "spiffe://a.example/api"
                                    << "identifies";
        QTest::newRow("issued_by") << "credential/cred1"
                                   << "authority/auth-a1"
                                   << "issued_by";
        QTest::newRow("member_of authority") << "authority/auth-a1"
                                             << "td/a.example"
                                             << "member_of";
        QTest::newRow("member_of node to platform") << "node/k1"
                                                    << "platform/k8s:prod"
                                                    << "member_of";
        QTest::newRow("member_of anchor to platform") << "anchor/k8s_issuer:prod"
                                                      << "platform/k8s:prod"
                                                      << "member_of";
        QTest::newRow("member_of platform") << "platform/k8s:prod"
                                            << "td/a.example"
                                            << "member_of";
        QTest::newRow("member_of identity") << "spiffe://a.example/api"
                                            << "td/a.example"
                                            << "member_of";
    }
    void edgeClasses()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, cls);
        const TopologyGraph g = at(50);
        QVERIFY2(g.contains(from), qPrintable(from));
        QVERIFY2(g.contains(to), qPrintable(to));
        QVERIFY(hasEdge(g, from, to, *edgeClassFromName(cls)));
    }

    void oneWayFederationHasNoReverseEdge()
    {
        const TopologyGraph g = at(50);
        QVERIFY(!hasEdge(g, QStringLiteral("td/a.example"), QStringLiteral("td/c.example"),
                         EdgeClass::FederatesWith));
        const int e =
            g.findEdge(g.indexOf(QStringLiteral("td/c.example")),
                       g.indexOf(QStringLiteral("td/a.example")), EdgeClass::FederatesWith);
        QVERIFY(g.edge(e).properties.value(QLatin1String("one_way")).toBool());
    }

    void statusAtInstant_data()
    {
        QTest::addColumn<qint64>("minutes");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("expected");
        QTest::newRow("node attested") << qint64(50) << "node/k1"
                                       << "attested";
        QTest::newRow("node stale past freshness") << qint64(100) << "node/k1"
                                                   << "stale";
        QTest::newRow("workload attested before its refusal") << qint64(10) << "workload/w3"
                                                              << "attested";
        QTest::newRow("workload refused after") << qint64(50) << "workload/w3"
                                                << "refused";
        QTest::newRow("subject not yet seen") << qint64(-5) << "node/k1"
                                              << "<absent>";
        QTest::newRow("credential valid") << qint64(10) << "credential/cred1"
                                          << "valid";
        QTest::newRow("credential expiring") << qint64(50) << "credential/cred1"
                                             << "expiring";
        QTest::newRow("credential expired") << qint64(61) << "credential/cred1"
                                            << "expired";
        QTest::newRow("credential revoked") << qint64(10) << "credential/cred2"
                                            << "revoked";
        QTest::newRow("credential of a revoked authority") << qint64(10) << "credential/cred3"
                                                           << "revoked";
        QTest::newRow("credential not yet issued") << qint64(-1) << "credential/cred1"
                                                   << "<absent>";
    }
    void statusAtInstant()
    {
        QFETCH(qint64, minutes);
        QFETCH(QString, id);
        QFETCH(QString, expected);
        QCOMPARE(status(at(minutes), id), expected);
    }

    void workloadClaimExpiryDoesNotMakeItStale()
    {
        // A workload's signed claims are presentable for five minutes; its attestation still
        // holds for the estate's freshness after the record, as in the simulation.
        Estate e = samples::handBuiltEstate();
        for (EstateSubject &s : e.subjects) {
            for (EstateObservation &o : s.history)
                o.expiresAt = o.time.addSecs(300);
        }
        GraphBuildOptions o;
        o.at = samples::kT0.addSecs(50 * 60);
        const TopologyGraph g = GraphBuilder::build(e, o);
        QCOMPARE(status(g, QStringLiteral("workload/w1")), QStringLiteral("attested"));
        QCOMPARE(status(g, QStringLiteral("node/k1")), QStringLiteral("attested"));
    }

    void edgesCarryTheirEndsStatus()
    {
        const TopologyGraph g = at(50);
        const int e = g.findEdge(g.indexOf(QStringLiteral("workload/w1")),
                                 g.indexOf(QStringLiteral("credential/cred1")), EdgeClass::Holds);
        QCOMPARE(g.edge(e).status, GraphStatus::Expiring);
        const int r = g.findEdge(g.indexOf(QStringLiteral("workload/w3")),
                                 g.indexOf(QStringLiteral("node/k1")), EdgeClass::RunsOn);
        QCOMPARE(g.edge(r).status, GraphStatus::Refused);
    }

    void simulationStateDecides()
    {
        GraphStateInput state;
        state.at = samples::kT0.addSecs(50 * 60);
        state.attested = {QStringLiteral("node/k1"), QStringLiteral("workload/w1"),
                          QStringLiteral("workload/new")};
        state.live = {{QStringLiteral("c77"),
                       QStringLiteral("workload/w1"),
                       QStringLiteral("spiffe://a.example/api"),
                       state.at.addSecs(1800),
                       {},
                       {}}};
        const TopologyGraph g = at(0, &state);
        QCOMPARE(g.at(), state.at);
        QCOMPARE(status(g, QStringLiteral("node/k1")), QStringLiteral("attested"));
        // Not attested by the simulation, although its own evidence is fresh.
        QCOMPARE(status(g, QStringLiteral("node/j1")), QStringLiteral("stale"));
        QCOMPARE(status(g, QStringLiteral("workload/w3")), QStringLiteral("refused"));
        QCOMPARE(status(g, QStringLiteral("workload/new")), QStringLiteral("attested"));
        QCOMPARE(status(g, QStringLiteral("credential/c77")), QStringLiteral("valid"));
        QVERIFY(hasEdge(g, QStringLiteral("workload/w1"), QStringLiteral("credential/c77"),
                        EdgeClass::Holds));
        QVERIFY(hasEdge(g, QStringLiteral("credential/c77"), QStringLiteral("authority/auth-a1"),
                        EdgeClass::IssuedBy));
    }

    void restrictedToTrustDomain()
    {
        const TopologyGraph g = at(50).restrictedTo(QStringLiteral("c.example"));
        QVERIFY(g.contains(QStringLiteral("td/c.example")));
        QVERIFY(g.contains(QStringLiteral("authority/auth-c1")));
        QVERIFY(g.contains(QStringLiteral("td/a.example"))); // its federation peer
        QVERIFY(!g.contains(QStringLiteral("node/k1")));
    }

    void demoWorkspace()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("demo.atlas"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto made = DemoWorkspace::create(path, now);
        if (!made.ok())
            QFAIL(qPrintable(made.error().toString()));
        auto ws = Workspace::open(path, {});
        QVERIFY(ws.ok());
        RuleStore rules((*ws)->database());
        const QByteArray policies = R"J({"policies": [
            {"name": "agents", "effect": "grant", "trust_domain": "prod.example",
             "spiffe_id": "/by/{attestor}", "condition": "verdict == 'affirming' && attestor in ['unix', 'docker', 'systemd', 'k8s']",
             "federates_with": ["partner.example"]},
            {"name": "never", "effect": "grant", "trust_domain": "prod.example",
             "spiffe_id": "/never", "condition": "attestor == 'nothing'"}]})J";
        QVERIFY(rules.save(RuleKind::Policies, policies, QStringLiteral("test"), now).ok());
        auto estate = EstateLoader::load(**ws);
        if (!estate.ok())
            QFAIL(qPrintable(estate.error().toString()));
        QCOMPARE(estate->agentTrustDomain, QStringLiteral("prod.example"));
        GraphBuildOptions o;
        o.at = now;
        const TopologyGraph g = GraphBuilder::build(*estate, o);
        QCOMPARE(g.countOf(NodeClass::TrustDomain), qsizetype(3));
        for (int c = 0; c < kNodeClassCount; ++c)
            QVERIFY2(g.countOf(NodeClass(c)) > 0, qPrintable(nodeClassName(NodeClass(c))));
        for (EdgeClass c :
             {EdgeClass::FederatesWith, EdgeClass::AttestedBy, EdgeClass::RunsOn, EdgeClass::Grants,
              EdgeClass::Identifies, EdgeClass::IssuedBy, EdgeClass::MemberOf})
            QVERIFY2(g.countOf(c) > 0, qPrintable(edgeClassName(c)));
        // Every subject and credential has a status; nothing else does.
        for (const GraphNode &n : g.nodes()) {
            const bool hasStatus = n.cls == NodeClass::Node || n.cls == NodeClass::Workload ||
                                   n.cls == NodeClass::Credential;
            QCOMPARE(n.status != GraphStatus::None, hasStatus);
        }
        QVERIFY(hasEdge(g, QStringLiteral("td/prod.example"), QStringLiteral("td/partner.example"),
                        EdgeClass::FederatesWith));
        QVERIFY(g.contains(QStringLiteral("spiffe://prod.example/by/k8s")) ||
                g.contains(QStringLiteral("spiffe://prod.example/by/unix")));
    }

    void buildsTenThousandNodesFast()
    {
        // Not a timed assertion (bench_graph measures): the build must merely stay linear, so a
        // 10,000-subject estate is built at all.
        Estate e = samples::handBuiltEstate();
        for (int i = 0; i < 2000; ++i) {
            EstateSubject n = samples::subject(QStringLiteral("node/n%1").arg(i), false,
                                               QStringLiteral("k8s_psat"), {},
                                               {QStringLiteral("k8s_issuer:prod")});
            n.platform = QStringLiteral("k8s:prod");
            n.history = {samples::seen(0)};
            e.subjects << n;
            for (int j = 0; j < 4; ++j) {
                EstateSubject w = samples::subject(QStringLiteral("workload/n%1-%2").arg(i).arg(j),
                                                   true, QStringLiteral("k8s"), n.subject, {});
                w.history = {samples::seen(1, 0)};
                e.subjects << w;
            }
        }
        GraphBuildOptions o;
        o.at = samples::kT0.addSecs(600);
        const TopologyGraph g = GraphBuilder::build(e, o);
        QVERIFY(g.nodeCount() > 10000);
        QCOMPARE(g.countOf(EdgeClass::RunsOn), qsizetype(8000 + 3));
    }
};

QTEST_GUILESS_MAIN(TestGraphBuilder)
#include "tst_graphbuilder.moc"
