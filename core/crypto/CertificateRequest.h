// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Key.h"
#include "core/crypto/OsslPtr.h"

namespace ta::core {

/// A PKCS#10 certificate signing request. Only its public key is used for an SVID (as SPIRE
/// does): names come from the registration, never from the requester.
class CertificateRequest
{
public:
    /// Parses PEM or DER and checks the request's self-signature (proof of possession).
    [[nodiscard]] static Result<CertificateRequest> parse(const QByteArray &data);
    /// A request signed by @p key, for tests and the evidence lab.
    [[nodiscard]] static Result<QByteArray> createPem(const Key &key);

    const Key &publicKey() const { return m_publicKey; }

private:
    Key m_publicKey;
};

} // namespace ta::core
