// SPDX-License-Identifier: Apache-2.0
#include "models/CredentialDetails.h"
#include "models/Document.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;
using ta::models::CredentialDetails;
using ta::models::Document;

/// What the credential inspector shows, computed by the model from a real workspace: real
/// certificates and tokens issued by the workspace's CA, validated against its bundle.
class TestCredentialDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void validX509ChainAndFields();
    void expiredX509();
    void revokedCredentialAndAuthority();
    void otherTrustDomainsBundleRefuses();
    void foreignCaOfTheSameNameRefuses();
    void validAndExpiredJwt();
    void corruptMaterialIsAnErrorNotACrash_data();
    void corruptMaterialIsAnErrorNotACrash();
    void unknownOrZeroIdIsEmpty();

private:
    CredentialRecord issueX509(Document &doc, const QString &td, const QString &path,
                               qint64 ttl = 0);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Document> m_doc;
    QDateTime m_now;
};

void TestCredentialDetails::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::create(m_dir->filePath(QStringLiteral("t.atlas")), std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    m_now = QDateTime::currentDateTimeUtc();
    m_doc->setClock([this] { return m_now; });
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("prod.example"), CaSettings{}));
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("other.example"), CaSettings{}));
}

void TestCredentialDetails::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

CredentialRecord TestCredentialDetails::issueX509(Document &doc, const QString &td,
                                                  const QString &path, qint64 ttl)
{
    X509IssueRequest request;
    request.trustDomain = td;
    request.spiffeId = QStringLiteral("spiffe://%1%2").arg(td, path);
    request.dnsNames = {QStringLiteral("web.") + td};
    request.ttl = ttl;
    auto issued = doc.issueX509(request);
    return issued ? issued->record : CredentialRecord{};
}

void TestCredentialDetails::validX509ChainAndFields()
{
    const CredentialRecord r =
        issueX509(*m_doc, QStringLiteral("prod.example"), QStringLiteral("/ns/pay/sa/api"));
    QVERIFY(r.id > 0);
    const CredentialDetails d = CredentialDetails::inspect(*m_doc, r.id);
    QVERIFY(d.record);
    QCOMPARE(d.record->id, r.id);
    QCOMPARE(d.now, m_now);
    QVERIFY(d.decoded);
    QCOMPARE(d.verdict, CredentialDetails::Verdict::Valid);
    QVERIFY(!d.error);
    QCOMPARE(d.bundleTrustDomain, QStringLiteral("prod.example"));
    QVERIFY(d.bundleSequence > 0);
    QCOMPARE(d.spiffeId, QStringLiteral("spiffe://prod.example/ns/pay/sa/api"));
    QCOMPARE(d.serial, r.serial);
    QCOMPARE(d.keyType, CredentialDetails::KeyType::Ec);
    QCOMPARE(d.keyBits, 256);
    QCOMPARE(d.keyUsage, unsigned(CredentialDetails::DigitalSignature));
    QVERIFY(d.extendedKeyUsageRestricted);
    QCOMPARE(d.extendedKeyUsage, unsigned(CredentialDetails::ServerAuthentication |
                                          CredentialDetails::ClientAuthentication));
    QCOMPARE(d.dnsNames, QStringList{QStringLiteral("web.prod.example")});
    QVERIFY(!d.isCa);
    QCOMPARE(d.fingerprint.size(), 64);
    QCOMPARE(d.notAfter, r.notAfter);
    QVERIFY(!d.signatureAlgorithm.isEmpty());
    // The leaf the credential presents, then the trust anchor the validator found in the
    // bundle: the leaf's issuer is that anchor's subject.
    QCOMPARE(d.chain.size(), 2);
    QVERIFY(!d.chain.at(0).fromBundle);
    QVERIFY(d.chain.at(1).fromBundle);
    QCOMPARE(d.chain.at(0).issuer, d.chain.at(1).subject);
    QCOMPARE(d.chain.at(0).issuer, d.issuer);
}

void TestCredentialDetails::expiredX509()
{
    const CredentialRecord r =
        issueX509(*m_doc, QStringLiteral("prod.example"), QStringLiteral("/short"), 60);
    QCOMPARE(CredentialDetails::inspect(*m_doc, r.id).verdict, CredentialDetails::Verdict::Valid);
    m_now = m_now.addSecs(600);
    const CredentialDetails d = CredentialDetails::inspect(*m_doc, r.id);
    QCOMPARE(d.verdict, CredentialDetails::Verdict::Invalid);
    QVERIFY(d.error);
    QCOMPARE(d.error->code, QStringLiteral("x509svid.expired"));
    // The fields still decode, so an auditor sees what was presented.
    QVERIFY(d.decoded);
    QCOMPARE(d.spiffeId, QStringLiteral("spiffe://prod.example/short"));
    QCOMPARE(d.now, m_now);
}

void TestCredentialDetails::revokedCredentialAndAuthority()
{
    const QString td = QStringLiteral("prod.example");
    const CredentialRecord r = issueX509(*m_doc, td, QStringLiteral("/web"));
    QVERIFY(m_doc->revokeCredential(r.id));
    CredentialDetails d = CredentialDetails::inspect(*m_doc, r.id);
    // It still chains; the workspace's revocation decides.
    QCOMPARE(d.verdict, CredentialDetails::Verdict::Revoked);
    QVERIFY(!d.error);
    QCOMPARE(d.chain.size(), 2);

    const CredentialRecord other = issueX509(*m_doc, td, QStringLiteral("/api"));
    QVERIFY(m_doc->prepareAuthority(td, AuthorityKind::X509));
    QVERIFY(m_doc->activateAuthority(td, AuthorityKind::X509));
    QVERIFY(m_doc->taintAuthority(td, other.authorityId));
    QCOMPARE(CredentialDetails::inspect(*m_doc, other.id).verdict,
             CredentialDetails::Verdict::Valid);
    QVERIFY(m_doc->revokeAuthority(td, other.authorityId));
    d = CredentialDetails::inspect(*m_doc, other.id);
    QCOMPARE(d.verdict, CredentialDetails::Verdict::Invalid);
    QCOMPARE(d.error->code, QStringLiteral("x509svid.untrusted"));
    // Only the presented leaf: no anchor of the bundle completes the path.
    QCOMPARE(d.chain.size(), 1);
}

void TestCredentialDetails::otherTrustDomainsBundleRefuses()
{
    // The record claims other.example, so other.example's bundle is the one checked.
    CredentialRecord r = issueX509(*m_doc, QStringLiteral("prod.example"), QStringLiteral("/web"));
    r.trustDomain = QStringLiteral("other.example");
    const CredentialDetails d = CredentialDetails::inspect(*m_doc, r);
    QCOMPARE(d.verdict, CredentialDetails::Verdict::Invalid);
    QVERIFY(d.error);
    QCOMPARE(d.bundleTrustDomain, QStringLiteral("other.example"));
    QCOMPARE(d.error->code, QStringLiteral("x509svid.trust_domain_mismatch"));
    QCOMPARE(d.error->detail, QStringLiteral("prod.example != other.example"));
    QCOMPARE(d.spiffeId, QStringLiteral("spiffe://prod.example/web"));
}

void TestCredentialDetails::foreignCaOfTheSameNameRefuses()
{
    // Another workspace's CA for the same trust domain name: the names agree, the keys do not.
    QTemporaryDir otherDir;
    auto ws = Workspace::create(otherDir.filePath(QStringLiteral("o.atlas")), std::nullopt);
    QVERIFY(ws);
    Document foreign(std::move(*ws));
    foreign.setClock([this] { return m_now; });
    QVERIFY(foreign.createTrustDomain(QStringLiteral("prod.example"), CaSettings{}));
    const CredentialRecord r =
        issueX509(foreign, QStringLiteral("prod.example"), QStringLiteral("/web"));
    QVERIFY(!r.material.isEmpty());
    QCOMPARE(CredentialDetails::inspect(foreign, r).verdict, CredentialDetails::Verdict::Valid);
    const CredentialDetails d = CredentialDetails::inspect(*m_doc, r);
    QCOMPARE(d.verdict, CredentialDetails::Verdict::Invalid);
    QCOMPARE(d.error->code, QStringLiteral("x509svid.untrusted"));
    QVERIFY(d.decoded);
}

void TestCredentialDetails::validAndExpiredJwt()
{
    JwtIssueRequest request;
    request.trustDomain = QStringLiteral("prod.example");
    request.spiffeId = QStringLiteral("spiffe://prod.example/web");
    request.audience = {QStringLiteral("payments"), QStringLiteral("ledger")};
    auto issued = m_doc->issueJwt(request);
    QVERIFY(issued);
    CredentialDetails d = CredentialDetails::inspect(*m_doc, issued->record.id);
    QCOMPARE(d.verdict, CredentialDetails::Verdict::Valid);
    QVERIFY(d.decoded);
    QCOMPARE(d.spiffeId, request.spiffeId);
    QCOMPARE(d.audience, request.audience);
    QCOMPARE(d.algorithm, QStringLiteral("ES256"));
    QCOMPARE(d.keyId, issued->svid.keyId());
    QCOMPARE(d.verifiedKeyId, issued->svid.keyId());
    QCOMPARE(d.bundleTrustDomain, QStringLiteral("prod.example"));
    QCOMPARE(d.notBefore.secsTo(d.notAfter), 300);
    QVERIFY(d.headerJson.contains(QStringLiteral("\"kid\"")));
    QVERIFY(d.claimsJson.contains(QStringLiteral("\"sub\"")));
    QVERIFY(d.chain.isEmpty());
    m_now = m_now.addSecs(3600);
    d = CredentialDetails::inspect(*m_doc, issued->record.id);
    QCOMPARE(d.verdict, CredentialDetails::Verdict::Invalid);
    QCOMPARE(d.error->code, QStringLiteral("jwtsvid.expired"));
}

void TestCredentialDetails::corruptMaterialIsAnErrorNotACrash_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("material");
    QTest::newRow("x509 empty") << int(AuthorityKind::X509) << QByteArray();
    QTest::newRow("x509 not pem") << int(AuthorityKind::X509) << QByteArray("hello");
    QTest::newRow("x509 broken base64")
        << int(AuthorityKind::X509)
        << QByteArray("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n");
    QTest::newRow("x509 truncated DER")
        << int(AuthorityKind::X509)
        << QByteArray("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIQ\n-----END "
                      "CERTIFICATE-----\n");
    QTest::newRow("jwt empty") << int(AuthorityKind::Jwt) << QByteArray();
    QTest::newRow("jwt two parts") << int(AuthorityKind::Jwt) << QByteArray("a.b");
}

void TestCredentialDetails::corruptMaterialIsAnErrorNotACrash()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, material);
    CredentialRecord r;
    r.trustDomain = QStringLiteral("prod.example");
    r.kind = AuthorityKind(kind);
    r.spiffeId = QStringLiteral("spiffe://prod.example/x");
    r.material = material;
    const CredentialDetails d = CredentialDetails::inspect(*m_doc, r);
    QVERIFY(d.record);
    QVERIFY(!d.decoded);
    QCOMPARE(d.verdict, CredentialDetails::Verdict::Invalid);
    QVERIFY(d.error);
    QVERIFY(!d.error->code.isEmpty());
    QVERIFY(d.chain.isEmpty());
    QVERIFY(d.spiffeId.isEmpty());
    if (kind == int(AuthorityKind::Jwt))
        QCOMPARE(d.error->code, QStringLiteral("jwtsvid.malformed"));
}

void TestCredentialDetails::unknownOrZeroIdIsEmpty()
{
    for (qint64 id : {qint64(0), qint64(4711)}) {
        const CredentialDetails d = CredentialDetails::inspect(*m_doc, id);
        QVERIFY(!d.record);
        QCOMPARE(d.verdict, CredentialDetails::Verdict::None);
        QVERIFY(!d.error);
    }
}

QTEST_MAIN(TestCredentialDetails)
#include "tst_credentialdetails.moc"
