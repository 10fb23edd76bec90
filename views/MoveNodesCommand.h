// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QPointF>
#include <QPointer>
#include <QSet>
#include <QUndoCommand>

namespace ta::views {

class GraphCanvas;

/// Nodes moved by hand on the canvas: they take their new places and are pinned there, so the
/// next layout keeps them. Undo puts them back and restores whether each was pinned. Holds node
/// IDs and positions only; the canvas finds the items again.
class MoveNodesCommand : public QUndoCommand
{
public:
    MoveNodesCommand(GraphCanvas *canvas, QHash<QString, QPointF> before,
                     QHash<QString, QPointF> after, QSet<QString> pinnedBefore,
                     QUndoCommand *parent = nullptr);

    void undo() override;
    void redo() override;

private:
    QPointer<GraphCanvas> m_canvas;
    QHash<QString, QPointF> m_before;
    QHash<QString, QPointF> m_after;
    QSet<QString> m_pinnedBefore;
};

} // namespace ta::views
