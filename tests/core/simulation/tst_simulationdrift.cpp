// SPDX-License-Identifier: Apache-2.0
// Drift revokes at once: an image digest or a PCR that drifts, a revoked signing key, evidence
// that expired, and a node whose agent ID changes under its workloads. Exact event logs over
// hand-built timelines of real signed evidence.
#include "SimulationTimeline.h"

#include "core/attestation/lab/TpmQuoteBuilder.h"

#include <QCryptographicHash>

using namespace ta::core;
using namespace ta::core::test;

namespace {

const QString kApiMtlsId = QStringLiteral("spiffe://lab.example/ns/payments/sa/api-mtls");

/// policies(1200, 1200), and a second grant to the workload for 4,000 s.
RuleSet twoApiGrants()
{
    QJsonObject doc = QJsonDocument::fromJson(policiesJson(1200, 1200)).object();
    QJsonArray list = doc.value(QLatin1String("policies")).toArray();
    list.append(
        QJsonObject{{QStringLiteral("name"), QStringLiteral("api-mtls")},
                    {QStringLiteral("effect"), QStringLiteral("grant")},
                    {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
                    {QStringLiteral("spiffe_id"), kApiMtlsId},
                    {QStringLiteral("condition"), QStringLiteral("subject == 'workload/api'")},
                    {QStringLiteral("x509_svid_ttl"), 4000}});
    doc.insert(QStringLiteral("policies"), list);
    auto policies = Policy::listFromJson(QJsonDocument(doc).toJson());
    if (!policies)
        qFatal("policies: %s", qPrintable(policies.error().toString()));
    return RuleSet::fromPolicies(*policies).value();
}

} // namespace

class TestSimulationDrift : public QObject, private SimulationTimeline
{
    Q_OBJECT

private Q_SLOTS:
    void imageDigestDriftRevokesWorkload();
    void pcrDriftRevokesNodeAndWorkloads();
    void revokedSigningKey();
    void expiredEvidenceRevokes();
    void aNodeBackUnderItsAgentIdIssuesWhatExpired();
};

void TestSimulationDrift::imageDigestDriftRevokesWorkload()
{
    const SimulationRun r =
        run({node(0), workload(100), workload(200, kImageB), workload(300)}, policies(3600, 3600));
    compareLogs(logOf(r),
                {issued(0, QStringLiteral("node/a"), kNodeId, QStringLiteral("c1"), 1,
                        QStringLiteral("node-a"), 3600),
                 issued(100, QStringLiteral("workload/api"), kApiId, QStringLiteral("c2"), 2,
                        QStringLiteral("api"), 3700),
                 revoked(200, QStringLiteral("workload/api"), kApiId, QStringLiteral("c2"), 3,
                         QStringLiteral("api"), {QStringLiteral("no_longer_granted")}),
                 issued(300, QStringLiteral("workload/api"), kApiId, QStringLiteral("c3"), 4,
                        QStringLiteral("api"), 3900)});
    // The revocation names the clause that failed.
    const QString detail = r.events().at(2).detail;
    QVERIFY2(detail.startsWith(QLatin1String("api: not_matched")), qPrintable(detail));
    QVERIFY2(detail.contains(kImageB), qPrintable(detail));
}

void TestSimulationDrift::pcrDriftRevokesNodeAndWorkloads()
{
    LabFixture f;
    const Key ak = Key::generate(KeyType::EcP256).value();
    TpmPcrValues golden;
    for (int i : {0, 7})
        golden[QStringLiteral("sha256")][i] =
            QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256);
    f.extraAnchors.append(
        QJsonObject{{QStringLiteral("kind"), QStringLiteral("tpm_ak")},
                    {QStringLiteral("subject"), QStringLiteral("node/t")},
                    {QStringLiteral("public_key_pem"), QString::fromLatin1(ak.publicPem())}});
    for (int i : {0, 7})
        f.referenceValues.append(
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("pcr")},
                        {QStringLiteral("subject"), QStringLiteral("node/t")},
                        {QStringLiteral("bank"), QStringLiteral("sha256")},
                        {QStringLiteral("index"), i},
                        {QStringLiteral("value"),
                         QString::fromLatin1(golden[QStringLiteral("sha256")][i].toHex())}});
    auto quote = [&](const TpmPcrValues &pcrs, const QByteArray &nonce, qint64 secs) {
        TpmQuoteBuilder b;
        b.setNonce(nonce).setPcrValues(pcrs);
        return record(QStringLiteral("tpm"), QStringLiteral("node/t"),
                      b.buildEvidencePayload(ak).value(), t0().addSecs(secs));
    };
    // The agent ID the TPM attestation mints, for the agent's SVID.
    const QString agentId = f.replay({quote(golden, "nonce-00", 0)}).agentId;
    QVERIFY(!agentId.isEmpty());
    const AgentSigner agent = f.agent(agentId);
    TpmPcrValues drifted = golden;
    drifted[QStringLiteral("sha256")][7] =
        QCryptographicHash::hash("rootkit", QCryptographicHash::Sha256);
    const QList<EvidenceRecord> records{
        quote(golden, "nonce-01", 0),
        workload(10, kImageA, QStringLiteral("workload/w1"), &agent, QStringLiteral("unix")),
        workload(20, kImageA, QStringLiteral("workload/w2"), &agent, QStringLiteral("unix")),
        quote(drifted, "nonce-02", 30)};
    const QByteArray all = perSubjectPolicies(
        {QStringLiteral("node/t"), QStringLiteral("workload/w1"), QStringLiteral("workload/w2")},
        QStringLiteral("true"), 600);
    auto policyList = Policy::listFromJson(all);
    QVERIFY2(policyList.ok(), errorOf(policyList).constData());
    auto r = replay(f, records).simulate(RuleSet::fromPolicies(*policyList).value(), {});
    QVERIFY2(r.ok(), errorOf(r).constData());
    const QString nodeId = QStringLiteral("spiffe://lab.example/node/t");
    const QString w1 = QStringLiteral("spiffe://lab.example/workload/w1");
    const QString w2 = QStringLiteral("spiffe://lab.example/workload/w2");
    compareLogs(logOf(*r),
                {issued(0, QStringLiteral("node/t"), nodeId, QStringLiteral("c1"), 1,
                        QStringLiteral("node-t"), 600),
                 issued(10, QStringLiteral("workload/w1"), w1, QStringLiteral("c2"), 2,
                        QStringLiteral("workload-w1"), 610),
                 issued(20, QStringLiteral("workload/w2"), w2, QStringLiteral("c3"), 3,
                        QStringLiteral("workload-w2"), 620),
                 revoked(30, QStringLiteral("node/t"), nodeId, QStringLiteral("c1"), 4,
                         QStringLiteral("node-t"), {QStringLiteral("pcr_not_golden")}),
                 revoked(30, QStringLiteral("workload/w1"), w1, QStringLiteral("c2"), 4,
                         QStringLiteral("workload-w1"), {QStringLiteral("node_revoked")}),
                 revoked(30, QStringLiteral("workload/w2"), w2, QStringLiteral("c3"), 4,
                         QStringLiteral("workload-w2"), {QStringLiteral("node_revoked")})});
    QVERIFY(r->stateAt(t0().addSecs(30)).attested.isEmpty());
}

void TestSimulationDrift::revokedSigningKey()
{
    // The cluster issuer's key is revoked: the node's attestation rested on it, and so did the
    // workload's (through its node): both go at that signal, with key_revoked.
    LabFixture f;
    const AgentSigner agent = f.agent(kAgent);
    const EvidenceRecord n = record(QStringLiteral("k8s_psat"), QStringLiteral("node/a"),
                                    f.psatPayload(t0().addSecs(-5)), t0());
    const EvidenceRecord w = record(
        QStringLiteral("k8s"), QStringLiteral("workload/api"),
        agent
            .sign(QStringLiteral("workload/api"), {QStringLiteral("k8s:ns:payments")},
                  {{QStringLiteral("image"), kImageA}}, t0().addSecs(100), QStringLiteral("j1"))
            .value(),
        t0().addSecs(100));
    const QString fp = QString::fromLatin1(f.cluster.rotate());
    const EvidenceRecord revoke =
        signal(QStringLiteral("revoke-key"), QStringLiteral("fingerprint"), fp, t0().addSecs(200));
    auto r = replay(f, {n, w, revoke}).simulate(policies(3600, 3600), {});
    QVERIFY2(r.ok(), errorOf(r).constData());
    compareLogs(logOf(*r),
                {issued(0, QStringLiteral("node/a"), kNodeId, QStringLiteral("c1"), 1,
                        QStringLiteral("node-a"), 3600),
                 issued(100, QStringLiteral("workload/api"), kApiId, QStringLiteral("c2"), 2,
                        QStringLiteral("api"), 3700),
                 revoked(200, QStringLiteral("node/a"), kNodeId, QStringLiteral("c1"), 3,
                         QStringLiteral("node-a"), {QStringLiteral("key_revoked")}),
                 revoked(200, QStringLiteral("workload/api"), kApiId, QStringLiteral("c2"), 3,
                         QStringLiteral("api"), {QStringLiteral("key_revoked")})});
    QCOMPARE(r->summary().subjects, 2);
    QCOMPARE(r->summary().records, 3);
}

void TestSimulationDrift::expiredEvidenceRevokes()
{
    // The node presents a token long expired: the record is contraindicated and its own codes
    // revoke the node's credential at once, and the workload's under it.
    const EvidenceRecord stale =
        record(QStringLiteral("k8s_psat"), QStringLiteral("node/a"),
               m_f.psatPayload(t0().addSecs(200 - 7200)), t0().addSecs(200));
    const SimulationRun r = run({node(0), workload(100), stale}, policies(3600, 3600));
    compareLogs(logOf(r),
                {issued(0, QStringLiteral("node/a"), kNodeId, QStringLiteral("c1"), 1,
                        QStringLiteral("node-a"), 3600),
                 issued(100, QStringLiteral("workload/api"), kApiId, QStringLiteral("c2"), 2,
                        QStringLiteral("api"), 3700),
                 revoked(200, QStringLiteral("node/a"), kNodeId, QStringLiteral("c1"), 3,
                         QStringLiteral("node-a"), {QStringLiteral("expired")}),
                 revoked(200, QStringLiteral("workload/api"), kApiId, QStringLiteral("c2"), 3,
                         QStringLiteral("api"), {QStringLiteral("node_revoked")})});
    QCOMPARE(historyOf(r, QStringLiteral("node/a")).constLast(),
             QStringLiteral("200 refused 3 [expired] []"));
}

void TestSimulationDrift::aNodeBackUnderItsAgentIdIssuesWhatExpired()
{
    // The verifier binds a node's subject to the agent ID it first proved (subject_mismatch),
    // so a recorded timeline cannot move it; the engine is fed results, and handles a node
    // that comes under another agent ID. Here the node's record at 650 does: the workload's
    // agent names no node any more, so its short credential is not renewed at half its TTL and
    // expires, while the workload itself is still attested.
    QList<AttestationResult> results =
        resultsOf({node(0), workload(100), node(650), node(800), workload(1400)});
    QCOMPARE(results.size(), 5);
    for (const AttestationResult &r : results)
        QVERIFY2(r.accepted(), qPrintable(r.subject));
    results[2].agentId = QStringLiteral("spiffe://lab.example/spire/agent/k8s_psat/prod/other");
    SimulationSettings s;
    s.freshness = 5000;
    s.until = t0().addSecs(1500);
    const auto play = [&](const QList<AttestationResult> &fed) {
        return feedAll(twoApiGrants(), s, fed);
    };
    const QString api = QStringLiteral("workload/api");
    const QString node = QStringLiteral("node/a");
    const QList<QJsonObject> start{
        issued(0, node, kNodeId, QStringLiteral("c1"), 1, QStringLiteral("node-a"), 1200),
        issued(100, api, kApiId, QStringLiteral("c2"), 2, QStringLiteral("api"), 1300),
        issued(100, api, kApiMtlsId, QStringLiteral("c3"), 2, QStringLiteral("api-mtls"), 4100),
        renewed(600, node, kNodeId, QStringLiteral("c4"), QStringLiteral("c1"),
                QStringLiteral("node-a"), 1800),
        renewed(1200, node, kNodeId, QStringLiteral("c5"), QStringLiteral("c4"),
                QStringLiteral("node-a"), 2400),
        expired(1300, api, kApiId, QStringLiteral("c2"), QStringLiteral("api"))};
    // The node is back under the workload's agent at 800. At the workload's next record, with
    // the facts it had, the decision kept from before issues what expired again and keeps the
    // longer credential that is still live.
    const SimulationRun back = play(results);
    compareLogs(logOf(back),
                start + QList<QJsonObject>{issued(1400, api, kApiId, QStringLiteral("c6"), 5,
                                                  QStringLiteral("api"), 2600)});
    QCOMPARE(historyOf(back, api).constLast(),
             QStringLiteral("1400 attested 5 [] [%1 %2]").arg(kApiId, kApiMtlsId));
    QCOMPARE(back.stateAt(t0().addSecs(1400)).live.size(), 3);
    // Without the node back, the workload's next record finds no node under its agent: what it
    // still holds goes at that record.
    const SimulationRun gone = play({results[0], results[1], results[2], results[4]});
    compareLogs(logOf(gone),
                start + QList<QJsonObject>{revoked(1400, api, kApiMtlsId, QStringLiteral("c3"), 4,
                                                   QStringLiteral("api-mtls"),
                                                   {QStringLiteral("node_revoked")})});
}

QTEST_GUILESS_MAIN(TestSimulationDrift)
#include "tst_simulationdrift.moc"
