// SPDX-License-Identifier: Apache-2.0
#include "models/Document.h"
#include "core/FrontEndErrors.h"
#include "core/attestation/AttestationErrors.h"
#include "core/crypto/CryptoErrors.h"
#include "core/federation/FederationStore.h"
#include "core/simulation/ResultSealKey.h"
#include "core/simulation/StoredReplayResults.h"
#include "core/store/StoreErrors.h"

#include "models/AnchorEditCommand.h"
#include "models/AuthorityStatusCommand.h"
#include "models/CaSettingsCommand.h"
#include "models/CreateTrustDomainCommand.h"
#include "models/DeleteTrustDomainCommand.h"
#include "models/FederationEditCommand.h"
#include "models/IssueCredentialCommand.h"
#include "models/SetCredentialStatusCommand.h"

#include <QUndoStack>

namespace ta::models {

using core::AnchorEntryKey;
using core::AnchorList;
using core::AttestationStore;
using core::Error;
using core::Result;

namespace {

/// Runs @p change on the anchors and reference values named by @p keys and pushes the command
/// that undoes it, holding those entries' rows as they were before and after.
Result<void> editAnchors(Document &document, core::Workspace &workspace,
                         AnchorEditCommand::Operation operation, AnchorList list,
                         const QString &subject, QList<AnchorEntryKey> keys,
                         const std::function<Result<void>(AttestationStore &)> &change)
{
    // An edit that keeps its ID names one entry twice; its row must be kept only once.
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    AttestationStore store(workspace.database());
    auto before = store.storedEntries(keys);
    if (!before)
        return before.error();
    if (auto r = change(store); !r)
        return r;
    auto after = store.storedEntries(keys);
    if (!after) {
        // The change is in the file but could not be recorded: no history may claim otherwise.
        document.undoStack()->clear();
        document.notifyAnchorsChanged(keys);
        return after.error();
    }
    document.undoStack()->push(new AnchorEditCommand(&document, operation, list, subject, keys,
                                                     std::move(*before), std::move(*after)));
    document.notifyAnchorsChanged(keys);
    return {};
}

} // namespace

Document::Document(std::unique_ptr<core::Workspace> workspace, QObject *parent)
    : QObject(parent), m_workspace(std::move(workspace)), m_undoStack(new QUndoStack(this)),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

Document::~Document()
{
    // The commands call back into this document; they go before the workspace does.
    m_undoStack->clear();
}

Result<void> Document::createTrustDomain(const QString &name, const core::CaSettings &settings)
{
    auto td = core::TrustDomain::fromName(name);
    if (!td)
        return td.error();
    auto ca = m_workspace->createTrustDomain(*td, settings, now());
    if (!ca)
        return ca.error();
    m_undoStack->push(new CreateTrustDomainCommand(this, name));
    notifyTrustDomainsChanged(name);
    return {};
}

Result<void> Document::addTrustDomain(const core::CertificateAuthority &ca,
                                      const core::CaSettings &settings)
{
    if (auto r = m_workspace->addTrustDomain(ca, settings, now()); !r)
        return r;
    m_undoStack->push(new CreateTrustDomainCommand(this, ca.trustDomain().name()));
    notifyTrustDomainsChanged(ca.trustDomain().name());
    return {};
}

Result<void> Document::deleteTrustDomain(const QString &name)
{
    auto snapshot = core::TrustDomainSnapshot::capture(*m_workspace, name);
    if (!snapshot)
        return snapshot.error();
    if (auto r = m_workspace->deleteTrustDomain(name); !r)
        return r.error();
    m_undoStack->push(new DeleteTrustDomainCommand(this, std::move(*snapshot)));
    notifyTrustDomainsChanged(name);
    notifyCredentialsChanged();
    return {};
}

Result<core::IssuedX509> Document::issueX509(const core::X509IssueRequest &request)
{
    core::CredentialIssuer issuer(*m_workspace);
    auto issued = issuer.issueX509(request, now());
    if (!issued)
        return issued.error();
    m_undoStack->push(new IssueCredentialCommand(this, issued->record));
    notifyCredentialsChanged({issued->record.id});
    return issued;
}

Result<core::IssuedJwt> Document::issueJwt(const core::JwtIssueRequest &request)
{
    core::CredentialIssuer issuer(*m_workspace);
    auto issued = issuer.issueJwt(request, now());
    if (!issued)
        return issued.error();
    m_undoStack->push(new IssueCredentialCommand(this, issued->record));
    notifyCredentialsChanged({issued->record.id});
    return issued;
}

Result<void> Document::revokeCredential(qint64 credentialId)
{
    auto all = m_workspace->credentials();
    if (!all)
        return all.error();
    for (const core::CredentialRecord &c : *all) {
        if (c.id != credentialId)
            continue;
        if (c.status == core::CredentialRecord::Status::Revoked)
            return core::makeError(core::ec::ModelsAlreadyRevoked, QString::number(credentialId));
        if (auto r = m_workspace->setCredentialStatus(credentialId,
                                                      core::CredentialRecord::Status::Revoked);
            !r)
            return r.error();
        m_undoStack->push(
            new SetCredentialStatusCommand(this, c, core::CredentialRecord::Status::Revoked));
        notifyCredentialsChanged({credentialId});
        return {};
    }
    return core::makeError(core::ec::StoreUnknownCredential, QString::number(credentialId));
}

Result<void> Document::activateAuthority(const QString &trustDomain, core::AuthorityKind kind)
{
    auto ca = m_workspace->authority(trustDomain);
    if (!ca)
        return ca.error();
    const auto before = AuthorityStatusCommand::statesOf(*ca);
    if (auto r = ca->activate(kind); !r)
        return r.error();
    if (auto r = m_workspace->saveAuthority(*ca); !r)
        return r.error();
    m_undoStack->push(new AuthorityStatusCommand(this, AuthorityStatusCommand::Operation::Activate,
                                                 trustDomain, before,
                                                 AuthorityStatusCommand::statesOf(*ca)));
    notifyAuthoritiesChanged(trustDomain);
    return {};
}

Result<void> Document::taintAuthority(const QString &trustDomain, const QString &authorityId)
{
    auto ca = m_workspace->authority(trustDomain);
    if (!ca)
        return ca.error();
    const auto before = AuthorityStatusCommand::statesOf(*ca);
    if (auto r = ca->taint(authorityId); !r)
        return r.error();
    if (auto r = m_workspace->saveAuthority(*ca); !r)
        return r.error();
    m_undoStack->push(new AuthorityStatusCommand(this, AuthorityStatusCommand::Operation::Taint,
                                                 trustDomain, before,
                                                 AuthorityStatusCommand::statesOf(*ca)));
    notifyAuthoritiesChanged(trustDomain);
    return {};
}

Result<void> Document::setCaLifetimes(const QString &trustDomain, const core::CaSettings &settings)
{
    auto ca = m_workspace->authority(trustDomain);
    if (!ca)
        return ca.error();
    const core::CaSettings before = ca->settings();
    core::CaSettings after = before;
    after.caTtl = settings.caTtl;
    after.x509SvidTtl = settings.x509SvidTtl;
    after.jwtSvidTtl = settings.jwtSvidTtl;
    if (after.caTtl < 1 || after.x509SvidTtl < 1 || after.jwtSvidTtl < 1 ||
        after.x509SvidTtl > after.caTtl || after.jwtSvidTtl > after.caTtl)
        return core::makeError(core::ec::StoreBadCaSettings,
                               QStringLiteral("ca %1 s, x509-svid %2 s, jwt-svid %3 s")
                                   .arg(after.caTtl)
                                   .arg(after.x509SvidTtl)
                                   .arg(after.jwtSvidTtl));
    if (after.caTtl == before.caTtl && after.x509SvidTtl == before.x509SvidTtl &&
        after.jwtSvidTtl == before.jwtSvidTtl)
        return {};
    ca->setSettings(after);
    if (auto r = m_workspace->saveAuthority(*ca); !r)
        return r.error();
    m_undoStack->push(new CaSettingsCommand(this, trustDomain, before, after));
    notifyAuthoritiesChanged(trustDomain);
    return {};
}

Result<void> Document::setRefreshHint(const QString &trustDomain, qint64 seconds)
{
    if (auto r = m_workspace->setRefreshHint(trustDomain, seconds); !r)
        return r;
    m_undoStack->clear();
    notifyAuthoritiesChanged(trustDomain);
    return {};
}

Result<void> Document::prepareAuthority(const QString &trustDomain, core::AuthorityKind kind)
{
    auto ca = m_workspace->authority(trustDomain);
    if (!ca)
        return ca.error();
    if (auto r = ca->prepare(kind, now()); !r)
        return r.error();
    if (auto r = m_workspace->saveAuthority(*ca); !r)
        return r.error();
    m_undoStack->clear();
    notifyAuthoritiesChanged(trustDomain);
    return {};
}

Result<void> Document::addPreparedAuthority(const QString &trustDomain,
                                            const core::AuthoritySlot &slot)
{
    auto ca = m_workspace->authority(trustDomain);
    if (!ca)
        return ca.error();
    QList<core::AuthoritySlot> slots = ca->slots();
    for (const core::AuthoritySlot &s : slots) {
        if (s.kind == slot.kind && s.status == core::SlotStatus::Prepared)
            return core::makeError(core::ec::CaAlreadyPrepared, s.id);
    }
    slots.append(slot);
    const auto prepared = core::CertificateAuthority::restore(ca->trustDomain(), ca->settings(),
                                                              ca->rootKey(), ca->root(), slots);
    if (auto r = m_workspace->saveAuthority(prepared); !r)
        return r.error();
    m_undoStack->clear();
    notifyAuthoritiesChanged(trustDomain);
    return {};
}

Result<void> Document::revokeAuthority(const QString &trustDomain, const QString &authorityId)
{
    auto ca = m_workspace->authority(trustDomain);
    if (!ca)
        return ca.error();
    if (auto r = ca->revoke(authorityId); !r)
        return r.error();
    if (auto r = m_workspace->saveAuthority(*ca); !r)
        return r.error();
    m_undoStack->clear();
    notifyAuthoritiesChanged(trustDomain);
    return {};
}

Result<core::AnchorSet> Document::anchors()
{
    return AttestationStore(m_workspace->database()).anchors();
}

Result<void> Document::addAnchors(const core::AnchorSet &set)
{
    if (set.anchors().isEmpty() && set.referenceValues().isEmpty())
        return core::makeError(core::ec::AnchorsNothingToImport);
    QList<AnchorEntryKey> keys;
    for (const core::TrustAnchor &a : set.anchors())
        keys.append({AnchorList::Anchors, a.id});
    for (const core::ReferenceValue &v : set.referenceValues())
        keys.append({AnchorList::ReferenceValues, v.id});
    return editAnchors(*this, *m_workspace, AnchorEditCommand::Operation::Import,
                       AnchorList::Anchors, {}, keys,
                       [&](AttestationStore &store) { return store.saveAnchors(set, now()); });
}

Result<QString> Document::addAnchor(const QJsonObject &entry)
{
    auto anchor = core::AnchorSet::anchorFromJson(entry);
    if (!anchor)
        return anchor.error();
    auto r = editAnchors(*this, *m_workspace, AnchorEditCommand::Operation::Add,
                         AnchorList::Anchors, anchor->id, {{AnchorList::Anchors, anchor->id}},
                         [&](AttestationStore &store) { return store.addAnchor(*anchor, now()); });
    if (!r)
        return r.error();
    return anchor->id;
}

Result<QString> Document::addReferenceValue(const QJsonObject &entry)
{
    auto value = core::AnchorSet::referenceValueFromJson(entry);
    if (!value)
        return value.error();
    auto r = editAnchors(
        *this, *m_workspace, AnchorEditCommand::Operation::Add, AnchorList::ReferenceValues,
        value->id, {{AnchorList::ReferenceValues, value->id}},
        [&](AttestationStore &store) { return store.addReferenceValue(*value, now()); });
    if (!r)
        return r.error();
    return value->id;
}

Result<QString> Document::replaceAnchor(const QString &oldId, const QJsonObject &entry)
{
    auto anchor = core::AnchorSet::anchorFromJson(entry);
    if (!anchor)
        return anchor.error();
    auto r = editAnchors(
        *this, *m_workspace, AnchorEditCommand::Operation::Edit, AnchorList::Anchors, oldId,
        {{AnchorList::Anchors, oldId}, {AnchorList::Anchors, anchor->id}},
        [&](AttestationStore &store) { return store.replaceAnchor(oldId, *anchor, now()); });
    if (!r)
        return r.error();
    return anchor->id;
}

Result<QString> Document::replaceReferenceValue(const QString &oldId, const QJsonObject &entry)
{
    auto value = core::AnchorSet::referenceValueFromJson(entry);
    if (!value)
        return value.error();
    auto r = editAnchors(
        *this, *m_workspace, AnchorEditCommand::Operation::Edit, AnchorList::ReferenceValues, oldId,
        {{AnchorList::ReferenceValues, oldId}, {AnchorList::ReferenceValues, value->id}},
        [&](AttestationStore &store) { return store.replaceReferenceValue(oldId, *value, now()); });
    if (!r)
        return r.error();
    return value->id;
}

Result<void> Document::removeAnchor(const QString &id)
{
    return editAnchors(*this, *m_workspace, AnchorEditCommand::Operation::Remove,
                       AnchorList::Anchors, id, {{AnchorList::Anchors, id}},
                       [&](AttestationStore &store) { return store.removeAnchor(id); });
}

Result<void> Document::removeReferenceValue(const QString &id)
{
    return editAnchors(*this, *m_workspace, AnchorEditCommand::Operation::Remove,
                       AnchorList::ReferenceValues, id, {{AnchorList::ReferenceValues, id}},
                       [&](AttestationStore &store) { return store.removeReferenceValue(id); });
}

Result<QList<core::FederationRelationship>> Document::federationRelationships()
{
    return core::FederationStore(*m_workspace).relationships();
}

Result<void> Document::addFederation(const core::FederationRelationship &r)
{
    core::FederationStore store(*m_workspace);
    if (auto id = store.add(r, now()); !id)
        return id.error();
    auto after = store.snapshot(r.localTrustDomain.name(), r.peerTrustDomain.name());
    if (!after) {
        m_undoStack->clear();
        notifyFederationChanged();
        return after.error();
    }
    m_undoStack->push(new FederationEditCommand(this, FederationEditCommand::Operation::Add,
                                                std::nullopt, std::move(*after)));
    notifyFederationChanged();
    return {};
}

Result<void> Document::editFederation(const core::FederationRelationship &r)
{
    core::FederationStore store(*m_workspace);
    const QString local = r.localTrustDomain.name();
    const QString peer = r.peerTrustDomain.name();
    auto before = store.snapshot(local, peer);
    if (!before)
        return before.error();
    if (auto u = store.update(r); !u)
        return u;
    auto after = store.snapshot(local, peer);
    if (!after) {
        m_undoStack->clear();
        notifyFederationChanged();
        return after.error();
    }
    m_undoStack->push(new FederationEditCommand(this, FederationEditCommand::Operation::Edit,
                                                std::move(*before), std::move(*after)));
    notifyFederationChanged();
    return {};
}

Result<void> Document::removeFederation(const QString &localTrustDomain, const QString &peer)
{
    core::FederationStore store(*m_workspace);
    auto before = store.snapshot(localTrustDomain, peer);
    if (!before)
        return before.error();
    if (auto r = store.remove(localTrustDomain, peer); !r)
        return r;
    m_undoStack->push(new FederationEditCommand(this, FederationEditCommand::Operation::Remove,
                                                std::move(*before), std::nullopt));
    notifyFederationChanged();
    return {};
}

void Document::notifyTrustDomainsChanged(const QString &name)
{
    Q_EMIT trustDomainsChanged(name);
}

void Document::notifyAuthoritiesChanged(const QString &trustDomain)
{
    Q_EMIT authoritiesChanged(trustDomain);
}

void Document::notifyCredentialsChanged(const QList<qint64> &ids)
{
    Q_EMIT credentialsChanged(ids);
}

void Document::notifyAnchorsChanged(const QList<core::AnchorEntryKey> &keys)
{
    Q_EMIT anchorsChanged(keys);
}

core::Result<QList<core::EvidenceRecord>> Document::evidenceRecords()
{
    if (!m_evidence) {
        auto read = core::AttestationStore(m_workspace->database()).readEvidence();
        if (!read)
            return read.error();
        m_evidence = std::move(read->records);
        m_evidenceDigest = std::move(read->rowsDigest);
    }
    return *m_evidence;
}

core::Result<qsizetype> Document::replayTimeline(core::TimelineReplay &replay)
{
    auto records = evidenceRecords();
    if (!records)
        return records.error();
    replay.setRecords(*records, m_evidenceDigest);
    replay.setResultCache(m_replayResults);
    if (const QByteArray key = resultSealKey(); !key.isEmpty()) {
        if (auto stored = core::StoredReplayResults::open(m_workspace->path(), key))
            replay.setStoredResults(std::move(*stored), m_keptResults);
    }
    return records->size();
}

QByteArray Document::resultSealKey()
{
    if (!m_sealKey) {
        auto key = core::ResultSealKey::forThisUser();
        m_sealKey = key ? *key : QByteArray();
    }
    return *m_sealKey;
}

void Document::notifyEvidenceChanged(bool recordsChanged)
{
    if (recordsChanged) {
        m_evidence.reset();
        Q_EMIT evidenceRecordsChanged();
    }
    Q_EMIT evidenceChanged();
}

void Document::notifyFederationChanged()
{
    Q_EMIT federationChanged();
}

void Document::notifyDesignChanged()
{
    Q_EMIT designChanged();
}

void Document::reportCommandFailure(const Error &error)
{
    Q_EMIT commandFailed(error);
}

} // namespace ta::models
