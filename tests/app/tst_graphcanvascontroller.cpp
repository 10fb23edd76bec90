// SPDX-License-Identifier: Apache-2.0
// The canvas follows the document's edits without replaying the evidence timeline when the edit
// cannot change it: a design edit is read and drawn, the replay count stays, and only the new
// node is made anew in the graph; an anchor removed replays. Real demo workspace, real canvas
// offscreen.
#include "app/gui/GraphCanvasController.h"
#include "core/attestation/lab/DemoWorkspace.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/AttestationStore.h"
#include "core/store/Workspace.h"
#include "models/DesignModel.h"
#include "models/Document.h"
#include "views/GraphCanvas.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTreeWidget>

#include <memory>

using namespace ta;

namespace {

// Holds every thread of the controller's pool, so that the replay queued meanwhile waits until
// release(): what happens before it is then certain. (Not the global pool: Qt's raster engine
// paints with it.)
class PoolHold
{
public:
    explicit PoolHold(QThreadPool *pool) : m_pool(pool), m_threads(pool->maxThreadCount())
    {
        for (int i = 0; i < m_threads; ++i) {
            m_pool->start([this] {
                m_holding.release();
                m_gate.acquire();
            });
        }
        m_holding.acquire(m_threads);
    }
    ~PoolHold() { release(); }
    void release()
    {
        if (!m_released)
            m_gate.release(m_threads);
        m_released = true;
    }

private:
    QThreadPool *m_pool;
    int m_threads;
    QSemaphore m_holding;
    QSemaphore m_gate;
    bool m_released = false;
};

// The demo workspace, open in a document, and a canvas.
struct Demo
{
    QTemporaryDir dir;
    QString path;
    std::unique_ptr<models::Document> doc;
    views::GraphCanvas canvas;
    QTreeWidget findings;

    bool open()
    {
        path = dir.filePath(QStringLiteral("demo.atlas"));
        if (!dir.isValid() ||
            !core::DemoWorkspace::create(path, QDateTime::currentDateTimeUtc()).ok())
            return false;
        auto ws = core::Workspace::open(path, {});
        if (!ws.ok())
            return false;
        doc = std::make_unique<models::Document>(std::move(*ws));
        canvas.resize(800, 600);
        canvas.show();
        return true;
    }
};

QSet<QString> nodeIds(const core::TopologyGraph &g)
{
    QSet<QString> ids;
    for (const core::GraphNode &n : g.nodes())
        ids.insert(n.id);
    return ids;
}

} // namespace

class TestGraphCanvasController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replaysALargeTimelineOnAWorker();
    void anEditOvertakesARunningReplay();
    void aCancelledReplayIsSaidAndCanBeRedone();
    void theGraphAttestsOnceForTheWholeDocument();
    void editsReplayOnlyWhenTheEvidenceMayChange()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("demo.atlas"));
        QVERIFY(core::DemoWorkspace::create(path, QDateTime::currentDateTimeUtc()).ok());
        auto ws = core::Workspace::open(path, {});
        QVERIFY(ws.ok());
        models::Document doc(std::move(*ws));
        models::DesignModel design(&doc);
        views::GraphCanvas canvas;
        canvas.resize(800, 600);
        canvas.show();
        QTreeWidget findings;
        app::GraphCanvasController controller(&findings);
        controller.attach(&doc, &canvas, nullptr, nullptr);
        QCOMPARE(controller.evidenceReplays(), 1);
        const int nodes = canvas.nodeItems().size();
        QVERIFY(nodes > 0);

        QSignalSpy reloaded(&controller, &app::GraphCanvasController::reloaded);
        const QString td = design.trustDomainChoices().value(0);
        QVERIFY(!td.isEmpty());
        QVERIFY(design.addPlatform(QStringLiteral("k8s:planned"), td).ok());
        QVERIFY(design.addNode(QStringLiteral("planned-1"), QStringLiteral("k8s:planned")).ok());
        QVERIFY(reloaded.wait(10000));
        QTRY_VERIFY(canvas.nodeItem(QStringLiteral("node/planned-1")));
        QCOMPARE(controller.evidenceReplays(), 1);
        // Only the new node's content was made; every other subject, credential and identity
        // kept its own.
        QCOMPARE(controller.nodesMade(), 1);

        reloaded.clear();
        // The anchors read through a connection of the test's own.
        auto reader = core::Workspace::open(path, {});
        QVERIFY(reader.ok());
        core::AttestationStore store((*reader)->database());
        auto anchors = store.anchors();
        QVERIFY(anchors.ok() && !anchors->anchors().isEmpty());
        QVERIFY(doc.removeAnchor(anchors->anchors().constLast().id).ok());
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(controller.evidenceReplays(), 2);
        // Still the node the design added.
        QVERIFY(canvas.nodeItem(QStringLiteral("node/planned-1")));
    }
};

void TestGraphCanvasController::replaysALargeTimelineOnAWorker()
{
    Demo demo;
    QVERIFY(demo.open());
    // The same workspace read at once, for comparison.
    views::GraphCanvas other;
    QTreeWidget otherFindings;
    app::GraphCanvasController direct(&otherFindings);
    direct.attach(demo.doc.get(), &other, nullptr, nullptr);
    QVERIFY(direct.graph().nodeCount() > 0);

    app::GraphCanvasController controller(&demo.findings);
    controller.setBackgroundReplayThreshold(0);
    QSignalSpy started(&controller, &app::GraphCanvasController::workStarted);
    QSignalSpy reloaded(&controller, &app::GraphCanvasController::reloaded);
    PoolHold hold(controller.threadPool());
    controller.attach(demo.doc.get(), &demo.canvas, nullptr, nullptr);
    // attach() returned before the replay ran: nothing drawn yet, the work announced.
    QCOMPARE(started.count(), 1);
    QVERIFY(controller.isReading());
    QCOMPARE(reloaded.count(), 0);
    QCOMPARE(controller.evidenceReplays(), 0);
    QVERIFY(demo.canvas.nodeItems().isEmpty());
    const auto future = started.at(0).at(1).value<QFuture<void>>();
    QVERIFY(!future.isFinished());
    hold.release();
    QVERIFY(reloaded.wait(60000));
    QVERIFY(!controller.isReading());
    QCOMPARE(controller.evidenceReplays(), 1);
    QCOMPARE(nodeIds(controller.graph()), nodeIds(direct.graph()));
    QCOMPARE(demo.canvas.nodeItems().size(), other.nodeItems().size());
    QVERIFY(demo.canvas.toolTip().isEmpty());
}

void TestGraphCanvasController::anEditOvertakesARunningReplay()
{
    Demo demo;
    QVERIFY(demo.open());
    models::DesignModel design(demo.doc.get());
    app::GraphCanvasController controller(&demo.findings);
    controller.setBackgroundReplayThreshold(0);
    QSignalSpy started(&controller, &app::GraphCanvasController::workStarted);
    QSignalSpy reloaded(&controller, &app::GraphCanvasController::reloaded);
    PoolHold hold(controller.threadPool());
    controller.attach(demo.doc.get(), &demo.canvas, nullptr, nullptr);
    const QString td = design.trustDomainChoices().value(0);
    QVERIFY(!td.isEmpty());
    QVERIFY(design.addPlatform(QStringLiteral("k8s:planned"), td).ok());
    QVERIFY(design.addNode(QStringLiteral("planned-1"), QStringLiteral("k8s:planned")).ok());
    // The edits' reload starts a replay of its own; the first one's result no longer counts.
    QTRY_COMPARE(started.count(), 2);
    QCOMPARE(reloaded.count(), 0);
    hold.release();
    QVERIFY(reloaded.wait(60000));
    QTRY_VERIFY(!controller.isReading());
    QCOMPARE(controller.evidenceReplays(), 1);
    QVERIFY(demo.canvas.nodeItem(QStringLiteral("node/planned-1")));
    // Nothing more comes from the overtaken replay.
    QTest::qWait(200);
    QCOMPARE(reloaded.count(), 1);
}

void TestGraphCanvasController::aCancelledReplayIsSaidAndCanBeRedone()
{
    Demo demo;
    QVERIFY(demo.open());
    app::GraphCanvasController controller(&demo.findings);
    controller.setBackgroundReplayThreshold(0);
    QSignalSpy started(&controller, &app::GraphCanvasController::workStarted);
    QSignalSpy reloaded(&controller, &app::GraphCanvasController::reloaded);
    {
        PoolHold hold(controller.threadPool());
        controller.attach(demo.doc.get(), &demo.canvas, nullptr, nullptr);
        QCOMPARE(started.count(), 1);
        // Cancelled from the status bar before it ran.
        auto future = started.at(0).at(1).value<QFuture<void>>();
        future.cancel();
    }
    QVERIFY(reloaded.wait(60000));
    QCOMPARE(controller.evidenceReplays(), 0);
    QVERIFY(demo.canvas.nodeItems().isEmpty());
    QVERIFY2(demo.canvas.toolTip().contains(QStringLiteral("cancelled")),
             qPrintable(demo.canvas.toolTip()));
    // Read again, it is drawn.
    controller.reload();
    QVERIFY(reloaded.wait(60000));
    QCOMPARE(controller.evidenceReplays(), 1);
    QVERIFY(!demo.canvas.nodeItems().isEmpty());
    QVERIFY(demo.canvas.toolTip().isEmpty());
}

// The graph replays the timeline with the simulation engine, through the document: the results
// it verified serve the time bar, the decision log and the studio (the document's cache), and
// are kept in the workspace for the next document, which verifies nothing.
void TestGraphCanvasController::theGraphAttestsOnceForTheWholeDocument()
{
    Demo demo;
    QVERIFY(demo.open());
    auto records = demo.doc->evidenceRecords();
    QVERIFY(records.ok() && !records->isEmpty());
    QCOMPARE(demo.doc->replayResults()->size(), size_t(0));
    app::GraphCanvasController controller(&demo.findings);
    controller.attach(demo.doc.get(), &demo.canvas, nullptr, nullptr);
    QCOMPARE(controller.evidenceReplays(), 1);
    QCOMPARE(demo.doc->replayResults()->size(), size_t(records->size()));
    QCOMPARE(demo.doc->keptResults().saved.load(), 1);
    // The document's next replay (the time bar's) checks no signature.
    auto reader = core::Workspace::open(demo.path, {});
    QVERIFY(reader.ok());
    auto replay = core::TimelineReplay::fromWorkspace(**reader, core::TimelineReplay::Options());
    QVERIFY(replay.ok());
    QVERIFY(demo.doc->replayTimeline(*replay).ok());
    auto work = std::make_shared<core::TimelineReplay::SignatureWork>();
    replay->setSignatureWork(work);
    auto n = replay->replay([](const core::AttestationResult &) {});
    QVERIFY(n.ok());
    QCOMPARE(*n, qint64(records->size()));
    QCOMPARE(work->checks.load(), qint64(0));

    // Another document on the workspace draws the same graph from the kept results.
    auto ws = core::Workspace::open(demo.path, {});
    QVERIFY(ws.ok());
    models::Document next(std::move(*ws));
    views::GraphCanvas canvas;
    QTreeWidget findings;
    app::GraphCanvasController again(&findings);
    again.attach(&next, &canvas, nullptr, nullptr);
    QCOMPARE(next.keptResults().loaded.load(), 1);
    QCOMPARE(next.keptResults().saved.load(), 0);
    QCOMPARE(nodeIds(again.graph()), nodeIds(controller.graph()));
}

QTEST_MAIN(TestGraphCanvasController)
#include "tst_graphcanvascontroller.moc"
