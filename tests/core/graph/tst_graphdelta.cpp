// SPDX-License-Identifier: Apache-2.0
// GraphDelta: what an edit changed from one estate graph to the next, by node ID and by edge
// (ends' IDs and class), whatever the indices; statuses alone are not changes of shape.
#include "core/graph/GraphDelta.h"

#include <QTest>

using namespace ta::core;

namespace {

GraphNode node(const QString &id, NodeClass cls, const QString &td = QStringLiteral("prod"))
{
    return GraphNode{id, cls, id.section(QLatin1Char('/'), -1), GraphStatus::None, td, {}};
}

// td/prod <- node/a <- workload/w1, workload/w2; identity spiffe://prod/w1 held by w1.
TopologyGraph sample()
{
    TopologyGraph g;
    const int td = g.addNode(node(QStringLiteral("td/prod"), NodeClass::TrustDomain));
    const int a = g.addNode(node(QStringLiteral("node/a"), NodeClass::Node));
    const int w1 = g.addNode(node(QStringLiteral("workload/w1"), NodeClass::Workload));
    const int w2 = g.addNode(node(QStringLiteral("workload/w2"), NodeClass::Workload));
    const int id = g.addNode(node(QStringLiteral("spiffe://prod/w1"), NodeClass::Identity));
    g.addEdge(a, td, EdgeClass::MemberOf);
    g.addEdge(w1, a, EdgeClass::RunsOn);
    g.addEdge(w2, a, EdgeClass::RunsOn);
    g.addEdge(w1, id, EdgeClass::Holds);
    return g;
}

QStringList ids(const TopologyGraph &g, const QList<int> &indices)
{
    QStringList out;
    for (int i : indices)
        out << g.node(i).id;
    out.sort();
    return out;
}

QStringList edgeNames(const TopologyGraph &g, const QList<int> &indices)
{
    QStringList out;
    for (int i : indices) {
        const GraphEdge &e = g.edge(i);
        out << g.node(e.from).id + QStringLiteral(" -> ") + g.node(e.to).id;
    }
    out.sort();
    return out;
}

} // namespace

class TestGraphDelta : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameGraphKeepsEverything()
    {
        const TopologyGraph g = sample();
        const GraphDelta d = GraphDelta::between(g, g);
        QVERIFY(d.sameShape());
        QCOMPARE(d.keptNodes.size(), g.nodeCount());
        QCOMPARE(d.keptEdges.size(), g.edgeCount());
        for (const auto &[before, after] : d.keptNodes)
            QCOMPARE(before, after);
    }

    void statusAloneIsNoChangeOfShape()
    {
        const TopologyGraph before = sample();
        TopologyGraph after = sample();
        after.node(after.indexOf(QStringLiteral("workload/w1"))).status = GraphStatus::Refused;
        after.edge(0).status = GraphStatus::Revoked;
        const GraphDelta d = GraphDelta::between(before, after);
        QVERIFY(d.sameShape());
        QCOMPARE(d.keptNodes.size(), before.nodeCount());
    }

    void addedRemovedAndChanged()
    {
        const TopologyGraph before = sample();
        // Built in another order, so that every index differs: w2 gone, w3 new, a relabelled.
        TopologyGraph after;
        const int id = after.addNode(node(QStringLiteral("spiffe://prod/w1"), NodeClass::Identity));
        const int w3 = after.addNode(node(QStringLiteral("workload/w3"), NodeClass::Workload));
        const int w1 = after.addNode(node(QStringLiteral("workload/w1"), NodeClass::Workload));
        GraphNode a = node(QStringLiteral("node/a"), NodeClass::Node);
        a.label = QStringLiteral("agent a");
        const int ai = after.addNode(a);
        const int td = after.addNode(node(QStringLiteral("td/prod"), NodeClass::TrustDomain));
        after.addEdge(ai, td, EdgeClass::MemberOf);
        after.addEdge(w1, ai, EdgeClass::RunsOn);
        after.addEdge(w3, ai, EdgeClass::RunsOn);
        after.addEdge(w1, id, EdgeClass::Holds);
        // Same ends, another class: a new edge.
        after.addEdge(w1, ai, EdgeClass::AttestedBy);

        const GraphDelta d = GraphDelta::between(before, after);
        QVERIFY(!d.sameShape());
        QCOMPARE(ids(after, d.addedNodes), QStringList{QStringLiteral("workload/w3")});
        QCOMPARE(ids(before, d.removedNodes), QStringList{QStringLiteral("workload/w2")});
        QCOMPARE(d.changedNodes.size(), 1);
        QCOMPARE(before.node(d.changedNodes.first().first).id, QStringLiteral("node/a"));
        QCOMPARE(after.node(d.changedNodes.first().second).id, QStringLiteral("node/a"));
        QCOMPARE(d.keptNodes.size(), 3);
        for (const auto &[b, a2] : d.keptNodes)
            QCOMPARE(before.node(b).id, after.node(a2).id);
        QCOMPARE(edgeNames(before, d.removedEdges),
                 QStringList{QStringLiteral("workload/w2 -> node/a")});
        QCOMPARE(edgeNames(after, d.addedEdges),
                 (QStringList{QStringLiteral("workload/w1 -> node/a"),
                              QStringLiteral("workload/w3 -> node/a")}));
        QCOMPARE(d.keptEdges.size(), 3);
        for (const auto &[b, a2] : d.keptEdges) {
            QCOMPARE(before.node(before.edge(b).from).id, after.node(after.edge(a2).from).id);
            QCOMPARE(before.node(before.edge(b).to).id, after.node(after.edge(a2).to).id);
            QCOMPARE(before.edge(b).cls, after.edge(a2).cls);
        }
    }

    void propertiesAndTrustDomainAreChanges_data()
    {
        QTest::addColumn<int>("what");
        QTest::newRow("properties") << 0;
        QTest::newRow("trust domain") << 1;
        QTest::newRow("type") << 2;
    }

    void propertiesAndTrustDomainAreChanges()
    {
        QFETCH(int, what);
        const TopologyGraph before = sample();
        TopologyGraph after = sample();
        GraphNode &w = after.node(after.indexOf(QStringLiteral("workload/w1")));
        if (what == 0)
            w.properties.insert(QStringLiteral("serial"), QStringLiteral("01"));
        else if (what == 1)
            w.trustDomain = QStringLiteral("staging");
        else
            w.cls = NodeClass::Node;
        const GraphDelta d = GraphDelta::between(before, after);
        QCOMPARE(d.changedNodes.size(), 1);
        QVERIFY(d.addedNodes.isEmpty() && d.removedNodes.isEmpty());
        QCOMPARE(d.keptEdges.size(), before.edgeCount());
    }

    void toAndFromEmpty()
    {
        const TopologyGraph g = sample();
        const GraphDelta from = GraphDelta::between(TopologyGraph(), g);
        QCOMPARE(from.addedNodes.size(), g.nodeCount());
        QCOMPARE(from.addedEdges.size(), g.edgeCount());
        const GraphDelta to = GraphDelta::between(g, TopologyGraph());
        QCOMPARE(to.removedNodes.size(), g.nodeCount());
        QCOMPARE(to.removedEdges.size(), g.edgeCount());
    }
};

QTEST_APPLESS_MAIN(TestGraphDelta)
#include "tst_graphdelta.moc"
