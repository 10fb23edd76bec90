// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/Certificate.h"
#include "models/Document.h"
#include "views/CredentialInspector.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ta::core;
using ta::models::Document;
using ta::views::CredentialInspector;

class TestCredentialInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void validX509ShowsFieldsChainAndVerdict();
    void expiredX509IsInvalid();
    void tamperedX509IsInvalid();
    void revokedAuthorityTurnsVerdict();
    void revokedCredentialSaysSo();
    void validJwtShowsClaimsAndVerdict();
    void tamperedJwtIsInvalid();
    void garbageDoesNotCrash_data();
    void garbageDoesNotCrash();

private:
    CredentialRecord issueX509(const QString &path, qint64 ttl = 0);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Document> m_doc;
    QDateTime m_now;
};

void TestCredentialInspector::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::create(m_dir->filePath(QStringLiteral("t.atlas")), std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    m_now = QDateTime::currentDateTimeUtc();
    m_doc->setClock([this] { return m_now; });
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("prod.example"), CaSettings{}));
}

void TestCredentialInspector::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

CredentialRecord TestCredentialInspector::issueX509(const QString &path, qint64 ttl)
{
    X509IssueRequest request;
    request.trustDomain = QStringLiteral("prod.example");
    request.spiffeId = QStringLiteral("spiffe://prod.example") + path;
    request.dnsNames = {QStringLiteral("web.prod.example")};
    request.ttl = ttl;
    auto issued = m_doc->issueX509(request);
    return issued ? issued->record : CredentialRecord{};
}

void TestCredentialInspector::validX509ShowsFieldsChainAndVerdict()
{
    const CredentialRecord r = issueX509(QStringLiteral("/ns/pay/sa/api"));
    QVERIFY(r.id > 0);
    CredentialInspector inspector(m_doc.get());
    inspector.showCredential(r.id);
    QCOMPARE(inspector.verdict(), CredentialInspector::Verdict::Valid);
    QVERIFY(inspector.verdictText().startsWith(QStringLiteral("Valid: chains to the bundle of "
                                                              "prod.example")));
    QCOMPARE(inspector.fieldValue(QStringLiteral("SPIFFE ID")),
             QStringLiteral("spiffe://prod.example/ns/pay/sa/api"));
    QCOMPARE(inspector.fieldValue(QStringLiteral("Key usage")),
             QStringLiteral("Digital signature"));
    QCOMPARE(inspector.fieldValue(QStringLiteral("Extended key usage")),
             QStringLiteral("TLS server authentication, TLS client authentication"));
    QCOMPARE(inspector.fieldValue(QStringLiteral("DNS names")), QStringLiteral("web.prod.example"));
    QCOMPARE(inspector.fieldValue(QStringLiteral("CA certificate")), QStringLiteral("no"));
    QCOMPARE(inspector.fieldValue(QStringLiteral("Serial")), r.serial);
    QCOMPARE(inspector.fieldValue(QStringLiteral("Validity")), QStringLiteral("60 min left"));
    QCOMPARE(inspector.fieldValue(QStringLiteral("Public key")), QStringLiteral("EC, 256 bits"));
    // The leaf, then the trust anchor the validator found in the bundle.
    const QStringList chain = inspector.chainEntries();
    QCOMPARE(chain.size(), 2);
    QVERIFY(chain.at(0).startsWith(QStringLiteral("1. ")));
    QVERIFY(chain.at(1).contains(QStringLiteral("trust anchor from the bundle")));
}

void TestCredentialInspector::expiredX509IsInvalid()
{
    const CredentialRecord r = issueX509(QStringLiteral("/short"), 60);
    CredentialInspector inspector(m_doc.get());
    inspector.showCredential(r.id);
    QCOMPARE(inspector.verdict(), CredentialInspector::Verdict::Valid);
    m_now = m_now.addSecs(600);
    inspector.showCredential(r.id);
    QCOMPARE(inspector.verdict(), CredentialInspector::Verdict::Invalid);
    QCOMPARE(inspector.verdictText(), QStringLiteral("Invalid: The certificate has expired."));
    QCOMPARE(inspector.fieldValue(QStringLiteral("Validity")), QStringLiteral("expired 9 min ago"));
}

void TestCredentialInspector::tamperedX509IsInvalid()
{
    CredentialRecord r = issueX509(QStringLiteral("/web"));
    auto chain = Certificate::listFromPem(r.material);
    QVERIFY(chain);
    // Flip one bit in the last byte of the DER: the signature no longer matches.
    QByteArray der = chain->first().toDer();
    der[der.size() - 1] = char(der.at(der.size() - 1) ^ 0x01);
    auto tampered = Certificate::fromDer(der);
    QVERIFY(tampered);
    r.material = tampered->toPem();
    CredentialInspector inspector(m_doc.get());
    inspector.showRecord(r);
    QCOMPARE(inspector.verdict(), CredentialInspector::Verdict::Invalid);
    QVERIFY2(inspector.verdictText().startsWith(QStringLiteral("Invalid: ")),
             qPrintable(inspector.verdictText()));
    // The fields still decode, so an auditor sees what was presented.
    QCOMPARE(inspector.fieldValue(QStringLiteral("SPIFFE ID")),
             QStringLiteral("spiffe://prod.example/web"));
}

void TestCredentialInspector::revokedAuthorityTurnsVerdict()
{
    const QString td = QStringLiteral("prod.example");
    const CredentialRecord r = issueX509(QStringLiteral("/web"));
    CredentialInspector inspector(m_doc.get());
    inspector.showCredential(r.id);
    QCOMPARE(inspector.verdict(), CredentialInspector::Verdict::Valid);
    QVERIFY(m_doc->prepareAuthority(td, AuthorityKind::X509));
    QVERIFY(m_doc->activateAuthority(td, AuthorityKind::X509));
    QVERIFY(m_doc->taintAuthority(td, r.authorityId));
    QCOMPARE(inspector.verdict(), CredentialInspector::Verdict::Valid);
    // The inspector follows the document: no re-selection needed.
    QVERIFY(m_doc->revokeAuthority(td, r.authorityId));
    QCOMPARE(inspector.verdict(), CredentialInspector::Verdict::Invalid);
    QCOMPARE(inspector.verdictText(),
             QStringLiteral("Invalid: The chain does not lead to an authority of the bundle."));
}

void TestCredentialInspector::revokedCredentialSaysSo()
{
    const CredentialRecord r = issueX509(QStringLiteral("/web"));
    CredentialInspector inspector(m_doc.get());
    inspector.showCredential(r.id);
    QVERIFY(m_doc->revokeCredential(r.id));
    QCOMPARE(inspector.verdict(), CredentialInspector::Verdict::Revoked);
    m_doc->undoStack()->undo();
    QCOMPARE(inspector.verdict(), CredentialInspector::Verdict::Valid);
    m_doc->undoStack()->undo();
    QCOMPARE(inspector.verdict(), CredentialInspector::Verdict::None);
}

void TestCredentialInspector::validJwtShowsClaimsAndVerdict()
{
    JwtIssueRequest request;
    request.trustDomain = QStringLiteral("prod.example");
    request.spiffeId = QStringLiteral("spiffe://prod.example/web");
    request.audience = {QStringLiteral("payments")};
    auto issued = m_doc->issueJwt(request);
    QVERIFY(issued);
    CredentialInspector inspector(m_doc.get());
    inspector.showCredential(issued->record.id);
    QCOMPARE(inspector.verdict(), CredentialInspector::Verdict::Valid);
    QCOMPARE(inspector.fieldValue(QStringLiteral("SPIFFE ID")), request.spiffeId);
    QCOMPARE(inspector.fieldValue(QStringLiteral("Audience")), QStringLiteral("payments"));
    QCOMPARE(inspector.fieldValue(QStringLiteral("Algorithm")), QStringLiteral("ES256"));
    QCOMPARE(inspector.fieldValue(QStringLiteral("Key ID")), issued->svid.keyId());
    QCOMPARE(inspector.fieldValue(QStringLiteral("Validity")), QStringLiteral("5 min left"));
    m_now = m_now.addSecs(3600);
    inspector.showCredential(issued->record.id);
    QCOMPARE(inspector.verdictText(), QStringLiteral("Invalid: The token has expired."));
}

void TestCredentialInspector::tamperedJwtIsInvalid()
{
    JwtIssueRequest request;
    request.trustDomain = QStringLiteral("prod.example");
    request.spiffeId = QStringLiteral("spiffe://prod.example/web");
    request.audience = {QStringLiteral("payments")};
    auto issued = m_doc->issueJwt(request);
    QVERIFY(issued);
    CredentialRecord r = issued->record;
    // Swap the subject in the payload, keeping the original signature.
    const QList<QByteArray> parts = r.material.split('.');
    QCOMPARE(parts.size(), 3);
    QByteArray claims = QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding);
    claims.replace("spiffe://prod.example/web", "spiffe://prod.example/admin");
    r.material = parts.at(0) + '.' +
                 claims.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) +
                 '.' + parts.at(2);
    CredentialInspector inspector(m_doc.get());
    inspector.showRecord(r);
    QCOMPARE(inspector.verdict(), CredentialInspector::Verdict::Invalid);
    QCOMPARE(inspector.verdictText(),
             QStringLiteral("Invalid: The token's signature does not verify."));
    QCOMPARE(inspector.fieldValue(QStringLiteral("SPIFFE ID")),
             QStringLiteral("spiffe://prod.example/admin"));
}

void TestCredentialInspector::garbageDoesNotCrash_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("material");
    QTest::newRow("x509 empty") << int(AuthorityKind::X509) << QByteArray();
    QTest::newRow("x509 not pem") << int(AuthorityKind::X509) << QByteArray("hello");
    QTest::newRow("x509 broken base64")
        << int(AuthorityKind::X509)
        << QByteArray("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n");
    QTest::newRow("jwt empty") << int(AuthorityKind::Jwt) << QByteArray();
    QTest::newRow("jwt two parts") << int(AuthorityKind::Jwt) << QByteArray("a.b");
    QTest::newRow("jwt not json") << int(AuthorityKind::Jwt) << QByteArray("YQ.Yg.Yw");
}

void TestCredentialInspector::garbageDoesNotCrash()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, material);
    CredentialRecord r;
    r.trustDomain = QStringLiteral("prod.example");
    r.kind = AuthorityKind(kind);
    r.spiffeId = QStringLiteral("spiffe://prod.example/x");
    r.material = material;
    CredentialInspector inspector(m_doc.get());
    inspector.showRecord(r);
    QCOMPARE(inspector.verdict(), CredentialInspector::Verdict::Invalid);
    QVERIFY(inspector.verdictText().startsWith(QStringLiteral("Invalid: ")));
}

QTEST_MAIN(TestCredentialInspector)
#include "tst_credentialinspector.moc"
