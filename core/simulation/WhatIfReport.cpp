// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/WhatIfReport.h"

namespace ta::core {

QJsonObject WhatIfReport::summaryJson() const
{
    qint64 gained = 0, lost = 0, changed = 0, baseOnly = 0, candidateOnly = 0;
    for (const SubjectDifference &d : subjects) {
        gained += d.gained.size();
        lost += d.lost.size();
        changed += d.changed.size();
        baseOnly += d.revokedInBaseOnly.size();
        candidateOnly += d.revokedInCandidateOnly.size();
    }
    return {{QStringLiteral("summary"),
             QJsonObject{{QStringLiteral("subjects_changed"), qint64(subjects.size())},
                         {QStringLiteral("gained"), gained},
                         {QStringLiteral("lost"), lost},
                         {QStringLiteral("changed"), changed},
                         {QStringLiteral("revoked_in_base_only"), baseOnly},
                         {QStringLiteral("revoked_in_candidate_only"), candidateOnly}}}};
}

} // namespace ta::core
