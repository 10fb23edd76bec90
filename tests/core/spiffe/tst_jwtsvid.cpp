// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/Jose.h"
#include "core/spiffe/JwtSvid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>

using namespace ta::core;

Q_DECLARE_METATYPE(ta::core::JwsAlgorithm)

namespace {

template <typename R>
QByteArray why(const R &r)
{
    return r.ok() ? QByteArray() : r.error().toString().toUtf8();
}

QByteArray b64(const QByteArray &data)
{
    return Jose::base64UrlEncode(data);
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A token from raw parts, nothing checked: the way an attacker builds one.
QByteArray raw(const QByteArray &header, const QByteArray &claims, const QByteArray &signature)
{
    return b64(header) + '.' + b64(claims) + '.' + b64(signature);
}

// A token whose header is exactly @p header (its "alg" included), signed with @p alg.
QByteArray signedToken(const QJsonObject &header, const QJsonObject &claims, const Key &key,
                       JwsAlgorithm alg)
{
    const QByteArray input = b64(compact(header)) + '.' + b64(compact(claims));
    const auto sig = Jose::sign(key, alg, input);
    return sig ? input + '.' + b64(*sig) : QByteArray();
}

QJsonObject with(QJsonObject o, const char *key, const QJsonValue &value)
{
    if (value.isUndefined())
        o.remove(QLatin1String(key));
    else
        o.insert(QLatin1String(key), value);
    return o;
}

const QString audience = QStringLiteral("svc");

} // namespace

class TestJwtSvid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validate_data();
    void validate();
    void roundTripEveryAlgorithm_data();
    void roundTripEveryAlgorithm();
    void mintExportImportValidate();
    void mintedForm();
    void mintRefusals();
    void leewayIsConfigurable();
    void singleBundle();
    void subjectTrustDomainPicksTheBundle();
    void revokedKeyRefused();
    void expectedAudienceRequired();

private:
    QDateTime m_now;
    TrustDomain m_td, m_otherTd;
    SpiffeId m_sub;
    Key m_ec, m_ec2, m_rsa, m_stranger;
    TrustBundle m_bundle;
    TrustBundleSet m_set;
    QJsonObject m_header, m_claims;
};

void TestJwtSvid::initTestCase()
{
    m_now = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    m_td = *TrustDomain::fromName(u"example.org");
    m_otherTd = *TrustDomain::fromName(u"other.example");
    m_sub = *SpiffeId::fromString(u"spiffe://example.org/ns/pay/sa/api");
    m_ec = *Key::generate(KeyType::EcP256);
    m_ec2 = *Key::generate(KeyType::EcP256);
    m_rsa = *Key::generate(KeyType::Rsa2048);
    m_stranger = *Key::generate(KeyType::EcP256);
    m_bundle = TrustBundle(m_td);
    QVERIFY(m_bundle.addJwtAuthority("ec", m_ec).ok());
    QVERIFY(m_bundle.addJwtAuthority("ec2", m_ec2).ok());
    QVERIFY(m_bundle.addJwtAuthority("rsa", m_rsa).ok());
    m_set.insert(m_bundle);
    // A second trusted trust domain whose bundle holds none of the keys above.
    TrustBundle other(m_otherTd);
    QVERIFY(other.addJwtAuthority("o", m_stranger).ok());
    m_set.insert(other);

    const qint64 now = m_now.toSecsSinceEpoch();
    m_header = {{"alg", "ES256"}, {"kid", "ec"}, {"typ", "JWT"}};
    m_claims = {
        {"sub", m_sub.toString()}, {"aud", audience}, {"exp", now + 300}, {"iat", now - 10}};
}

void TestJwtSvid::validate_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<bool>("requireKid");
    QTest::addColumn<QString>("code");

    const qint64 now = m_now.toSecsSinceEpoch();
    const QJsonObject h = m_header;
    const QJsonObject c = m_claims;
    auto es = [&](const QJsonObject &hh, const QJsonObject &cc) {
        return signedToken(hh, cc, m_ec, JwsAlgorithm::ES256);
    };
    auto ok = [](const char *row, const QByteArray &token, bool requireKid = true) {
        QTest::newRow(row) << token << requireKid << QString();
    };
    auto bad = [](const char *row, const QByteArray &token, const char *code,
                  bool requireKid = true) {
        QTest::newRow(row) << token << requireKid << QString::fromLatin1(code);
    };
    const QByteArray good = es(h, c);
    const QByteArray goodInput = good.left(good.lastIndexOf('.'));
    const QByteArray goodSig = *Jose::base64UrlDecode(good.mid(good.lastIndexOf('.') + 1));

    ok("valid", good);
    ok("valid: typ JOSE", es(with(h, "typ", "JOSE"), c));
    ok("valid: no typ", es(with(h, "typ", QJsonValue::Undefined), c));
    ok("valid: aud array containing ours", es(h, with(c, "aud", QJsonArray{"other", audience})));
    ok("valid: no kid when kid is optional", es(with(h, "kid", QJsonValue::Undefined), c), false);
    ok("valid: kid when kid is optional", good, false);
    ok("valid: expired within leeway", es(h, with(c, "exp", now - 10)));
    ok("valid: nbf within leeway", es(h, with(c, "nbf", now + 20)));
    ok("valid: nbf in the past", es(h, with(c, "nbf", now - 60)));
    ok("valid: iat within leeway", es(h, with(c, "iat", now + 20)));
    ok("valid: no iat", es(h, with(c, "iat", QJsonValue::Undefined)));
    ok("valid: fractional exp", es(h, with(c, "exp", double(now) + 300.5)));
    ok("valid: private claim", es(h, with(c, "tenant", "blue")));
    ok("valid: RS256 by the RSA authority",
       signedToken(with(with(h, "alg", "RS256"), "kid", "rsa"), c, m_rsa, JwsAlgorithm::RS256));
    ok("valid: PS512 by the RSA authority",
       signedToken(with(with(h, "alg", "PS512"), "kid", "rsa"), c, m_rsa, JwsAlgorithm::PS512));

    // alg: only the nine, each family of outsiders named.
    const QByteArray claimsJson = compact(c);
    bad("alg none, empty signature", raw(R"({"alg":"none","typ":"JWT"})", claimsJson, {}),
        "jwtsvid.alg_none");
    bad("alg none with a kid", raw(R"({"alg":"none","kid":"ec"})", claimsJson, {}),
        "jwtsvid.alg_none");
    bad("alg NONE", raw(R"({"alg":"NONE"})", claimsJson, "x"), "jwtsvid.alg_none");
    {
        // The key-confusion attack: HMAC keyed with the authority's public key.
        const QByteArray input =
            b64(R"({"alg":"HS256","kid":"ec","typ":"JWT"})") + '.' + b64(claimsJson);
        const QByteArray mac =
            QMessageAuthenticationCode::hash(input, m_ec.publicPem(), QCryptographicHash::Sha256);
        bad("alg HS256 keyed with the public key", input + '.' + b64(mac), "jwtsvid.alg_hmac");
    }
    bad("alg HS512", raw(R"({"alg":"HS512","kid":"ec"})", claimsJson, "x"), "jwtsvid.alg_hmac");
    bad("alg EdDSA", raw(R"({"alg":"EdDSA","kid":"ec"})", claimsJson, "x"), "jwtsvid.alg_eddsa");
    bad("alg ES256K", raw(R"({"alg":"ES256K","kid":"ec"})", claimsJson, "x"),
        "jwtsvid.alg_not_allowed");
    bad("alg es256 lowercase", raw(R"({"alg":"es256","kid":"ec"})", claimsJson, "x"),
        "jwtsvid.alg_not_allowed");
    bad("alg RSA-OAEP (a JWE alg)", raw(R"({"alg":"RSA-OAEP","kid":"ec"})", claimsJson, "x"),
        "jwtsvid.alg_not_allowed");
    bad("alg missing", es(with(h, "alg", QJsonValue::Undefined), c), "jwtsvid.alg_missing");
    bad("alg not a string", raw(R"({"alg":256,"kid":"ec"})", claimsJson, "x"),
        "jwtsvid.alg_missing");

    // Header members: alg, kid, typ and nothing else.
    bad("crit present", es(with(h, "crit", QJsonArray{"exp"}), c), "jwtsvid.crit_not_supported");
    bad("crit empty", es(with(h, "crit", QJsonArray{}), c), "jwtsvid.crit_not_supported");
    bad("header jwk (key injection)", es(with(h, "jwk", QJsonObject{{"kty", "EC"}}), c),
        "jwtsvid.header_not_allowed");
    bad("header jku", es(with(h, "jku", "https://evil.example/jwks"), c),
        "jwtsvid.header_not_allowed");
    bad("header x5c", es(with(h, "x5c", QJsonArray{"AAAA"}), c), "jwtsvid.header_not_allowed");
    bad("header cty", es(with(h, "cty", "JWT"), c), "jwtsvid.header_not_allowed");
    bad("header private member", es(with(h, "x-custom", 1), c), "jwtsvid.header_not_allowed");
    bad("typ at+jwt", es(with(h, "typ", "at+jwt"), c), "jwtsvid.typ_not_allowed");
    bad("typ lowercase jwt", es(with(h, "typ", "jwt"), c), "jwtsvid.typ_not_allowed");
    bad("typ not a string", es(with(h, "typ", 1), c), "jwtsvid.typ_not_allowed");

    // kid and the key it names.
    bad("kid missing", es(with(h, "kid", QJsonValue::Undefined), c), "jwtsvid.kid_missing");
    bad("kid empty", es(with(h, "kid", ""), c), "jwtsvid.kid_invalid");
    bad("kid not a string", es(with(h, "kid", 7), c), "jwtsvid.kid_invalid");
    bad("kid unknown", es(with(h, "kid", "nope"), c), "jwtsvid.unknown_kid");
    bad("kid unknown when kid is optional", es(with(h, "kid", "nope"), c), "jwtsvid.unknown_kid",
        false);
    bad("kid switched to another authority", es(with(h, "kid", "ec2"), c), "jwtsvid.bad_signature");
    bad("kid of the RSA authority under ES256", es(with(h, "kid", "rsa"), c),
        "jwtsvid.key_alg_mismatch");
    bad("RS256 naming an EC authority",
        signedToken(with(h, "alg", "RS256"), c, m_rsa, JwsAlgorithm::RS256),
        "jwtsvid.key_alg_mismatch");
    bad("no kid, signed by a stranger",
        signedToken(with(h, "kid", QJsonValue::Undefined), c, m_stranger, JwsAlgorithm::ES256),
        "jwtsvid.bad_signature", false);
    bad("signed by a stranger under a known kid",
        signedToken(h, c, m_stranger, JwsAlgorithm::ES256), "jwtsvid.bad_signature");

    // Signature over exactly what was sent.
    bad("tampered payload",
        b64(compact(h)) + '.' + b64(compact(with(c, "sub", "spiffe://example.org/admin"))) + '.' +
            b64(goodSig),
        "jwtsvid.bad_signature");
    bad("tampered header",
        b64(compact(with(h, "typ", "JOSE"))) + '.' + b64(compact(c)) + '.' + b64(goodSig),
        "jwtsvid.bad_signature");
    bad("signature truncated", goodInput + '.' + b64(goodSig.left(63)), "jwtsvid.bad_signature");
    bad("signature empty", goodInput + '.', "jwtsvid.bad_signature");
    bad("signature bit flipped",
        goodInput + '.' +
            b64(QByteArray(goodSig).replace(0, 1, QByteArray(1, char(goodSig[0] ^ 1)))),
        "jwtsvid.bad_signature");
    bad("psychic signature (r = s = 0)", goodInput + '.' + b64(QByteArray(64, '\0')),
        "jwtsvid.bad_signature");
    bad("signature as DER", goodInput + '.' + b64(*Jose::ecdsaRawToDer(goodSig)),
        "jwtsvid.bad_signature");

    // Structure: JWS compact, strict base64url, JSON objects.
    bad("empty token", QByteArray(), "jwtsvid.malformed");
    bad("two parts", goodInput, "jwtsvid.malformed");
    bad("four parts", good + ".AA", "jwtsvid.malformed");
    bad("JWE-shaped", good + ".AA.AA", "jwtsvid.malformed");
    bad("padded base64", b64(compact(h)) + "=." + b64(compact(c)) + '.' + b64(goodSig),
        "jwtsvid.bad_base64url");
    bad("standard base64 alphabet", good + "+", "jwtsvid.bad_base64url");
    bad("surrounding whitespace", " " + good, "jwtsvid.bad_base64url");
    bad("header not JSON", raw("{alg:ES256}", claimsJson, "x"), "jwtsvid.header_not_object");
    bad("header a JSON array", raw(R"(["ES256"])", claimsJson, "x"), "jwtsvid.header_not_object");
    bad("claims not JSON", raw(compact(h), "sub=x", "x"), "jwtsvid.claims_not_object");
    bad("claims a JSON string", raw(compact(h), R"("spiffe://example.org/a")", "x"),
        "jwtsvid.claims_not_object");

    // Subject and trust domain.
    bad("sub missing", es(h, with(c, "sub", QJsonValue::Undefined)), "jwtsvid.sub_missing");
    bad("sub not a string", es(h, with(c, "sub", 1)), "jwtsvid.sub_missing");
    bad("sub not a SPIFFE ID", es(h, with(c, "sub", "https://example.org/a")),
        "jwtsvid.sub_invalid");
    bad("sub with trailing slash", es(h, with(c, "sub", "spiffe://example.org/a/")),
        "jwtsvid.sub_invalid");
    bad("sub with uppercase trust domain", es(h, with(c, "sub", "spiffe://EXAMPLE.org/a")),
        "jwtsvid.sub_invalid");
    bad("sub of an unknown trust domain", es(h, with(c, "sub", "spiffe://evil.example/a")),
        "jwtsvid.unknown_trust_domain");
    bad("sub of another trusted trust domain, our key",
        es(h, with(c, "sub", "spiffe://other.example/a")), "jwtsvid.unknown_kid");

    // Time.
    bad("exp missing", es(h, with(c, "exp", QJsonValue::Undefined)), "jwtsvid.exp_missing");
    bad("exp a string", es(h, with(c, "exp", QString::number(now + 300))), "jwtsvid.exp_invalid");
    bad("expired", es(h, with(c, "exp", now - 3600)), "jwtsvid.expired");
    bad("expired exactly at the leeway", es(h, with(c, "exp", now - 30)), "jwtsvid.expired");
    bad("nbf in the future", es(h, with(c, "nbf", now + 31)), "jwtsvid.not_yet_valid");
    bad("nbf a string", es(h, with(c, "nbf", "soon")), "jwtsvid.nbf_invalid");
    bad("iat in the future", es(h, with(c, "iat", now + 31)), "jwtsvid.issued_in_future");
    bad("iat a string", es(h, with(c, "iat", "now")), "jwtsvid.iat_invalid");
    // Out-of-range NumericDates are refused, never converted: 1e300 overflowed to a date.
    bad("exp 1e300", es(h, with(c, "exp", 1e300)), "jwtsvid.exp_invalid");
    bad("exp negative", es(h, with(c, "exp", -1.0)), "jwtsvid.exp_invalid");
    bad("exp past year 9999", es(h, with(c, "exp", 253402300800.0)), "jwtsvid.exp_invalid");
    bad("nbf -1e300", es(h, with(c, "nbf", -1e300)), "jwtsvid.nbf_invalid");
    bad("iat 1e300", es(h, with(c, "iat", 1e300)), "jwtsvid.iat_invalid");

    // Audience.
    bad("aud missing", es(h, with(c, "aud", QJsonValue::Undefined)), "jwtsvid.aud_missing");
    bad("aud empty array", es(h, with(c, "aud", QJsonArray{})), "jwtsvid.aud_missing");
    bad("aud a number", es(h, with(c, "aud", 5)), "jwtsvid.aud_invalid");
    bad("aud array with a number", es(h, with(c, "aud", QJsonArray{audience, 5})),
        "jwtsvid.aud_invalid");
    bad("wrong audience", es(h, with(c, "aud", "other")), "jwtsvid.audience_mismatch");
    bad("audience differs in case", es(h, with(c, "aud", "SVC")), "jwtsvid.audience_mismatch");
    bad("aud array without ours", es(h, with(c, "aud", QJsonArray{"a", "b"})),
        "jwtsvid.audience_mismatch");
}

void TestJwtSvid::validate()
{
    QFETCH(QByteArray, token);
    QFETCH(bool, requireKid);
    QFETCH(QString, code);
    JwtSvid::ValidationOptions options;
    options.requireKid = requireKid;
    const auto svid = JwtSvid::validate(token, m_set, audience, m_now, options);
    if (!code.isEmpty()) {
        QVERIFY2(!svid.ok(), token.constData());
        QCOMPARE(svid.error().code, code);
        return;
    }
    QVERIFY2(svid.ok(), why(svid).constData());
    QCOMPARE(svid->subject(), m_sub);
    QVERIFY(svid->audience().contains(audience));
    QVERIFY(svid->expiry() > m_now.addSecs(-30));
    QCOMPARE(svid->token(), token);
    QCOMPARE(svid->claims().value("sub").toString(), m_sub.toString());
}

void TestJwtSvid::roundTripEveryAlgorithm_data()
{
    QTest::addColumn<JwsAlgorithm>("alg");
    QTest::addColumn<QString>("curve"); // empty: RSA 2048
    QTest::newRow("ES256") << JwsAlgorithm::ES256 << QStringLiteral("P-256");
    QTest::newRow("ES384") << JwsAlgorithm::ES384 << QStringLiteral("P-384");
    QTest::newRow("ES512") << JwsAlgorithm::ES512 << QStringLiteral("P-521");
    QTest::newRow("RS256") << JwsAlgorithm::RS256 << QString();
    QTest::newRow("RS384") << JwsAlgorithm::RS384 << QString();
    QTest::newRow("RS512") << JwsAlgorithm::RS512 << QString();
    QTest::newRow("PS256") << JwsAlgorithm::PS256 << QString();
    QTest::newRow("PS384") << JwsAlgorithm::PS384 << QString();
    QTest::newRow("PS512") << JwsAlgorithm::PS512 << QString();
}

void TestJwtSvid::roundTripEveryAlgorithm()
{
    QFETCH(JwsAlgorithm, alg);
    QFETCH(QString, curve);
    const Key key =
        curve.isEmpty() ? m_rsa : Key(EvpPkeyPtr(EVP_EC_gen(curve.toLatin1().constData())));
    TrustBundle bundle(m_td);
    QVERIFY(bundle.addJwtAuthority("k", key).ok());
    const auto minted = JwtSvid::mint(key, "k", m_sub, {audience}, m_now, m_now.addSecs(300), alg);
    QVERIFY2(minted.ok(), why(minted).constData());
    QCOMPARE(minted->algorithm(), alg);

    const auto svid = JwtSvid::validate(minted->token(), bundle, audience, m_now.addSecs(60));
    QVERIFY2(svid.ok(), why(svid).constData());
    QCOMPARE(svid->algorithm(), alg);
    QCOMPARE(svid->header().value("alg").toString(), Jose::algorithmName(alg));
    QCOMPARE(svid->subject(), m_sub);
    QCOMPARE(svid->audience(), QStringList{audience});
    QCOMPARE(svid->expiry(), m_now.addSecs(300));
    QCOMPARE(svid->issuedAt(), m_now);
    QCOMPARE(svid->keyId(), QStringLiteral("k"));
    QCOMPARE(svid->claims(), minted->claims());
    // A key of the same kind but not the authority's is refused.
    TrustBundle wrong(m_td);
    const Key other = curve.isEmpty() ? *Key::generate(KeyType::Rsa2048)
                                      : Key(EvpPkeyPtr(EVP_EC_gen(curve.toLatin1().constData())));
    QVERIFY(wrong.addJwtAuthority("k", other).ok());
    QCOMPARE(JwtSvid::validate(minted->token(), wrong, audience, m_now).error().code,
             QStringLiteral("jwtsvid.bad_signature"));
}

void TestJwtSvid::mintExportImportValidate()
{
    // The authority publishes its bundle as a SPIFFE JWKS; a relying party reads it back and
    // validates the token with nothing else.
    TrustBundle published(m_td);
    QVERIFY(published.addJwtAuthority("ec", m_ec).ok());
    QVERIFY(published.addJwtAuthority("rsa", m_rsa).ok());
    const QByteArray jwks = published.toJwks();
    const auto imported = TrustBundle::fromJwks(m_td, jwks);
    QVERIFY2(imported.ok(), why(imported).constData());
    TrustBundleSet set;
    set.insert(*imported);
    for (const auto &[key, kid] :
         {std::pair{m_ec, QStringLiteral("ec")}, std::pair{m_rsa, QStringLiteral("rsa")}}) {
        const auto minted = JwtSvid::mint(key, kid, m_sub, {audience}, m_now, m_now.addSecs(300));
        QVERIFY2(minted.ok(), why(minted).constData());
        const auto svid = JwtSvid::validate(minted->token(), set, audience, m_now);
        QVERIFY2(svid.ok(), why(svid).constData());
        QCOMPARE(svid->keyId(), kid);
    }
    // A PEM bundle carries no JWT authorities: nothing validates against it.
    const auto minted = JwtSvid::mint(m_ec, "ec", m_sub, {audience}, m_now, m_now.addSecs(300));
    QVERIFY(minted.ok());
    const auto empty = TrustBundle::fromJwks(m_td, R"({"keys":[]})");
    QVERIFY(empty.ok());
    QCOMPARE(JwtSvid::validate(minted->token(), *empty, audience, m_now).error().code,
             QStringLiteral("jwtsvid.unknown_kid"));
}

void TestJwtSvid::mintedForm()
{
    const QJsonObject extra{{"sub", "spiffe://example.org/evil"}, {"tenant", "blue"}};
    const auto one = JwtSvid::mint(m_ec, "ec", m_sub, {audience}, m_now, m_now.addSecs(300),
                                   std::nullopt, extra);
    QVERIFY2(one.ok(), why(one).constData());
    const auto jws = Jose::splitCompact(one->token());
    QVERIFY(jws.ok());
    const QJsonObject header = QJsonDocument::fromJson(jws->header).object();
    QCOMPARE(header, (QJsonObject{{"alg", "ES256"}, {"kid", "ec"}, {"typ", "JWT"}}));
    const QJsonObject claims = QJsonDocument::fromJson(jws->payload).object();
    // One audience is a string; the extra claims cannot replace the subject.
    QCOMPARE(claims.value("aud"), QJsonValue(audience));
    QCOMPARE(claims.value("sub").toString(), m_sub.toString());
    QCOMPARE(claims.value("tenant").toString(), QStringLiteral("blue"));
    QCOMPARE(claims.value("exp").toInteger(), m_now.toSecsSinceEpoch() + 300);
    QCOMPARE(claims.value("iat").toInteger(), m_now.toSecsSinceEpoch());
    QCOMPARE(one->header(), header);

    const auto two = JwtSvid::mint(m_ec, "ec", m_sub, {"a", "b"}, m_now, m_now.addSecs(300));
    QVERIFY(two.ok());
    const QJsonObject claims2 =
        QJsonDocument::fromJson(Jose::splitCompact(two->token())->payload).object();
    QCOMPARE(claims2.value("aud"), QJsonValue(QJsonArray{"a", "b"}));
    QCOMPARE(JwtSvid::validate(two->token(), m_set, "b", m_now)->audience(),
             (QStringList{"a", "b"}));
}

void TestJwtSvid::mintRefusals()
{
    const QDateTime exp = m_now.addSecs(300);
    QCOMPARE(JwtSvid::mint(m_ec, "ec", m_sub, {}, m_now, exp).error().code,
             QStringLiteral("jwtsvid.mint_no_audience"));
    QCOMPARE(JwtSvid::mint(m_ec, "ec", m_sub, {""}, m_now, exp).error().code,
             QStringLiteral("jwtsvid.mint_no_audience"));
    QCOMPARE(JwtSvid::mint(m_ec, "", m_sub, {audience}, m_now, exp).error().code,
             QStringLiteral("jwtsvid.mint_no_kid"));
    QCOMPARE(JwtSvid::mint(m_ec, "ec", SpiffeId(), {audience}, m_now, exp).error().code,
             QStringLiteral("jwtsvid.mint_no_subject"));
    QCOMPARE(JwtSvid::mint(m_ec, "ec", m_sub, {audience}, m_now, m_now).error().code,
             QStringLiteral("jwtsvid.mint_bad_lifetime"));
    QCOMPARE(JwtSvid::mint(m_ec, "ec", m_sub, {audience}, m_now, QDateTime()).error().code,
             QStringLiteral("jwtsvid.mint_bad_lifetime"));
    const Key ed(EvpPkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")));
    QCOMPARE(JwtSvid::mint(ed, "ed", m_sub, {audience}, m_now, exp).error().code,
             QStringLiteral("jwtsvid.mint_unsupported_key"));
    QCOMPARE(
        JwtSvid::mint(m_ec, "ec", m_sub, {audience}, m_now, exp, JwsAlgorithm::ES384).error().code,
        QStringLiteral("jose.curve_mismatch"));
    QCOMPARE(JwtSvid::mint(m_ec.publicKey(), "ec", m_sub, {audience}, m_now, exp).error().code,
             QStringLiteral("jose.no_private_key"));
}

void TestJwtSvid::leewayIsConfigurable()
{
    const qint64 now = m_now.toSecsSinceEpoch();
    const QByteArray justExpired =
        signedToken(m_header, with(m_claims, "exp", now - 10), m_ec, JwsAlgorithm::ES256);
    JwtSvid::ValidationOptions strict;
    strict.leeway = std::chrono::seconds(0);
    QVERIFY(JwtSvid::validate(justExpired, m_set, audience, m_now).ok());
    QCOMPARE(JwtSvid::validate(justExpired, m_set, audience, m_now, strict).error().code,
             QStringLiteral("jwtsvid.expired"));
    const QByteArray longExpired =
        signedToken(m_header, with(m_claims, "exp", now - 100), m_ec, JwsAlgorithm::ES256);
    JwtSvid::ValidationOptions loose;
    loose.leeway = std::chrono::seconds(120);
    QCOMPARE(JwtSvid::validate(longExpired, m_set, audience, m_now).error().code,
             QStringLiteral("jwtsvid.expired"));
    QVERIFY(JwtSvid::validate(longExpired, m_set, audience, m_now, loose).ok());
    // exp exactly now with no leeway: RFC 7519 wants now strictly before exp.
    const QByteArray expNow =
        signedToken(m_header, with(m_claims, "exp", now), m_ec, JwsAlgorithm::ES256);
    QCOMPARE(JwtSvid::validate(expNow, m_set, audience, m_now, strict).error().code,
             QStringLiteral("jwtsvid.expired"));
    QVERIFY(JwtSvid::validate(expNow, m_set, audience, m_now.addMSecs(-1), strict).ok());
}

void TestJwtSvid::singleBundle()
{
    const auto minted = JwtSvid::mint(m_ec, "ec", m_sub, {audience}, m_now, m_now.addSecs(300));
    QVERIFY(minted.ok());
    QVERIFY(JwtSvid::validate(minted->token(), m_bundle, audience, m_now).ok());
    // The same key vouching for another trust domain's ID: refused by a bundle of example.org.
    const auto foreign =
        JwtSvid::mint(m_ec, "ec", *SpiffeId::fromString(u"spiffe://other.example/a"), {audience},
                      m_now, m_now.addSecs(300));
    QVERIFY(foreign.ok());
    QCOMPARE(JwtSvid::validate(foreign->token(), m_bundle, audience, m_now).error().code,
             QStringLiteral("jwtsvid.unknown_trust_domain"));
}

void TestJwtSvid::subjectTrustDomainPicksTheBundle()
{
    // other.example's own authority vouches for its own IDs, and only for them.
    const auto ours =
        JwtSvid::mint(m_stranger, "o", *SpiffeId::fromString(u"spiffe://other.example/x"),
                      {audience}, m_now, m_now.addSecs(300));
    QVERIFY(ours.ok());
    const auto svid = JwtSvid::validate(ours->token(), m_set, audience, m_now);
    QVERIFY2(svid.ok(), why(svid).constData());
    QVERIFY(svid->subject().memberOf(m_otherTd));
    const auto impostor =
        JwtSvid::mint(m_stranger, "o", m_sub, {audience}, m_now, m_now.addSecs(300));
    QVERIFY(impostor.ok());
    QCOMPARE(JwtSvid::validate(impostor->token(), m_set, audience, m_now).error().code,
             QStringLiteral("jwtsvid.unknown_kid"));
}

void TestJwtSvid::revokedKeyRefused()
{
    const auto minted = JwtSvid::mint(m_ec2, "ec2", m_sub, {audience}, m_now, m_now.addSecs(300));
    QVERIFY(minted.ok());
    TrustBundle bundle = m_bundle;
    QVERIFY(JwtSvid::validate(minted->token(), bundle, audience, m_now).ok());
    QVERIFY(bundle.removeJwtAuthority("ec2"));
    QCOMPARE(JwtSvid::validate(minted->token(), bundle, audience, m_now).error().code,
             QStringLiteral("jwtsvid.unknown_kid"));
    // With kid optional, the token is tried against the remaining keys and still refused.
    JwtSvid::ValidationOptions options;
    options.requireKid = false;
    const QByteArray noKid = signedToken(with(m_header, "kid", QJsonValue::Undefined), m_claims,
                                         m_ec2, JwsAlgorithm::ES256);
    QVERIFY(JwtSvid::validate(noKid, m_bundle, audience, m_now, options).ok());
    QCOMPARE(JwtSvid::validate(noKid, bundle, audience, m_now, options).error().code,
             QStringLiteral("jwtsvid.bad_signature"));
    QCOMPARE(JwtSvid::validate(noKid, TrustBundle(m_td), audience, m_now, options).error().code,
             QStringLiteral("jwtsvid.no_jwt_authority"));
}

void TestJwtSvid::expectedAudienceRequired()
{
    const auto minted = JwtSvid::mint(m_ec, "ec", m_sub, {audience}, m_now, m_now.addSecs(300));
    QVERIFY(minted.ok());
    QCOMPARE(JwtSvid::validate(minted->token(), m_set, QString(), m_now).error().code,
             QStringLiteral("jwtsvid.no_expected_audience"));
    QCOMPARE(JwtSvid::validate(minted->token(), m_set, audience, QDateTime()).error().code,
             QStringLiteral("jwtsvid.no_time"));
}

QTEST_GUILESS_MAIN(TestJwtSvid)
#include "tst_jwtsvid.moc"
