// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ta::models {

/// A table model that moves its rows to a fresh list with the smallest signals it can find,
/// never a reset: rows whose key left are removed, new keys are inserted where they belong, a
/// kept row whose content differs emits dataChanged, and a kept row found further down is
/// moved. Views therefore keep their selection, current row and scroll position across edits.
class IncrementalTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    /// Makes @p rows equal to @p fresh. Keys must be unique within each list. @p key maps a row
    /// to a hashable key; rows are compared with operator==.
    template <typename Row, typename KeyOf>
    void syncRows(QList<Row> &rows, const QList<Row> &fresh, KeyOf key)
    {
        using Key = std::decay_t<decltype(key(fresh.first()))>;
        QHash<Key, qsizetype> wanted;
        wanted.reserve(fresh.size());
        for (qsizetype i = 0; i < fresh.size(); ++i)
            wanted.insert(key(fresh.at(i)), i);

        // Removals, from the bottom, in runs of adjacent rows.
        for (qsizetype last = rows.size() - 1; last >= 0;) {
            if (wanted.contains(key(rows.at(last)))) {
                --last;
                continue;
            }
            qsizetype first = last;
            while (first > 0 && !wanted.contains(key(rows.at(first - 1))))
                --first;
            beginRemoveRows({}, int(first), int(last));
            rows.remove(first, last - first + 1);
            endRemoveRows();
            last = first - 1;
        }

        QHash<Key, qsizetype> held;
        held.reserve(rows.size());
        for (const Row &r : rows)
            held.insert(key(r), 0);

        for (qsizetype i = 0; i < fresh.size(); ++i) {
            const Key k = key(fresh.at(i));
            if (!held.contains(k)) {
                // A run of new rows goes in with one insertion.
                qsizetype end = i;
                while (end + 1 < fresh.size() && !held.contains(key(fresh.at(end + 1))))
                    ++end;
                beginInsertRows({}, int(i), int(end));
                for (qsizetype j = i; j <= end; ++j) {
                    rows.insert(j, fresh.at(j));
                    held.insert(key(fresh.at(j)), 0);
                }
                endInsertRows();
                i = end;
                continue;
            }
            if (key(rows.at(i)) != k) {
                qsizetype from = i + 1;
                while (key(rows.at(from)) != k)
                    ++from;
                beginMoveRows({}, int(from), int(from), {}, int(i));
                rows.move(from, i);
                endMoveRows();
            }
            if (!(rows.at(i) == fresh.at(i))) {
                rows[i] = fresh.at(i);
                Q_EMIT dataChanged(index(int(i), 0), index(int(i), columnCount() - 1));
            }
        }
    }
};

} // namespace ta::models
