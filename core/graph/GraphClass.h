// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace ta::core {

/// The type of a topology node, as DESIGN.md's `graph export` contract names it.
enum class NodeClass {
    TrustDomain,
    Authority,
    Platform,
    Anchor,
    Node,
    Workload,
    Identity,
    Credential,
    Rule
};

/// The type of a topology edge.
enum class EdgeClass {
    FederatesWith,
    AttestedBy,
    RunsOn,
    Grants,
    Holds,
    Identifies,
    IssuedBy,
    MemberOf
};

/// A node's or edge's state at the instant the graph shows. Subjects (nodes, workloads) are
/// attested, warning, refused or stale, or planned (designed, no evidence shows them yet);
/// credentials valid, expiring, expired or revoked; the rest have none.
enum class GraphStatus {
    None,
    Attested,
    Warning,
    Refused,
    Stale,
    Valid,
    Expiring,
    Expired,
    Revoked,
    Planned
};

/// "trust_domain", "authority", "platform", "anchor", "node", "workload", "identity",
/// "credential", "rule".
QString nodeClassName(NodeClass cls);
std::optional<NodeClass> nodeClassFromName(QStringView name);
/// "federates_with", "attested_by", "runs_on", "grants", "holds", "identifies", "issued_by",
/// "member_of".
QString edgeClassName(EdgeClass cls);
std::optional<EdgeClass> edgeClassFromName(QStringView name);
/// "attested", ..., "revoked"; empty for None.
QString graphStatusName(GraphStatus status);

inline constexpr int kNodeClassCount = 9;
inline constexpr int kEdgeClassCount = 8;

} // namespace ta::core
