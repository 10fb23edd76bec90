// SPDX-License-Identifier: Apache-2.0
#include "models/TimelineEventModel.h"

#include <algorithm>

namespace ta::models {

TimelineEventModel::TimelineEventModel(QObject *parent) : QAbstractTableModel(parent) {}

void TimelineEventModel::setEvents(const QList<core::SimulationEvent> &events,
                                   const QList<Record> &records)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(events.size() + records.size());
    for (const Record &r : records)
        m_rows.append({r.at, QStringLiteral("record"), r.subject, QString(), r.attestor});
    for (const core::SimulationEvent &e : events) {
        QString identity = e.spiffeId;
        if (!e.credential.isEmpty())
            identity += QStringLiteral(" (%1)").arg(e.credential);
        QString reason = e.reason.join(QStringLiteral(", "));
        if (e.kind == core::SimulationEvent::Kind::Denied && !e.rule.isEmpty())
            reason = e.rule;
        if (!e.detail.isEmpty())
            reason += QStringLiteral(": ") + e.detail;
        m_rows.append({e.at, core::simulationEventName(e.kind), e.subject, identity, reason});
    }
    // A record comes before the events it caused at the same instant.
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row &a, const Row &b) { return a.at < b.at; });
    endResetModel();
}

void TimelineEventModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int TimelineEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TimelineEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString TimelineEventModel::kindText(const QString &kind)
{
    if (kind == QLatin1String("issued"))
        return tr("issued");
    if (kind == QLatin1String("renewed"))
        return tr("renewed");
    if (kind == QLatin1String("expired"))
        return tr("expired");
    if (kind == QLatin1String("revoked"))
        return tr("revoked");
    if (kind == QLatin1String("denied"))
        return tr("denied");
    if (kind == QLatin1String("record"))
        return tr("evidence");
    return kind;
}

QVariant TimelineEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == int(Role::Kind))
        return row.kind;
    if (role == int(Role::Time))
        return row.at;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Column::Time:
        return row.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Column::Event:
        return kindText(row.kind);
    case Column::Subject:
        return row.subject;
    case Column::Identity:
        return row.identity;
    case Column::Reason:
        return row.reason;
    case Column::Count:
        break;
    }
    return {};
}

QVariant TimelineEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Time:
        return tr("Time (UTC)");
    case Column::Event:
        return tr("Event");
    case Column::Subject:
        return tr("Subject");
    case Column::Identity:
        return tr("Identity");
    case Column::Reason:
        return tr("Reason or source");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace ta::models
