// SPDX-License-Identifier: Apache-2.0
// A first run, which has no last run to size its tables by, makes room for what its first
// records project (Simulation::expectRecords), and plays exactly as a run that grows.

#include "core/simulation/RuleSet.h"
#include "core/simulation/Simulation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ta::core;

namespace {

constexpr int kNodes = 8;
constexpr int kRecords = 4800;

/// kRecords accepted node results, one every 10 s, the nodes in turn after the first @p alone
/// (node/n0's only): each node's credential (TTL 1,200 s) renewed every 600 s.
QList<AttestationResult> timeline(int alone = 0)
{
    QList<AttestationResult> out;
    for (int i = 0; i < kRecords; ++i) {
        AttestationResult r;
        r.time = QDateTime::fromSecsSinceEpoch(1'790'000'000 + qint64(i) * 10, Qt::UTC);
        r.attestor = QStringLiteral("k8s_psat");
        r.subject = QStringLiteral("node/n%1").arg(i < alone ? 0 : i % kNodes);
        r.selectors = {QStringLiteral("k8s_psat:cluster:prod")};
        out << r;
    }
    return out;
}

RuleSet grants()
{
    QJsonArray list;
    for (int n = 0; n < kNodes; ++n)
        list.append(QJsonObject{
            {QStringLiteral("name"), QStringLiteral("n%1").arg(n)},
            {QStringLiteral("effect"), QStringLiteral("grant")},
            {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
            {QStringLiteral("spiffe_id"), QStringLiteral("spiffe://lab.example/node/n%1").arg(n)},
            {QStringLiteral("condition"), QStringLiteral("subject == 'node/n%1'").arg(n)},
            {QStringLiteral("x509_svid_ttl"), 1200}});
    const QByteArray doc = QJsonDocument(QJsonObject{{QStringLiteral("policies"), list}}).toJson();
    return RuleSet::fromPolicies(Policy::listFromJson(doc).value()).value();
}

/// The first @p count results played, expecting @p expected records (none when 0).
SimulationRun play(const QList<AttestationResult> &results, qint64 expected, qsizetype count)
{
    Simulation sim(grants(), {});
    if (expected > 0)
        sim.expectRecords(expected);
    for (qsizetype i = 0; i < count; ++i)
        sim.feed(results.at(i));
    return sim.finish();
}

QList<QJsonObject> logOf(const SimulationRun &run)
{
    QList<QJsonObject> out;
    for (const SimulationEvent &e : run.events())
        out << e.toJson();
    return out;
}

/// What a projection at record @p at reserves for a table that held @p held: the records fed
/// before it scaled to kRecords, an eighth over, and 64 more.
qsizetype projected(qsizetype held, qint64 at)
{
    return qsizetype(double(held) * double(kRecords) / double(at) * 1.125) + 64;
}

} // namespace

class TestSimulationRoom : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFirstRunReservesWhatItsFirstRecordsProject_data();
    void aFirstRunReservesWhatItsFirstRecordsProject();
    void anyExpectationPlaysAlike();
};

void TestSimulationRoom::aFirstRunReservesWhatItsFirstRecordsProject_data()
{
    // Steady, and with a first sixteenth that held one node of eight, too little to go by.
    QTest::addColumn<int>("alone");
    QTest::newRow("steady") << 0;
    QTest::newRow("a quiet first sixteenth") << kRecords / 16;
}

void TestSimulationRoom::aFirstRunReservesWhatItsFirstRecordsProject()
{
    QFETCH(int, alone);
    const QList<AttestationResult> results = timeline(alone);
    const SimulationRun run = play(results, kRecords, kRecords);
    QVERIFY(run.sizes().events > 600); // issued, then renewed every 600 s
    // The projections come at a sixteenth and a quarter of the records, each with what the
    // records before it held; the room is the larger, and the whole run fitted in it.
    const SimulationSizes sixteenth = play(results, 0, kRecords / 16 - 1).sizes();
    const SimulationSizes quarter = play(results, 0, kRecords / 4 - 1).sizes();
    const SimulationSizes room = run.room();
    // Quiet, what the first sixteenth projects is too little for the run's events.
    QCOMPARE(projected(sixteenth.events, kRecords / 16) < run.sizes().events, alone > 0);
    QCOMPARE(room.events, qMax(projected(sixteenth.events, kRecords / 16),
                               projected(quarter.events, kRecords / 4)));
    QCOMPARE(room.credentials, qMax(projected(sixteenth.credentials, kRecords / 16),
                                    projected(quarter.credentials, kRecords / 4)));
    // The state changes of a quiet start outgrow even the quarter's projection, and then grow.
    QVERIFY(room.changes >= qMax(projected(sixteenth.changes, kRecords / 16),
                                 projected(quarter.changes, kRecords / 4)));
    QVERIFY(run.sizes().events <= room.events);
    QVERIFY(run.sizes().credentials <= room.credentials);
    QVERIFY(run.sizes().changes <= room.changes);
    // A timeline too short to be worth projecting grows as it goes.
    const SimulationRun shortRun = play(results, 4095, 4095);
    const SimulationRun grown = play(results, 0, 4095);
    QCOMPARE(shortRun.room(), grown.room());
}

void TestSimulationRoom::anyExpectationPlaysAlike()
{
    // Room is never a result: expecting no records, too few, the right number or far too many
    // logs the same events and holds the same state.
    const QList<AttestationResult> results = timeline();
    const SimulationRun grown = play(results, 0, kRecords);
    for (const qint64 expected :
         {qint64(1), qint64(kRecords / 10), qint64(kRecords), qint64(kRecords) * 100}) {
        const SimulationRun run = play(results, expected, kRecords);
        QCOMPARE(logOf(run), logOf(grown));
        QCOMPARE(run.sizes(), grown.sizes());
        const QDateTime mid = results.at(kRecords / 2).time;
        QCOMPARE(run.stateAt(mid).toJson(), grown.stateAt(mid).toJson());
    }
    // Far too many records expected reserves no more than 16 entries a record.
    const SimulationRun huge = play(results, qint64(kRecords) * 100, kRecords);
    QVERIFY(huge.room().events <= qsizetype(kRecords) * 100 * 16 + 64);
}

QTEST_GUILESS_MAIN(TestSimulationRoom)
#include "tst_simulationroom.moc"
