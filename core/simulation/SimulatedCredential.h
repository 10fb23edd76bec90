// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ta::core {

/// An X509-SVID a simulation issued: a record, not a minted certificate (any can be minted from
/// the trust domain's CA on request), with its lifetime as the run played it.
struct SimulatedCredential
{
    /// How a credential's life ended.
    enum class End {
        Live,    ///< still valid when the run ended
        Renewed, ///< replaced by its renewal (replacedBy)
        Expired, ///< reached notAfter without renewal
        Revoked, ///< cut off early (revokeReason)
    };

    QString id;
    QString subject;
    QString spiffeId;
    /// The policy name or registration entry ID that granted it.
    QString rule;
    qint32 ttl = 0;
    QDateTime notBefore;
    QDateTime notAfter;
    /// Timeline positions (1-based) of the evidence it rests on: the subject's own accepted
    /// record and, for a workload, its node's (0 for none). Two numbers in place, not a list:
    /// a run holds a credential for every other record or so.
    qint64 ownRecord = 0;
    qint64 nodeRecord = 0;
    QString replaces;
    QString replacedBy;
    End end = End::Live;
    /// When the life ended (renewal, expiry or revocation); invalid while live.
    QDateTime endedAt;
    QStringList revokeReason;
    /// The record that caused a revocation; 0 for timer events.
    qint64 revokedByRecord = 0;

    /// ownRecord, then nodeRecord when there is one.
    QList<qint64> restsOn() const
    {
        return nodeRecord > 0 ? QList<qint64>{ownRecord, nodeRecord} : QList<qint64>{ownRecord};
    }
    /// Whether it is valid at @p t: issued, not yet expired, not yet ended.
    bool liveAt(const QDateTime &t) const
    {
        return notBefore <= t && t < notAfter && (!endedAt.isValid() || t < endedAt);
    }
    /// {"credential", "subject", "spiffe_id", "rule", "not_before", "not_after", "rests_on",
    /// "replaces", "replaced_by", "end", "ended_at", "reason"}.
    QJsonObject toJson() const;
};

/// "live", "renewed", "expired", "revoked".
QString credentialEndName(SimulatedCredential::End end);

} // namespace ta::core

// Its members are Qt's implicitly shared values, which move as bytes: a growing list of them
// reallocates in place instead of moving each one.
Q_DECLARE_TYPEINFO(ta::core::SimulatedCredential, Q_RELOCATABLE_TYPE);
