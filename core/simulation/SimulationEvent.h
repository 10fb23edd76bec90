// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ta::core {

/// One line of a simulation's event log, as `simulate --json` prints it.
struct SimulationEvent
{
    enum class Kind { Issued, Renewed, Expired, Revoked, Denied };

    QDateTime at;
    Kind kind = Kind::Issued;
    QString subject;
    QString spiffeId;
    /// "c1", "c2", ...; empty for denied.
    QString credential;
    /// The credential a renewal replaces.
    QString replaces;
    /// 1-based position in the timeline of the record that caused the event; 0 for timer events
    /// (renewal, expiry, staleness), which print no "record".
    qint64 record = 0;
    /// The granting rule (policy name or entry ID); for denied, the deny that overrode it.
    QString rule;
    /// Issued and renewed credentials.
    QDateTime notAfter;
    /// Revoked: the attestation result's own codes for a drifted record, or no_longer_granted,
    /// evidence_stale, key_revoked, node_revoked.
    QStringList reason;
    /// Revoked with no_longer_granted: the clause that no longer holds, when known.
    QString detail;

    /// {"at", "event", "subject", "spiffe_id", "credential", "record", "rule", "not_after",
    /// "replaces", "reason", "detail"}, each only where it applies.
    QJsonObject toJson() const;
    bool operator==(const SimulationEvent &) const = default;
};

/// "issued", "renewed", "expired", "revoked", "denied".
QString simulationEventName(SimulationEvent::Kind kind);

} // namespace ta::core

// Its members are Qt's implicitly shared values, which move as bytes: a growing list of them
// reallocates in place instead of moving each one.
Q_DECLARE_TYPEINFO(ta::core::SimulationEvent, Q_RELOCATABLE_TYPE);
