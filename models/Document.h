// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/store/CredentialIssuer.h"
#include "core/store/Workspace.h"

#include <QDateTime>
#include <QObject>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QUndoStack;
QT_END_NAMESPACE

namespace ta::models {

/// The open workspace with its undo stack. Every user edit goes through one of the methods
/// below: a reversible edit is pushed as an undo command, an irreversible one (it changes what
/// relying parties may already have fetched) runs at once and clears the undo history, since
/// the commands in it could no longer restore the state they recorded.
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(std::unique_ptr<core::Workspace> workspace, QObject *parent = nullptr);
    ~Document() override;

    core::Workspace &workspace() { return *m_workspace; }
    QUndoStack *undoStack() const { return m_undoStack; }
    QString path() const { return m_workspace->path(); }
    bool keysInClear() const { return m_workspace->keysInClear(); }

    /// The clock every edit and validation uses; tests pin it.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); }

    /// Creates a trust domain with a fresh CA (undoable).
    [[nodiscard]] core::Result<void> createTrustDomain(const QString &name,
                                                       const core::CaSettings &settings);
    /// Removes a trust domain with its authorities and credentials (undoable: the rows are kept
    /// as stored, keys still sealed, and put back on undo).
    [[nodiscard]] core::Result<void> deleteTrustDomain(const QString &name);
    /// Issues and records an X509-SVID (undoable: undo deletes the record).
    [[nodiscard]] core::Result<core::IssuedX509> issueX509(const core::X509IssueRequest &request);
    /// Issues and records a JWT-SVID (undoable: undo deletes the record).
    [[nodiscard]] core::Result<core::IssuedJwt> issueJwt(const core::JwtIssueRequest &request);
    /// Marks a credential revoked in the workspace (undoable: undo restores its status).
    [[nodiscard]] core::Result<void> revokeCredential(qint64 credentialId);
    /// The prepared authority of @p kind becomes active (undoable; the bundle does not change).
    [[nodiscard]] core::Result<void> activateAuthority(const QString &trustDomain,
                                                       core::AuthorityKind kind);
    /// Taints an old authority (undoable; the bundle does not change).
    [[nodiscard]] core::Result<void> taintAuthority(const QString &trustDomain,
                                                    const QString &authorityId);
    /// Prepares a new authority. Irreversible: it is published in the bundle at once.
    [[nodiscard]] core::Result<void> prepareAuthority(const QString &trustDomain,
                                                      core::AuthorityKind kind);
    /// Revokes a tainted authority. Irreversible, as in SPIRE: it leaves the bundle for good.
    [[nodiscard]] core::Result<void> revokeAuthority(const QString &trustDomain,
                                                     const QString &authorityId);

    /// Called by the undo commands after they changed the workspace.
    void notifyTrustDomainsChanged();
    void notifyAuthoritiesChanged(const QString &trustDomain);
    void notifyCredentialsChanged();
    /// Called by an undo command whose undo or redo failed (the file changed under it).
    void reportCommandFailure(const core::Error &error);

Q_SIGNALS:
    void trustDomainsChanged();
    /// Slots, settings or the bundle of @p trustDomain changed.
    void authoritiesChanged(const QString &trustDomain);
    void credentialsChanged();
    void commandFailed(const ta::core::Error &error);

private:
    std::unique_ptr<core::Workspace> m_workspace;
    QUndoStack *m_undoStack = nullptr;
    std::function<QDateTime()> m_clock;
};

} // namespace ta::models
