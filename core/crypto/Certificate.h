// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/Key.h"
#include "core/crypto/OsslPtr.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace ta::core {

/// An X.509 certificate over an OpenSSL X509. Copies share the certificate (reference-counted,
/// never mutated once built).
class Certificate
{
public:
    Certificate() = default;
    /// Takes ownership of @p x509.
    explicit Certificate(X509Ptr x509);
    Certificate(const Certificate &other);
    Certificate &operator=(const Certificate &other);
    Certificate(Certificate &&) noexcept = default;
    Certificate &operator=(Certificate &&) noexcept = default;

    static Result<Certificate> fromDer(const QByteArray &der);
    static Result<Certificate> fromPem(const QByteArray &pem);
    /// Every CERTIFICATE block of @p pem, in order. An input with none is an error.
    static Result<QList<Certificate>> listFromPem(const QByteArray &pem);
    static QByteArray listToPem(const QList<Certificate> &certs);

    bool isNull() const { return !m_x509; }
    QByteArray toDer() const;
    QByteArray toPem() const;

    /// Serial number as lowercase hex without leading zeros.
    QString serialHex() const;
    QString subjectText() const;
    QString issuerText() const;
    bool subjectIsEmpty() const;
    QDateTime notBefore() const;
    QDateTime notAfter() const;
    Key publicKey() const;
    /// The subject key's Key::fingerprint(), hashed from the SubjectPublicKeyInfo as encoded in
    /// the certificate: no key is decoded or re-encoded, so it is cheap enough per record.
    QByteArray publicKeyFingerprint() const;
    /// Whether OpenSSL holds the subject key decoded (false for a leaf fresh from
    /// CertificateBuilder, which skips that cost; see reparsed()).
    bool hasDecodedPublicKey() const;
    /// The same certificate parsed anew from its DER, with its key decoded.
    Certificate reparsed() const;
    QStringList uriSans() const;
    QStringList dnsSans() const;
    /// Number of GeneralNames of every kind in the SAN extension.
    int sanCount() const;
    bool hasExtension(int nid) const;
    bool extensionCritical(int nid) const;
    /// basicConstraints cA.
    bool isCa() const;
    /// keyUsage bits as OpenSSL reports them (KU_DIGITAL_SIGNATURE, KU_KEY_CERT_SIGN, ...).
    uint32_t keyUsage() const;
    /// extendedKeyUsage bits (XKU_SSL_SERVER, XKU_SSL_CLIENT, ...), or UINT32_MAX when absent.
    uint32_t extendedKeyUsage() const;
    bool isSelfSigned() const;
    /// SHA-256 over the DER, hex.
    QByteArray fingerprint() const;
    QString signatureAlgorithm() const;

    X509 *get() const { return m_x509.get(); }
    bool operator==(const Certificate &other) const;

private:
    /// The SubjectPublicKeyInfo DER as the certificate holds it.
    QByteArray subjectPublicKeyInfoDer() const;

    X509Ptr m_x509;
};

} // namespace ta::core
