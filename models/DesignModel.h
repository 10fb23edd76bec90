// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/lab/LabTopology.h"

#include <QObject>
#include <QPointer>

namespace ta::models {

class Document;

/// The workspace's design (the estate TopologyLab::generate turns into anchors and evidence),
/// edited on the canvas. Every edit is one step on the document's undo stack that restores
/// exactly the design recorded before:
/// - a trust domain added to the design is created in the workspace too (a CA dated a month
///   back, so that evidence generated into the past meets valid agent SVIDs) when it does not
///   exist; removed, it leaves the design only (Trust Domain > Delete removes its CA, which may
///   have issued credentials meanwhile);
/// - platforms, nodes and workloads live in the design alone (drawn as planned until evidence
///   shows them); removing one removes what runs on it;
/// - a federation relationship is a real one of the workspace (Document::addFederation), with a
///   default bundle endpoint to edit later in the Federation dock: the graph, the reach analysis
///   and the one-way findings read relationships, and `federation export` writes them.
/// Names are checked as SPIFFE wants them, selectors as SPIRE writes them (type:key:value).
class DesignModel : public QObject
{
    Q_OBJECT

public:
    /// What a platform is.
    enum class PlatformKind { Kubernetes, Aws, Gcp, Tpm };
    Q_ENUM(PlatformKind)

    explicit DesignModel(Document *document, QObject *parent = nullptr);

    /// The design as recorded (an empty one when the workspace holds none).
    const core::LabTopology &design() const { return m_design; }
    /// The trust domain platforms go to: the design's agent trust domain, else empty.
    QString platformTrustDomain() const;
    /// The workspace's trust domains, by name: what platforms and federation can name.
    QStringList trustDomainChoices() const;

    [[nodiscard]] core::Result<void> addTrustDomain(const QString &name);
    [[nodiscard]] core::Result<void> removeTrustDomain(const QString &name);
    /// Adds a platform; @p trustDomain names the design's agent trust domain when the design has
    /// no platform yet (a workspace trust domain; empty: the design's first).
    [[nodiscard]] core::Result<void> addPlatform(const QString &key,
                                                 const QString &trustDomain = {});
    /// Removes a platform with its nodes and their workloads.
    [[nodiscard]] core::Result<void> removePlatform(const QString &key);
    /// Adds node "node/NAME" on @p platform.
    [[nodiscard]] core::Result<void> addNode(const QString &name, const QString &platform);
    /// Removes a node with its workloads.
    [[nodiscard]] core::Result<void> removeNode(const QString &subject);
    /// Adds workload "workload/NAME" on @p node with @p selectors (type:key:value).
    [[nodiscard]] core::Result<void> addWorkload(const QString &name, const QString &node,
                                                 const QStringList &selectors);
    [[nodiscard]] core::Result<void> removeWorkload(const QString &subject);
    /// Federates @p from with @p to (from holds to's bundle), and @p to with @p from too when
    /// @p bothWays; a direction that exists already is kept. One undo step.
    [[nodiscard]] core::Result<void> federate(const QString &from, const QString &to,
                                              bool bothWays);

    /// The platform key of a kind and name: "k8s:CLUSTER", "aws:ACCOUNT" (12 digits),
    /// "gcp:PROJECT" (Google's project ID form), "tpm" (no name). Error lab.bad_settings.
    [[nodiscard]] static core::Result<QString> platformKey(PlatformKind kind, const QString &name);
    /// Checks a node or workload name: a SPIFFE path segment (letters, digits, '.', '-', '_';
    /// not "." or ".."). Error lab.bad_settings.
    [[nodiscard]] static core::Result<void> checkSubjectName(const QString &name);
    /// Reads selectors as SPIRE writes them into a designed workload: k8s:ns:, k8s:sa: and
    /// k8s:container-image: on a Kubernetes node; docker:image_id: and unix:uid: elsewhere.
    /// Anything else, or a selector not of the form type:key:value, is refused.
    [[nodiscard]] static core::Result<core::LabTopology::Workload>
    workloadFromSelectors(const QString &subject, const QString &node, bool kubernetes,
                          const QStringList &selectors);

Q_SIGNALS:
    /// The design was edited, undone, redone or generated.
    void designChanged();

private:
    void reload();
    /// Records @p next as the design, as one undo step named @p text.
    [[nodiscard]] core::Result<void> commit(const QString &text, core::LabTopology next);

    QPointer<Document> m_document;
    core::LabTopology m_design;
};

} // namespace ta::models
