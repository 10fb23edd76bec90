// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/AnchorSet.h"
#include "core/attestation/AttestationResult.h"
#include "core/crypto/AuthoritySlot.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ta::core {

/// A CA slot as the graph shows it (no key material).
struct EstateAuthority
{
    QString id;
    AuthorityKind kind = AuthorityKind::X509;
    SlotStatus status = SlotStatus::Prepared;
    bool tainted = false;
    QDateTime createdAt;
    QDateTime notAfter;
};

struct EstateTrustDomain
{
    QString name;
    QList<EstateAuthority> authorities;
};

/// An identity a rule gives a subject.
struct EstateGrant
{
    QString spiffeId;
    /// Rule node IDs ("rule/policy/NAME", "rule/entry/ID") that give it.
    QStringList rules;
    qint32 x509SvidTtl = 0;
};

/// One attestation of a subject, in time order.
struct EstateObservation
{
    QDateTime time;
    Verdict verdict = Verdict::Affirming;
    /// Until when the evidence vouches (invalid: the estate's freshness from time).
    QDateTime expiresAt;
    /// Index into Estate::grantSets of what the rules gave for this result; -1 for none.
    int grantSet = -1;
    /// Reason codes of a refusal.
    QStringList reasons;
};

/// A node or workload seen in the evidence.
struct EstateSubject
{
    QString subject;
    bool workload = false;
    QString attestor;
    /// A node's agent ID; a workload's agent (the one that signed its evidence).
    QString agentId;
    /// A workload's node subject.
    QString node;
    /// A node's platform key ("k8s:CLUSTER", "aws:ACCOUNT", "gcp:PROJECT", "tpm", "x509pop:CA",
    /// "join_token"); empty for workloads.
    QString platform;
    QString trustDomain;
    /// Anchors and reference-value sets ("refs:pcr:SUBJECT", "refs:image:REPO") the last
    /// accepted attestation rested on.
    QStringList anchorIds;
    QStringList referenceSets;
    QStringList selectors;
    QList<EstateObservation> history;
    /// Designed (the workspace's design names it); with no history it is drawn as planned.
    bool planned = false;
};

/// A policy or registration entry.
struct EstateRule
{
    /// "rule/policy/NAME" or "rule/entry/ID".
    QString id;
    QString name;
    bool entry = false;
    bool deny = false;
    QString trustDomain;
    /// The SPIFFE ID template (policy) or ID (entry).
    QString spiffeId;
    QString condition;
    QStringList selectors;
    QString parentId;
    QStringList federatesWith;
    qint32 x509SvidTtl = 0;
    qint32 jwtSvidTtl = 0;
};

/// A credential of the workspace's table.
struct EstateCredential
{
    QString id;
    QString trustDomain;
    AuthorityKind kind = AuthorityKind::X509;
    QString serial;
    QString spiffeId;
    QString subject;
    QDateTime notBefore;
    QDateTime notAfter;
    bool revoked = false;
    QString authorityId;
};

/// One way federation: @p from holds @p to's bundle (its workloads accept @p to's SVIDs).
struct EstateFederation
{
    QString from;
    QString to;
    /// The rules whose federates-with made it.
    QStringList rules;
    /// fed: a stored federation relationship (from fetches to's bundle) makes it too; the fields
    /// below describe that relationship and the bundle it holds.
    bool relationship = false;
    QString profile{};
    QString endpointUrl{};
    /// https_web endpoints: a CA is pinned instead of the system's web PKI.
    bool pinnedCa = false;
    /// The last successful fetch; invalid when none.
    QDateTime lastFetchedAt{};
    /// The sequence of the bundle last fetched; -1 when none was fetched.
    qint64 heldSequence = -1;
    /// The peer's current sequence, when the peer's trust domain is in this workspace; else -1.
    qint64 peerSequence = -1;
    /// The refresh hint of the held bundle, seconds (0: none).
    qint64 refreshHint = 0;
    /// Authorities of the held bundle that the peer (in this workspace) has revoked.
    QStringList revokedHeld{};
};

/// Everything GraphBuilder reads, independent of the instant: the workspace's trust domains and
/// authorities, anchors, rules, credentials, federation, and the evidence replayed into subjects.
/// Filled by EstateLoader from a workspace, or by hand (tests, benchmarks, designs).
struct Estate
{
    QList<EstateTrustDomain> trustDomains;
    AnchorSet anchors;
    /// Anchors revoked by a signal in the timeline, with when.
    QHash<QString, QDateTime> revokedAnchors;
    /// Anchors one of whose keys a signal revoked (the anchor stays, that key is refused).
    QHash<QString, QDateTime> keyRevokedAnchors;
    QList<EstateRule> rules;
    QList<EstateCredential> credentials;
    QList<EstateFederation> federation;
    /// fed: the workspace keeps federation relationships, so reach asks for a held, current
    /// bundle besides a rule (an estate drawn from rules alone keeps the rules' word).
    bool federationTracked = false;
    QList<EstateSubject> subjects;
    /// Platforms of the workspace's design (key -> trust domain), drawn even before a node is
    /// designed on them or evidence shows one.
    QHash<QString, QString> plannedPlatforms;
    QList<QList<EstateGrant>> grantSets;
    /// The trust domain of agent IDs, anchors and platforms.
    QString agentTrustDomain;
    /// How long an accepted attestation vouches when its evidence sets no earlier end, seconds.
    qint64 freshness = 3600;
};

} // namespace ta::core
