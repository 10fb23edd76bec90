// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/SubjectHistoryEntry.h"

namespace ta::core {

QString subjectHistoryKindName(SubjectHistoryEntry::Kind kind)
{
    switch (kind) {
    case SubjectHistoryEntry::Kind::Attested:
        return QStringLiteral("attested");
    case SubjectHistoryEntry::Kind::Refused:
        return QStringLiteral("refused");
    case SubjectHistoryEntry::Kind::Stale:
        return QStringLiteral("stale");
    case SubjectHistoryEntry::Kind::NodeLapsed:
        return QStringLiteral("node_lapsed");
    case SubjectHistoryEntry::Kind::Revoked:
        return QStringLiteral("revoked");
    }
    return QStringLiteral("attested");
}

} // namespace ta::core
