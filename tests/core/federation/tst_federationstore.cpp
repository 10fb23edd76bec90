// SPDX-License-Identifier: Apache-2.0
// The relationship store: add, edit, remove, the fetched-bundle history with its sequence rules,
// undoable trust domain deletion, and SPIRE's two JSON spellings read and written.
#include "core/federation/FederationErrors.h"
#include "core/federation/FederationStore.h"
#include "core/federation/SpireFederationJson.h"
#include "core/store/Migrations.h"
#include "core/store/TrustDomainSnapshot.h"
#include "core/store/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

namespace {

TrustDomain td(const char *name)
{
    return TrustDomain::fromName(QString::fromLatin1(name)).value();
}

FederationRelationship spiffeRelationship(const char *local, const char *peer)
{
    FederationRelationship r;
    r.localTrustDomain = td(local);
    r.peerTrustDomain = td(peer);
    r.bundleEndpointUrl = QUrl(QStringLiteral("https://127.0.0.1:8443"));
    r.profile = BundleEndpointProfile::HttpsSpiffe;
    r.endpointSpiffeId = FederationRelationship::defaultEndpointSpiffeId(r.peerTrustDomain);
    return r;
}

} // namespace

class TestFederationStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void addListEditRemove();
    void invalidRelationshipsRefused_data();
    void invalidRelationshipsRefused();
    void fetchedBundleHistory();
    void snapshotRestoresRelationships();
    void removedRelationshipRestoredWithItsBundles();
    void spireListRoundTrip();
    void spireConfigRoundTrip();
    void spireImportRefusesBadInput_data();
    void spireImportRefusesBadInput();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    QDateTime m_now = QDateTime(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC);
};

void TestFederationStore::init()
{
    QVERIFY(m_dir.isValid());
    static int n = 0;
    auto ws =
        Workspace::create(m_dir.filePath(QStringLiteral("ws%1.atlas").arg(++n)), std::nullopt);
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    m_ws = std::move(*ws);
    QVERIFY(m_ws->createTrustDomain(td("a.test"), CaSettings{}, m_now).ok());
    QVERIFY(m_ws->createTrustDomain(td("b.test"), CaSettings{}, m_now).ok());
    QCOMPARE(m_ws->database().userVersion(), Migrations::latestVersion());
}

void TestFederationStore::addListEditRemove()
{
    FederationStore store(*m_ws);
    auto id = store.add(spiffeRelationship("a.test", "peer.test"), m_now);
    QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().toString()));
    FederationRelationship web;
    web.localTrustDomain = td("b.test");
    web.peerTrustDomain = td("a.test");
    web.bundleEndpointUrl = QUrl(QStringLiteral("https://a.example:443/bundle"));
    web.profile = BundleEndpointProfile::HttpsWeb;
    web.pinnedCaPem = "-----BEGIN CERTIFICATE-----\n...";
    QVERIFY(store.add(web, m_now).ok());

    auto again = store.add(spiffeRelationship("a.test", "peer.test"), m_now);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QString::fromLatin1(ec::FedRelationshipExists.code));

    auto all = store.relationships();
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).localTrustDomain.name(), QStringLiteral("a.test"));
    QCOMPARE(all->at(0).endpointSpiffeId.toString(),
             QStringLiteral("spiffe://peer.test/spire/server"));
    QCOMPARE(all->at(1).profile, BundleEndpointProfile::HttpsWeb);
    QCOMPARE(all->at(1).pinnedCaPem, web.pinnedCaPem);
    QCOMPARE(all->at(1).createdAt, m_now);

    FederationRelationship edited = all->at(0);
    edited.bundleEndpointUrl = QUrl(QStringLiteral("https://peer.example:9443"));
    QVERIFY(store.update(edited).ok());
    QCOMPARE(store.relationship(QStringLiteral("a.test"), QStringLiteral("peer.test"))
                 ->bundleEndpointUrl.port(),
             9443);

    QVERIFY(store.remove(QStringLiteral("a.test"), QStringLiteral("peer.test")).ok());
    auto gone = store.relationship(QStringLiteral("a.test"), QStringLiteral("peer.test"));
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, QString::fromLatin1(ec::FedUnknownRelationship.code));
    QVERIFY(!store.remove(QStringLiteral("a.test"), QStringLiteral("peer.test")).ok());
}

void TestFederationStore::invalidRelationshipsRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("peer");
    QTest::addColumn<bool>("withId");
    QTest::addColumn<QString>("code");
    QTest::newRow("http URL") << "http://b.example/"
                              << "peer.test" << true << "fed.bad_url";
    QTest::newRow("no host") << "https:///x"
                             << "peer.test" << true << "fed.bad_url";
    QTest::newRow("userinfo") << "https://u:p@b.example/"
                              << "peer.test" << true << "fed.bad_url";
    QTest::newRow("itself") << "https://b.example/"
                            << "a.test" << true << "fed.self_federation";
    QTest::newRow("https_spiffe without ID") << "https://b.example/"
                                             << "peer.test" << false << "fed.endpoint_id_required";
}

void TestFederationStore::invalidRelationshipsRefused()
{
    QFETCH(QString, url);
    QFETCH(QString, peer);
    QFETCH(bool, withId);
    QFETCH(QString, code);
    FederationRelationship r = spiffeRelationship("a.test", "peer.test");
    r.peerTrustDomain = TrustDomain::fromName(peer).value();
    r.bundleEndpointUrl = QUrl(url);
    if (!withId)
        r.endpointSpiffeId = SpiffeId();
    FederationStore store(*m_ws);
    auto id = store.add(r, m_now);
    QVERIFY(!id.ok());
    QCOMPARE(id.error().code, code);
    QVERIFY(store.relationships()->isEmpty());
}

void TestFederationStore::fetchedBundleHistory()
{
    FederationStore store(*m_ws);
    auto id = store.add(spiffeRelationship("a.test", "b.test"), m_now);
    QVERIFY(id.ok());
    auto b1 = m_ws->bundle(QStringLiteral("b.test"));
    QVERIFY(b1.ok());
    QCOMPARE(store.storeFetched(*id, *b1, m_now).value(), BundleUpdate::Stored);
    QCOMPARE(store.storeFetched(*id, *b1, m_now.addSecs(60)).value(), BundleUpdate::Unchanged);
    QCOMPARE(store.relationship(QStringLiteral("a.test"), QStringLiteral("b.test"))->lastFetchedAt,
             m_now.addSecs(60));

    // The peer rotates: a prepared authority is published, the sequence goes up.
    auto ca = m_ws->authority(QStringLiteral("b.test"));
    QVERIFY(ca.ok());
    QVERIFY(ca->prepare(AuthorityKind::X509, m_now).ok());
    QVERIFY(m_ws->saveAuthority(*ca).ok());
    auto b2 = m_ws->bundle(QStringLiteral("b.test"));
    QVERIFY(b2->sequence() > b1->sequence());
    QCOMPARE(store.storeFetched(*id, *b2, m_now.addSecs(120)).value(), BundleUpdate::Stored);

    // An older bundle is refused and the newer one kept.
    auto back = store.storeFetched(*id, *b1, m_now.addSecs(180));
    QVERIFY(!back.ok());
    QCOMPARE(back.error().code, QString::fromLatin1(ec::FedSequenceBackwards.code));
    // Changed content under the same sequence is refused too: the JSON of b2 without its JWT
    // authority, spiffe_sequence left as it was.
    QJsonObject json = QJsonDocument::fromJson(b2->toJwks()).object();
    QJsonArray keys;
    for (const QJsonValue &k : json.value(QLatin1String("keys")).toArray()) {
        if (k[QLatin1String("use")].toString() != QLatin1String("jwt-svid"))
            keys.append(k);
    }
    json.insert(QStringLiteral("keys"), keys);
    auto forged = TrustBundle::fromJwks(td("b.test"), QJsonDocument(json).toJson());
    QVERIFY(forged.ok());
    QCOMPARE(forged->sequence(), b2->sequence());
    auto reused = store.storeFetched(*id, *forged, m_now.addSecs(200));
    QVERIFY(!reused.ok());
    QCOMPARE(reused.error().code, QString::fromLatin1(ec::FedSequenceReused.code));
    // A bundle of another trust domain is never stored for this peer.
    auto wrong = store.storeFetched(*id, *m_ws->bundle(QStringLiteral("a.test")), m_now);
    QCOMPARE(wrong.error().code, QString::fromLatin1(ec::FedWrongTrustDomain.code));

    auto history = store.bundleHistory(*id);
    QVERIFY(history.ok());
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).sequence, b1->sequence());
    QCOMPARE(history->at(1).sequence, b2->sequence());
    QCOMPARE(history->at(1).fetchedAt, m_now.addSecs(120));
    QCOMPARE(TrustBundle::fromJwks(td("b.test"), history->at(1).json).value(), *b2);
    QCOMPARE(store.latestBundle(*id).value()->sequence, b2->sequence());
}

void TestFederationStore::snapshotRestoresRelationships()
{
    FederationStore store(*m_ws);
    auto id = store.add(spiffeRelationship("a.test", "b.test"), m_now);
    QVERIFY(store.storeFetched(*id, *m_ws->bundle(QStringLiteral("b.test")), m_now).ok());
    auto snap = TrustDomainSnapshot::capture(*m_ws, QStringLiteral("a.test"));
    QVERIFY(snap.ok());
    QVERIFY(m_ws->deleteTrustDomain(QStringLiteral("a.test")).ok());
    QVERIFY(store.relationships()->isEmpty());
    QVERIFY(snap->restore(*m_ws).ok());
    QCOMPARE(store.relationships()->size(), 1);
    QCOMPARE(store.bundleHistory(*id)->size(), 1);
}

void TestFederationStore::removedRelationshipRestoredWithItsBundles()
{
    FederationStore store(*m_ws);
    auto web = spiffeRelationship("a.test", "b.test");
    auto id = store.add(web, m_now);
    QVERIFY(id.ok());
    QVERIFY(store.storeFetched(*id, *m_ws->bundle(QStringLiteral("b.test")), m_now).ok());
    QVERIFY(store.add(spiffeRelationship("b.test", "a.test"), m_now).ok());
    auto held = store.snapshot(QStringLiteral("a.test"), QStringLiteral("b.test"));
    QVERIFY(held.ok());
    QCOMPARE(held->relationship.id, *id);
    QCOMPARE(held->bundles.size(), 1);
    QVERIFY(!store.snapshot(QStringLiteral("a.test"), QStringLiteral("c.test")).ok());

    QVERIFY(store.remove(QStringLiteral("a.test"), QStringLiteral("b.test")).ok());
    QVERIFY(store.bundleHistory(*id)->isEmpty());
    QVERIFY(store.restore(*held).ok());
    // The same row, times and bundle, so the history and the graph read as before the removal.
    auto back = store.relationship(QStringLiteral("a.test"), QStringLiteral("b.test"));
    QVERIFY(back.ok());
    QCOMPARE(back->id, *id);
    QCOMPARE(back->createdAt, held->relationship.createdAt);
    QCOMPARE(back->lastFetchedAt, m_now);
    QCOMPARE(back->endpointSpiffeId, held->relationship.endpointSpiffeId);
    auto history = store.bundleHistory(*id);
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().id, held->bundles.first().id);
    QCOMPARE(history->first().json, held->bundles.first().json);

    // Restoring what is there already is refused and writes nothing.
    auto twice = store.restore(*held);
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().code, QString::fromLatin1(ec::FedRelationshipExists.code));
    QCOMPARE(store.relationships()->size(), 2);
    // So is a relationship of a trust domain that is gone.
    auto orphan = *held;
    orphan.relationship.id = 999;
    orphan.relationship.localTrustDomain = td("gone.test");
    QVERIFY(!store.restore(orphan).ok());
    QCOMPARE(store.relationships()->size(), 2);
}

void TestFederationStore::spireListRoundTrip()
{
    SpireFederationEntry spiffe;
    spiffe.relationship = spiffeRelationship("a.test", "b.test");
    spiffe.bundle = *m_ws->bundle(QStringLiteral("b.test"));
    SpireFederationEntry web;
    web.relationship.localTrustDomain = td("a.test");
    web.relationship.peerTrustDomain = td("web.test");
    web.relationship.profile = BundleEndpointProfile::HttpsWeb;
    web.relationship.bundleEndpointUrl = QUrl(QStringLiteral("https://web.example/bundle"));
    const QByteArray json = SpireFederationJson::writeList({spiffe, web});
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QJsonArray list = root.value(QLatin1String("federation_relationships")).toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(
        list.at(0)[QLatin1String("https_spiffe")][QLatin1String("endpoint_spiffe_id")].toString(),
        QStringLiteral("spiffe://b.test/spire/server"));
    QVERIFY(list.at(1).toObject().contains(QLatin1String("https_web")));
    QCOMPARE(list.at(0)[QLatin1String("trust_domain_bundle")][QLatin1String("x509_authorities")]
                 .toArray()
                 .size(),
             spiffe.bundle.x509Authorities().size());

    auto read = SpireFederationJson::read(td("a.test"), json);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
    QCOMPARE(read->size(), 2);
    QCOMPARE(read->at(0).relationship.endpointSpiffeId, spiffe.relationship.endpointSpiffeId);
    QCOMPARE(read->at(0).bundle.x509Authorities(), spiffe.bundle.x509Authorities());
    QCOMPARE(read->at(0).bundle.jwtAuthorities().keys(), spiffe.bundle.jwtAuthorities().keys());
    QCOMPARE(read->at(0).bundle.sequence(), spiffe.bundle.sequence());
    QVERIFY(!read->at(0).relationship.bootstrapBundle.isEmpty());
    QCOMPARE(read->at(1).relationship.profile, BundleEndpointProfile::HttpsWeb);
    QCOMPARE(read->at(1).relationship.bundleEndpointUrl, web.relationship.bundleEndpointUrl);
}

void TestFederationStore::spireConfigRoundTrip()
{
    // The federates_with block of SPIRE's own documentation, in HCL's JSON form.
    const QByteArray config = R"({"server": {"federation": {
        "bundle_endpoint": {"address": "0.0.0.0", "port": 8443},
        "federates_with": {
          "domain1.test": {"bundle_endpoint_url": "https://1.2.3.4:8443",
                           "bundle_endpoint_profile": {"https_web": {}}},
          "domain2.test": {"bundle_endpoint_url": "https://5.6.7.8:8443",
                           "bundle_endpoint_profile": {"https_spiffe":
                               {"endpoint_spiffe_id": "spiffe://domain2.test/beserver"}}}}}}})";
    auto read = SpireFederationJson::read(td("a.test"), config);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
    QCOMPARE(read->size(), 2);
    QCOMPARE(read->at(0).relationship.peerTrustDomain.name(), QStringLiteral("domain1.test"));
    QCOMPARE(read->at(0).relationship.profile, BundleEndpointProfile::HttpsWeb);
    QCOMPARE(read->at(1).relationship.endpointSpiffeId.toString(),
             QStringLiteral("spiffe://domain2.test/beserver"));
    QList<FederationRelationship> rels{read->at(0).relationship, read->at(1).relationship};
    const QByteArray written = SpireFederationJson::writeConfig(rels);
    auto again = SpireFederationJson::read(td("a.test"), written);
    QVERIFY(again.ok());
    QCOMPARE(again->size(), 2);
    QCOMPARE(again->at(1).relationship.bundleEndpointUrl,
             read->at(1).relationship.bundleEndpointUrl);
    QCOMPARE(again->at(1).relationship.endpointSpiffeId, read->at(1).relationship.endpointSpiffeId);
}

void TestFederationStore::spireImportRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::newRow("neither form") << QByteArray(R"({"entries": []})") << "fed.bad_import";
    QTest::newRow("bad peer name")
        << QByteArray(R"({"federation_relationships": [{"trust_domain": "UPPER",
             "bundle_endpoint_url": "https://x", "https_web": {}}]})")
        << "fed.bad_import";
    QTest::newRow("no profile") << QByteArray(
                                       R"({"federation_relationships": [{"trust_domain": "b.test",
             "bundle_endpoint_url": "https://x"}]})")
                                << "fed.bad_import";
    QTest::newRow("http endpoint")
        << QByteArray(R"({"federates_with": {"b.test": {"bundle_endpoint_url": "http://x",
             "bundle_endpoint_profile": {"https_web": {}}}}})")
        << "fed.bad_import";
    QTest::newRow("duplicate key")
        << QByteArray(R"({"federates_with": {}, "federates_with": {}})") << "json.duplicate_key";
}

void TestFederationStore::spireImportRefusesBadInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    auto read = SpireFederationJson::read(td("a.test"), json);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, code);
}

QTEST_GUILESS_MAIN(TestFederationStore)
#include "tst_federationstore.moc"
