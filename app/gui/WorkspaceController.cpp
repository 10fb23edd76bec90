// SPDX-License-Identifier: Apache-2.0
#include "app/gui/WorkspaceController.h"

#include "app/gui/Settings.h"
#include "core/attestation/lab/FederatedDemo.h"
#include "models/Document.h"
#include "views/ErrorMessages.h"
#include "views/PassphraseDialog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPromise>

#include <memory>

namespace ta::app {

WorkspaceController::WorkspaceController(Settings &settings, QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_settings(settings), m_dialogParent(dialogParent)
{}

WorkspaceController::~WorkspaceController()
{
    // A dialog still asking has nothing to hand its workspace to any more.
    delete m_passphraseDialog;
}

QString WorkspaceController::demoPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("demo.atlas"));
}

QString WorkspaceController::demoPartPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("demo.atlas.part"));
}

bool WorkspaceController::fail(const QString &message)
{
    m_lastError = message;
    Q_EMIT failed(message);
    return false;
}

bool WorkspaceController::open(const QString &path)
{
    m_lastError.clear();
    auto protectedFile = core::Workspace::needsPassphrase(path);
    if (!protectedFile) {
        // Gone, or not a workspace this version can open: it leaves the recent files, so the
        // menu does not offer it again. (A cancel or a wrong passphrase keeps it.)
        m_settings.removeRecentFile(QFileInfo(path).absoluteFilePath());
        return fail(views::ErrorMessages::text(protectedFile.error()));
    }
    if (*protectedFile) {
        // The dialog asks; the controller opens, on the dialog's worker (scrypt takes a while).
        askPassphrase(false, path);
        return false;
    }
    auto workspace = core::Workspace::open(path, {});
    if (!workspace)
        return fail(views::ErrorMessages::text(workspace.error()));
    setDocument(new models::Document(std::move(*workspace), this));
    m_settings.addRecentFile(QFileInfo(path).absoluteFilePath());
    return true;
}

bool WorkspaceController::openDemo(const QString &dataDir)
{
    m_lastError.clear();
    const QString path = demoPath(dataDir);
    if (!QFileInfo::exists(path)) {
        if (!QDir().mkpath(dataDir))
            return fail(tr("Cannot create the folder %1.").arg(dataDir));
        if (auto r = core::FederatedDemo::create(path, QDateTime::currentDateTimeUtc()); !r)
            return fail(views::ErrorMessages::text(r.error()));
    }
    return open(path);
}

QFuture<void> WorkspaceController::openDemoInBackground(const QString &dataDir)
{
    m_lastError.clear();
    if (m_demoJob.isBusy())
        return m_demoJob.future();
    const QString path = demoPath(dataDir);
    if (QFileInfo::exists(path)) {
        open(path);
        return QtFuture::makeReadyFuture();
    }
    if (!QDir().mkpath(dataDir)) {
        fail(tr("Cannot create the folder %1.").arg(dataDir));
        return QtFuture::makeReadyFuture();
    }
    const QString part = demoPartPath(dataDir);
    QFile::remove(part); // left by a crash; never a complete demo
    auto made = std::make_shared<core::Result<void>>();
    const QFuture<void> future = m_demoJob.start(
        [part, made, now = QDateTime::currentDateTimeUtc()](QPromise<void> &promise) {
            promise.setProgressRange(0, 0);
            *made = core::FederatedDemo::create(part, now);
            if (promise.isCanceled())
                QFile::remove(part);
        },
        [this, path, part, made](bool cancelled) {
            if (cancelled || !*made || !QFile::rename(part, path)) {
                QFile::remove(part);
                if (!cancelled && !*made)
                    fail(views::ErrorMessages::text(made->error()));
                else if (!cancelled)
                    fail(tr("Cannot write %1.").arg(path));
                return;
            }
            open(path);
        });
    Q_EMIT workStarted(tr("Generating the demo workspace"), future);
    return future;
}

void WorkspaceController::create(const QString &path)
{
    m_lastError.clear();
    askPassphrase(true, path);
}

void WorkspaceController::askPassphrase(bool create, const QString &path)
{
    // One question at a time: a dialog still asking is cancelled (its result is discarded).
    if (m_passphraseDialog)
        m_passphraseDialog->reject();
    using views::PassphraseDialog;
    auto made = std::make_shared<std::unique_ptr<core::Workspace>>();
    auto *dialog =
        new PassphraseDialog(create ? PassphraseDialog::Mode::Create : PassphraseDialog::Mode::Open,
                             path, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_passphraseDialog = dialog;
    connect(dialog, &PassphraseDialog::workStarted, this, &WorkspaceController::workStarted);
    dialog->setAttempt([create, path, made](const std::optional<QByteArray> &passphrase) {
        auto ws = create ? core::Workspace::create(path, passphrase)
                         : core::Workspace::open(path, passphrase.value_or(QByteArray()));
        if (!ws)
            return views::ErrorMessages::text(ws.error());
        *made = std::move(*ws);
        return QString();
    });
    connect(dialog, &QDialog::finished, this, [this, create, path, made](int result) {
        if (result != QDialog::Accepted || !*made) {
            // Cancelled while the worker was creating it: the new file goes again.
            if (create && *made) {
                made->reset();
                QFile::remove(path);
            }
            return;
        }
        setDocument(new models::Document(std::move(*made), this));
        m_settings.addRecentFile(QFileInfo(path).absoluteFilePath());
    });
    // Window-modal, and the call returns: no nested event loop.
    dialog->open();
}

void WorkspaceController::setDocument(models::Document *document)
{
    models::Document *old = m_document;
    m_document = document;
    Q_EMIT documentChanged(document);
    // Views of the old document are gone by now; the workspace file closes with it.
    delete old;
}

} // namespace ta::app
