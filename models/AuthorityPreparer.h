// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/AuthoritySlot.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace ta::models {

class Document;

/// Prepares a new CA authority (SPIRE's rotation "prepare") with its key generated on a worker:
/// RSA 4096 takes seconds. The trust domain's CA is read on the GUI thread, the new slot made
/// from a copy on the worker, and the slot added to the CA as stored when it returns, through
/// Document::addPreparedAuthority (which publishes it and clears the undo history, as the
/// synchronous step does). A cancel drops the slot: nothing reaches the workspace.
class AuthorityPreparer : public QObject
{
    Q_OBJECT

public:
    explicit AuthorityPreparer(Document *document, QObject *parent = nullptr);
    ~AuthorityPreparer() override;

    /// Starts preparing; ignored while busy. The outcome comes in finished().
    void start(const QString &trustDomain, core::AuthorityKind kind);
    bool isBusy() const { return m_busy; }
    QFuture<void> future() const { return m_future; }

    /// Runs on the worker before the slot is made; tests hold it to look at the GUI meanwhile.
    void setWorkerHook(std::function<void()> hook) { m_hook = std::move(hook); }

Q_SIGNALS:
    /// The work started on a worker (for the status bar's progress and Cancel).
    void started(const QString &title, QFuture<void> future);
    /// Done: @p error is set when it failed; @p cancelled when it was cancelled (nothing stored).
    void finished(const std::optional<ta::core::Error> &error, bool cancelled);

private:
    void done(const QString &trustDomain);

    QPointer<Document> m_document;
    QFuture<core::Result<core::AuthoritySlot>> m_running;
    QFuture<void> m_future;
    std::function<void()> m_hook;
    bool m_busy = false;
};

} // namespace ta::models
