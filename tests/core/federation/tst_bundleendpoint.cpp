// SPDX-License-Identifier: Apache-2.0
// The bundle endpoint server and client over real TLS on loopback, no mocks: two workspaces
// federate in both profiles, each serves and the other fetches, and one's SVIDs validate in the
// other through the fetched bundle; then every refusal the fetch must make, and a rotation.
#include "core/crypto/CertificateBuilder.h"
#include "core/federation/BundleEndpointClient.h"
#include "core/federation/BundleEndpointServer.h"
#include "core/federation/BundleRefresher.h"
#include "core/federation/EndpointCredentials.h"
#include "core/federation/FederationErrors.h"
#include "core/federation/FederationStore.h"
#include "core/spiffe/JwtSvid.h"
#include "core/spiffe/X509SvidValidator.h"
#include "core/store/CredentialIssuer.h"
#include "core/store/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

namespace {

TrustDomain td(const char *name)
{
    return TrustDomain::fromName(QString::fromLatin1(name)).value();
}

SpiffeId sid(const char *id)
{
    return SpiffeId::fromString(QString::fromLatin1(id)).value();
}

QString text(const Error &e)
{
    return e.toString();
}

// A web PKI of the test's own: a CA and leaves for host names, valid or long expired.
struct WebPki
{
    Key caKey;
    Certificate ca;

    static WebPki make()
    {
        WebPki pki;
        pki.caKey = Key::generate(KeyType::EcP256).value();
        CertificateSpec spec;
        spec.role = CertificateSpec::Role::SigningCa;
        spec.organization = QStringLiteral("Test Web CA");
        spec.commonName = QStringLiteral("Test Web CA");
        spec.notBefore = QDateTime::currentDateTimeUtc().addDays(-30);
        spec.notAfter = QDateTime::currentDateTimeUtc().addDays(30);
        pki.ca = CertificateBuilder::build(spec, pki.caKey, pki.caKey, nullptr).value();
        return pki;
    }

    ServerCredential leaf(const QString &host, bool expired = false) const
    {
        const Key key = Key::generate(KeyType::EcP256).value();
        CertificateSpec spec;
        spec.role = CertificateSpec::Role::Leaf;
        spec.commonName = host;
        spec.dnsSans = {host};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        spec.notBefore = expired ? now.addDays(-20) : now.addSecs(-60);
        spec.notAfter = expired ? now.addDays(-10) : now.addDays(1);
        return ServerCredential{{CertificateBuilder::build(spec, key, caKey, &ca).value()}, key};
    }
};

} // namespace

class TestBundleEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void federateHttpsSpiffeBothWays();
    void federateHttpsWebBothWays();
    void servedBundleReadByOpenSsl();
    void refusesOtherMethodsAndPaths_data();
    void refusesOtherMethodsAndPaths();
    void fetchRefusals_data();
    void fetchRefusals();
    void lowerSequenceKeepsHeldBundle();
    void rotationPickedUpAfterRefreshHint();
    void serverSvidRenewedBeforeExpiry();
    void idleConnectionsAreCapped();

private:
    std::unique_ptr<Workspace> makeWorkspace(const char *file, const char *name);
    std::unique_ptr<BundleEndpointServer> spiffeServer(Workspace &ws, const SpiffeId &id);
    std::unique_ptr<BundleEndpointServer> webServer(Workspace &ws, const QString &name,
                                                    const ServerCredential &credential);
    Result<BundleFetchResult> fetch(const BundleFetchRequest &request);
    Result<BundleUpdate> refresh(Workspace &ws, const FederationRelationship &r,
                                 BundleRefresher *keep = nullptr);
    FederationRelationship relate(Workspace &ws, const char *local, const char *peer, quint16 port,
                                  BundleEndpointProfile profile, const QByteArray &bootstrap);
    void validateAcross(Workspace &issuerWs, const char *issuerTd, Workspace &verifierWs,
                        const char *verifierTd);

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_a;
    std::unique_ptr<Workspace> m_b;
    WebPki m_pki;
};

std::unique_ptr<Workspace> TestBundleEndpoint::makeWorkspace(const char *file, const char *name)
{
    auto ws = Workspace::create(m_dir.filePath(QString::fromLatin1(file)), std::nullopt);
    if (!ws)
        return nullptr;
    // Made two days ago, so that a server SVID can be minted in the past and be expired now.
    if (!(*ws)->createTrustDomain(td(name), CaSettings{},
                                  QDateTime::currentDateTimeUtc().addDays(-2)))
        return nullptr;
    return std::move(*ws);
}

void TestBundleEndpoint::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QSslSocket::supportsSsl());
    QCOMPARE(QSslSocket::activeBackend(), QStringLiteral("openssl"));
    m_a = makeWorkspace("a.atlas", "a.test");
    m_b = makeWorkspace("b.atlas", "b.test");
    QVERIFY(m_a && m_b);
    m_pki = WebPki::make();
}

std::unique_ptr<BundleEndpointServer> TestBundleEndpoint::spiffeServer(Workspace &ws,
                                                                       const SpiffeId &id)
{
    Workspace *w = &ws;
    const QString name = id.trustDomain().name();
    auto server = std::make_unique<BundleEndpointServer>([w, name] { return w->bundle(name); });
    auto set = server->setCredentialSource(
        [w, id](const QDateTime &now) { return EndpointCredentials::mintSvid(*w, id, now); });
    if (!set || !server->listen(QHostAddress::LocalHost, 0))
        return nullptr;
    return server;
}

std::unique_ptr<BundleEndpointServer>
TestBundleEndpoint::webServer(Workspace &ws, const QString &name,
                              const ServerCredential &credential)
{
    Workspace *w = &ws;
    auto server = std::make_unique<BundleEndpointServer>([w, name] { return w->bundle(name); });
    if (!server->setCredential(credential) || !server->listen(QHostAddress::LocalHost, 0))
        return nullptr;
    return server;
}

Result<BundleFetchResult> TestBundleEndpoint::fetch(const BundleFetchRequest &request)
{
    BundleEndpointClient client;
    QSignalSpy done(&client, &BundleEndpointClient::finished);
    client.fetch(request);
    if (!done.wait(request.timeoutMs + 5000))
        return makeError(QStringLiteral("test.no_finish"));
    return client.result();
}

Result<BundleUpdate> TestBundleEndpoint::refresh(Workspace &ws, const FederationRelationship &r,
                                                 BundleRefresher *keep)
{
    BundleRefresher own(ws);
    BundleRefresher &refresher = keep ? *keep : own;
    auto request = BundleRefresher::requestFor(ws, r);
    if (!request)
        return request.error();
    QSignalSpy done(&refresher, &BundleRefresher::finished);
    refresher.refresh(r, *request);
    if (!done.wait(request->timeoutMs + 5000))
        return makeError(QStringLiteral("test.no_finish"));
    return refresher.result();
}

FederationRelationship TestBundleEndpoint::relate(Workspace &ws, const char *local,
                                                  const char *peer, quint16 port,
                                                  BundleEndpointProfile profile,
                                                  const QByteArray &bootstrap)
{
    FederationRelationship r;
    r.localTrustDomain = td(local);
    r.peerTrustDomain = td(peer);
    r.profile = profile;
    if (profile == BundleEndpointProfile::HttpsSpiffe) {
        r.bundleEndpointUrl = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(port));
        r.endpointSpiffeId = FederationRelationship::defaultEndpointSpiffeId(r.peerTrustDomain);
        r.bootstrapBundle = bootstrap;
    } else {
        r.bundleEndpointUrl = QUrl(QStringLiteral("https://localhost:%1/").arg(port));
        r.pinnedCaPem = m_pki.ca.toPem();
    }
    FederationStore store(ws);
    (void)store.remove(QString::fromLatin1(local), QString::fromLatin1(peer));
    auto id = store.add(r, QDateTime::currentDateTimeUtc());
    r.id = id ? *id : 0;
    return r;
}

// An X509-SVID and a JWT-SVID of issuerTd validate in verifierWs through the bundle it fetched.
void TestBundleEndpoint::validateAcross(Workspace &issuerWs, const char *issuerTd,
                                        Workspace &verifierWs, const char *verifierTd)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    FederationStore store(verifierWs);
    auto rel = store.relationship(QString::fromLatin1(verifierTd), QString::fromLatin1(issuerTd));
    QVERIFY2(rel.ok(), qPrintable(rel.ok() ? QString() : text(rel.error())));
    auto latest = store.latestBundle(rel->id);
    QVERIFY(latest.ok() && latest->has_value());
    auto bundle = TrustBundle::fromJwks(td(issuerTd), (*latest)->json);
    QVERIFY(bundle.ok());

    CredentialIssuer issuer(issuerWs);
    X509IssueRequest x;
    x.trustDomain = QString::fromLatin1(issuerTd);
    x.spiffeId = QStringLiteral("spiffe://%1/payments/api").arg(x.trustDomain);
    auto svid = issuer.issueX509(x, now);
    QVERIFY(svid.ok());
    auto valid =
        X509SvidValidator::validate(svid->chain, td(issuerTd), bundle->x509Authorities(), now);
    QVERIFY2(valid.ok(), qPrintable(valid.ok() ? QString() : text(valid.error())));
    QCOMPARE(valid->id.toString(), x.spiffeId);

    JwtIssueRequest j;
    j.trustDomain = x.trustDomain;
    j.spiffeId = x.spiffeId;
    j.audience = {QStringLiteral("spiffe://%1/ledger").arg(QString::fromLatin1(verifierTd))};
    auto jwt = issuer.issueJwt(j, now);
    QVERIFY(jwt.ok());
    TrustBundleSet set;
    set.insert(*bundle);
    auto checked = JwtSvid::validate(jwt->svid.token(), set, j.audience.first(), now);
    QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString() : text(checked.error())));
    QCOMPARE(checked->subject().toString(), x.spiffeId);
}

void TestBundleEndpoint::idleConnectionsAreCapped()
{
    auto server = spiffeServer(*m_a, sid("spiffe://a.test/spire/server"));
    QVERIFY(server);
    server->setMaxConnections(4);
    // A client that connects and sends nothing is closed by the deadline.
    {
        QTcpSocket silent;
        QSignalSpy gone(&silent, &QTcpSocket::disconnected);
        silent.connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(silent.waitForConnected(5000));
        QVERIFY(gone.wait(BundleEndpointServer::kRequestTimeoutMs + 3000));
    }
    // Four connections that begin a TLS record and stall hold every place.
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 4; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(idle.back()->waitForConnected(5000));
        idle.back()->write(QByteArray::fromHex("160301"));
        QVERIFY(idle.back()->waitForBytesWritten(5000));
    }
    QTRY_COMPARE(server->openConnections(), 4);
    // One more is closed at once, long before the request deadline.
    QTcpSocket extra;
    QSignalSpy closed(&extra, &QTcpSocket::disconnected);
    extra.connectToHost(QHostAddress::LocalHost, server->port());
    QVERIFY(extra.waitForConnected(5000));
    extra.write(QByteArray::fromHex("160301"));
    QVERIFY(closed.wait(BundleEndpointServer::kRequestTimeoutMs / 2));
    QCOMPARE(server->connectionsRefused(), 1);
    QCOMPARE(server->openConnections(), 4);
    // When they go, the place is free again and a real fetch is answered.
    idle.clear();
    QTRY_COMPARE(server->openConnections(), 0);
    const auto rel =
        relate(*m_b, "b.test", "a.test", server->port(), BundleEndpointProfile::HttpsSpiffe,
               m_a->bundle(QStringLiteral("a.test"))->toJwks());
    auto fetched = refresh(*m_b, rel);
    QVERIFY2(fetched.ok(), qPrintable(fetched.ok() ? QString() : text(fetched.error())));
}

void TestBundleEndpoint::federateHttpsSpiffeBothWays()
{
    auto serverA = spiffeServer(*m_a, sid("spiffe://a.test/spire/server"));
    auto serverB = spiffeServer(*m_b, sid("spiffe://b.test/spire/server"));
    QVERIFY(serverA && serverB);
    // Bootstrap out of band: each side was handed the other's bundle once.
    const QByteArray bootA = m_a->bundle(QStringLiteral("a.test"))->toJwks();
    const QByteArray bootB = m_b->bundle(QStringLiteral("b.test"))->toJwks();
    const auto bToA = relate(*m_b, "b.test", "a.test", serverA->port(),
                             BundleEndpointProfile::HttpsSpiffe, bootA);
    const auto aToB = relate(*m_a, "a.test", "b.test", serverB->port(),
                             BundleEndpointProfile::HttpsSpiffe, bootB);
    QVERIFY(bToA.id > 0 && aToB.id > 0);

    auto r1 = refresh(*m_b, bToA);
    QVERIFY2(r1.ok(), qPrintable(r1.ok() ? QString() : text(r1.error())));
    QCOMPARE(*r1, BundleUpdate::Stored);
    auto r2 = refresh(*m_a, aToB);
    QVERIFY2(r2.ok(), qPrintable(r2.ok() ? QString() : text(r2.error())));
    QCOMPARE(*r2, BundleUpdate::Stored);

    validateAcross(*m_a, "a.test", *m_b, "b.test");
    validateAcross(*m_b, "b.test", *m_a, "a.test");

    // After the bootstrap the endpoint is authenticated by the bundle fetched from it.
    FederationRelationship noBootstrap = bToA;
    noBootstrap.bootstrapBundle.clear();
    auto request = BundleRefresher::requestFor(*m_b, noBootstrap);
    QVERIFY(request.ok());
    QCOMPARE(request->endpointBundle, *m_a->bundle(QStringLiteral("a.test")));
    auto again = refresh(*m_b, noBootstrap);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : text(again.error())));
    QCOMPARE(*again, BundleUpdate::Unchanged);
    QVERIFY(serverA->requestsAnswered() >= 2);
}

void TestBundleEndpoint::federateHttpsWebBothWays()
{
    auto serverA =
        webServer(*m_a, QStringLiteral("a.test"), m_pki.leaf(QStringLiteral("localhost")));
    auto serverB =
        webServer(*m_b, QStringLiteral("b.test"), m_pki.leaf(QStringLiteral("localhost")));
    QVERIFY(serverA && serverB);
    const auto bToA =
        relate(*m_b, "b.test", "a.test", serverA->port(), BundleEndpointProfile::HttpsWeb, {});
    const auto aToB =
        relate(*m_a, "a.test", "b.test", serverB->port(), BundleEndpointProfile::HttpsWeb, {});
    auto r1 = refresh(*m_b, bToA);
    QVERIFY2(r1.ok(), qPrintable(r1.ok() ? QString() : text(r1.error())));
    auto r2 = refresh(*m_a, aToB);
    QVERIFY2(r2.ok(), qPrintable(r2.ok() ? QString() : text(r2.error())));
    validateAcross(*m_a, "a.test", *m_b, "b.test");
    validateAcross(*m_b, "b.test", *m_a, "a.test");
}

void TestBundleEndpoint::servedBundleReadByOpenSsl()
{
    auto server = spiffeServer(*m_a, sid("spiffe://a.test/spire/server"));
    QVERIFY(server);
    // An independent TLS client: OpenSSL's own s_client sends the request and prints the answer.
    QProcess client;
    client.start(QStringLiteral("openssl"),
                 {QStringLiteral("s_client"), QStringLiteral("-quiet"), QStringLiteral("-connect"),
                  QStringLiteral("127.0.0.1:%1").arg(server->port())});
    QVERIFY(client.waitForStarted());
    client.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QSignalSpy finished(&client, &QProcess::finished);
    QVERIFY(finished.wait(20000));
    const QByteArray response = client.readAllStandardOutput();
    const qsizetype end = response.indexOf("\r\n\r\n");
    QVERIFY2(end > 0, response.constData());
    const QByteArray head = response.left(end);
    QVERIFY(head.startsWith("HTTP/1.1 200"));
    QVERIFY(head.contains("Content-Type: application/json"));
    const QJsonObject doc = QJsonDocument::fromJson(response.mid(end + 4)).object();
    QCOMPARE(quint64(doc.value(QLatin1String("spiffe_sequence")).toInteger()),
             m_a->bundle(QStringLiteral("a.test"))->sequence());
    int x509 = 0;
    int jwt = 0;
    for (const QJsonValue &k : doc.value(QLatin1String("keys")).toArray()) {
        const QJsonObject key = k.toObject();
        if (key.value(QLatin1String("use")) == QLatin1String("jwt-svid")) {
            ++jwt;
            QVERIFY(!key.value(QLatin1String("kid")).toString().isEmpty());
            continue;
        }
        QCOMPARE(key.value(QLatin1String("use")).toString(), QStringLiteral("x509-svid"));
        ++x509;
        // OpenSSL reads the x5c certificate on its own and finds the trust domain's ID in it.
        const QByteArray der = QByteArray::fromBase64(
            key.value(QLatin1String("x5c")).toArray().first().toString().toLatin1());
        QProcess x;
        x.start(QStringLiteral("openssl"),
                {QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"),
                 QStringLiteral("-noout"), QStringLiteral("-ext"),
                 QStringLiteral("subjectAltName,basicConstraints")});
        x.write(der);
        x.closeWriteChannel();
        QVERIFY(x.waitForFinished(20000));
        const QByteArray out = x.readAllStandardOutput();
        QVERIFY2(out.contains("URI:spiffe://a.test"), out.constData());
        QVERIFY2(out.contains("CA:TRUE"), out.constData());
    }
    QCOMPARE(x509, int(m_a->bundle(QStringLiteral("a.test"))->x509Authorities().size()));
    QCOMPARE(jwt, int(m_a->bundle(QStringLiteral("a.test"))->jwtAuthorities().size()));
}

void TestBundleEndpoint::refusesOtherMethodsAndPaths_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("GET /") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("200");
    QTest::newRow("POST /") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                            << QByteArray("405");
    QTest::newRow("HEAD /") << QByteArray("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")
                            << QByteArray("405");
    QTest::newRow("DELETE /") << QByteArray("DELETE / HTTP/1.1\r\n\r\n") << QByteArray("405");
    QTest::newRow("GET /bundle") << QByteArray("GET /bundle HTTP/1.1\r\n\r\n") << QByteArray("404");
    QTest::newRow("GET /?x=1") << QByteArray("GET /?x=1 HTTP/1.1\r\n\r\n") << QByteArray("404");
    QTest::newRow("not HTTP") << QByteArray("hello\r\n\r\n") << QByteArray("400");
    QTest::newRow("endless header") << QByteArray(20000, 'a') << QByteArray("431");
}

void TestBundleEndpoint::refusesOtherMethodsAndPaths()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    auto server = spiffeServer(*m_a, sid("spiffe://a.test/spire/server"));
    QVERIFY(server);
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server->port());
    QVERIFY(encrypted.wait(10000));
    socket.write(request);
    QSignalSpy closed(&socket, &QSslSocket::disconnected);
    QByteArray answer;
    connect(&socket, &QSslSocket::readyRead, this, [&] { answer += socket.readAll(); });
    QVERIFY(closed.wait(10000));
    answer += socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 " + status), answer.left(100).constData());
    if (status == "405")
        QVERIFY(answer.contains("Allow: GET"));
}

void TestBundleEndpoint::fetchRefusals_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("code");
    QTest::newRow("wrong endpoint SPIFFE ID") << "wrong-id"
                                              << "fed.spiffe_id_mismatch";
    QTest::newRow("server SVID of another trust domain") << "other-td"
                                                         << "fed.spiffe_id_mismatch";
    QTest::newRow("server SVID from a rogue CA of the same name") << "rogue-ca"
                                                                  << "fed.untrusted_certificate";
    QTest::newRow("expired server SVID") << "expired-svid"
                                         << "fed.certificate_expired";
    QTest::newRow("expired web certificate") << "expired-web"
                                             << "fed.certificate_expired";
    QTest::newRow("hostname mismatch") << "hostname"
                                       << "fed.hostname_mismatch";
    QTest::newRow("web certificate of an unpinned CA") << "unpinned"
                                                       << "fed.untrusted_certificate";
    QTest::newRow("bundle of the wrong trust domain") << "wrong-td"
                                                      << "fed.wrong_trust_domain";
    QTest::newRow("oversized response") << "oversized"
                                        << "fed.too_large";
    QTest::newRow("server never answers") << "silent"
                                          << "fed.timeout";
    QTest::newRow("nothing listening") << "refused"
                                       << "fed.connection";
    QTest::newRow("not found") << "not-found"
                               << "fed.http_status";
    QTest::newRow("not a bundle") << "not-json"
                                  << "fed.bad_response";
}

void TestBundleEndpoint::fetchRefusals()
{
    QFETCH(QString, scenario);
    QFETCH(QString, code);
    const SpiffeId idA = sid("spiffe://a.test/spire/server");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Workspace *a = m_a.get();
    std::unique_ptr<BundleEndpointServer> server;
    std::unique_ptr<Workspace> rogue;
    QTcpServer silent;
    QSslServer liar;
    BundleFetchRequest request;
    request.trustDomain = td("a.test");
    request.profile = BundleEndpointProfile::HttpsSpiffe;
    request.endpointSpiffeId = idA;
    request.endpointBundle = *m_a->bundle(QStringLiteral("a.test"));
    request.timeoutMs = 5000;
    quint16 port = 0;
    QString host = QStringLiteral("127.0.0.1");
    QString path = QStringLiteral("/");

    auto serveWith = [&](BundleEndpointServer::BundleSource bundles, const ServerCredential &c) {
        server = std::make_unique<BundleEndpointServer>(std::move(bundles));
        QVERIFY(server->setCredential(c).ok());
        QVERIFY(server->listen(QHostAddress::LocalHost, 0).ok());
        port = server->port();
    };
    auto aBundle = [a] { return a->bundle(QStringLiteral("a.test")); };
    auto web = [&] {
        request.profile = BundleEndpointProfile::HttpsWeb;
        request.caCertificates = {m_pki.ca};
        host = QStringLiteral("localhost");
    };

    if (scenario == QLatin1String("wrong-id")) {
        serveWith(aBundle, EndpointCredentials::mintSvid(*m_a, idA, now).value());
        request.endpointSpiffeId = sid("spiffe://a.test/bundle-endpoint");
    } else if (scenario == QLatin1String("other-td")) {
        serveWith(
            aBundle,
            EndpointCredentials::mintSvid(*m_b, sid("spiffe://b.test/spire/server"), now).value());
    } else if (scenario == QLatin1String("rogue-ca")) {
        rogue = makeWorkspace("rogue.atlas", "a.test");
        QVERIFY(rogue);
        serveWith(aBundle, EndpointCredentials::mintSvid(*rogue, idA, now).value());
    } else if (scenario == QLatin1String("expired-svid")) {
        serveWith(aBundle, EndpointCredentials::mintSvid(*m_a, idA, now.addDays(-1), 3600).value());
    } else if (scenario == QLatin1String("expired-web")) {
        serveWith(aBundle, m_pki.leaf(QStringLiteral("localhost"), true));
        web();
    } else if (scenario == QLatin1String("hostname")) {
        serveWith(aBundle, m_pki.leaf(QStringLiteral("bundles.other.example")));
        web();
    } else if (scenario == QLatin1String("unpinned")) {
        const WebPki other = WebPki::make();
        serveWith(aBundle, other.leaf(QStringLiteral("localhost")));
        web();
    } else if (scenario == QLatin1String("wrong-td")) {
        Workspace *b = m_b.get();
        serveWith([b] { return b->bundle(QStringLiteral("b.test")); },
                  EndpointCredentials::mintSvid(*m_a, idA, now).value());
    } else if (scenario == QLatin1String("oversized")) {
        serveWith(aBundle, EndpointCredentials::mintSvid(*m_a, idA, now).value());
        request.maxResponseBytes = 300;
    } else if (scenario == QLatin1String("silent")) {
        // Accepts the connection and never says a word, not even the TLS handshake.
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        port = silent.serverPort();
        request.timeoutMs = 400;
    } else if (scenario == QLatin1String("refused")) {
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        port = silent.serverPort();
        silent.close();
    } else if (scenario == QLatin1String("not-found")) {
        serveWith(aBundle, EndpointCredentials::mintSvid(*m_a, idA, now).value());
        path = QStringLiteral("/bundle");
    } else if (scenario == QLatin1String("not-json")) {
        // A TLS server of the test's own that answers 200 with something that is no bundle.
        const ServerCredential c = EndpointCredentials::mintSvid(*m_a, idA, now).value();
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(c.chain.first().toPem()));
        config.setPrivateKey(QSslKey(c.privateKey.privatePkcs8Pem(), QSsl::Ec));
        liar.setSslConfiguration(config);
        connect(&liar, &QSslServer::pendingConnectionAvailable, this, [&liar] {
            QTcpSocket *s = liar.nextPendingConnection();
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     "Content-Length: 12\r\n\r\n{\"keys\": 7}\n");
            s->disconnectFromHost();
        });
        QVERIFY(liar.listen(QHostAddress::LocalHost, 0));
        port = liar.serverPort();
    }
    request.url = QUrl(QStringLiteral("https://%1:%2%3").arg(host).arg(port).arg(path));
    QElapsedTimer clock;
    clock.start();
    auto result = fetch(request);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QVERIFY(!result.error().detail.isEmpty());
    if (scenario == QLatin1String("silent"))
        QVERIFY(clock.elapsed() < 3000);
}

void TestBundleEndpoint::lowerSequenceKeepsHeldBundle()
{
    const TrustBundle before = *m_a->bundle(QStringLiteral("a.test"));
    TrustBundle served = before;
    Workspace *a = m_a.get();
    bool serveOld = false;
    BundleEndpointServer server([&]() -> Result<TrustBundle> {
        return serveOld ? Result<TrustBundle>(before) : a->bundle(QStringLiteral("a.test"));
    });
    QVERIFY(server
                .setCredentialSource([a](const QDateTime &now) {
                    return EndpointCredentials::mintSvid(*a, sid("spiffe://a.test/spire/server"),
                                                         now);
                })
                .ok());
    QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
    const auto rel = relate(*m_b, "b.test", "a.test", server.port(),
                            BundleEndpointProfile::HttpsSpiffe, before.toJwks());
    // A rotation step raises the sequence; the newer bundle is fetched and held.
    auto ca = m_a->authority(QStringLiteral("a.test"));
    QVERIFY(ca->prepare(AuthorityKind::Jwt, QDateTime::currentDateTimeUtc()).ok());
    QVERIFY(m_a->saveAuthority(*ca).ok());
    QVERIFY(refresh(*m_b, rel).ok());
    FederationStore store(*m_b);
    const quint64 held = store.latestBundle(rel.id).value()->sequence;
    QVERIFY(held > before.sequence());
    const QDateTime lastFetch =
        store.relationship(QStringLiteral("b.test"), QStringLiteral("a.test"))->lastFetchedAt;
    // The endpoint then serves an older bundle: refused, and nothing is written.
    serveOld = true;
    auto back = refresh(*m_b, rel);
    QVERIFY(!back.ok());
    QCOMPARE(back.error().code, QString::fromLatin1(ec::FedSequenceBackwards.code));
    QVERIFY(back.error().detail.contains(QString::number(held)));
    QCOMPARE(store.latestBundle(rel.id).value()->sequence, held);
    QCOMPARE(store.bundleHistory(rel.id)->size(), 1);
    QCOMPARE(store.relationship(QStringLiteral("b.test"), QStringLiteral("a.test"))->lastFetchedAt,
             lastFetch);
}

void TestBundleEndpoint::rotationPickedUpAfterRefreshHint()
{
    const QString a = QStringLiteral("a.test");
    QVERIFY(m_a->setRefreshHint(a, 1).ok());
    auto server = spiffeServer(*m_a, sid("spiffe://a.test/spire/server"));
    QVERIFY(server);
    const auto rel = relate(*m_b, "b.test", "a.test", server->port(),
                            BundleEndpointProfile::HttpsSpiffe, m_a->bundle(a)->toJwks());
    BundleRefresher refresher(*m_b);
    QVERIFY(refresh(*m_b, rel, &refresher).ok());
    const QDateTime first = QDateTime::currentDateTimeUtc();
    QVERIFY(refresher.nextRefresh() <= first.addSecs(2));
    FederationStore store(*m_b);
    auto heldBundle = [&] {
        return TrustBundle::fromJwks(td("a.test"), store.latestBundle(rel.id).value()->json)
            .value();
    };

    // An SVID signed by the authority about to be retired.
    CredentialIssuer issuer(*m_a);
    X509IssueRequest x;
    x.trustDomain = a;
    x.spiffeId = QStringLiteral("spiffe://a.test/old-signer");
    const auto oldSvid = issuer.issueX509(x, QDateTime::currentDateTimeUtc()).value();

    auto ca = m_a->authority(a).value();
    const QString oldId = ca.activeSlot(AuthorityKind::X509)->id;
    auto prepared = ca.prepare(AuthorityKind::X509, QDateTime::currentDateTimeUtc());
    QVERIFY(prepared.ok());
    QVERIFY(m_a->saveAuthority(ca).ok());
    const Certificate newAuthority = ca.slot(*prepared)->certificate;

    auto waitForHint = [&] {
        QTest::qWait(int(
            std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(refresher.nextRefresh()))));
        return refresh(*m_b, rel, &refresher);
    };
    // Prepared: published before it signs; the fetch after the hint holds it.
    QVERIFY(waitForHint().ok());
    QVERIFY(heldBundle().hasX509Authority(newAuthority));

    // Activated: SVIDs it signs validate in B through the held bundle.
    QVERIFY(ca.activate(AuthorityKind::X509).ok());
    QVERIFY(m_a->saveAuthority(ca).ok());
    const auto newSvid = issuer.issueX509(x, QDateTime::currentDateTimeUtc()).value();
    QVERIFY(X509SvidValidator::validate(newSvid.chain, td("a.test"), heldBundle().x509Authorities(),
                                        QDateTime::currentDateTimeUtc())
                .ok());

    // Tainted then revoked: the old authority leaves A's bundle, and after the hint B's too, so
    // the SVID it signed is refused in B.
    QVERIFY(ca.taint(oldId).ok());
    QVERIFY(ca.revoke(oldId).ok());
    QVERIFY(m_a->saveAuthority(ca).ok());
    QVERIFY(X509SvidValidator::validate(oldSvid.chain, td("a.test"), heldBundle().x509Authorities(),
                                        QDateTime::currentDateTimeUtc())
                .ok());
    auto afterRevoke = waitForHint();
    QVERIFY2(afterRevoke.ok(),
             qPrintable(afterRevoke.ok() ? QString() : text(afterRevoke.error())));
    QCOMPARE(*afterRevoke, BundleUpdate::Stored);
    QCOMPARE(heldBundle(), *m_a->bundle(a));
    QVERIFY(!X509SvidValidator::validate(oldSvid.chain, td("a.test"),
                                         heldBundle().x509Authorities(),
                                         QDateTime::currentDateTimeUtc())
                 .ok());
    QCOMPARE(store.bundleHistory(rel.id)->size(), 3);
}

void TestBundleEndpoint::serverSvidRenewedBeforeExpiry()
{
    Workspace *a = m_a.get();
    BundleEndpointServer server([a] { return a->bundle(QStringLiteral("a.test")); });
    QVERIFY(server
                .setCredentialSource([a](const QDateTime &now) {
                    // 8 s: renewed at half (4 s), which leaves the renewal 4 s to land before
                    // the first SVID expires even on a loaded machine or under the sanitizers.
                    return EndpointCredentials::mintSvid(*a, sid("spiffe://a.test/spire/server"),
                                                         now, 8);
                })
                .ok());
    QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
    const QString firstSerial = server.credential().chain.first().serialHex();
    const QDateTime firstExpiry = server.credential().chain.first().notAfter();
    QSignalSpy renewed(&server, &BundleEndpointServer::credentialRenewed);
    QVERIFY(renewed.wait(12000));
    QVERIFY(server.credential().chain.first().serialHex() != firstSerial);
    QVERIFY(QDateTime::currentDateTimeUtc() < firstExpiry);
    // Clients meet the new SVID.
    BundleFetchRequest request;
    request.trustDomain = td("a.test");
    request.url = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(server.port()));
    request.endpointSpiffeId = sid("spiffe://a.test/spire/server");
    request.endpointBundle = *m_a->bundle(QStringLiteral("a.test"));
    auto result = fetch(request);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : text(result.error())));
    QCOMPARE(result->serverChain.first().serialHex(),
             server.credential().chain.first().serialHex());
}

QTEST_GUILESS_MAIN(TestBundleEndpoint)
#include "tst_bundleendpoint.moc"
