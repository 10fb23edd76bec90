// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/ErrorCode.h"

#include <QList>

// The SPIFFE module (IDs, trust domains, bundles, X509-SVIDs, JWT-SVIDs): every error code it
// raises, declared once.
// X(constant, "code", "meaning"): the constant is ta::core::ec::<constant>; the meaning is
// the sentence views/ErrorMessages translates. Add a row here for a new code.
#define TA_SPIFFE_ERRORS(X)                                                                        \
    X(SpiffeIdEmpty, "spiffe.id.empty", "Enter a SPIFFE ID.")                                      \
    X(SpiffeIdWrongScheme, "spiffe.id.wrong_scheme", "A SPIFFE ID starts with spiffe://.")         \
    X(SpiffeIdSchemeNotLowercase, "spiffe.id.scheme_not_lowercase",                                \
      "The scheme must be written spiffe:// in lowercase.")                                        \
    X(SpiffeIdMissingTrustDomain, "spiffe.id.missing_trust_domain",                                \
      "The SPIFFE ID names no trust domain.")                                                      \
    X(SpiffeIdEmptySegment, "spiffe.id.empty_segment",                                             \
      "The path has an empty segment (two slashes in a row).")                                     \
    X(SpiffeIdDotSegment, "spiffe.id.dot_segment",                                                 \
      "The path may not contain \".\" or \"..\" segments.")                                        \
    X(SpiffeIdTrailingSlash, "spiffe.id.trailing_slash", "The path may not end with a slash.")     \
    X(SpiffeIdBadPathChar, "spiffe.id.bad_path_char",                                              \
      "The path may hold only letters, digits, dots, dashes and underscores.")                     \
    X(SpiffeIdPathNotAbsolute, "spiffe.id.path_not_absolute",                                      \
      "The path of a SPIFFE ID must start with a slash.")                                          \
    X(SpiffeIdQuery, "spiffe.id.query", "A SPIFFE ID may not have a query part.")                  \
    X(SpiffeIdFragment, "spiffe.id.fragment", "A SPIFFE ID may not have a fragment.")              \
    X(SpiffeIdPercentEncoded, "spiffe.id.percent_encoded",                                         \
      "A SPIFFE ID may not use percent-encoding.")                                                 \
    X(SpiffeIdTooLong, "spiffe.id.too_long", "The SPIFFE ID is longer than 2048 bytes.")           \
    X(SpiffeTdEmpty, "spiffe.td.empty", "Enter a trust domain name.")                              \
    X(SpiffeTdUppercase, "spiffe.td.uppercase", "A trust domain name is written in lowercase.")    \
    X(SpiffeTdBadChar, "spiffe.td.bad_char",                                                       \
      "A trust domain name holds only lowercase letters, digits, dots, dashes and underscores.")   \
    X(SpiffeTdNotAName, "spiffe.td.not_a_name", "This is not a trust domain name.")                \
    X(SpiffeTdPercentEncoded, "spiffe.td.percent_encoded",                                         \
      "A trust domain name may not use percent-encoding.")                                         \
    X(SpiffeTdPort, "spiffe.td.port", "A trust domain name may not have a port.")                  \
    X(SpiffeTdUserinfo, "spiffe.td.userinfo",                                                      \
      "A trust domain name may not have user information.")                                        \
    X(SpiffeTdTooLong, "spiffe.td.too_long",                                                       \
      "The trust domain name is longer than 255 characters.")                                      \
    X(SpiffeBundleNotJson, "spiffe.bundle.not_json", "The trust bundle is not valid JSON.")        \
    X(SpiffeBundleNotObject, "spiffe.bundle.not_object", "The trust bundle is not a JSON object.") \
    X(SpiffeBundleKeysMissing, "spiffe.bundle.keys_missing",                                       \
      "The trust bundle has no \"keys\" member.")                                                  \
    X(SpiffeBundleKeysNotArray, "spiffe.bundle.keys_not_array",                                    \
      "The \"keys\" member of the trust bundle is not an array.")                                  \
    X(SpiffeBundleKeyNotObject, "spiffe.bundle.key_not_object",                                    \
      "A key of the trust bundle is not a JSON object.")                                           \
    X(SpiffeBundleKtyMissing, "spiffe.bundle.kty_missing",                                         \
      "A key of the trust bundle has no key type (kty).")                                          \
    X(SpiffeBundleUseMissing, "spiffe.bundle.use_missing",                                         \
      "A key of the trust bundle does not say its use.")                                           \
    X(SpiffeBundleUseInvalid, "spiffe.bundle.use_invalid",                                         \
      "A key of the trust bundle has a use other than x509-svid or jwt-svid.")                     \
    X(SpiffeBundleKidMissing, "spiffe.bundle.kid_missing",                                         \
      "A JWT authority of the trust bundle has no key ID.")                                        \
    X(SpiffeBundleDuplicateKid, "spiffe.bundle.duplicate_kid",                                     \
      "Two JWT authorities of the trust bundle share one key ID.")                                 \
    X(SpiffeBundleBadKey, "spiffe.bundle.bad_key",                                                 \
      "A key of the trust bundle is not a valid public key.")                                      \
    X(SpiffeBundleUnsupportedKey, "spiffe.bundle.unsupported_key",                                 \
      "A key of the trust bundle is of a type that is not supported.")                             \
    X(SpiffeBundleX5cMissing, "spiffe.bundle.x5c_missing",                                         \
      "An X.509 authority of the trust bundle has no certificate (x5c).")                          \
    X(SpiffeBundleX5cCount, "spiffe.bundle.x5c_count",                                             \
      "An X.509 authority of the trust bundle must hold exactly one certificate.")                 \
    X(SpiffeBundleX5cBadBase64, "spiffe.bundle.x5c_bad_base64",                                    \
      "The certificate of an X.509 authority is not valid base64.")                                \
    X(SpiffeBundleX5cBadCertificate, "spiffe.bundle.x5c_bad_certificate",                          \
      "The certificate of an X.509 authority cannot be read.")                                     \
    X(SpiffeBundleX5cKeyMismatch, "spiffe.bundle.x5c_key_mismatch",                                \
      "The certificate of an X.509 authority does not hold the key beside it.")                    \
    X(SpiffeBundleNoKey, "spiffe.bundle.no_key", "The trust bundle holds no key.")                 \
    X(SpiffeBundleNoCertificate, "spiffe.bundle.no_certificate",                                   \
      "The trust bundle holds no certificate.")                                                    \
    X(SpiffeBundlePemNoCertificate, "spiffe.bundle.pem_no_certificate",                            \
      "The PEM bundle holds no certificate.")                                                      \
    X(SpiffeBundleNoTrustDomain, "spiffe.bundle.no_trust_domain",                                  \
      "The trust bundle names no trust domain.")                                                   \
    X(SpiffeBundleBadRefreshHint, "spiffe.bundle.bad_refresh_hint",                                \
      "The refresh hint of the trust bundle is not a positive number.")                            \
    X(SpiffeBundleBadSequence, "spiffe.bundle.bad_sequence",                                       \
      "The sequence number of the trust bundle is not a non-negative integer.")                    \
    X(SpiffeBundleSequenceBackwards, "spiffe.bundle.sequence_backwards",                           \
      "The trust bundle is older than the one held: its sequence number goes backwards.")          \
    X(X509svidExpired, "x509svid.expired", "The certificate has expired.")                         \
    X(X509svidNotYetValid, "x509svid.not_yet_valid", "The certificate is not valid yet.")          \
    X(X509svidUntrusted, "x509svid.untrusted",                                                     \
      "The chain does not lead to an authority of the bundle.")                                    \
    X(X509svidBadSignature, "x509svid.bad_signature", "A signature in the chain does not verify.") \
    X(X509svidTrustDomainMismatch, "x509svid.trust_domain_mismatch",                               \
      "The SVID belongs to another trust domain than the bundle.")                                 \
    X(X509svidNoAuthorities, "x509svid.no_authorities", "The bundle holds no X.509 authority.")    \
    X(X509svidEmptyChain, "x509svid.empty_chain", "There is no certificate to check.")             \
    X(X509svidNoUriSan, "x509svid.no_uri_san", "The certificate carries no SPIFFE ID.")            \
    X(X509svidMultipleUriSans, "x509svid.multiple_uri_sans",                                       \
      "The certificate carries more than one URI.")                                                \
    X(X509svidLeafIsCa, "x509svid.leaf_is_ca", "The leaf certificate is a CA certificate.")        \
    X(X509svidPathInvalid, "x509svid.path_invalid", "The certificate path is not valid.")          \
    X(X509svidBadSpiffeId, "x509svid.bad_spiffe_id",                                               \
      "The certificate's URI is not a valid SPIFFE ID.")                                           \
    X(X509svidIdWithoutPath, "x509svid.id_without_path",                                           \
      "The SPIFFE ID of a workload certificate has no path.")                                      \
    X(X509svidEkuMissingServerClientAuth, "x509svid.eku_missing_server_client_auth",               \
      "The certificate allows neither server nor client authentication.")                          \
    X(X509svidKeyUsageMissing, "x509svid.key_usage_missing",                                       \
      "The certificate has no key usage extension.")                                               \
    X(X509svidKeyUsageNotCritical, "x509svid.key_usage_not_critical",                              \
      "The key usage extension of the certificate is not marked critical.")                        \
    X(X509svidLeafCrlSign, "x509svid.leaf_crl_sign",                                               \
      "The leaf certificate may sign revocation lists.")                                           \
    X(X509svidLeafKeyCertSign, "x509svid.leaf_key_cert_sign",                                      \
      "The leaf certificate may sign certificates.")                                               \
    X(X509svidLeafNoDigitalSignature, "x509svid.leaf_no_digital_signature",                        \
      "The leaf certificate does not allow digital signatures.")                                   \
    X(X509svidPathLengthExceeded, "x509svid.path_length_exceeded",                                 \
      "The chain is longer than a CA certificate allows.")                                         \
    X(X509svidSigningBadSpiffeId, "x509svid.signing_bad_spiffe_id",                                \
      "A signing certificate carries an invalid SPIFFE ID.")                                       \
    X(X509svidSigningDigitalSignature, "x509svid.signing_digital_signature",                       \
      "A signing certificate allows digital signatures, which it may not.")                        \
    X(X509svidSigningNoKeyCertSign, "x509svid.signing_no_key_cert_sign",                           \
      "A signing certificate may not sign certificates.")                                          \
    X(X509svidSigningNotCa, "x509svid.signing_not_ca",                                             \
      "A certificate that signs another is not a CA certificate.")                                 \
    X(JwtsvidMalformed, "jwtsvid.malformed", "This is not a well-formed JWT.")                     \
    X(JwtsvidBadBase64url, "jwtsvid.bad_base64url", "A part of the token is not valid base64url.") \
    X(JwtsvidHeaderNotObject, "jwtsvid.header_not_object",                                         \
      "The token's header is not a JSON object.")                                                  \
    X(JwtsvidClaimsNotObject, "jwtsvid.claims_not_object",                                         \
      "The token's claims are not a JSON object.")                                                 \
    X(JwtsvidHeaderNotAllowed, "jwtsvid.header_not_allowed",                                       \
      "The token's header holds a member that is not allowed.")                                    \
    X(JwtsvidCritNotSupported, "jwtsvid.crit_not_supported",                                       \
      "The token names critical header members that are not supported.")                           \
    X(JwtsvidTypNotAllowed, "jwtsvid.typ_not_allowed", "The token's type is not JWT or JOSE.")     \
    X(JwtsvidAlgMissing, "jwtsvid.alg_missing", "The token names no signature algorithm.")         \
    X(JwtsvidAlgNone, "jwtsvid.alg_none", "The token is unsigned (algorithm none).")               \
    X(JwtsvidAlgHmac, "jwtsvid.alg_hmac",                                                          \
      "The token uses an HMAC algorithm, which a JWT-SVID may not.")                               \
    X(JwtsvidAlgEddsa, "jwtsvid.alg_eddsa", "The token uses EdDSA, which a JWT-SVID may not.")     \
    X(JwtsvidAlgNotAllowed, "jwtsvid.alg_not_allowed",                                             \
      "The token's signature algorithm is not allowed.")                                           \
    X(JwtsvidKidMissing, "jwtsvid.kid_missing", "The token names no key ID.")                      \
    X(JwtsvidKidInvalid, "jwtsvid.kid_invalid", "The token's key ID is not a string.")             \
    X(JwtsvidKeyAlgMismatch, "jwtsvid.key_alg_mismatch",                                           \
      "The token's algorithm does not fit the key that signed it.")                                \
    X(JwtsvidSubMissing, "jwtsvid.sub_missing", "The token has no subject.")                       \
    X(JwtsvidSubInvalid, "jwtsvid.sub_invalid", "The token's subject is not a valid SPIFFE ID.")   \
    X(JwtsvidAudMissing, "jwtsvid.aud_missing", "The token has no audience.")                      \
    X(JwtsvidAudInvalid, "jwtsvid.aud_invalid",                                                    \
      "The token's audience is not a string or a list of strings.")                                \
    X(JwtsvidExpMissing, "jwtsvid.exp_missing", "The token has no expiry.")                        \
    X(JwtsvidExpInvalid, "jwtsvid.exp_invalid", "The token's expiry is not a valid time.")         \
    X(JwtsvidIatInvalid, "jwtsvid.iat_invalid", "The token's issue time is not a valid time.")     \
    X(JwtsvidNbfInvalid, "jwtsvid.nbf_invalid",                                                    \
      "The token's not-before time is not a valid time.")                                          \
    X(JwtsvidExpired, "jwtsvid.expired", "The token has expired.")                                 \
    X(JwtsvidNotYetValid, "jwtsvid.not_yet_valid", "The token is not valid yet.")                  \
    X(JwtsvidIssuedInFuture, "jwtsvid.issued_in_future",                                           \
      "The token says it was issued in the future.")                                               \
    X(JwtsvidBadSignature, "jwtsvid.bad_signature", "The token's signature does not verify.")      \
    X(JwtsvidUnknownKid, "jwtsvid.unknown_kid",                                                    \
      "The token was signed by a key the bundle does not hold.")                                   \
    X(JwtsvidAudienceMismatch, "jwtsvid.audience_mismatch",                                        \
      "The token is not meant for this audience.")                                                 \
    X(JwtsvidUnknownTrustDomain, "jwtsvid.unknown_trust_domain",                                   \
      "The bundle is for another trust domain.")                                                   \
    X(JwtsvidNoExpectedAudience, "jwtsvid.no_expected_audience",                                   \
      "Give the audience the token must be meant for.")                                            \
    X(JwtsvidNoJwtAuthority, "jwtsvid.no_jwt_authority", "The bundle holds no JWT authority.")     \
    X(JwtsvidNoTime, "jwtsvid.no_time", "No time was given to check the token against.")           \
    X(JwtsvidAudienceMissing, "jwtsvid.audience_missing",                                          \
      "A JWT-SVID needs at least one audience.")                                                   \
    X(JwtsvidMintNoAudience, "jwtsvid.mint_no_audience",                                           \
      "A JWT-SVID needs at least one audience.")                                                   \
    X(JwtsvidMintNoSubject, "jwtsvid.mint_no_subject", "A JWT-SVID needs a subject.")              \
    X(JwtsvidMintNoKid, "jwtsvid.mint_no_kid", "The signing key has no key ID.")                   \
    X(JwtsvidMintBadLifetime, "jwtsvid.mint_bad_lifetime",                                         \
      "The lifetime of the token must be positive.")                                               \
    X(JwtsvidMintUnsupportedKey, "jwtsvid.mint_unsupported_key",                                   \
      "The signing key cannot sign a JWT-SVID.")

namespace ta::core {
namespace ec {
TA_SPIFFE_ERRORS(TA_ERROR_CODE_CONSTANT)
} // namespace ec

/// Every code of the table above, with its meaning.
QList<ErrorCode> spiffeErrorCodes();

} // namespace ta::core
