// SPDX-License-Identifier: Apache-2.0
#include "views/GraphNodeItem.h"

#include "views/GraphClusterItem.h"
#include "views/GraphDetailTile.h"
#include "views/GraphEdgeItem.h"
#include "views/GraphStyle.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace ta::views {

namespace {

// Below this scale a node is a plain coloured shape; labels fade in between the two.
constexpr double kLodShapeOnly = 0.3;
constexpr double kLodFull = 0.7;

} // namespace

GraphNodeItem::GraphNodeItem(int index, const core::GraphNode &node, const GraphStyle *style,
                             QSizeF size)
    : m_index(index), m_id(node.id), m_cls(node.cls), m_status(node.status), m_label(node.label),
      m_trustDomain(node.trustDomain), m_style(style)
{
    QStringList parts{node.id, node.label};
    for (const char *key : {"spiffe_id", "subject", "serial", "name", "agent_id"}) {
        const QString v = node.properties.value(QLatin1String(key)).toString();
        if (!v.isEmpty())
            parts << v;
    }
    m_search = parts.join(QLatin1Char('\n'));
    const double w = std::max(size.width(), 56.0);
    const double h = std::max(size.height(), 30.0);
    m_rect = QRectF(-w / 2, -h / 2, w, h);
    m_path = GraphStyle::nodeShape(m_cls, m_rect);
    QFont font;
    font.setPixelSize(10);
    const double iconSize = std::min(18.0, m_rect.height() - 8);
    m_labelText.setText(QFontMetrics(font).elidedText(m_label, Qt::ElideMiddle,
                                                      int(m_rect.width() - iconSize - 18)));
    m_labelText.setTextFormat(Qt::PlainText);
    m_labelText.prepare(QTransform(), font);
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges | ItemIsFocusable);
    setZValue(1);
    // Panning then blits a pixmap a node instead of stroking its outline, icon and label again
    // every frame; the pixmap is painted anew when the zoom (so the level of detail) changes.
    setCacheMode(DeviceCoordinateCache);
    setToolTip(QStringLiteral("%1\n%2").arg(GraphStyle::nodeClassText(m_cls), node.id) +
               (m_status == core::GraphStatus::None
                    ? QString()
                    : QStringLiteral("\n") + GraphStyle::statusText(m_status)));
}

QRectF GraphNodeItem::boundingRect() const
{
    // Room for the halo, the tabs of a rule and the badges on the corners.
    return m_rect.adjusted(-10, -10, 10, 10);
}

QPainterPath GraphNodeItem::shape() const
{
    QPainterPath p;
    p.addRect(m_rect);
    return p;
}

void GraphNodeItem::setStatus(core::GraphStatus status)
{
    if (status == m_status)
        return;
    m_status = status;
    update();
}

void GraphNodeItem::setFindingCount(int count)
{
    if (count == m_findings)
        return;
    m_findings = count;
    update();
}

void GraphNodeItem::setHighlighted(bool on)
{
    if (on == m_highlighted)
        return;
    m_highlighted = on;
    update();
}

void GraphNodeItem::setPinned(bool on)
{
    if (on == m_pinned)
        return;
    m_pinned = on;
    update();
}

void GraphNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QColor statusColor = m_style->statusColor(m_status);
    const bool selected = isSelected();
    if (lod < kLodShapeOnly) {
        // Far away: a coloured block, the status as its border colour; nothing that costs.
        painter->setPen(selected || m_highlighted ? QPen(m_style->highlight(), 4 / lod)
                                                  : QPen(statusColor, 2));
        painter->setBrush(m_style->nodeFill(m_cls));
        if (m_cls == core::NodeClass::Workload)
            painter->drawEllipse(m_rect);
        else
            painter->drawRect(m_rect);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.5);
    if (selected || m_highlighted) {
        QPen halo(selected ? m_style->palette().color(QPalette::Highlight) : m_style->highlight(),
                  6);
        halo.setJoinStyle(Qt::RoundJoin);
        painter->setPen(halo);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(m_path);
    }
    QPen outline(statusColor, m_status == core::GraphStatus::None ? 1.2 : 2.2);
    outline.setStyle(GraphStyle::statusPenStyle(m_status));
    painter->setPen(outline);
    painter->setBrush(m_style->nodeFill(m_cls));
    painter->drawPath(m_path);

    const double fade = std::clamp((lod - kLodShapeOnly) / (kLodFull - kLodShapeOnly), 0.0, 1.0);
    painter->setOpacity(fade);
    const double iconSize = std::min(18.0, m_rect.height() - 8);
    const QRectF iconRect(m_rect.left() + 8, m_rect.center().y() - iconSize / 2, iconSize,
                          iconSize);
    painter->drawPixmap(iconRect, m_style->icon(m_cls, 36), QRectF(0, 0, 36, 36));
    if (fade > 0.05) {
        static const QFont font = [] {
            QFont f;
            f.setPixelSize(10);
            return f;
        }();
        painter->setFont(font);
        // The fills are pale in both palettes' node colours: dark text reads on both.
        painter->setPen(QColor(20, 20, 24));
        const QSizeF size = m_labelText.size();
        painter->drawStaticText(
            QPointF(m_rect.left() + iconSize + 12, m_rect.center().y() - size.height() / 2),
            m_labelText);
    }
    painter->setOpacity(1);

    // The status badge, top right: the second cue beside the outline's colour and dash.
    const QString badge = GraphStyle::statusBadge(m_status);
    static const QFont badgeFont = [] {
        QFont f;
        f.setPixelSize(9);
        f.setBold(true);
        return f;
    }();
    painter->setFont(badgeFont);
    if (!badge.isEmpty()) {
        const QRectF b(m_rect.right() - 7, m_rect.top() - 7, 14, 14);
        painter->setPen(QPen(m_style->background(), 1.5));
        painter->setBrush(statusColor);
        painter->drawEllipse(b);
        painter->setPen(Qt::white);
        painter->drawText(b, Qt::AlignCenter, badge);
    }
    if (m_findings > 0) {
        const QRectF b(m_rect.left() - 7, m_rect.top() - 7, 14, 14);
        painter->setPen(QPen(m_style->background(), 1.5));
        painter->setBrush(QColor(200, 60, 160));
        painter->drawRect(b);
        painter->setPen(Qt::white);
        painter->drawText(b, Qt::AlignCenter, QString::number(std::min(m_findings, 9)));
    }
    if (m_pinned) {
        const QRectF b(m_rect.right() - 7, m_rect.bottom() - 7, 12, 12);
        painter->setPen(QPen(m_style->text(), 1.2));
        painter->setBrush(m_style->background());
        painter->drawEllipse(b);
        painter->drawLine(b.center(), b.center() + QPointF(0, 8));
    }
}

QVariant GraphNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        for (GraphEdgeItem *edge : std::as_const(m_edges))
            edge->adjust();
        if (m_cluster)
            m_cluster->adjust();
        GraphDetailTile::childChanged(this);
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace ta::views
