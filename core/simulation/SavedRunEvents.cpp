// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/SavedRunEvents.h"

#include "core/store/Database.h"

#include <limits>

namespace ta::core {

Result<QList<SimulationEvent>> SavedRunEvents::between(Database &db, qint64 runId,
                                                       const QDateTime &from, const QDateTime &to)
{
    auto st = db.prepare(QStringLiteral(
        "SELECT time_ms, kind, subject, credential, replaces, spiffe_id, rule, record_id, "
        "not_after_ms, reason FROM simulation_events WHERE run_id = ?1 AND time_ms > ?2 "
        "AND time_ms <= ?3 AND kind NOT IN ('attested', 'unattested') ORDER BY id"));
    if (!st)
        return st.error();
    st->bind(1, runId)
        .bind(2, from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min())
        .bind(3, to.toMSecsSinceEpoch());
    static const SimulationEvent::Kind kinds[] = {
        SimulationEvent::Kind::Issued, SimulationEvent::Kind::Renewed,
        SimulationEvent::Kind::Expired, SimulationEvent::Kind::Revoked,
        SimulationEvent::Kind::Denied};
    QList<SimulationEvent> out;
    while (st->next()) {
        SimulationEvent e;
        e.at = QDateTime::fromMSecsSinceEpoch(st->int64(0), Qt::UTC);
        const QString kind = st->text(1);
        for (SimulationEvent::Kind k : kinds) {
            if (simulationEventName(k) == kind)
                e.kind = k;
        }
        e.subject = st->text(2);
        e.credential = st->text(3);
        e.replaces = st->text(4);
        e.spiffeId = st->text(5);
        e.rule = st->text(6);
        e.record = st->int64(7);
        if (!st->isNull(8))
            e.notAfter = QDateTime::fromMSecsSinceEpoch(st->int64(8), Qt::UTC);
        const QString reason = st->text(9);
        if (!reason.isEmpty())
            e.reason = reason.split(QLatin1Char(','));
        out.append(e);
    }
    if (st->error())
        return *st->error();
    return out;
}

} // namespace ta::core
