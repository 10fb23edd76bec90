// SPDX-License-Identifier: Apache-2.0
// EvidenceVerifier: time order, unknown attestors, the replay guard, signals in force from their
// instant on, and refused records that change nothing.
#include "LabFixture.h"

using namespace ta::core;
using namespace ta::core::test;

class TestEvidenceVerifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outOfOrderRefused();
    void unknownAttestorRefused();
    void signalRefusals_data();
    void signalRefusals();
    void signalTakesEffectFromItsInstant();
    void nonceIsPerSubject();
    void refusedRecordBurnsNoNonce();
    void refusedJoinTokenStaysUnused();
    void resultJson();

private:
    EvidenceRecord psat(const QDateTime &at, const QString &subject = QStringLiteral("node/a")) const
    {
        return record(QStringLiteral("k8s_psat"), subject, m_f.psatPayload(at.addSecs(-1)), at);
    }

    LabFixture m_f;
};

void TestEvidenceVerifier::outOfOrderRefused()
{
    EvidenceVerifier v = m_f.verifier();
    expectOutcome(v.verify(psat(t0())), {});
    expectOutcome(v.verify(psat(t0().addSecs(-10))), QStringLiteral("out_of_order"));
}

void TestEvidenceVerifier::unknownAttestorRefused()
{
    expectOutcome(m_f.replay({record(QStringLiteral("azure_msi"), QStringLiteral("node/x"), {})}),
                  QStringLiteral("attestor_unknown"));
}

void TestEvidenceVerifier::signalRefusals_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown kind") << "rotate-everything" << "anchor" << "k8s_issuer:prod" << "signal_unknown";
    QTest::newRow("revoke unknown anchor") << "revoke-anchor" << "anchor" << "k8s_issuer:nope" << "anchor_unknown";
    QTest::newRow("expire unknown anchor") << "expire" << "anchor" << "" << "anchor_unknown";
    QTest::newRow("revoke-key not a fingerprint") << "revoke-key" << "fingerprint" << "abc" << "key_unknown";
}

void TestEvidenceVerifier::signalRefusals()
{
    QFETCH(QString, kind);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, code);
    expectOutcome(m_f.replay({signal(kind, field, value, t0())}), code);
}

void TestEvidenceVerifier::signalTakesEffectFromItsInstant()
{
    EvidenceVerifier v = m_f.verifier();
    expectOutcome(v.verify(psat(t0())), {});
    const AttestationResult s = v.verify(signal(QStringLiteral("revoke-anchor"), QStringLiteral("anchor"),
                                                QStringLiteral("k8s_issuer:prod"), t0().addSecs(10)));
    expectOutcome(s, {});
    QCOMPARE(s.claims.value(QLatin1String("signal")).toObject().value(QLatin1String("kind")).toString(),
             QStringLiteral("revoke-anchor"));
    expectOutcome(v.verify(psat(t0().addSecs(20), QStringLiteral("node/b"))), QStringLiteral("anchor_revoked"));
    QVERIFY(v.state().anchorRevoked(QStringLiteral("k8s_issuer:prod")));
}

void TestEvidenceVerifier::nonceIsPerSubject()
{
    const AgentSigner agent = m_f.agent(QStringLiteral("spiffe://lab.example/spire/agent/k8s_psat/prod/node-uid-a"));
    EvidenceVerifier v = m_f.verifier();
    expectOutcome(v.verify(psat(t0())), {});
    const QStringList sel{QStringLiteral("k8s:ns:a")};
    for (const QString &sub : {QStringLiteral("workload/one"), QStringLiteral("workload/two")}) {
        const EvidenceRecord r = record(QStringLiteral("k8s"), sub, agent.sign(sub, sel, {}, t0(), QStringLiteral("same")).value(),
                                        t0().addSecs(1));
        expectOutcome(v.verify(r), {});
    }
    QCOMPARE(v.replayGuard().size(), 3);
}

void TestEvidenceVerifier::refusedRecordBurnsNoNonce()
{
    // A forged record carrying a nonce must not make the genuine one look like a replay.
    EvidenceVerifier v = m_f.verifier();
    const QJsonObject good = m_f.psatPayload();
    QJsonObject forged = good;
    forged.insert(QStringLiteral("token"), QString::fromLatin1(breakSignature(good.value(QLatin1String("token")).toString().toLatin1())));
    expectOutcome(v.verify(record(QStringLiteral("k8s_psat"), QStringLiteral("node/a"), forged)), QStringLiteral("signature_invalid"));
    expectOutcome(v.verify(record(QStringLiteral("k8s_psat"), QStringLiteral("node/a"), good)), {});
}

void TestEvidenceVerifier::refusedJoinTokenStaysUnused()
{
    LabFixture f;
    f.extraAnchors.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("join_token")},
                                      {QStringLiteral("token"), QStringLiteral("tok")},
                                      {QStringLiteral("created_at"), QStringLiteral("2026-04-07T09:59:00Z")}});
    EvidenceVerifier v = f.verifier();
    const EvidenceRecord r = record(QStringLiteral("join_token"), QStringLiteral("node/j"), {{QStringLiteral("token"), QStringLiteral("tok")}});
    expectOutcome(v.verify(r), {});
    QVERIFY(v.state().nodeByAgent(QStringLiteral("spiffe://lab.example/spire/agent/join_token/tok")));
    EvidenceRecord again = r;
    again.time = t0().addSecs(1);
    expectOutcome(v.verify(again), QStringLiteral("token_used"));
    // The refusal is new node evidence failing: the node attestation it replaced is dropped.
    QVERIFY(!v.state().nodeByAgent(QStringLiteral("spiffe://lab.example/spire/agent/join_token/tok")));
}

void TestEvidenceVerifier::resultJson()
{
    AttestationResult r = m_f.replay({psat(t0())});
    const QJsonObject o = r.toJson();
    for (const char *key : {"subject", "attestor", "verdict", "selectors", "reasons", "claims", "anchors",
                            "reference_values", "freshness", "time"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value(QLatin1String("verdict")).toString(), QStringLiteral("affirming"));
    r.refuse(QStringLiteral("expired"), QStringLiteral("a"), QStringLiteral("b"));
    const QJsonObject refused = r.toJson();
    QCOMPARE(refused.value(QLatin1String("verdict")).toString(), QStringLiteral("contraindicated"));
    QCOMPARE(refused.value(QLatin1String("reasons")).toArray().first().toObject(),
             (QJsonObject{{QStringLiteral("code"), QStringLiteral("expired")}, {QStringLiteral("expected"), QStringLiteral("a")},
                          {QStringLiteral("found"), QStringLiteral("b")}}));
}

QTEST_GUILESS_MAIN(TestEvidenceVerifier)
#include "tst_evidenceverifier.moc"
