// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/Attestor.h"

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
    QString m_name;
};

} // namespace ta::core
