// SPDX-License-Identifier: Apache-2.0
// x509pop: a chain to the configured CA with proof of possession, and every refusal.
#include "LabFixture.h"

#include "core/attestation/X509PopAttestor.h"
#include "core/crypto/CertificateBuilder.h"

#include <QCryptographicHash>

#include <openssl/x509v3.h>

using namespace ta::core;
using namespace ta::core::test;

class TestX509PopAttestor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void accepted();
    void refusals_data();
    void refusals();
    void selectors_data();
    void selectors();
    void verifiedPathKeptOnlyWhileItHolds();

private:
    /// @p cert re-signed by @p issuerKey with @p serial and exactly @p uris as its URI SANs
    /// (CertificateBuilder writes one).
    static Certificate resigned(const Certificate &cert, const Key &issuerKey, qint64 serial,
                                const QStringList &uris)
    {
        X509Ptr x(X509_dup(cert.get()));
        ASN1_INTEGER_set_int64(X509_get_serialNumber(x.get()), serial);
        const int at = X509_get_ext_by_NID(x.get(), NID_subject_alt_name, -1);
        if (at >= 0)
            X509_EXTENSION_free(X509_delete_ext(x.get(), at));
        if (!uris.isEmpty()) {
            GENERAL_NAMES *names = sk_GENERAL_NAME_new_null();
            for (const QString &uri : uris) {
                ASN1_IA5STRING *text = ASN1_IA5STRING_new();
                const QByteArray bytes = uri.toUtf8();
                ASN1_STRING_set(text, bytes.constData(), int(bytes.size()));
                GENERAL_NAME *name = GENERAL_NAME_new();
                GENERAL_NAME_set0_value(name, GEN_URI, text);
                sk_GENERAL_NAME_push(names, name);
            }
            X509_add1_ext_i2d(x.get(), NID_subject_alt_name, names, 0, X509V3_ADD_DEFAULT);
            GENERAL_NAMES_free(names);
        }
        X509_sign(x.get(), issuerKey.get(), EVP_sha256());
        return Certificate(std::move(x));
    }
    static QString sha1(const Certificate &c)
    {
        return QString::fromLatin1(
            QCryptographicHash::hash(c.toDer(), QCryptographicHash::Sha1).toHex());
    }
    Certificate issue(const Key &subject, const Key &caKey, const Certificate &ca,
                      const QDateTime &from, const QDateTime &to) const
    {
        CertificateSpec s;
        s.role = CertificateSpec::Role::Leaf;
        s.commonName = QStringLiteral("node-7");
        s.notBefore = from;
        s.notAfter = to;
        return CertificateBuilder::build(s, subject, caKey, &ca).value();
    }
    Certificate makeCa(const Key &key) const
    {
        CertificateSpec s;
        s.role = CertificateSpec::Role::SigningCa;
        s.commonName = QStringLiteral("pop CA");
        s.notBefore = t0().addDays(-10);
        s.notAfter = t0().addDays(300);
        return CertificateBuilder::build(s, key, key, nullptr).value();
    }
    EvidenceRecord pop(const Certificate &leaf, const Key &signer, const QByteArray &challenge,
                       const QDateTime &at = t0()) const
    {
        return record(
            QStringLiteral("x509pop"), QStringLiteral("node/pop"),
            {{QStringLiteral("chain"), QJsonArray{QString::fromLatin1(leaf.toPem())}},
             {QStringLiteral("challenge"), QString::fromLatin1(challenge.toBase64())},
             {QStringLiteral("signature"),
              QString::fromLatin1(X509PopAttestor::signChallenge(signer, challenge).toBase64())}},
            at);
    }

    LabFixture m_f;
    Key m_caKey;
    Certificate m_ca;
    Key m_leafKey;
    Certificate m_leaf;
};

void TestX509PopAttestor::initTestCase()
{
    m_caKey = Key::generate(KeyType::EcP256).value();
    m_ca = makeCa(m_caKey);
    m_leafKey = Key::generate(KeyType::EcP256).value();
    m_leaf = issue(m_leafKey, m_caKey, m_ca, t0().addDays(-1), t0().addDays(30));
    m_f.extraAnchors.append(
        QJsonObject{{QStringLiteral("kind"), QStringLiteral("x509pop_ca")},
                    {QStringLiteral("name"), QStringLiteral("pop-ca")},
                    {QStringLiteral("pem"), QString::fromLatin1(m_ca.toPem())}});
}

void TestX509PopAttestor::accepted()
{
    const AttestationResult r = m_f.replay({pop(m_leaf, m_leafKey, "challenge-1")});
    expectOutcome(r, {});
    QCOMPARE(r.selectors.first(), QStringLiteral("x509pop:subject:cn:node-7"));
    QVERIFY(r.selectors.at(1).startsWith(QStringLiteral("x509pop:ca:fingerprint:")));
    QVERIFY(r.agentId.startsWith(QStringLiteral("spiffe://lab.example/spire/agent/x509pop/")));
    QCOMPARE(r.anchorIds, QStringList{QStringLiteral("x509pop_ca:pop-ca")});

    // RSA leaves prove possession with RSA-PSS, as SPIRE's agent does.
    const Key rsa = Key::generate(KeyType::Rsa2048).value();
    expectOutcome(m_f.replay({pop(issue(rsa, m_caKey, m_ca, t0().addDays(-1), t0().addDays(3)), rsa,
                                  "challenge-rsa")}),
                  {});
}

void TestX509PopAttestor::refusals_data()
{
    QTest::addColumn<QString>("code");
    for (const char *row :
         {"malformed", "issuer_unknown", "expired", "not_yet_valid", "signature_invalid",
          "anchor_revoked", "key_revoked", "replayed", "nonce_missing"})
        QTest::newRow(row) << QString::fromLatin1(row);
}

void TestX509PopAttestor::refusals()
{
    QFETCH(QString, code);
    QList<EvidenceRecord> records;
    if (code == QLatin1String("malformed")) {
        records << record(QStringLiteral("x509pop"), QStringLiteral("node/pop"),
                          {{QStringLiteral("chain"), QStringLiteral("nope")}});
    } else if (code == QLatin1String("issuer_unknown")) {
        const Key otherKey = Key::generate(KeyType::EcP256).value();
        const Certificate other = makeCa(otherKey);
        records << pop(issue(m_leafKey, otherKey, other, t0().addDays(-1), t0().addDays(3)),
                       m_leafKey, "challenge-c");
    } else if (code == QLatin1String("expired")) {
        records << pop(m_leaf, m_leafKey, "challenge-c", t0().addDays(31));
    } else if (code == QLatin1String("not_yet_valid")) {
        records << pop(m_leaf, m_leafKey, "challenge-c", t0().addDays(-2));
    } else if (code == QLatin1String("signature_invalid")) {
        records << pop(m_leaf, m_caKey, "challenge-c");
    } else if (code == QLatin1String("anchor_revoked")) {
        records << signal(QStringLiteral("revoke-anchor"), QStringLiteral("anchor"),
                          QStringLiteral("x509pop_ca:pop-ca"))
                << pop(m_leaf, m_leafKey, "challenge-c");
    } else if (code == QLatin1String("key_revoked")) {
        records << signal(QStringLiteral("revoke-key"), QStringLiteral("fingerprint"),
                          QString::fromLatin1(m_leafKey.fingerprint()))
                << pop(m_leaf, m_leafKey, "challenge-c");
    } else if (code == QLatin1String("replayed")) {
        records << pop(m_leaf, m_leafKey, "same-challenge")
                << pop(m_leaf, m_leafKey, "same-challenge", t0().addSecs(1));
    } else if (code == QLatin1String("nonce_missing")) {
        // The recorded challenge is the replay key: 7 bytes is too short to be one.
        records << pop(m_leaf, m_leafKey, "1234567");
    }
    expectOutcome(m_f.replay(records), code);
}

void TestX509PopAttestor::selectors_data()
{
    QTest::addColumn<bool>("intermediate"); // the leaf chains through an intermediate CA
    QTest::addColumn<qint64>("serial");
    QTest::addColumn<QString>("serialHex");
    QTest::addColumn<QStringList>("uris");
    QTest::addColumn<QStringList>("sans"); // the san selectors' values, in order
    QTest::newRow("leaf under the root")
        << false << qint64(0x1f2e3d4c5b6a) << "1f2e3d4c5b6a" << QStringList{} << QStringList{};
    QTest::newRow("leaf under an intermediate: both CAs' fingerprints")
        << true << qint64(0x7a) << "7a" << QStringList{} << QStringList{};
    QTest::newRow("serial with leading zero nibble: no leading zero")
        << false << qint64(0x0abc) << "abc" << QStringList{} << QStringList{};
    QTest::newRow("x509pop SANs of the trust domain only")
        << false << qint64(0x10) << "10"
        << QStringList{QStringLiteral("x509pop://lab.example/datacenter:us-east-1"),
                       QStringLiteral("spiffe://lab.example/node"),
                       QStringLiteral("x509pop://other.example/datacenter:eu-west-1"),
                       QStringLiteral("x509pop://lab.example/rack:r12"),
                       QStringLiteral("x509pop://lab.example/no-value"),
                       QStringLiteral("x509pop://lab.example.evil/rack:r1")}
        << QStringList{QStringLiteral("datacenter:us-east-1"), QStringLiteral("rack:r12")};
}

void TestX509PopAttestor::selectors()
{
    QFETCH(bool, intermediate);
    QFETCH(qint64, serial);
    QFETCH(QString, serialHex);
    QFETCH(QStringList, uris);
    QFETCH(QStringList, sans);
    const Key midKey = Key::generate(KeyType::EcP256).value();
    CertificateSpec midSpec;
    midSpec.role = CertificateSpec::Role::SigningCa;
    midSpec.commonName = QStringLiteral("pop intermediate");
    midSpec.notBefore = t0().addDays(-5);
    midSpec.notAfter = t0().addDays(100);
    const Certificate mid = CertificateBuilder::build(midSpec, midKey, m_caKey, &m_ca).value();
    const Key &issuerKey = intermediate ? midKey : m_caKey;
    const Certificate leaf = resigned(
        issue(m_leafKey, issuerKey, intermediate ? mid : m_ca, t0().addDays(-1), t0().addDays(30)),
        issuerKey, serial, uris);
    EvidenceRecord rec = pop(leaf, m_leafKey, "challenge-s");
    if (intermediate) {
        QJsonObject payload = rec.payload.object();
        payload.insert(QStringLiteral("chain"), QJsonArray{QString::fromLatin1(leaf.toPem()),
                                                           QString::fromLatin1(mid.toPem())});
        rec.payload = payload;
    }
    const AttestationResult r = m_f.replay({rec});
    expectOutcome(r, {});
    if (QTest::currentTestFailed()) // what follows reads the reasons or selectors
        return;
    QStringList want{QStringLiteral("x509pop:subject:cn:node-7")};
    if (intermediate)
        want << QStringLiteral("x509pop:ca:fingerprint:") + sha1(mid);
    want << QStringLiteral("x509pop:ca:fingerprint:") + sha1(m_ca)
         << QStringLiteral("x509pop:serialnumber:") + serialHex;
    for (const QString &san : sans)
        want << QStringLiteral("x509pop:san:") + san;
    QCOMPARE(r.selectors, want);
    const QJsonObject node = r.claims.value(QLatin1String("node")).toObject();
    QCOMPARE(node.value(QLatin1String("serial_number")).toString(), serialHex);
    QCOMPARE(node.value(QLatin1String("san")).toArray(), QJsonArray::fromStringList(sans));
    QCOMPARE(node.value(QLatin1String("ca_fingerprints")).toArray().size(), intermediate ? 2 : 1);
}

void TestX509PopAttestor::verifiedPathKeptOnlyWhileItHolds()
{
    // One attestor keeps the paths it validated; what it concludes from a kept path must be
    // what a fresh attestor concludes, at every instant and against every anchor set.
    const AnchorSet anchors =
        AnchorSet::fromImportJson(QJsonDocument(m_f.anchorsJson()).toJson()).value();
    LabFixture without = m_f;
    without.extraAnchors = {};
    const AnchorSet noPopCa =
        AnchorSet::fromImportJson(QJsonDocument(without.anchorsJson()).toJson()).value();
    const TrustBundleSet bundles;
    AttestationSettings settings;
    settings.trustDomain = m_f.td;
    const AttestationState state;
    const AttestationContext context(anchors, state, bundles, settings);
    const AttestationContext otherAnchors(noPopCa, state, bundles, settings);
    const X509PopAttestor warm;
    auto json = [](const AttestationResult &r) {
        return QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact);
    };
    auto fresh = [&](const EvidenceRecord &rec, const AttestationContext &c) {
        return json(X509PopAttestor().verify(rec, c));
    };
    QVERIFY(warm.verify(pop(m_leaf, m_leafKey, "challenge-warm"), context).accepted());
    const QDateTime notBefore = m_leaf.notBefore();
    const QDateTime notAfter = m_leaf.notAfter();
    const QList<QDateTime> instants{t0().addDays(1), notBefore,           notBefore.addSecs(-1),
                                    notAfter,        notAfter.addSecs(1), t0().addDays(40)};
    for (const QDateTime &at : instants) {
        const EvidenceRecord rec = pop(m_leaf, m_leafKey, "challenge-at", at);
        QCOMPARE(json(warm.verify(rec, context)), fresh(rec, context));
    }
    QVERIFY(!warm.verify(pop(m_leaf, m_leafKey, "challenge-late", t0().addDays(31)), context)
                 .accepted());
    // Another anchor set without the CA: the kept path is not served from the first set.
    const EvidenceRecord rec = pop(m_leaf, m_leafKey, "challenge-other");
    const AttestationResult other = warm.verify(rec, otherAnchors);
    QVERIFY(other.hasReason(QStringLiteral("issuer_unknown")));
    QCOMPARE(json(other), fresh(rec, otherAnchors));
    // A bad proof of possession with a kept path is still refused.
    QVERIFY(warm.verify(pop(m_leaf, m_caKey, "challenge-bad"), context)
                .hasReason(QStringLiteral("signature_invalid")));
}

QTEST_GUILESS_MAIN(TestX509PopAttestor)
#include "tst_x509popattestor.moc"
