// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>

namespace ta::core {

/// Moves rectangles apart, each as a block: the frames a canvas draws around each trust
/// domain's members, which sfdp places near each other but does not keep apart (it ignores
/// clusters), and the nodes outside every domain. Pure geometry, in the caller's coordinates.
class ClusterSeparation
{
public:
    /// The offset to add to each of @p frames (and to everything it frames) so that no two of
    /// them overlap and each pair is at least @p gap apart. A frame not @p movable keeps its
    /// place (a node outside every domain, a domain holding a node pinned by hand); two that may
    /// not move stay as they are. Each pair too close is pushed apart along the axis where the
    /// way out (to a gap apart) is shorter, by halves when both may move; the pushes are repeated
    /// until no pair is too close, or @p maxRounds have passed (then some may still be: see
    /// overlapping()).
    /// The same input gives the same offsets.
    static QList<QPointF> separate(const QList<QRectF> &frames, const QList<bool> &movable,
                                   double gap, int maxRounds = 1000);
    /// The pairs (i < j) of @p frames closer than @p gap, overlapping ones included, that may not
    /// both stay: at least one of them movable (all pairs when @p movable is empty).
    static QList<QPair<int, int>> overlapping(const QList<QRectF> &frames,
                                              const QList<bool> &movable, double gap);
};

} // namespace ta::core
