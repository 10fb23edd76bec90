// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace ta::core {

/// How one subject fared differently in two runs over the same timeline.
struct SubjectDifference
{
    /// An identity held in both runs whose granting rules or TTLs differ.
    struct Change
    {
        QString spiffeId;
        QStringList baseRules;
        QStringList candidateRules;
        QList<qint32> baseTtls;
        QList<qint32> candidateTtls;
    };
    /// A revocation one run had and the other did not.
    struct Revocation
    {
        QString spiffeId;
        QString credential;
        QDateTime at;
        QStringList reason;
    };

    QString subject;
    /// SPIFFE IDs the candidate issued and the base never did, and the reverse; sorted.
    QStringList gained;
    QStringList lost;
    QList<Change> changed;
    QList<Revocation> revokedInBaseOnly;
    QList<Revocation> revokedInCandidateOnly;
    /// The first event where the subject's logs part (the earlier of the two), and its record
    /// (0 for a timer event).
    QDateTime divergedAt;
    qint64 divergedRecord = 0;

    /// {"subject", "gained", "lost", "changed": [{"spiffe_id", "base": {"rules", "ttls"},
    /// "candidate": {...}}], "first_divergence": {"at", "record"}, "revoked_in_base_only",
    /// "revoked_in_candidate_only"}
    QJsonObject toJson() const;
};

} // namespace ta::core
