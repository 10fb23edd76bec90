// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/Attestor.h"

namespace ta::core {

/// gcp_iit: a Compute Engine instance identity token (RS256 JWT, format=full) verified against a
/// gcp_jwks anchor: signature, iss, aud, exp; the google.compute_engine block; the anchor's
/// projectid_allow_list. Selectors as SPIRE's gcp_iit: project-id, zone, instance-name, sa (the
/// token's email); with the recorded instance (see GcpRecordedInstance) also tag, sa, label and
/// metadata. Agent ID: spire/agent/gcp_iit/<project>/<instance id>.
class GcpIitAttestor : public Attestor
{
public:
    QString name() const override { return QStringLiteral("gcp_iit"); }
    bool attestsNodes() const override { return true; }
    AttestationResult verify(const EvidenceRecord &record,
                             const AttestationContext &context) const override;
};

} // namespace ta::core
