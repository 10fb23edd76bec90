// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/ErrorCode.h"

#include <QList>

// The crypto module (keys, certificates, requests, JOSE, JWK, the CA): every error code it
// raises, declared once.
// X(constant, "code", "meaning"): the constant is ta::core::ec::<constant>; the meaning is
// the sentence views/ErrorMessages translates. Add a row here for a new code.
#define TA_CRYPTO_ERRORS(X)                                                                        \
    X(CryptoPemEncrypted, "crypto.pem_encrypted",                                                  \
      "The PEM data is encrypted; untrusted input is never decrypted.")                            \
    X(CsrEncrypted, "csr.encrypted", "The certificate request is encrypted.")                      \
    X(JoseCritInvalid, "jose.crit_invalid", "The JOSE header's crit field is malformed.")          \
    X(JoseCritUnknown, "jose.crit_unknown",                                                        \
      "The JOSE header names an extension that is not understood.")                                \
    X(CryptoWrongPassphrase, "crypto.wrong_passphrase", "The passphrase is wrong.")                \
    X(CryptoEmptyPassphrase, "crypto.empty_passphrase", "The passphrase cannot be empty.")         \
    X(CryptoKeyEncrypted, "crypto.key_encrypted",                                                  \
      "The key is encrypted and no passphrase was given.")                                         \
    X(CryptoKeyUnreadable, "crypto.key_unreadable", "The key cannot be read.")                     \
    X(CryptoNoPrivateKey, "crypto.no_private_key",                                                 \
      "This is a public key; a private key is needed.")                                            \
    X(CryptoKeygenFailed, "crypto.keygen_failed", "A cryptographic operation failed.")             \
    X(CryptoEncryptFailed, "crypto.encrypt_failed", "A cryptographic operation failed.")           \
    X(CryptoCertificateBuildFailed, "crypto.certificate_build_failed",                             \
      "A cryptographic operation failed.")                                                         \
    X(CryptoCertificateUnreadable, "crypto.certificate_unreadable",                                \
      "The certificate cannot be read.")                                                           \
    X(CryptoCertificateTrailingData, "crypto.certificate_trailing_data",                           \
      "The certificate is followed by data that does not belong to it.")                           \
    X(CryptoNoCertificate, "crypto.no_certificate", "The input holds no certificate.")             \
    X(CryptoBadValidity, "crypto.bad_validity",                                                    \
      "The validity period is not valid: it must end after it starts.")                            \
    X(CsrUnreadable, "csr.unreadable", "The certificate request cannot be read.")                  \
    X(CsrBadSignature, "csr.bad_signature",                                                        \
      "The certificate request's signature does not verify.")                                      \
    X(CsrNoPublicKey, "csr.no_public_key", "The certificate request holds no public key.")         \
    X(CsrCreateFailed, "csr.create_failed", "A cryptographic operation failed.")                   \
    X(JoseNotCompact, "jose.not_compact",                                                          \
      "This is not a compact JWS (three parts joined by dots).")                                   \
    X(JoseBadBase64url, "jose.bad_base64url",                                                      \
      "A part of the signed token is not valid base64url.")                                        \
    X(JoseBadSignature, "jose.bad_signature", "The signature does not verify.")                    \
    X(JoseBadSignatureLength, "jose.bad_signature_length",                                         \
      "The signature has the wrong length for its algorithm.")                                     \
    X(JoseBadEcdsaDer, "jose.bad_ecdsa_der", "The ECDSA signature is not well formed.")            \
    X(JoseCurveMismatch, "jose.curve_mismatch", "The key's curve does not fit the algorithm.")     \
    X(JoseKeyTypeMismatch, "jose.key_type_mismatch", "The key's type does not fit the algorithm.") \
    X(JoseRsaKeyTooSmall, "jose.rsa_key_too_small", "The RSA key is too small.")                   \
    X(JoseNoKey, "jose.no_key", "There is no key to sign or verify with.")                         \
    X(JoseNoPrivateKey, "jose.no_private_key", "Signing needs a private key.")                     \
    X(JoseSignFailed, "jose.sign_failed", "A cryptographic operation failed.")                     \
    X(JoseVerifyFailed, "jose.verify_failed", "A cryptographic operation failed.")                 \
    X(JwkMemberMissing, "jwk.member_missing", "A required member of the JSON Web Key is missing.") \
    X(JwkMemberInvalid, "jwk.member_invalid",                                                      \
      "A member of the JSON Web Key has a value that is not allowed.")                             \
    X(JwkBadBase64url, "jwk.bad_base64url",                                                        \
      "A member of the JSON Web Key is not valid base64url.")                                      \
    X(JwkUnsupportedKty, "jwk.unsupported_kty",                                                    \
      "The JSON Web Key is of a type that is not supported.")                                      \
    X(JwkUnsupportedCurve, "jwk.unsupported_curve",                                                \
      "The JSON Web Key uses a curve that is not supported.")                                      \
    X(JwkBadCoordinateLength, "jwk.bad_coordinate_length",                                         \
      "A coordinate of the JSON Web Key has the wrong length.")                                    \
    X(JwkBadEcPoint, "jwk.bad_ec_point", "The JSON Web Key's point is not on its curve.")          \
    X(JwkBadRsaParameters, "jwk.bad_rsa_parameters",                                               \
      "The RSA parameters of the JSON Web Key are not valid.")                                     \
    X(JwkPrivateMember, "jwk.private_member",                                                      \
      "The JSON Web Key holds private key material, which is not allowed here.")                   \
    X(JwkNoKey, "jwk.no_key", "There is no key to export.")                                        \
    X(JwkExportFailed, "jwk.export_failed", "A cryptographic operation failed.")                   \
    X(CaAlreadyPrepared, "ca.already_prepared", "An authority of this kind is prepared already.")  \
    X(CaNothingPrepared, "ca.nothing_prepared",                                                    \
      "Prepare an authority of this kind before activating it.")                                   \
    X(CaTaintNotOld, "ca.taint_not_old", "Only an old authority can be tainted.")                  \
    X(CaAlreadyTainted, "ca.already_tainted", "This authority is tainted already.")                \
    X(CaRevokeNotTainted, "ca.revoke_not_tainted", "Taint an authority before revoking it.")       \
    X(CaAlreadyRevoked, "ca.already_revoked", "This authority is revoked already.")                \
    X(CaUnknownAuthority, "ca.unknown_authority", "There is no such authority.")                   \
    X(CaForeignTrustDomain, "ca.foreign_trust_domain",                                             \
      "The SPIFFE ID belongs to another trust domain.")                                            \
    X(CaIdWithoutPath, "ca.id_without_path",                                                       \
      "A workload's SPIFFE ID needs a path after the trust domain.")                               \
    X(CaNoActiveAuthority, "ca.no_active_authority",                                               \
      "The trust domain has no active authority to sign with.")                                    \
    X(CaAuthorityExpired, "ca.authority_expired", "The active authority has expired.")             \
    X(CaNoPublicKey, "ca.no_public_key", "The certificate request holds no public key.")

namespace ta::core {
namespace ec {
TA_CRYPTO_ERRORS(TA_ERROR_CODE_CONSTANT)
} // namespace ec

/// Every code of the table above, with its meaning.
QList<ErrorCode> cryptoErrorCodes();

} // namespace ta::core
