// SPDX-License-Identifier: Apache-2.0
// The demo in the main window: a policy edited in the studio (typed into its CEL editor, not
// saved) re-simulates, and the graph canvas shows the edited rules' statuses at the time bar's
// instant; undo brings the saved rules' statuses back.
#include "app/gui/MainWindow.h"
#include "app/gui/Settings.h"
#include "app/gui/TimelineController.h"
#include "app/gui/WorkspaceController.h"
#include "core/graph/TopologyGraph.h"
#include "models/Document.h"
#include "models/PolicyDraft.h"
#include "models/PolicyResimulator.h"
#include "views/CelEditor.h"
#include "views/GraphCanvas.h"
#include "views/GraphNodeItem.h"
#include "views/PolicyStudio.h"
#include "views/WhatIfView.h"

#include <QDockWidget>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using ta::app::MainWindow;
using ta::app::Settings;
using ta::app::TimelineController;

class TestStudioLiveGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editedPolicyRedrawsTheGraph();
    void newlyGrantedIdentityIsDrawn();
};

namespace {

// Identity node ID -> (status, drawn faint).
QHash<QString, QPair<int, bool>> identities(const ta::views::GraphCanvas &canvas)
{
    QHash<QString, QPair<int, bool>> out;
    for (const ta::views::GraphNodeItem *n : canvas.nodeItems()) {
        if (canvas.graph().node(n->index()).cls == ta::core::NodeClass::Identity)
            out.insert(n->id(), {int(n->status()), n->opacity() < 1.0});
    }
    return out;
}

// The demo in a main window, its simulation answering and its graph laid out.
struct DemoWindow
{
    QTemporaryDir dir;
    Settings settings{dir.filePath(QStringLiteral("settings.ini"))};
    MainWindow window{withoutAutoRefresh(settings), dir.filePath(QStringLiteral("data"))};

    static Settings &withoutAutoRefresh(Settings &s)
    {
        s.setFederationAutoRefresh(false);
        return s;
    }

    bool open()
    {
        window.show();
        if (!QTest::qWaitForWindowExposed(&window) ||
            !window.controller()->openDemo(dir.filePath(QStringLiteral("data"))))
            return false;
        const TimelineController *timeline = window.timelineController();
        const ta::views::GraphCanvas *canvas = window.graphCanvas();
        return QTest::qWaitFor(
                   [timeline] {
                       return timeline->source() == TimelineController::Source::Simulation ||
                              timeline->source() == TimelineController::Source::SavedRun;
                   },
                   60000) &&
               QTest::qWaitFor(
                   [canvas] {
                       return !canvas->nodeItems().isEmpty() && !canvas->isLayoutRunning();
                   },
                   60000);
    }
};

} // namespace

void TestStudioLiveGraph::editedPolicyRedrawsTheGraph()
{
    DemoWindow demo;
    QVERIFY2(demo.open(), qPrintable(demo.window.controller()->lastError()));
    MainWindow &window = demo.window;
    TimelineController *timeline = window.timelineController();
    ta::views::GraphCanvas *canvas = window.graphCanvas();
    const auto before = identities(*canvas);
    QVERIFY(!before.isEmpty());

    // The first policy that grants an identity drawn on the canvas, made to hold for no one.
    ta::views::PolicyStudio *studio = window.policyStudio();
    QVERIFY(studio);
    int row = -1;
    QString granted;
    const ta::core::TopologyGraph &g = canvas->graph();
    for (int i = 0; i < studio->draft()->policies().size() && row < 0; ++i) {
        const ta::core::Policy &p = studio->draft()->policies().at(i);
        const int rule = g.indexOf(QStringLiteral("rule/policy/") + p.name);
        if (p.effect != ta::core::PolicyEffect::Grant || rule < 0)
            continue;
        for (const QString &id : before.keys()) {
            if (!before.value(id).second &&
                g.findEdge(rule, g.indexOf(id), ta::core::EdgeClass::Grants) >= 0) {
                row = i;
                granted = id;
                break;
            }
        }
    }
    QVERIFY2(row >= 0, "no policy grants a drawn identity");
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("policyStudioDock"));
    dock->raise();
    studio->setCurrentRow(row);
    ta::views::CelEditor *editor = studio->conditionEditor();
    QTRY_VERIFY(editor->isVisible());
    editor->setFocus();
    const QString condition = studio->draft()->policies().at(row).condition;
    // First an edit that decides alike: the edited rules hold the identity at the instant.
    QTest::keyClick(editor, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClicks(editor, QStringLiteral(" && true"));
    QCOMPARE(studio->draft()->policies().at(row).condition, condition + QStringLiteral(" && true"));
    QTRY_VERIFY_WITH_TIMEOUT(timeline->source() == TimelineController::Source::Candidate, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!studio->resimulator()->isBusy(), 60000);
    const auto alike = identities(*canvas);
    QVERIFY2(!alike.value(granted).second, qPrintable(granted));
    QCOMPARE(alike.value(granted).first, int(ta::core::GraphStatus::Valid));
    // Then the policy made to hold for no one: the identity it granted is not held any more.
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_Delete);
    QTest::keyClicks(editor, QStringLiteral("false"));
    QVERIFY(studio->draft()->isModified());
    QTRY_VERIFY_WITH_TIMEOUT(identities(*canvas).value(granted).second, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!studio->resimulator()->isBusy(), 60000);
    QVERIFY(identities(*canvas).value(granted).second);
    QVERIFY(identities(*canvas) != before);

    // Undo (the typing merged into one step): the saved rules again, and their statuses.
    window.controller()->document()->undoStack()->undo();
    QVERIFY(!studio->draft()->isModified());
    QTRY_VERIFY_WITH_TIMEOUT(timeline->source() != TimelineController::Source::Candidate, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(identities(*canvas), before, 10000);

    // A look at the window with the what-if dock: the edit again, compared over the timeline.
    const QString shots = qEnvironmentVariable("TA_SCREENSHOT_DIR");
    if (shots.isEmpty())
        return;
    window.controller()->document()->undoStack()->redo();
    auto *whatIfDock = window.findChild<QDockWidget *>(QStringLiteral("whatIfDock"));
    QVERIFY(whatIfDock && window.whatIfView());
    whatIfDock->raise();
    QSignalSpy ready(window.whatIfView(), &ta::views::WhatIfView::reportReady);
    QVERIFY(window.whatIfView()->run());
    QVERIFY(ready.wait(120000));
    QTest::qWait(300);
    QVERIFY(window.grab().save(shots + QStringLiteral("/mainwindow-whatif.png")));
}

// An unsaved edit that grants an identity no one held: the identity appears on the canvas with
// the simulated credentials that hold it, beside their holders, without a layout; undo takes
// them away again and leaves the rest where it was.
void TestStudioLiveGraph::newlyGrantedIdentityIsDrawn()
{
    DemoWindow demo;
    QVERIFY2(demo.open(), qPrintable(demo.window.controller()->lastError()));
    MainWindow &window = demo.window;
    TimelineController *timeline = window.timelineController();
    ta::views::GraphCanvas *canvas = window.graphCanvas();
    const qsizetype nodesBefore = canvas->nodeItems().size();
    QHash<QString, QPointF> places;
    for (const ta::views::GraphNodeItem *n : canvas->nodeItems())
        places.insert(n->id(), n->pos());

    // A granting policy whose identities are drawn and held, its template renamed: the
    // workloads it held now hold identities that no one held before.
    ta::views::PolicyStudio *studio = window.policyStudio();
    const auto held = identities(*canvas);
    int row = -1;
    {
        const ta::core::TopologyGraph &g = canvas->graph();
        for (int i = 0; i < studio->draft()->policies().size() && row < 0; ++i) {
            const ta::core::Policy &p = studio->draft()->policies().at(i);
            const int rule = g.indexOf(QStringLiteral("rule/policy/") + p.name);
            if (p.effect != ta::core::PolicyEffect::Grant || rule < 0)
                continue;
            for (const QString &id : held.keys()) {
                if (!held.value(id).second &&
                    g.findEdge(rule, g.indexOf(id), ta::core::EdgeClass::Grants) >= 0)
                    row = i;
            }
        }
    }
    QVERIFY2(row >= 0, "no policy grants a drawn identity");
    const auto renamed = [canvas] {
        QStringList out;
        for (const ta::views::GraphNodeItem *n : canvas->nodeItems()) {
            if (n->id().endsWith(QLatin1String("-renamed")))
                out << n->id();
        }
        return out;
    };
    QVERIFY(renamed().isEmpty());
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("policyStudioDock"));
    dock->raise();
    studio->setCurrentRow(row);
    auto *templ = studio->findChild<QLineEdit *>(QStringLiteral("policyTemplate"));
    QVERIFY(templ);
    QTRY_VERIFY(templ->isVisible());
    const QString before = templ->text();
    templ->setFocus();
    templ->end(false);
    QTest::keyClicks(templ, QStringLiteral("-renamed"));
    QCOMPARE(studio->draft()->policies().at(row).spiffeIdTemplate,
             before + QStringLiteral("-renamed"));
    QTRY_VERIFY_WITH_TIMEOUT(timeline->source() == TimelineController::Source::Candidate, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!renamed().isEmpty(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!studio->resimulator()->isBusy(), 60000);
    QVERIFY(!canvas->isLayoutRunning());

    const ta::core::TopologyGraph &g = canvas->graph();
    for (const QString &newId : renamed()) {
        ta::views::GraphNodeItem *identity = canvas->nodeItem(newId);
        QCOMPARE(identity->status(), ta::core::GraphStatus::Valid);
        QCOMPARE(identity->opacity(), 1.0);
        // Held through simulated credentials, each held by a subject drawn before.
        int credentials = 0;
        for (int e : g.inEdges(g.indexOf(newId))) {
            if (g.edge(e).cls != ta::core::EdgeClass::Identifies)
                continue;
            const int c = g.edge(e).from;
            QCOMPARE(g.node(c).cls, ta::core::NodeClass::Credential);
            bool heldBySubject = false;
            for (int h : g.inEdges(c)) {
                if (g.edge(h).cls == ta::core::EdgeClass::Holds)
                    heldBySubject = heldBySubject || places.contains(g.node(g.edge(h).from).id);
            }
            QVERIFY(heldBySubject);
            ++credentials;
        }
        QVERIFY2(credentials > 0, qPrintable(newId));
    }
    // What was drawn stays where it was.
    for (const ta::views::GraphNodeItem *n : canvas->nodeItems()) {
        if (places.contains(n->id()))
            QCOMPARE(n->pos(), places.value(n->id()));
    }

    window.controller()->document()->undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(timeline->source() != TimelineController::Source::Candidate, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(renamed().isEmpty(), 10000);
    QCOMPARE(canvas->nodeItems().size(), nodesBefore);
    for (const ta::views::GraphNodeItem *n : canvas->nodeItems())
        QCOMPARE(n->pos(), places.value(n->id()));
}

QTEST_MAIN(TestStudioLiveGraph)
#include "tst_studiolivegraph.moc"
