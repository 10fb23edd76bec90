// SPDX-License-Identifier: Apache-2.0
#include "views/GraphLegend.h"

#include "views/GraphStyle.h"

#include <QPainter>

namespace ta::views {

namespace {
constexpr int kRow = 18;
const core::GraphStatus kStatuses[] = {core::GraphStatus::Attested, core::GraphStatus::Warning,
                                       core::GraphStatus::Stale,    core::GraphStatus::Refused,
                                       core::GraphStatus::Valid,    core::GraphStatus::Expiring,
                                       core::GraphStatus::Expired,  core::GraphStatus::Revoked};
} // namespace

GraphLegend::GraphLegend(const GraphStyle *style, QWidget *parent) : QWidget(parent), m_style(style)
{
    setObjectName(QStringLiteral("graphLegend"));
    setAccessibleName(tr("Legend"));
}

QSize GraphLegend::sizeHint() const
{
    return {220, kRow * (core::kNodeClassCount + core::kEdgeClassCount + 8 + 3) + 8};
}

void GraphLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), m_style->background());
    int y = 4;
    QFont bold = font();
    bold.setBold(true);
    auto heading = [&](const QString &text) {
        p.setFont(bold);
        p.setPen(m_style->text());
        p.drawText(QRect(6, y, width() - 12, kRow), Qt::AlignVCenter, text);
        p.setFont(font());
        y += kRow;
    };
    heading(tr("Nodes"));
    for (int i = 0; i < core::kNodeClassCount; ++i) {
        const auto cls = core::NodeClass(i);
        const QRectF box(10, y + 3, 26, kRow - 6);
        p.setPen(QPen(m_style->statusColor(core::GraphStatus::None), 1));
        p.setBrush(m_style->nodeFill(cls));
        p.drawPath(GraphStyle::nodeShape(cls, box));
        p.drawPixmap(QRectF(42, y + 2, kRow - 4, kRow - 4), m_style->icon(cls, 32),
                     QRectF(0, 0, 32, 32));
        p.setPen(m_style->text());
        p.drawText(QRect(64, y, width() - 70, kRow), Qt::AlignVCenter,
                   GraphStyle::nodeClassText(cls));
        y += kRow;
    }
    heading(tr("Edges"));
    for (int i = 0; i < core::kEdgeClassCount; ++i) {
        const auto cls = core::EdgeClass(i);
        QPen pen = m_style->edgePen(cls);
        p.setPen(pen);
        const double mid = y + kRow / 2.0;
        p.drawLine(QPointF(10, mid), QPointF(52, mid));
        if (GraphStyle::edgeDirected(cls)) {
            p.setPen(Qt::NoPen);
            p.setBrush(pen.color());
            p.drawPolygon(QPolygonF{{58, mid}, {50, mid - 4}, {50, mid + 4}});
        }
        p.setPen(m_style->text());
        p.drawText(QRect(64, y, width() - 70, kRow), Qt::AlignVCenter,
                   GraphStyle::edgeClassText(cls));
        y += kRow;
    }
    heading(tr("Status (colour, outline, badge)"));
    for (core::GraphStatus s : kStatuses) {
        QPen pen(m_style->statusColor(s), 2);
        pen.setStyle(GraphStyle::statusPenStyle(s));
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(10, y + 4, 30, kRow - 8));
        const QRectF badge(44, y + 2, kRow - 4, kRow - 4);
        p.setPen(Qt::NoPen);
        p.setBrush(m_style->statusColor(s));
        p.drawEllipse(badge);
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, GraphStyle::statusBadge(s));
        p.setPen(m_style->text());
        p.drawText(QRect(64, y, width() - 70, kRow), Qt::AlignVCenter, GraphStyle::statusText(s));
        y += kRow;
    }
}

} // namespace ta::views
