// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "views/TimelineBar.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

QT_BEGIN_NAMESPACE
class QAction;
class QDockWidget;
class QMenu;
class QUndoGroup;
QT_END_NAMESPACE

namespace ta::models {
class Document;
}

namespace ta::views {
class AnchorPanel;
class AuthorityPanel;
class BundleView;
class ClearKeysBanner;
class CredentialInspector;
class CredentialPanel;
class DesignPalette;
class FederationPanel;
class DecisionLog;
class EvidenceTimeline;
class PolicyStudio;
class GraphCanvas;
class TrustDomainPanel;
class WhatIfView;
} // namespace ta::views

namespace ta::app {

class GraphCanvasController;
class LongWork;
class AuditReportController;
class Settings;
class TimelineController;
class WorkspaceController;

/// The shell: menus, actions and docks around the open document. The panels do the work; this
/// class only builds them for each document and wires them together.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Settings &settings, const QString &dataDir, QWidget *parent = nullptr);
    ~MainWindow() override;

    WorkspaceController *controller() const { return m_controller; }
    views::TrustDomainPanel *trustDomainPanel() const { return m_trustDomains; }
    views::CredentialPanel *credentialPanel() const { return m_credentials; }
    views::CredentialInspector *inspector() const { return m_inspector; }
    views::AuthorityPanel *authorityPanel() const { return m_authorities; }
    views::BundleView *bundleView() const { return m_bundle; }
    views::ClearKeysBanner *clearKeysBanner() const { return m_banner; }
    views::AnchorPanel *anchorPanel() const { return m_anchors; }
    views::PolicyStudio *policyStudio() const { return m_policyStudio; }
    views::GraphCanvas *graphCanvas() const { return m_canvas; }
    views::FederationPanel *federationPanel() const { return m_federation; }
    views::DecisionLog *decisionLog() const { return m_decisionLog; }
    /// The time bar under the canvas and what drives it (null bar without a document).
    TimelineController *timelineController() const { return m_timeline; }
    views::TimelineBar *timelineBar() const { return m_timelineBar; }
    AuditReportController *auditReport() const { return m_auditReport; }
    /// The what-if dock's view (null without a document).
    views::WhatIfView *whatIfView() const { return m_whatIfView; }
    /// The evidence timeline dock's panel (null without a document) and File > Import Evidence.
    views::EvidenceTimeline *evidenceTimeline() const { return m_evidenceTimeline; }
    QAction *importEvidenceAction() const { return m_importEvidence; }
    /// The status bar's long-work rows, which every background job of the window reports to.
    LongWork *longWork() const { return m_longWork; }

protected:
    void closeEvent(QCloseEvent *event) override;
    /// Evidence files dropped anywhere on the window go to the evidence timeline's import.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    /// Builds a widget for a document dock's @p document (null: none open) inside @p dock;
    /// null shows the dock's placeholder.
    using DockBuilder = std::function<QWidget *(models::Document *document, QDockWidget *dock)>;
    /// A dock at the bottom, tabbed with @p tabWith, toggled from the View menu by @p menuText
    /// (which carries the mnemonic the title does not). The caller raises the tab to show.
    QDockWidget *addDock(const QString &title, const QString &objectName, const QString &menuText,
                         QDockWidget *tabWith);
    /// addDock(), with its widget built again by @p build for each document, and a label with
    /// @p emptyText while no document is open.
    QDockWidget *addDocumentDock(const QString &title, const QString &objectName,
                                 const QString &menuText, QDockWidget *tabWith,
                                 const QString &emptyText, const DockBuilder &build);
    /// The policy studio dock, rebuilt for each document, and its View menu entry.
    void setupPolicyStudio();
    void setupGraphCanvas();
    /// The federation dock (relationships, their refresh status and bundle history), rebuilt
    /// for each document with the background refresh that keeps its peer bundles fresh.
    void setupFederation();
    /// The decision log dock (one widget for every document), linked to the canvas and studio.
    void setupDecisionLog();
    /// The time bar under the canvas, rebuilt for each document, and its controller.
    void setupTimeline();
    /// File > Export Audit Report, and the policy studio's what-if handed to it.
    void setupAuditReport();
    /// The what-if dock, rebuilt for each document: its divergence instants move the time bar,
    /// its result goes into the audit report.
    void setupWhatIf();
    /// The evidence timeline dock, rebuilt for each document with the evidence import and
    /// attestation pass behind it; a record clicked moves the time bar there.
    void setupEvidenceTimeline();
    /// The status bar's progress and Cancel for every background job, and the hookups that hand
    /// each job's future to it (rebuilt panels are hooked up again for each document).
    void setupLongWork();
    /// Design on the canvas (issue 10): the design palette's actions on the canvas's tool bar,
    /// rebuilt for each document, the Design menu with the same actions, Generate Evidence
    /// reporting to the status bar's long work.
    void setupDesign();
    void attach(models::Document *document);
    void updateRecentMenu();
    void updateActions();
    void openFile();
    void newFile();
    void newTrustDomain();
    void deleteTrustDomain();
    void issueSvid();

    Settings &m_settings;
    QString m_dataDir;
    WorkspaceController *m_controller = nullptr;
    QUndoGroup *m_undoGroup = nullptr;
    QPointer<models::Document> m_document;

    QDockWidget *m_domainDock = nullptr;
    QDockWidget *m_authorityDock = nullptr;
    QDockWidget *m_bundleDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_anchorDock = nullptr;
    views::TrustDomainPanel *m_trustDomains = nullptr;
    views::CredentialPanel *m_credentials = nullptr;
    views::CredentialInspector *m_inspector = nullptr;
    views::AuthorityPanel *m_authorities = nullptr;
    views::BundleView *m_bundle = nullptr;
    views::ClearKeysBanner *m_banner = nullptr;
    views::AnchorPanel *m_anchors = nullptr;
    QDockWidget *m_policyDock = nullptr;
    views::PolicyStudio *m_policyStudio = nullptr;
    QDockWidget *m_credentialDock = nullptr;
    QDockWidget *m_findingsDock = nullptr;
    views::GraphCanvas *m_canvas = nullptr;
    QDockWidget *m_federationDock = nullptr;
    views::FederationPanel *m_federation = nullptr;
    GraphCanvasController *m_graphController = nullptr;
    TimelineController *m_timeline = nullptr;
    QPointer<views::TimelineBar> m_timelineBar;
    QMenu *m_viewMenu = nullptr;
    QDockWidget *m_decisionDock = nullptr;
    views::DecisionLog *m_decisionLog = nullptr;
    AuditReportController *m_auditReport = nullptr;
    QDockWidget *m_whatIfDock = nullptr;
    views::WhatIfView *m_whatIfView = nullptr;
    QDockWidget *m_evidenceDock = nullptr;
    views::EvidenceTimeline *m_evidenceTimeline = nullptr;
    QAction *m_importEvidence = nullptr;
    LongWork *m_longWork = nullptr;

    QMenu *m_recentMenu = nullptr;
    QMenu *m_anchorMenu = nullptr;
    QAction *m_newTrustDomain = nullptr;
    QAction *m_deleteTrustDomain = nullptr;
    QAction *m_caSettings = nullptr;
    QAction *m_issue = nullptr;
    QAction *m_revoke = nullptr;
    QMenu *m_designMenu = nullptr;
    QPointer<views::DesignPalette> m_designPalette;
};

} // namespace ta::app
