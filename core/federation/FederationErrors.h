// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/ErrorCode.h"

// The federation module (relationships, bundle endpoint server and client): every error code it
// raises, declared once. X(constant, "code", "meaning"): the constant is ta::core::ec::<constant>.
// The table is header only, so core's ErrorCatalog lists it without linking this module (which
// sits above core).
#define TA_FEDERATION_ERRORS(X)                                                                    \
    X(FedBadProfile, "fed.bad_profile",                                                            \
      "The bundle endpoint profile must be https_web or https_spiffe.")                            \
    X(FedBadUrl, "fed.bad_url", "The bundle endpoint URL must be an https URL with a host.")       \
    X(FedEndpointIdRequired, "fed.endpoint_id_required",                                           \
      "The https_spiffe profile needs the endpoint's SPIFFE ID.")                                  \
    X(FedSelfFederation, "fed.self_federation", "A trust domain cannot federate with itself.")     \
    X(FedRelationshipExists, "fed.relationship_exists",                                            \
      "This trust domain federates with that peer already.")                                       \
    X(FedUnknownRelationship, "fed.unknown_relationship",                                          \
      "There is no federation relationship with that peer.")                                       \
    X(FedAmbiguousLocal, "fed.ambiguous_local",                                                    \
      "Say which of the workspace's trust domains the relationship belongs to.")                   \
    X(FedBadImport, "fed.bad_import",                                                              \
      "The federation configuration is not in a form SPIRE writes.")                               \
    X(FedConnection, "fed.connection", "The bundle endpoint could not be reached.")                \
    X(FedTimeout, "fed.timeout", "The bundle endpoint did not answer in time.")                    \
    X(FedTls, "fed.tls", "The TLS handshake with the bundle endpoint failed.")                     \
    X(FedHostnameMismatch, "fed.hostname_mismatch",                                                \
      "The endpoint's certificate is not for the host in the URL.")                                \
    X(FedCertificateExpired, "fed.certificate_expired",                                            \
      "The endpoint's certificate has expired or is not valid yet.")                               \
    X(FedUntrustedCertificate, "fed.untrusted_certificate",                                        \
      "The endpoint's certificate does not chain to a trusted authority.")                         \
    X(FedSpiffeIdMismatch, "fed.spiffe_id_mismatch",                                               \
      "The endpoint presented another SPIFFE ID than the one configured.")                         \
    X(FedNoEndpointBundle, "fed.no_endpoint_bundle",                                               \
      "There is no bundle to authenticate the endpoint with: give a bootstrap bundle.")            \
    X(FedHttpStatus, "fed.http_status", "The bundle endpoint answered with an error status.")      \
    X(FedBadResponse, "fed.bad_response",                                                          \
      "The bundle endpoint's answer is not a valid SPIFFE bundle.")                                \
    X(FedTooLarge, "fed.too_large", "The bundle endpoint's answer is larger than allowed.")        \
    X(FedWrongTrustDomain, "fed.wrong_trust_domain",                                               \
      "The fetched bundle is for another trust domain.")                                           \
    X(FedSequenceBackwards, "fed.sequence_backwards",                                              \
      "The fetched bundle is older than the one held, which is kept.")                             \
    X(FedSequenceReused, "fed.sequence_reused",                                                    \
      "The fetched bundle changed without a new sequence number; the one held is kept.")           \
    X(FedListen, "fed.listen", "The bundle endpoint could not listen on that address.")            \
    X(FedServerCredential, "fed.server_credential",                                                \
      "The bundle endpoint's certificate or key cannot be used.")

namespace ta::core::ec {
TA_FEDERATION_ERRORS(TA_ERROR_CODE_CONSTANT)
} // namespace ta::core::ec
