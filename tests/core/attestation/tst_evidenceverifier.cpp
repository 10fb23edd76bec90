// SPDX-License-Identifier: Apache-2.0
// EvidenceVerifier: time order, unknown attestors, the replay guard, signals in force from their
// instant on, and refused records that change nothing.
#include "LabFixture.h"

#include "core/attestation/CosignAttestor.h"
#include "core/attestation/EvidenceReader.h"
#include "core/attestation/SignatureMemo.h"
#include "core/attestation/X509PopAttestor.h"
#include "core/attestation/lab/EvidenceLab.h"
#include "core/crypto/CertificateBuilder.h"
#include "core/store/Workspace.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QTemporaryDir>

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
    void memoKeysOnEverythingChecked();
    void parallelReplayMatchesSequential();
    void parallelReplayRefusesBorrowedSignature();
    void streamErrorDeliversEarlierResults();
    void relabelledRecordRestoresNothing_data();
    void relabelledRecordRestoresNothing();
    void subjectBoundToAgent_data();
    void subjectBoundToAgent();
    void replayCountsAgainstSubject();
    void popChallengeIsPerAgent();
    void nodeNonceRequired_data();
    void nodeNonceRequired();
    void builtinAttestorNames();
    void subjectsAreNumberedInOrderOfFirstAppearance();

private:
    /// The four attestors whose evidence can be relabelled: one node of each, and its agent.
    struct Nodes
    {
        LabFixture f;
        Key caKey = Key::generate(KeyType::EcP256).value();
        Certificate ca;
        Key leafKey = Key::generate(KeyType::EcP256).value();
        Certificate leaf;
        Key otherLeafKey = Key::generate(KeyType::EcP256).value();
        Certificate otherLeaf;

        Nodes()
        {
            CertificateSpec s;
            s.role = CertificateSpec::Role::SigningCa;
            s.commonName = QStringLiteral("pop CA");
            s.notBefore = t0().addDays(-10);
            s.notAfter = t0().addDays(300);
            ca = CertificateBuilder::build(s, caKey, caKey, nullptr).value();
            s.role = CertificateSpec::Role::Leaf;
            s.commonName = QStringLiteral("node-7");
            leaf = CertificateBuilder::build(s, leafKey, caKey, &ca).value();
            s.commonName = QStringLiteral("node-8");
            otherLeaf = CertificateBuilder::build(s, otherLeafKey, caKey, &ca).value();
            f.extraAnchors.append(
                QJsonObject{{QStringLiteral("kind"), QStringLiteral("x509pop_ca")},
                            {QStringLiteral("name"), QStringLiteral("pop-ca")},
                            {QStringLiteral("pem"), QString::fromLatin1(ca.toPem())}});
        }
        static GcpIdentityProvider::Instance gce()
        {
            return {QStringLiteral("big-kahuna-123456"), QStringLiteral("us-west1-b"),
                    QStringLiteral("8910111213"), QStringLiteral("blog-server")};
        }
        static CloudProvider::Instance ec2()
        {
            return {QStringLiteral("123456789012"), QStringLiteral("us-west-2"),
                    QStringLiteral("us-west-2b"),   QStringLiteral("i-0b22a22eec53b9321"),
                    QStringLiteral("ami-5fb8c835"), QStringLiteral("t2.micro")};
        }
        static QString popAgent(const Certificate &c)
        {
            return QStringLiteral("spiffe://lab.example/spire/agent/x509pop/") +
                   QString::fromLatin1(
                       QCryptographicHash::hash(c.toDer(), QCryptographicHash::Sha1).toHex());
        }
        QString agentId(const QString &kind) const
        {
            if (kind == QLatin1String("k8s_psat"))
                return QStringLiteral("spiffe://lab.example/spire/agent/k8s_psat/prod/node-uid-a");
            if (kind == QLatin1String("gcp_iit"))
                return QStringLiteral(
                    "spiffe://lab.example/spire/agent/gcp_iit/big-kahuna-123456/8910111213");
            if (kind == QLatin1String("aws_iid"))
                return QStringLiteral("spiffe://lab.example/spire/agent/aws_iid/123456789012/"
                                      "us-west-2/i-0b22a22eec53b9321");
            return popAgent(leaf);
        }
        QJsonObject popPayload(const Certificate &c, const Key &key,
                               const QByteArray &challenge) const
        {
            return {
                {QStringLiteral("chain"), QJsonArray{QString::fromLatin1(c.toPem())}},
                {QStringLiteral("challenge"), QString::fromLatin1(challenge.toBase64())},
                {QStringLiteral("signature"),
                 QString::fromLatin1(X509PopAttestor::signChallenge(key, challenge).toBase64())}};
        }
        /// Fresh, genuine evidence of the node of @p kind, made at @p at (a new token, signature
        /// or challenge each time).
        EvidenceRecord fresh(const QString &kind, const QString &subject, const QDateTime &at) const
        {
            QJsonObject payload;
            if (kind == QLatin1String("k8s_psat")) {
                payload = f.psatPayload(at.addSecs(-1));
            } else if (kind == QLatin1String("gcp_iit")) {
                payload = {{QStringLiteral("token"),
                            QString::fromLatin1(
                                f.gcp
                                    .mintToken(gce(), QStringLiteral("spire-gcp-node-attestor"),
                                               at.addSecs(-1))
                                    .value())}};
            } else if (kind == QLatin1String("aws_iid")) {
                const QByteArray doc = CloudProvider::document(ec2(), t0().addDays(-1));
                payload = {{QStringLiteral("document"), QString::fromUtf8(doc)},
                           {QStringLiteral("pkcs7"),
                            QString::fromLatin1(f.aws.sign(doc, at.addSecs(-1)).value())}};
            } else {
                payload = popPayload(
                    leaf, leafKey, QByteArray("challenge@") + at.toString(Qt::ISODate).toLatin1());
            }
            return record(kind, subject, payload, at);
        }
    };

    EvidenceRecord workload(const AgentSigner &agent, const QDateTime &at, const QString &jti) const
    {
        const QString sub = QStringLiteral("workload/w");
        return record(QStringLiteral("unix"), sub,
                      agent.sign(sub, {QStringLiteral("unix:uid:1000")}, {}, at, jti).value(), at);
    }

    EvidenceRecord psat(const QDateTime &at,
                        const QString &subject = QStringLiteral("node/a")) const
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
    QTest::newRow("unknown kind") << "rotate-everything"
                                  << "anchor"
                                  << "k8s_issuer:prod"
                                  << "signal_unknown";
    QTest::newRow("revoke unknown anchor") << "revoke-anchor"
                                           << "anchor"
                                           << "k8s_issuer:nope"
                                           << "anchor_unknown";
    QTest::newRow("expire unknown anchor") << "expire"
                                           << "anchor"
                                           << ""
                                           << "anchor_unknown";
    QTest::newRow("revoke-key not a fingerprint") << "revoke-key"
                                                  << "fingerprint"
                                                  << "abc"
                                                  << "key_unknown";
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
    const AttestationResult s =
        v.verify(signal(QStringLiteral("revoke-anchor"), QStringLiteral("anchor"),
                        QStringLiteral("k8s_issuer:prod"), t0().addSecs(10)));
    expectOutcome(s, {});
    QCOMPARE(
        s.claims.value(QLatin1String("signal")).toObject().value(QLatin1String("kind")).toString(),
        QStringLiteral("revoke-anchor"));
    expectOutcome(v.verify(psat(t0().addSecs(20), QStringLiteral("node/b"))),
                  QStringLiteral("anchor_revoked"));
    QVERIFY(v.state().anchorRevoked(QStringLiteral("k8s_issuer:prod")));
}

void TestEvidenceVerifier::nonceIsPerSubject()
{
    const AgentSigner agent =
        m_f.agent(QStringLiteral("spiffe://lab.example/spire/agent/k8s_psat/prod/node-uid-a"));
    EvidenceVerifier v = m_f.verifier();
    expectOutcome(v.verify(psat(t0())), {});
    const QStringList sel{QStringLiteral("k8s:ns:a")};
    for (const QString &sub : {QStringLiteral("workload/one"), QStringLiteral("workload/two")}) {
        const EvidenceRecord r =
            record(QStringLiteral("k8s"), sub,
                   agent.sign(sub, sel, {}, t0(), QStringLiteral("same")).value(), t0().addSecs(1));
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
    forged.insert(QStringLiteral("token"),
                  QString::fromLatin1(
                      breakSignature(good.value(QLatin1String("token")).toString().toLatin1())));
    expectOutcome(v.verify(record(QStringLiteral("k8s_psat"), QStringLiteral("node/a"), forged)),
                  QStringLiteral("signature_invalid"));
    expectOutcome(v.verify(record(QStringLiteral("k8s_psat"), QStringLiteral("node/a"), good)), {});
}

void TestEvidenceVerifier::refusedJoinTokenStaysUnused()
{
    LabFixture f;
    f.extraAnchors.append(
        QJsonObject{{QStringLiteral("kind"), QStringLiteral("join_token")},
                    {QStringLiteral("token"), QStringLiteral("tok")},
                    {QStringLiteral("created_at"), QStringLiteral("2026-04-07T09:59:00Z")}});
    EvidenceVerifier v = f.verifier();
    const EvidenceRecord r = record(QStringLiteral("join_token"), QStringLiteral("node/j"),
                                    {{QStringLiteral("token"), QStringLiteral("tok")}});
    expectOutcome(v.verify(r), {});
    QVERIFY(
        v.state().nodeByAgent(QStringLiteral("spiffe://lab.example/spire/agent/join_token/tok")));
    EvidenceRecord again = r;
    again.time = t0().addSecs(1);
    expectOutcome(v.verify(again), QStringLiteral("token_used"));
    // The refusal is new node evidence failing: the node attestation it replaced is dropped.
    QVERIFY(
        !v.state().nodeByAgent(QStringLiteral("spiffe://lab.example/spire/agent/join_token/tok")));
}

void TestEvidenceVerifier::resultJson()
{
    AttestationResult r = m_f.replay({psat(t0())});
    const QJsonObject o = r.toJson();
    for (const char *key : {"subject", "attestor", "verdict", "selectors", "reasons", "claims",
                            "anchors", "reference_values", "freshness", "time"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    QCOMPARE(o.value(QLatin1String("verdict")).toString(), QStringLiteral("affirming"));
    r.refuse(QStringLiteral("expired"), QStringLiteral("a"), QStringLiteral("b"));
    const QJsonObject refused = r.toJson();
    QCOMPARE(refused.value(QLatin1String("verdict")).toString(), QStringLiteral("contraindicated"));
    QCOMPARE(refused.value(QLatin1String("reasons")).toArray().first().toObject(),
             (QJsonObject{{QStringLiteral("code"), QStringLiteral("expired")},
                          {QStringLiteral("expected"), QStringLiteral("a")},
                          {QStringLiteral("found"), QStringLiteral("b")}}));
}

void TestEvidenceVerifier::memoKeysOnEverythingChecked()
{
    SignatureMemo memo;
    int computed = 0;
    auto yes = [&] {
        ++computed;
        return true;
    };
    auto no = [&] {
        ++computed;
        return false;
    };
    QVERIFY(memo.check("fp1", {"alg", "ab", "c"}, yes));
    QVERIFY(memo.check("fp1", {"alg", "ab", "c"}, no)); // remembered: not computed again
    QCOMPARE(computed, 1);
    // Any difference in what was checked is another check: the key, a part, or how the bytes
    // are split into parts.
    QVERIFY(!memo.check("fp2", {"alg", "ab", "c"}, no));
    QVERIFY(!memo.check("fp1", {"alg", "a", "bc"}, no));
    QVERIFY(!memo.check("fp1", {"alg", "ab", "d"}, no));
    QVERIFY(!memo.check("fp1", {"ALG", "ab", "c"}, no));
    QCOMPARE(computed, 5);
    QCOMPARE(memo.hits(), 1);
    QCOMPARE(memo.misses(), 5);
    QCOMPARE(memo.size(), 5);
    // Without a memo, every check runs.
    QVERIFY(!checkSignature(nullptr, "fp1", {"alg", "ab", "c"}, no));
    QCOMPARE(computed, 6);
}

namespace {

struct LabRun
{
    QTemporaryDir dir;
    AnchorSet anchors;
    TrustBundleSet bundles;
    AttestationSettings settings;
    QByteArray evidence;
};

std::unique_ptr<LabRun> makeLab(qint64 records)
{
    auto run = std::make_unique<LabRun>();
    LabSettings lab;
    lab.nodes = 8;
    lab.workloads = 24;
    lab.records = records;
    lab.driftRate = 0.05;
    lab.seed = 7;
    lab.start = t0();
    lab.importEvidence = false;
    const QString ws = run->dir.filePath(QStringLiteral("lab.atlas"));
    const QString anchors = run->dir.filePath(QStringLiteral("a.json"));
    const QString evidence = run->dir.filePath(QStringLiteral("e.jsonl"));
    auto sum = EvidenceLab::generate(ws, anchors, evidence, lab, std::nullopt);
    if (!sum)
        qFatal("lab: %s", qPrintable(sum.error().toString()));
    QFile a(anchors);
    QFile e(evidence);
    if (!a.open(QIODevice::ReadOnly) || !e.open(QIODevice::ReadOnly))
        qFatal("lab files");
    run->anchors = AnchorSet::fromImportJson(a.readAll()).value();
    run->evidence = e.readAll();
    auto workspace = Workspace::open(ws, {});
    if (!workspace)
        qFatal("lab workspace: %s", qPrintable(workspace.error().toString()));
    run->bundles.insert((*workspace)->bundle(lab.trustDomain).value());
    run->settings.trustDomain = TrustDomain::fromName(lab.trustDomain).value();
    return run;
}

} // namespace

void TestEvidenceVerifier::parallelReplayMatchesSequential()
{
    const auto lab = makeLab(3000);
    // Sequential: verify() one record at a time, no memo.
    QList<QByteArray> sequential;
    {
        EvidenceVerifier v(lab->anchors, lab->bundles, lab->settings);
        QBuffer in;
        in.setData(lab->evidence);
        QVERIFY(in.open(QIODevice::ReadOnly));
        auto n = EvidenceReader::forEach(in, [&](const EvidenceRecord &r) -> Result<void> {
            sequential << QJsonDocument(v.verify(r).toJson()).toJson(QJsonDocument::Compact);
            return {};
        });
        QVERIFY(n.ok());
        QCOMPARE(v.signaturesReused(), 0);
    }
    QCOMPARE(sequential.size(), 3000);
    qsizetype refused = 0;
    for (const QByteArray &line : sequential)
        refused += line.contains("\"contraindicated\"");
    // The timeline exercises refusals as well as acceptances (drift, revoked key, replays).
    QVERIFY2(refused > 30 && refused < 1500, QByteArray::number(refused));

    for (int threads : {2, 4}) {
        EvidenceVerifier v(lab->anchors, lab->bundles, lab->settings);
        v.setThreads(threads);
        QCOMPARE(v.threads(), threads);
        QList<QByteArray> parallel;
        QBuffer in;
        in.setData(lab->evidence);
        QVERIFY(in.open(QIODevice::ReadOnly));
        auto n = v.verifyStream(in, [&](const AttestationResult &r) {
            parallel << QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact);
        });
        QVERIFY(n.ok());
        QCOMPARE(*n, 3000);
        QCOMPARE(parallel.size(), sequential.size());
        for (qsizetype i = 0; i < parallel.size(); ++i)
            QVERIFY2(parallel[i] == sequential[i],
                     qPrintable(QStringLiteral("record %1:\n%2\n%3")
                                    .arg(i)
                                    .arg(QString::fromUtf8(parallel[i]),
                                         QString::fromUtf8(sequential[i]))));
        // The pre-pass did the work: the replay kept most of its results as they were, and
        // verified the rest again with the signatures the pre-pass remembered, computing almost
        // none itself. Those are records whose attestor's questions the replay's state answered
        // otherwise: workloads of the first four batches (1,024 records: three run ahead of the
        // replay), whose pre-pass saw the empty state, then those whose node was attested anew
        // or dropped since the copy was taken (8 nodes, 5% drift: often, in this small lab).
        // bench_simulation prints the share on a large lab (prepass_results_kept, 0.98).
        const QString counts = QStringLiteral("kept %1, reused %2, computed %3")
                                   .arg(v.prepassResultsKept())
                                   .arg(v.signaturesReused())
                                   .arg(v.signaturesComputedInReplay());
        QVERIFY2(v.prepassResultsKept() > 1000, qPrintable(counts));
        QVERIFY2(v.signaturesComputedInReplay() <= (3000 - v.prepassResultsKept()) / 10,
                 qPrintable(counts));
    }
}

void TestEvidenceVerifier::parallelReplayRefusesBorrowedSignature()
{
    // A genuine signature moved onto other signed bytes: with the genuine record in the same
    // batch, its remembered outcome must not vouch for the forgery.
    const QString repo = QStringLiteral("registry.example/pay/api");
    const QString digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
    const QString otherDigest = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));
    LabFixture f;
    for (const QString &d : {digest, otherDigest})
        f.referenceValues.append(
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("image_digest")},
                        {QStringLiteral("image"), repo},
                        {QStringLiteral("digest"), d}});
    const QJsonObject good = f.release.sign(repo, digest).value();
    QJsonObject forged = good;
    forged.insert(
        QStringLiteral("payload"),
        QString::fromLatin1(CosignAttestor::simpleSigningPayload(repo, otherDigest).toBase64()));
    forged.insert(QStringLiteral("image"), repo + QLatin1Char('@') + otherDigest);
    EvidenceVerifier v = f.verifier();
    v.setThreads(2);
    QList<AttestationResult> results;
    auto sink = [&](const AttestationResult &r) { results << r; };
    v.submit(record(QStringLiteral("cosign"), QStringLiteral("image/a"), good, t0()), sink);
    v.submit(record(QStringLiteral("cosign"), QStringLiteral("image/b"), forged, t0().addSecs(1)),
             sink);
    v.finish(sink);
    QCOMPARE(results.size(), 2);
    expectOutcome(results[0], {});
    expectOutcome(results[1], QStringLiteral("signature_invalid"));
}

void TestEvidenceVerifier::streamErrorDeliversEarlierResults()
{
    QByteArray jsonl;
    for (int i = 0; i < 3; ++i)
        jsonl += QJsonDocument(record(QStringLiteral("k8s_psat"), QStringLiteral("node/n"),
                                      m_f.psatPayload(t0().addSecs(i - 1)), t0().addSecs(i))
                                   .toJson())
                     .toJson(QJsonDocument::Compact) +
                 '\n';
    jsonl += "{not json\n";
    EvidenceVerifier v = m_f.verifier();
    v.setThreads(2);
    QBuffer in(&jsonl);
    QVERIFY(in.open(QIODevice::ReadOnly));
    int delivered = 0;
    auto n = v.verifyStream(in, [&](const AttestationResult &r) {
        ++delivered;
        QVERIFY(r.accepted());
    });
    QVERIFY(!n.ok());
    QCOMPARE(delivered, 3);
}

static void addNodeKinds()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"k8s_psat", "gcp_iit", "x509pop", "aws_iid"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestEvidenceVerifier::relabelledRecordRestoresNothing_data()
{
    addNodeKinds();
}

void TestEvidenceVerifier::relabelledRecordRestoresNothing()
{
    // Issue 8, finding 1: after a drift refused a node, a relabelled copy of its old good
    // record must not restore its attestation, nor the workloads resting on it.
    QFETCH(QString, kind);
    const Nodes n;
    const QString agentId = n.agentId(kind);
    const AgentSigner agent = n.f.agent(agentId);
    EvidenceVerifier v = n.f.verifier();
    const EvidenceRecord good = n.fresh(kind, QStringLiteral("node/a"), t0());
    expectOutcome(v.verify(good), {});
    expectOutcome(v.verify(workload(agent, t0().addSecs(1), QStringLiteral("w-1"))), {});

    // Drift: the node's new evidence is refused, and its attestation dropped.
    expectOutcome(v.verify(record(kind, QStringLiteral("node/a"), {}, t0().addSecs(10))),
                  QStringLiteral("malformed"));
    QVERIFY(!v.state().nodeByAgent(agentId));
    expectOutcome(v.verify(workload(agent, t0().addSecs(11), QStringLiteral("w-2"))),
                  QStringLiteral("agent_not_attested"));

    // The old good record under a new label, then under its own: refused both times.
    EvidenceRecord relabelled = good;
    relabelled.subject = QStringLiteral("node/evil");
    relabelled.time = t0().addSecs(20);
    expectOutcome(v.verify(relabelled), QStringLiteral("subject_mismatch"));
    EvidenceRecord again = good;
    again.time = t0().addSecs(21);
    expectOutcome(v.verify(again), QStringLiteral("replayed"));
    QVERIFY(!v.state().nodeByAgent(agentId));
    expectOutcome(v.verify(workload(agent, t0().addSecs(22), QStringLiteral("w-3"))),
                  QStringLiteral("agent_not_attested"));

    // Fresh evidence under its own label re-attests it.
    expectOutcome(v.verify(n.fresh(kind, QStringLiteral("node/a"), t0().addSecs(30))), {});
    expectOutcome(v.verify(workload(agent, t0().addSecs(31), QStringLiteral("w-4"))), {});
}

void TestEvidenceVerifier::subjectBoundToAgent_data()
{
    addNodeKinds();
}

void TestEvidenceVerifier::subjectBoundToAgent()
{
    QFETCH(QString, kind);
    const Nodes n;
    EvidenceVerifier v = n.f.verifier();
    expectOutcome(v.verify(n.fresh(kind, QStringLiteral("node/a"), t0())), {});
    // Fresh evidence of the same agent (the same instance, for TOFU attestors) under another
    // label is refused; the label names what it was first bound to.
    const AttestationResult other =
        v.verify(n.fresh(kind, QStringLiteral("node/b"), t0().addSecs(5)));
    expectOutcome(other, QStringLiteral("subject_mismatch"));
    QCOMPARE(other.reasons.first().expected, n.agentId(kind) + QStringLiteral(": node/a"));
    QCOMPARE(other.reasons.first().found, n.agentId(kind) + QStringLiteral(": node/b"));
    // A refused label takes nothing from the node it does not name.
    QVERIFY(v.state().nodeByAgent(n.agentId(kind)));
    // Fresh evidence under the bound label re-attests (a new token with its own iat, a new
    // signature, a new challenge).
    expectOutcome(v.verify(n.fresh(kind, QStringLiteral("node/a"), t0().addSecs(10))), {});
    if (kind == QLatin1String("x509pop")) {
        // Another agent (another certificate) under the bound label is refused as well.
        const AttestationResult r = v.verify(
            record(kind, QStringLiteral("node/a"),
                   n.popPayload(n.otherLeaf, n.otherLeafKey, "challenge-other"), t0().addSecs(20)));
        expectOutcome(r, QStringLiteral("subject_mismatch"));
        QCOMPARE(r.reasons.first().expected, QStringLiteral("node/a: ") + n.agentId(kind));
        QCOMPARE(r.reasons.first().found,
                 QStringLiteral("node/a: ") + Nodes::popAgent(n.otherLeaf));
    }
}

void TestEvidenceVerifier::replayCountsAgainstSubject()
{
    // Fail closed: a node record that fails for any reason, a replay included, drops the node
    // its subject names.
    EvidenceVerifier v = m_f.verifier();
    const EvidenceRecord good = psat(t0());
    const AttestationResult first = v.verify(good);
    expectOutcome(first, {});
    const QString agentId =
        QStringLiteral("spiffe://lab.example/spire/agent/k8s_psat/prod/node-uid-a");
    QVERIFY(v.state().nodeByAgent(agentId));
    // The guard keys node nonces on the agent ID the evidence proves, not on the label.
    QVERIFY(v.replayGuard().seen(agentId, first.nonce));
    QVERIFY(!v.replayGuard().seen(QStringLiteral("node/a"), first.nonce));
    EvidenceRecord again = good;
    again.time = t0().addSecs(1);
    expectOutcome(v.verify(again), QStringLiteral("replayed"));
    QVERIFY(!v.state().nodeByAgent(agentId));
}

void TestEvidenceVerifier::popChallengeIsPerAgent()
{
    // x509pop: the recorded challenge is the replay key, per agent ID.
    const Nodes n;
    EvidenceVerifier v = n.f.verifier();
    const QByteArray challenge = "the same challenge";
    expectOutcome(v.verify(record(QStringLiteral("x509pop"), QStringLiteral("node/a"),
                                  n.popPayload(n.leaf, n.leafKey, challenge), t0())),
                  {});
    expectOutcome(
        v.verify(record(QStringLiteral("x509pop"), QStringLiteral("node/b"),
                        n.popPayload(n.otherLeaf, n.otherLeafKey, challenge), t0().addSecs(1))),
        {});
    expectOutcome(v.verify(record(QStringLiteral("x509pop"), QStringLiteral("node/a"),
                                  n.popPayload(n.leaf, n.leafKey, challenge), t0().addSecs(2))),
                  QStringLiteral("replayed"));
    // A challenge too short to be a nonce.
    expectOutcome(
        v.verify(record(QStringLiteral("x509pop"), QStringLiteral("node/b"),
                        n.popPayload(n.otherLeaf, n.otherLeafKey, "1234567"), t0().addSecs(3))),
        QStringLiteral("nonce_missing"));
}

namespace {

/// A node attestor that accepts anything, proving @p agentId with @p nonce: what the verifier
/// must not trust when the nonce is missing.
class FixedNodeAttestor : public Attestor
{
public:
    FixedNodeAttestor(QString agentId, QString nonce)
        : m_agentId(std::move(agentId)), m_nonce(std::move(nonce))
    {}
    QString name() const override { return QStringLiteral("fixed_node"); }
    bool attestsNodes() const override { return true; }
    AttestationResult verify(const EvidenceRecord &record,
                             const AttestationContext &) const override
    {
        AttestationResult r = startResult(record);
        r.agentId = m_agentId;
        r.nonce = m_nonce;
        r.selectors << QStringLiteral("fixed_node:x");
        return r;
    }

private:
    QString m_agentId;
    QString m_nonce;
};

} // namespace

void TestEvidenceVerifier::nodeNonceRequired_data()
{
    QTest::addColumn<QString>("agentId");
    QTest::addColumn<QString>("nonce");
    QTest::addColumn<QString>("code");
    const QString agent = QStringLiteral("spiffe://lab.example/spire/agent/fixed/1");
    QTest::newRow("no nonce") << agent << QString() << "nonce_missing";
    QTest::newRow("7 bytes") << agent << QStringLiteral("1234567") << "nonce_missing";
    QTest::newRow("8 bytes") << agent << QStringLiteral("12345678") << "";
    QTest::newRow("no agent ID") << QString() << QStringLiteral("12345678") << "malformed";
}

void TestEvidenceVerifier::nodeNonceRequired()
{
    QFETCH(QString, agentId);
    QFETCH(QString, nonce);
    QFETCH(QString, code);
    EvidenceVerifier v = m_f.verifier();
    v.addAttestor(std::make_unique<FixedNodeAttestor>(agentId, nonce));
    const EvidenceRecord r = record(QStringLiteral("fixed_node"), QStringLiteral("node/f"), {});
    expectOutcome(v.verify(r), code);
    if (code.isEmpty()) {
        EvidenceRecord again = r;
        again.time = t0().addSecs(1);
        expectOutcome(v.verify(again), QStringLiteral("replayed"));
    }
}

void TestEvidenceVerifier::builtinAttestorNames()
{
    QCOMPARE(EvidenceVerifier::builtinAttestorNames(), m_f.verifier().attestorNames());
    QVERIFY(EvidenceVerifier::builtinAttestorNames().contains(QStringLiteral("tpm")));
}

void TestEvidenceVerifier::subjectsAreNumberedInOrderOfFirstAppearance()
{
    // Every record's subject gets a number, in order of first appearance, whether the record is
    // verified at once or queued; a sink reads it for the result it is given. Queued records of
    // one subject share one text, and so do their results.
    const QList<const char *> subjects{"node/a", "node/b", "node/a", "image/c", "node/b", "node/a"};
    const QList<int> expected{0, 1, 0, 2, 1, 0};
    for (const int threads : {1, 2}) {
        EvidenceVerifier v = m_f.verifier();
        v.setThreads(threads);
        QCOMPARE(v.subjectNumber(), -1);
        QList<int> numbers;
        QList<AttestationResult> results;
        const auto sink = [&](AttestationResult &&r) {
            numbers << v.subjectNumber();
            results << std::move(r);
        };
        // Each record's subject is a string of its own, as a reader makes them.
        for (qsizetype i = 0; i < subjects.size(); ++i)
            v.submit(record(QStringLiteral("azure_msi"), QString::fromLatin1(subjects.at(i)), {},
                            t0().addSecs(i)),
                     sink);
        v.finish(sink);
        QCOMPARE(numbers, expected);
        QCOMPARE(results.size(), subjects.size());
        for (qsizetype i = 0; i < subjects.size(); ++i)
            QCOMPARE(results.at(i).subject, QString::fromLatin1(subjects.at(i)));
        if (threads > 1) {
            QVERIFY(results.at(2).subject.isSharedWith(results.at(0).subject));
            QVERIFY(results.at(5).subject.isSharedWith(results.at(0).subject));
            QVERIFY(results.at(4).subject.isSharedWith(results.at(1).subject));
        }
        // Verified at once: a subject seen before gets its number, a new one the next.
        expectOutcome(v.verify(record(QStringLiteral("azure_msi"), QStringLiteral("image/c"), {},
                                      t0().addSecs(10))),
                      QStringLiteral("attestor_unknown"));
        QCOMPARE(v.subjectNumber(), 2);
        expectOutcome(v.verify(record(QStringLiteral("azure_msi"), QStringLiteral("image/d"), {},
                                      t0().addSecs(11))),
                      QStringLiteral("attestor_unknown"));
        QCOMPARE(v.subjectNumber(), 3);
    }
}

QTEST_GUILESS_MAIN(TestEvidenceVerifier)
#include "tst_evidenceverifier.moc"
