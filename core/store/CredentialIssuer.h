// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/CertificateAuthority.h"
#include "core/store/JwtIssuance.h"
#include "core/store/Workspace.h"
#include "core/store/X509Issuance.h"

namespace ta::core {

/// Issues SVIDs from a workspace's CAs and records each one, so that the CLI and the GUI issue
/// the same way.
class CredentialIssuer
{
public:
    explicit CredentialIssuer(Workspace &workspace) : m_workspace(workspace) {}

    [[nodiscard]] Result<IssuedX509> issueX509(const X509IssueRequest &request,
                                               const QDateTime &now);
    [[nodiscard]] Result<IssuedJwt> issueJwt(const JwtIssueRequest &request, const QDateTime &now);

private:
    Workspace &m_workspace;
};

} // namespace ta::core
