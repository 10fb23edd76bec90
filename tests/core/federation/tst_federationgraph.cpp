// SPDX-License-Identifier: Apache-2.0
// Federation in the estate graph: relationships make federates_with edges with their fetch
// status, reach asks for a held current bundle besides a rule, and the findings name one-way
// links, stale bundles, revoked authorities still held, unpinned web endpoints and rules naming
// a peer no relationship knows.
#include "core/federation/FederationStore.h"
#include "core/graph/EstateLoader.h"
#include "core/graph/GraphAnalysis.h"
#include "core/graph/GraphBuilder.h"
#include "core/store/RuleStore.h"
#include "core/store/Workspace.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

namespace {

TrustDomain td(const char *name)
{
    return TrustDomain::fromName(QString::fromLatin1(name)).value();
}

QStringList subjectsOf(const QList<GraphFinding> &findings, const QString &kind)
{
    QStringList out;
    for (const GraphFinding &f : findings) {
        if (f.kind == kind)
            out << f.subject;
    }
    out.sort();
    return out;
}

} // namespace

class TestFederationGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void edgesCarryFetchStatus();
    void reachNeedsRuleAndCurrentBundle_data();
    void reachNeedsRuleAndCurrentBundle();
    void findings_data();
    void findings();
    void rulesAloneKeepTheirWord();

private:
    FederationRelationship relate(const char *local, const char *peer,
                                  BundleEndpointProfile profile);
    const GraphEdge *link(const char *from, const char *to) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    TopologyGraph m_graph;
};

FederationRelationship TestFederationGraph::relate(const char *local, const char *peer,
                                                   BundleEndpointProfile profile)
{
    FederationRelationship r;
    r.localTrustDomain = td(local);
    r.peerTrustDomain = td(peer);
    r.profile = profile;
    r.bundleEndpointUrl = QUrl(QStringLiteral("https://%1:8443/").arg(QString::fromLatin1(peer)));
    if (profile == BundleEndpointProfile::HttpsSpiffe)
        r.endpointSpiffeId = FederationRelationship::defaultEndpointSpiffeId(r.peerTrustDomain);
    FederationStore store(*m_ws);
    r.id = store.add(r, QDateTime::currentDateTimeUtc()).value();
    return r;
}

const GraphEdge *TestFederationGraph::link(const char *from, const char *to) const
{
    const int e = m_graph.findEdge(
        m_graph.indexOf(QStringLiteral("td/") + QString::fromLatin1(from)),
        m_graph.indexOf(QStringLiteral("td/") + QString::fromLatin1(to)), EdgeClass::FederatesWith);
    return e < 0 ? nullptr : &m_graph.edge(e);
}

void TestFederationGraph::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ws = std::move(
        Workspace::create(m_dir.filePath(QStringLiteral("fed.atlas")), std::nullopt).value());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const char *name : {"a.test", "b.test", "c.test"})
        QVERIFY(m_ws->createTrustDomain(td(name), CaSettings{}, now).ok());
    FederationStore store(*m_ws);
    // a and c hold b's bundle; a also fetches from a web endpoint without a pinned CA.
    const auto aToB = relate("a.test", "b.test", BundleEndpointProfile::HttpsSpiffe);
    const auto cToB = relate("c.test", "b.test", BundleEndpointProfile::HttpsSpiffe);
    relate("a.test", "web.test", BundleEndpointProfile::HttpsWeb);
    QVERIFY(store.storeFetched(aToB.id, *m_ws->bundle(QStringLiteral("b.test")), now).ok());
    QVERIFY(store.storeFetched(cToB.id, *m_ws->bundle(QStringLiteral("b.test")), now).ok());

    // b rotates its X.509 authority all the way; c follows every step, a stays behind.
    auto ca = m_ws->authority(QStringLiteral("b.test")).value();
    const QString oldId = ca.activeSlot(AuthorityKind::X509)->id;
    QVERIFY(ca.prepare(AuthorityKind::X509, now).ok());
    QVERIFY(ca.activate(AuthorityKind::X509).ok());
    QVERIFY(ca.taint(oldId).ok());
    QVERIFY(ca.revoke(oldId).ok());
    QVERIFY(m_ws->saveAuthority(ca).ok());
    QVERIFY(store.storeFetched(cToB.id, *m_ws->bundle(QStringLiteral("b.test")), now).ok());

    // Rules: a and c federate with b, a also with a peer nobody configured; b with a.
    RuleStore rules(m_ws->database());
    QVERIFY(rules
                .save(RuleKind::Policies, R"({"policies": [
        {"name": "a-api", "effect": "grant", "trust_domain": "a.test", "spiffe_id": "/api",
         "condition": "true", "federates_with": ["b.test", "ghost.test"]},
        {"name": "c-api", "effect": "grant", "trust_domain": "c.test", "spiffe_id": "/api",
         "condition": "true", "federates_with": ["b.test"]},
        {"name": "b-api", "effect": "grant", "trust_domain": "b.test", "spiffe_id": "/api",
         "condition": "true", "federates_with": ["a.test"]}]})",
                      QString(), now)
                .ok());
    auto estate = EstateLoader::load(*m_ws);
    QVERIFY2(estate.ok(), qPrintable(estate.ok() ? QString() : estate.error().toString()));
    QVERIFY(estate->federationTracked);
    m_graph = GraphBuilder::build(*estate);
}

void TestFederationGraph::edgesCarryFetchStatus()
{
    const GraphEdge *cb = link("c.test", "b.test");
    QVERIFY(cb);
    QCOMPARE(cb->status, GraphStatus::Valid);
    QCOMPARE(cb->properties.value(QLatin1String("held_sequence")).toInteger(),
             qint64(m_ws->bundle(QStringLiteral("b.test"))->sequence()));
    QCOMPARE(cb->properties.value(QLatin1String("peer_sequence")),
             cb->properties.value(QLatin1String("held_sequence")));
    QVERIFY(cb->properties.contains(QLatin1String("last_fetched_at")));
    QCOMPARE(cb->properties.value(QLatin1String("profile")).toString(),
             QStringLiteral("https_spiffe"));

    const GraphEdge *ab = link("a.test", "b.test");
    QVERIFY(ab);
    QCOMPARE(ab->status, GraphStatus::Revoked);
    QVERIFY(ab->properties.value(QLatin1String("stale")).toBool());
    QVERIFY(ab->properties.value(QLatin1String("held_sequence")).toInteger() <
            ab->properties.value(QLatin1String("peer_sequence")).toInteger());

    // A relationship never fetched is stale; one made by a rule alone has no relationship.
    const GraphEdge *web = link("a.test", "web.test");
    QVERIFY(web);
    QCOMPARE(web->status, GraphStatus::Stale);
    QCOMPARE(web->properties.value(QLatin1String("held_sequence")).toInteger(), -1);
    const GraphEdge *ba = link("b.test", "a.test");
    QVERIFY(ba);
    QVERIFY(!ba->properties.value(QLatin1String("relationship")).toBool());
    QCOMPARE(ba->status, GraphStatus::None);
}

void TestFederationGraph::reachNeedsRuleAndCurrentBundle_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("reachable");
    QTest::addColumn<bool>("bundleHeld");
    QTest::newRow("c holds b's current bundle and a rule of c federates with b")
        << "b.test"
        << "c.test" << true << true;
    QTest::newRow("a's rule federates with b but a's bundle of b is stale")
        << "b.test"
        << "a.test" << false << false;
    QTest::newRow("b's rule federates with a but b holds no bundle of a")
        << "a.test"
        << "b.test" << false << false;
    QTest::newRow("a holds web's link but no rule and no bundle") << "web.test"
                                                                  << "a.test" << false << false;
}

void TestFederationGraph::reachNeedsRuleAndCurrentBundle()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, reachable);
    QFETCH(bool, bundleHeld);
    const ReachResult r = GraphAnalysis::reach(m_graph, from, to);
    QCOMPARE(r.reachable, reachable);
    QCOMPARE(r.bundleHeld, bundleHeld);
    QVERIFY(r.bundleChecked);
    QCOMPARE(r.toJson().value(QLatin1String("bundle_held")).toBool(), bundleHeld);
}

void TestFederationGraph::findings_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("subjects");
    QTest::newRow("one way") << "one_way_federation"
                             << QStringList{"a.test->web.test", "a.test->ghost.test",
                                            "c.test->b.test"};
    QTest::newRow("stale bundle") << "stale_federated_bundle"
                                  << QStringList{"a.test->b.test", "a.test->web.test"};
    QTest::newRow("revoked authority still held")
        << "revoked_authority_held" << QStringList{"a.test->b.test"};
    QTest::newRow("https_web without pinned CA")
        << "web_endpoint_unpinned" << QStringList{"a.test->web.test"};
    QTest::newRow("rule naming an unknown peer")
        << "unknown_federation_peer" << QStringList{"a.test->ghost.test", "b.test->a.test"};
}

void TestFederationGraph::findings()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, subjects);
    subjects.sort();
    QCOMPARE(subjectsOf(GraphAnalysis::findings(m_graph), kind), subjects);
}

void TestFederationGraph::rulesAloneKeepTheirWord()
{
    // An estate drawn from rules alone (a design with no relationships) keeps the rules' word.
    Estate e;
    e.trustDomains = {EstateTrustDomain{QStringLiteral("x.test"), {}},
                      EstateTrustDomain{QStringLiteral("y.test"), {}}};
    EstateRule rule;
    rule.id = QStringLiteral("rule/policy/y");
    rule.name = QStringLiteral("y");
    rule.trustDomain = QStringLiteral("y.test");
    rule.federatesWith = {QStringLiteral("x.test")};
    e.rules << rule;
    EstateLoader::deriveFederation(e);
    const ReachResult r = GraphAnalysis::reach(GraphBuilder::build(e), QStringLiteral("x.test"),
                                               QStringLiteral("y.test"));
    QVERIFY(r.reachable);
    QVERIFY(!r.bundleChecked);
}

QTEST_GUILESS_MAIN(TestFederationGraph)
#include "tst_federationgraph.moc"
