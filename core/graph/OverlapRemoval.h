// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>

namespace ta::core {

/// The end of an overlap removal: sfdp's (Graphviz's prism) takes most of its time over the last
/// few hundred overlapping pairs (on a 10,030-node estate, 20 attempts left 808 pairs in 4.5 s;
/// the 1,000 attempts that remove them all took 36 s, and 22 to 68 s from run to run). This
/// pushes the pairs left apart in milliseconds.
class OverlapRemoval
{
public:
    /// Rounds of pushes apart() makes before what is left goes to the nearest free room.
    static constexpr int kRounds = 1000;

    /// What apart() did.
    struct Report
    {
        /// Rounds of pushes made.
        int rounds = 0;
        /// Boxes pushed, and boxes sent to the nearest free room after the rounds.
        int pushed = 0;
        int placed = 0;
    };

    /// The centres of @p boxes (in any y direction) moved so that no two boxes overlap. Round
    /// after round, each pair that overlaps pushes its two boxes apart along the line between
    /// their centres until FreeRoom::kMargin points lie between them (the pushes of a round
    /// summed, then made), and the boxes moved are checked again; a box no push reaches stays.
    /// After @p rounds rounds, a box still on another goes to the nearest free room round its
    /// centre (the first of such boxes, in their order, stays). The same boxes give the same
    /// centres every time; @p report, when given, is told what was done. A round costs in
    /// proportion to the pairs it finds: meant for the few a short prism leaves (15 ms on a
    /// 10,030-node estate), not for piles (n boxes on one spot are n² / 2 pairs).
    static QList<QPointF> apart(const QList<QRectF> &boxes, int rounds = kRounds,
                                Report *report = nullptr);
    /// The pairs of @p boxes that overlap (a positive area in common), each as (i, j), i < j.
    static QList<QPair<int, int>> overlapping(const QList<QRectF> &boxes);
};

} // namespace ta::core
