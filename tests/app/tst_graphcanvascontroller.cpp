// SPDX-License-Identifier: Apache-2.0
// The canvas follows the document's edits without replaying the evidence timeline when the edit
// cannot change it: a design edit is read and drawn, the replay count stays, and only the new
// node is made anew in the graph; an anchor removed replays. Real demo workspace, real canvas offscreen.
#include "app/gui/GraphCanvasController.h"
#include "core/attestation/lab/DemoWorkspace.h"
#include "core/store/AttestationStore.h"
#include "core/store/Workspace.h"
#include "models/DesignModel.h"
#include "models/Document.h"
#include "views/GraphCanvas.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace ta;

class TestGraphCanvasController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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

QTEST_MAIN(TestGraphCanvasController)
#include "tst_graphcanvascontroller.moc"
