// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/CertificateAuthority.h"
#include "core/spiffe/JwtSvid.h"
#include "core/store/CredentialRecord.h"
#include "core/store/Workspace.h"

namespace ta::core {

/// What to issue as an X509-SVID.
struct X509IssueRequest
{
    QString trustDomain;
    QString spiffeId;
    QStringList dnsNames;
    /// Seconds; 0 takes the trust domain's default.
    qint64 ttl = 0;
    /// The subject's public key (from a CSR or a file); null has a key generated of keyType.
    Key publicKey;
    KeyType keyType = KeyType::EcP256;
};

/// An issued X509-SVID with what a workload needs beside it.
struct IssuedX509
{
    /// Leaf first, then intermediates.
    QList<Certificate> chain;
    /// The generated private key; null when the requester brought its own public key.
    Key privateKey;
    /// The trust domain's X.509 authorities, for bundle.pem.
    QList<Certificate> bundle;
    CredentialRecord record;
};

/// What to issue as a JWT-SVID.
struct JwtIssueRequest
{
    QString trustDomain;
    QString spiffeId;
    QStringList audience;
    /// Seconds; 0 takes the trust domain's default.
    qint64 ttl = 0;
};

struct IssuedJwt
{
    JwtSvid svid;
    CredentialRecord record;
};

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
