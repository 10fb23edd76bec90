// SPDX-License-Identifier: Apache-2.0
#include "views/GraphEdgeItem.h"

#include "views/GraphClusterItem.h"
#include "views/GraphDetailTile.h"
#include "views/GraphNodeItem.h"
#include "views/GraphStyle.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>

namespace ta::views {

namespace {

// Where the segment from the centre of @p rect to @p outside leaves the rectangle.
QPointF exitPoint(const QRectF &rect, const QPointF &outside)
{
    const QPointF c = rect.center();
    const QPointF d = outside - c;
    if (d.isNull())
        return c;
    const double sx = d.x() != 0 ? (rect.width() / 2) / std::abs(d.x()) : 1e9;
    const double sy = d.y() != 0 ? (rect.height() / 2) / std::abs(d.y()) : 1e9;
    const double s = std::min({sx, sy, 1.0});
    return c + d * s;
}

// The rectangle an edge end attaches to: the node, or its collapsed cluster's box.
QRectF endRect(const GraphNodeItem *node)
{
    if (GraphClusterItem *cluster = node->cluster(); cluster && cluster->isCollapsed())
        return cluster->collapsedRect();
    return node->nodeRect().translated(node->pos());
}

// @p line cut to @p rect (Liang-Barsky); null when it misses. A dashed pen is stroked along
// the whole line however little of it shows, so long edges are cut to the exposed part first.
QLineF clipped(const QLineF &line, const QRectF &rect)
{
    double t0 = 0;
    double t1 = 1;
    const double dx = line.dx();
    const double dy = line.dy();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {line.x1() - rect.left(), rect.right() - line.x1(), line.y1() - rect.top(),
                         rect.bottom() - line.y1()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return {};
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return {};
    }
    return QLineF(line.pointAt(t0), line.pointAt(t1));
}

// The dash offset at which a one-pixel cosmetic pen stroking @p part, a piece of @p line from the
// same start, goes on with the pattern as stroking the whole line would. Qt's line drawer for
// such pens (QCosmeticStroker, Qt 6) counts the pattern in steps of the line's major axis, in
// device pixels from the pixel it starts at (square caps: the start's F26.6 coordinate, its
// pixel rounded down going forward, up going back); antialiased, from the exact start (where a
// slanted line cut in parts still differs in its edge pixels' coverage, whatever the offset).
// Counted along the line, as a path stroker counts, a slanted edge's dashes jumped at each seam
// of the strips a pan paints: by 15 % of the distance at 30 degrees.
double cosmeticDashOffset(const QLineF &line, const QLineF &part, const QTransform &toDevice,
                          bool antialiased)
{
    const auto f26dot6 = [](double v) { return int(v * 64); };
    const QLineF device = toDevice.map(line);
    const bool horizontal = std::abs(f26dot6(device.x2()) - f26dot6(device.x1())) >=
                            std::abs(f26dot6(device.y2()) - f26dot6(device.y1()));
    const auto major = [&](QPointF p) {
        const QPointF d = toDevice.map(p);
        return f26dot6(horizontal ? d.x() : d.y());
    };
    const int whole = major(line.p1());
    const int piece = major(part.p1());
    if (antialiased)
        return std::abs(piece - whole) / 64.0;
    const bool forward = horizontal ? f26dot6(device.x1()) <= f26dot6(device.x2())
                                    : f26dot6(device.y1()) <= f26dot6(device.y2());
    return forward ? (piece >> 6) - (whole >> 6) : ((whole + 64) >> 6) - ((piece + 64) >> 6);
}

} // namespace

GraphEdgeItem::GraphEdgeItem(GraphNodeItem *from, GraphNodeItem *to, core::EdgeClass cls,
                             const GraphStyle *style)
    : m_from(from), m_to(to), m_cls(cls), m_style(style)
{
    setZValue(0);
    setAcceptedMouseButtons(Qt::NoButton);
    setFlag(ItemUsesExtendedStyleOption);
    from->addEdge(this);
    to->addEdge(this);
    adjust();
}

void GraphEdgeItem::adjust()
{
    const QRectF a = endRect(m_from);
    const QRectF b = endRect(m_to);
    const auto *ca = m_from->cluster();
    const auto *cb = m_to->cluster();
    const bool sameCollapsed = ca && ca == cb && ca->isCollapsed();
    // Membership is what the trust domain's cluster shows; a line from every member to the
    // domain's node would cross the whole cluster many times over. It shows when highlighted.
    const bool membership = m_cls == core::EdgeClass::MemberOf && !m_highlighted;
    const bool hidden =
        m_from->isFilteredOut() || m_to->isFilteredOut() || sameCollapsed || membership;
    setVisible(!hidden);
    prepareGeometryChange();
    m_line = QLineF(exitPoint(a, b.center()), exitPoint(b, a.center()));
    GraphDetailTile::childChanged(this);
}

void GraphEdgeItem::setHighlighted(bool on)
{
    if (on == m_highlighted)
        return;
    m_highlighted = on;
    setZValue(on ? 0.5 : 0);
    if (m_cls == core::EdgeClass::MemberOf)
        adjust();
    update();
}

QRectF GraphEdgeItem::boundingRect() const
{
    const double extra = 8;
    return QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-extra, -extra, extra, extra);
}

void GraphEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
                          QWidget *widget)
{
    if (m_line.length() < 1)
        return;
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    QPen pen = m_style->edgePen(m_cls);
    if (m_highlighted) {
        pen.setColor(m_style->highlight());
        pen.setWidthF(pen.widthF() + 2.5);
    }
    if (lod < 0.3) {
        // Far away a dash pattern is noise and costs; the colour still tells the type.
        pen.setStyle(Qt::SolidLine);
        pen.setCosmetic(true);
        pen.setWidthF(m_cls == core::EdgeClass::FederatesWith || m_highlighted ? 2 : 0);
        painter->setPen(pen);
        painter->drawLine(m_line);
        return;
    }
    // A pan exposes an L of two strips, and exposedRect is their bounding rectangle: the whole
    // view. The line is cut to each strip, so that a frame strokes the pixels it shows only.
    const QRegion clip = GraphStyle::paintedRegion(painter, widget);
    QVarLengthArray<QRectF, 4> strips;
    if (clip.rectCount() <= 1) {
        strips.append(option->exposedRect);
    } else {
        for (const QRect &r : clip)
            strips.append(QRectF(r));
    }
    // Antialiased lines only when zoomed in past 1:1: at 1:1 they were 40 % of a frame's time.
    painter->setRenderHint(QPainter::Antialiasing, lod > 1.2);
    QPen stroke = pen;
    // Length along the line per dash unit of a pen stroked as a path: its width.
    const double unit = std::max(pen.widthF(), 1e-3);
    const bool cosmetic = pen.widthF() * lod <= 1.5;
    if (cosmetic) {
        // A line at most about a pixel wide: a cosmetic pen of one pixel is stroked by the
        // raster engine's fast line drawer (dashes included), not as a dashed outline filled
        // as a path, which cost most of a frame at 1:1.
        stroke.setCosmetic(true);
        stroke.setWidthF(1);
    }
    painter->save();
    for (const QRectF &strip : std::as_const(strips)) {
        const QLineF part = clipped(m_line, strip.adjusted(-2, -2, 2, 2));
        if (part.isNull())
            continue;
        // Each strip is set as the clip rectangle, although the line is already cut to it:
        // under a rectangle clip the raster engine's line drawer fills its spans directly,
        // where with none it clips every span to the device again (2.5 times the time of a
        // frame at 1:1, measured). The strips lie within any clip the painter had.
        painter->setClipRect(strip);
        if (stroke.style() != Qt::SolidLine) {
            // The pattern goes on from the line's start, so strips painted apart meet. A pen
            // stroked as a path counts it along the line; the one-pixel line drawer otherwise.
            stroke.setDashOffset(
                cosmetic ? cosmeticDashOffset(m_line, part, painter->transform(), lod > 1.2)
                         : QLineF(m_line.p1(), part.p1()).length() / unit);
        }
        painter->setPen(stroke);
        painter->drawLine(part);
    }
    painter->restore();
    if (!option->exposedRect.adjusted(-20, -20, 20, 20).contains(m_line.p2()))
        return;
    if (!GraphStyle::edgeDirected(m_cls))
        return;
    const double size = 6 + pen.widthF() * 1.5;
    const double angle = std::atan2(-m_line.dy(), m_line.dx());
    const QPointF tip = m_line.p2();
    const QPointF p1 =
        tip - QPointF(std::sin(angle + M_PI / 3) * size, std::cos(angle + M_PI / 3) * size);
    const QPointF p2 = tip - QPointF(std::sin(angle + M_PI - M_PI / 3) * size,
                                     std::cos(angle + M_PI - M_PI / 3) * size);
    painter->setPen(Qt::NoPen);
    painter->setBrush(pen.color());
    painter->drawPolygon(QPolygonF{tip, p1, p2});
}

} // namespace ta::views
