// SPDX-License-Identifier: Apache-2.0
// GraphCanvas's layout: Graphviz's sfdp on a worker at the sizes the canvas draws, its overlap
// removal finished by OverlapRemoval, then the trust domains moved apart as blocks and the nodes
// laid out on pinned ones moved off them.
#include "views/GraphCanvas.h"

#include "core/graph/ClusterSeparation.h"
#include "core/graph/FreeRoom.h"
#include "views/GraphClusterItem.h"
#include "views/GraphMinimap.h"
#include "views/GraphNodeItem.h"

#include <QAction>
#include <QLabel>
#include <QProgressBar>
#include <QtConcurrent/QtConcurrentRun>

namespace ta::views {

void GraphCanvas::cancelLayout()
{
    // A layout's result is matched to the nodes by index: it belongs to the graph it started on.
    if (!m_watcher)
        return;
    m_watcher->disconnect(this);
    m_watcher->cancel();
    m_watcher->deleteLater();
    m_watcher = nullptr;
    m_layoutPending = false;
    m_progress->hide();
    m_cancelLayout->setVisible(false);
}

bool GraphCanvas::isLayoutRunning() const
{
    // From the start of a layout until its result is applied: one queued behind busy pool
    // threads, or finished with its result not yet delivered, is still to come.
    return m_layoutPending;
}

void GraphCanvas::relayout()
{
    if (!m_nodes.isEmpty())
        startLayout();
}

void GraphCanvas::startLayout()
{
    cancelLayout();
    m_layoutPending = true;
    m_watcher = new QFutureWatcher<core::GraphLayoutResult>(this);
    connect(m_watcher, &QFutureWatcherBase::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &GraphCanvas::layoutDone);
    core::LayoutOptions options;
    options.engine = core::LayoutEngine::Sfdp;
    // Laid out at the sizes drawn here: Graphviz's overlap removal then keeps these boxes apart.
    options.nodeSizes.reserve(m_nodes.size());
    for (const GraphNodeItem *n : std::as_const(m_nodes))
        options.nodeSizes << n->nodeRect().size();
    // A short prism, finished by moving the few nodes it leaves on others (OverlapRemoval).
    options.quickOverlapRemoval = true;
    m_progress->setValue(0);
    m_progress->show();
    m_cancelLayout->setVisible(true);
    m_watcher->setFuture(
        QtConcurrent::run(&m_layoutPool, &core::GraphLayout::runLayout, m_graph, options));
    Q_EMIT workStarted(tr("Laying out the graph"), QFuture<void>(m_watcher->future()));
}

void GraphCanvas::layoutDone()
{
    m_layoutPending = false;
    m_progress->hide();
    m_cancelLayout->setVisible(false);
    auto *watcher = m_watcher;
    if (!watcher || watcher->isCanceled() || watcher->future().resultCount() == 0) {
        m_info->setText(tr("Layout cancelled or failed; nodes stay where they were."));
        return;
    }
    const core::GraphLayoutResult result = watcher->result();
    // Graphviz laid the nodes out at the sizes drawn (startLayout()) and apart: its points are
    // the scene's units.
    QHash<QString, QPointF> positions;
    for (int i = 0; i < result.nodes.size() && i < m_nodes.size(); ++i) {
        const QString &id = m_nodes.at(i)->id();
        // Pinned nodes keep the place they were given by hand.
        if (m_pinned.contains(id) && m_positions.contains(id))
            positions.insert(id, m_positions.value(id));
        else
            positions.insert(
                id, QPointF(result.nodes.at(i).centre.x(), -result.nodes.at(i).centre.y()));
    }
    separateDomains(positions);
    clearPinned(positions);
    m_positions.insert(positions);
    applyPositions(positions);
    if (m_fitAfterLayout)
        fitAll();
    m_minimap->refresh();
    Q_EMIT positionsChanged();
    Q_EMIT drawn();
}

void GraphCanvas::separateDomains(QHash<QString, QPointF> &positions) const
{
    // One block a domain (the box around its members, widened to its frame), one a node outside
    // every domain (which stays).
    QList<QRectF> frames;
    QList<bool> movable;
    QList<QList<const GraphNodeItem *>> blocks;
    QHash<const GraphClusterItem *, qsizetype> blockOf;
    for (const GraphNodeItem *n : std::as_const(m_nodes)) {
        const auto at = positions.constFind(n->id());
        if (at == positions.cend())
            continue;
        const QRectF box = n->nodeRect().translated(*at);
        const GraphClusterItem *cluster = n->cluster();
        qsizetype block = frames.size();
        if (cluster) {
            const auto known = blockOf.constFind(cluster);
            if (known == blockOf.cend()) {
                blockOf.insert(cluster, block);
                frames << box;
                movable << true;
                blocks.emplace_back();
            } else {
                block = *known;
                frames[block] |= box;
            }
            // A node placed by hand keeps its place, and so its domain.
            if (m_pinned.contains(n->id()))
                movable[block] = false;
        } else {
            frames << box;
            movable << false;
            blocks.emplace_back();
        }
        blocks[block] << n;
    }
    for (auto it = blockOf.cbegin(); it != blockOf.cend(); ++it)
        frames[*it] = frames.at(*it).marginsAdded(GraphClusterItem::frameMargins());
    // Two frames at least this far apart.
    constexpr double kDomainGap = 24;
    const QList<QPointF> offsets = core::ClusterSeparation::separate(frames, movable, kDomainGap);
    for (qsizetype i = 0; i < offsets.size(); ++i) {
        if (offsets.at(i).isNull())
            continue;
        for (const GraphNodeItem *n : std::as_const(blocks.at(i)))
            positions[n->id()] += offsets.at(i);
    }
}

void GraphCanvas::clearPinned(QHash<QString, QPointF> &positions) const
{
    if (m_pinned.isEmpty())
        return;
    core::FreeRoom pinned;
    bool any = false;
    for (const GraphNodeItem *n : std::as_const(m_nodes)) {
        const auto at = positions.constFind(n->id());
        if (at != positions.cend() && m_pinned.contains(n->id())) {
            pinned.stand(n->nodeRect().translated(*at));
            any = true;
        }
    }
    if (!any)
        return;
    // Those laid out on a pinned node move; the rest stand where the layout put them.
    core::FreeRoom room = pinned;
    QList<const GraphNodeItem *> moving;
    for (const GraphNodeItem *n : std::as_const(m_nodes)) {
        const auto at = positions.constFind(n->id());
        if (at == positions.cend() || m_pinned.contains(n->id()))
            continue;
        const QRectF box = n->nodeRect().translated(*at);
        if (pinned.isFree(box))
            room.stand(box);
        else
            moving << n;
    }
    for (const GraphNodeItem *n : std::as_const(moving)) {
        QPointF &at = positions[n->id()];
        at = room.nearest(n->nodeRect().translated(at));
        room.stand(n->nodeRect().translated(at));
    }
}

} // namespace ta::views
