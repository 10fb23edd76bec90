// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/crypto/Certificate.h"
#include "core/crypto/Key.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace ta::core {

/// The kinds of trust anchor, one or more per attestor.
enum class AnchorKind {
    TpmAk,     ///< tpm: a node's attestation key (subject, public_key_pem)
    K8sIssuer, ///< k8s_psat: a cluster's service-account issuer (cluster, issuer, audience, jwks)
    X509PopCa, ///< x509pop: CA certificates (pem)
    CosignKey, ///< cosign: a signing public key (name, public_key_pem)
    AwsSigningCert, ///< aws_iid: the provider's identity-document certificate (name, pem)
    GcpJwks,        ///< gcp_iit: Google's signing keys (name, jwks, audience, issuer)
    JoinToken,      ///< join_token: a single-use token (token, ttl, created_at); kept hashed
};

/// "tpm_ak", "k8s_issuer", "x509pop_ca", "cosign_key", "aws_signing_cert", "gcp_jwks",
/// "join_token": the anchors file's spelling.
QString anchorKindName(AnchorKind kind);
std::optional<AnchorKind> anchorKindFromName(const QString &name);

/// One trust anchor, parsed once so that verification never re-reads PEM or JWKS.
struct TrustAnchor
{
    /// Stable ID: "id" from the file, else "<kind>:<name>" (see AnchorSet).
    QString id;
    AnchorKind kind = AnchorKind::CosignKey;
    /// Cluster (k8s_issuer), key name (cosign_key, aws, gcp), node subject (tpm_ak).
    QString name;
    QString issuer;
    QStringList audiences;
    /// Key ID -> key, for JWKS anchors.
    QMap<QString, Key> jwks;
    /// Key ID -> SPKI SHA-256 (hex) of that key, computed once: encoding a key is costly.
    QMap<QString, QByteArray> jwksFingerprints;
    /// tpm_ak, cosign_key.
    Key publicKey;
    /// x509pop_ca, aws_signing_cert.
    QList<Certificate> certificates;
    /// Their public keys' fingerprints (Certificate::publicKeyFingerprint), in the same order:
    /// set by AnchorSet::addAnchor, so every anchor of a set has them. An aws_iid record
    /// computed its signer's every time, an encoding and a hash (18,000 instructions).
    QList<QByteArray> certificateKeyFingerprints;
    /// join_token: SHA-256 of the token, lowercase hex; the token itself is never stored.
    QByteArray tokenSha256;
    /// Validity window; invalid ends are open. A join token's is created_at .. created_at + ttl.
    QDateTime notBefore;
    QDateTime notAfter;
    /// k8s_issuer: service_account_allow_list ("namespace:name"); gcp_jwks: projectid_allow_list.
    /// Absent (nullopt) in anchors written before the field existed: not enforced, but warned
    /// about on every attestation. Never empty when present (SPIRE refuses an empty list).
    std::optional<QStringList> allowList;
    /// k8s_issuer: allowed_pod_label_keys; gcp_jwks: allowed_label_keys (instance labels).
    QStringList allowedLabelKeys;
    /// k8s_issuer: allowed_node_label_keys.
    QStringList allowedNodeLabelKeys;
    /// gcp_jwks: allowed_metadata_keys, and the largest allowed value in bytes (SPIRE's 128).
    QStringList allowedMetadataKeys;
    int maxMetadataValueSize = 128;
    /// The anchor as stored: the imported JSON, normalized, join token replaced by its hash.
    QJsonObject document;

    /// Every public key the anchor holds (for revoke-key signals by fingerprint).
    QList<Key> keys() const;
};

} // namespace ta::core
