// SPDX-License-Identifier: Apache-2.0
// GraphBuilder with a GraphBuildCache: after each kind of edit, and at another instant, the
// graph is the one a build from nothing makes, and only the items the edit touched are made
// anew; the others keep the very property objects of the build before.
#include "EstateSamples.h"
#include "core/graph/GraphBuilder.h"

#include <QTest>

using namespace ta;
using namespace ta::core;

class TestGraphBuildCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstBuildMakesEverything();
    void unchangedEstateKeepsEverything();
    void editsRemakeOnlyWhatTheyTouch_data();
    void editsRemakeOnlyWhatTheyTouch();
    void anotherInstantRemakesWhatItChanges();
    void removedItemsAreForgotten();
    void clearForgetsEverything();

private:
    static GraphBuildOptions at(qint64 minutes)
    {
        GraphBuildOptions o;
        o.at = samples::kT0.addSecs(minutes * 60);
        return o;
    }
    static void compare(const TopologyGraph &a, const TopologyGraph &b);
    static int subjectIndex(const Estate &e, const QString &name);
};

// The same nodes (type, label, trust domain, status, properties) and edges (ends, class, status),
// in the same order.
void TestGraphBuildCache::compare(const TopologyGraph &a, const TopologyGraph &b)
{
    QCOMPARE(a.nodeCount(), b.nodeCount());
    QCOMPARE(a.edgeCount(), b.edgeCount());
    for (int i = 0; i < a.nodeCount(); ++i) {
        const GraphNode &n = a.node(i);
        const GraphNode &m = b.node(i);
        QCOMPARE(n.id, m.id);
        QVERIFY2(n.cls == m.cls && n.label == m.label && n.status == m.status &&
                     n.trustDomain == m.trustDomain && n.properties == m.properties,
                 qPrintable(n.id));
    }
    for (int i = 0; i < a.edgeCount(); ++i) {
        const GraphEdge &e = a.edge(i);
        const GraphEdge &f = b.edge(i);
        QVERIFY2(e.from == f.from && e.to == f.to && e.cls == f.cls && e.status == f.status &&
                     e.properties == f.properties,
                 qPrintable(a.node(e.from).id + QStringLiteral(" -> ") + a.node(e.to).id));
    }
}

int TestGraphBuildCache::subjectIndex(const Estate &e, const QString &name)
{
    for (int i = 0; i < e.subjects.size(); ++i) {
        if (e.subjects.at(i).subject == name)
            return i;
    }
    return -1;
}

void TestGraphBuildCache::firstBuildMakesEverything()
{
    const Estate e = samples::handBuiltEstate();
    GraphBuildCache cache;
    const TopologyGraph g = GraphBuilder::build(e, at(35), nullptr, &cache);
    compare(g, GraphBuilder::build(e, at(35)));
    QCOMPARE(cache.reused(), 0);
    // Each subject drawn, credential and identity.
    const qsizetype items = g.countOf(NodeClass::Node) + g.countOf(NodeClass::Workload) +
                            g.countOf(NodeClass::Credential) + g.countOf(NodeClass::Identity);
    QCOMPARE(qsizetype(cache.made()), items);
}

void TestGraphBuildCache::unchangedEstateKeepsEverything()
{
    const Estate e = samples::handBuiltEstate();
    GraphBuildCache cache;
    const TopologyGraph first = GraphBuilder::build(e, at(35), nullptr, &cache);
    const int items = cache.made();
    const TopologyGraph again = GraphBuilder::build(e, at(35), nullptr, &cache);
    compare(again, first);
    QCOMPARE(cache.made(), 0);
    QCOMPARE(cache.reused(), items);
    // Kept, not made equal: the canvas's comparison of the two is then immediate.
    const int w1 = again.indexOf(QStringLiteral("workload/w1"));
    QVERIFY(w1 >= 0);
    QVERIFY(again.node(w1).properties == first.node(w1).properties);
}

void TestGraphBuildCache::editsRemakeOnlyWhatTheyTouch_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<int>("remade");
    // A planned workload added: its node.
    QTest::newRow("planned workload added") << QStringLiteral("planned") << 1;
    // A selector changed: that subject.
    QTest::newRow("selectors changed") << QStringLiteral("selectors") << 1;
    // A credential's lifetime changed: that credential.
    QTest::newRow("credential renewed") << QStringLiteral("renewed") << 1;
    // A credential revoked: its status only, which is not kept content.
    QTest::newRow("credential revoked") << QStringLiteral("revoked") << 0;
    // A new observation of a subject: that subject.
    QTest::newRow("subject seen again") << QStringLiteral("seen") << 1;
    // A trust domain added: none of the kept items.
    QTest::newRow("trust domain added") << QStringLiteral("td") << 0;
}

void TestGraphBuildCache::editsRemakeOnlyWhatTheyTouch()
{
    QFETCH(QString, edit);
    QFETCH(int, remade);
    Estate e = samples::handBuiltEstate();
    GraphBuildCache cache;
    (void)GraphBuilder::build(e, at(35), nullptr, &cache);
    const int before = cache.made();
    if (edit == QLatin1String("planned")) {
        EstateSubject s;
        s.subject = QStringLiteral("workload/planned-1");
        s.workload = true;
        s.attestor = QStringLiteral("k8s");
        s.node = QStringLiteral("node/k1");
        s.trustDomain = QStringLiteral("a.example");
        s.selectors = {QStringLiteral("k8s:ns:shop")};
        s.planned = true;
        e.subjects << s;
    } else if (edit == QLatin1String("selectors")) {
        const int i = subjectIndex(e, QStringLiteral("workload/w1"));
        QVERIFY(i >= 0);
        e.subjects[i].selectors << QStringLiteral("k8s:sa:other");
    } else if (edit == QLatin1String("renewed")) {
        QVERIFY(!e.credentials.isEmpty());
        e.credentials[0].notAfter = e.credentials[0].notAfter.addSecs(600);
    } else if (edit == QLatin1String("revoked")) {
        QVERIFY(!e.credentials.isEmpty());
        QVERIFY(!e.credentials[0].revoked);
        e.credentials[0].revoked = true;
    } else if (edit == QLatin1String("seen")) {
        const int i = subjectIndex(e, QStringLiteral("workload/w1"));
        QVERIFY(i >= 0);
        EstateObservation o = e.subjects[i].history.constLast();
        o.time = o.time.addSecs(60);
        QVERIFY(o.time <= at(35).at);
        e.subjects[i].history << o;
    } else {
        e.trustDomains << EstateTrustDomain{QStringLiteral("new.example"), {}};
    }
    const TopologyGraph g = GraphBuilder::build(e, at(35), nullptr, &cache);
    compare(g, GraphBuilder::build(e, at(35)));
    QCOMPARE(cache.made(), remade);
    QCOMPARE(cache.reused(), before - (remade - (edit == QLatin1String("planned") ? 1 : 0)));
}

void TestGraphBuildCache::anotherInstantRemakesWhatItChanges()
{
    const Estate e = samples::handBuiltEstate();
    GraphBuildCache cache;
    (void)GraphBuilder::build(e, at(35), nullptr, &cache);
    // Much later every attestation has lapsed (stale, with a reason): subjects are made anew,
    // credentials and identities are kept.
    const TopologyGraph late = GraphBuilder::build(e, at(60 * 24 * 30), nullptr, &cache);
    compare(late, GraphBuilder::build(e, at(60 * 24 * 30)));
    QVERIFY(cache.made() > 0);
    QVERIFY(cache.reused() > 0);
    // And back: the same graph as from nothing.
    compare(GraphBuilder::build(e, at(35), nullptr, &cache), GraphBuilder::build(e, at(35)));
}

void TestGraphBuildCache::removedItemsAreForgotten()
{
    Estate e = samples::handBuiltEstate();
    GraphBuildCache cache;
    (void)GraphBuilder::build(e, at(35), nullptr, &cache);
    const EstateCredential gone = e.credentials.takeFirst();
    (void)GraphBuilder::build(e, at(35), nullptr, &cache);
    QCOMPARE(cache.made(), 0);
    // Back again: made anew, as the build it was missing from dropped it.
    e.credentials.prepend(gone);
    compare(GraphBuilder::build(e, at(35), nullptr, &cache), GraphBuilder::build(e, at(35)));
    QCOMPARE(cache.made(), 1);
}

void TestGraphBuildCache::clearForgetsEverything()
{
    const Estate e = samples::handBuiltEstate();
    GraphBuildCache cache;
    (void)GraphBuilder::build(e, at(35), nullptr, &cache);
    const int items = cache.made();
    cache.clear();
    QCOMPARE(cache.made(), 0);
    (void)GraphBuilder::build(e, at(35), nullptr, &cache);
    QCOMPARE(cache.made(), items);
    QCOMPARE(cache.reused(), 0);
}

QTEST_GUILESS_MAIN(TestGraphBuildCache)
#include "tst_graphbuildcache.moc"
