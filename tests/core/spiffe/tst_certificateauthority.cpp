// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/CertificateRequest.h"
#include "core/spiffe/CertificateAuthority.h"
#include "core/spiffe/X509SvidValidator.h"

#include <openssl/pem.h>

#include <QFile>
#include <QProcess>
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

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace

class TestCertificateAuthority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void leafMeetsEveryMust_data();
    void leafMeetsEveryMust();
    void signingCertificateRules();
    void ttlDefaultsAndClamp();
    void intermediateMode();
    void slotLifecycle();
    void revokedAuthorityNoLongerValidates();
    void refusals_data();
    void refusals();
    void fromCsr();
    void tamperedCsrRefused();
    void opensslVerifiesMintedSvid();
};

void TestCertificateAuthority::leafMeetsEveryMust_data()
{
    QTest::addColumn<KeyType>("keyType");
    QTest::newRow("ec-p256") << KeyType::EcP256;
    QTest::newRow("ec-p384") << KeyType::EcP384;
    QTest::newRow("rsa-2048") << KeyType::Rsa2048;
}

void TestCertificateAuthority::leafMeetsEveryMust()
{
    QFETCH(KeyType, keyType);
    CaSettings settings;
    settings.keyType = keyType;
    auto ca = CertificateAuthority::create(td("example.org"), settings, now());
    QVERIFY2(ca.ok(), qPrintable(ca.ok() ? QString() : ca.error().toString()));
    auto key = Key::generate(KeyType::EcP256);
    QVERIFY(key.ok());
    auto svid = ca->mintX509Svid(sid("spiffe://example.org/ns/pay/sa/api"), key->publicKey(),
                                 {QStringLiteral("api.pay.svc")}, 0, now());
    QVERIFY2(svid.ok(), qPrintable(svid.ok() ? QString() : svid.error().toString()));
    QCOMPARE(svid->chain.size(), 1);
    const Certificate &leaf = svid->chain.first();

    QCOMPARE(leaf.uriSans(), QStringList{QStringLiteral("spiffe://example.org/ns/pay/sa/api")});
    QCOMPARE(leaf.dnsSans(), QStringList{QStringLiteral("api.pay.svc")});
    QVERIFY(!leaf.isCa());
    QVERIFY(leaf.hasExtension(NID_basic_constraints));
    QVERIFY(leaf.extensionCritical(NID_key_usage));
    QVERIFY(leaf.keyUsage() & KU_DIGITAL_SIGNATURE);
    QVERIFY(!(leaf.keyUsage() & KU_KEY_CERT_SIGN));
    QVERIFY(!(leaf.keyUsage() & KU_CRL_SIGN));
    QVERIFY(leaf.extendedKeyUsage() & XKU_SSL_SERVER);
    QVERIFY(leaf.extendedKeyUsage() & XKU_SSL_CLIENT);
    QVERIFY(leaf.subjectIsEmpty());
    QVERIFY(leaf.extensionCritical(NID_subject_alt_name));
    QVERIFY(leaf.publicKey().samePublicKey(*key));
    QVERIFY(!leaf.serialHex().isEmpty());
    // The subject key identifier is RFC 5280's method 1, as OpenSSL computes it from the
    // certificate parsed anew.
    {
        const Certificate parsed = leaf.reparsed();
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int mdLen = 0;
        QVERIFY(X509_pubkey_digest(parsed.get(), EVP_sha1(), md, &mdLen) == 1);
        const ASN1_OCTET_STRING *ski = X509_get0_subject_key_id(parsed.get());
        QVERIFY(ski);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(ASN1_STRING_get0_data(ski)),
                            ASN1_STRING_length(ski)),
                 QByteArray(reinterpret_cast<const char *>(md), int(mdLen)));
    }
    QCOMPARE(svid->authorityId, ca->activeSlot(AuthorityKind::X509)->id);

    auto valid =
        X509SvidValidator::validate(svid->chain, td("example.org"), ca->x509Authorities(), now());
    QVERIFY2(valid.ok(), qPrintable(valid.ok() ? QString() : valid.error().toString()));
    QCOMPARE(valid->id.toString(), QStringLiteral("spiffe://example.org/ns/pay/sa/api"));
}

void TestCertificateAuthority::signingCertificateRules()
{
    auto ca = CertificateAuthority::create(td("example.org"), CaSettings{}, now());
    QVERIFY(ca.ok());
    const QList<Certificate> roots = ca->x509Authorities();
    QCOMPARE(roots.size(), 1);
    const Certificate &root = roots.first();
    QVERIFY(root.isCa());
    QVERIFY(root.isSelfSigned());
    QVERIFY(root.extensionCritical(NID_basic_constraints));
    QVERIFY(root.extensionCritical(NID_key_usage));
    QVERIFY(root.keyUsage() & KU_KEY_CERT_SIGN);
    QVERIFY(!(root.keyUsage() & KU_DIGITAL_SIGNATURE));
    // A signing certificate carries the trust domain's SPIFFE ID, without a path.
    QCOMPARE(root.uriSans(), QStringList{QStringLiteral("spiffe://example.org")});
    QVERIFY(X509SvidValidator::checkSigning(root, td("example.org")).ok());
    QCOMPARE(X509SvidValidator::checkSigning(root, td("other.org")).error().code,
             QStringLiteral("x509svid.signing_bad_spiffe_id"));
    QCOMPARE(ca->jwtAuthorities().size(), 1);
    QVERIFY(!ca->jwtAuthorities().first().first.isEmpty());
}

void TestCertificateAuthority::ttlDefaultsAndClamp()
{
    CaSettings settings;
    settings.caTtl = 2 * 3600;
    const QDateTime t = now();
    auto ca = CertificateAuthority::create(td("example.org"), settings, t);
    QVERIFY(ca.ok());
    auto key = Key::generate(KeyType::EcP256);
    QVERIFY(key.ok());
    auto def = ca->mintX509Svid(sid("spiffe://example.org/a"), *key, {}, 0, t);
    QVERIFY(def.ok());
    // One hour by default (seconds are truncated by X.509 time encoding).
    QVERIFY(qAbs(def->chain.first().notAfter().secsTo(t.addSecs(3600))) <= 1);
    auto longTtl = ca->mintX509Svid(sid("spiffe://example.org/a"), *key, {}, 10 * 3600, t);
    QVERIFY(longTtl.ok());
    // Never past the signing authority.
    QCOMPARE(longTtl->chain.first().notAfter(),
             ca->activeSlot(AuthorityKind::X509)->certificate.notAfter());
}

void TestCertificateAuthority::intermediateMode()
{
    CaSettings settings;
    settings.intermediate = true;
    auto ca = CertificateAuthority::create(td("example.org"), settings, now());
    QVERIFY(ca.ok());
    QVERIFY(!ca->root().isNull());
    QCOMPARE(ca->x509Authorities(), QList<Certificate>{ca->root()});
    auto key = Key::generate(KeyType::EcP256);
    QVERIFY(key.ok());
    auto svid = ca->mintX509Svid(sid("spiffe://example.org/w"), *key, {}, 0, now());
    QVERIFY(svid.ok());
    QCOMPARE(svid->chain.size(), 2);
    QVERIFY(svid->chain[1].isCa());
    QVERIFY(!svid->chain[1].isSelfSigned());
    auto valid =
        X509SvidValidator::validate(svid->chain, td("example.org"), ca->x509Authorities(), now());
    QVERIFY2(valid.ok(), qPrintable(valid.ok() ? QString() : valid.error().toString()));
    QCOMPARE(valid->path.size(), 3);
    // Without the intermediate the leaf has no path to the root.
    auto leafOnly = X509SvidValidator::validate({svid->chain.first()}, td("example.org"),
                                                ca->x509Authorities(), now());
    QCOMPARE(leafOnly.error().code, QStringLiteral("x509svid.untrusted"));
}

void TestCertificateAuthority::slotLifecycle()
{
    const QDateTime t = now();
    auto ca = CertificateAuthority::create(td("example.org"), CaSettings{}, t);
    QVERIFY(ca.ok());
    const QString first = ca->activeSlot(AuthorityKind::X509)->id;

    QCOMPARE(ca->activate(AuthorityKind::X509).error().code, QStringLiteral("ca.nothing_prepared"));
    auto prepared = ca->prepare(AuthorityKind::X509, t);
    QVERIFY(prepared.ok());
    QCOMPARE(ca->prepare(AuthorityKind::X509, t).error().code,
             QStringLiteral("ca.already_prepared"));
    // Published before it signs, so peers trust it when it starts signing.
    QCOMPARE(ca->x509Authorities().size(), 2);
    QCOMPARE(ca->activeSlot(AuthorityKind::X509)->id, first);

    QCOMPARE(ca->taint(first).error().code, QStringLiteral("ca.taint_not_old"));
    QVERIFY(ca->activate(AuthorityKind::X509).ok());
    QCOMPARE(ca->activeSlot(AuthorityKind::X509)->id, *prepared);
    QCOMPARE(ca->slot(first)->status, SlotStatus::Old);

    QCOMPARE(ca->revoke(first).error().code, QStringLiteral("ca.revoke_not_tainted"));
    QVERIFY(ca->taint(first).ok());
    QCOMPARE(ca->taint(first).error().code, QStringLiteral("ca.already_tainted"));
    QCOMPARE(ca->x509Authorities().size(), 2);
    QVERIFY(ca->revoke(first).ok());
    QCOMPARE(ca->x509Authorities().size(), 1);
    QCOMPARE(ca->slot(first)->status, SlotStatus::Revoked);
    QCOMPARE(ca->revoke(first).error().code, QStringLiteral("ca.already_revoked"));
    QCOMPARE(ca->taint(QStringLiteral("nope")).error().code,
             QStringLiteral("ca.unknown_authority"));

    // The JWT authorities rotate independently.
    const QString jwtFirst = ca->activeSlot(AuthorityKind::Jwt)->id;
    QVERIFY(ca->prepare(AuthorityKind::Jwt, t).ok());
    QVERIFY(ca->activate(AuthorityKind::Jwt).ok());
    QVERIFY(ca->activeSlot(AuthorityKind::Jwt)->id != jwtFirst);
    QCOMPARE(ca->jwtAuthorities().size(), 2);
}

void TestCertificateAuthority::revokedAuthorityNoLongerValidates()
{
    const QDateTime t = now();
    auto ca = CertificateAuthority::create(td("example.org"), CaSettings{}, t);
    QVERIFY(ca.ok());
    auto key = Key::generate(KeyType::EcP256);
    QVERIFY(key.ok());
    auto before = ca->mintX509Svid(sid("spiffe://example.org/w"), *key, {}, 0, t);
    QVERIFY(before.ok());
    const QString first = ca->activeSlot(AuthorityKind::X509)->id;
    QVERIFY(ca->prepare(AuthorityKind::X509, t).ok());
    QVERIFY(ca->activate(AuthorityKind::X509).ok());
    auto after = ca->mintX509Svid(sid("spiffe://example.org/w"), *key, {}, 0, t);
    QVERIFY(after.ok());
    QVERIFY(X509SvidValidator::validate(before->chain, td("example.org"), ca->x509Authorities(), t)
                .ok());
    QVERIFY(ca->taint(first).ok());
    QVERIFY(ca->revoke(first).ok());
    QCOMPARE(X509SvidValidator::validate(before->chain, td("example.org"), ca->x509Authorities(), t)
                 .error()
                 .code,
             QStringLiteral("x509svid.untrusted"));
    QVERIFY(X509SvidValidator::validate(after->chain, td("example.org"), ca->x509Authorities(), t)
                .ok());
}

void TestCertificateAuthority::refusals_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("code");
    QTest::newRow("foreign trust domain") << "spiffe://other.org/w"
                                          << "ca.foreign_trust_domain";
    QTest::newRow("trust domain ID has no path") << "spiffe://example.org"
                                                 << "ca.id_without_path";
}

void TestCertificateAuthority::refusals()
{
    QFETCH(QString, id);
    QFETCH(QString, code);
    auto ca = CertificateAuthority::create(td("example.org"), CaSettings{}, now());
    QVERIFY(ca.ok());
    auto key = Key::generate(KeyType::EcP256);
    QVERIFY(key.ok());
    auto r = ca->mintX509Svid(SpiffeId::fromString(id).value(), *key, {}, 0, now());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
}

void TestCertificateAuthority::fromCsr()
{
    auto key = Key::generate(KeyType::EcP256);
    QVERIFY(key.ok());
    auto pem = CertificateRequest::createPem(*key);
    QVERIFY(pem.ok());
    auto csr = CertificateRequest::parse(*pem);
    QVERIFY(csr.ok());
    QVERIFY(csr->publicKey().samePublicKey(*key));
    auto ca = CertificateAuthority::create(td("example.org"), CaSettings{}, now());
    QVERIFY(ca.ok());
    auto svid = ca->mintX509Svid(sid("spiffe://example.org/csr"), csr->publicKey(), {}, 0, now());
    QVERIFY(svid.ok());
    QVERIFY(svid->chain.first().publicKey().samePublicKey(*key));
}

void TestCertificateAuthority::tamperedCsrRefused()
{
    auto key = Key::generate(KeyType::EcP256);
    QVERIFY(key.ok());
    auto other = Key::generate(KeyType::EcP256);
    QVERIFY(other.ok());
    auto pem = CertificateRequest::createPem(*key);
    QVERIFY(pem.ok());
    // Swap in another public key: the self-signature no longer proves possession.
    X509ReqPtr req;
    {
        BioPtr bio = readBio(*pem);
        req.reset(PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr));
    }
    QVERIFY(req);
    QVERIFY(X509_REQ_set_pubkey(req.get(), other->get()) == 1);
    BioPtr out(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509_REQ(out.get(), req.get());
    auto parsed = CertificateRequest::parse(bioBytes(out.get()));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, QStringLiteral("csr.bad_signature"));
    QCOMPARE(CertificateRequest::parse("garbage").error().code, QStringLiteral("csr.unreadable"));
}

void TestCertificateAuthority::opensslVerifiesMintedSvid()
{
    CaSettings settings;
    settings.intermediate = true;
    auto ca = CertificateAuthority::create(td("example.org"), settings, now());
    QVERIFY(ca.ok());
    auto key = Key::generate(KeyType::EcP256);
    QVERIFY(key.ok());
    auto svid = ca->mintX509Svid(sid("spiffe://example.org/w"), *key, {}, 0, now());
    QVERIFY(svid.ok());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto write = [&](const QString &name, const QByteArray &data) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    };
    write(QStringLiteral("root.pem"), Certificate::listToPem(ca->x509Authorities()));
    write(QStringLiteral("leaf.pem"), svid->chain[0].toPem());
    write(QStringLiteral("inter.pem"), svid->chain[1].toPem());
    for (const char *purpose : {"sslclient", "sslserver"}) {
        QProcess p;
        p.start(QStringLiteral("openssl"),
                {QStringLiteral("verify"), QStringLiteral("-purpose"), QString::fromLatin1(purpose),
                 QStringLiteral("-x509_strict"), QStringLiteral("-CAfile"),
                 dir.filePath(QStringLiteral("root.pem")), QStringLiteral("-untrusted"),
                 dir.filePath(QStringLiteral("inter.pem")),
                 dir.filePath(QStringLiteral("leaf.pem"))});
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(p.readAllStandardOutput().contains(": OK"));
    }
}

QTEST_GUILESS_MAIN(TestCertificateAuthority)
#include "tst_certificateauthority.moc"
