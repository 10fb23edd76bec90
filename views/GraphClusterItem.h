// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QMarginsF>

#include <functional>

namespace ta::views {

class GraphNodeItem;
class GraphStyle;

/// A trust domain drawn as a cluster around its members. A large cluster collapses into one box
/// with a count of its members; a double-click expands or collapses it.
class GraphClusterItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };

    GraphClusterItem(const QString &trustDomain, const GraphStyle *style);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const QString &trustDomain() const { return m_trustDomain; }
    void addMember(GraphNodeItem *node);
    /// Forgets the members (an incremental redraw adds the current ones again).
    void clearMembers() { m_members.clear(); }
    const QList<GraphNodeItem *> &members() const { return m_members; }
    bool isCollapsed() const { return m_collapsed; }
    /// Hides the members and draws a box with their count (or the reverse), then re-routes the
    /// edges that touch them.
    void setCollapsed(bool collapsed);
    /// Called after a double-click collapsed or expanded the cluster (not after setCollapsed):
    /// the canvas then redraws what depends on what is shown.
    void setToggledByHand(std::function<void()> toggled) { m_toggledByHand = std::move(toggled); }
    /// The box a collapsed cluster is drawn as, in scene coordinates.
    QRectF collapsedRect() const;
    /// Recomputes the frame from the members' positions.
    void adjust();
    /// The frame drawn around the members (expanded), in scene coordinates.
    QRectF frame() const { return m_frame; }
    /// How far the frame reaches past the members' boxes: the title on top.
    static QMarginsF frameMargins();
    /// The frame's title in @p width at @p metrics: the domain and its count of @p members, the
    /// domain alone when both do not fit, cut with an ellipsis when it does not either (the
    /// title grows when zoomed out, and was clipped mid-word: "staging.example (11 node(s").
    static QString title(const QFontMetricsF &metrics, double width, const QString &trustDomain,
                         int members);

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    QString m_trustDomain;
    const GraphStyle *m_style;
    QList<GraphNodeItem *> m_members;
    QRectF m_frame;
    bool m_collapsed = false;
    std::function<void()> m_toggledByHand;
};

} // namespace ta::views
