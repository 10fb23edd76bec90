// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "models/WorkerJob.h"
#include "views/PassphraseDialog.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <functional>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace ta::models {
class Document;
}

namespace ta::app {

class Settings;

/// Opens, creates and closes workspaces, and owns the open document. It asks for a passphrase
/// when a file needs one and keeps the recent-files list.
class WorkspaceController : public QObject
{
    Q_OBJECT

public:
    WorkspaceController(Settings &settings, QWidget *dialogParent, QObject *parent = nullptr);
    ~WorkspaceController() override;

    models::Document *document() const { return m_document; }

    /// Opens @p path. A workspace with keys in clear opens at once: true. A protected one shows
    /// the passphrase dialog and returns false with an empty lastError(): the dialog is
    /// window-modal without a nested event loop, documentChanged() follows once its attempt
    /// opened the file, and a cancel does nothing. False with lastError() set: refused.
    bool open(const QString &path);
    /// Opens the demo workspace in @p dataDir, creating it with fresh keys on first run.
    bool openDemo(const QString &dataDir);
    /// As openDemo(), but a demo still to be made is generated on a worker while the window
    /// keeps running: into a side file that becomes the demo only when complete, so a cancel or
    /// failure leaves no demo behind. The returned future (also passed to workStarted()) ends
    /// when the generation does; the demo opens afterwards, on the GUI thread. A generation
    /// already running is returned again.
    QFuture<void> openDemoInBackground(const QString &dataDir);
    /// The side file the demo is generated into before it takes the demo's name.
    static QString demoPartPath(const QString &dataDir);
    /// Creates a workspace at @p path: shows the passphrase dialog (a passphrase, or keys in
    /// clear) and returns at once. documentChanged() follows once the dialog's attempt created
    /// the file; a cancel leaves no file.
    void create(const QString &path);
    /// The passphrase dialog of an open() or create() still asking, null when none is.
    views::PassphraseDialog *passphraseDialog() const { return m_passphraseDialog; }
    /// The demo's path in @p dataDir.
    static QString demoPath(const QString &dataDir);
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void documentChanged(ta::models::Document *document);
    void failed(const QString &message);
    /// Long work started on a worker (the passphrase's key derivation, the demo's generation),
    /// for the status bar's progress and Cancel.
    void workStarted(const QString &title, QFuture<void> future);

private:
    void setDocument(models::Document *document);
    bool fail(const QString &message);
    /// Shows the passphrase dialog that opens or creates @p path on its worker; the document is
    /// set when it is accepted.
    void askPassphrase(bool create, const QString &path);

    Settings &m_settings;
    QPointer<QWidget> m_dialogParent;
    models::Document *m_document = nullptr;
    QString m_lastError;
    QPointer<views::PassphraseDialog> m_passphraseDialog;
    /// The demo's generation, into a side file that its handler moves into place: busy until
    /// then, so that a second request does not delete the side file and generate again (the
    /// future finishes on the worker's thread before the move). Last: destroyed first, it
    /// cancels the generation (the side file is then removed) and waits for it.
    models::WorkerJob m_demoJob;
};

} // namespace ta::app
