// SPDX-License-Identifier: Apache-2.0
// k8s_psat: accepted tokens and every refusal, one row per rule.
#include "LabFixture.h"

using namespace ta::core;
using namespace ta::core::test;

class TestK8sPsatAttestor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted();
    void refusals_data();
    void refusals();

private:
    QJsonObject claims(const QDateTime &iat) const
    {
        const qint64 t = iat.toSecsSinceEpoch();
        return {{QStringLiteral("aud"), QJsonArray{QStringLiteral("spire-server")}},
                {QStringLiteral("exp"), t + 3600},
                {QStringLiteral("iat"), t},
                {QStringLiteral("nbf"), t},
                {QStringLiteral("iss"), m_f.cluster.issuer()},
                {QStringLiteral("sub"), QStringLiteral("system:serviceaccount:spire:spire-agent")},
                {QStringLiteral("kubernetes.io"),
                 QJsonObject{{QStringLiteral("namespace"), QStringLiteral("spire")},
                             {QStringLiteral("serviceaccount"), QJsonObject{{QStringLiteral("name"), QStringLiteral("spire-agent")}}},
                             {QStringLiteral("pod"), QJsonObject{{QStringLiteral("name"), QStringLiteral("p")}, {QStringLiteral("uid"), QStringLiteral("u")}}},
                             {QStringLiteral("node"), QJsonObject{{QStringLiteral("name"), QStringLiteral("n")}, {QStringLiteral("uid"), QStringLiteral("nu")}}}}}};
    }
    QJsonObject tokenPayload(const QJsonObject &c, const QString &kid = {}) const
    {
        const QByteArray tok = signJwt(m_f.cluster.currentKey(), JwsAlgorithm::ES256,
                                       {{QStringLiteral("kid"), kid.isEmpty() ? m_f.cluster.currentKid() : kid}}, c);
        return {{QStringLiteral("token"), QString::fromLatin1(tok)}};
    }
    EvidenceRecord psat(const QJsonObject &payload, const QDateTime &at = t0()) const
    {
        return record(QStringLiteral("k8s_psat"), QStringLiteral("node/a"), payload, at);
    }

    LabFixture m_f;
};

void TestK8sPsatAttestor::accepted()
{
    const AttestationResult r = m_f.replay({psat(m_f.psatPayload())});
    expectOutcome(r, {});
    QCOMPARE(r.verdict(), Verdict::Affirming);
    QCOMPARE(r.selectors, (QStringList{QStringLiteral("k8s_psat:cluster:prod"), QStringLiteral("k8s_psat:agent_ns:spire"),
                                       QStringLiteral("k8s_psat:agent_sa:spire-agent"),
                                       QStringLiteral("k8s_psat:agent_pod_name:spire-agent-x1"),
                                       QStringLiteral("k8s_psat:agent_pod_uid:pod-uid-1"),
                                       QStringLiteral("k8s_psat:agent_node_name:node-a"),
                                       QStringLiteral("k8s_psat:agent_node_uid:node-uid-a")}));
    QCOMPARE(r.agentId, QStringLiteral("spiffe://lab.example/spire/agent/k8s_psat/prod/node-uid-a"));
    QCOMPARE(r.anchorIds, QStringList{QStringLiteral("k8s_issuer:prod")});
    QCOMPARE(r.claims.value(QLatin1String("node")).toObject().value(QLatin1String("namespace")).toString(),
             QStringLiteral("spire"));
    QVERIFY(r.expiresAt.isValid());

    // Without node.uid (clusters before 1.30) the node name stands in, with a warning.
    QJsonObject c = claims(t0());
    QJsonObject k8s = c.value(QLatin1String("kubernetes.io")).toObject();
    k8s.insert(QStringLiteral("node"), QJsonObject{{QStringLiteral("name"), QStringLiteral("n")}});
    c.insert(QStringLiteral("kubernetes.io"), k8s);
    const AttestationResult w = m_f.replay({psat(tokenPayload(c))});
    QCOMPARE(w.verdict(), Verdict::Warning);
    QCOMPARE(w.agentId, QStringLiteral("spiffe://lab.example/spire/agent/k8s_psat/prod/n"));
}

void TestK8sPsatAttestor::refusals_data()
{
    QTest::addColumn<QString>("code");
    for (const char *row : {"malformed", "issuer_unknown", "key_unknown", "algorithm_not_allowed", "signature_invalid",
                            "key_revoked", "anchor_revoked", "anchor_expired", "audience_mismatch", "expired",
                            "not_yet_valid", "claim_missing", "claim_mismatch", "replayed"})
        QTest::newRow(row) << QString::fromLatin1(row);
}

void TestK8sPsatAttestor::refusals()
{
    QFETCH(QString, code);
    QList<EvidenceRecord> records;
    QJsonObject c = claims(t0());
    if (code == QLatin1String("malformed")) {
        records << psat({{QStringLiteral("token"), QStringLiteral("not-a-jwt")}});
    } else if (code == QLatin1String("issuer_unknown")) {
        c.insert(QStringLiteral("iss"), QStringLiteral("https://k8s.elsewhere.example"));
        records << psat(tokenPayload(c));
    } else if (code == QLatin1String("key_unknown")) {
        records << psat(tokenPayload(c, QStringLiteral("no-such-kid")));
    } else if (code == QLatin1String("algorithm_not_allowed")) {
        const Key p384 = Key::generate(KeyType::EcP384).value();
        records << psat({{QStringLiteral("token"), QString::fromLatin1(signJwt(p384, JwsAlgorithm::ES384,
                                                                                 {{QStringLiteral("kid"), m_f.cluster.currentKid()}}, c))}});
    } else if (code == QLatin1String("signature_invalid")) {
        records << psat({{QStringLiteral("token"),
                          QString::fromLatin1(breakSignature(tokenPayload(c).value(QLatin1String("token")).toString().toLatin1()))}});
    } else if (code == QLatin1String("key_revoked")) {
        records << signal(QStringLiteral("revoke-key"), QStringLiteral("fingerprint"),
                          QString::fromLatin1(m_f.cluster.currentKey().fingerprint()))
                << psat(m_f.psatPayload());
    } else if (code == QLatin1String("anchor_revoked")) {
        records << signal(QStringLiteral("revoke-anchor"), QStringLiteral("anchor"), QStringLiteral("k8s_issuer:prod"))
                << psat(m_f.psatPayload());
    } else if (code == QLatin1String("anchor_expired")) {
        records << signal(QStringLiteral("expire"), QStringLiteral("anchor"), QStringLiteral("k8s_issuer:prod"))
                << psat(m_f.psatPayload());
    } else if (code == QLatin1String("audience_mismatch")) {
        c.insert(QStringLiteral("aud"), QJsonArray{QStringLiteral("vault")});
        records << psat(tokenPayload(c));
    } else if (code == QLatin1String("expired")) {
        records << psat(m_f.psatPayload(), t0().addSecs(2 * 3600));
    } else if (code == QLatin1String("not_yet_valid")) {
        records << psat(m_f.psatPayload(t0().addSecs(600)));
    } else if (code == QLatin1String("claim_missing")) {
        QJsonObject k8s = c.value(QLatin1String("kubernetes.io")).toObject();
        k8s.remove(QStringLiteral("pod"));
        c.insert(QStringLiteral("kubernetes.io"), k8s);
        records << psat(tokenPayload(c));
    } else if (code == QLatin1String("claim_mismatch")) {
        c.insert(QStringLiteral("sub"), QStringLiteral("system:serviceaccount:default:other"));
        records << psat(tokenPayload(c));
    } else if (code == QLatin1String("replayed")) {
        const QJsonObject payload = m_f.psatPayload();
        records << psat(payload) << psat(payload, t0().addSecs(5));
    }
    expectOutcome(m_f.replay(records), code);
}

QTEST_GUILESS_MAIN(TestK8sPsatAttestor)
#include "tst_k8spsatattestor.moc"
