// SPDX-License-Identifier: Apache-2.0
#include "core/graph/GraphPositionStore.h"

#include "core/store/Database.h"

#include <cmath>

namespace ta::core {

Result<GraphPositions> GraphPositionStore::load(Database &db)
{
    auto layout = db.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'graph_layout'"));
    if (!layout)
        return layout.error();
    const bool ours = layout->next() && layout->blob(0) == QByteArray(kLayout);
    if (layout->error())
        return *layout->error();
    // Another layout's positions: only the pinned ones, placed by hand, stand.
    auto st = db.prepare(ours ? QStringLiteral("SELECT node_id, x, y, pinned FROM graph_positions")
                              : QStringLiteral("SELECT node_id, x, y, pinned FROM graph_positions "
                                               "WHERE pinned = 1"));
    if (!st)
        return st.error();
    GraphPositions out;
    while (st->next()) {
        const QString id = st->text(0);
        out.positions.insert(id, QPointF(double(st->int64(1)) / 10.0, double(st->int64(2)) / 10.0));
        if (st->int64(3) != 0)
            out.pinned.insert(id);
    }
    if (st->error())
        return *st->error();
    return out;
}

Result<void> GraphPositionStore::save(Database &db, const GraphPositions &positions)
{
    return db.transaction([&]() -> Result<void> {
        if (auto r = db.exec(QStringLiteral("DELETE FROM graph_positions")); !r)
            return r;
        auto layout = db.prepare(
            QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('graph_layout', ?)"));
        if (!layout)
            return layout.error();
        layout->bind(1, QByteArray(kLayout));
        if (auto r = layout->exec(); !r)
            return r;
        auto st = db.prepare(QStringLiteral(
            "INSERT INTO graph_positions (node_id, x, y, pinned) VALUES (?, ?, ?, ?)"));
        if (!st)
            return st.error();
        for (auto it = positions.positions.cbegin(); it != positions.positions.cend(); ++it) {
            st->reset();
            st->bind(1, it.key())
                .bind(2, qint64(std::llround(it.value().x() * 10)))
                .bind(3, qint64(std::llround(it.value().y() * 10)))
                .bind(4, positions.pinned.contains(it.key()));
            if (auto r = st->exec(); !r)
                return r;
        }
        return {};
    });
}

} // namespace ta::core
