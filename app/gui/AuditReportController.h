// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/simulation/WhatIfReport.h"
#include "models/report/AuditReportWriter.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

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
    /// From exportTo() until the outcome is shown. Not the watcher's isRunning(): that turns
    /// false on the worker's thread, before the outcome reaches this one, and an export started
    /// then would take the watcher over and drop the first one's outcome.
    bool isBusy() const { return m_exporting; }
    void cancel();

Q_SIGNALS:
    /// A long step of an export has started; @p text is the status bar's sentence for it
    /// (the replays, the graph's layout, the writing).
    void stepStarted(const QString &text);
    void exported(const QString &path);
    /// @p message is the translated sentence shown to the user.
    void failed(const QString &message);

private:
    void onFinished();
    void showStep(const QString &text);
    void showError(const QString &message);
    void updateAction();

    QWidget *m_window;
    QStatusBar *m_statusBar;
    QAction *m_action = nullptr;
    QProgressBar *m_busy = nullptr;
    QToolButton *m_cancel = nullptr;
    /// From exportTo() until onFinished(), on this thread (isBusy()); a step queued by the
    /// worker after that is not shown over the outcome.
    bool m_exporting = false;
    QPointer<models::Document> m_document;
    std::optional<core::WhatIfReport> m_whatIf;
    std::optional<core::WhatIfReport> m_viewWhatIf;
    QString m_viewWhatIfLabel;
    QString m_path;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    /// Its own thread, not the global pool's: Qt 6.4's raster engine paints with that pool, so
    /// long work there stalls the window's frames.
    QThreadPool m_pool;
    QFutureWatcher<core::Result<void>> m_watcher;
};

} // namespace ta::app
