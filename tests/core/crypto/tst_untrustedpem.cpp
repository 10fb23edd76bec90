// SPDX-License-Identifier: Apache-2.0
// Issue 8, finding 5: PEM with "Proc-Type: 4,ENCRYPTED" in an untrusted place must be refused,
// never handed to OpenSSL's default password callback, which prompts on the terminal (or reads
// stdin) and waits. The test installs a UI method that records every prompt and answers it: a
// read that reaches the default callback both counts and decrypts, so it cannot pass unseen.
#include "core/attestation/AnchorSet.h"
#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/CertificateRequest.h"
#include "core/crypto/Key.h"
#include "core/spiffe/TrustBundle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <openssl/pem.h>
#include <openssl/ui.h>

using namespace ta::core;

namespace {

// The UI method is process-wide in OpenSSL, so its counter is too; the test is single-threaded.
int s_prompts = 0;

int recordingReader(UI *ui, UI_STRING *uis)
{
    ++s_prompts;
    if (UI_get_string_type(uis) == UIT_PROMPT || UI_get_string_type(uis) == UIT_VERIFY)
        return UI_set_result(ui, uis, "secret") == 0 ? 1 : 0;
    return 1;
}

const char kPass[] = "secret";

// Any ASN.1 object as an encrypted ("Proc-Type: 4,ENCRYPTED") PEM block of @p name.
template <typename T>
QByteArray encryptedPem(int (*i2d)(const T *, unsigned char **), const char *name, const T *obj)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    auto *pass = reinterpret_cast<unsigned char *>(const_cast<char *>(kPass));
    PEM_ASN1_write_bio(reinterpret_cast<i2d_of_void *>(i2d), name, bio.get(), const_cast<T *>(obj),
                       EVP_aes_128_cbc(), pass, int(sizeof kPass - 1), nullptr, nullptr);
    return bioBytes(bio.get());
}

struct Material
{
    Key key;
    Certificate cert;
};

Material material()
{
    Material m;
    m.key = Key::generate(KeyType::EcP256).value();
    CertificateSpec spec;
    spec.role = CertificateSpec::Role::SigningCa;
    spec.uriSan = QStringLiteral("spiffe://example.org");
    spec.organization = QStringLiteral("Test");
    spec.notBefore = QDateTime::currentDateTimeUtc().addSecs(-60);
    spec.notAfter = spec.notBefore.addDays(1);
    m.cert = CertificateBuilder::build(spec, m.key, m.key, nullptr).value();
    return m;
}

QByteArray encryptedLegacyKey(const Key &key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    auto *pass = reinterpret_cast<unsigned char *>(const_cast<char *>(kPass));
    PEM_write_bio_PrivateKey_traditional(bio.get(), key.get(), EVP_aes_128_cbc(), pass,
                                         int(sizeof kPass - 1), nullptr, nullptr);
    return bioBytes(bio.get());
}

QByteArray encryptedCsr(const Key &key)
{
    const QByteArray pem = CertificateRequest::createPem(key).value();
    BioPtr in = readBio(pem);
    X509ReqPtr req(PEM_read_bio_X509_REQ(in.get(), nullptr, nullptr, nullptr));
    return encryptedPem<X509_REQ>(i2d_X509_REQ, PEM_STRING_X509_REQ, req.get());
}

QByteArray anchorsJson(const QString &kind, const QString &field, const QByteArray &pem)
{
    QJsonObject anchor{{QStringLiteral("kind"), kind},
                       {QStringLiteral("subject"), QStringLiteral("node/a")},
                       {QStringLiteral("name"), QStringLiteral("a")},
                       {field, QString::fromLatin1(pem)}};
    return QJsonDocument(QJsonObject{{QStringLiteral("anchors"), QJsonArray{anchor}}}).toJson();
}

} // namespace

class TestUntrustedPem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init() { s_prompts = 0; }
    void recorderSeesDefaultCallback();
    void refusedWithoutPrompt_data();
    void refusedWithoutPrompt();
    void plainPemStillReads();
    void workspaceKeyStillDecrypts();

private:
    UI_METHOD *m_method = nullptr;
    Material m_material;
};

void TestUntrustedPem::initTestCase()
{
    m_method = UI_create_method("recording");
    UI_method_set_reader(m_method, recordingReader);
    UI_set_default_method(m_method);
    m_material = material();
}

void TestUntrustedPem::cleanupTestCase()
{
    UI_set_default_method(UI_OpenSSL());
    UI_destroy_method(m_method);
}

void TestUntrustedPem::recorderSeesDefaultCallback()
{
    // The test's premise: a read with no callback of its own reaches the recorder (and
    // decrypts with its answer), so a refusal below proves the default callback was not used.
    const QByteArray pem = encryptedPem<X509>(i2d_X509, PEM_STRING_X509, m_material.cert.get());
    BioPtr bio = readBio(pem);
    X509Ptr x(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    QVERIFY(x);
    QVERIFY(s_prompts > 0);
}

void TestUntrustedPem::refusedWithoutPrompt_data()
{
    const Material &m = m_material;
    const QByteArray cert = encryptedPem<X509>(i2d_X509, PEM_STRING_X509, m.cert.get());
    const QByteArray pubkey =
        encryptedPem<EVP_PKEY>(i2d_PUBKEY, PEM_STRING_PUBLIC, m.key.publicKey().get());
    const QByteArray legacyKey = encryptedLegacyKey(m.key);
    const QByteArray csr = encryptedCsr(m.key);

    QTest::addColumn<QString>("place");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("code");
    // verify x509 --chain, x509pop chains, a credential's stored chain
    QTest::newRow("certificate list: encrypted cert") << "certs" << cert << "crypto.pem_encrypted";
    QTest::newRow("certificate list: plain then encrypted")
        << "certs" << m.cert.toPem() + cert << "crypto.pem_encrypted";
    // verify --bundle FILE in PEM
    QTest::newRow("PEM bundle") << "bundle" << cert << "spiffe.bundle.pem_no_certificate";
    // svid x509 --public-key, a TPM ak_public, cosign keys
    QTest::newRow("key: encrypted legacy private key")
        << "key" << legacyKey << "crypto.key_encrypted";
    QTest::newRow("key: encrypted public key") << "key" << pubkey << "crypto.key_encrypted";
    // svid x509 --csr
    QTest::newRow("csr: encrypted request") << "csr" << csr << "csr.encrypted";
    // anchors import: the PEM fields of tpm_ak, cosign_key and x509pop_ca
    QTest::newRow("anchor tpm_ak public_key_pem")
        << "anchors"
        << anchorsJson(QStringLiteral("tpm_ak"), QStringLiteral("public_key_pem"), legacyKey)
        << "anchors.bad_pem";
    QTest::newRow("anchor cosign_key public_key_pem")
        << "anchors"
        << anchorsJson(QStringLiteral("cosign_key"), QStringLiteral("public_key_pem"), pubkey)
        << "anchors.bad_pem";
    QTest::newRow("anchor x509pop_ca pem")
        << "anchors" << anchorsJson(QStringLiteral("x509pop_ca"), QStringLiteral("pem"), cert)
        << "anchors.bad_pem";
}

void TestUntrustedPem::refusedWithoutPrompt()
{
    QFETCH(QString, place);
    QFETCH(QByteArray, input);
    QFETCH(QString, code);
    QVERIFY(input.contains("Proc-Type: 4,ENCRYPTED"));
    std::optional<Error> error;
    if (place == QLatin1String("certs")) {
        auto r = Certificate::listFromPem(input);
        if (!r)
            error = r.error();
    } else if (place == QLatin1String("bundle")) {
        auto r = TrustBundle::fromPem(TrustDomain::fromName(QStringLiteral("example.org")).value(),
                                      input);
        if (!r)
            error = r.error();
    } else if (place == QLatin1String("key")) {
        auto r = Key::fromPem(input);
        if (!r)
            error = r.error();
    } else if (place == QLatin1String("csr")) {
        auto r = CertificateRequest::parse(input);
        if (!r)
            error = r.error();
    } else {
        auto r = AnchorSet::fromImportJson(input);
        if (!r)
            error = r.error();
    }
    QCOMPARE(s_prompts, 0);
    QVERIFY2(error.has_value(), "encrypted PEM was read");
    QCOMPARE(error->code, code);
    if (place == QLatin1String("bundle") || place == QLatin1String("anchors"))
        QVERIFY2(error->detail.contains(QLatin1String("encrypted")), qPrintable(error->detail));
}

void TestUntrustedPem::plainPemStillReads()
{
    QVERIFY(Certificate::listFromPem(m_material.cert.toPem()).ok());
    QVERIFY(Key::fromPem(m_material.key.privatePkcs8Pem()).ok());
    QVERIFY(Key::fromPem(m_material.key.publicPem()).ok());
    QVERIFY(CertificateRequest::parse(CertificateRequest::createPem(m_material.key).value()).ok());
    // Text around the blocks (as `openssl x509 -text` writes it) is still skipped.
    QVERIFY(Certificate::listFromPem("Certificate:\n  text\n" + m_material.cert.toPem() + "tail\n")
                .ok());
    QCOMPARE(s_prompts, 0);
}

void TestUntrustedPem::workspaceKeyStillDecrypts()
{
    // The workspace's own keys are the one place a passphrase is used, and it is the caller's.
    const QByteArray sealed = m_material.key.encryptedPkcs8Pem("pass phrase").value();
    auto key = Key::fromEncryptedPkcs8(sealed, "pass phrase");
    QVERIFY(key.ok());
    QVERIFY(key->samePublicKey(m_material.key));
    QCOMPARE(Key::fromEncryptedPkcs8(sealed, "wrong").error().code,
             QStringLiteral("crypto.wrong_passphrase"));
    QCOMPARE(Key::fromEncryptedPkcs8(sealed, QByteArray()).error().code,
             QStringLiteral("crypto.wrong_passphrase"));
    QCOMPARE(s_prompts, 0);
}

QTEST_GUILESS_MAIN(TestUntrustedPem)
#include "tst_untrustedpem.moc"
