// SPDX-License-Identifier: Apache-2.0
// The demo workspace shows the estate off: three trust domains with federation, every platform
// kind, about 50 workloads, a week of evidence whose simulation issues, renews, revokes (on
// drift, on a revoked key, on an image update) and denies, and a stale and a refused subject.
#include "core/attestation/lab/DemoWorkspace.h"
#include "core/attestation/lab/TopologyLab.h"
#include "core/graph/EstateLoader.h"
#include "core/graph/GraphAnalysis.h"
#include "core/graph/GraphBuilder.h"
#include "core/graph/GraphExport.h"
#include "core/policy/Policy.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/AttestationStore.h"
#include "core/store/RuleStore.h"
#include "core/store/Workspace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

class TestDemoWorkspace : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QDateTime m_now;
    std::unique_ptr<Workspace> m_ws;

    bool hasEdge(const TopologyGraph &g, const QString &from, const QString &to, EdgeClass cls)
    {
        return g.findEdge(g.indexOf(from), g.indexOf(to), cls) >= 0;
    }

    SimulationRun simulate(qint64 freshness)
    {
        auto replay = TimelineReplay::fromWorkspace(*m_ws, {});
        if (!replay)
            qFatal("%s", qPrintable(replay.error().toString()));
        RuleStore rules(m_ws->database());
        auto policies = Policy::listFromJson(rules.load(RuleKind::Policies).value());
        auto set = RuleSet::fromPolicies(policies.value());
        SimulationSettings settings;
        settings.freshness = freshness;
        auto run = replay->simulate(set.value(), settings);
        if (!run)
            qFatal("%s", qPrintable(run.error().toString()));
        return *run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        const QString path = m_dir.filePath(QStringLiteral("demo.atlas"));
        QElapsedTimer clock;
        clock.start();
        auto made = DemoWorkspace::create(path, m_now);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().toString()));
        // Not a timed assertion (the machine may be busy): the figure is for the log.
        qInfo("demo workspace made in %lld ms", clock.elapsed());
        auto ws = Workspace::open(path, {});
        QVERIFY(ws.ok());
        m_ws = std::move(*ws);
    }

    void threeTrustDomainsAndAWeekOfEvidence()
    {
        QCOMPARE(m_ws->trustDomainNames(),
                 (QStringList{QStringLiteral("partner.example"), QStringLiteral("prod.example"),
                              QStringLiteral("staging.example")}));
        AttestationStore store(m_ws->database());
        QVERIFY(store.evidenceCount().value() > 2000);
        QDateTime first;
        QDateTime last;
        QVERIFY(store
                    .forEachEvidence([&](const EvidenceRecord &r) {
                        if (!first.isValid())
                            first = r.time;
                        last = r.time;
                    })
                    .ok());
        QVERIFY(first.secsTo(last) > 6 * 86400);
        QVERIFY(last <= m_now);
        QVERIFY(last.secsTo(m_now) < 3600);
        RuleStore rules(m_ws->database());
        QCOMPARE(rules.latestVersion(RuleKind::Policies).value(), 1);
    }

    void graphShowsTheEstate()
    {
        auto estate = EstateLoader::load(*m_ws);
        QVERIFY(estate.ok());
        QCOMPARE(estate->agentTrustDomain, QStringLiteral("prod.example"));
        GraphBuildOptions o;
        o.at = m_now;
        const TopologyGraph g = GraphBuilder::build(*estate, o);
        QCOMPARE(g.countOf(NodeClass::TrustDomain), qsizetype(3));
        QCOMPARE(g.countOf(NodeClass::Node), qsizetype(12));
        QCOMPARE(g.countOf(NodeClass::Workload), qsizetype(49));
        for (const char *p : {"platform/k8s:prod-eu", "platform/aws:111122223333",
                              "platform/gcp:acme-analytics", "platform/tpm"})
            QVERIFY2(g.contains(QString::fromLatin1(p)), p);
        // Federation: production and partner both ways, staging one way towards production.
        QVERIFY(hasEdge(g, QStringLiteral("td/prod.example"), QStringLiteral("td/partner.example"),
                        EdgeClass::FederatesWith));
        QVERIFY(hasEdge(g, QStringLiteral("td/partner.example"), QStringLiteral("td/prod.example"),
                        EdgeClass::FederatesWith));
        QVERIFY(hasEdge(g, QStringLiteral("td/staging.example"), QStringLiteral("td/prod.example"),
                        EdgeClass::FederatesWith));
        QVERIFY(!hasEdge(g, QStringLiteral("td/prod.example"), QStringLiteral("td/staging.example"),
                         EdgeClass::FederatesWith));
        QSet<QString> domainsWithIdentities;
        for (int i : g.nodesOf(NodeClass::Identity))
            domainsWithIdentities.insert(g.node(i).trustDomain);
        QCOMPARE(domainsWithIdentities.size(), 3);
        // A node gone stale, a TPM host refused for its drifted PCRs, the rest attested.
        QCOMPARE(g.node(g.indexOf(QStringLiteral("node/gce-analytics-2"))).status,
                 GraphStatus::Stale);
        QCOMPARE(g.node(g.indexOf(QStringLiteral("node/edge-tpm-2"))).status, GraphStatus::Refused);
        QCOMPARE(g.node(g.indexOf(QStringLiteral("node/prod-eu-1"))).status, GraphStatus::Attested);
        int attested = 0;
        for (int i : g.nodesOf(NodeClass::Workload))
            attested += g.node(i).status == GraphStatus::Attested;
        QVERIFY(attested >= 40);
        // The findings include the stale node, the one-way federation and the deny-shadowed
        // debug grant.
        QSet<QString> kinds;
        for (const GraphFinding &f : GraphAnalysis::findings(g))
            kinds.insert(f.kind + QLatin1Char(' ') + f.subject);
        QVERIFY(kinds.contains(QStringLiteral("stale_evidence node/gce-analytics-2")));
        QVERIFY(kinds.contains(QStringLiteral("one_way_federation staging.example->prod.example")));
        QVERIFY(kinds.contains(QStringLiteral("shadowed_rule rule/policy/debug-tools")));
    }

    void demoIsADesign()
    {
        // The demo's graph export reads back as the design it was generated from.
        auto estate = EstateLoader::load(*m_ws);
        QVERIFY(estate.ok());
        GraphBuildOptions o;
        o.at = m_now;
        auto design =
            LabTopology::fromJson(GraphExport::toJson(GraphBuilder::build(*estate, o), nullptr));
        QVERIFY2(design.ok(), design.ok() ? "" : qPrintable(design.error().toString()));
        QCOMPARE(design->agentTrustDomain, QStringLiteral("prod.example"));
        QCOMPARE(design->trustDomains.size(), 3);
        QCOMPARE(design->platforms.size(), 4);
        QCOMPARE(design->nodes.size(), 12);
        QCOMPARE(design->workloads.size(), 49);
        QCOMPARE(design->policies.size(), 10);
        auto stored = TopologyLab::loadDesign(*m_ws);
        QVERIFY(stored.has_value());
        QVERIFY(*stored == *design);
    }

    void simulationIssuesRenewsRevokesAndDenies()
    {
        // The demo's subjects report every 4 hours: with a freshness above that the estate is
        // steady and only the week's events revoke.
        const SimulationRun run = simulate(5 * 3600);
        const SimulationRun::Summary s = run.summary();
        QVERIFY(s.issued > 50);
        QVERIFY(s.renewed > 0);
        QVERIFY(s.revoked > 0);
        QVERIFY(s.denied > 0);
        QHash<QString, int> reasons;
        QSet<QString> deniedBy;
        for (const SimulationEvent &e : run.events()) {
            if (e.kind == SimulationEvent::Kind::Revoked)
                for (const QString &r : e.reason)
                    reasons[r] += 1;
            if (e.kind == SimulationEvent::Kind::Denied)
                deniedBy.insert(e.rule);
        }
        // The revoked signing key, the image update payments pinned against, the TPM drift.
        QVERIFY(reasons.value(QStringLiteral("key_revoked")) > 0);
        QVERIFY(reasons.value(QStringLiteral("no_longer_granted")) > 0);
        QVERIFY(reasons.value(QStringLiteral("pcr_not_golden")) > 0);
        QVERIFY(reasons.value(QStringLiteral("node_revoked")) > 0);
        QCOMPARE(deniedBy, QSet<QString>{QStringLiteral("no-debug-shells")});
        // Identities in all three trust domains.
        QSet<QString> domains;
        for (const SimulatedCredential &c : run.credentials())
            domains.insert(c.spiffeId.section(QLatin1Char('/'), 2, 2));
        QCOMPARE(domains,
                 (QSet<QString>{QStringLiteral("prod.example"), QStringLiteral("staging.example"),
                                QStringLiteral("partner.example")}));
    }

    void defaultFreshnessStillIssues()
    {
        // With the default freshness subjects lapse between rounds (evidence_stale), and are
        // issued again at the next.
        const SimulationRun::Summary s = simulate(3600).summary();
        QVERIFY(s.issued > 500);
        QVERIFY(s.revoked > 0);
    }

    // The graph and the simulation mint agent IDs in one trust domain, chosen by the engine:
    // the design's (the meta table), else that of the agent SVIDs in the evidence, else the
    // first by name (partner.example here, where no agent lives).
    void graphAndSimulationAgreeOnTheAgentTrustDomain()
    {
        const QString copy = m_dir.filePath(QStringLiteral("agents.atlas"));
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("demo.atlas")), copy));
        auto ws = Workspace::open(copy, {});
        QVERIFY(ws.ok());
        const auto domains = [&]() {
            auto replay = TimelineReplay::fromWorkspace(**ws, {});
            auto estate = EstateLoader::load(**ws);
            if (!replay || !estate)
                return QStringList();
            return QStringList{replay->settings().trustDomain.name(), estate->agentTrustDomain};
        };
        const auto setMeta = [&](const char *value) {
            auto st = (*ws)->database().prepare(
                value ? QStringLiteral("INSERT OR REPLACE INTO meta(key, value) "
                                       "VALUES('agent_trust_domain', ?)")
                      : QStringLiteral("DELETE FROM meta WHERE key = 'agent_trust_domain'"));
            if (value)
                st->bind(1, QByteArray(value));
            return st && st->exec().ok();
        };
        const QStringList prod{QStringLiteral("prod.example"), QStringLiteral("prod.example")};
        QCOMPARE(domains(), prod);
        QVERIFY(setMeta(nullptr));
        QCOMPARE(domains(), prod);
        QVERIFY(setMeta("staging.example"));
        QCOMPARE(domains(), (QStringList{QStringLiteral("staging.example"),
                                         QStringLiteral("staging.example")}));
        QVERIFY(setMeta("elsewhere.example"));
        QCOMPARE(domains(), prod);
        // Asked for one, the graph mints there.
        EstateLoadOptions o;
        o.agentTrustDomain = QStringLiteral("partner.example");
        QCOMPARE(EstateLoader::load(**ws, o)->agentTrustDomain, QStringLiteral("partner.example"));
    }
};

QTEST_GUILESS_MAIN(TestDemoWorkspace)
#include "tst_demoworkspace.moc"
