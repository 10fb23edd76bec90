// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/lab/CloudProvider.h"
#include "core/attestation/lab/ClusterIssuer.h"
#include "core/attestation/lab/CosignSigner.h"
#include "core/attestation/lab/GcpIdentityProvider.h"
#include "core/spiffe/CertificateAuthority.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ta::tests {

/// One entry of every kind in the anchors file form, each from real keys and certificates: the
/// evidence lab's cluster, GCP and AWS providers and cosign signer, a fresh CA for x509pop, a
/// fresh TPM attestation key.
struct AnchorSamples
{
    QJsonObject k8s, gcp, aws, x509pop, joinToken, tpm, cosign, pcr, image;
    /// The join token in clear, as a node would present it; the workspace must never hold it.
    QString joinTokenClear = QStringLiteral("4c5e7d1a-93b2-4f1e-8a55-0d9c6b7e2f31");

    static AnchorSamples make(const QDateTime &now)
    {
        using namespace ta::core;
        AnchorSamples s;
        s.k8s = ClusterIssuer::create(QStringLiteral("prod-eu"),
                                      QStringLiteral("https://k8s.prod-eu.example"))
                    ->anchorJson(QStringLiteral("spire-server"));
        s.gcp =
            GcpIdentityProvider::create()->anchorJson(QStringLiteral("spire-gcp-node-attestor"));
        s.aws = CloudProvider::create(now)->anchorJson();
        const CertificateAuthority ca =
            CertificateAuthority::create(
                TrustDomain::fromName(QStringLiteral("pop.example")).value(), CaSettings{},
                now.addDays(-1))
                .value();
        s.x509pop = {
            {QStringLiteral("kind"), QStringLiteral("x509pop_ca")},
            {QStringLiteral("name"), QStringLiteral("datacenter-ca")},
            {QStringLiteral("pem"), QString::fromLatin1(ca.x509Authorities().first().toPem())}};
        s.joinToken = {{QStringLiteral("kind"), QStringLiteral("join_token")},
                       {QStringLiteral("token"), s.joinTokenClear},
                       {QStringLiteral("ttl"), 600},
                       {QStringLiteral("created_at"), now.toString(Qt::ISODate)}};
        s.tpm = {{QStringLiteral("kind"), QStringLiteral("tpm_ak")},
                 {QStringLiteral("subject"), QStringLiteral("node/lab-a")},
                 {QStringLiteral("public_key_pem"),
                  QString::fromLatin1(Key::generate(KeyType::EcP256)->publicPem())}};
        s.cosign = CosignSigner::create(QStringLiteral("release"))->anchorJson();
        s.pcr = {{QStringLiteral("kind"), QStringLiteral("pcr")},
                 {QStringLiteral("subject"), QStringLiteral("node/lab-a")},
                 {QStringLiteral("bank"), QStringLiteral("sha256")},
                 {QStringLiteral("index"), 7},
                 {QStringLiteral("value"), QString(64, QLatin1Char('7'))}};
        s.image = {
            {QStringLiteral("kind"), QStringLiteral("image_digest")},
            {QStringLiteral("image"), QStringLiteral("registry.example/pay/api")},
            {QStringLiteral("digest"), QStringLiteral("sha256:") + QString(64, QLatin1Char('a'))}};
        return s;
    }

    QJsonObject file() const
    {
        return {
            {QStringLiteral("anchors"), QJsonArray{k8s, gcp, aws, x509pop, joinToken, tpm, cosign}},
            {QStringLiteral("reference_values"), QJsonArray{pcr, image}}};
    }
};

} // namespace ta::tests
