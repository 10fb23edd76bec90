// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/Estate.h"
#include "core/graph/GraphBuildCache.h"
#include "core/graph/GraphStateInput.h"
#include "core/graph/TopologyGraph.h"

namespace ta::core {

/// How GraphBuilder draws the estate.
struct GraphBuildOptions
{
    /// The instant statuses describe; invalid: the end of time (everything recorded so far).
    QDateTime at;
    /// A credential is expiring when less than this share of its lifetime is left.
    double expiringShare = 0.2;
};

/// Builds the typed topology graph of an Estate at one instant. Pure and fast (a 10,000-node
/// estate in tens of milliseconds). After an edit, a build given the previous build's
/// GraphBuildCache makes only the changed items' nodes anew and keeps the others'.
///
/// Statuses: a subject is refused when its last record by then was refused (or an anchor it
/// rested on was revoked since), stale when its last accepted record is older than the
/// estate's freshness (as the simulation's attestation lapses), warning or attested otherwise. A
/// credential is revoked (its record, or its authority), expired, expiring or valid. A designed
/// subject (EstateSubject::planned) with no evidence at all is planned, on its platform or node.
/// With a GraphStateInput, the simulation's attested subjects and live credentials decide
/// instead of the builder's own reading of the evidence.
class GraphBuilder
{
public:
    /// With @p cache, the nodes whose inputs are unchanged since the build that last used it
    /// keep their content; the graph is the same as without.
    static TopologyGraph build(const Estate &estate, const GraphBuildOptions &options = {},
                               const GraphStateInput *state = nullptr,
                               GraphBuildCache *cache = nullptr);
};

} // namespace ta::core
