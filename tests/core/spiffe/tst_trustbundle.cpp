// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/Jwk.h"
#include "core/spiffe/TrustBundle.h"
#include "core/spiffe/TrustBundleSet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ta::core;

namespace {

template <typename R>
QByteArray why(const R &r)
{
    return r.ok() ? QByteArray() : r.error().toString().toUtf8();
}

// A self-signed CA certificate for @p key; the bundle code only needs its DER and public key.
Certificate makeCa(const Key &key, long serial)
{
    X509Ptr x(X509_new());
    X509_set_version(x.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(x.get()), 0);
    X509_gmtime_adj(X509_getm_notAfter(x.get()), 3600);
    X509_NAME *name = X509_get_subject_name(x.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("example.org"), -1, -1, 0);
    X509_set_issuer_name(x.get(), name);
    X509_set_pubkey(x.get(), key.get());
    X509_sign(x.get(), key.get(), EVP_sha256());
    return Certificate(std::move(x));
}

QJsonObject jwkOf(const Key &key)
{
    auto jwk = Jwk::fromKey(key);
    return jwk ? *jwk : QJsonObject();
}

QString x5c(const Certificate &cert)
{
    return QString::fromLatin1(cert.toDer().toBase64());
}

QByteArray doc(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray bundleOf(const QJsonArray &keys)
{
    return doc(QJsonObject{{"keys", keys}});
}

} // namespace

class TestTrustBundle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jwksRoundTrip();
    void writtenForm();
    void parse_data();
    void parse();
    void emptyKeySetRevokesEverything();
    void sequenceRisesOnEveryChange();
    void jwtAuthoritiesArePublicOnly();
    void duplicateKidRefused();
    void pem();
    void bundleSet();

private:
    TrustDomain m_td;
    Key m_caEc, m_caRsa, m_jwtEc, m_jwtRsa, m_other;
    Certificate m_certEc, m_certRsa, m_certOther;
};

void TestTrustBundle::initTestCase()
{
    m_td = *TrustDomain::fromName(u"example.org");
    m_caEc = Key(EvpPkeyPtr(EVP_EC_gen("P-256")));
    m_caRsa = Key(EvpPkeyPtr(EVP_RSA_gen(2048)));
    m_jwtEc = Key(EvpPkeyPtr(EVP_EC_gen("P-384")));
    m_jwtRsa = Key(EvpPkeyPtr(EVP_RSA_gen(2048)));
    m_other = Key(EvpPkeyPtr(EVP_EC_gen("P-256")));
    m_certEc = makeCa(m_caEc, 1);
    m_certRsa = makeCa(m_caRsa, 2);
    m_certOther = makeCa(m_other, 3);
    QVERIFY(!m_certEc.isNull() && !m_certRsa.isNull() && !m_certOther.isNull());
}

void TestTrustBundle::jwksRoundTrip()
{
    TrustBundle bundle(m_td);
    QVERIFY(bundle.addX509Authority(m_certEc).ok());
    QVERIFY(bundle.addX509Authority(m_certRsa).ok());
    QVERIFY(bundle.addJwtAuthority("ec", m_jwtEc).ok());
    QVERIFY(bundle.addJwtAuthority("rsa", m_jwtRsa).ok());
    QVERIFY(bundle.setRefreshHint(300).ok());
    QCOMPARE(bundle.sequence(), quint64(5));

    const auto back = TrustBundle::fromJwks(m_td, bundle.toJwks());
    QVERIFY2(back.ok(), why(back).constData());
    QCOMPARE(*back, bundle);
    QCOMPARE(back->x509Authorities().size(), 2);
    QCOMPARE(back->jwtAuthorities().size(), 2);
    QVERIFY(back->jwtAuthority("ec")->samePublicKey(m_jwtEc));
    QVERIFY(back->jwtAuthority("rsa")->samePublicKey(m_jwtRsa));
    QCOMPARE(back->jwtAuthority("nope"), nullptr);
    QCOMPARE(back->sequence(), quint64(5));
    QCOMPARE(back->refreshHint(), std::optional<qint64>(300));
    // Writing again gives the same bytes: the form is stable.
    QCOMPARE(back->toJwks(), bundle.toJwks());
}

void TestTrustBundle::writtenForm()
{
    TrustBundle bundle(m_td);
    QVERIFY(bundle.addX509Authority(m_certEc).ok());
    QVERIFY(bundle.addJwtAuthority("k1", m_jwtEc).ok());
    const QJsonObject root = QJsonDocument::fromJson(bundle.toJwks()).object();
    QCOMPARE(root.value("spiffe_sequence").toInteger(), 2);
    QVERIFY(!root.contains("spiffe_refresh_hint"));
    const QJsonArray keys = root.value("keys").toArray();
    QCOMPARE(keys.size(), 2);
    const QJsonObject x509 = keys.at(0).toObject();
    QCOMPARE(x509.value("use").toString(), QStringLiteral("x509-svid"));
    QCOMPARE(x509.value("kty").toString(), QStringLiteral("EC"));
    // X509-SVID.md 6.1: exactly one x5c certificate and no kid.
    QVERIFY(!x509.contains("kid"));
    QCOMPARE(x509.value("x5c").toArray().size(), 1);
    QCOMPARE(x509.value("x5c").toArray().at(0).toString(), x5c(m_certEc));
    QCOMPARE(x509.value("x"), jwkOf(m_caEc).value("x"));
    const QJsonObject jwt = keys.at(1).toObject();
    QCOMPARE(jwt.value("use").toString(), QStringLiteral("jwt-svid"));
    QCOMPARE(jwt.value("kid").toString(), QStringLiteral("k1"));
    QCOMPARE(jwt.value("crv").toString(), QStringLiteral("P-384"));
    QVERIFY(!jwt.contains("x5c"));
    QVERIFY(!jwt.contains("d"));
}

void TestTrustBundle::parse_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("x509");
    QTest::addColumn<int>("jwt");
    QTest::addColumn<quint64>("sequence");

    QJsonObject x509Ec = jwkOf(m_caEc);
    x509Ec.insert("use", "x509-svid");
    x509Ec.insert("x5c", QJsonArray{x5c(m_certEc)});
    QJsonObject x509Rsa = jwkOf(m_caRsa);
    x509Rsa.insert("use", "x509-svid");
    x509Rsa.insert("x5c", QJsonArray{x5c(m_certRsa)});
    QJsonObject jwtEc = jwkOf(m_jwtEc);
    jwtEc.insert("use", "jwt-svid");
    jwtEc.insert("kid", "k1");
    QJsonObject jwtRsa = jwkOf(m_jwtRsa);
    jwtRsa.insert("use", "jwt-svid");
    jwtRsa.insert("kid", "k2");

    auto ok = [](const char *row, const QByteArray &json, int x509, int jwt, quint64 seq = 0) {
        QTest::newRow(row) << json << QString() << x509 << jwt << seq;
    };
    auto bad = [](const char *row, const QByteArray &json, const char *code) {
        QTest::newRow(row) << json << QString::fromLatin1(code) << 0 << 0 << quint64(0);
    };
    auto with = [](QJsonObject o, const char *key, const QJsonValue &v) {
        if (v.isUndefined())
            o.remove(QLatin1String(key));
        else
            o.insert(QLatin1String(key), v);
        return o;
    };

    ok("valid: every kind of entry", bundleOf({x509Ec, x509Rsa, jwtEc, jwtRsa}), 2, 2);
    ok("valid: sequence and refresh hint",
       doc({{"keys", QJsonArray{jwtEc}}, {"spiffe_sequence", 42}, {"spiffe_refresh_hint", 60}}), 0,
       1, 42);
    ok("valid: sequence beyond 2^53 kept exactly",
       R"({"keys":[],"spiffe_sequence":9007199254740993})", 0, 0, 9007199254740993ULL);
    ok("valid: sequence 2^63-1", R"({"keys":[],"spiffe_sequence":9223372036854775807})", 0, 0,
       9223372036854775807ULL);
    ok("valid: empty key set", R"({"keys":[]})", 0, 0);
    ok("valid: unknown top-level member", R"({"keys":[],"issuer":"x"})", 0, 0);
    ok("unknown use ignored", bundleOf({with(jwtEc, "use", "wit-svid"), x509Ec}), 1, 0);
    ok("use is case sensitive: X509-SVID ignored", bundleOf({with(x509Ec, "use", "X509-SVID")}), 0,
       0);
    ok("use sig ignored", bundleOf({with(jwtEc, "use", "sig")}), 0, 0);
    ok("unknown kty ignored (OKP)",
       bundleOf({QJsonObject{{"kty", "OKP"},
                             {"crv", "Ed25519"},
                             {"x", "AAAA"},
                             {"use", "jwt-svid"},
                             {"kid", "ed"}},
                 jwtRsa}),
       0, 1);
    ok("unknown kty ignored (oct)",
       bundleOf({QJsonObject{{"kty", "oct"}, {"k", "AAAA"}, {"use", "jwt-svid"}, {"kid", "h"}}}), 0,
       0);
    ok("unknown use with missing kty ignored", bundleOf({QJsonObject{{"use", "other"}}}), 0, 0);
    ok("x509 entry with a kid tolerated", bundleOf({with(x509Ec, "kid", "k")}), 1, 0);
    ok("same CA twice counted once", bundleOf({x509Ec, x509Ec}), 1, 0);

    bad("not JSON", "{\"keys\":", "spiffe.bundle.not_json");
    bad("not an object", "[]", "spiffe.bundle.not_object");
    bad("keys missing", R"({"spiffe_sequence":1})", "spiffe.bundle.keys_missing");
    bad("keys not an array", R"({"keys":{}})", "spiffe.bundle.keys_not_array");
    bad("keys null", R"({"keys":null})", "spiffe.bundle.keys_not_array");
    bad("entry not an object", R"({"keys":[1]})", "spiffe.bundle.key_not_object");
    bad("use missing", bundleOf({with(jwtEc, "use", QJsonValue::Undefined)}),
        "spiffe.bundle.use_missing");
    bad("use not a string", bundleOf({with(jwtEc, "use", 1)}), "spiffe.bundle.use_invalid");
    bad("kty missing", bundleOf({with(jwtEc, "kty", QJsonValue::Undefined)}),
        "spiffe.bundle.kty_missing");
    bad("x509 x5c missing", bundleOf({with(x509Ec, "x5c", QJsonValue::Undefined)}),
        "spiffe.bundle.x5c_missing");
    bad("x509 x5c not an array", bundleOf({with(x509Ec, "x5c", x5c(m_certEc))}),
        "spiffe.bundle.x5c_missing");
    bad("x509 x5c empty", bundleOf({with(x509Ec, "x5c", QJsonArray{})}), "spiffe.bundle.x5c_count");
    bad("x509 x5c two certificates",
        bundleOf({with(x509Ec, "x5c", QJsonArray{x5c(m_certEc), x5c(m_certRsa)})}),
        "spiffe.bundle.x5c_count");
    bad("x509 x5c not base64", bundleOf({with(x509Ec, "x5c", QJsonArray{"!!not base64!!"})}),
        "spiffe.bundle.x5c_bad_base64");
    bad("x509 x5c not a string", bundleOf({with(x509Ec, "x5c", QJsonArray{7})}),
        "spiffe.bundle.x5c_bad_base64");
    bad("x509 x5c not a certificate", bundleOf({with(x509Ec, "x5c", QJsonArray{"AAECAw=="})}),
        "spiffe.bundle.x5c_bad_certificate");
    bad("x509 key does not match x5c",
        bundleOf({with(x509Ec, "x5c", QJsonArray{x5c(m_certOther)})}),
        "spiffe.bundle.x5c_key_mismatch");
    bad("x509 RSA parameters with EC x5c",
        bundleOf({with(x509Rsa, "x5c", QJsonArray{x5c(m_certEc)})}),
        "spiffe.bundle.x5c_key_mismatch");
    bad("x509 key parameters missing", bundleOf({with(x509Ec, "x", QJsonValue::Undefined)}),
        "spiffe.bundle.bad_key");
    bad("jwt kid missing", bundleOf({with(jwtEc, "kid", QJsonValue::Undefined)}),
        "spiffe.bundle.kid_missing");
    bad("jwt kid empty", bundleOf({with(jwtEc, "kid", "")}), "spiffe.bundle.kid_missing");
    bad("jwt kid not a string", bundleOf({with(jwtEc, "kid", 5)}), "spiffe.bundle.kid_missing");
    bad("jwt duplicate kid", bundleOf({jwtEc, with(jwtRsa, "kid", "k1")}),
        "spiffe.bundle.duplicate_kid");
    bad("jwt same key twice under one kid", bundleOf({jwtEc, jwtEc}),
        "spiffe.bundle.duplicate_kid");
    bad("jwt bad key", bundleOf({with(jwtEc, "y", "AAAA")}), "spiffe.bundle.bad_key");
    bad("jwt private key published", bundleOf({with(jwtEc, "d", "AAAA")}), "spiffe.bundle.bad_key");
    bad("sequence negative", R"({"keys":[],"spiffe_sequence":-1})", "spiffe.bundle.bad_sequence");
    bad("sequence fractional", R"({"keys":[],"spiffe_sequence":1.5})",
        "spiffe.bundle.bad_sequence");
    bad("sequence a string", R"({"keys":[],"spiffe_sequence":"1"})", "spiffe.bundle.bad_sequence");
    bad("sequence 2^63", R"({"keys":[],"spiffe_sequence":9223372036854775808})",
        "spiffe.bundle.bad_sequence");
    bad("refresh hint negative", R"({"keys":[],"spiffe_refresh_hint":-5})",
        "spiffe.bundle.bad_refresh_hint");
    bad("refresh hint a string", R"({"keys":[],"spiffe_refresh_hint":"1h"})",
        "spiffe.bundle.bad_refresh_hint");
}

void TestTrustBundle::parse()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    QFETCH(int, x509);
    QFETCH(int, jwt);
    QFETCH(quint64, sequence);
    const auto bundle = TrustBundle::fromJwks(m_td, json);
    if (!code.isEmpty()) {
        QVERIFY2(!bundle.ok(), json.constData());
        QCOMPARE(bundle.error().code, code);
        return;
    }
    QVERIFY2(bundle.ok(), why(bundle).constData());
    QCOMPARE(bundle->trustDomain(), m_td);
    QCOMPARE(bundle->x509Authorities().size(), x509);
    QCOMPARE(bundle->jwtAuthorities().size(), jwt);
    QCOMPARE(bundle->sequence(), sequence);
}

void TestTrustBundle::emptyKeySetRevokesEverything()
{
    const auto bundle = TrustBundle::fromJwks(m_td, R"({"keys":[],"spiffe_sequence":9})");
    QVERIFY(bundle.ok());
    QVERIFY(bundle->isEmpty());
    QVERIFY(!bundle->hasX509Authority(m_certEc));
    QCOMPARE(bundle->jwtAuthority("k1"), nullptr);
    QCOMPARE(TrustBundle::fromJwks(TrustDomain(), R"({"keys":[]})").error().code,
             QStringLiteral("spiffe.bundle.no_trust_domain"));
}

void TestTrustBundle::sequenceRisesOnEveryChange()
{
    TrustBundle bundle(m_td);
    QCOMPARE(bundle.sequence(), quint64(0));
    QVERIFY(bundle.addX509Authority(m_certEc).ok());
    QCOMPARE(bundle.sequence(), quint64(1));
    QVERIFY(bundle.addX509Authority(m_certEc).ok()); // already there: no change
    QCOMPARE(bundle.sequence(), quint64(1));
    QVERIFY(bundle.addJwtAuthority("k", m_jwtEc).ok());
    QCOMPARE(bundle.sequence(), quint64(2));
    QVERIFY(bundle.addJwtAuthority("k", m_jwtEc).ok()); // same key, same kid: no change
    QCOMPARE(bundle.sequence(), quint64(2));
    QVERIFY(bundle.setRefreshHint(60).ok());
    QCOMPARE(bundle.sequence(), quint64(3));
    QVERIFY(bundle.setRefreshHint(60).ok());
    QCOMPARE(bundle.sequence(), quint64(3));
    QVERIFY(bundle.removeJwtAuthority("k"));
    QCOMPARE(bundle.sequence(), quint64(4));
    QVERIFY(!bundle.removeJwtAuthority("k"));
    QCOMPARE(bundle.sequence(), quint64(4));
    QVERIFY(bundle.removeX509Authority(m_certEc));
    QCOMPARE(bundle.sequence(), quint64(5));
    QVERIFY(!bundle.removeX509Authority(m_certEc));
    QVERIFY(bundle.setRefreshHint(std::nullopt).ok());
    QCOMPARE(bundle.sequence(), quint64(6));
    QCOMPARE(bundle.setRefreshHint(-1).error().code,
             QStringLiteral("spiffe.bundle.bad_refresh_hint"));

    QVERIFY(bundle.setSequence(100).ok());
    QCOMPARE(bundle.sequence(), quint64(100));
    QCOMPARE(bundle.setSequence(99).error().code,
             QStringLiteral("spiffe.bundle.sequence_backwards"));
    QCOMPARE(bundle.setSequence(quint64(1) << 63).error().code,
             QStringLiteral("spiffe.bundle.bad_sequence"));
}

void TestTrustBundle::jwtAuthoritiesArePublicOnly()
{
    TrustBundle bundle(m_td);
    QVERIFY(m_jwtEc.hasPrivate());
    QVERIFY(bundle.addJwtAuthority("k", m_jwtEc).ok());
    QVERIFY(!bundle.jwtAuthority("k")->hasPrivate());
    QVERIFY(!bundle.toJwks().contains("\"d\""));
    QCOMPARE(bundle.addJwtAuthority("", m_jwtEc).error().code,
             QStringLiteral("spiffe.bundle.kid_missing"));
    QCOMPARE(bundle.addJwtAuthority("n", Key()).error().code,
             QStringLiteral("spiffe.bundle.no_key"));
    const Key ed(EvpPkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")));
    QCOMPARE(bundle.addJwtAuthority("ed", ed).error().code,
             QStringLiteral("spiffe.bundle.unsupported_key"));
    QCOMPARE(bundle.addX509Authority(Certificate()).error().code,
             QStringLiteral("spiffe.bundle.no_certificate"));
}

void TestTrustBundle::duplicateKidRefused()
{
    TrustBundle bundle(m_td);
    QVERIFY(bundle.addJwtAuthority("k", m_jwtEc).ok());
    const auto again = bundle.addJwtAuthority("k", m_jwtRsa);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("spiffe.bundle.duplicate_kid"));
    QVERIFY(bundle.jwtAuthority("k")->samePublicKey(m_jwtEc));
}

void TestTrustBundle::pem()
{
    TrustBundle bundle(m_td);
    QVERIFY(bundle.addX509Authority(m_certEc).ok());
    QVERIFY(bundle.addX509Authority(m_certRsa).ok());
    QVERIFY(bundle.addJwtAuthority("k", m_jwtEc).ok());
    const QByteArray pem = bundle.toPem();
    QCOMPARE(pem.count("-----BEGIN CERTIFICATE-----"), 2);
    const auto back = TrustBundle::fromPem(m_td, pem);
    QVERIFY2(back.ok(), why(back).constData());
    QCOMPARE(back->x509Authorities(), bundle.x509Authorities());
    QVERIFY(back->jwtAuthorities().isEmpty()); // PEM carries X.509 authorities only
    QCOMPARE(TrustBundle::fromPem(m_td, "no certificates here").error().code,
             QStringLiteral("spiffe.bundle.pem_no_certificate"));
    QCOMPARE(TrustBundle(m_td).toPem(), QByteArray());
    // PEM in, SPIFFE bundle out, and back: the X.509 authorities survive both formats.
    const auto viaJwks = TrustBundle::fromJwks(m_td, back->toJwks());
    QVERIFY(viaJwks.ok());
    QCOMPARE(viaJwks->x509Authorities(), bundle.x509Authorities());
}

void TestTrustBundle::bundleSet()
{
    const auto other = TrustDomain::fromName(u"other.example");
    QVERIFY(other.ok());
    TrustBundle a(m_td);
    QVERIFY(a.addJwtAuthority("k", m_jwtEc).ok());
    TrustBundle b(*other);

    TrustBundleSet set;
    QVERIFY(set.isEmpty());
    QCOMPARE(set.bundleFor(m_td), nullptr);
    set.insert(b);
    set.insert(a);
    set.insert(TrustBundle()); // null: ignored
    QCOMPARE(set.size(), 2);
    QVERIFY(set.contains(m_td));
    QCOMPARE(*set.bundleFor(m_td), a);
    QCOMPARE(set.bundleFor(*other)->trustDomain(), *other);
    QCOMPARE(set.trustDomains(), (QList<TrustDomain>{m_td, *other}));

    // A new bundle for the same trust domain replaces the old one.
    TrustBundle a2(m_td);
    QVERIFY(a2.addJwtAuthority("k2", m_jwtRsa).ok());
    set.insert(a2);
    QCOMPARE(set.size(), 2);
    QCOMPARE(set.bundleFor(m_td)->jwtAuthority("k"), nullptr);
    QVERIFY(set.bundleFor(m_td)->jwtAuthority("k2"));

    QVERIFY(set.remove(*other));
    QVERIFY(!set.remove(*other));
    QCOMPARE(set.bundleFor(*other), nullptr);
}

QTEST_GUILESS_MAIN(TestTrustBundle)
#include "tst_trustbundle.moc"
