// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/simulation/TimelineReplay.h"
#include "core/store/Workspace.h"
#include "models/Document.h"

#include <QTest>

namespace ta::tests {

/// Holds @p document's timeline results as if a view were verifying them: once no replay
/// computes them, claims them in the document's cache and drops what it kept. Every replay of
/// the timeline through the cache then waits until the returned key is released
/// (ReplayResultCache::release). Empty when that could not be done (the test has failed).
inline QByteArray holdTimelineResults(models::Document &document)
{
    auto ws = core::Workspace::open(document.workspace().path(), {});
    if (!ws)
        return {};
    auto replay = core::TimelineReplay::fromWorkspace(**ws, core::TimelineReplay::Options());
    // Set up as the document sets up its views' replays: the same key.
    if (!replay || !document.replayTimeline(*replay))
        return {};
    const QByteArray key = replay->cacheKey();
    const auto cache = document.replayResults();
    if (!QTest::qWaitFor([&] { return cache->claim(key); }, 30000))
        return {};
    cache->clear();
    return key;
}

} // namespace ta::tests
