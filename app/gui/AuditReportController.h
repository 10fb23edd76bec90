// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/simulation/WhatIfReport.h"
#include "models/WorkerJob.h"
#include "models/report/AuditReportWriter.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QAction;
class QProgressBar;
class QStatusBar;
class QToolButton;
class QWidget;
QT_END_NAMESPACE

namespace ta::models {
class Document;
}

namespace ta::app {

/// File > Export Audit Report: asks where (HTML or PDF), reads the open workspace, and builds,
/// renders and writes the report off the GUI thread with a busy bar and Cancel in the status
/// bar. The file appears whole or not at all. The what-if view's result, else the policy studio's
/// latest re-simulation, when there is one, goes into the report.
class AuditReportController : public QObject
{
    Q_OBJECT

public:
    AuditReportController(QWidget *window, QStatusBar *statusBar, QObject *parent = nullptr);
    ~AuditReportController() override;

    QAction *exportAction() const { return m_action; }
    void setDocument(models::Document *document);
    /// The policy studio's latest re-simulation (unsaved edits against the saved policies); the
    /// report's what-if when the what-if view has none.
    void setWhatIf(const core::WhatIfReport &report);
    /// The what-if view's latest result, which @p label describes; preferred over the studio's.
    void setWhatIfResult(const core::WhatIfReport &report, const QString &label);

    /// Opens the save dialog (window-modal, no nested event loop); exports on accept.
    void exportWithDialog();
    /// Exports to @p path without asking; false when it cannot start (no document, busy).
    bool exportTo(const QString &path, models::AuditReportWriter::Format format);
    /// From exportTo() until the outcome is shown (WorkerJob: not merely until the worker is
    /// done, when an export started would drop the first one's outcome).
    bool isBusy() const { return m_job.isBusy(); }
    void cancel();

Q_SIGNALS:
    /// A long step of an export has started; @p text is the status bar's sentence for it
    /// (the replays, the graph's layout, the writing).
    void stepStarted(const QString &text);
    void exported(const QString &path);
    /// @p message is the translated sentence shown to the user.
    void failed(const QString &message);

private:
    void onFinished(const core::Result<void> &result);
    void showStep(const QString &text);
    void showError(const QString &message);
    void updateAction();

    QWidget *m_window;
    QStatusBar *m_statusBar;
    QAction *m_action = nullptr;
    QProgressBar *m_busy = nullptr;
    QToolButton *m_cancel = nullptr;
    QPointer<models::Document> m_document;
    std::optional<core::WhatIfReport> m_whatIf;
    std::optional<core::WhatIfReport> m_viewWhatIf;
    QString m_viewWhatIfLabel;
    QString m_path;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    /// Last: destroyed first, it waits for the worker (which holds copies of what it reads)
    /// while the rest lives.
    models::WorkerJob m_job;
};

} // namespace ta::app
