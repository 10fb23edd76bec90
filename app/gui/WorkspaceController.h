// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

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

    /// Opens @p path, asking for its passphrase if it has one. False when it was not opened
    /// (refused, or the user cancelled); lastError() says why.
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
    /// Creates a workspace at @p path, asking for a passphrase (or for keys in clear).
    bool create(const QString &path);
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

    Settings &m_settings;
    QPointer<QWidget> m_dialogParent;
    models::Document *m_document = nullptr;
    QString m_lastError;
    QFuture<void> m_demoGeneration;
};

} // namespace ta::app
