// SPDX-License-Identifier: Apache-2.0
#include "views/GraphClusterItem.h"

#include "views/GraphEdgeItem.h"
#include "views/GraphNodeItem.h"
#include "views/GraphStyle.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace ta::views {

namespace {
constexpr double kMargin = 24;
constexpr double kTitle = 22;
} // namespace

GraphClusterItem::GraphClusterItem(const QString &trustDomain, const GraphStyle *style)
    : m_trustDomain(trustDomain), m_style(style)
{
    setZValue(-1);
    setAcceptedMouseButtons(Qt::LeftButton);
    setToolTip(QCoreApplication::translate("GraphClusterItem",
                                           "Trust domain %1: double-click to collapse or expand")
                   .arg(trustDomain));
}

void GraphClusterItem::addMember(GraphNodeItem *node)
{
    m_members << node;
    node->setCluster(this);
}

void GraphClusterItem::adjust()
{
    QRectF r;
    for (const GraphNodeItem *n : std::as_const(m_members))
        r |= n->nodeRect().translated(n->pos());
    prepareGeometryChange();
    m_frame = r.marginsAdded(frameMargins());
}

QMarginsF GraphClusterItem::frameMargins()
{
    return {kMargin, kMargin + kTitle, kMargin, kMargin};
}

QRectF GraphClusterItem::collapsedRect() const
{
    const QPointF c = m_frame.center();
    return QRectF(c.x() - 90, c.y() - 36, 180, 72);
}

QRectF GraphClusterItem::boundingRect() const
{
    return (m_collapsed ? collapsedRect() : m_frame).adjusted(-3, -3, 3, 3);
}

void GraphClusterItem::setCollapsed(bool collapsed)
{
    if (collapsed == m_collapsed)
        return;
    prepareGeometryChange();
    m_collapsed = collapsed;
    setZValue(collapsed ? 2 : -1);
    for (GraphNodeItem *n : std::as_const(m_members))
        n->setVisible(!collapsed && !n->isFilteredOut());
    for (GraphNodeItem *n : std::as_const(m_members)) {
        for (GraphEdgeItem *e : n->edges())
            e->adjust();
    }
    update();
}

void GraphClusterItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.5);
    QFont font = painter->font();
    if (m_collapsed) {
        const QRectF r = collapsedRect();
        painter->setPen(QPen(m_style->clusterBorder(), 2.5));
        QColor fill = m_style->nodeFill(core::NodeClass::TrustDomain);
        painter->setBrush(fill);
        painter->drawRoundedRect(r, 8, 8);
        // Two stacked edges behind: this box stands for many.
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(r.adjusted(4, 4, 4, 4), 8, 8);
        font.setPixelSize(13);
        font.setBold(true);
        painter->setFont(font);
        painter->setPen(QColor(20, 20, 24));
        painter->drawText(r.adjusted(8, 6, -8, -r.height() / 2), Qt::AlignCenter, m_trustDomain);
        font.setBold(false);
        font.setPixelSize(11);
        painter->setFont(font);
        painter->drawText(r.adjusted(8, r.height() / 2, -8, -6), Qt::AlignCenter,
                          QCoreApplication::translate("GraphClusterItem", "%n node(s)", nullptr,
                                                      int(m_members.size())));
        return;
    }
    QPen pen(m_style->clusterBorder(), 1.5);
    pen.setCosmetic(lod < 0.3);
    painter->setPen(pen);
    painter->setBrush(m_style->clusterFill());
    painter->drawRoundedRect(m_frame, 12, 12);
    // Far away the title grows so that it stays legible, up to a limit (the minimap).
    font.setPixelSize(lod < 0.3 ? int(14 / std::max(lod, 0.3)) : 14);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(m_style->text());
    const QRectF titleRect = m_frame.adjusted(12, 4, -12, 0);
    painter->drawText(
        titleRect, Qt::AlignTop | Qt::AlignLeft,
        title(QFontMetricsF(font), titleRect.width(), m_trustDomain, int(m_members.size())));
}

QString GraphClusterItem::title(const QFontMetricsF &metrics, double width,
                                const QString &trustDomain, int members)
{
    const QString full =
        QCoreApplication::translate("GraphClusterItem", "%1 (%n node(s))", nullptr, members)
            .arg(trustDomain);
    if (metrics.horizontalAdvance(full) <= width)
        return full;
    // The name matters more than the count; cut, it ends in an ellipsis, never mid-word unseen.
    return metrics.elidedText(trustDomain, Qt::ElideRight, width);
}

void GraphClusterItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *)
{
    setCollapsed(!m_collapsed);
    if (m_toggledByHand)
        m_toggledByHand();
}

} // namespace ta::views
