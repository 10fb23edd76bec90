// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/graph/GraphClass.h"

#include <QColor>
#include <QHash>
#include <QPainterPath>
#include <QPalette>
#include <QPen>
#include <QPixmap>
#include <QRegion>

QT_BEGIN_NAMESPACE
class QPainter;
class QWidget;
QT_END_NAMESPACE

namespace ta::views {

/// How the canvas draws each node type, edge type and status: a shape and an icon per node type,
/// a line style per edge type, and per status a colour plus a second cue (the outline's dash and
/// a badge glyph), so that status never rests on colour alone. Colours derive from the palette,
/// so a dark palette gets a dark canvas.
class GraphStyle
{
public:
    explicit GraphStyle(const QPalette &palette = {});

    bool isDark() const { return m_dark; }
    const QPalette &palette() const { return m_palette; }

    QColor background() const;
    QColor text() const;
    QColor nodeFill(core::NodeClass cls) const;
    QColor clusterFill() const;
    QColor clusterBorder() const;
    QColor highlight() const;
    QColor statusColor(core::GraphStatus status) const;
    /// The outline's pattern: solid when all is well, dashed when degraded, dotted when gone.
    static Qt::PenStyle statusPenStyle(core::GraphStatus status);
    /// A one-character badge: "✓" good, "!" warning or expiring, "~" stale, "✕" refused,
    /// expired or revoked; empty for none.
    static QString statusBadge(core::GraphStatus status);
    QPen edgePen(core::EdgeClass cls) const;
    /// Whether the edge type is drawn with an arrowhead (member_of is not).
    static bool edgeDirected(core::EdgeClass cls);
    /// What @p painter paints, in its logical coordinates: its clip (an item cache's exposed
    /// part), else the region of the GraphView frame that @p widget (its viewport) paints; empty
    /// when unknown. A pan exposes an L of two strips whose bounding rectangle (an item's
    /// exposedRect) is the whole view: items that draw long lines paint strip by strip.
    static QRegion paintedRegion(const QPainter *painter, const QWidget *widget);

    /// The outline of a node of @p cls inscribed in @p rect.
    static QPainterPath nodeShape(core::NodeClass cls, const QRectF &rect);
    /// The type's SVG icon, tinted for the palette, @p px pixels square (cached).
    QPixmap icon(core::NodeClass cls, int px) const;
    static QString iconPath(core::NodeClass cls);

    /// Translated names, for the legend and the filters.
    static QString nodeClassText(core::NodeClass cls);
    static QString edgeClassText(core::EdgeClass cls);
    static QString statusText(core::GraphStatus status);

private:
    QPalette m_palette;
    bool m_dark = false;
    mutable QHash<QString, QPixmap> m_icons;
};

} // namespace ta::views
