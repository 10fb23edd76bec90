// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/KeyWrap.h"

#include <QTest>

using namespace ta::core;

Q_DECLARE_METATYPE(ta::core::KeyType)

namespace {

ScryptParams cheapParams()
{
    auto p = ScryptParams::fresh();
    p->n = quint64(1) << 14;
    return *p;
}

KeyWrap wrapFor(const char *passphrase, const ScryptParams &params)
{
    return KeyWrap::derive(QByteArray(passphrase), params).value();
}

} // namespace

class TestKeyWrap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void freshNoncePerSeal();
    void wrongPassphraseRefused();
    void otherContextRefused();
    void alteredByteRefused_data();
    void alteredByteRefused();
    void notSealedRefused_data();
    void notSealedRefused();
    void paramsRoundTrip();
    void hostileParamsRefused_data();
    void hostileParamsRefused();
    void publicKeyNotSealed();
};

void TestKeyWrap::roundTrip_data()
{
    QTest::addColumn<KeyType>("type");
    QTest::newRow("ec-p256") << KeyType::EcP256;
    QTest::newRow("ec-p384") << KeyType::EcP384;
    QTest::newRow("rsa-2048") << KeyType::Rsa2048;
}

void TestKeyWrap::roundTrip()
{
    QFETCH(KeyType, type);
    const Key key = Key::generate(type).value();
    const KeyWrap wrap = wrapFor("correct horse", cheapParams());
    auto sealed = wrap.seal(key, "slot/a");
    QVERIFY(sealed.ok());
    QVERIFY(KeyWrap::isSealed(*sealed));
    // The clear PKCS#8 does not appear in the sealed form.
    const QByteArray der = QByteArray::fromBase64(key.privatePkcs8Pem()
                                                      .replace("-----BEGIN PRIVATE KEY-----", "")
                                                      .replace("-----END PRIVATE KEY-----", ""));
    QVERIFY(!sealed->contains(der.mid(der.size() - 32)));
    // A second derivation from the same passphrase and parameters unseals it.
    auto back = wrapFor("correct horse", wrap.params()).unseal(*sealed, "slot/a");
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    QVERIFY(back->hasPrivate());
    QVERIFY(back->samePublicKey(key));
}

void TestKeyWrap::freshNoncePerSeal()
{
    const Key key = Key::generate(KeyType::EcP256).value();
    const KeyWrap wrap = wrapFor("p", cheapParams());
    const QByteArray a = wrap.seal(key, "c").value();
    const QByteArray b = wrap.seal(key, "c").value();
    QCOMPARE(a.size(), b.size());
    QVERIFY(a != b);
    QVERIFY(a.mid(5, 12) != b.mid(5, 12));
}

void TestKeyWrap::wrongPassphraseRefused()
{
    const ScryptParams params = cheapParams();
    const QByteArray sealed =
        wrapFor("right", params).seal(Key::generate(KeyType::EcP256).value(), "c").value();
    auto r = wrapFor("wrong", params).unseal(sealed, "c");
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ec::CryptoWrongPassphrase);
}

void TestKeyWrap::otherContextRefused()
{
    // A sealed key copied into another row does not unseal there.
    const KeyWrap wrap = wrapFor("p", cheapParams());
    const QByteArray sealed = wrap.seal(Key::generate(KeyType::EcP256).value(), "slot/a").value();
    QVERIFY(wrap.unseal(sealed, "slot/a").ok());
    QVERIFY(!wrap.unseal(sealed, "slot/b").ok());
    QVERIFY(!wrap.unseal(sealed, "").ok());
}

void TestKeyWrap::alteredByteRefused_data()
{
    QTest::addColumn<int>("offset");
    QTest::newRow("version") << 4;
    QTest::newRow("nonce") << 6;
    QTest::newRow("tag") << 20;
    QTest::newRow("ciphertext") << 40;
    QTest::newRow("last byte") << -1;
}

void TestKeyWrap::alteredByteRefused()
{
    QFETCH(int, offset);
    const KeyWrap wrap = wrapFor("p", cheapParams());
    QByteArray sealed = wrap.seal(Key::generate(KeyType::EcP256).value(), "c").value();
    const qsizetype at = offset < 0 ? sealed.size() - 1 : offset;
    sealed[at] = char(sealed.at(at) ^ 0x01);
    QVERIFY(!wrap.unseal(sealed, "c").ok());
}

void TestKeyWrap::notSealedRefused_data()
{
    QTest::addColumn<QByteArray>("stored");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("magic only") << QByteArray("TAKW\x01", 5);
    QTest::newRow("header only") << QByteArray("TAKW\x01", 5) + QByteArray(28, 'x');
    QTest::newRow("pem") << Key::generate(KeyType::EcP256).value().privatePkcs8Pem();
}

void TestKeyWrap::notSealedRefused()
{
    QFETCH(QByteArray, stored);
    auto r = wrapFor("p", cheapParams()).unseal(stored, "c");
    QVERIFY(!r.ok());
}

void TestKeyWrap::paramsRoundTrip()
{
    const ScryptParams p = ScryptParams::fresh().value();
    QCOMPARE(p.salt.size(), 16);
    QCOMPARE(p.n, quint64(1) << 15);
    auto back = ScryptParams::parse(p.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back->salt, p.salt);
    QCOMPARE(back->n, p.n);
    QCOMPARE(back->r, p.r);
    QCOMPARE(back->p, p.p);
}

void TestKeyWrap::hostileParamsRefused_data()
{
    // The parameters come from a workspace file: none may make opening it cost gigabytes.
    QTest::addColumn<QByteArray>("json");
    const QByteArray salt = "\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA==\"";
    QTest::newRow("not json") << QByteArray("{");
    QTest::newRow("other kdf") << "{\"kdf\":\"pbkdf2\"," + salt + ",\"n\":32768,\"r\":8,\"p\":1}";
    QTest::newRow("huge n") << "{\"kdf\":\"scrypt\"," + salt + ",\"n\":1073741824,\"r\":8,\"p\":1}";
    QTest::newRow("huge r") << "{\"kdf\":\"scrypt\"," + salt + ",\"n\":32768,\"r\":4096,\"p\":1}";
    QTest::newRow("huge p") << "{\"kdf\":\"scrypt\"," + salt + ",\"n\":32768,\"r\":8,\"p\":1000}";
    QTest::newRow("n not power of two")
        << "{\"kdf\":\"scrypt\"," + salt + ",\"n\":30000,\"r\":8,\"p\":1}";
    QTest::newRow("weak n") << "{\"kdf\":\"scrypt\"," + salt + ",\"n\":1024,\"r\":8,\"p\":1}";
    QTest::newRow("fractional") << "{\"kdf\":\"scrypt\"," + salt +
                                       ",\"n\":32768,\"r\":8.5,\"p\":1}";
    QTest::newRow("negative") << "{\"kdf\":\"scrypt\"," + salt + ",\"n\":32768,\"r\":-8,\"p\":1}";
    QTest::newRow("short salt") << QByteArray(
        "{\"kdf\":\"scrypt\",\"salt\":\"AAAA\",\"n\":32768,\"r\":8,\"p\":1}");
    QTest::newRow("bad base64") << QByteArray(
        "{\"kdf\":\"scrypt\",\"salt\":\"!!!!!!!!!!!!!!!!!!!!!!!!\",\"n\":32768,"
        "\"r\":8,\"p\":1}");
}

void TestKeyWrap::hostileParamsRefused()
{
    QFETCH(QByteArray, json);
    auto p = ScryptParams::parse(json);
    QVERIFY(!p.ok());
    QCOMPARE(p.error().code, ec::CryptoKeyUnreadable);
}

void TestKeyWrap::publicKeyNotSealed()
{
    const Key pub = Key::generate(KeyType::EcP256).value().publicKey();
    auto r = wrapFor("p", cheapParams()).seal(pub, "c");
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ec::CryptoNoPrivateKey);
}

QTEST_GUILESS_MAIN(TestKeyWrap)
#include "tst_keywrap.moc"
