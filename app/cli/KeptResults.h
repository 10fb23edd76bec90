// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/simulation/StoredReplayResults.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/Workspace.h"

#include <QCommandLineParser>

#include <memory>

namespace ta::cli {

/// --verify-all, for the verbs that replay the workspace's records (simulate, what-if, explain).
void addVerifyAllOption(QCommandLineParser &parser);

/// Unless --verify-all: the attestation results of the workspace's records are read from the
/// workspace when this user's earlier run kept them there (sealed with their key), and kept
/// there otherwise. Without a key (a home folder that cannot be written) every signature is
/// verified. Returns what keeps them, or null. With @p work, the replay (and its copies) count
/// what they read and kept there.
std::shared_ptr<core::StoredReplayResults>
keepResults(const QCommandLineParser &parser, core::TimelineReplay &replay,
            core::Workspace &workspace,
            std::shared_ptr<core::TimelineReplay::StoredWork> work = {});

/// The same for a replay that may run on another thread (`report`): what reads and keeps the
/// results, over a connection of its own to @p workspace's file, or null.
std::shared_ptr<core::StoredReplayResults> openKeptResults(const QCommandLineParser &parser,
                                                           const core::Workspace &workspace);

/// On a terminal, after the replay: that the results came from the workspace (a user who
/// wonders why a run took a second rather than a minute learns that nothing was verified again,
/// and how to ask for it), or why they could not be kept there.
void tellWhereResultsCameFrom(const core::TimelineReplay &replay,
                              const std::shared_ptr<core::StoredReplayResults> &stored);
/// The same from what the replays through @p stored did.
void tellWhereResultsCameFrom(const core::TimelineReplay::StoredWork &work,
                              const std::shared_ptr<core::StoredReplayResults> &stored);

} // namespace ta::cli
