// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/TrustAnchor.h"

namespace ta::core {

QString anchorKindName(AnchorKind kind)
{
    switch (kind) {
    case AnchorKind::TpmAk:
        return QStringLiteral("tpm_ak");
    case AnchorKind::K8sIssuer:
        return QStringLiteral("k8s_issuer");
    case AnchorKind::X509PopCa:
        return QStringLiteral("x509pop_ca");
    case AnchorKind::CosignKey:
        return QStringLiteral("cosign_key");
    case AnchorKind::AwsSigningCert:
        return QStringLiteral("aws_signing_cert");
    case AnchorKind::GcpJwks:
        return QStringLiteral("gcp_jwks");
    case AnchorKind::JoinToken:
        return QStringLiteral("join_token");
    }
    return {};
}

std::optional<AnchorKind> anchorKindFromName(const QString &name)
{
    for (AnchorKind k :
         {AnchorKind::TpmAk, AnchorKind::K8sIssuer, AnchorKind::X509PopCa, AnchorKind::CosignKey,
          AnchorKind::AwsSigningCert, AnchorKind::GcpJwks, AnchorKind::JoinToken}) {
        if (anchorKindName(k) == name)
            return k;
    }
    return std::nullopt;
}

QList<Key> TrustAnchor::keys() const
{
    QList<Key> out;
    if (!publicKey.isNull())
        out << publicKey;
    for (const Key &k : jwks)
        out << k;
    for (const Certificate &c : certificates)
        out << c.publicKey();
    return out;
}

} // namespace ta::core
