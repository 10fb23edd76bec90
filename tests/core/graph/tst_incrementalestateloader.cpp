// SPDX-License-Identifier: Apache-2.0
// The estate read again after an edit: the evidence is replayed only when what it rests on
// changed (authorities, anchors, rules, evidence), and the result is always the estate a full
// EstateLoader::load reads from the same workspace. Real demo workspace (SQLite, OpenSSL).
#include "core/attestation/lab/DemoWorkspace.h"
#include "core/attestation/lab/LabTopology.h"
#include "core/attestation/lab/TopologyLab.h"
#include "core/graph/EstateLoader.h"
#include "core/graph/GraphBuilder.h"
#include "core/graph/IncrementalEstateLoader.h"
#include "core/policy/Policy.h"
#include "core/simulation/ReplayResultCache.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/AttestationStore.h"
#include "core/store/RuleStore.h"
#include "core/store/StoreErrors.h"
#include "core/store/Workspace.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

using namespace ta;
using namespace ta::core;

class TestIncrementalEstateLoader : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QDateTime m_now;
    std::unique_ptr<Workspace> m_ws;

    // The two estates drawn at the same instant: the same nodes and edges, with the same
    // types, labels, properties and statuses.
    void compareWithFullLoad(const Result<Estate> &incremental)
    {
        QVERIFY2(incremental.ok(),
                 incremental.ok() ? "" : qPrintable(incremental.error().toString()));
        auto full = EstateLoader::load(*m_ws);
        QVERIFY(full.ok());
        GraphBuildOptions o;
        o.at = m_now;
        const TopologyGraph a = GraphBuilder::build(*incremental, o);
        const TopologyGraph b = GraphBuilder::build(*full, o);
        QCOMPARE(a.nodeCount(), b.nodeCount());
        QCOMPARE(a.edgeCount(), b.edgeCount());
        for (const GraphNode &n : a.nodes()) {
            const int j = b.indexOf(n.id);
            QVERIFY2(j >= 0, qPrintable(n.id));
            const GraphNode &m = b.node(j);
            QVERIFY2(n.cls == m.cls && n.label == m.label && n.status == m.status &&
                         n.trustDomain == m.trustDomain && n.properties == m.properties,
                     qPrintable(n.id));
        }
        for (const GraphEdge &e : a.edges()) {
            const int from = b.indexOf(a.node(e.from).id);
            const int to = b.indexOf(a.node(e.to).id);
            bool found = false;
            for (const GraphEdge &f : b.edges())
                found = found ||
                        (f.from == from && f.to == to && f.cls == e.cls && f.status == e.status);
            QVERIFY2(found,
                     qPrintable(a.node(e.from).id + QStringLiteral(" -> ") + a.node(e.to).id));
        }
    }

    LabTopology design(int workloads)
    {
        LabTopology t;
        t.trustDomains = {QStringLiteral("prod.example")};
        t.agentTrustDomain = QStringLiteral("prod.example");
        t.platforms = {QStringLiteral("k8s:planned")};
        t.nodes = {{QStringLiteral("node/planned-1"), QStringLiteral("k8s:planned")}};
        for (int i = 0; i < workloads; ++i) {
            LabTopology::Workload w;
            w.subject = QStringLiteral("workload/planned-%1").arg(i);
            w.node = QStringLiteral("node/planned-1");
            w.ns = QStringLiteral("shop");
            w.serviceAccount = QStringLiteral("sa%1").arg(i);
            t.workloads << w;
        }
        return t;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        const QString path = m_dir.filePath(QStringLiteral("demo.atlas"));
        auto made = DemoWorkspace::create(path, m_now);
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().toString()));
        auto ws = Workspace::open(path, {});
        QVERIFY(ws.ok());
        m_ws = std::move(*ws);
    }

    void firstLoadReplaysOnceThenKeeps()
    {
        IncrementalEstateLoader loader;
        compareWithFullLoad(loader.load(*m_ws));
        QCOMPARE(loader.replays(), 1);
        compareWithFullLoad(loader.load(*m_ws));
        QCOMPARE(loader.replays(), 1);
    }

    void designEditIsReadWithoutReplay()
    {
        IncrementalEstateLoader loader;
        QVERIFY(TopologyLab::saveDesign(*m_ws, design(1), m_now).ok());
        compareWithFullLoad(loader.load(*m_ws));
        const int before = loader.replays();
        QVERIFY(TopologyLab::saveDesign(*m_ws, design(2), m_now).ok());
        auto estate = loader.load(*m_ws);
        compareWithFullLoad(estate);
        QCOMPARE(loader.replays(), before);
        bool planned = false;
        for (const EstateSubject &s : estate->subjects)
            planned = planned || (s.subject == QLatin1String("workload/planned-1") && s.planned);
        QVERIFY(planned);
    }

    void credentialEditIsReadWithoutReplay()
    {
        IncrementalEstateLoader loader;
        QVERIFY(loader.load(*m_ws).ok());
        auto credentials = m_ws->credentials();
        QVERIFY(credentials.ok() && !credentials->isEmpty());
        const CredentialRecord c = credentials->first();
        QVERIFY(c.status != CredentialRecord::Status::Revoked);
        QVERIFY(m_ws->setCredentialStatus(c.id, CredentialRecord::Status::Revoked).ok());
        auto estate = loader.load(*m_ws);
        compareWithFullLoad(estate);
        QCOMPARE(loader.replays(), 1);
        bool revoked = false;
        for (const EstateCredential &e : estate->credentials)
            revoked = revoked || (e.serial == c.serial && e.revoked);
        QVERIFY(revoked);
    }

    void policyEditReplays()
    {
        IncrementalEstateLoader loader;
        QVERIFY(loader.load(*m_ws).ok());
        RuleStore rules(m_ws->database());
        auto content = rules.load(RuleKind::Policies);
        QVERIFY(content.ok());
        auto policies = Policy::listFromJson(*content);
        QVERIFY(policies.ok() && !policies->isEmpty());
        // The same policies saved again: a new version, the same rules, no replay.
        QVERIFY(rules.save(RuleKind::Policies, Policy::listToJson(*policies), {}, m_now).ok());
        compareWithFullLoad(loader.load(*m_ws));
        QCOMPARE(loader.replays(), 1);
        (*policies)[0].x509SvidTtl = policies->at(0).x509SvidTtl + 60;
        QVERIFY(rules.save(RuleKind::Policies, Policy::listToJson(*policies), {}, m_now).ok());
        compareWithFullLoad(loader.load(*m_ws));
        QCOMPARE(loader.replays(), 2);
    }

    void anchorEditReplays()
    {
        IncrementalEstateLoader loader;
        QVERIFY(loader.load(*m_ws).ok());
        AttestationStore store(m_ws->database());
        auto anchors = store.anchors();
        QVERIFY(anchors.ok() && !anchors->anchors().isEmpty());
        QVERIFY(store.removeAnchor(anchors->anchors().constLast().id).ok());
        compareWithFullLoad(loader.load(*m_ws));
        QCOMPARE(loader.replays(), 2);
    }

    void newEvidenceReplays()
    {
        IncrementalEstateLoader loader;
        QVERIFY(loader.load(*m_ws).ok());
        AttestationStore store(m_ws->database());
        QByteArray line;
        QVERIFY(store
                    .forEachEvidence([&](const EvidenceRecord &r) {
                        if (line.isEmpty())
                            line = r.toJsonLine();
                    })
                    .ok());
        QVERIFY(!line.isEmpty());
        QBuffer buffer(&line);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QVERIFY(store.importEvidence(buffer, QStringLiteral("again")).ok());
        compareWithFullLoad(loader.load(*m_ws));
        QCOMPARE(loader.replays(), 2);
    }

    void cancelledLoadStartsAgainFromNothing()
    {
        EstateLoadOptions o;
        bool cancel = true;
        o.progress = [&cancel](qint64) { return !cancel; };
        IncrementalEstateLoader loader(o);
        auto first = loader.load(*m_ws);
        QVERIFY(!first.ok());
        cancel = false;
        compareWithFullLoad(loader.load(*m_ws));
        QCOMPARE(loader.replays(), 1);
    }

    // The app's document reads the records once for all its views and hands them over with
    // its result cache: the replay takes them from there, not from the workspace, and comes out
    // the same.
    void replayIsSetUpByTheGivenSetup()
    {
        QList<EvidenceRecord> all;
        AttestationStore store(m_ws->database());
        QVERIFY(store.forEachEvidence([&](const EvidenceRecord &r) { all << r; }).ok());
        QVERIFY(!all.isEmpty());
        int asked = 0;
        auto cache = std::make_shared<ReplayResultCache>();
        const auto setup = [&](TimelineReplay &replay) -> Result<void> {
            ++asked;
            replay.setRecords(all);
            replay.setResultCache(cache);
            return {};
        };
        IncrementalEstateLoader loader;
        auto pending = loader.prepare(*m_ws, setup);
        QVERIFY(pending.ok());
        QCOMPARE(asked, 1);
        QVERIFY(IncrementalEstateLoader::replay(*pending, loader.options()).ok());
        compareWithFullLoad(loader.finish(*m_ws, std::move(*pending)));
        // The results were kept in the given cache, and a second estate reads them from it.
        QCOMPARE(cache->size(), size_t(all.size()));
        auto signatureWork = std::make_shared<TimelineReplay::SignatureWork>();
        IncrementalEstateLoader again;
        auto second = again.prepare(*m_ws, [&](TimelineReplay &replay) -> Result<void> {
            replay.setSignatureWork(signatureWork);
            return setup(replay);
        });
        QVERIFY(second.ok());
        QVERIFY(IncrementalEstateLoader::replay(*second, again.options()).ok());
        compareWithFullLoad(again.finish(*m_ws, std::move(*second)));
        QCOMPARE(signatureWork->checks.load(), 0);
        QCOMPARE(signatureWork->records.load(), 0);

        // An empty timeline: no subject comes from the evidence.
        IncrementalEstateLoader none;
        auto empty = none.prepare(*m_ws, [](TimelineReplay &replay) -> Result<void> {
            replay.setRecords({});
            return {};
        });
        QVERIFY(empty.ok());
        QVERIFY(IncrementalEstateLoader::replay(*empty, none.options()).ok());
        auto estate = none.finish(*m_ws, std::move(*empty));
        QVERIFY(estate.ok());
        bool fromEvidence = false;
        for (const EstateSubject &s : estate->subjects)
            fromEvidence = fromEvidence || !s.planned;
        QVERIFY(!fromEvidence);
        // A failing setup fails the read.
        IncrementalEstateLoader failing;
        QVERIFY(!failing
                     .prepare(*m_ws,
                              [](TimelineReplay &) -> Result<void> {
                                  return makeError(ec::StoreCancelled);
                              })
                     .ok());
    }
};

QTEST_GUILESS_MAIN(TestIncrementalEstateLoader)
#include "tst_incrementalestateloader.moc"
