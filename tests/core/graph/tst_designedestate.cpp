// SPDX-License-Identifier: Apache-2.0
// A designed estate on the graph: the design's nodes and workloads that no evidence shows are
// planned, on their platform and node; those the evidence shows keep their own status.
#include "EstateSamples.h"

#include "core/attestation/lab/LabTopology.h"
#include "core/graph/EstateLoader.h"
#include "core/graph/GraphBuilder.h"
#include "core/graph/GraphExport.h"

#include <QJsonArray>
#include <QTest>

using namespace ta;
using namespace ta::core;

class TestDesignedEstate : public QObject
{
    Q_OBJECT

    static LabTopology design()
    {
        LabTopology t;
        t.trustDomains = {QStringLiteral("a.example")};
        t.platforms = {QStringLiteral("k8s:prod"), QStringLiteral("tpm")};
        t.nodes = {{QStringLiteral("node/k1"), QStringLiteral("k8s:prod")},
                   {QStringLiteral("node/new"), QStringLiteral("k8s:prod")},
                   {QStringLiteral("node/edge"), QStringLiteral("tpm")}};
        LabTopology::Workload w;
        w.subject = QStringLiteral("workload/planned-api");
        w.node = QStringLiteral("node/new");
        w.ns = QStringLiteral("pay");
        w.serviceAccount = QStringLiteral("api");
        w.image = QStringLiteral("registry.example/pay/api");
        LabTopology::Workload u;
        u.subject = QStringLiteral("workload/pos");
        u.node = QStringLiteral("node/edge");
        u.uid = 4001;
        t.workloads = {w, u};
        return t;
    }

private Q_SLOTS:
    void designIsValid() { QVERIFY(design().validate().ok()); }

    void plannedSubjects()
    {
        Estate e = samples::handBuiltEstate();
        EstateLoader::addDesign(e, design());
        GraphBuildOptions o;
        o.at = samples::kT0.addSecs(50 * 60);
        const TopologyGraph g = GraphBuilder::build(e, o);
        // node/k1 has evidence: attested as before, not planned.
        QCOMPARE(g.node(g.indexOf(QStringLiteral("node/k1"))).status, GraphStatus::Attested);
        for (const char *id : {"node/new", "node/edge", "workload/planned-api", "workload/pos"}) {
            const int i = g.indexOf(QString::fromLatin1(id));
            QVERIFY2(i >= 0, id);
            QCOMPARE(g.node(i).status, GraphStatus::Planned);
            QCOMPARE(g.node(i).trustDomain, QStringLiteral("a.example"));
        }
        auto edge = [&](const char *from, const char *to, EdgeClass cls) {
            return g.findEdge(g.indexOf(QString::fromLatin1(from)),
                              g.indexOf(QString::fromLatin1(to)), cls) >= 0;
        };
        QVERIFY(edge("node/new", "platform/k8s:prod", EdgeClass::MemberOf));
        QVERIFY(edge("node/edge", "platform/tpm", EdgeClass::MemberOf));
        QVERIFY(edge("workload/planned-api", "node/new", EdgeClass::RunsOn));
        QVERIFY(edge("workload/pos", "node/edge", EdgeClass::RunsOn));
        QCOMPARE(graphStatusName(GraphStatus::Planned), QStringLiteral("planned"));
    }

    void plannedExportDesignsTheSameEstate()
    {
        // The JSON export of a design with nothing attested reads back as that design.
        Estate e;
        e.trustDomains = {EstateTrustDomain{QStringLiteral("a.example"), {}}};
        e.agentTrustDomain = QStringLiteral("a.example");
        EstateLoader::addDesign(e, design());
        const TopologyGraph g = GraphBuilder::build(e);
        QCOMPARE(g.countOf(NodeClass::Node), qsizetype(3));
        auto back = LabTopology::fromJson(GraphExport::toJson(g, nullptr));
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().toString()));
        LabTopology expected = design();
        auto fromOwnJson = LabTopology::fromJson(expected.toJson());
        QVERIFY(fromOwnJson.ok());
        QVERIFY(*back == *fromOwnJson);
        QCOMPARE(back->nodes.size(), 3);
        QCOMPARE(back->workloads.size(), 2);
    }

    void emptyPlatformIsDrawnAndExported()
    {
        // A platform designed before any node: drawn (so the canvas can offer "Add Node" on
        // it), and the export still designs it.
        LabTopology t = design();
        t.platforms << QStringLiteral("gcp:empty-project");
        Estate e;
        e.trustDomains = {EstateTrustDomain{QStringLiteral("a.example"), {}}};
        e.agentTrustDomain = QStringLiteral("a.example");
        EstateLoader::addDesign(e, t);
        const TopologyGraph g = GraphBuilder::build(e);
        const int i = g.indexOf(QStringLiteral("platform/gcp:empty-project"));
        QVERIFY(i >= 0);
        QCOMPARE(g.node(i).trustDomain, QStringLiteral("a.example"));
        auto back = LabTopology::fromJson(GraphExport::toJson(g, nullptr));
        QVERIFY(back.ok());
        QVERIFY(back->platforms.contains(QStringLiteral("gcp:empty-project")));
    }

    void noDesignNothingPlanned()
    {
        const TopologyGraph g = GraphBuilder::build(samples::handBuiltEstate());
        for (const GraphNode &n : g.nodes())
            QVERIFY(n.status != GraphStatus::Planned);
    }
};

QTEST_GUILESS_MAIN(TestDesignedEstate)
#include "tst_designedestate.moc"
