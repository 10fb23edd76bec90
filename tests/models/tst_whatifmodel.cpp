// SPDX-License-Identifier: Apache-2.0
// The what-if view's model: two saved policy versions replayed over the whole timeline on a
// worker, one row per subject that fares differently, totals, cancel leaving the last result.
#include "../views/StudioWorkspace.h"

#include "models/WhatIfModel.h"

#include <QAbstractItemModelTester>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

using namespace ta;
using models::WhatIfModel;

class TestWhatIfModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void versionsAreListed();
    void comparesTwoVersions_data();
    void comparesTwoVersions();
    void refusesWhileRunningAndBadRules();
    void cancelKeepsThePreviousResult();

private:
    QList<core::Policy> withCondition(const QString &condition);
    bool runAndWait(WhatIfModel &model, const QList<core::Policy> &base,
                    const QList<core::Policy> &candidate);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<models::Document> m_doc;
    QDateTime m_now = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
};

void TestWhatIfModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_doc = tests::makeStudioWorkspace(*m_dir, m_now);
}

void TestWhatIfModel::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

QList<core::Policy> TestWhatIfModel::withCondition(const QString &condition)
{
    auto p = core::Policy::listFromJson(tests::studioPolicies(condition));
    if (!p)
        qFatal("policies: %s", qPrintable(p.error().toString()));
    return *p;
}

bool TestWhatIfModel::runAndWait(WhatIfModel &model, const QList<core::Policy> &base,
                                 const QList<core::Policy> &candidate)
{
    QSignalSpy finished(&model, &WhatIfModel::finished);
    if (!model.run(base, candidate, QStringLiteral("test")))
        return false;
    return finished.wait(30000);
}

void TestWhatIfModel::versionsAreListed()
{
    WhatIfModel model(m_doc.get());
    auto versions = model.versions();
    QVERIFY(versions);
    QCOMPARE(versions->size(), 1);
    QCOMPARE(versions->first().comment, QStringLiteral("first"));
    const auto other = tests::otherConnection(*m_doc);
    core::RuleStore store(other->database());
    QVERIFY(store.save(core::RuleKind::Policies,
                       tests::studioPolicies(QStringLiteral("subject == 'node/b'")),
                       QStringLiteral("second"), m_now));
    versions = model.versions();
    QVERIFY(versions);
    QCOMPARE(versions->size(), 2);
    auto second = model.policiesOf(versions->last().version);
    QVERIFY(second);
    QCOMPARE(second->first().condition, QStringLiteral("subject == 'node/b'"));
}

void TestWhatIfModel::comparesTwoVersions_data()
{
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<QStringList>("subjects");
    QTest::addColumn<int>("gained");
    QTest::addColumn<int>("lost");
    QTest::addColumn<QList<int>>("divergedMinutes");
    QTest::newRow("same rules: nothing differs")
        << QStringLiteral("subject == 'node/a'") << QStringList() << 0 << 0 << QList<int>();
    QTest::newRow("node/b instead of node/a")
        << QStringLiteral("subject == 'node/b'")
        << QStringList{QStringLiteral("node/a"), QStringLiteral("node/b")} << 1 << 1
        << QList<int>{1, 2};
    QTest::newRow("everyone") << QStringLiteral("true") << QStringList{QStringLiteral("node/b")}
                              << 1 << 0 << QList<int>{2};
    QTest::newRow("no one") << QStringLiteral("false") << QStringList{QStringLiteral("node/a")} << 0
                            << 1 << QList<int>{1};
}

void TestWhatIfModel::comparesTwoVersions()
{
    QFETCH(QString, candidate);
    QFETCH(QStringList, subjects);
    QFETCH(int, gained);
    QFETCH(int, lost);
    QFETCH(QList<int>, divergedMinutes);
    WhatIfModel model(m_doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.report());
    QSignalSpy progress(&model, &WhatIfModel::progressChanged);
    QVERIFY(runAndWait(model, withCondition(QStringLiteral("subject == 'node/a'")),
                       withCondition(candidate)));
    QVERIFY(model.report());
    QCOMPARE(model.label(), QStringLiteral("test"));
    QCOMPARE(model.rowCount(), int(subjects.size()));
    QCOMPARE(model.columnCount(), int(WhatIfModel::ColumnCount));
    for (int row = 0; row < subjects.size(); ++row) {
        const QModelIndex subject = model.index(row, WhatIfModel::SubjectColumn);
        QCOMPARE(subject.data().toString(), subjects.at(row));
        QCOMPARE(model.rowOf(subjects.at(row)), row);
        // The first divergence is the subject's own record: one a minute from m_now.
        const QDateTime at = subject.data(WhatIfModel::DivergedAtRole).toDateTime();
        QCOMPARE(at, m_now.addSecs(60 * divergedMinutes.at(row)));
        QCOMPARE(model.index(row, WhatIfModel::DivergedColumn).data().toString(),
                 at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
    }
    const WhatIfModel::Totals t = model.totals();
    QCOMPARE(t.subjects, int(subjects.size()));
    QCOMPARE(t.gained, gained);
    QCOMPARE(t.lost, lost);
    QCOMPARE(t.changed, 0);
    if (gained > 0) {
        const int row = model.rowOf(QStringLiteral("node/b"));
        QCOMPARE(model.index(row, WhatIfModel::GainedColumn).data().toString(),
                 QStringLiteral("spiffe://lab.example/node/a"));
    }
    // The worker reported how far it got over the two records.
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), 2);
    QCOMPARE(progress.last().at(1).toInt(), 2);
    QCOMPARE(model.headerData(WhatIfModel::DivergedColumn, Qt::Horizontal).toString(),
             QStringLiteral("First divergence"));
}

void TestWhatIfModel::refusesWhileRunningAndBadRules()
{
    WhatIfModel model(m_doc.get());
    const QList<core::Policy> base = withCondition(QStringLiteral("subject == 'node/a'"));
    QList<core::Policy> bad = base;
    bad.first().condition = QStringLiteral("subject ==");
    QVERIFY(!model.run(base, bad, QString()));
    QVERIFY(!model.isRunning());
    // One run at a time.
    QSemaphore gate;
    model.threadPool()->start([&gate] { gate.acquire(); });
    QVERIFY(model.run(base, base, QString()));
    QVERIFY(model.isRunning());
    QVERIFY(!model.run(base, base, QString()));
    gate.release();
    QSignalSpy finished(&model, &WhatIfModel::finished);
    QVERIFY(finished.wait(30000));
}

void TestWhatIfModel::cancelKeepsThePreviousResult()
{
    WhatIfModel model(m_doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<core::Policy> base = withCondition(QStringLiteral("subject == 'node/a'"));
    QVERIFY(runAndWait(model, base, withCondition(QStringLiteral("false"))));
    QCOMPARE(model.rowCount(), 1);
    // The next run waits behind a held thread, and is cancelled before it starts.
    QSemaphore gate;
    model.threadPool()->start([&gate] { gate.acquire(); });
    QSignalSpy cancelled(&model, &WhatIfModel::cancelled);
    QSignalSpy finished(&model, &WhatIfModel::finished);
    QVERIFY(model.run(base, withCondition(QStringLiteral("true")), QStringLiteral("second")));
    QVERIFY(model.future().isRunning() || model.future().isStarted());
    model.cancel();
    gate.release();
    QVERIFY(cancelled.wait(30000));
    QVERIFY(finished.isEmpty());
    QVERIFY(!model.isRunning());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("node/a"));
    QCOMPARE(model.label(), QStringLiteral("test"));
}

QTEST_MAIN(TestWhatIfModel)
#include "tst_whatifmodel.moc"
