// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/crypto/Certificate.h"
#include "core/crypto/Key.h"
#include "core/crypto/KeyType.h"
#include "core/store/CredentialRecord.h"

#include <QList>
#include <QString>
#include <QStringList>

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

} // namespace ta::core
