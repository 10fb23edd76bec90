// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/federation/ServerCredential.h"
#include "core/spiffe/SpiffeId.h"
#include "core/store/Workspace.h"

#include <QByteArray>
#include <QDateTime>

namespace ta::core {

/// Where a bundle endpoint's TLS credential comes from.
class EndpointCredentials
{
public:
    /// https_spiffe: an X509-SVID for @p id from the CA of @p id's trust domain in @p workspace,
    /// over a fresh P-256 key. @p ttl 0 takes the trust domain's X509-SVID lifetime. The endpoint's
    /// own SVID is not recorded among the workspace's credentials (it is renewed every half life).
    [[nodiscard]] static Result<ServerCredential>
    mintSvid(const Workspace &workspace, const SpiffeId &id, const QDateTime &now, qint64 ttl = 0);
    /// https_web: a certificate chain (PEM, leaf first) and its private key (PEM), which must
    /// match.
    [[nodiscard]] static Result<ServerCredential> fromPem(const QByteArray &chainPem,
                                                          const QByteArray &keyPem);
};

} // namespace ta::core
