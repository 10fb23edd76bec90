// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/AnchorSet.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/federation/FederationRelationship.h"
#include "core/simulation/ReplayResultCache.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/AttestationStore.h"
#include "core/store/CredentialIssuer.h"
#include "core/store/Workspace.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QUndoStack;
QT_END_NAMESPACE

namespace ta::app {
class AuditReportController;
class GraphCanvasController;
class TimelineController;
} // namespace ta::app

namespace ta::models {

class AnchorEditCommand;
class AnchorModel;
class AuthorityStatusCommand;
class CaSettingsCommand;
class CreateTrustDomainCommand;
class DecisionLogModel;
class DeleteTrustDomainCommand;
class DesignEditCommand;
class DesignGenerator;
class DesignModel;
class EntryDraft;
class EvidenceImporter;
class EvidenceTimelineModel;
class FederationEditCommand;
class FederationModel;
class FederationRefreshScheduler;
class IssueCredentialCommand;
class PolicyDraft;
class PolicyResimulator;
class SetCredentialStatusCommand;
class WhatIfModel;

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

    /// The key to the writable workspace. Only the undo commands, and the models and controllers
    /// that read through the stores or keep derived data (saved runs, the layout cache, fetched
    /// bundles, policy versions), can make one. No view can, so a view reads workspace() and
    /// edits through the methods below, which put every edit on the undo stack.
    class WriteAccess
    {
        WriteAccess() = default;
        friend class Document;
        friend class AnchorEditCommand;
        friend class AuthorityStatusCommand;
        friend class CaSettingsCommand;
        friend class CreateTrustDomainCommand;
        friend class DeleteTrustDomainCommand;
        friend class DesignEditCommand;
        friend class DesignGenerator;
        friend class DesignModel;
        friend class FederationEditCommand;
        friend class IssueCredentialCommand;
        friend class SetCredentialStatusCommand;
        friend class AnchorModel;
        friend class DecisionLogModel;
        friend class EntryDraft;
        friend class EvidenceImporter;
        friend class EvidenceTimelineModel;
        friend class FederationModel;
        friend class FederationRefreshScheduler;
        friend class PolicyDraft;
        friend class PolicyResimulator;
        friend class WhatIfModel;
        friend class app::AuditReportController;
        friend class app::GraphCanvasController;
        friend class app::TimelineController;
    };

    /// Read-only: the workspace as views see it.
    const core::Workspace &workspace() const { return *m_workspace; }
    core::Workspace &workspace(WriteAccess) { return *m_workspace; }
    QUndoStack *undoStack() const { return m_undoStack; }
    QString path() const { return m_workspace->path(); }
    bool keysInClear() const { return m_workspace->keysInClear(); }

    /// The clock every edit and validation uses; tests pin it.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock(); }

    /// Creates a trust domain with a fresh CA (undoable).
    [[nodiscard]] core::Result<void> createTrustDomain(const QString &name,
                                                       const core::CaSettings &settings);
    /// Adds a trust domain whose CA was made beforehand, on a worker (undoable, as above).
    [[nodiscard]] core::Result<void> addTrustDomain(const core::CertificateAuthority &ca,
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
    /// Adds @p slot, prepared on a worker (see AuthorityPreparer), to the CA of @p trustDomain as
    /// stored now. Irreversible, as prepareAuthority(). A prepared authority of the same kind
    /// stored meanwhile is refused (ca.already_prepared).
    [[nodiscard]] core::Result<void> addPreparedAuthority(const QString &trustDomain,
                                                          const core::AuthoritySlot &slot);
    /// Revokes a tainted authority. Irreversible, as in SPIRE: it leaves the bundle for good.
    [[nodiscard]] core::Result<void> revokeAuthority(const QString &trustDomain,
                                                     const QString &authorityId);

    /// Sets the X509-SVID and JWT-SVID TTLs and the lifetime of authorities prepared from now on
    /// (undoable; none of them is in the bundle). The key type and intermediate mode of
    /// @p settings are ignored: they are fixed when the trust domain is made. A TTL below one
    /// second, or an SVID TTL longer than the authority lifetime, is refused
    /// (store.bad_ca_settings).
    [[nodiscard]] core::Result<void> setCaLifetimes(const QString &trustDomain,
                                                    const core::CaSettings &settings);
    /// Sets the refresh hint published in the bundle. Irreversible: the bundle's sequence moves
    /// on, and relying parties may fetch it at once.
    [[nodiscard]] core::Result<void> setRefreshHint(const QString &trustDomain, qint64 seconds);

    /// Every stored trust anchor and reference value.
    [[nodiscard]] core::Result<core::AnchorSet> anchors();
    /// Imports trust anchors and reference values; stored entries of the same IDs are replaced
    /// (undoable: undo removes what the import added and puts back what it replaced).
    [[nodiscard]] core::Result<void> addAnchors(const core::AnchorSet &set);
    /// Adds one entry in the anchors file form and returns its ID (undoable). An ID already
    /// stored is refused (anchors.duplicate_id). A join token's clear "token" is hashed; only
    /// the hash reaches the file or the undo history.
    [[nodiscard]] core::Result<QString> addAnchor(const QJsonObject &entry);
    [[nodiscard]] core::Result<QString> addReferenceValue(const QJsonObject &entry);
    /// Replaces the entry @p oldId by @p entry in place, under the new entry's ID and kind, and
    /// returns that ID (undoable).
    [[nodiscard]] core::Result<QString> replaceAnchor(const QString &oldId,
                                                      const QJsonObject &entry);
    [[nodiscard]] core::Result<QString> replaceReferenceValue(const QString &oldId,
                                                              const QJsonObject &entry);
    /// Removes one entry (undoable: undo puts it back in its place).
    [[nodiscard]] core::Result<void> removeAnchor(const QString &id);
    [[nodiscard]] core::Result<void> removeReferenceValue(const QString &id);

    /// Every federation relationship of the workspace's trust domains.
    [[nodiscard]] core::Result<QList<core::FederationRelationship>> federationRelationships();
    /// Stores a new relationship (undoable: undo removes it with any bundle fetched since).
    [[nodiscard]] core::Result<void> addFederation(const core::FederationRelationship &r);
    /// Rewrites the endpoint fields of the relationship of the same two trust domains (undoable;
    /// the bundles fetched for it stay).
    [[nodiscard]] core::Result<void> editFederation(const core::FederationRelationship &r);
    /// Removes a relationship with its fetched bundles (undoable: undo puts both back).
    [[nodiscard]] core::Result<void> removeFederation(const QString &localTrustDomain,
                                                      const QString &peer);

    /// The evidence timeline in time order. Read once and shared by the views that replay it
    /// (the time bar, the decision log, the policy studio) until notifyEvidenceChanged(): a
    /// copy of the list shares its records.
    [[nodiscard]] core::Result<QList<core::EvidenceRecord>> evidenceRecords();
    /// The attestation results of the timeline, shared by the views that replay it (their
    /// replays set it with TimelineReplay::setResultCache): the first replay of a timeline
    /// verifies its signatures, the others read its results, and one started meanwhile waits
    /// for them. Keyed by records, anchors and settings, so a change needs no invalidation.
    std::shared_ptr<core::ReplayResultCache> replayResults() const { return m_replayResults; }
    /// Sets @p replay (made by TimelineReplay::fromWorkspace) over the timeline as the views
    /// share it: evidenceRecords(), replayResults(), and the results kept in the workspace
    /// under this user's key (StoredReplayResults, over a connection of its own, for a replay on
    /// a worker), so that reopening a workspace verifies no signature its user verified before.
    /// Returns the number of records. Errors: evidenceRecords()'.
    [[nodiscard]] core::Result<qsizetype> replayTimeline(core::TimelineReplay &replay);
    /// What the replays set up by replayTimeline() (or given keptResultsWork()) did with the
    /// kept results, added up.
    const core::TimelineReplay::StoredWork &keptResults() const { return *m_keptResults; }
    std::shared_ptr<core::TimelineReplay::StoredWork> keptResultsWork() const
    {
        return m_keptResults;
    }
    /// This user's result seal key (ResultSealKey::forThisUser(), read once); empty when there
    /// is none (a home folder that cannot be written): then every signature is verified.
    QByteArray resultSealKey();

    /// Called by the undo commands after they changed the workspace.
    void notifyTrustDomainsChanged(const QString &name);
    void notifyAuthoritiesChanged(const QString &trustDomain);
    void notifyCredentialsChanged(const QList<qint64> &ids = {});
    void notifyAnchorsChanged(const QList<core::AnchorEntryKey> &keys = {});
    /// Called when evidence records were imported or generated (not an edit: an import is not
    /// undone), or, with @p recordsChanged false, when only their stored attestation results
    /// were recomputed.
    void notifyEvidenceChanged(bool recordsChanged = true);
    /// Also called when a refresh stored a peer bundle (not an edit: nothing to undo).
    void notifyFederationChanged();
    /// Called when the workspace's design (TopologyLab::saveDesign) changed: an edit on the
    /// canvas, its undo, or evidence generated for it.
    void notifyDesignChanged();
    /// Called by an undo command whose undo or redo failed (the file changed under it).
    void reportCommandFailure(const core::Error &error);

Q_SIGNALS:
    /// The trust domain @p name was created or removed (with its slots and credentials).
    void trustDomainsChanged(const QString &name);
    /// Slots, settings or the bundle of @p trustDomain changed.
    void authoritiesChanged(const QString &trustDomain);
    /// The credentials @p ids were recorded, changed or removed. An empty list: any of them may
    /// have (a trust domain came or went with its credentials).
    void credentialsChanged(const QList<qint64> &ids);
    /// The trust anchors or reference values @p keys were added, changed or removed. An empty
    /// list: any of them may have.
    void anchorsChanged(const QList<ta::core::AnchorEntryKey> &keys);
    /// Evidence records were imported, or their attestation results recomputed.
    void evidenceChanged();
    /// Evidence records were imported or generated (just before evidenceChanged()): what
    /// replays the timeline reads it again.
    void evidenceRecordsChanged();
    /// A federation relationship was added, edited or removed, or a peer bundle was stored.
    void federationChanged();
    /// The workspace's design changed (see notifyDesignChanged).
    void designChanged();
    void commandFailed(const ta::core::Error &error);

private:
    std::unique_ptr<core::Workspace> m_workspace;
    QUndoStack *m_undoStack = nullptr;
    std::function<QDateTime()> m_clock;
    /// evidenceRecords(), once read.
    std::optional<QList<core::EvidenceRecord>> m_evidence;
    /// The digest of their stored bytes (AttestationStore::forEachEvidenceWhile), read with them.
    QByteArray m_evidenceDigest;
    /// This user's result seal key, read on first use; empty when there is none.
    std::optional<QByteArray> m_sealKey;
    std::shared_ptr<core::TimelineReplay::StoredWork> m_keptResults =
        std::make_shared<core::TimelineReplay::StoredWork>();
    std::shared_ptr<core::ReplayResultCache> m_replayResults =
        std::make_shared<core::ReplayResultCache>();
};

} // namespace ta::models
