// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/spiffe/TrustDomain.h"

#include <QString>
#include <QStringList>

namespace ta::core {

/// SPIRE's agent SPIFFE IDs: spiffe://TD/spire/agent/<attestor>/<parts...>.
class AgentId
{
public:
    AgentId() = delete;
    /// The agent ID for @p attestor with @p parts; parts must be valid SPIFFE path segments.
    [[nodiscard]] static Result<QString> make(const TrustDomain &td, const QString &attestor,
                                              const QStringList &parts);
};

} // namespace ta::core
