// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ta::core {

/// The verdict of an attestation result, as the IETF RATS EAR format's trust tiers name them.
enum class Verdict {
    Affirming,       ///< every check passed
    Warning,         ///< verified, with findings a policy may weigh (see warnings)
    Contraindicated, ///< refused: at least one reason
};

/// "affirming", "warning", "contraindicated".
QString verdictName(Verdict verdict);

/// Why a record was refused (or, for a warning, what was found): a stable code and the value
/// expected beside the value found.
struct AttestationReason
{
    QString code;
    QString expected;
    QString found;

    QJsonObject toJson() const;
    bool operator==(const AttestationReason &) const = default;
};

/// What an attestor concluded from one evidence record. Core's stable reason codes:
/// malformed, claim_missing, claim_invalid (a NumericDate out of range: negative, huge),
/// issuer_unknown, key_unknown, key_revoked, anchor_revoked, anchor_expired,
/// algorithm_not_allowed, crit_unknown (a JOSE "crit" header, RFC 7515 4.1.11),
/// signature_invalid, issuer_mismatch, audience_mismatch, expired, not_yet_valid, replayed,
/// nonce_missing (node evidence without a nonce of at least 8 bytes), subject_mismatch (a
/// subject label that contradicts the agent ID it, or the agent, was first bound to),
/// out_of_order, attestor_unknown, token_unknown, token_used, chain_invalid, document_mismatch,
/// digest_mismatch, reference_mismatch, digest_not_allowed, agent_svid_invalid,
/// agent_not_attested, selector_foreign, signal_unknown, anchor_unknown, claim_mismatch,
/// not_allowed, value_too_large; tpm also nonce_mismatch, pcr_digest_mismatch, pcr_not_golden,
/// reference_missing. Warnings: claim_missing, allow_list_missing.
struct AttestationResult
{
    QDateTime time;
    QString attestor;
    QString subject;
    /// Selectors in SPIRE's spelling ("k8s_psat:cluster:prod", "unix:uid:1000").
    QStringList selectors;
    /// Claims for CEL policies: node, workload, image, signal, ...
    QJsonObject claims;
    /// IDs of the trust anchors and reference values the result rests on.
    QStringList anchorIds;
    QStringList referenceValueIds;
    QList<AttestationReason> reasons;
    QList<AttestationReason> warnings;
    /// The agent SPIFFE ID a node attestation establishes (SPIRE's /spire/agent/<attestor>/...).
    QString agentId;
    /// Until when the evidence itself vouches (token exp, certificate notAfter); invalid if open.
    QDateTime expiresAt;
    /// The one-time value the replay guard keys on, with the agent ID for node evidence (never
    /// the subject label) and the subject otherwise; empty if none applies (never for a node).
    QString nonce;
    /// SPKI SHA-256 fingerprints (hex) of the keys whose signatures the result rests on, so that
    /// revoking one of them drops what rested on it.
    QStringList keyFingerprints;
    /// A join token consumed by this attestation (its SHA-256, hex).
    QString consumedToken;
    /// 1-based line of the record in its file, 0 when unknown.
    qint64 line = 0;

    Verdict verdict() const;
    bool accepted() const { return reasons.isEmpty(); }
    void refuse(QString code, QString expected = {}, QString found = {})
    {
        reasons.append({std::move(code), std::move(expected), std::move(found)});
    }
    void warn(QString code, QString expected = {}, QString found = {})
    {
        warnings.append({std::move(code), std::move(expected), std::move(found)});
    }
    /// Whether a reason with @p code was given.
    bool hasReason(const QString &code) const;

    /// The line `evidence verify --json` prints: subject, attestor, time, verdict, selectors,
    /// claims, anchors, reference_values, freshness, reasons, warnings.
    QJsonObject toJson() const;
    /// Field by field (a result read back from the workspace equals the one computed).
    bool operator==(const AttestationResult &) const = default;
};

} // namespace ta::core
