// SPDX-License-Identifier: Apache-2.0
#include "views/MoveNodesCommand.h"

#include "views/GraphCanvas.h"

#include <QCoreApplication>

namespace ta::views {

MoveNodesCommand::MoveNodesCommand(GraphCanvas *canvas, QHash<QString, QPointF> before,
                                   QHash<QString, QPointF> after, QSet<QString> pinnedBefore,
                                   QUndoCommand *parent)
    : QUndoCommand(parent), m_canvas(canvas), m_before(std::move(before)),
      m_after(std::move(after)), m_pinnedBefore(std::move(pinnedBefore))
{
    setText(QCoreApplication::translate("MoveNodesCommand", "Move %n node(s)", nullptr,
                                        int(m_after.size())));
}

void MoveNodesCommand::redo()
{
    if (!m_canvas)
        return;
    QSet<QString> pinned;
    for (auto it = m_after.cbegin(); it != m_after.cend(); ++it)
        pinned.insert(it.key());
    m_canvas->placeNodes(m_after, pinned, {});
}

void MoveNodesCommand::undo()
{
    if (!m_canvas)
        return;
    QSet<QString> unpinned;
    for (auto it = m_before.cbegin(); it != m_before.cend(); ++it) {
        if (!m_pinnedBefore.contains(it.key()))
            unpinned.insert(it.key());
    }
    m_canvas->placeNodes(m_before, m_pinnedBefore, unpinned);
}

} // namespace ta::views
