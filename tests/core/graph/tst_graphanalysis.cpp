// SPDX-License-Identifier: Apache-2.0
#include "EstateSamples.h"

#include "core/graph/GraphAnalysis.h"
#include "core/graph/GraphBuilder.h"

#include <QTest>

using namespace ta;
using namespace ta::core;

class TestGraphAnalysis : public QObject
{
    Q_OBJECT

private:
    static TopologyGraph graphAt(qint64 minutes)
    {
        GraphBuildOptions o;
        o.at = samples::kT0.addSecs(minutes * 60);
        return GraphBuilder::build(samples::handBuiltEstate(), o);
    }
    static QStringList kinds(const QList<GraphFinding> &findings, const QString &kind)
    {
        QStringList out;
        for (const GraphFinding &f : findings) {
            if (f.kind == kind)
                out << f.subject;
        }
        out.sort();
        return out;
    }

private Q_SLOTS:
    void reach_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<bool>("reachable");
        QTest::addColumn<bool>("mutual");
        // c.example holds a.example's bundle (c -> a): a's workloads reach c, not the reverse.
        QTest::newRow("one way: a reaches c") << "a.example"
                                              << "c.example" << true << false;
        QTest::newRow("one way: c does not reach a") << "c.example"
                                                     << "a.example" << false << true;
        QTest::newRow("two way a to b") << "a.example"
                                        << "b.example" << true << true;
        QTest::newRow("two way b to a") << "b.example"
                                        << "a.example" << true << true;
        QTest::newRow("no relation b to c") << "b.example"
                                            << "c.example" << false << false;
        QTest::newRow("unknown domain") << "x.example"
                                        << "a.example" << false << false;
    }
    void reach()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(bool, reachable);
        QFETCH(bool, mutual);
        const ReachResult r = GraphAnalysis::reach(graphAt(50), from, to);
        QCOMPARE(r.reachable, reachable);
        QCOMPARE(r.mutual, mutual);
    }

    void reachNamesWorkloadsAndRules()
    {
        // b.example accepts a.example through b's rule b-api.
        const ReachResult r = GraphAnalysis::reach(graphAt(50), QStringLiteral("a.example"),
                                                   QStringLiteral("b.example"));
        QCOMPARE(r.rules, QStringList{QStringLiteral("rule/policy/b-api")});
        QStringList w = r.workloads;
        w.sort();
        QCOMPARE(w, (QStringList{QStringLiteral("workload/w1"), QStringLiteral("workload/w2"),
                                 QStringLiteral("workload/w3")}));
    }

    void blastRadius_data()
    {
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("cls");
        QTest::addColumn<QStringList>("expected");
        // The shared CA auth-a1 signed cred1, cred2 and cred4.
        QTest::newRow("shared CA: credentials")
            << "authority/auth-a1"
            << "credential"
            << QStringList{"credential/cred1", "credential/cred2", "credential/cred4"};
        QTest::newRow("cluster issuer: nodes") << "anchor/k8s_issuer:prod"
                                               << "node" << QStringList{"node/k1"};
        QTest::newRow("cluster issuer: workloads")
            << "anchor/k8s_issuer:prod"
            << "workload" << QStringList{"workload/w1", "workload/w3"};
        // w1 holds cred1 (valid); the revoked cred2 is held by no one attested.
        QTest::newRow("cluster issuer: credentials")
            << "anchor/k8s_issuer:prod"
            << "credential" << QStringList{"credential/cred1", "credential/cred2"};
        QTest::newRow("join token: the weak workload") << "anchor/join_token:t1"
                                                       << "workload" << QStringList{"workload/w2"};
        QTest::newRow("node: its workloads") << "node/j1"
                                             << "credential" << QStringList{"credential/cred4"};
        QTest::newRow("platform: its nodes") << "platform/k8s:prod"
                                             << "node" << QStringList{"node/k1"};
        QTest::newRow("rule: its identity") << "rule/policy/weak"
                                            << "identity" << QStringList{"spiffe://a.example/weak"};
        QTest::newRow("unknown root") << "anchor/none"
                                      << "node" << QStringList{};
    }
    void blastRadius()
    {
        QFETCH(QString, root);
        QFETCH(QString, cls);
        QFETCH(QStringList, expected);
        const BlastRadius b = GraphAnalysis::blastRadius(graphAt(50), root);
        QCOMPARE(b.affected.value(cls), expected);
    }

    void path()
    {
        const TopologyGraph g = graphAt(50);
        const GraphPath p = GraphAnalysis::path(g, QStringLiteral("workload/w1"),
                                                QStringLiteral("anchor/k8s_issuer:prod"));
        QCOMPARE(p.nodes, (QStringList{QStringLiteral("workload/w1"), QStringLiteral("node/k1"),
                                       QStringLiteral("anchor/k8s_issuer:prod")}));
        QCOMPARE(p.edges, (QStringList{QStringLiteral("runs_on"), QStringLiteral("attested_by")}));
        const GraphPath back =
            GraphAnalysis::path(g, QStringLiteral("node/k1"), QStringLiteral("workload/w1"));
        QCOMPARE(back.edges, QStringList{QStringLiteral("<-runs_on")});
        QVERIFY(
            !GraphAnalysis::path(g, QStringLiteral("node/k1"), QStringLiteral("nowhere")).found());
    }

    void findings_data()
    {
        QTest::addColumn<qint64>("minutes");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("subjects");
        QTest::newRow("one workload, several identities")
            << qint64(50) << "multiple_identities" << QStringList{"workload/w1"};
        QTest::newRow("join token alone")
            << qint64(50) << "weak_attestor" << QStringList{"spiffe://a.example/weak"};
        QTest::newRow("one-way federation")
            << qint64(50) << "one_way_federation" << QStringList{"c.example->a.example"};
        QTest::newRow("long TTL") << qint64(50) << "long_ttl" << QStringList{"rule/policy/long"};
        // a's X.509 authority ends in 3 days with nothing prepared; b's has a successor.
        QTest::newRow("CA near expiry")
            << qint64(50) << "ca_near_expiry" << QStringList{"authority/auth-a1"};
        QTest::newRow("nothing stale yet") << qint64(50) << "stale_evidence" << QStringList{};
        QTest::newRow("stale evidence later")
            << qint64(95) << "stale_evidence"
            << QStringList{"node/j1", "node/k1", "workload/w1", "workload/w2"};
        QTest::newRow("rule granting nothing")
            << qint64(50) << "rule_grants_nothing"
            << QStringList{"rule/policy/b-api", "rule/policy/c-api", "rule/policy/idle"};
    }
    void findings()
    {
        QFETCH(qint64, minutes);
        QFETCH(QString, kind);
        QFETCH(QStringList, subjects);
        QCOMPARE(kinds(GraphAnalysis::findings(graphAt(minutes)), kind), subjects);
    }
};

QTEST_GUILESS_MAIN(TestGraphAnalysis)
#include "tst_graphanalysis.moc"
