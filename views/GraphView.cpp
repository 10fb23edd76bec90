// SPDX-License-Identifier: Apache-2.0
#include "views/GraphView.h"

#include "views/GraphNodeItem.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QWheelEvent>

#include <algorithm>

namespace ta::views {

GraphView::GraphView(QGraphicsScene *scene, QWidget *parent) : QGraphicsView(scene, parent)
{
    setObjectName(QStringLiteral("graphView"));
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    // Items save and restore what they change; antialiasing is decided per item by the level
    // of detail.
    setOptimizationFlags(QGraphicsView::DontSavePainterState |
                         QGraphicsView::DontAdjustForAntialiasing);
    setFocusPolicy(Qt::StrongFocus);
}

void GraphView::fitAndKeep(const QRectF &rect)
{
    m_fitting = true;
    fitInView(rect, Qt::KeepAspectRatio);
    m_fitting = false;
    m_kept = rect;
    Q_EMIT viewChanged();
}

void GraphView::zoomBy(double factor)
{
    m_kept = QRectF();
    const double next = std::clamp(zoom() * factor, 0.005, 8.0);
    const double f = next / zoom();
    scale(f, f);
    Q_EMIT viewChanged();
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.2, steps));
    event->accept();
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        if (event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier)) {
            QGraphicsView::keyPressEvent(event);
            return;
        }
        Q_EMIT navigate(event->key());
        event->accept();
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25);
        return;
    case Qt::Key_Minus:
        zoomBy(0.8);
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

bool GraphView::focusNextPrevChild(bool)
{
    // Tab walks the graph, not the widgets; Ctrl+Tab still leaves.
    return false;
}

QHash<QString, QPointF> GraphView::selectedPositions() const
{
    QHash<QString, QPointF> out;
    if (!scene())
        return out;
    for (QGraphicsItem *item : scene()->selectedItems()) {
        if (auto *node = qgraphicsitem_cast<GraphNodeItem *>(item))
            out.insert(node->id(), node->pos());
    }
    return out;
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    QGraphicsView::mousePressEvent(event);
    m_dragStart = selectedPositions();
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    const QHash<QString, QPointF> after = selectedPositions();
    QHash<QString, QPointF> before;
    QHash<QString, QPointF> moved;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const auto start = m_dragStart.constFind(it.key());
        if (start != m_dragStart.cend() && *start != it.value()) {
            before.insert(it.key(), *start);
            moved.insert(it.key(), it.value());
        }
    }
    m_dragStart.clear();
    if (!moved.isEmpty())
        Q_EMIT nodesDragged(before, moved);
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    if (!m_fitting)
        m_kept = QRectF();
    Q_EMIT viewChanged();
}

void GraphView::paintEvent(QPaintEvent *event)
{
    m_painting = event->region();
    QGraphicsView::paintEvent(event);
    m_painting = QRegion();
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    m_fitting = true;
    QGraphicsView::resizeEvent(event);
    if (!m_kept.isNull())
        fitInView(m_kept, Qt::KeepAspectRatio);
    m_fitting = false;
    Q_EMIT viewChanged();
}

} // namespace ta::views
