// SPDX-License-Identifier: Apache-2.0
// x509pop: a chain to the configured CA with proof of possession, and every refusal.
#include "LabFixture.h"

#include "core/attestation/X509PopAttestor.h"
#include "core/crypto/CertificateBuilder.h"

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

private:
    Certificate issue(const Key &subject, const Key &caKey, const Certificate &ca, const QDateTime &from,
                      const QDateTime &to) const
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
        return record(QStringLiteral("x509pop"), QStringLiteral("node/pop"),
                      {{QStringLiteral("chain"), QJsonArray{QString::fromLatin1(leaf.toPem())}},
                       {QStringLiteral("challenge"), QString::fromLatin1(challenge.toBase64())},
                       {QStringLiteral("signature"), QString::fromLatin1(X509PopAttestor::signChallenge(signer, challenge).toBase64())}},
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
    m_f.extraAnchors.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("x509pop_ca")},
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
    expectOutcome(m_f.replay({pop(issue(rsa, m_caKey, m_ca, t0().addDays(-1), t0().addDays(3)), rsa, "c")}), {});
}

void TestX509PopAttestor::refusals_data()
{
    QTest::addColumn<QString>("code");
    for (const char *row : {"malformed", "issuer_unknown", "expired", "not_yet_valid", "signature_invalid",
                            "anchor_revoked", "key_revoked", "replayed"})
        QTest::newRow(row) << QString::fromLatin1(row);
}

void TestX509PopAttestor::refusals()
{
    QFETCH(QString, code);
    QList<EvidenceRecord> records;
    if (code == QLatin1String("malformed")) {
        records << record(QStringLiteral("x509pop"), QStringLiteral("node/pop"), {{QStringLiteral("chain"), QStringLiteral("nope")}});
    } else if (code == QLatin1String("issuer_unknown")) {
        const Key otherKey = Key::generate(KeyType::EcP256).value();
        const Certificate other = makeCa(otherKey);
        records << pop(issue(m_leafKey, otherKey, other, t0().addDays(-1), t0().addDays(3)), m_leafKey, "c");
    } else if (code == QLatin1String("expired")) {
        records << pop(m_leaf, m_leafKey, "c", t0().addDays(31));
    } else if (code == QLatin1String("not_yet_valid")) {
        records << pop(m_leaf, m_leafKey, "c", t0().addDays(-2));
    } else if (code == QLatin1String("signature_invalid")) {
        records << pop(m_leaf, m_caKey, "c");
    } else if (code == QLatin1String("anchor_revoked")) {
        records << signal(QStringLiteral("revoke-anchor"), QStringLiteral("anchor"), QStringLiteral("x509pop_ca:pop-ca"))
                << pop(m_leaf, m_leafKey, "c");
    } else if (code == QLatin1String("key_revoked")) {
        records << signal(QStringLiteral("revoke-key"), QStringLiteral("fingerprint"), QString::fromLatin1(m_leafKey.fingerprint()))
                << pop(m_leaf, m_leafKey, "c");
    } else if (code == QLatin1String("replayed")) {
        records << pop(m_leaf, m_leafKey, "same") << pop(m_leaf, m_leafKey, "same", t0().addSecs(1));
    }
    expectOutcome(m_f.replay(records), code);
}

QTEST_GUILESS_MAIN(TestX509PopAttestor)
#include "tst_x509popattestor.moc"
