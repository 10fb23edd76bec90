// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/simulation/SimulationEvent.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace ta::models {

/// The events at the time bar's cursor, one row each in time order: the simulation's credential
/// events (issued, renewed, expired, revoked, denied) and the evidence records presented then.
class TimelineEventModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Time, Event, Subject, Identity, Reason, Count };
    /// Role::Kind: "issued", "renewed", "expired", "revoked", "denied" or "record".
    enum class Role { Kind = Qt::UserRole + 1, Time };

    /// One evidence record as the list shows it.
    struct Record
    {
        QDateTime at;
        QString subject;
        QString attestor;
    };

    explicit TimelineEventModel(QObject *parent = nullptr);

    /// Shows @p events and @p records, merged in time order (an event before the record of
    /// the same instant only when it happened first).
    void setEvents(const QList<core::SimulationEvent> &events, const QList<Record> &records);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The translated name of an event kind ("record" for evidence records).
    static QString kindText(const QString &kind);

private:
    struct Row
    {
        QDateTime at;
        QString kind;
        QString subject;
        QString identity;
        QString reason;
    };
    QList<Row> m_rows;
};

} // namespace ta::models
