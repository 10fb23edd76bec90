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

    void shadowedRules_data()
    {
        // Each rule: "NAME|grant or deny or entry|SPIFFE ID|condition (policies) or
        // selectors, comma-separated (entries)|parent (entries)"; trust domain a.example.
        QTest::addColumn<QStringList>("rules");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("deny covering a grant")
            << QStringList{"debug|grant|spiffe://a.example/debug|attestor == 'k8s' && "
                           "workload.k8s.ns == 'debug' && verdict == 'affirming'",
                           "no-debug|deny||workload.k8s.ns=='debug' && attestor == 'k8s'"}
            << QStringList{"rule/policy/debug<-rule/policy/no-debug:denied"};
        QTest::newRow("deny of another identity shadows nothing")
            << QStringList{"debug|grant|spiffe://a.example/debug|workload.k8s.ns == 'debug'",
                           "no-other|deny|spiffe://a.example/other|workload.k8s.ns == 'debug'"}
            << QStringList{};
        QTest::newRow("narrower deny shadows nothing")
            << QStringList{"api|grant|spiffe://a.example/api|attestor == 'k8s'",
                           "no-debug|deny||attestor == 'k8s' && workload.k8s.ns == 'debug'"}
            << QStringList{};
        QTest::newRow("deny matching everything")
            << QStringList{"api|grant|spiffe://a.example/api|attestor == 'k8s'",
                           "freeze|deny||true"}
            << QStringList{"rule/policy/api<-rule/policy/freeze:denied"};
        QTest::newRow("broader grant of the same identity")
            << QStringList{"api|grant|spiffe://a.example/api|verdict == 'affirming'",
                           "api-k8s|grant|spiffe://a.example/api|verdict == 'affirming' && "
                           "(attestor == 'k8s' || attestor == 'docker')"}
            << QStringList{"rule/policy/api-k8s<-rule/policy/api:redundant"};
        QTest::newRow("same condition twice: the later one")
            << QStringList{"first|grant|spiffe://a.example/x|subject == 'a && b'",
                           "second|grant|spiffe://a.example/x|subject ==   'a && b'"}
            << QStringList{"rule/policy/second<-rule/policy/first:redundant"};
        QTest::newRow("a string holding && is one conjunct")
            << QStringList{"one|grant|spiffe://a.example/x|subject == 'a && b'",
                           "two|grant|spiffe://a.example/x|subject == 'a'"}
            << QStringList{};
        QTest::newRow("different identities are not redundant")
            << QStringList{"api|grant|spiffe://a.example/api|verdict == 'affirming'",
                           "web|grant|spiffe://a.example/web|verdict == 'affirming' && "
                           "attestor == 'k8s'"}
            << QStringList{};
        QTest::newRow("entry with more selectors under the same parent")
            << QStringList{"e1|entry|spiffe://a.example/api|k8s:ns:pay|spiffe://a.example/agent",
                           "e2|entry|spiffe://a.example/api|k8s:ns:pay,k8s:sa:api|"
                           "spiffe://a.example/agent"}
            << QStringList{"rule/entry/e2<-rule/entry/e1:redundant"};
        QTest::newRow("entries under different parents")
            << QStringList{"e1|entry|spiffe://a.example/api|k8s:ns:pay|spiffe://a.example/n1",
                           "e2|entry|spiffe://a.example/api|k8s:ns:pay,k8s:sa:api|"
                           "spiffe://a.example/n2"}
            << QStringList{};
    }
    void shadowedRules()
    {
        QFETCH(QStringList, rules);
        QFETCH(QStringList, expected);
        Estate e;
        e.trustDomains = {EstateTrustDomain{QStringLiteral("a.example"), {}}};
        for (const QString &spec : rules) {
            const QStringList f = spec.split(QLatin1Char('|'));
            EstateRule r = samples::rule(f.at(0), f.at(2));
            if (f.at(1) == QLatin1String("entry")) {
                r.id = QStringLiteral("rule/entry/") + f.at(0);
                r.entry = true;
                r.selectors = f.at(3).split(QLatin1Char(','));
                r.parentId = f.at(4);
            } else {
                r.deny = f.at(1) == QLatin1String("deny");
                r.condition = f.at(3);
            }
            e.rules << r;
        }
        QStringList found;
        for (const GraphFinding &f : GraphAnalysis::findings(GraphBuilder::build(e))) {
            if (f.kind != QLatin1String("shadowed_rule"))
                continue;
            found << f.subject + QStringLiteral("<-") +
                         f.detail.value(QLatin1String("by")).toString() + QLatin1Char(':') +
                         f.detail.value(QLatin1String("reason")).toString();
        }
        QCOMPARE(found, expected);
    }

    void ruleGrantingNothingOnAHandBuiltEstate()
    {
        // A grant whose only identity a deny takes away is left granting nothing.
        Estate e;
        e.trustDomains = {EstateTrustDomain{QStringLiteral("a.example"), {}}};
        EstateRule grant =
            samples::rule(QStringLiteral("g"), QStringLiteral("spiffe://a.example/g"));
        EstateRule deny = samples::rule(QStringLiteral("d"), QString());
        deny.deny = true;
        e.rules = {grant, deny};
        QCOMPARE(kinds(GraphAnalysis::findings(GraphBuilder::build(e)),
                       QStringLiteral("rule_grants_nothing")),
                 QStringList{QStringLiteral("rule/policy/g")});
    }
};

QTEST_GUILESS_MAIN(TestGraphAnalysis)
#include "tst_graphanalysis.moc"
