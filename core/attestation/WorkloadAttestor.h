// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/Attestor.h"
#include "core/crypto/Key.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QMutex>

#include <optional>

namespace ta::core {

/// unix, k8s, docker, systemd: workload selectors and claims that an attested agent signed.
/// payload.jws is a compact JWS whose protected header carries the agent's X509-SVID chain in
/// x5c (RFC 7515 4.1.6, base64 DER, leaf first) and whose claims are
/// {sub, selectors: ["<attestor>:..."], claims: {...}, iat, jti}. Accepted only when the SVID
/// validates against the workspace bundle of its trust domain at the record's time, its key
/// signed the JWS, and its agent ID holds a node attestation valid at that instant.
class WorkloadAttestor : public Attestor
{
public:
    /// @p name is one of "unix", "k8s", "docker", "systemd": SPIRE's workload attestor names
    /// and the prefix every selector must carry.
    explicit WorkloadAttestor(QString name) : m_name(std::move(name)) {}
    QString name() const override { return m_name; }
    AttestationResult verify(const EvidenceRecord &record,
                             const AttestationContext &context) const override;

private:
    /// An agent SVID chain that passed validation: valid again at any instant inside its window.
    struct ValidatedSvid
    {
        QString agentId;
        Key leafKey;
        QDateTime notBefore; ///< latest notBefore on the path
        QDateTime notAfter;  ///< earliest notAfter on the path
    };

    QString m_name;
    /// Agents sign thousands of records with one SVID; path validation (an X509_verify_cert per
    /// record) is the cost that dominates, and its outcome only depends on the chain, the bundle
    /// and the instant. Keyed by the bundle set's address and the protected header's text (which
    /// holds the x5c). Guarded by
    /// m_validatedMutex: EvidenceVerifier's pre-pass calls verify() from several threads.
    mutable QMutex m_validatedMutex;
    mutable QHash<QByteArray, ValidatedSvid> m_validated;

    std::optional<ValidatedSvid> validateChain(const QJsonArray &x5c, const EvidenceRecord &record,
                                               const AttestationContext &context,
                                               AttestationResult &r) const;
};

} // namespace ta::core
