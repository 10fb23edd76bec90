// SPDX-License-Identifier: Apache-2.0
// Every long job of the window reports to the status bar's LongWork: the graph layout, the
// timeline's simulation and the studio's re-simulation run on workers while the event loop
// turns, and a cancel from the status bar drops their result and keeps what was shown. The file
// dialogs open with open(), not a nested event loop (issue 11). None of them waits on Qt's global
// thread pool, which Qt 6.4's raster engine paints with.
#include "TimelineResults.h"

#include "app/gui/AuditReportController.h"
#include "app/gui/LongWork.h"
#include "app/gui/MainWindow.h"
#include "app/gui/Settings.h"
#include "app/gui/TimelineController.h"
#include "app/gui/WorkspaceController.h"
#include "core/attestation/lab/FederatedDemo.h"
#include "models/AnchorImporter.h"
#include "models/DesignGenerator.h"
#include "models/DesignModel.h"
#include "models/Document.h"
#include "models/EvidenceImporter.h"
#include "models/PolicyDraft.h"
#include "models/PolicyResimulator.h"
#include "views/AnchorPanel.h"
#include "views/GraphCanvas.h"
#include "views/PolicyStudio.h"
#include "views/TaskProgress.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QPromise>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

using ta::app::LongWork;
using ta::app::MainWindow;
using ta::app::Settings;
using ta::app::TimelineController;

namespace {

const QString kLayout = QStringLiteral("Laying out the graph");
const QString kSimulation = QStringLiteral("Simulating the timeline");
const QString kResimulation = QStringLiteral("Re-simulating the policies");

// Clicks the status bar's Cancel of the running task @p title.
bool cancelFromStatusBar(LongWork *work, const QString &title)
{
    ta::views::TaskProgress *tasks = work->widget();
    for (int id : tasks->taskIds()) {
        if (tasks->title(id) == title) {
            QTest::mouseClick(tasks->cancelButton(id), Qt::LeftButton);
            return true;
        }
    }
    return false;
}

// Holds every thread of Qt's global pool until destroyed: work queued there meanwhile waits.
class GlobalPoolHold
{
public:
    GlobalPoolHold() : m_threads(QThreadPool::globalInstance()->maxThreadCount())
    {
        for (int i = 0; i < m_threads; ++i) {
            QThreadPool::globalInstance()->start([this] {
                m_holding.release();
                m_gate.acquire();
            });
        }
        m_holding.acquire(m_threads);
    }
    ~GlobalPoolHold() { m_gate.release(m_threads); }

private:
    int m_threads;
    QSemaphore m_holding;
    QSemaphore m_gate;
};

} // namespace

class TestLongWorkJobs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void layoutAndSimulationRunWhileTheWindowTurns();
    void cancelledSimulationKeepsTheEvidenceReading();
    void cancelledLayoutKeepsTheNodes();
    void resimulationIsTracked();
    void fileDialogsDoNotBlock();
    void longJobsLeaveTheGlobalPoolFree();
    void screenshot();

private:
    QString copyOfDemo();
    QTemporaryDir m_dir;
    QString m_demo;
    QString m_dataDir;
};

void TestLongWorkJobs::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dataDir = m_dir.filePath(QStringLiteral("data"));
    m_demo = m_dir.filePath(QStringLiteral("demo.atlas"));
    QVERIFY(ta::core::FederatedDemo::create(m_demo, QDateTime::currentDateTimeUtc()).ok());
}

QString TestLongWorkJobs::copyOfDemo()
{
    static int copies = 0;
    const QString path = m_dir.filePath(QStringLiteral("copy%1.atlas").arg(++copies));
    return QFile::copy(m_demo, path) ? path : QString();
}

void TestLongWorkJobs::layoutAndSimulationRunWhileTheWindowTurns()
{
    Settings settings(m_dir.filePath(QStringLiteral("a.ini")));
    MainWindow window(settings, m_dataDir);
    LongWork *work = window.longWork();
    work->setShowDelay(0);
    window.show();
    QSignalSpy ended(work, &LongWork::taskEnded);
    // Ticks of the GUI thread's event loop while some task shows in the status bar.
    int ticksWhileRunning = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (work->runningCount() > 0)
            ++ticksWhileRunning;
    });
    ticker.start(2);
    QVERIFY(window.controller()->open(copyOfDemo()));
    // open() returned with the layout and the simulation still to come: they run on workers.
    QVERIFY(!work->runningTitles().contains(kSimulation));
    QStringList seen;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QList<QVariant> &args : std::as_const(ended))
                seen.append(args.at(0).toString());
            // (The demo keeps its positions: a layout runs only when some are missing.)
            return seen.contains(kSimulation);
        }(),
        60000);
    QVERIFY(ticksWhileRunning > 0);
    QTRY_COMPARE(window.timelineController()->source(), TimelineController::Source::Simulation);
    QTRY_COMPARE(work->runningCount(), 0);
    QVERIFY(!work->widget()->isVisible());
}

void TestLongWorkJobs::cancelledSimulationKeepsTheEvidenceReading()
{
    Settings settings(m_dir.filePath(QStringLiteral("b.ini")));
    MainWindow window(settings, m_dataDir);
    LongWork *work = window.longWork();
    work->setShowDelay(0);
    window.show();
    QVERIFY(window.controller()->open(copyOfDemo()));
    TimelineController *timeline = window.timelineController();
    QSignalSpy finished(timeline, &TimelineController::simulationFinished);
    QTRY_VERIFY(work->runningTitles().contains(kSimulation));
    QVERIFY(cancelFromStatusBar(work, kSimulation));
    QTRY_COMPARE(finished.size(), 1);
    // The canvas keeps the evidence's own reading; no simulated statuses were half-applied.
    QTRY_VERIFY(!work->runningTitles().contains(kSimulation));
    QVERIFY(timeline->source() != TimelineController::Source::Simulation);
    QVERIFY(!timeline->isSimulating());
    QVERIFY(!window.graphCanvas()->nodeItems().isEmpty());
}

void TestLongWorkJobs::cancelledLayoutKeepsTheNodes()
{
    Settings settings(m_dir.filePath(QStringLiteral("c.ini")));
    MainWindow window(settings, m_dataDir);
    LongWork *work = window.longWork();
    work->setShowDelay(0);
    window.show();
    QVERIFY(window.controller()->open(copyOfDemo()));
    ta::views::GraphCanvas *canvas = window.graphCanvas();
    QTRY_VERIFY_WITH_TIMEOUT(!canvas->isLayoutRunning(), 60000);
    const int nodes = int(canvas->nodeItems().size());
    QVERIFY(nodes > 0);
    canvas->relayout();
    QVERIFY(work->runningTitles().contains(kLayout));
    QVERIFY(cancelFromStatusBar(work, kLayout));
    QTRY_VERIFY(!canvas->isLayoutRunning());
    QTRY_COMPARE(work->runningCount(), 0);
    QCOMPARE(int(canvas->nodeItems().size()), nodes);
}

void TestLongWorkJobs::resimulationIsTracked()
{
    Settings settings(m_dir.filePath(QStringLiteral("d.ini")));
    MainWindow window(settings, m_dataDir);
    LongWork *work = window.longWork();
    work->setShowDelay(0);
    window.show();
    QVERIFY(window.controller()->open(copyOfDemo()));
    ta::models::PolicyResimulator *resim = window.policyStudio()->resimulator();
    QSignalSpy started(resim, &ta::models::PolicyResimulator::started);
    QSignalSpy done(resim, &ta::models::PolicyResimulator::finished);
    QSignalSpy ended(work, &LongWork::taskEnded);
    resim->request(window.policyStudio()->draft()->policies());
    QTRY_VERIFY_WITH_TIMEOUT(started.size() > 0, 30000);
    QVERIFY(work->runningTitles().contains(kResimulation));
    QTRY_VERIFY_WITH_TIMEOUT(done.size() > 0, 60000);
    QTRY_VERIFY([&] {
        for (const QList<QVariant> &args : std::as_const(ended)) {
            if (args.at(0).toString() == kResimulation)
                return true;
        }
        return false;
    }());
    // A cancelled re-simulation reports nothing: the last result stands. Over the results kept
    // from the studio's scan a run takes milliseconds; to be caught running, this one waits for
    // the timeline's results, held as if another view were verifying them (the studio reads
    // the timeline again, so its scan waits too and keeps nothing).
    const qsizetype before = done.size();
    ta::models::Document *document = window.controller()->document();
    const QByteArray held = ta::tests::holdTimelineResults(*document);
    QVERIFY(!held.isEmpty());
    document->notifyEvidenceChanged();
    resim->request(window.policyStudio()->draft()->policies());
    QTRY_VERIFY_WITH_TIMEOUT(work->runningTitles().contains(kResimulation), 30000);
    QVERIFY(cancelFromStatusBar(work, kResimulation));
    document->replayResults()->release(held);
    QTRY_VERIFY(!work->runningTitles().contains(kResimulation));
    QTest::qWait(100);
    QCOMPARE(done.size(), before);
}

void TestLongWorkJobs::fileDialogsDoNotBlock()
{
    Settings settings(m_dir.filePath(QStringLiteral("e.ini")));
    MainWindow window(settings, m_dataDir);
    window.show();
    // File > Open: the dialog opens and the call returns (no nested loop); choosing opens.
    const QString path = copyOfDemo();
    QAction *open = nullptr;
    for (QAction *a : window.findChildren<QAction *>()) {
        if (a->shortcut() == QKeySequence(QKeySequence::Open))
            open = a;
    }
    QVERIFY(open);
    open->trigger();
    auto *dialog = window.findChild<QFileDialog *>(QStringLiteral("asyncFileDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!window.controller()->document());
    Q_EMIT dialog->fileSelected(path);
    dialog->close();
    QVERIFY(window.controller()->document());
    QCOMPARE(window.controller()->document()->path(), path);

    // Anchors export then import through their dialogs, each answered after the call returned.
    ta::views::AnchorPanel *anchors = window.anchorPanel();
    QVERIFY(anchors);
    const QString exported = m_dir.filePath(QStringLiteral("anchors.json"));
    anchors->exportAction()->trigger();
    QTRY_VERIFY((dialog = anchors->findChild<QFileDialog *>(QStringLiteral("asyncFileDialog"))));
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    QVERIFY(!QFile::exists(exported));
    Q_EMIT dialog->fileSelected(exported);
    dialog->close();
    QTRY_VERIFY(!anchors->findChild<QFileDialog *>(QStringLiteral("asyncFileDialog")));
    QVERIFY(QFile::exists(exported));
    anchors->importAction()->trigger();
    QTRY_VERIFY((dialog = anchors->findChild<QFileDialog *>(QStringLiteral("asyncFileDialog"))));
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptOpen);
    const int undoBefore = window.controller()->document()->undoStack()->count();
    Q_EMIT dialog->fileSelected(exported);
    dialog->close();
    // Read and checked on a worker, stored when it returns.
    QTRY_COMPARE(window.controller()->document()->undoStack()->count(), undoBefore + 1);
}

// Every long job runs on a pool of its own: with each thread of the global pool held, the demo is
// generated, laid out, re-simulated, reported on, imported into and generated from. (Before, a
// large workspace's window froze while these held the global pool: Qt 6.4's raster engine waits
// on it to paint. The window is not shown here, so nothing paints while the pool is held.)
void TestLongWorkJobs::longJobsLeaveTheGlobalPoolFree()
{
    Settings settings(m_dir.filePath(QStringLiteral("g.ini")));
    MainWindow window(settings, m_dir.filePath(QStringLiteral("data-g")));
    GlobalPoolHold hold;

    // The demo, generated on a worker, then opened.
    (void)window.controller()->openDemoInBackground(m_dir.filePath(QStringLiteral("data-g")));
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->document(), 120000);
    ta::models::Document *doc = window.controller()->document();

    // The graph's layout.
    ta::views::GraphCanvas *canvas = window.graphCanvas();
    QTRY_VERIFY_WITH_TIMEOUT(!canvas->isLayoutRunning(), 60000);
    QSignalSpy drawn(canvas, &ta::views::GraphCanvas::drawn);
    canvas->relayout();
    QVERIFY(canvas->isLayoutRunning());
    QVERIFY(drawn.wait(60000));

    // The studio's re-simulation (its claims scan first).
    ta::models::PolicyResimulator *resim = window.policyStudio()->resimulator();
    QSignalSpy resimulated(resim, &ta::models::PolicyResimulator::finished);
    resim->request(window.policyStudio()->draft()->policies());
    QVERIFY(resimulated.wait(60000));

    // The audit report.
    ta::app::AuditReportController *report = window.auditReport();
    QSignalSpy exported(report, &ta::app::AuditReportController::exported);
    QVERIFY(report->exportTo(m_dir.filePath(QStringLiteral("g.html")),
                             ta::models::AuditReportWriter::Format::Html));
    QVERIFY(exported.wait(120000));

    // Evidence and anchors imports (of files they refuse: the refusal comes from the worker).
    const QString notEvidence = m_dir.filePath(QStringLiteral("g.jsonl"));
    {
        QFile f(notEvidence);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not json\n");
    }
    ta::models::EvidenceImporter evidence(doc);
    QSignalSpy evidenceRefused(&evidence, &ta::models::EvidenceImporter::importFailed);
    QVERIFY(evidence.importFile(notEvidence).isValid());
    QVERIFY(evidenceRefused.wait(30000));
    ta::models::AnchorImporter anchors(doc);
    QSignalSpy anchorsRefused(&anchors, &ta::models::AnchorImporter::importFailed);
    QVERIFY(anchors.importFile(notEvidence).isValid());
    QVERIFY(anchorsRefused.wait(30000));

    // Evidence generated for a design, in a workspace of its own.
    auto designed =
        ta::core::Workspace::create(m_dir.filePath(QStringLiteral("g-design.atlas")), std::nullopt);
    QVERIFY(designed);
    ta::models::Document designDoc(std::move(*designed));
    ta::models::DesignModel design(&designDoc);
    QVERIFY(design.addTrustDomain(QStringLiteral("design.example")));
    QVERIFY(design.addPlatform(QStringLiteral("tpm")));
    QVERIFY(design.addNode(QStringLiteral("g1"), QStringLiteral("tpm")));
    ta::models::DesignGenerator generator(&designDoc);
    QSignalSpy generated(&generator, &ta::models::DesignGenerator::generated);
    ta::core::LabTimeline timeline;
    timeline.span = 4 * 3600;
    timeline.interval = 3600;
    QVERIFY(generator.generate(timeline).isValid());
    QVERIFY(generated.wait(60000));
}

// With TA_SCREENSHOT_DIR set (under Xvfb), saves the window with two tasks in the status bar.
void TestLongWorkJobs::screenshot()
{
    const QString dir = qEnvironmentVariable("TA_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("TA_SCREENSHOT_DIR not set");
    Settings settings(m_dir.filePath(QStringLiteral("f.ini")));
    MainWindow window(settings, m_dataDir);
    window.longWork()->setShowDelay(0);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.controller()->open(copyOfDemo()));
    QTRY_VERIFY_WITH_TIMEOUT(!window.graphCanvas()->isLayoutRunning(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(window.longWork()->runningCount(), 0, 60000);
    std::atomic<bool> release{false};
    auto hold = [&release](QPromise<void> &promise, int value) {
        promise.setProgressRange(0, 8);
        promise.setProgressValueAndText(value, QStringLiteral("%1 of 8").arg(value));
        while (!release && !promise.isCanceled())
            QThread::msleep(5);
    };
    QThreadPool pool;
    window.longWork()->track(QStringLiteral("Simulating the timeline"),
                             QtConcurrent::run(&pool, hold, 3));
    window.longWork()->track(QStringLiteral("Importing anchors"),
                             QtConcurrent::run(&pool, hold, 6));
    QTRY_COMPARE(window.longWork()->widget()->count(), 2);
    QTest::qWait(300);
    QVERIFY(window.grab().save(dir + QStringLiteral("/longwork-statusbar.png")));
    QVERIFY(window.statusBar()->grab().save(dir + QStringLiteral("/longwork-statusbar-only.png")));
    release = true;
    QTRY_COMPARE(window.longWork()->runningCount(), 0);
}

QTEST_MAIN(TestLongWorkJobs)
#include "tst_longworkjobs.moc"
