// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/EvidenceRecord.h"
#include "core/store/Database.h"

#include <QJsonObject>
#include <QString>

namespace ta::tests {

/// Writes @p count evidence records straight into @p db, one a second from @p start, in one
/// transaction: record i has subject node/<i % subjects> and attestor attestors[i % size].
/// Much faster than an import, for tests of reading a long timeline.
inline bool insertEvidence(core::Database &db, qint64 count, const QDateTime &start,
                           const QStringList &attestors = {QStringLiteral("join_token")},
                           int subjects = 7)
{
    auto r = db.transaction([&]() -> core::Result<void> {
        auto st =
            db.prepare(QStringLiteral("INSERT INTO evidence_records(time_ms, attestor, "
                                      "subject, record, source) VALUES (?, ?, ?, ?, 'bulk')"));
        if (!st)
            return st.error();
        for (qint64 i = 0; i < count; ++i) {
            core::EvidenceRecord rec;
            rec.time = start.addSecs(i);
            rec.attestor = attestors.at(int(i % attestors.size()));
            rec.subject = QStringLiteral("node/%1").arg(i % subjects);
            rec.payload = QJsonObject{{QStringLiteral("token"), QStringLiteral("t%1").arg(i)}};
            st->reset();
            st->bind(1, rec.time.toMSecsSinceEpoch())
                .bind(2, rec.attestor)
                .bind(3, rec.subject)
                .bind(4, rec.toJsonLine());
            if (auto e = st->exec(); !e)
                return e;
        }
        return {};
    });
    return bool(r);
}

} // namespace ta::tests
