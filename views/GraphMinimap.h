// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPixmap>
#include <QPointer>
#include <QWidget>

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

    /// Redraws the overview from the scene.
    void refresh();
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
    QPixmap m_overview;
    QRectF m_sceneRect;
    QRectF m_target;
    QRectF m_view;
};

} // namespace ta::views
