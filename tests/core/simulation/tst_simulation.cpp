// SPDX-License-Identifier: Apache-2.0
// The simulation engine over hand-built timelines of real signed evidence: exact event logs for
// issue, renewal and expiry, state at an instant, what-if runs, and replays over the result
// cache. Drift and revocation are in tst_simulationdrift.
#include "SimulationTimeline.h"

#include "core/PopulatedArena.h"
#include "core/attestation/lab/EvidenceLab.h"
#include "core/simulation/ReplayResultCache.h"
#include "core/simulation/Simulation.h"
#include "core/simulation/TimelineReplay.h"
#include "core/simulation/WhatIf.h"
#include "core/store/Workspace.h"

#include <QTemporaryDir>

using namespace ta::core;
using namespace ta::core::test;

namespace {

/// The start of a log of node(0) and workload(100) under policies(1200, 1200): both issued, then
/// renewed at half their TTL.
QList<QJsonObject> issuedAndRenewedOnce()
{
    return {issued(0, QStringLiteral("node/a"), kNodeId, QStringLiteral("c1"), 1,
                   QStringLiteral("node-a"), 1200),
            issued(100, QStringLiteral("workload/api"), kApiId, QStringLiteral("c2"), 2,
                   QStringLiteral("api"), 1300),
            renewed(600, QStringLiteral("node/a"), kNodeId, QStringLiteral("c3"),
                    QStringLiteral("c1"), QStringLiteral("node-a"), 1800),
            renewed(700, QStringLiteral("workload/api"), kApiId, QStringLiteral("c4"),
                    QStringLiteral("c2"), QStringLiteral("api"), 1900)};
}

/// A lab of @p nodes, @p workloads and @p records from t0(), its evidence left in a file.
LabSettings labSettings(int nodes, int workloads, qint64 records, quint64 seed, double driftRate)
{
    LabSettings ls;
    ls.nodes = nodes;
    ls.workloads = workloads;
    ls.records = records;
    ls.driftRate = driftRate;
    ls.seed = seed;
    ls.start = t0();
    ls.importEvidence = false;
    return ls;
}

/// A lab generated into a folder (its evidence in a file, not imported), its workspace open and
/// a replay set up over it.
struct GeneratedLab
{
    std::unique_ptr<Workspace> workspace;
    std::optional<TimelineReplay> replay;
    qint64 records = 0;

    /// Generates @p ls into @p dir; empty on success, else what failed.
    QByteArray generate(const QTemporaryDir &dir, const LabSettings &ls)
    {
        const QString ws = dir.filePath(QStringLiteral("lab.atlas"));
        const QString evidence = dir.filePath(QStringLiteral("lab.jsonl"));
        auto sum = EvidenceLab::generate(ws, dir.filePath(QStringLiteral("anchors.json")), evidence,
                                         ls, std::nullopt);
        if (!sum)
            return errorOf(sum);
        records = sum->records;
        auto opened = Workspace::open(ws, QByteArray());
        if (!opened)
            return errorOf(opened);
        workspace = std::move(*opened);
        auto setup = TimelineReplay::fromWorkspace(*workspace, {});
        if (!setup)
            return errorOf(setup);
        replay.emplace(std::move(*setup));
        replay->setEvidenceFile(evidence);
        return {};
    }
};

} // namespace

class TestSimulation : public QObject, private SimulationTimeline
{
    Q_OBJECT

private Q_SLOTS:
    void renewedThenStale();
    void aResultFedOutOfOrderLapsesAtItsOwnDeadline();
    void sameFactsAfterALapseAreIssuedAgain();
    void stateAtInstants();
    void checkpointsAgreeWithFullReplay();
    void entryPastExpiresAtExpires();
    void conditionOverTimeIsDecidedAtRenewal();
    void whatIfDenyPolicy();
    void labTimelineSameOnOneAndTwoThreads();
    void aFirstRunKeepsItsResultsInThePopulatedArena();
    void progressCountsRecords();
    void progressReportsTheLastCountOnce();
    void cachedReplayReportsProgress();
    void recordsKeyFollowsTheRecords();
    void subjectNumbersOnlyFindSubjects();
    void aRerunReservesWhatTheLastRunHeld();
};

void TestSimulation::renewedThenStale()
{
    // Node and workload renewed at half their TTL while evidence comes; when it stops, each
    // lapses `freshness` after its last accepted record.
    SimulationSettings s;
    s.freshness = 1000;
    s.until = t0().addSecs(2000);
    const SimulationRun r =
        run({node(0), workload(100), workload(750), node(800)}, policies(1200, 1200), s);
    compareLogs(logOf(r),
                issuedAndRenewedOnce() +
                    QList<QJsonObject>{
                        renewed(1200, QStringLiteral("node/a"), kNodeId, QStringLiteral("c5"),
                                QStringLiteral("c3"), QStringLiteral("node-a"), 2400),
                        renewed(1300, QStringLiteral("workload/api"), kApiId, QStringLiteral("c6"),
                                QStringLiteral("c4"), QStringLiteral("api"), 2500),
                        revoked(1750, QStringLiteral("workload/api"), kApiId, QStringLiteral("c6"),
                                0, QStringLiteral("api"), {QStringLiteral("evidence_stale")}),
                        revoked(1800, QStringLiteral("node/a"), kNodeId, QStringLiteral("c5"), 0,
                                QStringLiteral("node-a"), {QStringLiteral("evidence_stale")})});
    const SimulationRun::Summary sum = r.summary();
    QCOMPARE(sum.toJson(), (QJsonObject{{QStringLiteral("summary"),
                                         QJsonObject{{QStringLiteral("records"), 4},
                                                     {QStringLiteral("subjects"), 2},
                                                     {QStringLiteral("issued"), 2},
                                                     {QStringLiteral("renewed"), 4},
                                                     {QStringLiteral("expired"), 0},
                                                     {QStringLiteral("revoked"), 2},
                                                     {QStringLiteral("denied"), 0}}}}));
    // Lifetimes: c2 rests on its own record and its node's; c6 on the workload's last and the
    // node's last at renewal time.
    QCOMPARE(r.credential(QStringLiteral("c2"))->restsOn(), (QList<qint64>{2, 1}));
    QCOMPARE(r.credential(QStringLiteral("c6"))->restsOn(), (QList<qint64>{3, 4}));
    QCOMPARE(r.credential(QStringLiteral("c2"))->end, SimulatedCredential::End::Renewed);
    QCOMPARE(r.credential(QStringLiteral("c2"))->replacedBy, QStringLiteral("c4"));
    // Each subject's history: its records (the second under the decision it kept) and its
    // lapse, each with what it granted.
    QCOMPARE(historyOf(r, QStringLiteral("node/a")),
             QStringList({QStringLiteral("0 attested 1 [] [") + kNodeId + QStringLiteral("]"),
                          QStringLiteral("800 attested 4 [] [") + kNodeId + QStringLiteral("]"),
                          QStringLiteral("1800 stale 0 [] []")}));
    QCOMPARE(historyOf(r, QStringLiteral("workload/api")),
             QStringList({QStringLiteral("100 attested 2 [] [") + kApiId + QStringLiteral("]"),
                          QStringLiteral("750 attested 3 [] [") + kApiId + QStringLiteral("]"),
                          QStringLiteral("1750 stale 0 [] []")}));
}

void TestSimulation::aResultFedOutOfOrderLapsesAtItsOwnDeadline()
{
    // Freshness deadlines queue in the order records come, which is the order they fall due
    // while records come in time order (the verifier refuses one that does not). The engine
    // fed a result out of order still lapses its subject `freshness` after that result: the
    // node's last result is at 50, after the workload's at 100, so the node lapses at 1050 and
    // takes the workload with it, before the workload's own deadline at 1100.
    QList<AttestationResult> results = resultsOf({node(0), workload(100), node(150)});
    QCOMPARE(results.size(), 3);
    results[2].time = t0().addSecs(50);
    SimulationSettings s;
    s.freshness = 1000;
    s.until = t0().addSecs(2000);
    compareLogs(logOf(feedAll(policies(3600, 3600), s, results)),
                {issued(0, QStringLiteral("node/a"), kNodeId, QStringLiteral("c1"), 1,
                        QStringLiteral("node-a"), 3600),
                 issued(100, QStringLiteral("workload/api"), kApiId, QStringLiteral("c2"), 2,
                        QStringLiteral("api"), 3700),
                 revoked(1050, QStringLiteral("node/a"), kNodeId, QStringLiteral("c1"), 0,
                         QStringLiteral("node-a"), {QStringLiteral("evidence_stale")}),
                 revoked(1050, QStringLiteral("workload/api"), kApiId, QStringLiteral("c2"), 0,
                         QStringLiteral("api"), {QStringLiteral("node_revoked")})});
}

void TestSimulation::sameFactsAfterALapseAreIssuedAgain()
{
    // The node's evidence stops, its attestation lapses and takes the workload's credential
    // with it; when both come back with the facts they had, the rules' outcome is the one kept
    // from before the lapse, and the credentials it grants are issued again at those records.
    SimulationSettings s;
    s.freshness = 1000;
    s.until = t0().addSecs(3500);
    const SimulationRun r =
        run({node(0), workload(100), workload(200), node(3000), workload(3100), workload(3200)},
            policies(1200, 1200), s);
    compareLogs(logOf(r),
                issuedAndRenewedOnce() +
                    QList<QJsonObject>{
                        revoked(1000, QStringLiteral("node/a"), kNodeId, QStringLiteral("c3"), 0,
                                QStringLiteral("node-a"), {QStringLiteral("evidence_stale")}),
                        revoked(1000, QStringLiteral("workload/api"), kApiId, QStringLiteral("c4"),
                                0, QStringLiteral("api"), {QStringLiteral("node_revoked")}),
                        issued(3000, QStringLiteral("node/a"), kNodeId, QStringLiteral("c5"), 4,
                               QStringLiteral("node-a"), 4200),
                        issued(3100, QStringLiteral("workload/api"), kApiId, QStringLiteral("c6"),
                               5, QStringLiteral("api"), 4300)});
}

void TestSimulation::stateAtInstants()
{
    SimulationSettings s;
    s.freshness = 1000;
    s.until = t0().addSecs(2000);
    const SimulationRun r =
        run({node(0), workload(100), workload(750), node(800)}, policies(1200, 1200), s);
    SimulationState st = r.stateAt(t0().addSecs(-1));
    QVERIFY(st.attested.isEmpty());
    QVERIFY(st.live.isEmpty());
    st = r.stateAt(t0().addSecs(1250));
    QCOMPARE(st.attested, (QStringList{QStringLiteral("node/a"), QStringLiteral("workload/api")}));
    QCOMPARE(st.live,
             (QList<LiveCredential>{
                 {QStringLiteral("c4"), QStringLiteral("workload/api"), kApiId, t0().addSecs(1900)},
                 {QStringLiteral("c5"), QStringLiteral("node/a"), kNodeId, t0().addSecs(2400)}}));
    // At the instant of a change, the change has happened.
    st = r.stateAt(t0().addSecs(1750));
    QCOMPARE(st.attested, QStringList{QStringLiteral("node/a")});
    QCOMPARE(st.live.size(), 1);
    QCOMPARE(st.live.at(0).credential, QStringLiteral("c5"));
    st = r.stateAt(t0().addSecs(1800));
    QVERIFY(st.attested.isEmpty());
    QVERIFY(st.live.isEmpty());
    QCOMPARE(r.stateAt(t0().addSecs(100)).toJson().value(QLatin1String("live")).toArray().size(),
             2);
}

void TestSimulation::checkpointsAgreeWithFullReplay()
{
    SimulationSettings every;
    every.freshness = 1000;
    every.until = t0().addSecs(2000);
    every.checkpointInterval = 1;
    SimulationSettings none = every;
    none.checkpointInterval = 1 << 30;
    SimulationSettings some = every;
    some.checkpointInterval = 3;
    const QList<EvidenceRecord> records{node(0), workload(100), workload(750), node(800)};
    const SimulationRun a = run(records, policies(1200, 1200), every);
    const SimulationRun b = run(records, policies(1200, 1200), none);
    const SimulationRun c = run(records, policies(1200, 1200), some);
    for (qint64 t = -10; t <= 2010; t += 50) {
        const SimulationState sa = a.stateAt(t0().addSecs(t));
        QCOMPARE(sa.toJson(), b.stateAt(t0().addSecs(t)).toJson());
        QCOMPARE(sa.toJson(), c.stateAt(t0().addSecs(t)).toJson());
        // The lifetimes say the same as the checkpointed state.
        QStringList live;
        for (const SimulatedCredential &cred : a.credentials()) {
            if (cred.liveAt(t0().addSecs(t)))
                live << cred.id;
        }
        QStringList fromState;
        for (const LiveCredential &l : sa.live)
            fromState << l.credential;
        QCOMPARE(fromState, live);
    }
}

void TestSimulation::entryPastExpiresAtExpires()
{
    // SPIRE stops serving an entry past expires_at without revoking what it served: the
    // credential is not renewed at half its TTL and expires at not-after.
    RegistrationEntry e;
    e.id = QStringLiteral("e-api");
    e.spiffeId = kApiId;
    e.parentId = kAgent;
    e.selectors = {Selector::parse(QStringLiteral("k8s:ns:payments")).value()};
    e.x509SvidTtl = 1200;
    e.expiresAt = t0().addSecs(600).toSecsSinceEpoch();
    SimulationSettings s;
    s.until = t0().addSecs(1400);
    const SimulationRun r = run({node(0), workload(100)}, RuleSet::fromEntries({e}).value(), s);
    compareLogs(logOf(r), {issued(100, QStringLiteral("workload/api"), kApiId, QStringLiteral("c1"),
                                  2, QStringLiteral("e-api"), 1300),
                           expired(1300, QStringLiteral("workload/api"), kApiId,
                                   QStringLiteral("c1"), QStringLiteral("e-api"))});
    QCOMPARE(r.summary().expired, 1);
    QCOMPARE(r.credential(QStringLiteral("c1"))->end, SimulatedCredential::End::Expired);
    // Without expires_at it is renewed instead.
    e.expiresAt = 0;
    const SimulationRun kept = run({node(0), workload(100)}, RuleSet::fromEntries({e}).value(), s);
    QCOMPARE(kept.summary().renewed, 2);
    QCOMPARE(kept.summary().expired, 0);
}

void TestSimulation::conditionOverTimeIsDecidedAtRenewal()
{
    // A renewal reuses the subject's last decision only while the rules cannot change their
    // answer with the instant alone. A condition over `time` is asked again at the renewal:
    // from t0+600 it no longer holds, so the credential is not renewed and expires at not-after.
    const QString before = QStringLiteral("time < timestamp('%1')").arg(at(600));
    auto timed = Policy::listFromJson(perSubjectPolicies({QStringLiteral("node/a")}, before, 1200));
    QVERIFY2(timed.ok(), errorOf(timed).constData());
    const RuleSet overTime = RuleSet::fromPolicies(*timed).value();
    QVERIFY(overTime.decidesOverTime());
    SimulationSettings s;
    s.until = t0().addSecs(1400);
    const SimulationRun r = run({node(0)}, overTime, s);
    const QString id = QStringLiteral("spiffe://lab.example/node/a");
    compareLogs(logOf(r), {issued(0, QStringLiteral("node/a"), id, QStringLiteral("c1"), 1,
                                  QStringLiteral("node-a"), 1200),
                           expired(1200, QStringLiteral("node/a"), id, QStringLiteral("c1"),
                                   QStringLiteral("node-a"))});
    // The same grant without the clause does not decide over time: renewed at half its TTL.
    auto plain = Policy::listFromJson(
        perSubjectPolicies({QStringLiteral("node/a")}, QStringLiteral("true"), 1200));
    QVERIFY2(plain.ok(), errorOf(plain).constData());
    const RuleSet timeless = RuleSet::fromPolicies(*plain).value();
    QVERIFY(!timeless.decidesOverTime());
    const SimulationRun kept = run({node(0)}, timeless, s);
    QCOMPARE(kept.summary().renewed, 2);
    QCOMPARE(kept.summary().expired, 0);
}

void TestSimulation::whatIfDenyPolicy()
{
    const QList<EvidenceRecord> records{node(0), workload(100), workload(200)};
    auto runs = WhatIf::runRules(replay(m_f, records), policies(3600, 3600),
                                 policies(3600, 3600, true), {});
    QVERIFY2(runs.ok(), errorOf(runs).constData());
    compareLogs(logOf(runs->candidate),
                {issued(0, QStringLiteral("node/a"), kNodeId, QStringLiteral("c1"), 1,
                        QStringLiteral("node-a"), 3600),
                 QJsonObject{{QStringLiteral("at"), at(100)},
                             {QStringLiteral("event"), QStringLiteral("denied")},
                             {QStringLiteral("subject"), QStringLiteral("workload/api")},
                             {QStringLiteral("spiffe_id"), kApiId},
                             {QStringLiteral("record"), 2},
                             {QStringLiteral("rule"), QStringLiteral("no-api")}}});
    QCOMPARE(runs->candidate.summary().denied, 1);
    const WhatIfReport report = WhatIf::compare(runs->base, runs->candidate);
    QCOMPARE(report.subjects.size(), 1);
    const QJsonObject d = report.subjects.first().toJson();
    QCOMPARE(d.value(QLatin1String("subject")).toString(), QStringLiteral("workload/api"));
    QCOMPARE(d.value(QLatin1String("lost")).toArray(), QJsonArray{kApiId});
    QCOMPARE(d.value(QLatin1String("gained")).toArray(), QJsonArray());
    QCOMPARE(d.value(QLatin1String("first_divergence")).toObject(),
             (QJsonObject{{QStringLiteral("at"), at(100)}, {QStringLiteral("record"), 2}}));
    QCOMPARE(report.summaryJson()
                 .value(QLatin1String("summary"))
                 .toObject()
                 .value(QLatin1String("lost"))
                 .toInt(),
             1);
    // The same rules on both sides change nothing.
    auto same =
        WhatIf::runRules(replay(m_f, records), policies(3600, 3600), policies(3600, 3600), {});
    QVERIFY(!WhatIf::compare(same->base, same->candidate).changed());
    // A TTL change is a change of a kept identity.
    auto ttl =
        WhatIf::runRules(replay(m_f, records), policies(3600, 3600), policies(3600, 1800), {});
    const WhatIfReport tr = WhatIf::compare(ttl->base, ttl->candidate);
    QCOMPARE(tr.subjects.size(), 1);
    QCOMPARE(tr.subjects.first().changed.size(), 1);
    QCOMPARE(tr.subjects.first().changed.first().candidateTtls, QList<qint32>{1800});
}

void TestSimulation::labTimelineSameOnOneAndTwoThreads()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LabSettings ls = labSettings(5, 15, 600, 11, 0.05);
    GeneratedLab lab;
    const QByteArray error = lab.generate(dir, ls);
    QVERIFY2(error.isEmpty(), error.constData());
    TimelineReplay *setup = &*lab.replay;
    QStringList subjects;
    for (int i = 0; i < ls.nodes; ++i)
        subjects << QStringLiteral("node/lab-%1").arg(i);
    for (int i = 0; i < ls.workloads; ++i)
        subjects << QStringLiteral("workload/app-%1").arg(i);
    const QByteArray all =
        perSubjectPolicies(subjects, QStringLiteral("verdict == 'affirming'"), 900);
    auto policyList = Policy::listFromJson(all);
    QVERIFY2(policyList.ok(), errorOf(policyList).constData());
    const RuleSet rules = RuleSet::fromPolicies(*policyList).value();
    QList<QByteArray> logs;
    for (int threads : {1, 2}) {
        setup->setThreads(threads);
        auto r = setup->simulate(rules, {});
        QVERIFY2(r.ok(), errorOf(r).constData());
        QByteArray log;
        for (const SimulationEvent &e : r->events())
            log += QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) + '\n';
        log += QJsonDocument(r->summary().toJson()).toJson(QJsonDocument::Compact);
        QCOMPARE(r->summary().records, lab.records);
        QVERIFY(r->summary().issued > 0);
        QVERIFY(r->summary().renewed > 0);
        QVERIFY(r->summary().revoked > 0);
        logs << log;
    }
    QCOMPARE(logs.at(0), logs.at(1));

    // Checkpoints asked for at every change come only once as many changes as the state holds
    // have passed: together they hold no more entries than there are changes (at a million
    // records, one every 4,096 changes of 100,000 live credentials had made the run quadratic),
    // and every instant still reads as a run without checkpoints reads it.
    SimulationSettings every;
    every.checkpointInterval = 1;
    SimulationSettings none;
    none.checkpointInterval = 1 << 30;
    auto a = setup->simulate(rules, every);
    auto b = setup->simulate(rules, none);
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a->stateChanges() > 100);
    QVERIFY2(a->checkpointEntries() > 0 && a->checkpointEntries() <= a->stateChanges(),
             qPrintable(QStringLiteral("%1 entries for %2 changes")
                            .arg(a->checkpointEntries())
                            .arg(a->stateChanges())));
    QCOMPARE(b->checkpointEntries(), 0);
    for (const SimulationEvent &e : a->events()) {
        for (qint64 offset : {-1, 0}) {
            const QDateTime at = e.at.addMSecs(offset);
            QCOMPARE(a->stateAt(at).toJson(), b->stateAt(at).toJson());
        }
    }
}

void TestSimulation::aFirstRunKeepsItsResultsInThePopulatedArena()
{
    if (!PopulatedArena::index())
        QSKIP("built without jemalloc (a sanitizer or fuzz build)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LabSettings ls = labSettings(4, 40, 2000, 5, LabSettings().driftRate);
    GeneratedLab lab;
    const QByteArray error = lab.generate(dir, ls);
    QVERIFY2(error.isEmpty(), error.constData());
    TimelineReplay *setup = &*lab.replay;
    // Both cores: most records are checked on the verifier's own threads, whose results the
    // replay keeps. A workload's nonce is its token's jti, a string made where it was checked.
    setup->setThreads(2);
    qint64 nonces = 0;
    qint64 elsewhere = 0;
    bool replayBound = true;
    auto n = setup->replay(TimelineReplay::NumberedSink([&](const AttestationResult &r, int) {
        replayBound = replayBound && PopulatedArena::isThisThreadBound();
        if (r.nonce.isEmpty())
            return;
        ++nonces;
        if (PopulatedArena::arenaOf(r.nonce.constData()) != PopulatedArena::index())
            ++elsewhere;
    }));
    QVERIFY2(n.ok(), errorOf(n).constData());
    QCOMPARE(*n, lab.records);
    QVERIFY(nonces > ls.records / 2);
    QCOMPARE(elsewhere, qint64(0));
    QVERIFY(replayBound);
    QVERIFY(!PopulatedArena::isThisThreadBound());
}

void TestSimulation::progressCountsRecords()
{
    TimelineReplay r =
        replay(m_f, {node(0), workload(100), workload(200), node(300), workload(400)});
    QList<QPair<qint64, qint64>> calls;
    r.setProgress([&](qint64 done, qint64 total) { calls.append({done, total}); }, 2);
    auto run = r.simulate(policies(3600, 3600), {});
    QVERIFY(run.ok());
    QCOMPARE(calls, (QList<QPair<qint64, qint64>>{{2, 5}, {4, 5}, {5, 5}}));
}

void TestSimulation::progressReportsTheLastCountOnce()
{
    // Four records, a report every two: the last step is the end, reported once (what-if's
    // --progress printed "20000/20000" twice). So does a run served from the cache.
    TimelineReplay r = replay(m_f, {node(0), workload(100), workload(200), node(300)});
    r.setResultCache(std::make_shared<ReplayResultCache>());
    QList<QPair<qint64, qint64>> calls;
    r.setProgress([&](qint64 done, qint64 total) { calls.append({done, total}); }, 2);
    const QList<QPair<qint64, qint64>> expected{{2, 4}, {4, 4}};
    QVERIFY(r.simulate(policies(3600, 3600), {}).ok());
    QCOMPARE(calls, expected);
    calls.clear();
    QVERIFY(r.simulate(policies(3600, 3600), {}).ok());
    QCOMPARE(calls, expected);
}

void TestSimulation::cachedReplayReportsProgress()
{
    // A replay served from the result cache reports progress as a verifying one does. It used to
    // ask the cache for its size while the cache's own lock was held, and hung.
    TimelineReplay r =
        replay(m_f, {node(0), workload(100), workload(200), node(300), workload(400)});
    r.setResultCache(std::make_shared<ReplayResultCache>());
    QList<QPair<qint64, qint64>> calls;
    r.setProgress([&](qint64 done, qint64 total) { calls.append({done, total}); }, 2);
    auto first = r.simulate(policies(3600, 3600), {});
    QVERIFY(first.ok());
    const auto verifying = calls;
    calls.clear();
    auto cached = r.simulate(policies(3600, 3600), {});
    QVERIFY(cached.ok());
    QCOMPARE(calls, verifying);
    QCOMPARE(logOf(*cached), logOf(*first));
}

// The records' part of the cache key is a digest taken once and shared by copies (the decision
// log copies its replay into every run); it must still follow the records.
void TestSimulation::recordsKeyFollowsTheRecords()
{
    const QList<EvidenceRecord> records{node(0), workload(100)};
    TimelineReplay r = replay(m_f, records);
    const QByteArray key = r.cacheKey();
    QVERIFY(!key.isEmpty());
    TimelineReplay copy = r;
    QCOMPARE(copy.cacheKey(), key);
    copy.setRecords({node(0), workload(200)});
    QVERIFY(copy.cacheKey() != key);
    QCOMPARE(r.cacheKey(), key);
    copy.setRecords(records);
    QCOMPARE(copy.cacheKey(), key);
    // A copy made before the first key was taken shares the digest still to be taken.
    TimelineReplay fresh = replay(m_f, records);
    TimelineReplay early = fresh;
    QCOMPARE(early.cacheKey(), key);
    QCOMPARE(fresh.cacheKey(), key);
}

// A re-run finds each result's subject by the number the replay gave it, not by its name. Any
// consistent numbering must give the log that names give, and so must a cached re-run.
void TestSimulation::subjectNumbersOnlyFindSubjects()
{
    const QList<EvidenceRecord> records{
        node(0),        workload(100), workload(150, kImageA, QStringLiteral("workload/web")),
        workload(200),  node(1900),    workload(2000, kImageA, QStringLiteral("workload/web")),
        workload(2100),
    };
    const QList<AttestationResult> results = resultsOf(records);
    QCOMPARE(results.size(), records.size());
    const RuleSet rules = policies(3600, 1200);
    const auto play = [&](const std::function<int(const AttestationResult &)> &number) {
        Simulation sim(rules, {});
        for (const AttestationResult &r : results)
            sim.feed(r, number(r));
        return logOf(sim.finish());
    };
    const QList<QJsonObject> byName = play([](const AttestationResult &) { return -1; });
    QVERIFY(byName.size() > 4);
    // Numbered backwards from the last subject to appear, and sparsely.
    const QStringList order{QStringLiteral("workload/web"), QStringLiteral("workload/api"),
                            QStringLiteral("node/a")};
    QCOMPARE(play([&](const AttestationResult &r) { return 3 * int(order.indexOf(r.subject)); }),
             byName);
    // Through the cache: the first run numbers the subjects, the second reads the numbers kept.
    TimelineReplay cached = replay(m_f, records);
    cached.setResultCache(std::make_shared<ReplayResultCache>());
    for (int i = 0; i < 2; ++i) {
        auto run = cached.simulate(rules, {});
        QVERIFY(run.ok());
        QCOMPARE(logOf(*run), byName);
    }
}

// A re-run over kept results makes room for what the last run over them held. Room is a hint
// only: a run with none, too little or far too much logs what the others do.
void TestSimulation::aRerunReservesWhatTheLastRunHeld()
{
    const QList<EvidenceRecord> records{node(0),    workload(100),  workload(200),
                                        node(1900), workload(2000), workload(2100)};
    TimelineReplay cached = replay(m_f, records);
    const auto cache = std::make_shared<ReplayResultCache>();
    cached.setResultCache(cache);
    const QByteArray key = cached.cacheKey();
    QVERIFY(!cache->runSizes(key));
    auto first = cached.simulate(policies(3600, 1200), {});
    QVERIFY(first.ok());
    const SimulationSizes held = first->sizes();
    QCOMPARE(held.events, first->events().size());
    QCOMPARE(held.credentials, first->credentials().size());
    QCOMPARE(held.subjects, 2);
    QCOMPARE(held.changes, first->stateChanges());
    QVERIFY(held.events > 4 && held.changes > 4 && held.history >= records.size());
    QCOMPARE(cache->runSizes(key), std::optional<SimulationSizes>(held));
    QVERIFY(!cache->runSizes(QByteArray("another timeline")));
    // The re-run, under other rules, reserves that and logs what a replay without a cache does;
    // then its own sizes are the hint.
    auto second = cached.simulate(policies(3600, 3600), {});
    QVERIFY(second.ok());
    QCOMPARE(logOf(*second),
             logOf(replay(m_f, records).simulate(policies(3600, 3600), {}).value()));
    QCOMPARE(cache->runSizes(key), std::optional<SimulationSizes>(second->sizes()));
    QVERIFY(second->sizes() != held);

    const QList<AttestationResult> results = resultsOf(records);
    for (const SimulationSizes &room : {SimulationSizes{}, SimulationSizes{1, 1, 1, 1, 1}, held,
                                        SimulationSizes{100000, 100000, 100000, 100000, 100000}}) {
        Simulation sim(policies(3600, 1200), {});
        sim.reserve(room);
        for (const AttestationResult &r : results)
            sim.feed(r);
        const SimulationRun run = sim.finish();
        QCOMPARE(logOf(run), logOf(*first));
        QCOMPARE(run.sizes(), held);
        QCOMPARE(run.stateAt(t0().addSecs(2050)).toJson(),
                 first->stateAt(t0().addSecs(2050)).toJson());
    }
}

QTEST_GUILESS_MAIN(TestSimulation)
#include "tst_simulation.moc"
