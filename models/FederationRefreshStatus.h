// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/federation/FederationStore.h"

#include <QDateTime>

#include <optional>

namespace ta::models {

/// Where the background refresh of one relationship stands. Held in memory only: a failed fetch
/// stores nothing in the workspace, so its error lives as long as the open document.
struct FederationRefreshStatus
{
    enum class State {
        /// No fetch was tried since the document opened.
        Idle,
        Fetching,
        /// The last fetch stored a newer bundle, or found the held one unchanged.
        Succeeded,
        /// The last fetch failed or its bundle was refused; the held bundle stays.
        Failed,
    };

    State state = State::Idle;
    /// When the last fetch began.
    QDateTime lastAttempt;
    /// When the next fetch is due; invalid when automatic refresh is off.
    QDateTime nextFetch;
    /// What storing did (Succeeded).
    std::optional<core::BundleUpdate> outcome;
    /// Why nothing was stored (Failed).
    std::optional<core::Error> error;
    /// Fetches that failed in a row: the retry waits longer after each.
    int failures = 0;
};

} // namespace ta::models
