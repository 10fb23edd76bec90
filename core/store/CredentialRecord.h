// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/crypto/AuthoritySlot.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

namespace ta::core {

/// A credential the workspace issued, as recorded for audit.
struct CredentialRecord
{
    enum class Status { Valid, Revoked };

    qint64 id = 0;
    QString trustDomain;
    AuthorityKind kind = AuthorityKind::X509;
    /// X.509: the certificate serial (hex). JWT: the token's jti-free fingerprint (SHA-256, hex).
    QString serial;
    QString spiffeId;
    QDateTime notBefore;
    QDateTime notAfter;
    QDateTime issuedAt;
    QString keyType;
    Status status = Status::Valid;
    QString authorityId;
    QStringList audience;
    QStringList dnsNames;
    /// X.509: the chain as PEM. JWT: the compact token.
    QByteArray material;

    bool expiredAt(const QDateTime &t) const { return notAfter <= t; }
    bool operator==(const CredentialRecord &) const = default;
};

} // namespace ta::core
