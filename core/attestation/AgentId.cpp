// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/AgentId.h"
#include "core/attestation/AttestationErrors.h"

#include "core/spiffe/SpiffeId.h"

namespace ta::core {

Result<QString> AgentId::make(const TrustDomain &td, const QString &attestor,
                              const QStringList &parts)
{
    if (td.isNull())
        return makeError(ec::AttestationNoTrustDomain);
    auto id = SpiffeId::fromSegments(
        td, QStringList{QStringLiteral("spire"), QStringLiteral("agent"), attestor} + parts);
    if (!id)
        return id.error();
    return id->toString();
}

} // namespace ta::core
