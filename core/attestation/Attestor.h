// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/AttestationContext.h"
#include "core/attestation/AttestationResult.h"
#include "core/attestation/EvidenceRecord.h"

#include <QString>

namespace ta::core {

/// Verifies one attestor's evidence in its real wire format and turns it into a result. An
/// attestor is stateless: what it learns (a node attested, a token used) is carried in the
/// result and applied by EvidenceVerifier, so a refused record changes nothing. verify() may
/// run on several threads at once (EvidenceVerifier's pre-pass), routes its signature checks
/// through checkSignature() with the context's memo, and reads the replay's state only through
/// the context's questions: the pre-pass keeps a result when the replay's state answers them
/// alike (StateReads), so an attestor must depend on nothing else that changes during a replay.
class Attestor
{
public:
    virtual ~Attestor() = default;
    /// The attestor name records carry (SPIRE's plugin name where there is one).
    virtual QString name() const = 0;
    /// True for node attestors, whose accepted results attest an agent.
    virtual bool attestsNodes() const { return false; }
    /// Verifies @p record; never throws, never skips a check: every failure is a reason.
    virtual AttestationResult verify(const EvidenceRecord &record,
                                     const AttestationContext &context) const = 0;
};

/// A result pre-filled from @p record.
AttestationResult startResult(const EvidenceRecord &record);

/// Checks an anchor's state at @p time (revoked, expired by signal, outside its window) and
/// refuses @p result accordingly; true when the anchor may be used.
bool checkAnchorUsable(const TrustAnchor &anchor, const QDateTime &time,
                       const AttestationContext &context, AttestationResult &result);

/// Checks @p value against @p anchor's allow list, named @p field in the anchors file: refused
/// with not_allowed when it is not listed. An anchor without a list (written before the field
/// existed) lets every value through, with an allow_list_missing warning. True when allowed.
bool checkAllowList(const TrustAnchor &anchor, const QString &field, const QString &value,
                    AttestationResult &result);

/// Compares a field of a recorded API object (@p field, e.g. "pod.metadata.uid"), which nothing
/// signs, with what the signed evidence says: claim_mismatch unless they are equal.
bool checkRecordedField(const QString &field, const QString &signedValue,
                        const QString &recordedValue, AttestationResult &result);

/// The entries of @p map (labels, metadata) whose keys @p allowedKeys lists, values as text.
QJsonObject allowedEntries(const QJsonObject &map, const QStringList &allowedKeys);

} // namespace ta::core
