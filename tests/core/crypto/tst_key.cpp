// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/Key.h"
#include "core/crypto/OsslPtr.h"

#include <QCryptographicHash>
#include <QTest>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <thread>
#include <vector>

using namespace ta::core;

class TestKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generate_data();
    void generate();
    void encryptedPkcs8RoundTrip();
    void wrongPassphraseRefused();
    void encryptedPemHoldsNoClearKey();
    void garbageRefused();
    void pemBlocksRead_data();
    void pemBlocksRead();
    void publicKeyOfPublicKeyIsItself_data();
    void publicKeyOfPublicKeyIsItself();
    void publicDerAsOpenSslEncodesIt_data();
    void publicDerAsOpenSslEncodesIt();
    void fingerprintSharedByCopiesAndThreads();
    void certificateKeyFingerprint_data();
    void certificateKeyFingerprint();
    void ecGroupName();
};

void TestKey::generate_data()
{
    QTest::addColumn<KeyType>("type");
    QTest::addColumn<int>("bits");
    QTest::newRow("ec-p256") << KeyType::EcP256 << 256;
    QTest::newRow("ec-p384") << KeyType::EcP384 << 384;
    QTest::newRow("rsa-2048") << KeyType::Rsa2048 << 2048;
}

void TestKey::generate()
{
    QFETCH(KeyType, type);
    QFETCH(int, bits);
    auto key = Key::generate(type);
    QVERIFY(key.ok());
    QVERIFY(key->hasPrivate());
    QCOMPARE(key->bits(), bits);
    QCOMPARE(key->type(), std::optional<KeyType>(type));
    QCOMPARE(keyTypeFromName(keyTypeName(type)), std::optional<KeyType>(type));

    const Key pub = key->publicKey();
    QVERIFY(!pub.hasPrivate());
    QVERIFY(pub.samePublicKey(*key));
    QCOMPARE(pub.fingerprint(), key->fingerprint());

    auto reread = Key::fromPem(key->privatePkcs8Pem());
    QVERIFY(reread.ok());
    QVERIFY(reread->hasPrivate());
    QVERIFY(reread->samePublicKey(*key));
}

void TestKey::encryptedPkcs8RoundTrip()
{
    auto key = Key::generate(KeyType::EcP256);
    QVERIFY(key.ok());
    auto pem = key->encryptedPkcs8Pem("correct horse");
    QVERIFY(pem.ok());
    QVERIFY(pem->startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    auto back = Key::fromEncryptedPkcs8(*pem, "correct horse");
    QVERIFY(back.ok());
    QVERIFY(back->samePublicKey(*key));
    QVERIFY(back->hasPrivate());
}

void TestKey::wrongPassphraseRefused()
{
    auto key = Key::generate(KeyType::EcP256);
    QVERIFY(key.ok());
    auto pem = key->encryptedPkcs8Pem("right");
    QVERIFY(pem.ok());
    auto back = Key::fromEncryptedPkcs8(*pem, "wrong");
    QVERIFY(!back.ok());
    QCOMPARE(back.error().code, QStringLiteral("crypto.wrong_passphrase"));
    // An encrypted key is never read as if it were clear.
    QCOMPARE(Key::fromPem(*pem).error().code, QStringLiteral("crypto.key_encrypted"));
}

void TestKey::encryptedPemHoldsNoClearKey()
{
    auto key = Key::generate(KeyType::EcP256);
    QVERIFY(key.ok());
    const QByteArray clear = key->privatePkcs8Pem();
    const QByteArray clearDer =
        QByteArray::fromBase64(clear.split('\n').mid(1, clear.count('\n') - 2).join());
    auto pem = key->encryptedPkcs8Pem("pw");
    QVERIFY(pem.ok());
    QByteArray encDer = QByteArray::fromBase64(pem->split('\n').mid(1).join());
    // The 32-byte private scalar sits near the end of the clear PKCS#8; it must not appear.
    QVERIFY(clearDer.size() > 40);
    QVERIFY(!encDer.contains(clearDer.mid(7, 32)));
}

void TestKey::garbageRefused()
{
    QVERIFY(!Key::fromPem("not a key").ok());
    QVERIFY(!Key::fromPublicDer(QByteArray(10, 'x')).ok());
}

void TestKey::pemBlocksRead_data()
{
    // Key::fromPem skips the private key attempt when every block is a PUBLIC KEY: each form
    // below reads as it did with both attempts made.
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<QString>("expect");       // "public", "private" or an error code
    QTest::addColumn<QByteArray>("publicDer"); // the key read, when one is
    auto ec = Key::generate(KeyType::EcP256);
    QVERIFY(ec.ok());
    auto rsa = Key::generate(KeyType::Rsa2048);
    QVERIFY(rsa.ok());
    const QByteArray pub = ec->publicPem();
    const QByteArray priv = ec->privatePkcs8Pem();
    const QByteArray rsaPriv = rsa->privatePkcs8Pem();
    QTest::newRow("public") << pub << "public" << ec->publicDer();
    QTest::newRow("rsa public") << rsa->publicPem() << "public" << rsa->publicDer();
    QTest::newRow("two public, the first read")
        << pub + rsa->publicPem() << "public" << ec->publicDer();
    QTest::newRow("text around public") << QByteArray("comment\n") + pub + "trailer\n"
                                        << "public" << ec->publicDer();
    QTest::newRow("private") << priv << "private" << ec->publicDer();
    // A private key is found past a public block, as before.
    QTest::newRow("public then private") << pub + rsaPriv << "private" << rsa->publicDer();
    QTest::newRow("private then public") << rsaPriv + pub << "private" << rsa->publicDer();
    QTest::newRow("encrypted private")
        << ec->encryptedPkcs8Pem("pw").value() << "crypto.key_encrypted" << QByteArray();
    QByteArray cut = pub;
    cut.chop(30);
    QTest::newRow("public cut short") << cut << "crypto.key_unreadable" << QByteArray();
    QByteArray bad = pub;
    bad[40] = '*';
    QTest::newRow("public bad base64") << bad << "crypto.key_unreadable" << QByteArray();
    QTest::newRow("label only") << QByteArray("-----BEGIN PUBLIC KEY-----\n")
                                << "crypto.key_unreadable" << QByteArray();
    QTest::newRow("other label") << QByteArray(pub).replace("PUBLIC KEY", "PUBLIC KEX")
                                 << "crypto.key_unreadable" << QByteArray();
}

void TestKey::pemBlocksRead()
{
    QFETCH(QByteArray, pem);
    QFETCH(QString, expect);
    QFETCH(QByteArray, publicDer);
    auto key = Key::fromPem(pem);
    if (publicDer.isEmpty()) {
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, expect);
        return;
    }
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().toString()));
    QCOMPARE(key->hasPrivate(), expect == QLatin1String("private"));
    QCOMPARE(key->publicDer(), publicDer);
}

void TestKey::publicKeyOfPublicKeyIsItself_data()
{
    generate_data();
}

void TestKey::publicKeyOfPublicKeyIsItself()
{
    QFETCH(KeyType, type);
    auto key = Key::generate(type);
    QVERIFY(key.ok());
    auto pub = Key::fromPem(key->publicPem());
    QVERIFY(pub.ok());
    QVERIFY(!pub->hasPrivate());
    const Key again = pub->publicKey();
    QVERIFY(!again.hasPrivate());
    QVERIFY(again.samePublicKey(*key));
    QCOMPARE(again.publicDer(), key->publicDer());
    QCOMPARE(again.fingerprint(), key->fingerprint());
    // A private key's public key still drops the private part.
    const Key fromPrivate = key->publicKey();
    QVERIFY(!fromPrivate.hasPrivate());
    QCOMPARE(fromPrivate.publicDer(), key->publicDer());
}

void TestKey::publicDerAsOpenSslEncodesIt_data()
{
    // Key builds a named-curve EC key's SubjectPublicKeyInfo itself, and leaves every other key
    // to i2d_PUBKEY: the bytes (and so the fingerprint, which key revocations match) must be
    // OpenSSL's in every form.
    QTest::addColumn<QByteArray>("algorithm");
    QTest::addColumn<QByteArray>("curve");
    QTest::addColumn<QByteArray>("pointForm");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<bool>("publicOnly");
    QTest::newRow("P-256") << QByteArray("EC") << QByteArray("P-256") << QByteArray()
                           << QByteArray() << false;
    QTest::newRow("P-256 public only")
        << QByteArray("EC") << QByteArray("P-256") << QByteArray() << QByteArray() << true;
    QTest::newRow("P-256 compressed") << QByteArray("EC") << QByteArray("P-256")
                                      << QByteArray("compressed") << QByteArray() << false;
    QTest::newRow("P-256 compressed public only")
        << QByteArray("EC") << QByteArray("P-256") << QByteArray("compressed") << QByteArray()
        << true;
    QTest::newRow("P-256 hybrid") << QByteArray("EC") << QByteArray("P-256") << QByteArray("hybrid")
                                  << QByteArray() << false;
    QTest::newRow("P-256 explicit parameters") << QByteArray("EC") << QByteArray("P-256")
                                               << QByteArray() << QByteArray("explicit") << false;
    QTest::newRow("P-384") << QByteArray("EC") << QByteArray("P-384") << QByteArray()
                           << QByteArray() << false;
    QTest::newRow("P-521 (long DER lengths)")
        << QByteArray("EC") << QByteArray("P-521") << QByteArray() << QByteArray() << false;
    QTest::newRow("secp256k1 (not built)")
        << QByteArray("EC") << QByteArray("secp256k1") << QByteArray() << QByteArray() << false;
    QTest::newRow("RSA") << QByteArray("RSA") << QByteArray() << QByteArray() << QByteArray()
                         << false;
}

void TestKey::publicDerAsOpenSslEncodesIt()
{
    QFETCH(QByteArray, algorithm);
    QFETCH(QByteArray, curve);
    QFETCH(QByteArray, pointForm);
    QFETCH(QByteArray, encoding);
    QFETCH(bool, publicOnly);
    EVP_PKEY *made = algorithm == "RSA"
                         ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048))
                         : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve.constData());
    QVERIFY(made);
    EvpPkeyPtr pkey(made);
    if (!pointForm.isEmpty())
        QVERIFY(EVP_PKEY_set_utf8_string_param(
                    pkey.get(), OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, pointForm.data()) == 1);
    if (!encoding.isEmpty())
        QVERIFY(EVP_PKEY_set_utf8_string_param(pkey.get(), OSSL_PKEY_PARAM_EC_ENCODING,
                                               encoding.data()) == 1);
    const auto encoded = [](EVP_PKEY *k) {
        unsigned char *buf = nullptr;
        const int len = i2d_PUBKEY(k, &buf);
        QByteArray out(reinterpret_cast<const char *>(buf), qMax(len, 0));
        OPENSSL_free(buf);
        return out;
    };
    if (publicOnly) {
        // Read back from its own SubjectPublicKeyInfo, as a certificate's key is.
        const QByteArray der = encoded(pkey.get());
        QVERIFY(!der.isEmpty());
        const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
        EVP_PKEY *pub = d2i_PUBKEY(nullptr, &p, long(der.size()));
        QVERIFY(pub);
        pkey.reset(pub);
    }
    const QByteArray expected = encoded(pkey.get());
    QVERIFY(!expected.isEmpty());
    const Key key{std::move(pkey)};
    QCOMPARE(key.publicDer().toHex(), expected.toHex());
    QCOMPARE(key.fingerprint(),
             QCryptographicHash::hash(expected, QCryptographicHash::Sha256).toHex());
}

void TestKey::fingerprintSharedByCopiesAndThreads()
{
    auto key = Key::generate(KeyType::EcP256);
    QVERIFY(key.ok());
    const QByteArray expected =
        QCryptographicHash::hash(key->publicDer(), QCryptographicHash::Sha256).toHex();
    QCOMPARE(expected.size(), 64);
    const Key copy = *key;
    Key assigned;
    QVERIFY(assigned.fingerprint().isEmpty());
    assigned = copy;
    // The first caller computes it; every copy and every thread sees the same value.
    std::vector<QByteArray> seen(8);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < seen.size(); ++i)
        threads.emplace_back([&, i] { seen[i] = (i % 2 ? copy : assigned).fingerprint(); });
    for (std::thread &t : threads)
        t.join();
    for (const QByteArray &fp : seen)
        QCOMPARE(fp, expected);
    QCOMPARE(key->fingerprint(), expected);
    // Encoded once: every copy hands out the same shared bytes.
    QCOMPARE(copy.publicDer().constData(), key->publicDer().constData());
    // Another key does not share the cached value.
    auto other = Key::generate(KeyType::EcP256);
    QVERIFY(other.ok());
    QVERIFY(other->fingerprint() != expected);
}

void TestKey::certificateKeyFingerprint_data()
{
    QTest::addColumn<KeyType>("type");
    QTest::addColumn<bool>("leaf");
    QTest::newRow("ec-p256 CA") << KeyType::EcP256 << false;
    QTest::newRow("ec-p256 leaf, key not decoded") << KeyType::EcP256 << true;
    QTest::newRow("ec-p384 CA") << KeyType::EcP384 << false;
    QTest::newRow("rsa-2048 CA") << KeyType::Rsa2048 << false;
}

void TestKey::certificateKeyFingerprint()
{
    QFETCH(KeyType, type);
    QFETCH(bool, leaf);
    auto caKey = Key::generate(type);
    QVERIFY(caKey.ok());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    CertificateSpec spec;
    spec.role = CertificateSpec::Role::SigningCa;
    spec.uriSan = QStringLiteral("spiffe://example.org");
    spec.commonName = QStringLiteral("CA");
    spec.notBefore = now;
    spec.notAfter = now.addDays(1);
    auto ca = CertificateBuilder::build(spec, *caKey, *caKey, nullptr);
    QVERIFY(ca.ok());
    Certificate cert = *ca;
    Key subjectKey = *caKey;
    if (leaf) {
        auto leafKey = Key::generate(type);
        QVERIFY(leafKey.ok());
        spec.role = CertificateSpec::Role::Leaf;
        spec.uriSan = QStringLiteral("spiffe://example.org/w");
        auto issued = CertificateBuilder::build(spec, *leafKey, *caKey, &*ca);
        QVERIFY(issued.ok());
        QVERIFY(!issued->hasDecodedPublicKey());
        cert = *issued;
        subjectKey = *leafKey;
    }
    // The same identity whether hashed from the certificate's bytes or the decoded key.
    QCOMPARE(cert.publicKeyFingerprint(), subjectKey.fingerprint());
    QCOMPARE(cert.publicKeyFingerprint(), cert.publicKey().fingerprint());
    QCOMPARE(cert.reparsed().publicKeyFingerprint(), subjectKey.fingerprint());
}

void TestKey::ecGroupName()
{
    const Key p256 = Key::generate(KeyType::EcP256).value();
    QCOMPARE(p256.ecGroupName(), QByteArray("prime256v1"));
    const Key copy = p256.publicKey();
    QCOMPARE(copy.ecGroupName(), QByteArray("prime256v1"));
    QCOMPARE(Key::generate(KeyType::EcP384).value().ecGroupName(), QByteArray("secp384r1"));
    QVERIFY(Key::generate(KeyType::Rsa2048).value().ecGroupName().isEmpty());
    QVERIFY(Key().ecGroupName().isEmpty());
}

QTEST_GUILESS_MAIN(TestKey)
#include "tst_key.moc"
