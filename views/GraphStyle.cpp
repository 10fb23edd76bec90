// SPDX-License-Identifier: Apache-2.0
#include "views/GraphStyle.h"

#include "views/GraphView.h"

#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cmath>

namespace ta::views {

using core::EdgeClass;
using core::GraphStatus;
using core::NodeClass;

GraphStyle::GraphStyle(const QPalette &palette)
    : m_palette(palette), m_dark(palette.color(QPalette::Window).lightness() < 128)
{}

QColor GraphStyle::background() const
{
    return m_palette.color(QPalette::Base);
}

QColor GraphStyle::text() const
{
    return m_palette.color(QPalette::Text);
}

QColor GraphStyle::nodeFill(NodeClass cls) const
{
    // One hue per type, pale on a light canvas and deep on a dark one.
    static const int hues[core::kNodeClassCount] = {210, 275, 30, 50, 190, 140, 320, 95, 0};
    const int hue = hues[int(cls)];
    if (cls == NodeClass::Rule)
        return m_dark ? QColor::fromHsl(0, 0, 70) : QColor::fromHsl(0, 0, 225);
    return m_dark ? QColor::fromHsl(hue, 90, 60) : QColor::fromHsl(hue, 160, 222);
}

QColor GraphStyle::clusterFill() const
{
    QColor c = m_palette.color(QPalette::Highlight);
    c.setAlpha(m_dark ? 28 : 18);
    return c;
}

QColor GraphStyle::clusterBorder() const
{
    QColor c = m_palette.color(QPalette::Mid);
    return m_dark ? c.lighter(160) : c;
}

QColor GraphStyle::highlight() const
{
    return m_dark ? QColor(255, 200, 40) : QColor(230, 120, 0);
}

QColor GraphStyle::statusColor(GraphStatus status) const
{
    switch (status) {
    case GraphStatus::Attested:
    case GraphStatus::Valid:
        return m_dark ? QColor(90, 200, 110) : QColor(30, 130, 50);
    case GraphStatus::Warning:
    case GraphStatus::Expiring:
        return m_dark ? QColor(240, 190, 60) : QColor(190, 120, 0);
    case GraphStatus::Stale:
        return m_dark ? QColor(160, 160, 170) : QColor(110, 110, 120);
    case GraphStatus::Refused:
    case GraphStatus::Expired:
    case GraphStatus::Revoked:
        return m_dark ? QColor(255, 100, 100) : QColor(200, 30, 30);
    case GraphStatus::Planned:
        return m_dark ? QColor(170, 150, 255) : QColor(110, 80, 200);
    case GraphStatus::None:
        break;
    }
    return m_dark ? text().darker(130) : text().lighter(180);
}

Qt::PenStyle GraphStyle::statusPenStyle(GraphStatus status)
{
    switch (status) {
    case GraphStatus::Warning:
    case GraphStatus::Expiring:
        return Qt::DashLine;
    case GraphStatus::Stale:
    case GraphStatus::Refused:
    case GraphStatus::Expired:
    case GraphStatus::Revoked:
        return Qt::DotLine;
    case GraphStatus::Planned:
        // Designed, not yet seen: its own pattern as well as its own colour.
        return Qt::DashDotDotLine;
    default:
        return Qt::SolidLine;
    }
}

QString GraphStyle::statusBadge(GraphStatus status)
{
    switch (status) {
    case GraphStatus::Attested:
    case GraphStatus::Valid:
        return QStringLiteral("\u2713");
    case GraphStatus::Warning:
    case GraphStatus::Expiring:
        return QStringLiteral("!");
    case GraphStatus::Stale:
        return QStringLiteral("~");
    case GraphStatus::Refused:
    case GraphStatus::Expired:
    case GraphStatus::Revoked:
        return QStringLiteral("\u2715");
    case GraphStatus::Planned:
        return QStringLiteral("\u25cc");
    case GraphStatus::None:
        break;
    }
    return {};
}

QPen GraphStyle::edgePen(EdgeClass cls) const
{
    const QColor base = m_dark ? QColor(170, 175, 185) : QColor(110, 115, 125);
    QPen pen(base, 1.2);
    pen.setCosmetic(false);
    switch (cls) {
    case EdgeClass::FederatesWith:
        pen.setColor(m_dark ? QColor(110, 170, 255) : QColor(20, 90, 200));
        pen.setWidthF(3.0);
        break;
    case EdgeClass::AttestedBy:
        pen.setStyle(Qt::DashLine);
        pen.setColor(m_dark ? QColor(220, 180, 90) : QColor(150, 100, 0));
        break;
    case EdgeClass::RunsOn:
        pen.setWidthF(1.6);
        break;
    case EdgeClass::Grants:
        pen.setStyle(Qt::DashDotLine);
        pen.setColor(m_dark ? QColor(200, 140, 230) : QColor(120, 50, 160));
        break;
    case EdgeClass::Holds:
        pen.setWidthF(1.0);
        break;
    case EdgeClass::Identifies:
        pen.setStyle(Qt::DotLine);
        pen.setWidthF(1.4);
        break;
    case EdgeClass::IssuedBy:
        pen.setStyle(Qt::DashDotDotLine);
        break;
    case EdgeClass::MemberOf:
        pen.setStyle(Qt::DotLine);
        pen.setWidthF(0.8);
        pen.setColor(m_dark ? QColor(110, 115, 125) : QColor(175, 180, 190));
        break;
    }
    return pen;
}

QRegion GraphStyle::paintedRegion(const QPainter *painter, const QWidget *widget)
{
    if (painter->hasClipping())
        return painter->clipRegion();
    const auto *view = widget ? qobject_cast<const GraphView *>(widget->parentWidget()) : nullptr;
    if (!view || view->paintingRegion().isEmpty())
        return {};
    bool invertible = false;
    const QTransform toLogical = painter->combinedTransform().inverted(&invertible);
    return invertible ? toLogical.map(view->paintingRegion()) : QRegion();
}

bool GraphStyle::edgeDirected(EdgeClass cls)
{
    return cls != EdgeClass::MemberOf;
}

QPainterPath GraphStyle::nodeShape(NodeClass cls, const QRectF &r)
{
    QPainterPath p;
    const double w = r.width();
    const double h = r.height();
    const double c = std::min(w, h) * 0.28;
    switch (cls) {
    case NodeClass::TrustDomain: {
        // A folder: a tab on the top left.
        p.moveTo(r.left(), r.top() + c * 0.6);
        p.lineTo(r.left(), r.top());
        p.lineTo(r.left() + w * 0.35, r.top());
        p.lineTo(r.left() + w * 0.35 + c * 0.6, r.top() + c * 0.6);
        p.lineTo(r.right(), r.top() + c * 0.6);
        p.lineTo(r.right(), r.bottom());
        p.lineTo(r.left(), r.bottom());
        p.closeSubpath();
        break;
    }
    case NodeClass::Authority: {
        // An octagon.
        const QPolygonF poly{{r.left() + c, r.top()},     {r.right() - c, r.top()},
                             {r.right(), r.top() + c},    {r.right(), r.bottom() - c},
                             {r.right() - c, r.bottom()}, {r.left() + c, r.bottom()},
                             {r.left(), r.bottom() - c},  {r.left(), r.top() + c}};
        p.addPolygon(poly);
        p.closeSubpath();
        break;
    }
    case NodeClass::Platform: {
        // A box in depth.
        const double d = c * 0.5;
        p.addRect(QRectF(r.left(), r.top() + d, w - d, h - d));
        p.moveTo(r.left(), r.top() + d);
        p.lineTo(r.left() + d, r.top());
        p.lineTo(r.right(), r.top());
        p.lineTo(r.right(), r.bottom() - d);
        p.lineTo(r.right() - d, r.bottom());
        p.moveTo(r.right() - d, r.top() + d);
        p.lineTo(r.right(), r.top());
        break;
    }
    case NodeClass::Anchor: {
        // A house.
        const QPolygonF poly{{r.center().x(), r.top()},
                             {r.right(), r.top() + h * 0.35},
                             {r.right(), r.bottom()},
                             {r.left(), r.bottom()},
                             {r.left(), r.top() + h * 0.35}};
        p.addPolygon(poly);
        p.closeSubpath();
        break;
    }
    case NodeClass::Node:
        p.addRect(r);
        break;
    case NodeClass::Workload:
        p.addEllipse(r);
        break;
    case NodeClass::Identity: {
        const QPolygonF poly{{r.left() + c, r.top()},     {r.right() - c, r.top()},
                             {r.right(), r.center().y()}, {r.right() - c, r.bottom()},
                             {r.left() + c, r.bottom()},  {r.left(), r.center().y()}};
        p.addPolygon(poly);
        p.closeSubpath();
        break;
    }
    case NodeClass::Credential: {
        // A note with its corner folded.
        p.moveTo(r.topLeft());
        p.lineTo(r.right() - c, r.top());
        p.lineTo(r.right(), r.top() + c);
        p.lineTo(r.bottomRight());
        p.lineTo(r.bottomLeft());
        p.closeSubpath();
        p.moveTo(r.right() - c, r.top());
        p.lineTo(r.right() - c, r.top() + c);
        p.lineTo(r.right(), r.top() + c);
        break;
    }
    case NodeClass::Rule: {
        // A rounded box with two tabs on the left, as a component.
        p.addRoundedRect(r, c * 0.5, c * 0.5);
        p.addRect(QRectF(r.left() - c * 0.4, r.top() + h * 0.2, c * 0.8, h * 0.18));
        p.addRect(QRectF(r.left() - c * 0.4, r.top() + h * 0.6, c * 0.8, h * 0.18));
        break;
    }
    }
    return p;
}

QString GraphStyle::iconPath(NodeClass cls)
{
    return QStringLiteral(":/graph/%1.svg").arg(core::nodeClassName(cls));
}

QPixmap GraphStyle::icon(NodeClass cls, int px) const
{
    // Rendering SVG is slow: each icon is drawn once per size and tint, then blitted.
    const QColor tint = text();
    const QString key = QStringLiteral("%1/%2/%3").arg(int(cls)).arg(px).arg(tint.rgba());
    if (auto it = m_icons.constFind(key); it != m_icons.constEnd())
        return *it;
    QImage image(px, px, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        QSvgRenderer renderer(iconPath(cls));
        renderer.render(&painter);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(image.rect(), tint);
    }
    QPixmap pixmap = QPixmap::fromImage(image);
    m_icons.insert(key, pixmap);
    return pixmap;
}

QString GraphStyle::nodeClassText(NodeClass cls)
{
    switch (cls) {
    case NodeClass::TrustDomain:
        return QCoreApplication::translate("GraphStyle", "Trust domain");
    case NodeClass::Authority:
        return QCoreApplication::translate("GraphStyle", "Authority");
    case NodeClass::Platform:
        return QCoreApplication::translate("GraphStyle", "Platform");
    case NodeClass::Anchor:
        return QCoreApplication::translate("GraphStyle", "Anchor");
    case NodeClass::Node:
        return QCoreApplication::translate("GraphStyle", "Node");
    case NodeClass::Workload:
        return QCoreApplication::translate("GraphStyle", "Workload");
    case NodeClass::Identity:
        return QCoreApplication::translate("GraphStyle", "Identity");
    case NodeClass::Credential:
        return QCoreApplication::translate("GraphStyle", "Credential");
    case NodeClass::Rule:
        return QCoreApplication::translate("GraphStyle", "Rule");
    }
    return {};
}

QString GraphStyle::edgeClassText(EdgeClass cls)
{
    switch (cls) {
    case EdgeClass::FederatesWith:
        return QCoreApplication::translate("GraphStyle", "federates with");
    case EdgeClass::AttestedBy:
        return QCoreApplication::translate("GraphStyle", "attested by");
    case EdgeClass::RunsOn:
        return QCoreApplication::translate("GraphStyle", "runs on");
    case EdgeClass::Grants:
        return QCoreApplication::translate("GraphStyle", "grants");
    case EdgeClass::Holds:
        return QCoreApplication::translate("GraphStyle", "holds");
    case EdgeClass::Identifies:
        return QCoreApplication::translate("GraphStyle", "identifies");
    case EdgeClass::IssuedBy:
        return QCoreApplication::translate("GraphStyle", "issued by");
    case EdgeClass::MemberOf:
        return QCoreApplication::translate("GraphStyle", "member of");
    }
    return {};
}

QString GraphStyle::statusText(GraphStatus status)
{
    switch (status) {
    case GraphStatus::None:
        return QCoreApplication::translate("GraphStyle", "no status");
    case GraphStatus::Attested:
        return QCoreApplication::translate("GraphStyle", "attested");
    case GraphStatus::Warning:
        return QCoreApplication::translate("GraphStyle", "warning");
    case GraphStatus::Refused:
        return QCoreApplication::translate("GraphStyle", "refused");
    case GraphStatus::Stale:
        return QCoreApplication::translate("GraphStyle", "stale");
    case GraphStatus::Valid:
        return QCoreApplication::translate("GraphStyle", "valid");
    case GraphStatus::Expiring:
        return QCoreApplication::translate("GraphStyle", "expiring");
    case GraphStatus::Expired:
        return QCoreApplication::translate("GraphStyle", "expired");
    case GraphStatus::Revoked:
        return QCoreApplication::translate("GraphStyle", "revoked");
    case GraphStatus::Planned:
        return QCoreApplication::translate("GraphStyle", "planned");
    }
    return {};
}

} // namespace ta::views
