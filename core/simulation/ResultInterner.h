// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Hashing.h"
#include "core/attestation/AttestationResult.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <vector>

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
    /// @p known is the subject's number in the verifier that made the result
    /// (EvidenceVerifier::subjectNumber()), or -1: with it, the subject's entry is found by
    /// that index instead of a look-up by the subject's text. Every known number given to one
    /// interner must come from one verifier. A result whose subject is not the one first seen
    /// under its number (another verifier's numbering) is looked up by its text instead.
    int intern(AttestationResult &result, int known = -1);
    /// Starts loading the entry of the subject the verifier numbered @p known, whose result
    /// intern() will be given a few records later: a hint (nothing for a subject not seen yet).
    /// A million records' entries are far out of cache, and intern() reads three lines of one.
    void prefetch(int known) const
    {
        const int number = knownNumber(known);
        if (number < 0)
            return;
        const auto *entry = reinterpret_cast<const char *>(&m_lasts[size_t(number)]);
        for (size_t offset = 0; offset < sizeof(Last); offset += 64)
            __builtin_prefetch(entry + offset);
        __builtin_prefetch(entry + sizeof(Last) - 1);
    }
    /// The number intern() gave the subject the verifier numbered @p known, or -1 when none
    /// yet.
    int knownNumber(int known) const
    {
        return known >= 0 && size_t(known) < m_byKnown.size() ? m_byKnown[size_t(known)] : -1;
    }

    /// Distinct pooled strings (for tests).
    qsizetype pooledStrings() const { return m_strings.size(); }

private:
    struct Last
    {
        /// The subject, pooled.
        QString subject;
        QString attestor;
        QString agentId;
        QStringList selectors;
        QJsonObject claims;
        QStringList anchorIds;
        QStringList referenceValueIds;
        QStringList keyFingerprints;
    };

    void pool(QString &s);
    /// The number (index in m_lasts) of @p result's subject, found by its text, new when it was
    /// not seen before.
    int numberByText(AttestationResult &result);

    QSet<QString> m_strings;
    /// One entry per subject, in order of first appearance (the index is the subject's number),
    /// found by the subject's text or by the number a verifier gave it.
    std::vector<Last> m_lasts;
    QHash<HashedString, int> m_byText;
    std::vector<int> m_byKnown;
};

} // namespace ta::core
