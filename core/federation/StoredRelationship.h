// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/federation/FederationRelationship.h"
#include "core/federation/FetchedBundle.h"

#include <QList>

namespace ta::core {

/// A relationship as the workspace holds it, with every peer bundle fetched for it: what removing
/// it takes away and what restoring it puts back, under the same row IDs and times.
struct StoredRelationship
{
    FederationRelationship relationship;
    /// Oldest first.
    QList<FetchedBundle> bundles;
};

} // namespace ta::core
