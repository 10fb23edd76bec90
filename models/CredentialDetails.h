// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/store/CredentialRecord.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ta::models {

class Document;

/// What the credential inspector shows of one credential, as plain data: the decoded
/// certificate fields or JWT header and claims, the chain, and the verdict of validating it
/// against its trust domain's current bundle at the document's clock. inspect() does the store
/// reads, the PEM and JOSE decoding and the validation, so that the inspector only lays it out
/// (issue 11: views do no store or crypto work). Labels and sentences are the view's.
struct CredentialDetails
{
    enum class Verdict { None, Valid, Invalid, Revoked };
    enum class KeyType { Other, Ec, Rsa };
    /// Key usage bits, independent of OpenSSL's.
    enum KeyUsageBit : unsigned {
        DigitalSignature = 1u << 0,
        KeyEncipherment = 1u << 1,
        KeyAgreement = 1u << 2,
        CertificateSigning = 1u << 3,
        CrlSigning = 1u << 4,
    };
    enum ExtendedKeyUsageBit : unsigned {
        ServerAuthentication = 1u << 0,
        ClientAuthentication = 1u << 1,
    };

    /// One certificate of the chain, leaf first; fromBundle marks the trust anchor the
    /// validator found in the bundle (not presented by the credential).
    struct ChainRow
    {
        QString subject;
        QString issuer;
        bool fromBundle = false;
    };

    /// The credential shown; nothing when none is selected or the stored one is gone.
    std::optional<core::CredentialRecord> record;
    /// The document's clock when inspected: the instant of the verdict and of "min left".
    QDateTime now;
    /// Whether the material decoded: false leaves only the record's own fields.
    bool decoded = false;

    // Both kinds.
    QString spiffeId;
    QDateTime notBefore; ///< JWT: iat
    QDateTime notAfter;  ///< JWT: exp

    // X509-SVID.
    QString subject;
    QString issuer;
    QString serial;
    KeyType keyType = KeyType::Other;
    int keyBits = 0;
    QString signatureAlgorithm;
    unsigned keyUsage = 0;
    /// False when the certificate has no extendedKeyUsage extension (any use).
    bool extendedKeyUsageRestricted = false;
    unsigned extendedKeyUsage = 0;
    QStringList dnsNames;
    bool isCa = false;
    QString fingerprint;
    QList<ChainRow> chain;

    // JWT-SVID.
    QStringList audience;
    QString algorithm;
    QString keyId;
    /// The header and claims as indented JSON (or as given when they are not JSON).
    QString headerJson;
    QString claimsJson;

    // The verification.
    Verdict verdict = Verdict::None;
    /// Why the verdict is Invalid: a malformed credential, a missing bundle or the validator's
    /// refusal.
    std::optional<core::Error> error;
    QString bundleTrustDomain;
    quint64 bundleSequence = 0;
    /// JWT: the bundle key that verified the signature.
    QString verifiedKeyId;

    /// The stored credential @p id as it is now; an empty result (record unset) for 0 or an ID
    /// that no longer exists.
    static CredentialDetails inspect(const Document &document, qint64 id);
    /// @p record as given (it need not be stored).
    static CredentialDetails inspect(const Document &document,
                                     const core::CredentialRecord &record);
};

} // namespace ta::models
