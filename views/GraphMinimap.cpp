// SPDX-License-Identifier: Apache-2.0
#include "views/GraphMinimap.h"

#include <QGraphicsScene>
#include <QMouseEvent>
#include <QPainter>

namespace ta::views {

GraphMinimap::GraphMinimap(QGraphicsScene *scene, QWidget *parent) : QWidget(parent), m_scene(scene)
{
    setObjectName(QStringLiteral("graphMinimap"));
    setMinimumSize(160, 110);
    setToolTip(tr("Overview: click or drag to move the view"));
}

void GraphMinimap::setSource(std::function<QRectF()> bounds, std::function<bool(QPainter *)> paint)
{
    m_sourceBounds = std::move(bounds);
    m_sourcePaint = std::move(paint);
}

void GraphMinimap::refresh()
{
    if (!m_scene)
        return;
    const QRectF fromSource = m_sourceBounds ? m_sourceBounds() : QRectF();
    m_sceneRect = !fromSource.isEmpty() ? fromSource : m_scene->itemsBoundingRect();
    const QSize size = this->size() * devicePixelRatioF();
    if (m_sceneRect.isEmpty() || size.isEmpty()) {
        m_overview = QPixmap();
        update();
        return;
    }
    QPixmap pixmap(size);
    pixmap.setDevicePixelRatio(devicePixelRatioF());
    pixmap.fill(palette().color(QPalette::Base));
    QPainter painter(&pixmap);
    const QRectF target(QPointF(0, 0), QSizeF(this->size()));
    // Where the scene goes inside the widget, to map the frame and the clicks.
    QSizeF fitted = m_sceneRect.size().scaled(target.size(), Qt::KeepAspectRatio);
    m_target = QRectF(
        QPointF((target.width() - fitted.width()) / 2, (target.height() - fitted.height()) / 2),
        fitted);
    bool painted = false;
    if (m_sourcePaint) {
        const double scale = m_target.width() / m_sceneRect.width();
        painter.save();
        painter.setClipRect(m_target);
        painter.translate(m_target.topLeft());
        painter.scale(scale, scale);
        painter.translate(-m_sceneRect.topLeft());
        painted = m_sourcePaint(&painter);
        painter.restore();
    }
    // Hidden items are not rendered, and the rectangle leaves out the room they take.
    if (!painted)
        m_scene->render(&painter, target, m_sceneRect, Qt::KeepAspectRatio);
    painter.end();
    m_overview = pixmap;
    update();
}

void GraphMinimap::setViewRect(const QRectF &rect)
{
    m_view = rect;
    update();
}

QRectF GraphMinimap::toWidget(const QRectF &r) const
{
    if (m_sceneRect.isEmpty())
        return {};
    const double sx = m_target.width() / m_sceneRect.width();
    const double sy = m_target.height() / m_sceneRect.height();
    return QRectF(m_target.left() + (r.left() - m_sceneRect.left()) * sx,
                  m_target.top() + (r.top() - m_sceneRect.top()) * sy, r.width() * sx,
                  r.height() * sy);
}

QPointF GraphMinimap::toScene(const QPointF &p) const
{
    if (m_target.isEmpty())
        return {};
    return QPointF(
        m_sceneRect.left() + (p.x() - m_target.left()) * m_sceneRect.width() / m_target.width(),
        m_sceneRect.top() + (p.y() - m_target.top()) * m_sceneRect.height() / m_target.height());
}

void GraphMinimap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    if (!m_overview.isNull())
        painter.drawPixmap(0, 0, m_overview);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(toWidget(m_view).intersected(QRectF(rect()).adjusted(1, 1, -1, -1)));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}

void GraphMinimap::resizeEvent(QResizeEvent *)
{
    refresh();
}

void GraphMinimap::mousePressEvent(QMouseEvent *event)
{
    Q_EMIT centreRequested(toScene(event->position()));
}

void GraphMinimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        Q_EMIT centreRequested(toScene(event->position()));
}

} // namespace ta::views
