// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/Jose.h"
#include "core/crypto/Jwk.h"

#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <optional>

using namespace ta::core;

Q_DECLARE_METATYPE(ta::core::JwsAlgorithm)

namespace {

template <typename R>
QByteArray why(const R &r)
{
    return r.ok() ? QByteArray() : r.error().toString().toUtf8();
}

// RFC 7515 appendix A.3 (ES256): the public key and the complete JWS.
const char *a3Jwk = R"({"kty":"EC","crv":"P-256",
    "x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
    "y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"})";
const QByteArray a3Token =
    "eyJhbGciOiJFUzI1NiJ9"
    ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlf"
    "Q"
    ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

// RFC 7515 appendix A.4 (ES512 over P-521): coordinates with a leading zero byte.
const char *a4Jwk = R"({"kty":"EC","crv":"P-521",
    "x":"AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk",
    "y":"ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2"})";
const QByteArray a4Token =
    "eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA"
    ".AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZqwqT2SI-KGDKB34XO0aw_7Xdt"
    "AG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8KpEHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn";

// RFC 7515 appendix A.2 (RS256): the RSA key (RFC 7517 A.1/A.2) and the complete JWS. PKCS#1 v1.5
// is deterministic, so signing the same input must give the published signature byte for byte.
const QByteArray a2N = "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-"
                       "4qPCJrcS2mJPMEzP1Pt0Bm4d4Ql"
                       "L-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-"
                       "bSf63kpaSHSXndS5z5rexMdbBYUsL"
                       "A9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_"
                       "I5IhlJH7aGhyxXFvUK-DWNmoudF8"
                       "NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";
const QByteArray a2D =
    "Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97IjlA7_GQ5sLKMgvfTeXZx9SE-"
    "7YwVol2NXOoAJe"
    "46sui395IW_GO-pWJ1O0BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn439X0M_"
    "V51gfpRLI9JY"
    "anrC4D4qAdGcopV_0ZHHzQlBjudU2QvXt4ehNYTCBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_"
    "jTj3ccPDVZFD9pIuhLh"
    "BOneufuBiB4cS98l2SR_RQyGWSeWjnczT0QU91p1DhOVRuOopznQ";
const QByteArray a2Token = "eyJhbGciOiJSUzI1NiJ9"
                           ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLm"
                           "NvbS9pc19yb290Ijp0cnVlfQ"
                           ".cC4hiUPoj9Eetdgtv3hF80EGrhuB__"
                           "dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujG"
                           "bds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_"
                           "nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0"
                           "GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-"
                           "eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6Lb"
                           "gGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";

// The A.2 private key from n, e and d alone (OpenSSL signs without the CRT factors).
Key a2PrivateKey()
{
    const QByteArray n = *Jose::base64UrlDecode(a2N);
    const QByteArray d = *Jose::base64UrlDecode(a2D);
    BignumPtr bnN(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(n.constData()), int(n.size()), nullptr));
    BignumPtr bnD(
        BN_bin2bn(reinterpret_cast<const unsigned char *>(d.constData()), int(d.size()), nullptr));
    BignumPtr bnE(BN_new());
    BN_set_word(bnE.get(), 65537);
    std::unique_ptr<OSSL_PARAM_BLD, OsslDeleter<OSSL_PARAM_BLD_free>> bld(OSSL_PARAM_BLD_new());
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bnN.get());
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bnE.get());
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_D, bnD.get());
    std::unique_ptr<OSSL_PARAM, OsslDeleter<OSSL_PARAM_free>> params(
        OSSL_PARAM_BLD_to_param(bld.get()));
    EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY *pkey = nullptr;
    if (EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &pkey, EVP_PKEY_KEYPAIR, params.get()) != 1)
        return Key();
    return Key(EvpPkeyPtr(pkey));
}

} // namespace

class TestJose : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void base64Url_data();
    void base64Url();
    void base64UrlEncode();
    void base64UrlMatchesTheDefinition();
    void base64UrlEveryByteAtEveryPlace();
    void rfc7515A3Verifies();
    void rfc7515A4Verifies();
    void rfc7515A2SignsAndVerifies();
    void psychicSignatureRefused();
    void signVerifyRoundTrip_data();
    void signVerifyRoundTrip();
    void keyMustFitAlgorithm_data();
    void keyMustFitAlgorithm();
    void algorithmNames();
    void ecdsaConversion();
    void pssUsesDigestLengthSalt();
    void splitCompact_data();
    void splitCompact();

private:
    Key m_p256, m_p384, m_p521, m_rsa2048, m_rsa1024;
};

void TestJose::initTestCase()
{
    m_p256 = Key(EvpPkeyPtr(EVP_EC_gen("P-256")));
    m_p384 = Key(EvpPkeyPtr(EVP_EC_gen("P-384")));
    m_p521 = Key(EvpPkeyPtr(EVP_EC_gen("P-521")));
    m_rsa2048 = Key(EvpPkeyPtr(EVP_RSA_gen(2048)));
    m_rsa1024 = Key(EvpPkeyPtr(EVP_RSA_gen(1024)));
    QVERIFY(!m_p256.isNull() && !m_p384.isNull() && !m_p521.isNull() && !m_rsa2048.isNull() &&
            !m_rsa1024.isNull());
}

void TestJose::base64Url_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("decoded");
    QTest::newRow("empty") << QByteArray() << true << QByteArray();
    QTest::newRow("one byte") << QByteArray("YQ") << true << QByteArray("a");
    QTest::newRow("two bytes") << QByteArray("YWI") << true << QByteArray("ab");
    QTest::newRow("three bytes") << QByteArray("YWJj") << true << QByteArray("abc");
    QTest::newRow("url alphabet") << QByteArray("-_8") << true << QByteArray("\xfb\xff", 2);
    QTest::newRow("padding refused") << QByteArray("YQ==") << false << QByteArray();
    QTest::newRow("single pad refused") << QByteArray("YWI=") << false << QByteArray();
    QTest::newRow("standard plus refused") << QByteArray("+_8") << false << QByteArray();
    QTest::newRow("standard slash refused") << QByteArray("-/8") << false << QByteArray();
    QTest::newRow("whitespace refused") << QByteArray("YW Jj") << false << QByteArray();
    QTest::newRow("newline refused") << QByteArray("YWJj\n") << false << QByteArray();
    QTest::newRow("impossible length refused") << QByteArray("YWJjZ") << false << QByteArray();
    QTest::newRow("non-zero pad bits (2 chars)") << QByteArray("YR") << false << QByteArray();
    QTest::newRow("non-zero pad bits (3 chars)") << QByteArray("YWJ") << false << QByteArray();
    QTest::newRow("dot refused") << QByteArray("YW.J") << false << QByteArray();
}

void TestJose::base64Url()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, decoded);
    const auto out = Jose::base64UrlDecode(text);
    QCOMPARE(out.ok(), valid);
    if (!valid) {
        QCOMPARE(out.error().code, QStringLiteral("jose.bad_base64url"));
        return;
    }
    QCOMPARE(*out, decoded);
    QCOMPARE(Jose::base64UrlEncode(decoded), text);
}

void TestJose::base64UrlEncode()
{
    QCOMPARE(Jose::base64UrlEncode(QByteArray("\xfb\xff\xfe", 3)), QByteArray("-__-"));
    QCOMPARE(Jose::base64UrlEncode(QByteArray("a")), QByteArray("YQ"));
    // Every byte value survives the trip.
    QByteArray all;
    for (int i = 0; i < 256; ++i)
        all += char(i);
    QCOMPARE(*Jose::base64UrlDecode(Jose::base64UrlEncode(all)), all);
}

namespace {

/// RFC 4648 section 5 without padding, strictly: the decoder's definition, written the slow way
/// (a check of every character, of the length and of the pad bits, then Qt's decoder).
std::optional<QByteArray> referenceDecode(const QByteArray &text)
{
    static const QByteArray alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (const char c : text) {
        if (!alphabet.contains(c))
            return std::nullopt;
    }
    const qsizetype rem = text.size() % 4;
    if (rem == 1)
        return std::nullopt;
    if (rem != 0) {
        const int last = int(alphabet.indexOf(text.back()));
        if ((rem == 2 && (last & 0x0f) != 0) || (rem == 3 && (last & 0x03) != 0))
            return std::nullopt;
    }
    return QByteArray::fromBase64(text,
                                  QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

void TestJose::base64UrlMatchesTheDefinition()
{
    // Random bytes round-trip; random texts near valid ones (a character replaced, added or
    // dropped) are decoded, or refused, exactly as the definition says.
    QRandomGenerator rng(20261201);
    const QByteArray noise = QByteArrayLiteral("+/=. \n\0\xff*-_AZaz09");
    int refused = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray bytes(rng.bounded(0, 200), Qt::Uninitialized);
        for (char &c : bytes)
            c = char(rng.bounded(256));
        QByteArray text = Jose::base64UrlEncode(bytes);
        QCOMPARE(Jose::base64UrlDecode(text).value(), bytes);
        switch (round % 4) {
        case 1:
            if (!text.isEmpty())
                text[rng.bounded(text.size())] = noise.at(rng.bounded(noise.size()));
            break;
        case 2:
            text.insert(rng.bounded(text.size() + 1), noise.at(rng.bounded(noise.size())));
            break;
        case 3:
            if (!text.isEmpty())
                text.remove(rng.bounded(text.size()), 1);
            break;
        default:
            break;
        }
        const auto expected = referenceDecode(text);
        const auto out = Jose::base64UrlDecode(text);
        QVERIFY2(out.ok() == expected.has_value(), text.constData());
        if (expected)
            QCOMPARE(*out, *expected);
        else
            ++refused;
    }
    QVERIFY(refused > 500); // the mutations did reach the refusals
}

void TestJose::base64UrlEveryByteAtEveryPlace()
{
    // The decoder reads eight characters a step, then a quartet, then the tail: every byte value
    // at every place of a text that takes all three, decoded or refused as the definition says,
    // and a refusal names the first character outside the alphabet.
    const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    // 48 characters: three blocks of sixteen (where the processor decodes sixteen a step), or
    // six steps of eight; 28 a block, a step of eight and a quartet; 20 and 22 leave a quartet
    // and a tail.
    const QByteArray good = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlq";
    for (qsizetype size : {qsizetype(20), qsizetype(22), qsizetype(28), qsizetype(48)}) {
        for (qsizetype at = 0; at < size; ++at) {
            for (int b = 0; b < 256; ++b) {
                QByteArray text = good.left(size);
                text[at] = char(b);
                const auto expected = referenceDecode(text);
                const auto out = Jose::base64UrlDecode(text);
                if (out.ok() != expected.has_value())
                    QFAIL(qPrintable(QStringLiteral("size %1, byte 0x%2 at %3")
                                         .arg(size)
                                         .arg(b, 2, 16, QLatin1Char('0'))
                                         .arg(at)));
                if (expected)
                    QCOMPARE(*out, *expected);
                else if (!alphabet.contains(char(b)))
                    QCOMPARE(out.error().detail,
                             QStringLiteral("character 0x%1").arg(b, 2, 16, QLatin1Char('0')));
            }
        }
    }
}

void TestJose::rfc7515A3Verifies()
{
    const auto key = Jwk::toKey(QJsonDocument::fromJson(a3Jwk).object());
    QVERIFY2(key.ok(), why(key).constData());
    const auto jws = Jose::splitCompact(a3Token);
    QVERIFY2(jws.ok(), why(jws).constData());
    QCOMPARE(jws->header, QByteArray(R"({"alg":"ES256"})"));
    QVERIFY(jws->payload.contains("\"iss\":\"joe\""));
    QCOMPARE(jws->signature.size(), 64);
    const auto ok = Jose::verify(*key, JwsAlgorithm::ES256, jws->signingInput, jws->signature);
    QVERIFY2(ok.ok(), why(ok).constData());

    // One bit of payload or signature changed, and it no longer verifies.
    QByteArray input = jws->signingInput;
    input[input.size() - 1] = char(input.back() ^ 1);
    QCOMPARE(Jose::verify(*key, JwsAlgorithm::ES256, input, jws->signature).error().code,
             QStringLiteral("jose.bad_signature"));
    QByteArray sig = jws->signature;
    sig[10] = char(sig[10] ^ 0x40);
    QCOMPARE(Jose::verify(*key, JwsAlgorithm::ES256, jws->signingInput, sig).error().code,
             QStringLiteral("jose.bad_signature"));
    // The same signature under another algorithm or key is refused before any maths.
    QCOMPARE(
        Jose::verify(*key, JwsAlgorithm::ES384, jws->signingInput, jws->signature).error().code,
        QStringLiteral("jose.curve_mismatch"));
    QCOMPARE(
        Jose::verify(m_p256, JwsAlgorithm::ES256, jws->signingInput, jws->signature).error().code,
        QStringLiteral("jose.bad_signature"));
}

void TestJose::rfc7515A4Verifies()
{
    const auto key = Jwk::toKey(QJsonDocument::fromJson(a4Jwk).object());
    QVERIFY2(key.ok(), why(key).constData());
    QCOMPARE(Jwk::curveName(*key), QStringLiteral("P-521"));
    const auto jws = Jose::splitCompact(a4Token);
    QVERIFY2(jws.ok(), why(jws).constData());
    QCOMPARE(jws->payload, QByteArray("Payload"));
    QCOMPARE(jws->signature.size(), 132);
    const auto ok = Jose::verify(*key, JwsAlgorithm::ES512, jws->signingInput, jws->signature);
    QVERIFY2(ok.ok(), why(ok).constData());
    QCOMPARE(
        Jose::verify(*key, JwsAlgorithm::ES512, "eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZQ", jws->signature)
            .error()
            .code,
        QStringLiteral("jose.bad_signature"));
    // The JWK written back keeps the leading zero bytes of both coordinates.
    const QJsonObject back = *Jwk::fromKey(*key);
    QCOMPARE(back.value("x"), QJsonDocument::fromJson(a4Jwk).object().value("x"));
    QCOMPARE(back.value("y"), QJsonDocument::fromJson(a4Jwk).object().value("y"));
}

void TestJose::rfc7515A2SignsAndVerifies()
{
    const auto pub =
        Jwk::toKey(QJsonObject{{"kty", "RSA"}, {"n", QString::fromLatin1(a2N)}, {"e", "AQAB"}});
    QVERIFY2(pub.ok(), why(pub).constData());
    const auto jws = Jose::splitCompact(a2Token);
    QVERIFY(jws.ok());
    const auto ok = Jose::verify(*pub, JwsAlgorithm::RS256, jws->signingInput, jws->signature);
    QVERIFY2(ok.ok(), why(ok).constData());
    QVERIFY(!Jose::verify(*pub, JwsAlgorithm::RS384, jws->signingInput, jws->signature).ok());
    QVERIFY(!Jose::verify(*pub, JwsAlgorithm::PS256, jws->signingInput, jws->signature).ok());

    const Key priv = a2PrivateKey();
    QVERIFY(!priv.isNull());
    QVERIFY(priv.samePublicKey(*pub));
    const auto sig = Jose::sign(priv, JwsAlgorithm::RS256, jws->signingInput);
    QVERIFY2(sig.ok(), why(sig).constData());
    QCOMPARE(*sig, jws->signature);
    const auto token = Jose::signCompact({}, *Jose::base64UrlDecode(a2Token.split('.').at(1)), priv,
                                         JwsAlgorithm::RS256);
    QVERIFY(token.ok());
    QCOMPARE(*token, a2Token);
}

void TestJose::psychicSignatureRefused()
{
    // CVE-2022-21449: r = s = 0 must never verify, for any key or message.
    const auto key = Jwk::toKey(QJsonDocument::fromJson(a3Jwk).object());
    QVERIFY(key.ok());
    const auto jws = Jose::splitCompact(a3Token);
    QVERIFY(jws.ok());
    QCOMPARE(Jose::verify(*key, JwsAlgorithm::ES256, jws->signingInput, QByteArray(64, '\0'))
                 .error()
                 .code,
             QStringLiteral("jose.bad_signature"));
    QCOMPARE(Jose::verify(m_p521, JwsAlgorithm::ES512, "x", QByteArray(132, '\0')).error().code,
             QStringLiteral("jose.bad_signature"));
}

void TestJose::signVerifyRoundTrip_data()
{
    QTest::addColumn<JwsAlgorithm>("alg");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("sigBytes");
    QTest::newRow("ES256") << JwsAlgorithm::ES256 << QStringLiteral("p256") << 64;
    QTest::newRow("ES384") << JwsAlgorithm::ES384 << QStringLiteral("p384") << 96;
    QTest::newRow("ES512") << JwsAlgorithm::ES512 << QStringLiteral("p521") << 132;
    QTest::newRow("RS256") << JwsAlgorithm::RS256 << QStringLiteral("rsa") << 256;
    QTest::newRow("RS384") << JwsAlgorithm::RS384 << QStringLiteral("rsa") << 256;
    QTest::newRow("RS512") << JwsAlgorithm::RS512 << QStringLiteral("rsa") << 256;
    QTest::newRow("PS256") << JwsAlgorithm::PS256 << QStringLiteral("rsa") << 256;
    QTest::newRow("PS384") << JwsAlgorithm::PS384 << QStringLiteral("rsa") << 256;
    QTest::newRow("PS512") << JwsAlgorithm::PS512 << QStringLiteral("rsa") << 256;
}

void TestJose::signVerifyRoundTrip()
{
    QFETCH(JwsAlgorithm, alg);
    QFETCH(QString, key);
    QFETCH(int, sigBytes);
    const Key k = key == u"p256"   ? m_p256
                  : key == u"p384" ? m_p384
                  : key == u"p521" ? m_p521
                                   : m_rsa2048;
    const QJsonObject header{{"typ", "JWT"}};
    const auto token = Jose::signCompact(header, QByteArray(R"({"sub":"x"})"), k, alg);
    QVERIFY2(token.ok(), why(token).constData());
    const auto jws = Jose::splitCompact(*token);
    QVERIFY(jws.ok());
    QCOMPARE(jws->signature.size(), sigBytes);
    const QJsonObject h = QJsonDocument::fromJson(jws->header).object();
    QCOMPARE(h.value("alg").toString(), Jose::algorithmName(alg));
    QCOMPARE(jws->payload, QByteArray(R"({"sub":"x"})"));
    // Verifies with the public half only.
    const Key pub = k.publicKey();
    auto ok = Jose::verify(pub, alg, jws->signingInput, jws->signature);
    QVERIFY2(ok.ok(), why(ok).constData());
    QVERIFY(!Jose::verify(pub, alg, jws->signingInput + "x", jws->signature).ok());
    // Signing with a public key only is refused.
    QCOMPARE(Jose::sign(pub, alg, "x").error().code, QStringLiteral("jose.no_private_key"));
}

void TestJose::keyMustFitAlgorithm_data()
{
    QTest::addColumn<JwsAlgorithm>("alg");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("code");
    QTest::newRow("ES256 with P-256") << JwsAlgorithm::ES256 << "p256" << QString();
    QTest::newRow("ES256 with P-384") << JwsAlgorithm::ES256 << "p384"
                                      << "jose.curve_mismatch";
    QTest::newRow("ES384 with P-256") << JwsAlgorithm::ES384 << "p256"
                                      << "jose.curve_mismatch";
    QTest::newRow("ES512 with P-384") << JwsAlgorithm::ES512 << "p384"
                                      << "jose.curve_mismatch";
    QTest::newRow("ES256 with RSA") << JwsAlgorithm::ES256 << "rsa"
                                    << "jose.key_type_mismatch";
    QTest::newRow("RS256 with EC") << JwsAlgorithm::RS256 << "p256"
                                   << "jose.key_type_mismatch";
    QTest::newRow("PS256 with EC") << JwsAlgorithm::PS256 << "p256"
                                   << "jose.key_type_mismatch";
    QTest::newRow("RS256 with RSA 1024") << JwsAlgorithm::RS256 << "rsa1024"
                                         << "jose.rsa_key_too_small";
    QTest::newRow("PS512 with RSA 1024") << JwsAlgorithm::PS512 << "rsa1024"
                                         << "jose.rsa_key_too_small";
    QTest::newRow("RS512 with RSA 2048") << JwsAlgorithm::RS512 << "rsa" << QString();
    QTest::newRow("ES256 with secp256k1") << JwsAlgorithm::ES256 << "k1"
                                          << "jose.curve_mismatch";
    QTest::newRow("no key") << JwsAlgorithm::ES256 << "none"
                            << "jose.no_key";
}

void TestJose::keyMustFitAlgorithm()
{
    QFETCH(JwsAlgorithm, alg);
    QFETCH(QString, key);
    QFETCH(QString, code);
    const Key k = key == u"p256"      ? m_p256
                  : key == u"p384"    ? m_p384
                  : key == u"rsa"     ? m_rsa2048
                  : key == u"rsa1024" ? m_rsa1024
                  : key == u"k1"      ? Key(EvpPkeyPtr(EVP_EC_gen("secp256k1")))
                                      : Key();
    const auto fits = Jose::checkKeyFits(k, alg);
    if (code.isEmpty()) {
        QVERIFY2(fits.ok(), why(fits).constData());
        return;
    }
    QVERIFY(!fits.ok());
    QCOMPARE(fits.error().code, code);
    // Neither signing nor verifying gets past the same check.
    QCOMPARE(Jose::sign(k, alg, "x").error().code, code);
    QCOMPARE(Jose::verify(k, alg, "x", QByteArray(64, 'x')).error().code, code);
}

void TestJose::algorithmNames()
{
    const QStringList names{"ES256", "ES384", "ES512", "RS256", "RS384",
                            "RS512", "PS256", "PS384", "PS512"};
    for (const QString &name : names) {
        const auto alg = Jose::algorithmFromName(name);
        QVERIFY(alg.has_value());
        QCOMPARE(Jose::algorithmName(*alg), name);
    }
    for (const char *name : {"none", "HS256", "EdDSA", "es256", "ES256K", "RS1", ""})
        QVERIFY2(!Jose::algorithmFromName(QString::fromLatin1(name)), name);
    QCOMPARE(Jose::defaultAlgorithm(m_p256), std::optional(JwsAlgorithm::ES256));
    QCOMPARE(Jose::defaultAlgorithm(m_p384), std::optional(JwsAlgorithm::ES384));
    QCOMPARE(Jose::defaultAlgorithm(m_p521), std::optional(JwsAlgorithm::ES512));
    QCOMPARE(Jose::defaultAlgorithm(m_rsa2048), std::optional(JwsAlgorithm::RS256));
}

void TestJose::ecdsaConversion()
{
    // r and s with leading zero bytes must come back at full width.
    QByteArray raw(64, '\0');
    raw[31] = 1;
    raw[63] = 2;
    const auto der = Jose::ecdsaRawToDer(raw);
    QVERIFY(der.ok());
    QCOMPARE(*der, QByteArray::fromHex("3006020101020102"));
    QCOMPARE(*Jose::ecdsaDerToRaw(*der, 32), raw);
    QCOMPARE(Jose::ecdsaRawToDer(QByteArray(63, 'x')).error().code,
             QStringLiteral("jose.bad_signature_length"));
    QCOMPARE(Jose::ecdsaDerToRaw("garbage", 32).error().code, QStringLiteral("jose.bad_ecdsa_der"));
    // A coordinate wider than the curve cannot be squeezed into it.
    QCOMPARE(Jose::ecdsaDerToRaw(*Jose::ecdsaRawToDer(QByteArray(66, '\x7f')), 32).error().code,
             QStringLiteral("jose.bad_ecdsa_der"));

    // A DER signature, as OpenSSL makes it, is not a JOSE signature.
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    QVERIFY(EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_p256.get()) == 1);
    unsigned char sig[80];
    size_t len = sizeof sig;
    QVERIFY(EVP_DigestSign(ctx.get(), sig, &len, reinterpret_cast<const unsigned char *>("in"),
                           2) == 1);
    const QByteArray derSig(reinterpret_cast<const char *>(sig), qsizetype(len));
    QCOMPARE(Jose::verify(m_p256, JwsAlgorithm::ES256, "in", derSig).error().code,
             QStringLiteral("jose.bad_signature_length"));
    const auto converted = Jose::ecdsaDerToRaw(derSig, 32);
    QVERIFY(converted.ok());
    QVERIFY(Jose::verify(m_p256, JwsAlgorithm::ES256, "in", *converted).ok());
}

void TestJose::pssUsesDigestLengthSalt()
{
    // RFC 7518 3.5: salt as long as the hash. OpenSSL, told that salt length explicitly,
    // verifies our PS256 signature, and refuses it with another salt length.
    const auto sig = Jose::sign(m_rsa2048, JwsAlgorithm::PS256, "input");
    QVERIFY(sig.ok());
    auto verifyWithSalt = [&](int salt) {
        EvpMdCtxPtr ctx(EVP_MD_CTX_new());
        EVP_PKEY_CTX *pctx = nullptr;
        if (EVP_DigestVerifyInit(ctx.get(), &pctx, EVP_sha256(), nullptr, m_rsa2048.get()) != 1)
            return false;
        EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, salt);
        return EVP_DigestVerify(
                   ctx.get(), reinterpret_cast<const unsigned char *>(sig->constData()),
                   size_t(sig->size()), reinterpret_cast<const unsigned char *>("input"), 5) == 1;
    };
    QVERIFY(verifyWithSalt(32));
    QVERIFY(!verifyWithSalt(20));
    // PS and RS are different schemes: neither verifies as the other.
    QCOMPARE(Jose::verify(m_rsa2048, JwsAlgorithm::RS256, "input", *sig).error().code,
             QStringLiteral("jose.bad_signature"));
    const auto rs = Jose::sign(m_rsa2048, JwsAlgorithm::RS256, "input");
    QVERIFY(rs.ok());
    QVERIFY(!Jose::verify(m_rsa2048, JwsAlgorithm::PS256, "input", *rs).ok());
    // PKCS#1 v1.5 is deterministic; PSS is not.
    QCOMPARE(*Jose::sign(m_rsa2048, JwsAlgorithm::RS256, "input"), *rs);
    QVERIFY(*Jose::sign(m_rsa2048, JwsAlgorithm::PS256, "input") != *sig);
}

void TestJose::splitCompact_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("code");
    QTest::newRow("three parts") << QByteArray("eyJ9.e30.AA") << QString();
    QTest::newRow("empty signature part") << QByteArray("eyJ9.e30.") << QString();
    QTest::newRow("empty") << QByteArray() << "jose.not_compact";
    QTest::newRow("one part") << QByteArray("eyJ9") << "jose.not_compact";
    QTest::newRow("two parts") << QByteArray("eyJ9.e30") << "jose.not_compact";
    QTest::newRow("four parts") << QByteArray("eyJ9.e30.AA.AA") << "jose.not_compact";
    QTest::newRow("five parts (JWE)") << QByteArray("eyJ9.AA.AA.AA.AA") << "jose.not_compact";
    QTest::newRow("padded header") << QByteArray("e30=.e30.AA") << "jose.bad_base64url";
    QTest::newRow("bad payload char") << QByteArray("e30.e3+.AA") << "jose.bad_base64url";
    QTest::newRow("bad signature char") << QByteArray("e30.e30.A A") << "jose.bad_base64url";
}

void TestJose::splitCompact()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, code);
    const auto jws = Jose::splitCompact(token);
    // A token given up splits alike; unshared, its array becomes the signing input (no copy);
    // shared, the other holder's bytes stay whole.
    QByteArray given(token.constData(), token.size());
    const char *givenBytes = given.constData();
    const auto fromGiven = Jose::splitCompact(std::move(given));
    const QByteArray held = token;
    const auto fromShared = Jose::splitCompact(QByteArray(held));
    QCOMPARE(held, token);
    if (code.isEmpty()) {
        QVERIFY2(jws.ok(), why(jws).constData());
        QCOMPARE(jws->signingInput, token.left(token.lastIndexOf('.')));
        for (const auto *other : {&fromGiven, &fromShared}) {
            QVERIFY2(other->ok(), why(*other).constData());
            QCOMPARE((*other)->signingInput, jws->signingInput);
            QCOMPARE((*other)->header, jws->header);
            QCOMPARE((*other)->payload, jws->payload);
            QCOMPARE((*other)->signature, jws->signature);
        }
        QCOMPARE(fromGiven->signingInput.constData(), givenBytes);
        return;
    }
    QVERIFY(!jws.ok());
    QCOMPARE(jws.error().code, code);
    QCOMPARE(fromGiven.error().code, code);
    QCOMPARE(fromShared.error().code, code);
}

QTEST_GUILESS_MAIN(TestJose)
#include "tst_jose.moc"
