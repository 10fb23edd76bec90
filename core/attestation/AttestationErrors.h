// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/ErrorCode.h"

#include <QList>

// The attestation module (anchors, evidence, TPM quotes, the lab): every error code it raises,
// declared once.
// X(constant, "code", "meaning"): the constant is ta::core::ec::<constant>; the meaning is
// the sentence views/ErrorMessages translates. Add a row here for a new code.
#define TA_ATTESTATION_ERRORS(X)                                                                   \
    X(EvidenceEmpty, "evidence.empty", "The evidence recording holds no records.")                 \
    X(EvidenceLineTooLong, "evidence.line_too_long", "An evidence line is longer than the limit.") \
    X(EvidenceUnknownAttestor, "evidence.unknown_attestor",                                        \
      "A record names an attestor that does not exist.")                                           \
    X(AnchorsBadJson, "anchors.bad_json", "The anchors file is not valid JSON.")                   \
    X(AnchorsUnknownKind, "anchors.unknown_kind",                                                  \
      "This kind of trust anchor or reference value is not known.")                                \
    X(AnchorsUnknownField, "anchors.unknown_field",                                                \
      "An entry holds a field that its kind does not know.")                                       \
    X(AnchorsMissingField, "anchors.missing_field", "A required field is missing.")                \
    X(AnchorsBadField, "anchors.bad_field", "A field has a value that is not allowed.")            \
    X(AnchorsBadPem, "anchors.bad_pem", "The PEM text holds no valid public key or certificate.")  \
    X(AnchorsBadJwks, "anchors.bad_jwks",                                                          \
      "The JWKS is not valid: it needs a \"keys\" array with at least one usable public key.")     \
    X(AnchorsDuplicateId, "anchors.duplicate_id", "An entry with this ID exists already.")         \
    X(AnchorsNothingToImport, "anchors.nothing_to_import",                                         \
      "The file holds no trust anchors or reference values.")                                      \
    X(EvidenceUnreadable, "evidence.unreadable", "The evidence file cannot be read.")              \
    X(EvidenceBadJson, "evidence.bad_json", "A line of the evidence file is not a JSON object.")   \
    X(EvidenceMissingField, "evidence.missing_field",                                              \
      "An evidence record lacks a required field.")                                                \
    X(EvidenceBadField, "evidence.bad_field",                                                      \
      "A field of an evidence record has a value that is not allowed.")                            \
    X(EvidenceBadTime, "evidence.bad_time",                                                        \
      "The time of an evidence record is not an RFC 3339 time.")                                   \
    X(EvidenceOutOfOrder, "evidence.out_of_order", "The evidence records are not in time order.")  \
    X(AttestationNoTrustDomain, "attestation.no_trust_domain",                                     \
      "The workspace has no trust domain to name agents in.")                                      \
    X(AttestationBadBase64, "attestation.bad_base64",                                              \
      "A certificate in the evidence is not valid base64.")                                        \
    X(TpmMalformed, "tpm.malformed", "The TPM quote is not well formed.")                          \
    X(TpmTruncated, "tpm.truncated", "The TPM quote is truncated.")                                \
    X(TpmTrailingBytes, "tpm.trailing_bytes",                                                      \
      "The TPM quote is followed by bytes that do not belong to it.")                              \
    X(TpmBadMagic, "tpm.bad_magic", "The TPM structure does not come from a TPM.")                 \
    X(TpmNotAQuote, "tpm.not_a_quote", "The TPM structure is not a quote.")                        \
    X(TpmPayloadInvalid, "tpm.payload_invalid", "The TPM evidence payload is not valid.")          \
    X(TpmUnsupportedHashAlg, "tpm.unsupported_hash_alg",                                           \
      "The TPM quote uses a hash algorithm that is not supported.")                                \
    X(TpmUnsupportedSigAlg, "tpm.unsupported_sig_alg",                                             \
      "The TPM quote uses a signature algorithm that is not supported.")                           \
    X(TpmBadSignature, "tpm.bad_signature", "The TPM quote's signature does not verify.")          \
    X(TpmNoAttestationKey, "tpm.no_attestation_key", "No attestation key is known for this TPM.")  \
    X(TpmAkMismatch, "tpm.ak_mismatch", "The TPM quote was signed by another attestation key.")    \
    X(TpmAkTypeMismatch, "tpm.ak_type_mismatch",                                                   \
      "The attestation key's type does not fit the quote's signature.")                            \
    X(TpmNonceMismatch, "tpm.nonce_mismatch", "The TPM quote does not carry the expected nonce.")  \
    X(TpmPcrSelectionMismatch, "tpm.pcr_selection_mismatch",                                       \
      "The TPM quote covers other PCRs than the evidence lists.")                                  \
    X(TpmPcrDigestMismatch, "tpm.pcr_digest_mismatch",                                             \
      "The PCR values do not match the quote's digest.")                                           \
    X(TpmPcrValueInvalid, "tpm.pcr_value_invalid", "A PCR value is not valid.")                    \
    X(TpmNoGoldenValues, "tpm.no_golden_values",                                                   \
      "There are no reference PCR values to compare with.")                                        \
    X(TpmGoldenPcrNotQuoted, "tpm.golden_pcr_not_quoted",                                          \
      "A PCR with a reference value is not in the quote.")                                         \
    X(TpmPcrNotGolden, "tpm.pcr_not_golden", "A PCR differs from its reference value.")            \
    X(TpmBuildInvalid, "tpm.build_invalid",                                                        \
      "The TPM quote could not be built from the values given.")                                   \
    X(TpmInternal, "tpm.internal", "A cryptographic operation failed.")                            \
    X(LabBadSettings, "lab.bad_settings", "The lab settings are not valid.")                       \
    X(LabSetup, "lab.setup", "The lab could not be set up.")                                       \
    X(LabPlatform, "lab.platform", "The lab could not create a platform's keys.")                  \
    X(LabCmsSign, "lab.cms_sign", "The lab could not sign a document.")                            \
    X(LabCosignSign, "lab.cosign_sign", "The lab could not sign an image.")                        \
    X(LabRead, "lab.read", "The lab could not read a file.")                                       \
    X(LabWrite, "lab.write", "The lab could not write a file.")

namespace ta::core {
namespace ec {
TA_ATTESTATION_ERRORS(TA_ERROR_CODE_CONSTANT)
} // namespace ec

/// Every code of the table above, with its meaning.
QList<ErrorCode> attestationErrorCodes();

} // namespace ta::core
