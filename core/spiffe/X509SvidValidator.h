// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Certificate.h"
#include "core/spiffe/SpiffeId.h"
#include "core/spiffe/TrustDomain.h"

#include <QDateTime>
#include <QList>

namespace ta::core {

/// A validated X509-SVID: its SPIFFE ID and the path OpenSSL built, leaf to trust anchor.
struct X509SvidVerification
{
    SpiffeId id;
    QList<Certificate> path;
};

/// Validates X509-SVIDs as the X509-SVID specification's section 5 says: RFC 5280 path
/// validation (by OpenSSL) against the X.509 authorities of the leaf's trust domain, then the
/// SPIFFE leaf and signing-certificate rules. Every refusal has its own error code.
class X509SvidValidator
{
public:
    /// Validates @p chain (leaf first, then intermediates) at time @p at against the X.509
    /// @p authorities of @p trustDomain. An SVID of any other trust domain is refused.
    [[nodiscard]] static Result<X509SvidVerification>
    validate(const QList<Certificate> &chain, const TrustDomain &trustDomain,
             const QList<Certificate> &authorities, const QDateTime &at);

    /// The SPIFFE rules for a leaf alone (no path validation): exactly one URI SAN holding a
    /// SPIFFE ID with a path, cA false, key usage critical with digitalSignature and without
    /// keyCertSign or cRLSign, EKU (when present) with serverAuth and clientAuth.
    [[nodiscard]] static Result<SpiffeId> checkLeaf(const Certificate &leaf);
    /// The SPIFFE rules for a signing certificate of @p trustDomain.
    [[nodiscard]] static Result<void> checkSigning(const Certificate &cert,
                                                   const TrustDomain &trustDomain);
};

} // namespace ta::core
