// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/graph/Estate.h"
#include "core/store/Workspace.h"

namespace ta::core {

/// Adds a workspace's federation relationships to an estate: each relationship is a link from
/// its trust domain to the peer (merged with the rule-made link of the same pair), with its
/// profile, endpoint, last fetch, the sequence held against the peer's current one (when the
/// peer is in the workspace) and the authorities held that the peer revoked.
class FederationEstateLoader
{
public:
    [[nodiscard]] static Result<void> load(Workspace &workspace, Estate &estate);
};

} // namespace ta::core
