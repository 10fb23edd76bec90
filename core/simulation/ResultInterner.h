// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Hashing.h"
#include "core/attestation/AttestationResult.h"

#include <QHash>
#include <QSet>
#include <QString>

namespace ta::core {

/// Makes attestation results kept for re-simulation share their repeated parts, so that a
/// million of them fit in memory. A subject re-attesting usually yields the same selectors,
/// claims, anchors and keys as its previous record: those become copies of the previous
/// record's values (Qt's implicit sharing: one allocation for all of them), and the short
/// strings that repeat across subjects (attestor, subject, agent ID) come from one pool. The
/// results stay equal, field by field, to what was given; only their storage is shared.
/// Sharing also makes the simulation's equality checks on those fields a pointer comparison.
class ResultInterner
{
public:
    /// Rewrites @p result's fields to share storage with what was seen before, and returns
    /// its subject's number: 0 for the first subject seen, 1 for the next new one, and so on.
    int intern(AttestationResult &result);

    /// Distinct pooled strings (for tests).
    qsizetype pooledStrings() const { return m_strings.size(); }

private:
    struct Last
    {
        QString attestor;
        QString agentId;
        QStringList selectors;
        QJsonObject claims;
        QStringList anchorIds;
        QStringList referenceValueIds;
        QStringList keyFingerprints;
        int number = -1;
    };

    void pool(QString &s);

    QSet<QString> m_strings;
    QHash<HashedString, Last> m_last;
};

} // namespace ta::core
