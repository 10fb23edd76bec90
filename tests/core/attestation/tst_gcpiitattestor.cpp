// SPDX-License-Identifier: Apache-2.0
// gcp_iit: accepted instance identity tokens and every refusal, one row per rule.
#include "LabFixture.h"

using namespace ta::core;
using namespace ta::core::test;

class TestGcpIitAttestor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted();
    void refusals_data();
    void refusals();

private:
    GcpIdentityProvider::Instance instance() const
    {
        return {QStringLiteral("big-kahuna-123456"), QStringLiteral("us-west1-b"), QStringLiteral("8910111213"),
                QStringLiteral("blog-server")};
    }
    EvidenceRecord gcp(const QByteArray &token, const QDateTime &at = t0()) const
    {
        return record(QStringLiteral("gcp_iit"), QStringLiteral("node/gce"),
                      {{QStringLiteral("token"), QString::fromLatin1(token)}}, at);
    }
    QByteArray token(const QString &aud = QStringLiteral("spire-gcp-node-attestor"),
                     const QDateTime &iat = t0().addSecs(-5)) const
    {
        return m_f.gcp.mintToken(instance(), aud, iat).value();
    }
    /// A token with @p claims signed by a key that is not Google's, under an unknown kid.
    QByteArray foreignToken() const
    {
        const Key rsa = Key::generate(KeyType::Rsa2048).value();
        const qint64 t = t0().toSecsSinceEpoch();
        return signJwt(rsa, JwsAlgorithm::RS256, {{QStringLiteral("kid"), QStringLiteral("other")}},
                       {{QStringLiteral("iss"), QStringLiteral("https://accounts.google.com")},
                        {QStringLiteral("aud"), QStringLiteral("spire-gcp-node-attestor")},
                        {QStringLiteral("exp"), t + 3600}});
    }

    LabFixture m_f;
};

void TestGcpIitAttestor::accepted()
{
    const AttestationResult r = m_f.replay({gcp(token())});
    expectOutcome(r, {});
    QCOMPARE(r.selectors, (QStringList{QStringLiteral("gcp_iit:project-id:big-kahuna-123456"),
                                       QStringLiteral("gcp_iit:zone:us-west1-b"),
                                       QStringLiteral("gcp_iit:instance-name:blog-server")}));
    QCOMPARE(r.agentId, QStringLiteral("spiffe://lab.example/spire/agent/gcp_iit/big-kahuna-123456/8910111213"));
    QCOMPARE(r.anchorIds, QStringList{QStringLiteral("gcp_jwks:google")});
}

void TestGcpIitAttestor::refusals_data()
{
    QTest::addColumn<QString>("code");
    for (const char *row : {"malformed", "issuer_unknown", "key_unknown", "algorithm_not_allowed",
                            "signature_invalid", "audience_mismatch", "expired", "not_yet_valid",
                            "anchor_revoked", "claim_missing", "replayed"})
        QTest::newRow(row) << QString::fromLatin1(row);
}

void TestGcpIitAttestor::refusals()
{
    QFETCH(QString, code);
    QList<EvidenceRecord> records;
    const Key es = Key::generate(KeyType::EcP256).value();
    const qint64 t = t0().toSecsSinceEpoch();
    if (code == QLatin1String("malformed")) {
        records << gcp("a.b");
    } else if (code == QLatin1String("issuer_unknown")) {
        records << gcp(signJwt(es, JwsAlgorithm::ES256, {}, {{QStringLiteral("iss"), QStringLiteral("https://evil.example")}}));
    } else if (code == QLatin1String("key_unknown")) {
        records << gcp(foreignToken());
    } else if (code == QLatin1String("algorithm_not_allowed")) {
        // Google signs with RS256 only; an ES256 token is refused before any key is looked up.
        records << gcp(signJwt(es, JwsAlgorithm::ES256, {}, {{QStringLiteral("iss"), QStringLiteral("https://accounts.google.com")}}));
    } else if (code == QLatin1String("signature_invalid")) {
        records << gcp(breakSignature(token()));
    } else if (code == QLatin1String("audience_mismatch")) {
        records << gcp(token(QStringLiteral("https://vault.example")));
    } else if (code == QLatin1String("expired")) {
        records << gcp(token(), t0().addSecs(3 * 3600));
    } else if (code == QLatin1String("not_yet_valid")) {
        records << gcp(token(QStringLiteral("spire-gcp-node-attestor"), t0().addSecs(900)));
    } else if (code == QLatin1String("anchor_revoked")) {
        records << signal(QStringLiteral("revoke-anchor"), QStringLiteral("anchor"), QStringLiteral("gcp_jwks:google"))
                << gcp(token());
    } else if (code == QLatin1String("claim_missing")) {
        // format=standard tokens carry no google.compute_engine block: nothing to select on.
        Q_UNUSED(t);
        GcpIdentityProvider::Instance i = instance();
        i.zone.clear();
        records << gcp(m_f.gcp.mintToken(i, QStringLiteral("spire-gcp-node-attestor"), t0()).value());
    } else if (code == QLatin1String("replayed")) {
        const QByteArray tok = token();
        records << gcp(tok) << gcp(tok, t0().addSecs(1));
    }
    expectOutcome(m_f.replay(records), code);
}

QTEST_GUILESS_MAIN(TestGcpIitAttestor)
#include "tst_gcpiitattestor.moc"
