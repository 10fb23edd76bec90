// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPixmap>
#include <QPointer>
#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QGraphicsScene;
QT_END_NAMESPACE

namespace ta::views {

/// The whole estate in small with the part the canvas shows framed. The scene is drawn once into
/// a pixmap after each layout, so moving the frame costs nothing; a click or a drag centres the
/// canvas there.
class GraphMinimap : public QWidget
{
    Q_OBJECT

public:
    explicit GraphMinimap(QGraphicsScene *scene, QWidget *parent = nullptr);

    /// Redraws the overview from the scene, or from the source when one is set and has
    /// something to draw.
    void refresh();
    /// What to show and how: @p bounds gives the scene rectangle to show (what is drawn, not
    /// the room hidden items take; empty: every item's), and @p paint paints it in scene
    /// coordinates, or returns false to have the scene rendered instead. A large estate draws
    /// its overview this way, without its 30,000 detail items being hidden and shown again at
    /// each refresh.
    void setSource(std::function<QRectF()> bounds, std::function<bool(QPainter *)> paint);
    /// The scene rectangle the overview shows (empty before the first drawing).
    QRectF shownRect() const { return m_sceneRect; }
    /// The canvas's visible part, in scene coordinates.
    void setViewRect(const QRectF &rect);
    QSize sizeHint() const override { return {220, 160}; }

Q_SIGNALS:
    void centreRequested(const QPointF &scenePos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QPointF toScene(const QPointF &p) const;
    QRectF toWidget(const QRectF &r) const;

    QPointer<QGraphicsScene> m_scene;
    std::function<QRectF()> m_sourceBounds;
    std::function<bool(QPainter *)> m_sourcePaint;
    QPixmap m_overview;
    QRectF m_sceneRect;
    QRectF m_target;
    QRectF m_view;
};

} // namespace ta::views
