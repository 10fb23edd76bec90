// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/SubjectDifference.h"

#include "core/attestation/EvidenceRecord.h"

#include <QJsonArray>

namespace ta::core {
namespace {

QJsonArray ttls(const QList<qint32> &values)
{
    QJsonArray a;
    for (qint32 v : values)
        a.append(v);
    return a;
}

QJsonArray revocations(const QList<SubjectDifference::Revocation> &list)
{
    QJsonArray a;
    for (const SubjectDifference::Revocation &r : list)
        a.append(QJsonObject{{QStringLiteral("spiffe_id"), r.spiffeId},
                             {QStringLiteral("credential"), r.credential},
                             {QStringLiteral("at"), EvidenceRecord::formatTime(r.at)},
                             {QStringLiteral("reason"), QJsonArray::fromStringList(r.reason)}});
    return a;
}

} // namespace

QJsonObject SubjectDifference::toJson() const
{
    QJsonArray changes;
    for (const Change &c : changed)
        changes.append(QJsonObject{
            {QStringLiteral("spiffe_id"), c.spiffeId},
            {QStringLiteral("base"),
             QJsonObject{{QStringLiteral("rules"), QJsonArray::fromStringList(c.baseRules)},
                         {QStringLiteral("ttls"), ttls(c.baseTtls)}}},
            {QStringLiteral("candidate"),
             QJsonObject{{QStringLiteral("rules"), QJsonArray::fromStringList(c.candidateRules)},
                         {QStringLiteral("ttls"), ttls(c.candidateTtls)}}}});
    QJsonObject divergence{{QStringLiteral("at"), EvidenceRecord::formatTime(divergedAt)}};
    divergence.insert(QStringLiteral("record"),
                      divergedRecord > 0 ? QJsonValue(divergedRecord) : QJsonValue());
    return {{QStringLiteral("subject"), subject},
            {QStringLiteral("gained"), QJsonArray::fromStringList(gained)},
            {QStringLiteral("lost"), QJsonArray::fromStringList(lost)},
            {QStringLiteral("changed"), changes},
            {QStringLiteral("first_divergence"), divergence},
            {QStringLiteral("revoked_in_base_only"), revocations(revokedInBaseOnly)},
            {QStringLiteral("revoked_in_candidate_only"), revocations(revokedInCandidateOnly)}};
}

} // namespace ta::core
