// SPDX-License-Identifier: Apache-2.0
// EvidenceVerifier: time order, unknown attestors, the replay guard, signals in force from their
// instant on, and refused records that change nothing.
#include "LabFixture.h"

#include "core/attestation/lab/EvidenceLab.h"
#include "core/attestation/CosignAttestor.h"
#include "core/attestation/SignatureMemo.h"
#include "core/attestation/EvidenceReader.h"
#include "core/store/Workspace.h"

#include <QBuffer>
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

void TestEvidenceVerifier::memoKeysOnEverythingChecked()
{
    SignatureMemo memo;
    int computed = 0;
    auto yes = [&] { ++computed; return true; };
    auto no = [&] { ++computed; return false; };
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
            QVERIFY2(parallel[i] == sequential[i], qPrintable(QStringLiteral("record %1:\n%2\n%3").arg(i).arg(
                                                       QString::fromUtf8(parallel[i]), QString::fromUtf8(sequential[i]))));
        // The pre-pass did the signature work: the replay computed almost none itself (only
        // what an empty state cannot reach, e.g. records refused before their signature).
        QVERIFY2(v.signaturesReused() > 2000,
                 qPrintable(QStringLiteral("reused %1, computed %2")
                                .arg(v.signaturesReused())
                                .arg(v.signaturesComputedInReplay())));
        QVERIFY(v.signaturesComputedInReplay() < v.signaturesReused() / 10);
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
        f.referenceValues.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("image_digest")},
                                             {QStringLiteral("image"), repo},
                                             {QStringLiteral("digest"), d}});
    const QJsonObject good = f.release.sign(repo, digest).value();
    QJsonObject forged = good;
    forged.insert(QStringLiteral("payload"),
                  QString::fromLatin1(CosignAttestor::simpleSigningPayload(repo, otherDigest).toBase64()));
    forged.insert(QStringLiteral("image"), repo + QLatin1Char('@') + otherDigest);
    EvidenceVerifier v = f.verifier();
    v.setThreads(2);
    QList<AttestationResult> results;
    auto sink = [&](const AttestationResult &r) { results << r; };
    v.submit(record(QStringLiteral("cosign"), QStringLiteral("image/a"), good, t0()), sink);
    v.submit(record(QStringLiteral("cosign"), QStringLiteral("image/b"), forged, t0().addSecs(1)), sink);
    v.finish(sink);
    QCOMPARE(results.size(), 2);
    expectOutcome(results[0], {});
    expectOutcome(results[1], QStringLiteral("signature_invalid"));
}

void TestEvidenceVerifier::streamErrorDeliversEarlierResults()
{
    QByteArray jsonl;
    for (int i = 0; i < 3; ++i)
        jsonl += QJsonDocument(record(QStringLiteral("k8s_psat"), QStringLiteral("node/n%1").arg(i),
                                      m_f.psatPayload(t0().addSecs(i - 1)), t0().addSecs(i))
                                   .toJson())
                     .toJson(QJsonDocument::Compact)
                 + '\n';
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

QTEST_GUILESS_MAIN(TestEvidenceVerifier)
#include "tst_evidenceverifier.moc"
