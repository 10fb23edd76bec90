// SPDX-License-Identifier: Apache-2.0
// The evidence timeline in the window (issue 11): the dock and File > Import Evidence are there,
// the demo's records get verdicts in the background, and a click on a record moves the time bar.
#include "app/gui/MainWindow.h"
#include "app/gui/Settings.h"
#include "app/gui/TimelineController.h"
#include "app/gui/WorkspaceController.h"
#include "core/attestation/lab/FederatedDemo.h"
#include "models/EvidenceTimelineModel.h"
#include "views/EvidenceTimeline.h"
#include "views/TimelineBar.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using ta::app::MainWindow;
using ta::app::Settings;
using ta::models::EvidenceTimelineModel;

class TestEvidenceTimelineWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clickMovesTheTimeBar();
};

void TestEvidenceTimelineWindow::clickMovesTheTimeBar()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.atlas"));
    QVERIFY(ta::core::FederatedDemo::create(path, QDateTime::currentDateTimeUtc()).ok());
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, dir.filePath(QStringLiteral("data")));
    QVERIFY(!window.importEvidenceAction()->isEnabled());
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("evidenceTimelineDock")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.controller()->open(path), qPrintable(window.controller()->lastError()));
    QVERIFY(window.importEvidenceAction()->isEnabled());
    ta::views::EvidenceTimeline *panel = window.evidenceTimeline();
    QVERIFY(panel);
    QVERIFY(QTest::qWaitFor([&] { return !window.timelineBar()->timeline().isEmpty(); }, 10000));
    EvidenceTimelineModel *model = panel->model();
    QVERIFY(model->rowCount() > 2);
    // The demo's records are verified in the background once it is open.
    QTRY_VERIFY_WITH_TIMEOUT(
        !model->index(0, 0).data(int(EvidenceTimelineModel::Role::Verdict)).toString().isEmpty(),
        60000);

    window.findChild<QDockWidget *>(QStringLiteral("evidenceTimelineDock"))->raise();
    QTreeView *view = panel->view();
    QTRY_VERIFY(view->isVisible());
    const QModelIndex second = model->index(1, int(EvidenceTimelineModel::Column::Subject));
    view->scrollTo(second);
    const QDateTime at = second.data(int(EvidenceTimelineModel::Role::Time)).toDateTime();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(second).center());
    QCOMPARE(window.timelineBar()->instant(), at);
    QCOMPARE(window.timelineController()->instant(), at);
}

QTEST_MAIN(TestEvidenceTimelineWindow)
#include "tst_evidencetimelinewindow.moc"
