// SPDX-License-Identifier: Apache-2.0
// The what-if view's model: two saved policy versions replayed over the whole timeline on a
// worker, one row per subject that fares differently, totals, cancel leaving the last result.
#include "../views/StudioWorkspace.h"
#include "DecisionWorkspace.h"

#include "models/WhatIfModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QMutex>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

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
    void readsTheEvidenceOnTheWorker();
    void cancelDuringTheReadWritesNothing();
    void comparesEntryVersions();

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
    // The run kept the timeline's attestation results in the workspace, as the document's
    // other views do: the next process to open it verifies nothing.
    QCOMPARE(m_doc->keptResults().saved.load(), 1);
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
    // The worker reported how far it got: the two records read, then replayed.
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), 4);
    QCOMPARE(progress.last().at(1).toInt(), 4);
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

// Issue 11: the run reads the evidence on its worker, not on the GUI thread while it starts.
void TestWhatIfModel::readsTheEvidenceOnTheWorker()
{
    WhatIfModel model(m_doc.get());
    QMutex mutex;
    QList<QThread *> readers;
    model.setReadHook([&](qint64) {
        QMutexLocker lock(&mutex);
        readers << QThread::currentThread();
    });
    // The worker waits behind a held thread: run() itself must read nothing.
    QSemaphore gate;
    model.threadPool()->start([&gate] { gate.acquire(); });
    QSignalSpy finished(&model, &WhatIfModel::finished);
    QVERIFY(model.run(withCondition(QStringLiteral("subject == 'node/a'")),
                      withCondition(QStringLiteral("true")), QStringLiteral("worker")));
    {
        QMutexLocker lock(&mutex);
        QVERIFY(readers.isEmpty());
    }
    gate.release();
    QVERIFY(finished.wait(30000));
    QMutexLocker lock(&mutex);
    QCOMPARE(readers.size(), 2);
    for (QThread *t : std::as_const(readers))
        QVERIFY(t != QThread::currentThread());
    QCOMPARE(model.totals().gained, 1);
}

// A cancel while the worker reads the evidence stops the read at the next record; the model
// keeps its previous result and the workspace is left as it was.
void TestWhatIfModel::cancelDuringTheReadWritesNothing()
{
    WhatIfModel model(m_doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<core::Policy> base = withCondition(QStringLiteral("subject == 'node/a'"));
    QVERIFY(runAndWait(model, base, withCondition(QStringLiteral("false"))));
    QCOMPARE(model.rowCount(), 1);
    const QString file = m_doc->path();
    const QByteArray before = [&file] {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    QVERIFY(!before.isEmpty());
    QSemaphore inRead;
    QSemaphore proceed;
    std::atomic<int> taken{0};
    model.setReadHook([&](qint64 n) {
        taken = int(n) + 1;
        if (n == 0) {
            inRead.release();
            proceed.acquire();
        }
    });
    QSignalSpy cancelled(&model, &WhatIfModel::cancelled);
    QSignalSpy finished(&model, &WhatIfModel::finished);
    QSignalSpy progress(&model, &WhatIfModel::progressChanged);
    QVERIFY(model.run(base, withCondition(QStringLiteral("true")), QStringLiteral("second")));
    QVERIFY(inRead.tryAcquire(1, 30000));
    // The worker is inside the read, the event loop free: the window could draw meanwhile.
    QVERIFY(model.isRunning());
    model.cancel();
    proceed.release();
    QVERIFY(cancelled.wait(30000));
    // Stopped before taking the second record.
    QCOMPARE(taken.load(), 1);
    QVERIFY(finished.isEmpty());
    for (const QList<QVariant> &p : std::as_const(progress))
        QVERIFY(p.at(0).toInt() <= 2);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("node/a"));
    QCOMPARE(model.label(), QStringLiteral("test"));
    QFile after(file);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), before);
}

// Registration-entry versions as the studio saves them: listed beside the policy versions and
// compared like them. In SPIRE's subset semantics a selector removed widens an entry, so node/a
// gains rack/7; the other way round (the selector back) it loses it, and the diff names it.
void TestWhatIfModel::comparesEntryVersions()
{
    m_doc.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    m_doc = tests::makeDecisionWorkspace(*m_dir, m_now);
    WhatIfModel model(m_doc.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto entries = model.entriesOf(1);
    QVERIFY(entries);
    QCOMPARE(entries->size(), 2);
    QList<core::RegistrationEntry> widened = *entries;
    QCOMPARE(widened.at(1).id, QStringLiteral("e-rack"));
    QCOMPARE(widened.at(1).selectors.size(), 2);
    widened[1].selectors.removeLast(); // custom:rack:7, which no node has
    {
        const auto other = tests::otherConnection(*m_doc);
        core::RuleStore store(other->database());
        QVERIFY(store.saveEntries(widened, QStringLiteral("no rack"), m_now.addSecs(600)));
    }
    auto versions = model.versions(core::RuleKind::Entries);
    QVERIFY(versions);
    QCOMPARE(versions->size(), 2);
    QCOMPARE(versions->last().comment, QStringLiteral("no rack"));
    // The policy versions are listed apart.
    QCOMPARE(model.versions()->size(), 2);

    auto v1 = core::RuleSet::fromEntries(*model.entriesOf(1));
    auto v2 = core::RuleSet::fromEntries(*model.entriesOf(2));
    QVERIFY(v1 && v2);
    QSignalSpy finished(&model, &WhatIfModel::finished);
    QVERIFY(model.run(*v1, *v2, QStringLiteral("widened")));
    QVERIFY(finished.wait(30000));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, WhatIfModel::SubjectColumn).data().toString(),
             QStringLiteral("node/a"));
    QCOMPARE(model.index(0, WhatIfModel::GainedColumn).data().toString(),
             QStringLiteral("spiffe://lab.example/rack/7"));
    QCOMPARE(model.totals().lost, 0);

    QVERIFY(model.run(*v2, *v1, QStringLiteral("narrowed")));
    QVERIFY(finished.wait(30000));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, WhatIfModel::LostColumn).data().toString(),
             QStringLiteral("spiffe://lab.example/rack/7"));
    QCOMPARE(model.totals().gained, 0);
    QCOMPARE(model.totals().lost, 1);
    // The first divergence: node/a's record at 10:01.
    QCOMPARE(model.index(0, 0).data(WhatIfModel::DivergedAtRole).toDateTime(), m_now.addSecs(60));
    QCOMPARE(model.label(), QStringLiteral("narrowed"));
}

QTEST_MAIN(TestWhatIfModel)
#include "tst_whatifmodel.moc"
