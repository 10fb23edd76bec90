// SPDX-License-Identifier: Apache-2.0
#include "app/gui/AuditReportController.h"

#include "core/simulation/SimulationErrors.h"
#include "models/Document.h"
#include "models/report/AuditReportBuilder.h"
#include "views/ErrorMessages.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressBar>
#include <QPromise>
#include <QStatusBar>
#include <QToolButton>

namespace ta::app {

AuditReportController::AuditReportController(QWidget *window, QStatusBar *statusBar,
                                             QObject *parent)
    : QObject(parent), m_window(window), m_statusBar(statusBar)
{
    m_action = new QAction(tr("Export &Audit Report…"), this);
    m_action->setObjectName(QStringLiteral("exportAuditReportAction"));
    m_action->setStatusTip(tr("Write the audit report of the workspace as HTML or PDF."));
    connect(m_action, &QAction::triggered, this, &AuditReportController::exportWithDialog);

    m_busy = new QProgressBar(statusBar);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->hide();
    m_cancel = new QToolButton(statusBar);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop writing the audit report"));
    m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, this, &AuditReportController::cancel);
    statusBar->addPermanentWidget(m_busy);
    statusBar->addPermanentWidget(m_cancel);

    updateAction();
}

AuditReportController::~AuditReportController()
{
    // The worker holds copies of what it reads; m_job then waits, so that it does not outlive
    // the window.
    if (m_cancelled)
        m_cancelled->store(true);
}

void AuditReportController::setDocument(models::Document *document)
{
    m_document = document;
    m_whatIf.reset();
    m_viewWhatIf.reset();
    m_viewWhatIfLabel.clear();
    updateAction();
}

void AuditReportController::setWhatIf(const core::WhatIfReport &report)
{
    m_whatIf = report;
}

void AuditReportController::setWhatIfResult(const core::WhatIfReport &report, const QString &label)
{
    m_viewWhatIf = report;
    m_viewWhatIfLabel = label;
}

void AuditReportController::updateAction()
{
    m_action->setEnabled(!m_document.isNull() && !isBusy());
}

void AuditReportController::exportWithDialog()
{
    if (!m_document || isBusy())
        return;
    const QString html = tr("HTML report (*.html)");
    const QString pdf = tr("PDF report (*.pdf)");
    const QFileInfo workspace(m_document->path());
    auto *dialog = new QFileDialog(
        m_window, tr("Export Audit Report"),
        workspace.dir().filePath(workspace.completeBaseName() + QStringLiteral("-audit.html")),
        html + QStringLiteral(";;") + pdf);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog, pdf](const QString &filter) {
        dialog->setDefaultSuffix(filter == pdf ? QStringLiteral("pdf") : QStringLiteral("html"));
    });
    dialog->setDefaultSuffix(QStringLiteral("html"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog, pdf](const QString &path) {
        const bool asPdf = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ||
                           (!path.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) &&
                            dialog->selectedNameFilter() == pdf);
        exportTo(path, asPdf ? models::AuditReportWriter::Format::Pdf
                             : models::AuditReportWriter::Format::Html);
    });
    dialog->open();
}

bool AuditReportController::exportTo(const QString &path, models::AuditReportWriter::Format format)
{
    if (!m_document || isBusy())
        return false;
    models::AuditReportOptions options;
    options.toolVersion = QCoreApplication::applicationVersion();
    if (m_viewWhatIf) {
        options.whatIf = m_viewWhatIf;
        options.whatIfLabel = tr("The what-if view's comparison. %1").arg(m_viewWhatIfLabel);
    } else if (m_whatIf) {
        options.whatIf = m_whatIf;
        options.whatIfLabel = tr("The policy studio's unsaved edits against the saved policies.");
    }
    m_statusBar->showMessage(tr("Writing the audit report to %1…").arg(QFileInfo(path).fileName()));
    // Painted now: reading the workspace below takes a moment on this thread.
    m_statusBar->repaint();
    // The evidence's records and results are the document's: what the graph, the time bar and
    // the studio verified (or the workspace kept) is not verified again.
    options.replaySetup = [document = m_document](core::TimelineReplay &replay) {
        if (auto n = document->replayTimeline(replay); !n)
            return core::Result<void>(n.error());
        return core::Result<void>();
    };
    // The workspace is read here, on its own thread; everything after runs on a worker.
    auto builder = models::AuditReportBuilder::prepare(
        m_document->workspace(models::Document::WriteAccess()), options);
    if (!builder) {
        showError(tr("The audit report could not be written: %1")
                      .arg(views::ErrorMessages::text(builder.error())));
        return false;
    }
    m_path = path;
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    m_busy->show();
    m_cancel->show();
    // The worker tells each step to this thread, where the status bar shows it (a step told
    // after this controller is gone is dropped with its event).
    const QString file = QFileInfo(path).fileName();
    auto step = [this](const QString &text) {
        QMetaObject::invokeMethod(
            this, [this, text] { showStep(text); }, Qt::QueuedConnection);
    };
    auto outcome = std::make_shared<core::Result<void>>(core::makeError(core::ec::ReplayCancelled));
    auto work = [b = std::move(*builder), format, path, file, step, flag = m_cancelled,
                 outcome](QPromise<void> &) {
        *outcome = [&]() -> core::Result<void> {
            auto report = b.build([flag] { return flag->load(); },
                                  [&](models::AuditReportBuilder::Step s) {
                                      step(s == models::AuditReportBuilder::Step::Replaying
                                               ? tr("Audit report: replaying the evidence…")
                                               : tr("Audit report: laying out the graph…"));
                                  });
            if (!report)
                return report.error();
            step(tr("Audit report: writing %1…").arg(file));
            // Asked again before the rendering and before the rename.
            return models::AuditReportWriter::write(*report, format, path,
                                                    [flag] { return flag->load(); });
        }();
    };
    m_job.start(std::move(work), [this, outcome](bool) { onFinished(*outcome); });
    updateAction();
    return true;
}

void AuditReportController::cancel()
{
    if (m_cancelled)
        m_cancelled->store(true);
}

void AuditReportController::showStep(const QString &text)
{
    // Nothing is shown over an outcome.
    if (!isBusy())
        return;
    m_statusBar->showMessage(text);
    Q_EMIT stepStarted(text);
}

void AuditReportController::onFinished(const core::Result<void> &result)
{
    m_busy->hide();
    m_cancel->hide();
    updateAction();
    if (result) {
        m_statusBar->showMessage(
            tr("Audit report written to %1").arg(QDir::toNativeSeparators(m_path)), 10000);
        Q_EMIT exported(m_path);
        return;
    }
    if (result.error().code == QString(core::ec::ReplayCancelled)) {
        m_statusBar->showMessage(tr("Audit report cancelled; no file was written."), 10000);
        Q_EMIT failed(tr("Audit report cancelled; no file was written."));
        return;
    }
    // The sentence says what went wrong, the detail where (the path) and the system's reason.
    QString why = views::ErrorMessages::text(result.error());
    if (!result.error().detail.isEmpty())
        why += QStringLiteral(" (%1)").arg(result.error().detail);
    showError(tr("The audit report could not be written: %1").arg(why));
}

void AuditReportController::showError(const QString &message)
{
    m_statusBar->showMessage(message, 10000);
    Q_EMIT failed(message);
    // open(), not exec(): no nested event loop.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Audit Report"), message,
                                QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace ta::app
