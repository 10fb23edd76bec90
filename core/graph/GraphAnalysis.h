// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/TopologyGraph.h"

#include <QJsonObject>
#include <QStringList>

namespace ta::core {

/// Whether workloads of one trust domain are accepted by another.
struct ReachResult
{
    QString from;
    QString to;
    /// @c to holds @c from's bundle (a federates_with edge to -> from).
    bool reachable = false;
    /// The rules of @c to whose federates-with lists name @c from.
    QStringList rules;
    /// Workloads of @c from (whose SVIDs @c to accepts when reachable).
    QStringList workloads;
    /// Workloads of @c to holding an identity of those rules: the ones that accept them.
    QStringList acceptedBy;
    /// The reverse relation holds too (@c from accepts @c to).
    bool mutual = false;
    /// fed: @c to has a relationship with @c from and holds @c from's current bundle. When the
    /// workspace keeps relationships (bundle_checked), reachable needs it besides a rule.
    bool bundleHeld = false;
    bool bundleChecked = false;
    QJsonObject toJson() const;
};

/// Everything that depends on one node.
struct BlastRadius
{
    QString root;
    /// Dependent node IDs by class name ("node", "workload", "credential", "identity", ...).
    QMap<QString, QStringList> affected;
    qsizetype total() const;
    QJsonObject toJson() const;
};

/// A path between two nodes, with the edges that make it.
struct GraphPath
{
    QStringList nodes;
    /// Edge classes along the path, one fewer than nodes; "<-" marks an edge walked backwards.
    QStringList edges;
    bool found() const { return !nodes.isEmpty(); }
    QJsonObject toJson() const;
};

/// A finding about the estate at the graph's instant.
struct GraphFinding
{
    /// multiple_identities, weak_attestor, one_way_federation, long_ttl, ca_near_expiry,
    /// stale_evidence, rule_grants_nothing, shadowed_rule; fed: stale_federated_bundle,
    /// revoked_authority_held, web_endpoint_unpinned, unknown_federation_peer.
    QString kind;
    /// "high", "medium" or "low".
    QString severity;
    /// The node (or, for federation, "FROM->TO") it is about.
    QString subject;
    /// Codes and values explaining it (identities, ttl, not_after...).
    QJsonObject detail;
    QJsonObject toJson() const;
};

/// Thresholds of the findings.
struct FindingOptions
{
    /// X.509 SVID TTLs above this are long (seconds).
    qint64 longX509Ttl = 86400;
    /// JWT-SVID TTLs above this are long.
    qint64 longJwtTtl = 3600;
    /// An active authority expiring within this with no prepared successor is a finding.
    qint64 caWarning = 14 * 86400;
};

/// Questions asked of a TopologyGraph: who can reach whom through federation, the blast radius
/// of an authority, anchor or node, the path between two nodes, and the estate's findings.
class GraphAnalysis
{
public:
    /// Trust domains are named without the "td/" prefix.
    static ReachResult reach(const TopologyGraph &graph, const QString &fromTd,
                             const QString &toTd);
    /// Nodes that depend on @p id: subjects attested by an anchor, workloads on a node,
    /// credentials held by those subjects or issued by an authority, nodes of a platform,
    /// identities a rule grants and credentials of those identities. Empty root when @p id is
    /// unknown.
    static BlastRadius blastRadius(const TopologyGraph &graph, const QString &id);
    /// The shortest path between @p from and @p to, walking edges either way.
    static GraphPath path(const TopologyGraph &graph, const QString &from, const QString &to);
    static QList<GraphFinding> findings(const TopologyGraph &graph,
                                        const FindingOptions &options = {});
    /// The shadowed_rule findings: a grant that never takes effect as written because another
    /// rule always matches where it does. Checked from the rules' text, without evidence: a
    /// policy's condition is read as its top-level `&&` conjuncts, and policy B matches
    /// wherever policy A does when B's conjuncts are a subset of A's (same trust domain). A
    /// grant is shadowed by such a deny without a template or with the grant's own
    /// (detail.reason "denied", medium), or redundant beside such a grant of the same template
    /// (reason "redundant", low; of two with the same condition, the later one). A registration
    /// entry is redundant beside an entry of the same parent and SPIFFE ID whose selectors are
    /// a subset of its own. detail.by names the shadowing rule. Conditions that imply one
    /// another only semantically (x > 2 and x > 1) are not found.
    static QList<GraphFinding> shadowedRules(const TopologyGraph &graph);
};

} // namespace ta::core
