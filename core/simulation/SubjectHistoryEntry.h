// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace ta::core {

/// One change in a subject's attestation over a run.
struct SubjectHistoryEntry
{
    enum class Kind {
        Attested,   ///< an accepted record (attestation holds from here)
        Refused,    ///< a contraindicated record (reasons)
        Stale,      ///< freshness ran out after the last accepted record
        NodeLapsed, ///< a workload whose node stopped vouching
        Revoked,    ///< a key or anchor it rested on was revoked by a signal
    };

    QDateTime at;
    Kind kind = Kind::Attested;
    /// The record (1-based), 0 for timer changes.
    qint64 record = 0;
    /// Refused: the result's codes.
    QStringList reasons;
    /// Attested: the identities the decision granted.
    QStringList granted;
};

/// "attested", "refused", "stale", "node_lapsed", "revoked".
QString subjectHistoryKindName(SubjectHistoryEntry::Kind kind);

} // namespace ta::core
