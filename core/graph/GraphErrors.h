// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/ErrorCode.h"

// The graph module (estate, layout, export): every error code it raises, declared once.
// X(constant, "code", "meaning"): the constant is ta::core::ec::<constant>. The table is header
// only, so core's ErrorCatalog lists it without linking this module (which sits above core).
#define TA_GRAPH_ERRORS(X)                                                                         \
    X(GraphBadFormat, "graph.bad_format", "This graph format is not known.")                       \
    X(GraphUnknownNode, "graph.unknown_node", "The graph has no such node.")                       \
    X(GraphUnknownTrustDomain, "graph.unknown_trust_domain",                                       \
      "The graph has no such trust domain.")                                                       \
    X(LayoutBadDot, "layout.bad_dot", "Graphviz could not read the graph.")                        \
    X(LayoutBadFormat, "layout.bad_format", "Graphviz cannot render this format.")                 \
    X(LayoutCancelled, "layout.cancelled", "The layout was cancelled.")                            \
    X(LayoutFailed, "layout.failed", "Graphviz could not lay out the graph.")                      \
    X(LayoutRenderFailed, "layout.render_failed", "Graphviz could not render the graph.")          \
    X(EstateCancelled, "estate.cancelled", "Building the estate was cancelled.")

namespace ta::core::ec {
TA_GRAPH_ERRORS(TA_ERROR_CODE_CONSTANT)
} // namespace ta::core::ec
