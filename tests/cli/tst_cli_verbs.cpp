// SPDX-License-Identifier: Apache-2.0
// The CLI verbs called in-process through the trustatlas_cli library: exit codes, the verb
// table, and simulate --save / simulation list over a small lab workspace.
#include "app/cli/CliSupport.h"
#include "app/cli/SimulationCommands.h"
#include "core/attestation/lab/EvidenceLab.h"
#include "core/simulation/SimulationRunStore.h"
#include "core/store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ta;

class TestCliVerbs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verbTableNamesSimulation();
    void badUsageIsTwo_data();
    void badUsageIsTwo();
    void simulateSavesInProcess();

private:
    QTemporaryDir m_dir;
    QString m_ws;
};

void TestCliVerbs::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ws = m_dir.filePath(QStringLiteral("lab.atlas"));
    core::LabSettings s;
    s.nodes = 2;
    s.workloads = 4;
    s.records = 120;
    s.seed = 9;
    s.start = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
    auto sum =
        core::EvidenceLab::generate(m_ws, m_dir.filePath(QStringLiteral("a.json")),
                                    m_dir.filePath(QStringLiteral("e.jsonl")), s, std::nullopt);
    QVERIFY2(sum.ok(), sum.ok() ? "" : qPrintable(sum.error().toString()));
}

void TestCliVerbs::verbTableNamesSimulation()
{
    QStringList verbs;
    for (const cli::Command &c : cli::commands())
        verbs << c.words.join(QLatin1Char(' '));
    QVERIFY(verbs.contains(QStringLiteral("simulate")));
    QVERIFY(verbs.contains(QStringLiteral("what-if")));
    QVERIFY(verbs.contains(QStringLiteral("simulation list")));
    QCOMPARE(verbs.removeDuplicates(), 0);
}

void TestCliVerbs::badUsageIsTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addRow("unknown option") << QStringList{QStringLiteral("--bogus"), m_ws};
    QTest::addRow("no workspace") << QStringList{};
    QTest::addRow("two rule sources") << QStringList{
        m_ws, QStringLiteral("--entries"), QStringLiteral("--version"), QStringLiteral("1")};
    QTest::addRow("empty run name") << QStringList{m_ws, QStringLiteral("--save"), QString()};
    QTest::addRow("missing file") << QStringList{m_dir.filePath(QStringLiteral("none.atlas"))};
}

void TestCliVerbs::badUsageIsTwo()
{
    QFETCH(QStringList, args);
    QCOMPARE(cli::simulate(QStringList{QStringLiteral("trustatlas-cli simulate")} + args),
             int(cli::BadInput));
}

void TestCliVerbs::simulateSavesInProcess()
{
    QCOMPARE(cli::simulate({QStringLiteral("trustatlas-cli simulate"), m_ws,
                            QStringLiteral("--entries"), QStringLiteral("--save"),
                            QStringLiteral("in-process"), QStringLiteral("--json")}),
             int(cli::Success));
    QCOMPARE(cli::simulationList({QStringLiteral("trustatlas-cli simulation list"), m_ws}),
             int(cli::Success));
    auto ws = core::Workspace::open(m_ws, QByteArray());
    QVERIFY(ws.ok());
    core::SimulationRunStore store((*ws)->database());
    auto runs = store.list();
    QVERIFY(runs.ok());
    QCOMPARE(runs->size(), 1);
    QCOMPARE(runs->first().name, QStringLiteral("in-process"));
    QCOMPARE(runs->first().inputs.ruleIdentity, QStringLiteral("entries:latest"));
    QCOMPARE(runs->first().summary.records, 120);
    QVERIFY(!runs->first().stale);
}

QTEST_GUILESS_MAIN(TestCliVerbs)
#include "tst_cli_verbs.moc"
