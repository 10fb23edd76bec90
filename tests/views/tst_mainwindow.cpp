// SPDX-License-Identifier: Apache-2.0
#include "app/gui/MainWindow.h"
#include "app/gui/Settings.h"
#include "app/gui/WorkspaceController.h"
#include "core/attestation/lab/DemoWorkspace.h"
#include "core/store/Workspace.h"
#include "models/DecisionLogModel.h"
#include "models/Document.h"
#include "models/FederationModel.h"
#include "models/PolicyDraft.h"
#include "views/AnchorPanel.h"
#include "views/BundleView.h"
#include "views/ClearKeysBanner.h"
#include "views/CredentialInspector.h"
#include "views/CredentialPanel.h"
#include "views/DecisionLog.h"
#include "views/ErrorMessages.h"
#include "views/EvidenceTimeline.h"
#include "views/FederationPanel.h"
#include "views/GraphCanvas.h"
#include "views/GraphNodeItem.h"
#include "views/GraphView.h"
#include "views/IssueSvidDialog.h"
#include "views/NewTrustDomainDialog.h"
#include "views/PolicyStudio.h"
#include "views/TimelineBar.h"
#include "views/TrustDomainPanel.h"
#include "views/WhatIfView.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>
#include <functional>

using ta::app::MainWindow;
using ta::app::Settings;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensDemoOnFirstRunAndAgain();
    void undoRedoFromTheEditMenu();
    void everyMenuHasMnemonics();
    void englishPluralsAreLoaded();
    void germanTranslationIsLoaded();
    void demoShowsTheLaidOutGraphInTheCentre();
    void selectionIsSharedBetweenTableAndCanvas();
    void reopeningDrawsFromTheCachedPositions();
    void policyStudioDockFollowsTheDocument();
    void federationDockFollowsTheDocument();
    void firstStartGivesTheCanvasMostOfTheWindow();
    void decisionLogFollowsTheTimeBar();
    void evidenceDroppedAnywhereIsImported();
    void trustDomainAndSvidDialogsRunNoNestedLoop();
    void everyDocumentDockFollowsTheDocument();
};

namespace {

// No background refresh of the federation bundles: the demo's endpoints are made-up names that
// would be looked up in the machine's DNS. federationDockFollowsTheDocument tests the refresh.
void quiet(Settings &settings)
{
    settings.setFederationAutoRefresh(false);
}

// Screenshots go where TA_SCREENSHOT_DIR says, else into the test's own temporary folder.
QString shotPath(const QTemporaryDir &dir, const QString &name)
{
    const QString env = qEnvironmentVariable("TA_SCREENSHOT_DIR");
    return env.isEmpty() ? dir.filePath(name) : env + QLatin1Char('/') + name;
}

// Waits until the window's canvas shows a laid-out graph.
bool waitForGraph(MainWindow &window)
{
    ta::views::GraphCanvas *canvas = window.graphCanvas();
    if (!canvas)
        return false;
    if (canvas->nodeItems().isEmpty() || canvas->isLayoutRunning()) {
        QSignalSpy drawn(canvas, &ta::views::GraphCanvas::drawn);
        if (!drawn.wait(60000))
            return false;
    }
    return !canvas->nodeItems().isEmpty() && !canvas->isLayoutRunning();
}

// The window's action with @p shortcut.
QAction *actionWithShortcut(MainWindow &window, const QKeySequence &shortcut)
{
    for (QAction *a : window.findChildren<QAction *>())
        if (a->shortcut() == shortcut)
            return a;
    return nullptr;
}

// The one visible dialog of type T the window shows, null when there is none or more than one.
template <typename T>
T *shownDialog(MainWindow &window)
{
    T *found = nullptr;
    for (T *d : window.findChildren<T *>()) {
        if (!d->isVisible())
            continue;
        if (found)
            return nullptr;
        found = d;
    }
    return found;
}

} // namespace

void TestMainWindow::opensDemoOnFirstRunAndAgain()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    quiet(settings);
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    MainWindow window(settings, dataDir);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.controller()->openDemo(dataDir), qPrintable(window.controller()->lastError()));
    QVERIFY(QFileInfo::exists(ta::app::WorkspaceController::demoPath(dataDir)));
    ta::models::Document *doc = window.controller()->document();
    QVERIFY(doc);
    QStringList expected = ta::core::DemoWorkspace::trustDomainNames();
    expected.sort();
    QCOMPARE(doc->workspace().trustDomainNames(), expected);
    QTRY_VERIFY(window.clearKeysBanner()->isVisible());
    QCOMPARE(window.trustDomainPanel()->view()->model()->rowCount(),
             int(ta::core::DemoWorkspace::trustDomainNames().size()));
    QVERIFY(!window.trustDomainPanel()->currentTrustDomain().isEmpty());
    QVERIFY(window.bundleView()->text().contains(QStringLiteral("\"keys\"")));
    QVERIFY(window.bundleView()->summary().startsWith(QStringLiteral("Sequence ")));
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("demo.atlas")));
    QCOMPARE(settings.recentFiles().size(), 1);
    // The demo's trust anchors are listed, and the Anchors menu holds the panel's own actions.
    QVERIFY(window.anchorPanel()->view()->model()->rowCount() > 0);
    QVERIFY(window.menuBar()->actions().at(4)->menu()->actions().contains(
        window.anchorPanel()->importAction()));

    // Select the first credential of the first trust domain that has one: the inspector
    // shows it with a verdict.
    for (const QString &td : doc->workspace().trustDomainNames()) {
        window.trustDomainPanel()->setCurrentTrustDomain(td);
        QTreeView *credentials = window.credentialPanel()->view();
        if (credentials->model()->rowCount() == 0)
            continue;
        credentials->setCurrentIndex(credentials->model()->index(0, 0));
        break;
    }
    QVERIFY(window.credentialPanel()->currentCredential() != 0);
    QVERIFY(window.inspector()->verdict() != ta::views::CredentialInspector::Verdict::None);

    window.resize(1400, 860);
    // Widgets added to a visible window show from the event loop; let it run before grabbing.
    QTest::qWait(200);
    const QImage shot = window.grab().toImage();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.save(shotPath(dir, QStringLiteral("mainwindow.png"))));
    // The anchors dock shares its place with the CA slots: raised, it lists the demo's anchors.
    auto *anchorDock = qobject_cast<QDockWidget *>(window.anchorPanel()->parentWidget());
    QVERIFY(anchorDock);
    anchorDock->raise();
    QTreeView *anchors = window.anchorPanel()->view();
    anchors->setCurrentIndex(anchors->model()->index(0, 0));
    QTest::qWait(200);
    QVERIFY(anchors->isVisible());
    QVERIFY(window.grab().toImage().save(shotPath(dir, QStringLiteral("anchors.png"))));

    // A second start opens the same demo instead of making a new one.
    const QString demoRoot =
        doc->workspace().bundle(doc->workspace().trustDomainNames().first())->toJwks();
    QVERIFY(window.controller()->openDemo(dataDir));
    QCOMPARE(
        QString::fromUtf8(
            window.controller()
                ->document()
                ->workspace()
                .bundle(window.controller()->document()->workspace().trustDomainNames().first())
                ->toJwks()),
        demoRoot);
}

void TestMainWindow::undoRedoFromTheEditMenu()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    quiet(settings);
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    MainWindow window(settings, dataDir);
    window.show();
    QVERIFY(window.controller()->openDemo(dataDir));
    ta::models::Document *doc = window.controller()->document();
    QAction *undo = nullptr;
    QAction *redo = nullptr;
    for (QAction *a : window.findChildren<QAction *>()) {
        if (a->shortcut() == QKeySequence(QKeySequence::Undo))
            undo = a;
        if (a->shortcut() == QKeySequence(QKeySequence::Redo))
            redo = a;
    }
    QVERIFY(undo && redo);
    QVERIFY(!undo->isEnabled());
    const int before = window.credentialPanel()->view()->model()->rowCount();
    ta::core::JwtIssueRequest request;
    request.trustDomain = window.trustDomainPanel()->currentTrustDomain();
    request.spiffeId = QStringLiteral("spiffe://%1/menu-test").arg(request.trustDomain);
    request.audience = {QStringLiteral("aud")};
    QVERIFY(doc->issueJwt(request));
    QCOMPARE(window.credentialPanel()->view()->model()->rowCount(), before + 1);
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(window.credentialPanel()->view()->model()->rowCount(), before);
    redo->trigger();
    QCOMPARE(window.credentialPanel()->view()->model()->rowCount(), before + 1);
}

void TestMainWindow::everyMenuHasMnemonics()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    quiet(settings);
    MainWindow window(settings, dir.filePath(QStringLiteral("data")));
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(menus.size() >= 5);
    for (QAction *menu : menus) {
        QVERIFY2(menu->text().contains(QLatin1Char('&')), qPrintable(menu->text()));
        for (QAction *item : menu->menu()->actions()) {
            if (item->isSeparator())
                continue;
            QVERIFY2(item->text().contains(QLatin1Char('&')), qPrintable(item->text()));
        }
    }
}

void TestMainWindow::englishPluralsAreLoaded()
{
    // The sources say "node(s)"; the English plural file gives each count its own form.
    QTranslator english;
    QVERIFY(english.load(QStringLiteral(":/i18n/trustatlas_en.qm")));
    QVERIFY(QCoreApplication::installTranslator(&english));
    QCOMPARE(QCoreApplication::translate("GraphClusterItem", "%n node(s)", nullptr, 1),
             QStringLiteral("1 node"));
    QCOMPARE(QCoreApplication::translate("GraphClusterItem", "%n node(s)", nullptr, 3),
             QStringLiteral("3 nodes"));
    QCOMPARE(QCoreApplication::translate(
                 "ta::views::AnchorPanel",
                 "Imported %n entry(ies) from %1. Undo takes the import back.", nullptr, 1),
             QStringLiteral("Imported 1 entry from %1. Undo takes the import back."));
    QCOMPARE(QCoreApplication::translate(
                 "ta::views::AnchorPanel",
                 "Imported %n entry(ies) from %1. Undo takes the import back.", nullptr, 9),
             QStringLiteral("Imported 9 entries from %1. Undo takes the import back."));
    QVERIFY(QCoreApplication::removeTranslator(&english));
}

void TestMainWindow::germanTranslationIsLoaded()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/trustatlas_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QCOMPARE(ta::views::ErrorMessages::text(
                 ta::core::makeError(QStringLiteral("store.wrong_passphrase"))),
             QStringLiteral("Die Passphrase ist falsch."));
    QCOMPARE(
        ta::views::ErrorMessages::text(ta::core::makeError(QStringLiteral("anchors.duplicate_id"))),
        QStringLiteral("Ein Eintrag mit dieser ID existiert bereits."));
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    quiet(settings);
    MainWindow window(settings, dir.filePath(QStringLiteral("data")));
    QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
    // The canvas's words are translated too: legend, filters, clusters.
    QCOMPARE(QCoreApplication::translate("GraphStyle", "Trust domain"),
             QStringLiteral("Vertrauensdomäne"));
    QCOMPARE(QCoreApplication::translate("GraphClusterItem", "%n node(s)", nullptr, 3),
             QStringLiteral("3 Knoten"));
    QCoreApplication::removeTranslator(&translator);
}

void TestMainWindow::demoShowsTheLaidOutGraphInTheCentre()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    quiet(settings);
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    MainWindow window(settings, dataDir);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.graphCanvas());
    QVERIFY(window.controller()->openDemo(dataDir));
    QVERIFY(window.graphCanvas());
    QVERIFY(window.centralWidget()->isAncestorOf(window.graphCanvas()));
    QVERIFY(waitForGraph(window));
    ta::views::GraphCanvas *canvas = window.graphCanvas();
    // Every trust domain of the demo is on the canvas, and the nodes are spread out.
    for (const QString &td : ta::core::DemoWorkspace::trustDomainNames())
        QVERIFY2(canvas->nodeItem(QStringLiteral("td/") + td), qPrintable(td));
    QSet<QPair<int, int>> places;
    for (auto *n : canvas->nodeItems())
        places.insert({qRound(n->pos().x()), qRound(n->pos().y())});
    QVERIFY(places.size() > canvas->nodeItems().size() / 2);
    // The tables are docks around it.
    auto *credentialDock = qobject_cast<QDockWidget *>(window.credentialPanel()->parentWidget());
    QVERIFY(credentialDock);
    QTest::qWait(100);
    QVERIFY(window.grab().toImage().save(shotPath(dir, QStringLiteral("mainwindow-graph.png"))));
}

void TestMainWindow::selectionIsSharedBetweenTableAndCanvas()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    quiet(settings);
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    MainWindow window(settings, dataDir);
    window.show();
    QVERIFY(window.controller()->openDemo(dataDir));
    QVERIFY(waitForGraph(window));
    ta::views::GraphCanvas *canvas = window.graphCanvas();
    ta::models::Document *doc = window.controller()->document();
    auto records = doc->workspace().credentials();
    QVERIFY(records && records->size() >= 2);
    // Table to canvas: the credential's node is selected, and the inspector shows it.
    const ta::core::CredentialRecord first = records->first();
    window.trustDomainPanel()->setCurrentTrustDomain(first.trustDomain);
    window.credentialPanel()->setCurrentCredential(first.id);
    QCOMPARE(window.credentialPanel()->currentCredential(), first.id);
    QVERIFY(canvas->currentNodeId().startsWith(QStringLiteral("credential/") + first.trustDomain));
    QVERIFY(canvas->currentNodeId().contains(first.serial.left(16)));
    QCOMPARE(canvas->selectedNodeIds(), QStringList{canvas->currentNodeId()});
    QVERIFY(window.inspector()->verdict() != ta::views::CredentialInspector::Verdict::None);
    // Canvas to table: selecting another credential's node selects its row, in its domain.
    const ta::core::CredentialRecord last = records->last();
    QString lastNode;
    for (auto *n : canvas->nodeItems()) {
        if (n->nodeClass() == ta::core::NodeClass::Credential &&
            n->id().startsWith(QStringLiteral("credential/") + last.trustDomain) &&
            n->id().endsWith(last.serial.left(16)))
            lastNode = n->id();
    }
    QVERIFY(!lastNode.isEmpty());
    QVERIFY(canvas->selectNode(lastNode));
    QCOMPARE(window.trustDomainPanel()->currentTrustDomain(), last.trustDomain);
    QCOMPARE(window.credentialPanel()->currentCredential(), last.id);
}

void TestMainWindow::reopeningDrawsFromTheCachedPositions()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    quiet(settings);
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    QHash<QString, QPointF> before;
    {
        MainWindow window(settings, dataDir);
        window.show();
        QVERIFY(window.controller()->openDemo(dataDir));
        QVERIFY(waitForGraph(window));
        QTest::qWait(500); // the positions are saved shortly after the layout
        for (auto *n : window.graphCanvas()->nodeItems())
            before.insert(n->id(), n->pos());
    }
    MainWindow window(settings, dataDir);
    window.show();
    QVERIFY(window.controller()->openDemo(dataDir));
    // Drawn in the call that opened it: no layout runs.
    QVERIFY(!window.graphCanvas()->isLayoutRunning());
    QCOMPARE(window.graphCanvas()->nodeItems().size(), before.size());
    for (auto *n : window.graphCanvas()->nodeItems())
        QVERIFY(qAbs(n->pos().x() - before.value(n->id()).x()) < 0.1 &&
                qAbs(n->pos().y() - before.value(n->id()).y()) < 0.1);
}

// The studio is built for each document, and its edits are on the window's Edit > Undo.
void TestMainWindow::policyStudioDockFollowsTheDocument()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    quiet(settings);
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    MainWindow window(settings, dataDir);
    QVERIFY(!window.policyStudio());
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("policyStudioDock"));
    QVERIFY(dock);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.controller()->openDemo(dataDir), qPrintable(window.controller()->lastError()));
    ta::views::PolicyStudio *studio = window.policyStudio();
    QVERIFY(studio);
    QVERIFY(dock->widget() && dock->widget()->isAncestorOf(studio));
    const qsizetype before = studio->draft()->policies().size();
    studio->addAction()->trigger();
    QCOMPARE(studio->draft()->policies().size(), before + 1);
    QAction *undo = nullptr;
    for (QAction *a : window.menuBar()->actions())
        if (a->menu())
            for (QAction *item : a->menu()->actions())
                if (item->shortcut() == QKeySequence::Undo)
                    undo = item;
    QVERIFY(undo);
    undo->trigger();
    QCOMPARE(studio->draft()->policies().size(), before);
}

void TestMainWindow::federationDockFollowsTheDocument()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    QVERIFY(settings.federationAutoRefresh());
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    MainWindow window(settings, dataDir);
    QVERIFY(!window.federationPanel());
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("federationDock"));
    QVERIFY(dock);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.controller()->openDemo(dataDir), qPrintable(window.controller()->lastError()));
    ta::views::FederationPanel *panel = window.federationPanel();
    QVERIFY(panel);
    // Colours come from the palette: no widget of the window carries a style sheet.
    for (const QWidget *w : window.findChildren<QWidget *>())
        QVERIFY2(w->styleSheet().isEmpty(), qPrintable(w->objectName()));
    QCOMPARE(dock->widget(), panel);
    // The demo's three relationships: prod <-> partner, staging -> prod.
    QCOMPARE(panel->model()->rowCount(), 3);
    QVERIFY(panel->selectRelationship(QStringLiteral("staging.example"),
                                      QStringLiteral("prod.example")));
    // The background refresh is on as the settings say, and turning it off is remembered.
    QVERIFY(panel->autoRefreshAction()->isChecked());
    panel->autoRefreshAction()->trigger();
    QVERIFY(!settings.federationAutoRefresh());
    // Removing a relationship redraws the graph without it and is undone from the Edit menu.
    QVERIFY(panel->selectRelationship(QStringLiteral("partner.example"),
                                      QStringLiteral("prod.example")));
    const auto heldByGraph = [&window] {
        const ta::core::TopologyGraph &g = window.graphCanvas()->graph();
        const int e = g.findEdge(g.indexOf(QStringLiteral("td/partner.example")),
                                 g.indexOf(QStringLiteral("td/prod.example")),
                                 ta::core::EdgeClass::FederatesWith);
        return e >= 0 && g.edge(e).properties.value(QLatin1String("relationship")).toBool();
    };
    QVERIFY(heldByGraph());
    panel->removeRelationshipAction()->trigger();
    QCOMPARE(panel->model()->rowCount(), 2);
    QTRY_VERIFY(!heldByGraph());
    window.controller()->document()->undoStack()->undo();
    QCOMPARE(panel->model()->rowCount(), 3);
    QTRY_VERIFY(heldByGraph());
}

// Regression: on a first start the bottom docks (the policy studio tabbed with the CA slots,
// anchors and credentials, beside the bundle) took three quarters of the height, leaving the
// graph a strip.
void TestMainWindow::firstStartGivesTheCanvasMostOfTheWindow()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    quiet(settings);
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    MainWindow window(settings, dataDir);
    QCOMPARE(window.size(), QSize(1280, 800));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.controller()->openDemo(dataDir));
    QVERIFY(waitForGraph(window));
    QTest::qWait(200);
    // Saved before the checks, so that a failure can be looked at.
    QVERIFY(
        window.grab().toImage().save(shotPath(dir, QStringLiteral("mainwindow-first-start.png"))));
    const QRect central = window.centralWidget()->geometry();
    QVERIFY2(central.height() >= window.height() * 55 / 100,
             qPrintable(QStringLiteral("central %1x%2 in %3x%4")
                            .arg(central.width())
                            .arg(central.height())
                            .arg(window.width())
                            .arg(window.height())));
    QVERIFY2(central.width() > window.width() / 2, qPrintable(QString::number(central.width())));
    // The graph itself, not only the time bar under it, has the room.
    QVERIFY2(window.graphCanvas()->view()->height() >= window.height() * 35 / 100,
             qPrintable(QString::number(window.graphCanvas()->view()->height())));
}

void TestMainWindow::decisionLogFollowsTheTimeBar()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setFederationAutoRefresh(false);
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    MainWindow window(settings, dataDir);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.controller()->openDemo(dataDir));
    ta::views::TimelineBar *bar = window.timelineBar();
    QVERIFY(bar);
    QTRY_VERIFY_WITH_TIMEOUT(bar->timeline().size() > 10, 30000);
    QVERIFY(window.decisionLog());
    // Stepping back from the end moves the instant the log explains with it.
    const QDateTime earlier = bar->timeline().at(bar->timeline().size() / 2);
    bar->setInstant(earlier);
    QCOMPARE(bar->instant(), earlier);
    QTRY_COMPARE(window.decisionLog()->model()->instant(), earlier);
    bar->stepForward();
    QVERIFY(bar->instant() > earlier);
    QTRY_COMPARE(window.decisionLog()->model()->instant(), bar->instant());
}

void TestMainWindow::evidenceDroppedAnywhereIsImported()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    quiet(settings);
    MainWindow window(settings, dir.filePath(QStringLiteral("data")));
    window.show();
    const QString atlas = dir.filePath(QStringLiteral("w.atlas"));
    QVERIFY(ta::core::Workspace::create(atlas, std::nullopt));
    QVERIFY(window.controller()->open(atlas));
    QTRY_VERIFY(window.evidenceTimeline());
    // A file that is not evidence: the import that runs names it (and imports nothing).
    const QString path = dir.filePath(QStringLiteral("dropped.jsonl"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not json\n");
    }
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    // Sent to the window itself, away from the evidence dock.
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QVERIFY(drop.isAccepted());
    QTRY_VERIFY2(window.evidenceTimeline()->statusText().contains(QStringLiteral("dropped.jsonl")),
                 qPrintable(window.evidenceTimeline()->statusText()));
    // A remote URL is refused.
    QMimeData remote;
    remote.setUrls({QUrl(QStringLiteral("https://example.org/e.jsonl"))});
    QDragEnterEvent refused(QPoint(5, 5), Qt::CopyAction, &remote, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QCoreApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
}

// New Trust Domain and Issue SVID open window-modal dialogs and return: the window acts on the
// dialog's answer (issue 11: no nested event loops). Under exec() the trigger() calls below
// would not return.
void TestMainWindow::trustDomainAndSvidDialogsRunNoNestedLoop()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    quiet(settings);
    MainWindow window(settings, dir.filePath(QStringLiteral("data")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString atlas = dir.filePath(QStringLiteral("w.atlas"));
    QVERIFY(ta::core::Workspace::create(atlas, std::nullopt));
    QVERIFY(window.controller()->open(atlas));
    ta::models::Document *doc = window.controller()->document();
    QAction *newDomain = actionWithShortcut(window, QKeySequence(QStringLiteral("Ctrl+T")));
    QAction *issue = actionWithShortcut(window, QKeySequence(QStringLiteral("Ctrl+I")));
    QVERIFY(newDomain && issue);

    // Cancelled: nothing is made, and the dialog goes.
    newDomain->trigger();
    auto *cancelled = shownDialog<ta::views::NewTrustDomainDialog>(window);
    QVERIFY(cancelled);
    QVERIFY(cancelled->isModal());
    QPointer<QDialog> cancelledGuard(cancelled);
    cancelled->findChild<QLineEdit *>(QStringLiteral("name"))
        ->setText(QStringLiteral("never.example"));
    cancelled->reject();
    QTRY_VERIFY(!cancelledGuard);
    QVERIFY(doc->workspace().trustDomainNames().isEmpty());
    QCOMPARE(doc->undoStack()->count(), 0);

    // Accepted: the domain is made on the dialog's worker and selected in the window.
    newDomain->trigger();
    auto *domainDialog = shownDialog<ta::views::NewTrustDomainDialog>(window);
    QVERIFY(domainDialog);
    domainDialog->findChild<QLineEdit *>(QStringLiteral("name"))
        ->setText(QStringLiteral("made.example"));
    domainDialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(window.trustDomainPanel()->currentTrustDomain(),
                              QStringLiteral("made.example"), 30000);
    QCOMPARE(doc->workspace().trustDomainNames(), QStringList{QStringLiteral("made.example")});

    // Issue SVID: issued on the dialog's worker; closing it selects the new credential.
    QVERIFY(issue->isEnabled());
    issue->trigger();
    auto *svidDialog = shownDialog<ta::views::IssueSvidDialog>(window);
    QVERIFY(svidDialog);
    QVERIFY(svidDialog->isModal());
    auto *id = svidDialog->findChild<QLineEdit *>(QStringLiteral("spiffeId"));
    id->setText(QStringLiteral("spiffe://made.example/ns/app"));
    QPushButton *ok = svidDialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    ok->click();
    QTRY_VERIFY_WITH_TIMEOUT(svidDialog->issuedRecord(), 30000);
    const qint64 issuedId = svidDialog->issuedRecord()->id;
    ok->click();
    QCOMPARE(window.credentialPanel()->currentCredential(), issuedId);
}

// The docks built per document (MainWindow::addDocumentDock): each shows its placeholder while
// no workspace is open, its panel with one, a new panel for the next one, and a View menu entry.
void TestMainWindow::everyDocumentDockFollowsTheDocument()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    settings.setFederationAutoRefresh(false);
    MainWindow window(settings, dir.filePath(QStringLiteral("data")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    struct DockCase
    {
        const char *objectName;
        std::function<QWidget *()> panel;
    };
    const QList<DockCase> docks = {
        {"policyStudioDock", [&window] { return window.policyStudio(); }},
        {"federationDock", [&window] { return window.federationPanel(); }},
        {"whatIfDock", [&window] { return window.whatIfView(); }},
        {"evidenceTimelineDock", [&window] { return window.evidenceTimeline(); }},
    };
    QMenu *viewMenu = nullptr;
    for (QAction *a : window.menuBar()->actions())
        if (a->menu() && a->text() == QStringLiteral("&View"))
            viewMenu = a->menu();
    QVERIFY(viewMenu);
    for (const DockCase &c : docks) {
        auto *dock = window.findChild<QDockWidget *>(QString::fromLatin1(c.objectName));
        QVERIFY2(dock, c.objectName);
        QVERIFY2(!c.panel(), c.objectName);
        auto *placeholder = qobject_cast<QLabel *>(dock->widget());
        QVERIFY2(placeholder, c.objectName);
        QVERIFY2(placeholder->text().startsWith(QStringLiteral("Open a workspace")), c.objectName);
        QVERIFY2(viewMenu->actions().contains(dock->toggleViewAction()), c.objectName);
        QVERIFY2(dock->toggleViewAction()->text().contains(QLatin1Char('&')), c.objectName);
    }
    QVERIFY(!window.importEvidenceAction()->isEnabled());

    QList<QPointer<QWidget>> first;
    for (const QString &name : {QStringLiteral("a.atlas"), QStringLiteral("b.atlas")}) {
        const QString atlas = dir.filePath(name);
        QVERIFY(ta::core::Workspace::create(atlas, std::nullopt));
        QVERIFY(window.controller()->open(atlas));
        for (const DockCase &c : docks) {
            auto *dock = window.findChild<QDockWidget *>(QString::fromLatin1(c.objectName));
            QWidget *panel = c.panel();
            QVERIFY2(panel, c.objectName);
            QVERIFY2(!qobject_cast<QLabel *>(dock->widget()), c.objectName);
            QVERIFY2(dock->widget() == panel || dock->widget()->isAncestorOf(panel), c.objectName);
            // Built again for the second document.
            if (first.size() == docks.size())
                QVERIFY2(!first.contains(QPointer<QWidget>(panel)), c.objectName);
        }
        if (first.isEmpty())
            for (const DockCase &c : docks)
                first << QPointer<QWidget>(c.panel());
        QVERIFY(window.importEvidenceAction()->isEnabled());
    }
    // The first document's panels are gone once the event loop ran.
    QTRY_VERIFY(std::all_of(first.cbegin(), first.cend(),
                            [](const QPointer<QWidget> &w) { return w.isNull(); }));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
