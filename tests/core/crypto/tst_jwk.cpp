// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/Jose.h"
#include "core/crypto/Jwk.h"

#include <QJsonDocument>
#include <QTest>

using namespace ta::core;

namespace {

template <typename R>
QByteArray why(const R &r)
{
    return r.ok() ? QByteArray() : r.error().toString().toUtf8();
}

Key ecKey(const char *curve)
{
    return Key(EvpPkeyPtr(EVP_EC_gen(curve)));
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

// RFC 7515 appendix A.3: the P-256 key of the ES256 example.
const char *rfc7515A3 = R"({"kty":"EC","crv":"P-256",
    "x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
    "y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"})";

// RFC 7638 section 3.1: the RSA key of the thumbprint example.
const char *rfc7638Key = R"({"kty":"RSA",
    "n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
    "e":"AQAB","alg":"RS256","kid":"2011-04-29"})";

} // namespace

class TestJwk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void ecCoordinatesLeftPadded();
    void refused_data();
    void refused();
    void rfc7515PublicKey();
    void rfc7638Thumbprint();
    void thumbprintOfGeneratedKeys();
    void unsupportedKeysNotExported();
};

void TestJwk::roundTrip_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("kty");
    QTest::addColumn<QString>("crv");
    QTest::addColumn<int>("coordinateBytes");
    QTest::newRow("EC P-256") << QStringLiteral("P-256") << QStringLiteral("EC")
                              << QStringLiteral("P-256") << 32;
    QTest::newRow("EC P-384") << QStringLiteral("P-384") << QStringLiteral("EC")
                              << QStringLiteral("P-384") << 48;
    QTest::newRow("EC P-521") << QStringLiteral("P-521") << QStringLiteral("EC")
                              << QStringLiteral("P-521") << 66;
    QTest::newRow("RSA 2048") << QStringLiteral("rsa2048") << QStringLiteral("RSA") << QString()
                              << 0;
    QTest::newRow("RSA 3072") << QStringLiteral("rsa3072") << QStringLiteral("RSA") << QString()
                              << 0;
}

void TestJwk::roundTrip()
{
    QFETCH(QString, kind);
    QFETCH(QString, kty);
    QFETCH(QString, crv);
    QFETCH(int, coordinateBytes);
    const Key key = kind.startsWith(u"rsa") ? Key(EvpPkeyPtr(EVP_RSA_gen(kind.mid(3).toUInt())))
                                            : ecKey(kind.toLatin1().constData());
    QVERIFY(!key.isNull());

    const auto jwk = Jwk::fromKey(key);
    QVERIFY2(jwk.ok(), why(jwk).constData());
    QCOMPARE(jwk->value("kty").toString(), kty);
    // Never a private member, although the key has its private half.
    QVERIFY(key.hasPrivate());
    QVERIFY(!jwk->contains("d"));
    if (kty == u"EC") {
        QCOMPARE(jwk->value("crv").toString(), crv);
        QCOMPARE(jwk->size(), 4);
        const auto x = Jose::base64UrlDecode(jwk->value("x").toString().toLatin1());
        const auto y = Jose::base64UrlDecode(jwk->value("y").toString().toLatin1());
        QVERIFY(x.ok() && y.ok());
        QCOMPARE(x->size(), coordinateBytes);
        QCOMPARE(y->size(), coordinateBytes);
    } else {
        QCOMPARE(jwk->size(), 3);
        QCOMPARE(jwk->value("e").toString(), QStringLiteral("AQAB"));
        const auto n = Jose::base64UrlDecode(jwk->value("n").toString().toLatin1());
        QVERIFY(n.ok());
        QCOMPARE(int(n->size()) * 8, key.bits());
    }

    const auto back = Jwk::toKey(*jwk);
    QVERIFY2(back.ok(), why(back).constData());
    QVERIFY(back->samePublicKey(key));
    QVERIFY(!back->hasPrivate());
    QCOMPARE(Jwk::curveName(*back), crv);
    // Same key, same JWK: the form is canonical.
    QCOMPARE(*Jwk::fromKey(*back), *jwk);
}

void TestJwk::ecCoordinatesLeftPadded()
{
    // About one P-256 key in 128 has a coordinate with a leading zero byte; find one, and check
    // the JWK keeps the full 32 bytes (RFC 7518 6.2.1.2) and that the key survives the trip.
    for (int i = 0; i < 4000; ++i) {
        const Key key = ecKey("P-256");
        BIGNUM *x = nullptr;
        BIGNUM *y = nullptr;
        QVERIFY(EVP_PKEY_get_bn_param(key.get(), "qx", &x) == 1);
        QVERIFY(EVP_PKEY_get_bn_param(key.get(), "qy", &y) == 1);
        const bool shortCoordinate = BN_num_bytes(x) < 32 || BN_num_bytes(y) < 32;
        BN_free(x);
        BN_free(y);
        if (!shortCoordinate)
            continue;
        const auto jwk = Jwk::fromKey(key);
        QVERIFY(jwk.ok());
        QCOMPARE(Jose::base64UrlDecode(jwk->value("x").toString().toLatin1())->size(), 32);
        QCOMPARE(Jose::base64UrlDecode(jwk->value("y").toString().toLatin1())->size(), 32);
        QCOMPARE(jwk->value("x").toString().size(), 43);
        const auto back = Jwk::toKey(*jwk);
        QVERIFY(back.ok());
        QVERIFY(back->samePublicKey(key));
        return;
    }
    QFAIL("no P-256 key with a short coordinate in 4000 tries");
}

void TestJwk::refused_data()
{
    QTest::addColumn<QByteArray>("jwk");
    QTest::addColumn<QString>("code");
    const QByteArray x = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
    const QByteArray y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
    auto ec = [&](const QByteArray &crv, const QByteArray &xx, const QByteArray &yy) {
        return "{\"kty\":\"EC\",\"crv\":\"" + crv + "\",\"x\":\"" + xx + "\",\"y\":\"" + yy + "\"}";
    };
    QTest::newRow("valid control") << ec("P-256", x, y) << QString();
    QTest::newRow("kty missing") << QByteArray(R"({"crv":"P-256"})") << "jwk.member_missing";
    QTest::newRow("kty not a string") << QByteArray(R"({"kty":1})") << "jwk.member_invalid";
    QTest::newRow("kty oct") << QByteArray(R"({"kty":"oct","k":"AAAA"})") << "jwk.unsupported_kty";
    QTest::newRow("kty OKP") << QByteArray(R"({"kty":"OKP","crv":"Ed25519","x":"AAAA"})")
                             << "jwk.unsupported_kty";
    QTest::newRow("kty lowercase ec")
        << ec("P-256", x, y).replace("\"EC\"", "\"ec\"") << "jwk.unsupported_kty";
    QTest::newRow("private member d")
        << ec("P-256", x, y).replace("}", ",\"d\":\"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI\"}")
        << "jwk.private_member";
    QTest::newRow("crv missing") << QByteArray(R"({"kty":"EC","x":"AA","y":"AA"})")
                                 << "jwk.member_missing";
    QTest::newRow("crv secp256k1") << ec("secp256k1", x, y) << "jwk.unsupported_curve";
    QTest::newRow("crv OpenSSL name") << ec("prime256v1", x, y) << "jwk.unsupported_curve";
    QTest::newRow("x missing") << QByteArray(R"({"kty":"EC","crv":"P-256","y":")" + y + "\"}")
                               << "jwk.member_missing";
    QTest::newRow("y not a string")
        << QByteArray(R"({"kty":"EC","crv":"P-256","x":")" + x + "\",\"y\":5}")
        << "jwk.member_invalid";
    QTest::newRow("x padded base64") << ec("P-256", x + "=", y) << "jwk.bad_base64url";
    QTest::newRow("y standard base64")
        << ec("P-256", x, QByteArray(y).replace('_', '/')) << "jwk.bad_base64url";
    QTest::newRow("x one byte short")
        << ec("P-256",
              Jose::base64UrlEncode(
                  QByteArray::fromBase64(x, QByteArray::Base64UrlEncoding).mid(1)),
              y)
        << "jwk.bad_coordinate_length";
    QTest::newRow("P-256 coordinates on P-384") << ec("P-384", x, y) << "jwk.bad_coordinate_length";
    QByteArray offCurve = QByteArray::fromBase64(y, QByteArray::Base64UrlEncoding);
    offCurve[31] = char(offCurve[31] ^ 1);
    QTest::newRow("point not on curve")
        << ec("P-256", x, Jose::base64UrlEncode(offCurve)) << "jwk.bad_ec_point";
    QTest::newRow("rsa n missing")
        << QByteArray(R"({"kty":"RSA","e":"AQAB"})") << "jwk.member_missing";
    QTest::newRow("rsa e missing")
        << QByteArray(R"({"kty":"RSA","n":"AQAB"})") << "jwk.member_missing";
    QTest::newRow("rsa n empty") << QByteArray(R"({"kty":"RSA","n":"","e":"AQAB"})")
                                 << "jwk.bad_rsa_parameters";
    QTest::newRow("rsa even modulus")
        << QByteArray(
               R"({"kty":"RSA","n":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","e":"AQAB"})")
        << "jwk.bad_rsa_parameters";
    QTest::newRow("rsa private member p")
        << QByteArray(R"({"kty":"RSA","n":"AQAB","e":"AQAB","p":"AQ"})") << "jwk.private_member";
}

void TestJwk::refused()
{
    QFETCH(QByteArray, jwk);
    QFETCH(QString, code);
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(jwk, &err);
    QVERIFY2(err.error == QJsonParseError::NoError, jwk.constData());
    const auto key = Jwk::toKey(doc.object());
    if (code.isEmpty()) {
        QVERIFY2(key.ok(), why(key).constData());
        return;
    }
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code, code);
}

void TestJwk::rfc7515PublicKey()
{
    const QJsonObject jwk = json(rfc7515A3);
    const auto key = Jwk::toKey(jwk);
    QVERIFY2(key.ok(), why(key).constData());
    QVERIFY(key->isEc());
    QCOMPARE(Jwk::curveName(*key), QStringLiteral("P-256"));
    const auto back = Jwk::fromKey(*key);
    QVERIFY(back.ok());
    QCOMPARE(back->value("x"), jwk.value("x"));
    QCOMPARE(back->value("y"), jwk.value("y"));
}

void TestJwk::rfc7638Thumbprint()
{
    const QJsonObject jwk = json(rfc7638Key);
    const auto digest = Jwk::thumbprint(jwk);
    QVERIFY2(digest.ok(), why(digest).constData());
    QCOMPARE(Jose::base64UrlEncode(*digest),
             QByteArray("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
    // Through the key: the same value, since only the required members count.
    const auto key = Jwk::toKey(jwk);
    QVERIFY2(key.ok(), why(key).constData());
    QCOMPARE(*Jwk::thumbprintKeyId(*key),
             QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
    // A required member changed changes the thumbprint.
    QJsonObject other = jwk;
    other.insert("e", "AQAA");
    QVERIFY(*Jwk::thumbprint(other) != *digest);
    QCOMPARE(Jwk::thumbprint(json(R"({"kty":"oct","k":"AA"})")).error().code,
             QStringLiteral("jwk.unsupported_kty"));
    QCOMPARE(Jwk::thumbprint(json(R"({"kty":"RSA","n":"AA"})")).error().code,
             QStringLiteral("jwk.member_missing"));
}

void TestJwk::thumbprintOfGeneratedKeys()
{
    const Key a = ecKey("P-256");
    const Key b = ecKey("P-256");
    const auto ida = Jwk::thumbprintKeyId(a);
    QVERIFY(ida.ok());
    QCOMPARE(ida->size(), 43); // 32 bytes of SHA-256, base64url without padding
    QCOMPARE(*Jwk::thumbprintKeyId(a.publicKey()), *ida);
    QVERIFY(*Jwk::thumbprintKeyId(b) != *ida);
    // Extra members and member order do not change an EC thumbprint.
    QJsonObject decorated = *Jwk::fromKey(a);
    decorated.insert("kid", "x");
    decorated.insert("use", "jwt-svid");
    QCOMPARE(Jose::base64UrlEncode(*Jwk::thumbprint(decorated)).constData(), ida->toLatin1());
}

void TestJwk::unsupportedKeysNotExported()
{
    const Key ed(EvpPkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")));
    QVERIFY(!ed.isNull());
    QCOMPARE(Jwk::fromKey(ed).error().code, QStringLiteral("jwk.unsupported_kty"));
    const Key k1(EvpPkeyPtr(EVP_EC_gen("secp256k1")));
    QVERIFY(!k1.isNull());
    QCOMPARE(Jwk::fromKey(k1).error().code, QStringLiteral("jwk.unsupported_curve"));
    QCOMPARE(Jwk::fromKey(Key()).error().code, QStringLiteral("jwk.no_key"));
}

QTEST_GUILESS_MAIN(TestJwk)
#include "tst_jwk.moc"
