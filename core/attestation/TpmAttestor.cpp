// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/TpmAttestor.h"

#include "core/attestation/AgentId.h"
#include "core/attestation/TpmQuote.h"

namespace ta::core {
namespace {

// TpmQuote's error codes, mapped onto the attestation reason codes every attestor shares where
// one fits; the TPM-specific ones keep their own name.
QString reasonFor(const QString &code)
{
    if (code == QLatin1String("tpm.bad_signature"))
        return QStringLiteral("signature_invalid");
    if (code == QLatin1String("tpm.ak_mismatch") ||
        code == QLatin1String("tpm.no_attestation_key") ||
        code == QLatin1String("tpm.ak_type_mismatch"))
        return QStringLiteral("key_unknown");
    if (code == QLatin1String("tpm.nonce_mismatch"))
        return QStringLiteral("nonce_mismatch");
    if (code == QLatin1String("tpm.pcr_digest_mismatch") ||
        code == QLatin1String("tpm.pcr_selection_mismatch"))
        return QStringLiteral("pcr_digest_mismatch");
    if (code == QLatin1String("tpm.pcr_not_golden") ||
        code == QLatin1String("tpm.golden_pcr_not_quoted"))
        return QStringLiteral("pcr_not_golden");
    if (code == QLatin1String("tpm.no_golden_values"))
        return QStringLiteral("reference_missing");
    return QStringLiteral("malformed");
}

} // namespace

AttestationResult TpmAttestor::verify(const EvidenceRecord &record,
                                      const AttestationContext &context) const
{
    AttestationResult r = startResult(record);
    const TrustAnchor *anchor = context.anchors.anchorNamed(AnchorKind::TpmAk, record.subject);
    if (!anchor) {
        r.refuse(QStringLiteral("issuer_unknown"),
                 QStringLiteral("a tpm_ak anchor for ") + record.subject, QStringLiteral("(none)"));
        return r;
    }
    if (!checkAnchorUsable(*anchor, record.time, context, r))
        return r;
    if (context.anyKeyRevoked() && context.keyRevoked(anchor->publicKey.fingerprint())) {
        r.refuse(QStringLiteral("key_revoked"), QStringLiteral("active key"), anchor->id);
        return r;
    }
    TpmPcrValues golden;
    QStringList goldenIds;
    for (const ReferenceValue *v : context.anchors.pcrValues(record.subject)) {
        golden[v->bank][v->index] = QByteArray::fromHex(v->value.toLatin1());
        goldenIds << v->id;
    }
    auto verified = TpmQuote::verifyEvidencePayload(record.payload.object(), anchor->publicKey,
                                                    golden, {}, context.signatures);
    if (!verified) {
        r.refuse(reasonFor(verified.error().code), verified.error().code, verified.error().detail);
        return r;
    }
    // The qualifying data is the quote's only freshness: without it the same quote verifies
    // any number of times, so none (or a short one) is refused, never let past the guard.
    if (verified->attest.extraData.size() < 8) {
        r.refuse(QStringLiteral("nonce_missing"),
                 QStringLiteral("qualifyingData of at least 8 bytes"),
                 QStringLiteral("%1 bytes").arg(verified->attest.extraData.size()));
        return r;
    }
    r.referenceValueIds = goldenIds;
    r.keyFingerprints << QString::fromLatin1(verified->akFingerprint);
    const QString akHash = QString::fromLatin1(verified->akFingerprint);
    r.selectors = {QStringLiteral("tpm:pub_hash:") + akHash};
    r.claims.insert(
        QStringLiteral("tpm"),
        QJsonObject{
            {QStringLiteral("ak_fingerprint"), akHash},
            {QStringLiteral("pcrs"), TpmQuote::pcrValuesToJson(verified->pcrs)},
            {QStringLiteral("firmware_version"),
             QString::number(verified->attest.firmwareVersion, 16)},
            {QStringLiteral("reset_count"), qint64(verified->attest.clockInfo.resetCount)},
            {QStringLiteral("restart_count"), qint64(verified->attest.clockInfo.restartCount)}});
    r.claims.insert(QStringLiteral("node"), QJsonObject{{QStringLiteral("platform"), name()}});
    auto agent = AgentId::make(context.settings.trustDomain, name(), {akHash});
    if (!agent) {
        r.refuse(QStringLiteral("malformed"), QStringLiteral("agent ID segments"),
                 agent.error().code);
        return r;
    }
    r.agentId = *agent;
    r.nonce = QString::fromLatin1(verified->attest.extraData.toHex());
    return r;
}

} // namespace ta::core
