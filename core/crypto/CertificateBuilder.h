// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/Key.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace ta::core {

/// What a certificate says: its role, names and validity. The builder turns it into an X.509 v3
/// certificate carrying exactly the extensions the X509-SVID specification asks of that role.
struct CertificateSpec
{
    enum class Role {
        SigningCa, ///< cA=true, keyCertSign+cRLSign (critical), URI SAN = trust domain ID
        Leaf,      ///< cA=false, digitalSignature (critical), EKU serverAuth+clientAuth
    };

    Role role = Role::Leaf;
    QString uriSan;
    QStringList dnsSans;
    /// Subject O and CN; both empty gives an empty subject, and then the SAN is critical.
    QString organization;
    QString commonName;
    QDateTime notBefore;
    QDateTime notAfter;
    std::optional<int> pathLength;
};

/// Builds and signs X.509 certificates with OpenSSL, extensions built as structures (no
/// configuration strings) so that issuance stays close to the raw signature cost.
class CertificateBuilder
{
public:
    /// Signs @p spec for @p subjectKey with @p issuerKey; @p issuer null means self-signed.
    [[nodiscard]] static Result<Certificate> build(const CertificateSpec &spec,
                                                   const Key &subjectKey, const Key &issuerKey,
                                                   const Certificate *issuer);

    /// The digest that goes with a signing key: SHA-384 for P-384, else SHA-256.
    static const EVP_MD *digestFor(const Key &signingKey);
};

} // namespace ta::core
