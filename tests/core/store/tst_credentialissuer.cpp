// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/CryptoErrors.h"
#include "core/spiffe/JwtSvid.h"
#include "core/spiffe/SpiffeErrors.h"
#include "core/spiffe/X509SvidValidator.h"
#include "core/store/CredentialIssuer.h"
#include "core/store/StoreErrors.h"
#include "core/store/Workspace.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

class TestCredentialIssuer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void x509WithGeneratedKey();
    void x509WithRequestersKey();
    void x509Ttl();
    void jwtValidatesAndIsRecorded();
    void jwtExpiryClampedToAuthority();
    void refusalsRecordNothing_data();
    void refusalsRecordNothing();

private:
    qsizetype recorded() { return m_ws->credentials().value().size(); }
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    QDateTime m_now;
};

void TestCredentialIssuer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_now = QDateTime::currentDateTimeUtc();
    auto ws = Workspace::create(m_dir.filePath(QStringLiteral("issuer.atlas")), std::nullopt);
    QVERIFY(ws.ok());
    m_ws = std::move(*ws);
    QVERIFY(m_ws->createTrustDomain(TrustDomain::fromName(u"example.org").value(), CaSettings{},
                                    m_now.addSecs(-60))
                .ok());
    CaSettings shortLived;
    shortLived.caTtl = 600;
    QVERIFY(m_ws->createTrustDomain(TrustDomain::fromName(u"short.example").value(), shortLived,
                                    m_now.addSecs(-60))
                .ok());
}

void TestCredentialIssuer::x509WithGeneratedKey()
{
    const qsizetype before = recorded();
    CredentialIssuer issuer(*m_ws);
    X509IssueRequest req;
    req.trustDomain = QStringLiteral("example.org");
    req.spiffeId = QStringLiteral("spiffe://example.org/ns/payments/sa/api");
    req.dnsNames = {QStringLiteral("api.payments.svc")};
    auto issued = issuer.issueX509(req, m_now);
    QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().toString()));
    QVERIFY(!issued->privateKey.isNull());
    const Certificate &leaf = issued->chain.first();
    QVERIFY(leaf.publicKey().samePublicKey(issued->privateKey));
    QVERIFY(X509SvidValidator::validate(
                issued->chain, TrustDomain::fromName(u"example.org").value(), issued->bundle, m_now)
                .ok());
    // The record says what the certificate says, and the workspace keeps it.
    const CredentialRecord &r = issued->record;
    QCOMPARE(r.serial, leaf.serialHex());
    QCOMPARE(r.spiffeId, req.spiffeId);
    QCOMPARE(r.notAfter, leaf.notAfter());
    QCOMPARE(r.keyType, QStringLiteral("ec-p256"));
    QCOMPARE(r.dnsNames, req.dnsNames);
    QCOMPARE(r.authorityId,
             m_ws->authority(QStringLiteral("example.org"))->activeSlot(AuthorityKind::X509)->id);
    QCOMPARE(recorded(), before + 1);
    const CredentialRecord stored = m_ws->credentials(QStringLiteral("example.org")).value().last();
    QCOMPARE(stored.id, r.id);
    QCOMPARE(stored.serial, r.serial);
    QCOMPARE(stored.material, Certificate::listToPem(issued->chain));
}

void TestCredentialIssuer::x509WithRequestersKey()
{
    const Key own = Key::generate(KeyType::EcP384).value();
    CredentialIssuer issuer(*m_ws);
    X509IssueRequest req;
    req.trustDomain = QStringLiteral("example.org");
    req.spiffeId = QStringLiteral("spiffe://example.org/byok");
    req.publicKey = own.publicKey();
    auto issued = issuer.issueX509(req, m_now);
    QVERIFY(issued.ok());
    // No private key is made or handed out: the requester holds it.
    QVERIFY(issued->privateKey.isNull());
    QVERIFY(issued->chain.first().publicKey().samePublicKey(own));
    QCOMPARE(issued->record.keyType, QStringLiteral("ec-p384"));
}

void TestCredentialIssuer::x509Ttl()
{
    CredentialIssuer issuer(*m_ws);
    X509IssueRequest req;
    req.trustDomain = QStringLiteral("example.org");
    req.spiffeId = QStringLiteral("spiffe://example.org/short");
    req.ttl = 90;
    auto issued = issuer.issueX509(req, m_now);
    QVERIFY(issued.ok());
    // Certificate times have whole seconds.
    QVERIFY(qAbs(issued->record.notAfter.secsTo(m_now.addSecs(90))) <= 1);
    QCOMPARE(issued->chain.first().notAfter(), issued->record.notAfter);
}

void TestCredentialIssuer::jwtValidatesAndIsRecorded()
{
    const qsizetype before = recorded();
    CredentialIssuer issuer(*m_ws);
    JwtIssueRequest req;
    req.trustDomain = QStringLiteral("example.org");
    req.spiffeId = QStringLiteral("spiffe://example.org/web");
    req.audience = {QStringLiteral("payments"), QStringLiteral("ledger")};
    auto issued = issuer.issueJwt(req, m_now);
    QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().toString()));
    auto bundle = m_ws->bundle(QStringLiteral("example.org"));
    QVERIFY(bundle.ok());
    QVERIFY(JwtSvid::validate(issued->svid.token(), *bundle, QStringLiteral("ledger"), m_now).ok());
    const CredentialRecord &r = issued->record;
    QCOMPARE(r.kind, AuthorityKind::Jwt);
    QCOMPARE(
        r.serial,
        QString::fromLatin1(
            QCryptographicHash::hash(issued->svid.token(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(r.audience, req.audience);
    QCOMPARE(r.material, issued->svid.token());
    QCOMPARE(r.notAfter, issued->svid.expiry());
    QCOMPARE(recorded(), before + 1);
}

void TestCredentialIssuer::jwtExpiryClampedToAuthority()
{
    // The authority lives 10 minutes; a token asked for an hour ends with it.
    CredentialIssuer issuer(*m_ws);
    JwtIssueRequest req;
    req.trustDomain = QStringLiteral("short.example");
    req.spiffeId = QStringLiteral("spiffe://short.example/web");
    req.audience = {QStringLiteral("a")};
    req.ttl = 3600;
    auto issued = issuer.issueJwt(req, m_now);
    QVERIFY(issued.ok());
    const QDateTime authorityEnd =
        m_ws->authority(QStringLiteral("short.example"))->activeSlot(AuthorityKind::Jwt)->notAfter;
    QVERIFY(issued->svid.expiry() <= authorityEnd);
    QVERIFY(issued->svid.expiry() < m_now.addSecs(3600));
}

void TestCredentialIssuer::refusalsRecordNothing_data()
{
    QTest::addColumn<bool>("jwt");
    QTest::addColumn<QString>("trustDomain");
    QTest::addColumn<QString>("spiffeId");
    QTest::addColumn<QStringList>("audience");
    QTest::addColumn<QString>("code");
    const QStringList aud{QStringLiteral("a")};
    QTest::newRow("x509 unknown trust domain")
        << false << "nope.example"
        << "spiffe://nope.example/w" << aud << QString(ec::StoreUnknownTrustDomain);
    QTest::newRow("x509 bad SPIFFE ID")
        << false << "example.org"
        << "spiffe://Example.org/w" << aud << QString(ec::SpiffeTdUppercase);
    QTest::newRow("jwt no audience")
        << true << "example.org"
        << "spiffe://example.org/w" << QStringList() << QString(ec::JwtsvidAudienceMissing);
    QTest::newRow("jwt foreign trust domain")
        << true << "example.org"
        << "spiffe://other.org/w" << aud << QString(ec::CaForeignTrustDomain);
    QTest::newRow("jwt no path") << true << "example.org"
                                 << "spiffe://example.org" << aud << QString(ec::CaIdWithoutPath);
}

void TestCredentialIssuer::refusalsRecordNothing()
{
    QFETCH(bool, jwt);
    QFETCH(QString, trustDomain);
    QFETCH(QString, spiffeId);
    QFETCH(QStringList, audience);
    QFETCH(QString, code);
    const qsizetype before = recorded();
    CredentialIssuer issuer(*m_ws);
    Error error;
    if (jwt) {
        auto r = issuer.issueJwt({trustDomain, spiffeId, audience, 0}, m_now);
        QVERIFY(!r.ok());
        error = r.error();
    } else {
        X509IssueRequest req;
        req.trustDomain = trustDomain;
        req.spiffeId = spiffeId;
        auto r = issuer.issueX509(req, m_now);
        QVERIFY(!r.ok());
        error = r.error();
    }
    QCOMPARE(QString(error.code), code);
    QCOMPARE(recorded(), before);
}

QTEST_GUILESS_MAIN(TestCredentialIssuer)
#include "tst_credentialissuer.moc"
