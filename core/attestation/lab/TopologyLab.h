// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/lab/EvidenceLab.h"
#include "core/attestation/lab/LabTopology.h"

#include <QDateTime>
#include <QStringList>

#include <functional>
#include <optional>

namespace ta::core {

class CertificateAuthority;
class Database;
class Workspace;

/// The timeline TopologyLab writes for a design. Event times are shares of the span (0..1;
/// negative: the event does not happen).
struct LabTimeline
{
    /// The first record's instant; invalid means @c span before now.
    QDateTime start;
    /// Length of the timeline, seconds.
    qint64 span = 86400;
    /// Every subject re-attests this often, seconds (a round: nodes, then their workloads).
    /// Each event below also gets a round 30 minutes before it and one 5 minutes after.
    qint64 interval = 1800;
    /// Share of node attestations that drift once (refused; the next round is clean again).
    double driftRate = 0;
    quint64 seed = 1;
    /// An image is updated to its next digest: the release key signs it (an allowed digest) and
    /// its workloads run it from then on.
    double imageUpdateAt = -1;
    /// The repository updated; empty: the first by name.
    QString updatedImage;
    /// The first cluster's (by name) issuer key is rotated and the old key revoked by a signal;
    /// its nodes re-attest at once with tokens under the new key.
    double keyRevokeAt = -1;
    /// These nodes (and their workloads) stop attesting at @c staleAt.
    QStringList staleNodes;
    double staleAt = 0.7;
    /// These nodes' evidence drifts for good from @c driftAt (a TPM's PCR 7, a token for
    /// another audience, an edited identity document, an expired token): refused from then.
    QStringList driftedNodes;
    double driftAt = 0.9;
};

/// Turns a LabTopology into a workspace's anchors and evidence: one synthetic attester per
/// platform (a cluster issuer per Kubernetes cluster, the cloud providers' signers, a TPM
/// attestation key per TPM host, a cosign release key for the images), agent SVIDs from the
/// agent trust domain's CA, and a timeline of rounds in which every node re-attests through its
/// platform's attestor (k8s_psat, aws_iid, gcp_iit, tpm) and every workload through its agent
/// (k8s on Kubernetes nodes, docker for an image elsewhere, unix otherwise), with the events
/// of LabTimeline. Missing trust domains are created; the policies are saved as a new version;
/// the agent trust domain and the design (LabTopology::toJson) are recorded in the workspace's
/// meta table (keys "agent_trust_domain", "design").
class TopologyLab
{
public:
    /// Called with (done, total) now and then; returning false cancels (store.cancelled).
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /// Creates the design's missing trust domains, then generateInto() on the workspace's
    /// connection with the agent trust domain's CA.
    [[nodiscard]] static Result<LabSummary>
    generate(Workspace &workspace, const LabTopology &topology, const LabTimeline &timeline);
    /// The anchors, evidence and design of generate() written through @p db alone (e.g. a
    /// worker's own connection), with the agent trust domain's CA @p agentCa loaded beforehand
    /// (it signs the agents' SVIDs). Every trust domain of the design must exist already.
    /// Anchors, evidence, the policies and the design are stored in one transaction: a failure
    /// or a cancel through @p progress (store.cancelled) leaves the workspace as it was.
    [[nodiscard]] static Result<LabSummary> generateInto(Database &db, const LabTopology &topology,
                                                         const LabTimeline &timeline,
                                                         const CertificateAuthority &agentCa,
                                                         const Progress &progress = {});
    /// Records @p topology as the workspace's design (meta key "design") and its agent trust
    /// domain, creating missing trust domains and saving its policies as a new version, but
    /// writing no anchors or evidence: its nodes and workloads are planned until evidence shows
    /// them.
    [[nodiscard]] static Result<void> saveDesign(Workspace &workspace, const LabTopology &topology,
                                                 const QDateTime &now);
    /// The workspace's design; std::nullopt when it holds none (or an unreadable one).
    static std::optional<LabTopology> loadDesign(Workspace &workspace);
    /// The digest the lab gives version @p version (0: the first, 1: the update) of an image.
    static QString imageDigest(const QString &repository, int version);
    /// The agent trust domain a workspace was generated for (empty when none was recorded).
    static QString agentTrustDomain(Workspace &workspace);
};

} // namespace ta::core
