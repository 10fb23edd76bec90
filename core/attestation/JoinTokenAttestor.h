// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/Attestor.h"

namespace ta::core {

/// join_token: a token the workspace knows (compared by SHA-256), inside its TTL, used once
/// across all subjects. Agent ID: spire/agent/join_token/<token>, as SPIRE mints it.
class JoinTokenAttestor : public Attestor
{
public:
    QString name() const override { return QStringLiteral("join_token"); }
    bool attestsNodes() const override { return true; }
    AttestationResult verify(const EvidenceRecord &record,
                             const AttestationContext &context) const override;
};

} // namespace ta::core
