// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

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
    /// Creates a workspace at @p path, asking for a passphrase (or for keys in clear).
    bool create(const QString &path);
    /// The demo's path in @p dataDir.
    static QString demoPath(const QString &dataDir);
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void documentChanged(ta::models::Document *document);
    void failed(const QString &message);

private:
    void setDocument(models::Document *document);
    bool fail(const QString &message);

    Settings &m_settings;
    QPointer<QWidget> m_dialogParent;
    models::Document *m_document = nullptr;
    QString m_lastError;
};

} // namespace ta::app
