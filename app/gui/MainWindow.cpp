// SPDX-License-Identifier: Apache-2.0
#include "app/gui/MainWindow.h"

#include "app/gui/AuditReportController.h"
#include "app/gui/GraphCanvasController.h"
#include "app/gui/LongWork.h"
#include "app/gui/Settings.h"
#include "app/gui/TimelineController.h"
#include "app/gui/WorkspaceController.h"
#include "models/AuthorityPreparer.h"
#include "models/DecisionLogModel.h"
#include "models/DesignGenerator.h"
#include "models/DesignModel.h"
#include "models/Document.h"
#include "models/EntryDraft.h"
#include "models/EvidenceImporter.h"
#include "models/FederationRefreshScheduler.h"
#include "models/PolicyDraft.h"
#include "models/PolicyResimulator.h"
#include "models/WhatIfModel.h"
#include "views/AnchorPanel.h"
#include "views/AsyncFileDialog.h"
#include "views/AuthorityPanel.h"
#include "views/BundleView.h"
#include "views/CaSettingsDialog.h"
#include "views/ClearKeysBanner.h"
#include "views/CredentialInspector.h"
#include "views/CredentialPanel.h"
#include "views/DecisionLog.h"
#include "views/DesignPalette.h"
#include "views/ErrorMessages.h"
#include "views/EvidenceTimeline.h"
#include "views/FederationPanel.h"
#include "views/GraphCanvas.h"
#include "views/IssueSvidDialog.h"
#include "views/NewTrustDomainDialog.h"
#include "views/PolicyStudio.h"
#include "views/TimelineBar.h"
#include "views/TrustDomainPanel.h"
#include "views/WhatIfView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollArea>
#include <QStatusBar>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

namespace ta::app {

MainWindow::MainWindow(Settings &settings, const QString &dataDir, QWidget *parent)
    : QMainWindow(parent), m_settings(settings), m_dataDir(dataDir)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_controller = new WorkspaceController(settings, this, this);
    m_undoGroup = new QUndoGroup(this);
    setDockNestingEnabled(true);
    // Evidence dropped on any part of the window (children that take no drops pass them up).
    setAcceptDrops(true);

    m_domainDock = new QDockWidget(tr("Trust Domains"), this);
    m_domainDock->setObjectName(QStringLiteral("trustDomainDock"));
    addDockWidget(Qt::LeftDockWidgetArea, m_domainDock);
    m_inspectorDock = new QDockWidget(tr("Inspector"), this);
    m_inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    m_authorityDock = new QDockWidget(tr("CA Slots"), this);
    m_authorityDock->setObjectName(QStringLiteral("authorityDock"));
    addDockWidget(Qt::BottomDockWidgetArea, m_authorityDock);
    m_bundleDock = new QDockWidget(tr("Bundle"), this);
    m_bundleDock->setObjectName(QStringLiteral("bundleDock"));
    addDockWidget(Qt::BottomDockWidgetArea, m_bundleDock);
    splitDockWidget(m_authorityDock, m_bundleDock, Qt::Horizontal);
    m_anchorDock = new QDockWidget(tr("Trust Anchors"), this);
    m_anchorDock->setObjectName(QStringLiteral("anchorDock"));
    addDockWidget(Qt::BottomDockWidgetArea, m_anchorDock);
    tabifyDockWidget(m_authorityDock, m_anchorDock);
    m_authorityDock->raise();

    createActions();
    setupPolicyStudio();
    connect(m_controller, &WorkspaceController::documentChanged, this, &MainWindow::attach);
    // After attach: the canvas takes the centre and the credentials move to a dock.
    setupGraphCanvas();
    setupFederation();
    setupDecisionLog();
    setupTimeline();
    setupAuditReport();
    setupWhatIf();
    setupEvidenceTimeline();
    setupDesign();
    setupLongWork();
    connect(m_controller, &WorkspaceController::failed, this, [this](const QString &message) {
        updateRecentMenu();
        QMessageBox::warning(this, tr("Trust Atlas"), message);
    });
    attach(nullptr);
    resize(1280, 800);
    restoreGeometry(m_settings.windowGeometry());
    restoreState(m_settings.windowState());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newFile = file->addAction(tr("&New Workspace…"), this, &MainWindow::newFile);
    newFile->setShortcut(QKeySequence::New);
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::openFile);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open &Demo Workspace"), this,
                    [this] { m_controller->openDemoInBackground(m_dataDir); });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu *domain = menuBar()->addMenu(tr("&Trust Domain"));
    m_newTrustDomain =
        domain->addAction(tr("&New Trust Domain…"), this, &MainWindow::newTrustDomain);
    m_newTrustDomain->setShortcut(QKeySequence(tr("Ctrl+T")));
    m_deleteTrustDomain =
        domain->addAction(tr("&Delete Trust Domain"), this, &MainWindow::deleteTrustDomain);
    m_caSettings = domain->addAction(tr("CA &Settings…"), this, [this] {
        if (!m_document || !m_trustDomains)
            return;
        // Window-modal without a nested event loop; the dialog applies its own edits.
        auto *dialog =
            new views::CaSettingsDialog(m_document, m_trustDomains->currentTrustDomain(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });

    QMenu *credential = menuBar()->addMenu(tr("&Credential"));
    m_issue = credential->addAction(tr("&Issue SVID…"), this, &MainWindow::issueSvid);
    m_issue->setShortcut(QKeySequence(tr("Ctrl+I")));
    m_revoke = credential->addAction(tr("Re&voke Credential"));

    // Filled with the anchor panel's own actions for each document.
    m_anchorMenu = menuBar()->addMenu(tr("&Anchors"));

    QMenu *view = m_viewMenu = menuBar()->addMenu(tr("&View"));
    // Dock titles show no mnemonics; the menu entries that toggle them do.
    const QList<QPair<QDockWidget *, QString>> docks = {
        {m_domainDock, tr("Trust &Domains")}, {m_authorityDock, tr("CA &Slots")},
        {m_bundleDock, tr("&Bundle")},        {m_inspectorDock, tr("&Inspector")},
        {m_anchorDock, tr("Trust &Anchors")},
    };
    for (const auto &[dock, text] : docks) {
        dock->toggleViewAction()->setText(text);
        view->addAction(dock->toggleViewAction());
    }
    updateRecentMenu();
}

QDockWidget *MainWindow::addDock(const QString &title, const QString &objectName,
                                 const QString &menuText, QDockWidget *tabWith)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    tabifyDockWidget(tabWith, dock);
    // Dock titles show no mnemonics; the menu entries that toggle them do.
    dock->toggleViewAction()->setText(menuText);
    m_viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

QDockWidget *MainWindow::addDocumentDock(const QString &title, const QString &objectName,
                                         const QString &menuText, QDockWidget *tabWith,
                                         const QString &emptyText, const DockBuilder &build)
{
    QDockWidget *dock = addDock(title, objectName, menuText, tabWith);
    auto rebuild = [dock, emptyText, build](models::Document *document) {
        if (QWidget *old = dock->widget()) {
            dock->setWidget(nullptr);
            old->deleteLater();
        }
        QWidget *widget = build(document, dock);
        dock->setWidget(widget ? widget : new QLabel(emptyText, dock));
    };
    connect(m_controller, &WorkspaceController::documentChanged, this, rebuild);
    rebuild(m_document);
    return dock;
}

void MainWindow::setupPolicyStudio()
{
    m_policyDock = addDocumentDock(
        tr("Policy Studio"), QStringLiteral("policyStudioDock"), tr("&Policy Studio"),
        m_authorityDock, tr("Open a workspace to edit its policies."),
        [this](models::Document *document, QDockWidget *dock) -> QWidget * {
            m_policyStudio = nullptr;
            if (!document)
                return nullptr;
            // Scrolled: the studio's editors are tall, and unscrolled they held the whole bottom
            // dock group (and so the graph canvas) to their height.
            auto *scroll = new QScrollArea(dock);
            scroll->setWidgetResizable(true);
            scroll->setFrameShape(QFrame::NoFrame);
            m_policyStudio = new views::PolicyStudio(document, scroll);
            scroll->setWidget(m_policyStudio);
            return scroll;
        });
    m_authorityDock->raise();
}

void MainWindow::attach(models::Document *document)
{
    // The panels are built per document: none holds state that outlives its workspace.
    for (QDockWidget *dock :
         {m_domainDock, m_authorityDock, m_bundleDock, m_inspectorDock, m_anchorDock}) {
        if (QWidget *old = dock->widget()) {
            dock->setWidget(nullptr);
            old->deleteLater();
        }
    }
    m_trustDomains = nullptr;
    m_credentials = nullptr;
    m_inspector = nullptr;
    m_authorities = nullptr;
    m_bundle = nullptr;
    m_banner = nullptr;
    m_anchors = nullptr;
    m_anchorMenu->clear();
    m_anchorMenu->setEnabled(document != nullptr);
    m_document = document;
    disconnect(m_revoke, nullptr, nullptr, nullptr);

    if (!document) {
        auto *empty = new QLabel(tr("Open a workspace with File > Open, or the demo with "
                                    "File > Open Demo Workspace."),
                                 this);
        empty->setAlignment(Qt::AlignCenter);
        setCentralWidget(empty);
        setWindowTitle(tr("Trust Atlas"));
        updateActions();
        return;
    }

    m_undoGroup->addStack(document->undoStack());
    m_undoGroup->setActiveStack(document->undoStack());
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    m_banner = new views::ClearKeysBanner(central);
    m_banner->setVisible(document->keysInClear());
    layout->addWidget(m_banner);
    m_credentials = new views::CredentialPanel(document, central);
    layout->addWidget(m_credentials);
    setCentralWidget(central);

    m_trustDomains = new views::TrustDomainPanel(document, m_domainDock);
    m_trustDomains->setMinimumWidth(220);
    m_domainDock->setWidget(m_trustDomains);
    m_authorities = new views::AuthorityPanel(document, m_authorityDock);
    m_authorityDock->setWidget(m_authorities);
    m_bundle = new views::BundleView(document, m_bundleDock);
    m_bundleDock->setWidget(m_bundle);
    m_inspector = new views::CredentialInspector(document, m_inspectorDock);
    m_inspector->setMinimumWidth(300);
    m_inspectorDock->setWidget(m_inspector);
    m_anchors = new views::AnchorPanel(document, m_anchorDock);
    m_anchorDock->setWidget(m_anchors);
    m_anchorMenu->addActions(m_anchors->menuActions());

    auto follow = [this](const QString &name) {
        m_authorities->setTrustDomain(name);
        m_bundle->setTrustDomain(name);
        m_credentials->setTrustDomain(name);
        updateActions();
    };
    connect(m_trustDomains, &views::TrustDomainPanel::currentTrustDomainChanged, this, follow);
    follow(m_trustDomains->currentTrustDomain());
    connect(m_credentials, &views::CredentialPanel::currentCredentialChanged, m_inspector,
            &views::CredentialInspector::showCredential);
    m_inspector->showCredential(m_credentials->currentCredential());
    connect(m_revoke, &QAction::triggered, m_credentials->revokeAction(), &QAction::trigger);
    connect(m_credentials->revokeAction(), &QAction::changed, this, &MainWindow::updateActions);
    connect(document, &models::Document::commandFailed, this, [this](const core::Error &error) {
        statusBar()->showMessage(views::ErrorMessages::text(error), 10000);
    });
    connect(document->undoStack(), &QUndoStack::cleanChanged, this,
            [this](bool clean) { setWindowModified(!clean); });

    setWindowTitle(tr("%1[*] — Trust Atlas").arg(QFileInfo(document->path()).fileName()));
    updateRecentMenu();
    updateActions();
}

void MainWindow::updateActions()
{
    const bool haveDocument = !m_document.isNull();
    const bool haveDomain = m_trustDomains && !m_trustDomains->currentTrustDomain().isEmpty();
    m_newTrustDomain->setEnabled(haveDocument);
    m_deleteTrustDomain->setEnabled(haveDomain);
    m_caSettings->setEnabled(haveDomain);
    m_issue->setEnabled(haveDomain);
    m_revoke->setEnabled(m_credentials && m_credentials->revokeAction()->isEnabled());
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings.recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        // &1 … &8: each recent file has its own mnemonic.
        m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this,
                                [this, path] { m_controller->open(path); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::openFile()
{
    views::AsyncFileDialog::ask(
        this, views::AsyncFileDialog::Mode::Open, tr("Open Workspace"),
        tr("Trust Atlas workspaces (*.atlas);;All files (*)"),
        [this](const QString &path) {
            m_settings.setLastDirectory(QFileInfo(path).absolutePath());
            m_controller->open(path);
        },
        m_settings.lastDirectory());
}

void MainWindow::newFile()
{
    views::AsyncFileDialog::ask(
        this, views::AsyncFileDialog::Mode::Save, tr("New Workspace"),
        tr("Trust Atlas workspaces (*.atlas)"),
        [this](QString path) {
            if (!path.endsWith(QLatin1String(".atlas")))
                path += QLatin1String(".atlas");
            m_settings.setLastDirectory(QFileInfo(path).absolutePath());
            m_controller->create(path);
        },
        m_settings.lastDirectory());
}

void MainWindow::newTrustDomain()
{
    if (!m_document)
        return;
    // Window-modal without a nested event loop: the new domain is selected once it is made.
    auto *dialog = new views::NewTrustDomainDialog(m_document, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // It edits this document: it goes with it (a demo generated meanwhile replaces it).
    connect(m_document.data(), &QObject::destroyed, dialog, [dialog] { delete dialog; });
    connect(dialog, &views::NewTrustDomainDialog::workStarted, m_longWork,
            qOverload<const QString &, QFuture<void>>(&LongWork::track));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (m_trustDomains)
            m_trustDomains->setCurrentTrustDomain(dialog->createdName());
    });
    dialog->open();
}

void MainWindow::deleteTrustDomain()
{
    if (!m_document || !m_trustDomains)
        return;
    const QString name = m_trustDomains->currentTrustDomain();
    if (auto r = m_document->deleteTrustDomain(name); !r) {
        QMessageBox::warning(this, tr("Delete Trust Domain"),
                             views::ErrorMessages::text(r.error()));
        return;
    }
    statusBar()->showMessage(
        tr("Deleted %1 with its CA and credentials. Undo brings it back.").arg(name), 10000);
}

void MainWindow::issueSvid()
{
    if (!m_document || !m_trustDomains)
        return;
    // Window-modal without a nested event loop: the new credential is selected once issued.
    auto *dialog =
        new views::IssueSvidDialog(m_document, m_trustDomains->currentTrustDomain(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // It edits this document: it goes with it (a demo generated meanwhile replaces it).
    connect(m_document.data(), &QObject::destroyed, dialog, [dialog] { delete dialog; });
    connect(dialog, &views::IssueSvidDialog::workStarted, m_longWork,
            qOverload<const QString &, QFuture<void>>(&LongWork::track));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto issued = dialog->issuedRecord();
        if (!issued || !m_trustDomains || !m_credentials)
            return;
        m_trustDomains->setCurrentTrustDomain(issued->trustDomain);
        m_credentials->setCurrentCredential(issued->id);
    });
    dialog->open();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_evidenceTimeline && !views::EvidenceTimeline::droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (!m_evidenceTimeline)
        return;
    const QStringList paths = views::EvidenceTimeline::droppedFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // The same import as the timeline's own drop and File > Import Evidence, shown in its dock.
    m_evidenceDock->show();
    m_evidenceDock->raise();
    m_evidenceTimeline->importFiles(paths);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    event->accept();
}

void MainWindow::setupGraphCanvas()
{
    // The estate's graph is the centre; the credential table moves into a dock beside the CA
    // slots, and the findings get a dock under the inspector.
    m_credentialDock = new QDockWidget(tr("Credentials"), this);
    m_credentialDock->setObjectName(QStringLiteral("credentialDock"));
    addDockWidget(Qt::BottomDockWidgetArea, m_credentialDock);
    tabifyDockWidget(m_authorityDock, m_credentialDock);
    m_credentialDock->raise();
    m_findingsDock = new QDockWidget(tr("Findings"), this);
    m_findingsDock->setObjectName(QStringLiteral("findingsDock"));
    addDockWidget(Qt::RightDockWidgetArea, m_findingsDock);
    splitDockWidget(m_inspectorDock, m_findingsDock, Qt::Vertical);
    auto *findings = new QTreeWidget(m_findingsDock);
    findings->setObjectName(QStringLiteral("findingsList"));
    m_findingsDock->setWidget(findings);
    m_credentialDock->toggleViewAction()->setText(tr("&Credentials"));
    m_findingsDock->toggleViewAction()->setText(tr("&Findings"));
    m_viewMenu->addAction(m_credentialDock->toggleViewAction());
    m_viewMenu->addAction(m_findingsDock->toggleViewAction());
    auto *graph = new GraphCanvasController(findings, this);
    m_graphController = graph;

    connect(m_controller, &WorkspaceController::documentChanged, this,
            [this, graph](models::Document *document) {
                if (QWidget *old = m_credentialDock->widget()) {
                    m_credentialDock->setWidget(nullptr);
                    if (old != m_credentials)
                        old->deleteLater();
                }
                if (!document || !m_credentials) {
                    m_canvas = nullptr;
                    graph->attach(nullptr, nullptr, nullptr, nullptr);
                    return;
                }
                auto *central = new QWidget(this);
                auto *layout = new QVBoxLayout(central);
                layout->setContentsMargins(0, 0, 0, 0);
                layout->setSpacing(0);
                m_banner->setParent(central);
                layout->addWidget(m_banner);
                m_canvas = new views::GraphCanvas(central);
                m_canvas->setUndoStack(document->undoStack());
                layout->addWidget(m_canvas, 1);
                m_credentialDock->setWidget(m_credentials);
                m_banner->setVisible(document->keysInClear());
                setCentralWidget(central);
                // Once laid out, the graph gets the room and the tables a strip at the bottom.
                QTimer::singleShot(0, this, [this] {
                    if (m_credentialDock->isVisible())
                        resizeDocks({m_credentialDock}, {height() / 4}, Qt::Vertical);
                });
                graph->attach(document, m_canvas, m_credentials, m_trustDomains);
            });
}

void MainWindow::setupFederation()
{
    m_federationDock = addDocumentDock(
        tr("Federation"), QStringLiteral("federationDock"), tr("&Federation"), m_authorityDock,
        tr("Open a workspace to see its federation relationships."),
        [this](models::Document *document, QDockWidget *dock) -> QWidget * {
            m_federation = nullptr;
            if (!document)
                return nullptr;
            // The scheduler lives as long as the document: a fetch never outlives its workspace.
            auto *scheduler = new models::FederationRefreshScheduler(document, document);
            scheduler->setEnabled(m_settings.federationAutoRefresh());
            m_federation = new views::FederationPanel(document, scheduler, dock);
            connect(m_federation, &views::FederationPanel::autoRefreshChanged, this,
                    [this](bool on) { m_settings.setFederationAutoRefresh(on); });
            connect(m_federation, &views::FederationPanel::message, this,
                    [this](const QString &text) { statusBar()->showMessage(text, 10000); });
            if (m_trustDomains) {
                m_federation->setTrustDomain(m_trustDomains->currentTrustDomain());
                connect(m_trustDomains, &views::TrustDomainPanel::currentTrustDomainChanged,
                        m_federation, &views::FederationPanel::setTrustDomain);
            }
            return m_federation;
        });
    m_credentialDock->raise();
}

void MainWindow::setupDecisionLog()
{
    // Beside the bundle, not among the studio's tabs: activating a rule raises the studio, and
    // the log stays in view next to it. One log for every document: not rebuilt.
    m_decisionDock = addDock(tr("Decision Log"), QStringLiteral("decisionLogDock"),
                             tr("&Decision Log"), m_bundleDock);
    m_bundleDock->raise();
    m_decisionLog = new views::DecisionLog(m_decisionDock);
    m_decisionDock->setWidget(m_decisionLog);
    // After the canvas and the studio were rebuilt for the document (connected before this).
    connect(m_controller, &WorkspaceController::documentChanged, this,
            [this](models::Document *document) {
                m_decisionLog->setDocument(document);
                if (!document)
                    return;
                if (m_canvas)
                    connect(m_canvas, &views::GraphCanvas::currentNodeChanged, m_decisionLog,
                            [this](const QString &id) {
                                if (m_canvas)
                                    m_decisionLog->followGraphNode(m_canvas->graph(), id);
                            });
                if (m_policyStudio) {
                    connect(m_policyStudio->draft(), &models::PolicyDraft::saved, m_decisionLog,
                            &views::DecisionLog::refresh);
                    connect(m_policyStudio->entryDraft(), &models::EntryDraft::saved, m_decisionLog,
                            &views::DecisionLog::refresh);
                }
            });
    connect(m_decisionLog, &views::DecisionLog::ruleActivated, this, [this](const QString &rule) {
        if (m_policyStudio && m_policyStudio->selectRule(rule)) {
            m_policyDock->show();
            m_policyDock->raise();
        }
        if (m_canvas)
            m_canvas->selectNode(rule);
    });
}

void MainWindow::setupTimeline()
{
    // After setupGraphCanvas: the bar goes under the canvas in the central widget it built.
    m_timeline = new TimelineController(this);
    // The decision log explains the instant the time bar shows.
    connect(m_timeline, &TimelineController::instantChanged, this, [this](const QDateTime &at) {
        if (m_decisionLog)
            m_decisionLog->setInstant(at);
    });
    connect(m_controller, &WorkspaceController::documentChanged, this,
            [this](models::Document *document) {
                QWidget *central = centralWidget();
                if (!document || !m_canvas || !central || !central->isAncestorOf(m_canvas) ||
                    !central->layout()) {
                    m_timeline->attach(nullptr, nullptr, nullptr, nullptr);
                    return;
                }
                m_timelineBar = new views::TimelineBar(central);
                central->layout()->addWidget(m_timelineBar);
                m_timeline->attach(document, m_canvas, m_timelineBar, m_graphController);
            });
}

void MainWindow::setupAuditReport()
{
    m_auditReport = new AuditReportController(this, statusBar(), this);
    // In the File menu, before the separator above Quit.
    for (QAction *menu : menuBar()->actions()) {
        if (!menu->menu() || menu->text() != tr("&File"))
            continue;
        QAction *before = nullptr;
        for (QAction *a : menu->menu()->actions()) {
            if (a->isSeparator())
                before = a;
        }
        menu->menu()->insertAction(before, m_auditReport->exportAction());
    }
    // After setupPolicyStudio's rebuild, which runs first on the same signal: the new studio's
    // re-simulations are the report's what-if.
    auto follow = [this](models::Document *document) {
        m_auditReport->setDocument(document);
        if (m_policyStudio)
            connect(m_policyStudio, &views::PolicyStudio::resimulated, m_auditReport,
                    &AuditReportController::setWhatIf);
    };
    connect(m_controller, &WorkspaceController::documentChanged, this, follow);
    follow(m_document);
}

void MainWindow::setupWhatIf()
{
    // After the studio, the time bar and the audit report were set up for the document.
    m_whatIfDock = addDocumentDock(
        tr("What-If"), QStringLiteral("whatIfDock"), tr("&What-If"), m_policyDock,
        tr("Open a workspace to compare its policy versions."),
        [this](models::Document *document, QDockWidget *dock) -> QWidget * {
            m_whatIfView = nullptr;
            if (!document)
                return nullptr;
            m_whatIfView = new views::WhatIfView(document, dock);
            m_whatIfView->setDraft(m_policyStudio ? m_policyStudio->draft() : nullptr);
            m_whatIfView->setEntryDraft(m_policyStudio ? m_policyStudio->entryDraft() : nullptr);
            connect(m_whatIfView, &views::WhatIfView::instantActivated, m_timeline,
                    &TimelineController::setInstant);
            connect(m_whatIfView, &views::WhatIfView::reportReady, m_auditReport,
                    &AuditReportController::setWhatIfResult);
            // The run's progress and Cancel in the status bar too.
            models::WhatIfModel *whatIf = m_whatIfView->model();
            connect(whatIf, &models::WhatIfModel::started, this, [this, whatIf] {
                if (m_longWork)
                    m_longWork->track(tr("What-if run"), whatIf->future());
            });
            if (!m_policyStudio)
                return m_whatIfView;
            // The graph redraws with the studio's live re-simulation while its edits are unsaved.
            views::PolicyStudio *studio = m_policyStudio;
            connect(studio->resimulator(), &models::PolicyResimulator::candidateReady, m_timeline,
                    [this, studio](std::shared_ptr<const core::SimulationRun> run) {
                        const bool edited =
                            studio->draft()->isModified() || studio->entryDraft()->isModified();
                        m_timeline->setCandidateRun(edited ? std::move(run) : nullptr);
                        // The decision log explains by the same rules the graph shows.
                        if (m_decisionLog)
                            m_decisionLog->model()->setCandidateRules(
                                studio->draft()->isModified()
                                    ? std::optional(studio->draft()->policies())
                                    : std::nullopt,
                                studio->entryDraft()->isModified()
                                    ? std::optional(studio->entryDraft()->entries())
                                    : std::nullopt);
                    });
            auto back = [this] {
                m_timeline->setCandidateRun(nullptr);
                if (m_decisionLog)
                    m_decisionLog->model()->setCandidateRules(std::nullopt, std::nullopt);
            };
            connect(studio->draft(), &models::PolicyDraft::saved, m_timeline, back);
            connect(studio->entryDraft(), &models::EntryDraft::saved, m_timeline, back);
            return m_whatIfView;
        });
    m_credentialDock->raise();
}

void MainWindow::setupEvidenceTimeline()
{
    // File > Import Evidence…, before the separator above Quit; enabled with a document.
    m_importEvidence = new QAction(tr("Import &Evidence…"), this);
    connect(m_importEvidence, &QAction::triggered, this, [this] {
        if (m_evidenceTimeline) {
            m_evidenceDock->show();
            m_evidenceDock->raise();
            m_evidenceTimeline->chooseFiles();
        }
    });
    for (QAction *menu : menuBar()->actions()) {
        if (!menu->menu() || menu->text() != tr("&File"))
            continue;
        QAction *before = nullptr;
        for (QAction *a : menu->menu()->actions()) {
            if (a->isSeparator())
                before = a;
        }
        menu->menu()->insertAction(before, m_importEvidence);
    }

    m_evidenceDock = addDocumentDock(
        tr("Evidence Timeline"), QStringLiteral("evidenceTimelineDock"), tr("&Evidence Timeline"),
        m_bundleDock, tr("Open a workspace to see and import its evidence."),
        [this](models::Document *document, QDockWidget *dock) -> QWidget * {
            m_evidenceTimeline = nullptr;
            m_importEvidence->setEnabled(document != nullptr);
            if (!document)
                return nullptr;
            // The importer lives as long as the document: its worker never outlives the workspace.
            auto *importer = new models::EvidenceImporter(document, document);
            m_evidenceTimeline = new views::EvidenceTimeline(document, importer, dock);
            connect(m_evidenceTimeline, &views::EvidenceTimeline::instantRequested, m_timeline,
                    &TimelineController::setInstant);
            connect(m_timeline, &TimelineController::instantChanged, m_evidenceTimeline,
                    &views::EvidenceTimeline::showInstant);
            connect(importer, &models::EvidenceImporter::imported, this, [this, document] {
                // The time bar and the graph read the evidence again.
                if (m_graphController)
                    m_graphController->reload();
                if (m_timelineBar && m_canvas)
                    m_timeline->attach(document, m_canvas, m_timelineBar, m_graphController);
            });
            connect(importer, &models::EvidenceImporter::started, this,
                    [this](const QString &title, const QFuture<void> &future) {
                        if (m_longWork)
                            m_longWork->track(title, future);
                        else
                            statusBar()->showMessage(title, 5000);
                    });
            // After the window's first frame: verdicts missing or computed under other anchors are
            // computed again in the background.
            QTimer::singleShot(0, importer, &models::EvidenceImporter::verifyIfStale);
            return m_evidenceTimeline;
        });
    m_bundleDock->raise();
}

void MainWindow::setupLongWork()
{
    m_longWork = new LongWork(statusBar(), this);
    const auto track = qOverload<const QString &, QFuture<void>>(&LongWork::track);
    connect(m_controller, &WorkspaceController::workStarted, m_longWork, track);
    connect(m_timeline, &TimelineController::workStarted, m_longWork, track);
    connect(m_graphController, &GraphCanvasController::workStarted, m_longWork, track);
    // After the setup*() rebuilds, which run first on the same signal: hook up the new panels.
    connect(m_controller, &WorkspaceController::documentChanged, this,
            [this, track](models::Document *document) {
                if (!document)
                    return;
                if (m_canvas)
                    connect(m_canvas, &views::GraphCanvas::workStarted, m_longWork, track);
                if (m_anchors)
                    connect(m_anchors, &views::AnchorPanel::workStarted, m_longWork, track);
                if (m_authorities)
                    connect(m_authorities->preparer(), &models::AuthorityPreparer::started,
                            m_longWork, track);
                if (m_policyStudio)
                    connect(m_policyStudio->resimulator(), &models::PolicyResimulator::workStarted,
                            m_longWork, track);
            });
}

void MainWindow::setupDesign()
{
    m_designMenu = menuBar()->addMenu(tr("De&sign"));
    // After setupGraphCanvas's rebuild, which runs first on the same signal: m_canvas is new.
    connect(m_controller, &WorkspaceController::documentChanged, this,
            [this](models::Document *document) {
                delete m_designPalette;
                m_designMenu->clear();
                m_designMenu->setEnabled(document && m_canvas);
                if (!document || !m_canvas)
                    return;
                // Both live as long as the document: the worker never outlives the workspace.
                auto *model = new models::DesignModel(document, document);
                auto *generator = new models::DesignGenerator(document, document);
                // Its actions go on the canvas's own tool bar (no room taken from the graph)
                // and into the Design menu; the palette object itself stays hidden.
                m_designPalette = new views::DesignPalette(model, generator, m_canvas, m_canvas);
                m_designPalette->hide();
                m_canvas->toolBar()->addSeparator();
                m_canvas->toolBar()->addActions(m_designPalette->actions());
                m_designMenu->addActions(m_designPalette->actions());
                connect(m_designPalette, &views::DesignPalette::notice, this,
                        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
                connect(generator, &models::DesignGenerator::started, this,
                        [this](const QString &title, const QFuture<void> &future) {
                            if (m_longWork)
                                m_longWork->track(title, future);
                        });
                connect(generator, &models::DesignGenerator::generated, this, [this, document] {
                    // The time bar reads the new evidence, as after an import.
                    if (m_timelineBar && m_canvas)
                        m_timeline->attach(document, m_canvas, m_timelineBar, m_graphController);
                });
            });
    m_designMenu->setEnabled(false);
}

} // namespace ta::app
