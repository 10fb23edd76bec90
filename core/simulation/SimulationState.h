// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace ta::core {

/// One credential valid at an instant.
struct LiveCredential
{
    QString credential;
    QString subject;
    QString spiffeId;
    QDateTime notAfter;

    bool operator==(const LiveCredential &) const = default;
};

/// The estate at one instant of a run: which subjects' attestation holds and which credentials
/// are valid. Both lists are sorted (subjects by name, credentials by issue order).
struct SimulationState
{
    QDateTime at;
    QStringList attested;
    QList<LiveCredential> live;

    /// {"at", "attested": [...], "live": [{"credential", "subject", "spiffe_id", "not_after"}]}
    QJsonObject toJson() const;
};

} // namespace ta::core
