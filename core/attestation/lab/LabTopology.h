// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/policy/Policy.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ta::core {

/// A designed estate: what `lab generate --topology` and the demo workspace turn into anchors
/// and evidence. Its file form is a subset of `graph export --format json` (see fromJson()), so
/// that the export of a generated workspace designs the same estate again.
struct LabTopology
{
    /// An attested agent on a platform.
    struct Node
    {
        /// "node/NAME".
        QString subject;
        /// The platform key, as the graph names platforms: "k8s:CLUSTER" (k8s_psat),
        /// "aws:ACCOUNT" (aws_iid), "gcp:PROJECT" (gcp_iit), "tpm" (tpm).
        QString platform;
        bool operator==(const Node &) const = default;
    };
    /// A workload on a node, with the selectors it is attested by.
    struct Workload
    {
        /// "workload/NAME".
        QString subject;
        /// The node subject it runs on.
        QString node;
        /// Kubernetes namespace and service account (k8s nodes only).
        QString ns;
        QString serviceAccount;
        /// Image repository, without tag or digest; the lab picks the digests.
        QString image;
        /// Unix user ID (non-Kubernetes nodes); -1 for none.
        qint64 uid = -1;
        bool operator==(const Workload &) const = default;
    };

    /// The trust domain agent IDs, nodes and workloads live in; the first of trustDomains when
    /// empty.
    QString agentTrustDomain;
    /// Every trust domain of the design (created when the workspace lacks it).
    QStringList trustDomains;
    /// Platform keys, in the order given.
    QStringList platforms;
    QList<Node> nodes;
    QList<Workload> workloads;
    /// Policies saved as a new policy version with the evidence (none: no version is saved).
    QList<Policy> policies;

    bool operator==(const LabTopology &) const = default;

    /// The agent trust domain as used (agentTrustDomain, else the first trust domain).
    QString effectiveAgentTrustDomain() const;
    /// The attestor of platform key @p platform ("k8s_psat", "aws_iid", "gcp_iit", "tpm"); empty
    /// for a key of no supported kind.
    static QString attestorOfPlatform(const QString &platform);
    /// The repository of an image reference, without tag or digest:
    /// "registry.example/pay/api@sha256:..." or "...:v1" -> "registry.example/pay/api" (the lab
    /// picks the digests).
    static QString imageRepository(const QString &reference);
    /// Checks names, references (every node on a listed platform, every workload on a listed
    /// node) and uniqueness. Error lab.bad_settings with the first problem as detail.
    [[nodiscard]] Result<void> validate() const;

    /// Reads the graph JSON form: {"nodes": [...], "edges": [...]} where only nodes of class
    /// trust_domain (not properties.foreign), platform, node, workload and rule (kind policy)
    /// count; everything else (identities, credentials, anchors, positions, statuses) is
    /// ignored. A node's platform is properties.platform, else its member_of edge to a
    /// platform; a workload's node is properties.node, else its runs_on edge. A workload's
    /// selectors give ns (k8s:ns:), service account (k8s:sa:), image (k8s:container-image: or
    /// docker:image_id:, digest and tag dropped) and uid (unix:uid:). The agent trust domain is
    /// the one platforms are members of (else the first by name). Rules become policies from
    /// their properties. Every list comes back sorted (trust domains, platforms, subjects,
    /// policies by name), so two readings of one estate compare equal.
    [[nodiscard]] static Result<LabTopology> fromJson(const QJsonObject &graph);
    /// The same form, with only what fromJson() reads.
    QJsonObject toJson() const;
};

} // namespace ta::core
