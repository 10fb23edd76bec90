// SPDX-License-Identifier: Apache-2.0
// The demo as the app and `workspace init --demo` make it: its federation is relationships that
// hold the peers' current bundles, so the graph draws valid federates_with edges, reach holds
// where a relationship and a rule both say so, and staging's one-way link is a finding.
#include "core/attestation/lab/FederatedDemo.h"
#include "core/federation/FederationStore.h"
#include "core/graph/EstateLoader.h"
#include "core/graph/GraphAnalysis.h"
#include "core/graph/GraphBuilder.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

class TestFederatedDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void relationshipsHoldCurrentBundles();
    void graphEdgesValidAndOneWayFound();
    void reach_data();
    void reach();
    void refusesExistingFile();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    TopologyGraph m_graph;
};

void TestFederatedDemo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("demo.atlas"));
    auto made = FederatedDemo::create(path, QDateTime::currentDateTimeUtc(), QByteArray("pw"));
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().toString()));
    m_ws = std::move(Workspace::open(path, "pw").value());
    auto estate = EstateLoader::load(*m_ws);
    QVERIFY(estate.ok());
    QVERIFY(estate->federationTracked);
    m_graph = GraphBuilder::build(*estate);
}

void TestFederatedDemo::relationshipsHoldCurrentBundles()
{
    FederationStore store(*m_ws);
    auto all = store.relationships();
    QVERIFY(all.ok());
    QStringList links;
    for (const FederationRelationship &r : *all) {
        links << r.localTrustDomain.name() + QStringLiteral("->") + r.peerTrustDomain.name();
        auto held = store.latestBundle(r.id);
        QVERIFY(held.ok() && held->has_value());
        QCOMPARE((*held)->sequence, m_ws->bundle(r.peerTrustDomain.name())->sequence());
    }
    links.sort();
    QCOMPARE(links, (QStringList{QStringLiteral("partner.example->prod.example"),
                                 QStringLiteral("prod.example->partner.example"),
                                 QStringLiteral("staging.example->prod.example")}));
}

void TestFederatedDemo::graphEdgesValidAndOneWayFound()
{
    int federation = 0;
    for (const GraphEdge &e : m_graph.edges()) {
        if (e.cls != EdgeClass::FederatesWith)
            continue;
        ++federation;
        QCOMPARE(e.status, GraphStatus::Valid);
        QVERIFY(e.properties.value(QLatin1String("relationship")).toBool());
    }
    QCOMPARE(federation, 3);
    QStringList kinds;
    QStringList oneWay;
    for (const GraphFinding &f : GraphAnalysis::findings(m_graph)) {
        kinds << f.kind;
        if (f.kind == QLatin1String("one_way_federation"))
            oneWay << f.subject;
    }
    // Every rule's peer is a configured relationship, so none is unknown.
    QVERIFY(!kinds.contains(QStringLiteral("unknown_federation_peer")));
    QCOMPARE(oneWay.size(), 1);
    QVERIFY2(oneWay.first().contains(QLatin1String("staging.example")), qPrintable(oneWay.first()));
}

void TestFederatedDemo::reach_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("reached");
    QTest::newRow("prod to partner") << "prod.example"
                                     << "partner.example" << true;
    QTest::newRow("partner to prod") << "partner.example"
                                     << "prod.example" << true;
    // staging trusts prod; prod does not trust staging.
    QTest::newRow("staging to prod") << "staging.example"
                                     << "prod.example" << false;
}

void TestFederatedDemo::reach()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, reached);
    const ReachResult r = GraphAnalysis::reach(m_graph, from, to);
    QCOMPARE(r.reachable, reached);
    // Where the peer holds a bundle, it is the current one (the relationship is checked).
    QCOMPARE(r.bundleHeld, reached);
    QCOMPARE(r.bundleChecked, reached);
    // The reverse holds in every row: prod and partner accept each other, and staging accepts
    // prod, which does not accept staging.
    QVERIFY(r.mutual);
}

void TestFederatedDemo::refusesExistingFile()
{
    const QString path = m_dir.filePath(QStringLiteral("demo.atlas"));
    const qint64 size = QFileInfo(path).size();
    QVERIFY(!FederatedDemo::create(path, QDateTime::currentDateTimeUtc()).ok());
    QCOMPARE(QFileInfo(path).size(), size);
}

QTEST_GUILESS_MAIN(TestFederatedDemo)
#include "tst_federateddemo.moc"
