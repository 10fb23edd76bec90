// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QGraphicsView>
#include <QHash>
#include <QPointF>

namespace ta::views {

/// The canvas's viewport: zoom on the wheel (about the cursor), pan by dragging the background,
/// arrow keys and Tab handed to the canvas for navigation between neighbours, and nodes dragged
/// by hand reported once, when the drag ends, so that the move is one undo step.
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit GraphView(QGraphicsScene *scene, QWidget *parent = nullptr);

    /// Multiplies the zoom by @p factor, within limits.
    void zoomBy(double factor);
    /// Shows @p rect whole, in proportion, and shows it whole again each time the view is
    /// resized (a window laid out after the drawing, a dock dragged wider), until the view is
    /// zoomed or scrolled.
    void fitAndKeep(const QRectF &rect);
    /// Whether the view still keeps the rectangle fitAndKeep() gave it.
    bool keepsFit() const { return !m_kept.isNull(); }
    /// While a frame paints: the viewport region it paints (a pan: the strips that came into
    /// view), in viewport coordinates; empty otherwise.
    const QRegion &paintingRegion() const { return m_painting; }
    double zoom() const { return transform().m11(); }

Q_SIGNALS:
    /// Left, Right, Up, Down, Tab or Backtab pressed with a node selected.
    void navigate(int key);
    /// Nodes dragged by hand: their IDs with positions before and after.
    void nodesDragged(const QHash<QString, QPointF> &before, const QHash<QString, QPointF> &after);
    void viewChanged();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QRegion m_painting;
    /// What fitAndKeep() fits on each resize; null once the view is zoomed or scrolled.
    QRectF m_kept;
    /// Set while the view scrolls for a fit or a resize of its own, not for the user.
    bool m_fitting = false;
    QHash<QString, QPointF> selectedPositions() const;

    QHash<QString, QPointF> m_dragStart;
};

} // namespace ta::views
