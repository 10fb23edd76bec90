// SPDX-License-Identifier: Apache-2.0
// Simulation runs saved in the workspace: a saved run reopened answers the state at an instant
// as the run did; a change of its inputs (evidence, rules, anchors) makes it stale; a cancelled
// save or replay stores nothing.
#include "core/attestation/lab/EvidenceLab.h"
#include "core/simulation/SavedRunEvents.h"
#include "core/simulation/SimulationErrors.h"
#include "core/simulation/SimulationRunStore.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/AttestationStore.h"
#include "core/store/Migrations.h"
#include "core/store/RuleStore.h"
#include "core/store/Workspace.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

namespace {

template <typename T>
QByteArray errorOf(const Result<T> &r)
{
    return r.ok() ? QByteArray() : r.error().toString().toUtf8();
}

QDateTime start()
{
    return QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
}

QByteArray labPolicies(qint32 ttl)
{
    QJsonArray list;
    QStringList subjects;
    for (int i = 0; i < 3; ++i)
        subjects << QStringLiteral("node/lab-%1").arg(i);
    for (int i = 0; i < 9; ++i)
        subjects << QStringLiteral("workload/app-%1").arg(i);
    for (const QString &s : subjects)
        list.append(QJsonObject{
            {QStringLiteral("name"), QString(s).replace(QLatin1Char('/'), QLatin1Char('-'))},
            {QStringLiteral("effect"), QStringLiteral("grant")},
            {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
            {QStringLiteral("spiffe_id"), QStringLiteral("spiffe://lab.example/") + s},
            {QStringLiteral("condition"),
             QStringLiteral("subject == '%1' && verdict == 'affirming'").arg(s)},
            {QStringLiteral("x509_svid_ttl"), ttl}});
    return QJsonDocument(QJsonObject{{QStringLiteral("policies"), list}}).toJson();
}

} // namespace

class TestSimulationRunStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void schemaHasTheTables();
    void savedRunReopenedAnswersStateAt();
    void staleAfterEvidenceImport();
    void staleAfterRuleSave();
    void pinnedVersionSurvivesRuleSave();
    void staleAfterAnchorChange();
    void newestValidSpansTheInstant();
    void cancelledSaveStoresNothing();
    void cancelledReplayFails();
    void saveReplacesSameName();
    void reRunServedFromResultCache();
    void savedEventsReadBackByWindow();

private:
    struct Fixture
    {
        std::unique_ptr<Workspace> ws;
        SimulationRun run;
        SimulationRunInputs inputs;
    };
    /// A copy of the lab workspace, simulated over its latest policies (or @p version).
    Fixture simulated(const QString &name, int version = 0);

    QTemporaryDir m_dir;
    QString m_lab;
    QString m_evidence;
    int m_copies = 0;
};

void TestSimulationRunStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_lab = m_dir.filePath(QStringLiteral("lab.atlas"));
    m_evidence = m_dir.filePath(QStringLiteral("lab.jsonl"));
    LabSettings ls;
    ls.nodes = 3;
    ls.workloads = 9;
    ls.records = 400;
    ls.driftRate = 0.05;
    ls.seed = 5;
    ls.start = start();
    auto sum = EvidenceLab::generate(m_lab, m_dir.filePath(QStringLiteral("anchors.json")),
                                     m_evidence, ls, std::nullopt);
    QVERIFY2(sum.ok(), errorOf(sum).constData());
    auto ws = Workspace::open(m_lab, QByteArray());
    QVERIFY2(ws.ok(), errorOf(ws).constData());
    RuleStore rules((*ws)->database());
    auto v = rules.save(RuleKind::Policies, labPolicies(900), QStringLiteral("v1"), start());
    QVERIFY2(v.ok(), errorOf(v).constData());
}

void TestSimulationRunStore::init()
{
    QVERIFY(!m_lab.isEmpty());
}

TestSimulationRunStore::Fixture TestSimulationRunStore::simulated(const QString &name, int version)
{
    Fixture f;
    const QString copy = m_dir.filePath(QStringLiteral("%1-%2.atlas").arg(name).arg(++m_copies));
    if (!QFile::copy(m_lab, copy))
        qFatal("copy failed");
    auto ws = Workspace::open(copy, QByteArray());
    if (!ws)
        qFatal("open: %s", errorOf(ws).constData());
    f.ws = std::move(*ws);
    RuleStore rules(f.ws->database());
    const QByteArray content = rules.load(RuleKind::Policies, version).value();
    const RuleSet set = RuleSet::fromPolicies(Policy::listFromJson(content).value()).value();
    auto replay = TimelineReplay::fromWorkspace(*f.ws, {});
    if (!replay)
        qFatal("replay: %s", errorOf(replay).constData());
    SimulationSettings settings;
    settings.freshness = 1800;
    SimulationRunStore store(f.ws->database());
    SimulationRunStore::RuleSource source;
    source.version = version;
    f.inputs = store.currentInputs(source, settings).value();
    f.run = replay->simulate(set, settings).value();
    return f;
}

void TestSimulationRunStore::schemaHasTheTables()
{
    auto ws = Workspace::open(m_lab, QByteArray());
    QVERIFY(ws.ok());
    QCOMPARE((*ws)->database().userVersion(), Migrations::latestVersion());
    for (const char *table : {"simulation_runs", "simulation_events"}) {
        auto st = (*ws)->database().prepare(
            QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = '%1'")
                .arg(QLatin1String(table)));
        QVERIFY(st.ok());
        QVERIFY(st->next());
        QCOMPARE(st->int64(0), 1);
    }
}

void TestSimulationRunStore::savedRunReopenedAnswersStateAt()
{
    Fixture f = simulated(QStringLiteral("reopen"));
    QVERIFY(f.run.summary().issued > 0);
    QVERIFY(f.run.summary().revoked > 0);
    const QString path = f.ws->path();
    {
        SimulationRunStore store(f.ws->database());
        auto id = store.save(QStringLiteral("baseline"), f.inputs, f.run, start());
        QVERIFY2(id.ok(), errorOf(id).constData());
    }
    f.ws.reset();
    auto ws = Workspace::open(path, QByteArray());
    QVERIFY2(ws.ok(), errorOf(ws).constData());
    SimulationRunStore store((*ws)->database());
    auto runs = store.list();
    QVERIFY2(runs.ok(), errorOf(runs).constData());
    QCOMPARE(runs->size(), 1);
    const SavedSimulationRun saved = runs->first();
    QCOMPARE(saved.name, QStringLiteral("baseline"));
    QVERIFY(!saved.stale);
    QCOMPARE(saved.inputs, f.inputs);
    QCOMPARE(saved.summary, f.run.summary());
    QCOMPARE(saved.start, f.run.start());
    QCOMPARE(saved.end, f.run.end());
    QCOMPARE(saved.toJson().value(QLatin1String("stale")).toBool(), false);
    // Every event instant, and a millisecond either side, answered as the run answers it.
    QList<QDateTime> instants{f.run.start().addSecs(-1), f.run.end()};
    for (qsizetype i = 0; i < f.run.events().size(); i += 7) {
        const QDateTime t = f.run.events().at(i).at;
        instants << t << t.addMSecs(-1) << t.addMSecs(1);
    }
    for (const QDateTime &t : instants) {
        auto state = store.stateAt(saved.id, t);
        QVERIFY2(state.ok(), errorOf(state).constData());
        const SimulationState expected = f.run.stateAt(t);
        QCOMPARE(state->attested, expected.attested);
        QCOMPARE(state->live, expected.live);
    }
    // Past the run's end no timer fired; a credential past its not-after is not live even so.
    const QDateTime after = f.run.end().addSecs(7 * 86400);
    QVERIFY(store.stateAt(saved.id, after)->live.isEmpty());
    // The middle of the run holds some of both.
    const QDateTime mid = f.run.events().at(f.run.events().size() / 2).at;
    QVERIFY(!store.stateAt(saved.id, mid)->live.isEmpty());
    QVERIFY(!store.stateAt(saved.id, mid)->attested.isEmpty());
}

void TestSimulationRunStore::staleAfterEvidenceImport()
{
    Fixture f = simulated(QStringLiteral("evidence"));
    SimulationRunStore store(f.ws->database());
    QVERIFY(store.save(QStringLiteral("r"), f.inputs, f.run, start()).ok());
    QVERIFY(!store.find(QStringLiteral("r"))->value().stale);
    QFile in(m_evidence);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray firstLine = in.readLine();
    QBuffer more;
    more.setData(firstLine);
    QVERIFY(more.open(QIODevice::ReadOnly));
    AttestationStore attestation(f.ws->database());
    QVERIFY(attestation.importEvidence(more, QStringLiteral("more.jsonl")).ok());
    auto found = store.find(QStringLiteral("r"));
    QVERIFY2(found.ok(), errorOf(found).constData());
    QVERIFY(found->value().stale);
    QVERIFY(!store.newestValid().value().has_value());
    // Recorded in the row: reported stale by a plain read too.
    auto st = f.ws->database().prepare(
        QStringLiteral("SELECT stale FROM simulation_runs WHERE name = 'r'"));
    QVERIFY(st.ok() && st->next());
    QCOMPARE(st->int64(0), 1);
}

void TestSimulationRunStore::staleAfterRuleSave()
{
    Fixture f = simulated(QStringLiteral("rules"));
    SimulationRunStore store(f.ws->database());
    QVERIFY(store.save(QStringLiteral("r"), f.inputs, f.run, start()).ok());
    QVERIFY(store.newestValid().value().has_value());
    RuleStore rules(f.ws->database());
    QVERIFY(rules.save(RuleKind::Policies, labPolicies(600), QStringLiteral("v2"), start()).ok());
    QVERIFY(store.find(QStringLiteral("r"))->value().stale);
    QVERIFY(!store.newestValid().value().has_value());
}

void TestSimulationRunStore::pinnedVersionSurvivesRuleSave()
{
    Fixture f = simulated(QStringLiteral("pinned"), 1);
    QCOMPARE(f.inputs.ruleIdentity, QStringLiteral("policies:v1"));
    SimulationRunStore store(f.ws->database());
    QVERIFY(store.save(QStringLiteral("r"), f.inputs, f.run, start()).ok());
    RuleStore rules(f.ws->database());
    QVERIFY(rules.save(RuleKind::Policies, labPolicies(600), QStringLiteral("v2"), start()).ok());
    // Version 1 still says what it said: the run still holds.
    QVERIFY(!store.find(QStringLiteral("r"))->value().stale);
}

void TestSimulationRunStore::staleAfterAnchorChange()
{
    Fixture f = simulated(QStringLiteral("anchors"));
    SimulationRunStore store(f.ws->database());
    QVERIFY(store.save(QStringLiteral("r"), f.inputs, f.run, start()).ok());
    AttestationStore attestation(f.ws->database());
    const AnchorSet anchors = attestation.anchors().value();
    QVERIFY(!anchors.referenceValues().isEmpty());
    QVERIFY(attestation.removeReferenceValue(anchors.referenceValues().first().id).ok());
    QVERIFY(store.find(QStringLiteral("r"))->value().stale);
}

void TestSimulationRunStore::newestValidSpansTheInstant()
{
    Fixture f = simulated(QStringLiteral("span"));
    SimulationRunStore store(f.ws->database());
    QVERIFY(store.save(QStringLiteral("older"), f.inputs, f.run, start()).ok());
    QVERIFY(store.save(QStringLiteral("newer"), f.inputs, f.run, start().addSecs(1)).ok());
    auto newest = store.newestValid(f.run.start().addSecs(60));
    QVERIFY2(newest.ok(), errorOf(newest).constData());
    QVERIFY(newest->has_value());
    QCOMPARE((*newest)->name, QStringLiteral("newer"));
    QVERIFY(!store.newestValid(f.run.start().addSecs(-60)).value().has_value());
    QVERIFY(!store.newestValid(f.run.end().addSecs(60)).value().has_value());
    QVERIFY(store.newestValid().value().has_value());
}

void TestSimulationRunStore::cancelledSaveStoresNothing()
{
    Fixture f = simulated(QStringLiteral("cancel"));
    QVERIFY(!f.run.events().isEmpty());
    SimulationRunStore store(f.ws->database());
    QVERIFY(store.save(QStringLiteral("kept"), f.inputs, f.run, start()).ok());
    int asked = 0;
    auto r = store.save(QStringLiteral("kept"), f.inputs, f.run, start().addSecs(5),
                        [&] { return ++asked >= 1; });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ec::ReplayCancelled);
    // The earlier run of that name is still there, whole; no event of the cancelled one stays.
    auto runs = store.list().value();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().createdAt, start());
    auto st = f.ws->database().prepare(
        QStringLiteral("SELECT count(*), count(DISTINCT run_id) FROM simulation_events"));
    QVERIFY(st.ok() && st->next());
    QCOMPARE(st->int64(1), 1);
    QCOMPARE(st->int64(0), qint64(f.run.events().size() + f.run.attestationChanges().size()));
}

void TestSimulationRunStore::cancelledReplayFails()
{
    auto ws = Workspace::open(m_lab, QByteArray());
    QVERIFY(ws.ok());
    auto replay = TimelineReplay::fromWorkspace(**ws, {});
    QVERIFY(replay.ok());
    qint64 asked = 0;
    qint64 seen = 0;
    replay->setCancelled([&] { return ++asked > 50; });
    auto n = replay->replay([&](const AttestationResult &) { ++seen; });
    QVERIFY(!n.ok());
    QCOMPARE(n.error().code, ec::ReplayCancelled);
    QCOMPARE(seen, 50);
    replay->setEvidenceFile(m_evidence);
    asked = 0;
    n = replay->replay([&](const AttestationResult &) {});
    QVERIFY(!n.ok());
    QCOMPARE(n.error().code, ec::ReplayCancelled);
}

void TestSimulationRunStore::saveReplacesSameName()
{
    Fixture f = simulated(QStringLiteral("replace"));
    SimulationRunStore store(f.ws->database());
    QVERIFY(store.save(QStringLiteral("r"), f.inputs, f.run, start()).ok());
    QVERIFY(store.save(QStringLiteral("r"), f.inputs, f.run, start().addSecs(9)).ok());
    QCOMPARE(store.list().value().first().createdAt, start().addSecs(9));
    QCOMPARE(store.list().value().size(), 1);
    QVERIFY(store.remove(QStringLiteral("r")).value());
    QVERIFY(!store.remove(QStringLiteral("r")).value());
    auto st = f.ws->database().prepare(QStringLiteral("SELECT count(*) FROM simulation_events"));
    QVERIFY(st.ok() && st->next());
    QCOMPARE(st->int64(0), 0);
}

void TestSimulationRunStore::reRunServedFromResultCache()
{
    const QString evidence = m_dir.filePath(QStringLiteral("cached.jsonl"));
    QVERIFY(QFile::copy(m_evidence, evidence));
    auto ws = Workspace::open(m_lab, QByteArray());
    QVERIFY(ws.ok());
    auto replay = TimelineReplay::fromWorkspace(**ws, {});
    QVERIFY(replay.ok());
    replay->setEvidenceFile(evidence);
    const RuleSet first =
        RuleSet::fromPolicies(Policy::listFromJson(labPolicies(900)).value()).value();
    const RuleSet edited =
        RuleSet::fromPolicies(Policy::listFromJson(labPolicies(600)).value()).value();
    // The reference: the edited rules over a fresh verification.
    auto expected = replay->simulate(edited, {});
    QVERIFY2(expected.ok(), errorOf(expected).constData());

    auto cache = std::make_shared<ReplayResultCache>();
    replay->setResultCache(cache);
    auto base = replay->simulate(first, {});
    QVERIFY2(base.ok(), errorOf(base).constData());
    QCOMPARE(qint64(cache->size()), base->summary().records);
    // The file turns to garbage of the same size and time: a re-run that read it would fail.
    QFile f(evidence);
    const QDateTime modified = QFileInfo(evidence).lastModified();
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    f.write(QByteArray(size, 'x'));
    f.close();
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(modified, QFileDevice::FileModificationTime));
    f.close();
    auto again = replay->simulate(edited, {});
    QVERIFY2(again.ok(), errorOf(again).constData());
    QCOMPARE(again->events(), expected->events());
    QCOMPARE(again->summary(), expected->summary());
    // Another timeline is verified, not served: the garbage fails.
    QVERIFY(f.open(QIODevice::Append));
    f.write("\n");
    f.close();
    QVERIFY(!replay->simulate(edited, {}).ok());
}

// The app's time bar lists a saved run's events a window at a time: the same events, in the
// same order, as the run logged, with from < time <= to.
void TestSimulationRunStore::savedEventsReadBackByWindow()
{
    Fixture f = simulated(QStringLiteral("events"));
    SimulationRunStore store(f.ws->database());
    auto id = store.save(QStringLiteral("events"), f.inputs, f.run, start());
    QVERIFY2(id.ok(), errorOf(id).constData());
    const QList<SimulationEvent> &log = f.run.events();
    QVERIFY(log.size() > 10);
    auto all = SavedRunEvents::between(f.ws->database(), *id, QDateTime(), f.run.end());
    QVERIFY2(all.ok(), errorOf(all).constData());
    QCOMPARE(*all, log);
    // A window in the middle: strictly after the first instant, up to the second included.
    const QDateTime from = log.at(log.size() / 3).at;
    const QDateTime to = log.at(2 * log.size() / 3).at;
    QList<SimulationEvent> expected;
    for (const SimulationEvent &e : log) {
        if (e.at > from && e.at <= to)
            expected << e;
    }
    QVERIFY(!expected.isEmpty());
    auto window = SavedRunEvents::between(f.ws->database(), *id, from, to);
    QVERIFY2(window.ok(), errorOf(window).constData());
    QCOMPARE(*window, expected);
    // Another run's ID: nothing.
    auto none = SavedRunEvents::between(f.ws->database(), *id + 1, QDateTime(), f.run.end());
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
}

QTEST_GUILESS_MAIN(TestSimulationRunStore)
#include "tst_simulationrunstore.moc"
