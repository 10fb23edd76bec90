// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/Certificate.h"
#include "core/crypto/CryptoErrors.h"

#include "core/crypto/Digest.h"

#include <openssl/err.h>
#include <openssl/pem.h>

namespace ta::core {
namespace {

QString nameText(const X509_NAME *name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253);
    return QString::fromUtf8(bioBytes(bio.get()));
}

QDateTime asn1Time(const ASN1_TIME *t)
{
    struct tm tm = {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

QStringList sansOfType(X509 *x, int type)
{
    QStringList out;
    GeneralNamesPtr names(
        static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(x, NID_subject_alt_name, nullptr, nullptr)));
    if (!names)
        return out;
    for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME *gn = sk_GENERAL_NAME_value(names.get(), i);
        if (gn->type != type)
            continue;
        const ASN1_IA5STRING *s = type == GEN_URI ? gn->d.uniformResourceIdentifier : gn->d.dNSName;
        out << QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)),
                                   ASN1_STRING_length(s));
    }
    return out;
}

} // namespace

Certificate::Certificate(X509Ptr x509) : m_x509(std::move(x509)) {}

Certificate::Certificate(const Certificate &other)
{
    if (other.m_x509 && X509_up_ref(other.m_x509.get()) == 1)
        m_x509.reset(other.m_x509.get());
}

Certificate &Certificate::operator=(const Certificate &other)
{
    if (this != &other) {
        Certificate copy(other);
        m_x509 = std::move(copy.m_x509);
    }
    return *this;
}

Result<Certificate> Certificate::fromDer(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    X509 *x = d2i_X509(nullptr, &p, long(der.size()));
    if (!x)
        return makeError(ec::CryptoCertificateUnreadable, takeOpenSslErrors());
    if (p != reinterpret_cast<const unsigned char *>(der.constData()) + der.size()) {
        X509_free(x);
        return makeError(
            ec::CryptoCertificateTrailingData,
            QStringLiteral("%1 bytes after the certificate")
                .arg(der.size() - (p - reinterpret_cast<const unsigned char *>(der.constData()))));
    }
    return Certificate(X509Ptr(x));
}

Result<Certificate> Certificate::fromPem(const QByteArray &pem)
{
    auto list = listFromPem(pem);
    if (!list)
        return list.error();
    return list->first();
}

Result<QList<Certificate>> Certificate::listFromPem(const QByteArray &pem)
{
    QList<Certificate> out;
    BioPtr bio = readBio(pem);
    bool encrypted = false;
    while (X509 *x = PEM_read_bio_X509(bio.get(), nullptr, refusePassphrase, &encrypted))
        out.append(Certificate(X509Ptr(x)));
    // Reaching the end of the input leaves a "no start line" error behind; that is not a fault.
    // Any other error means a block that started and did not parse (cut short, bad base64 or
    // DER, encrypted): the list would silently lose it and what follows, so it is refused.
    const unsigned long last = ERR_peek_last_error();
    const bool atEnd =
        ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE;
    const QString errors = takeOpenSslErrors();
    if (encrypted)
        return makeError(ec::CryptoPemEncrypted,
                         QStringLiteral("certificate %1").arg(out.size() + 1));
    if (!atEnd && last != 0)
        return makeError(ec::CryptoCertificateUnreadable,
                         QStringLiteral("certificate %1: %2").arg(out.size() + 1).arg(errors));
    if (out.isEmpty())
        return makeError(ec::CryptoNoCertificate,
                         QStringLiteral("no PEM certificate in %1 bytes").arg(pem.size()));
    return out;
}

QByteArray Certificate::listToPem(const QList<Certificate> &certs)
{
    QByteArray out;
    for (const Certificate &c : certs)
        out += c.toPem();
    return out;
}

QByteArray Certificate::toDer() const
{
    if (!m_x509)
        return {};
    unsigned char *buf = nullptr;
    const int len = i2d_X509(m_x509.get(), &buf);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(buf), len);
    OPENSSL_free(buf);
    return out;
}

QByteArray Certificate::toPem() const
{
    if (!m_x509)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), m_x509.get());
    return bioBytes(bio.get());
}

QString Certificate::serialHex() const
{
    if (!m_x509)
        return {};
    BignumPtr bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(m_x509.get()), nullptr));
    char *hex = BN_bn2hex(bn.get());
    QString out = QString::fromLatin1(hex).toLower();
    OPENSSL_free(hex);
    return out;
}

QString Certificate::subjectText() const
{
    return m_x509 ? nameText(X509_get_subject_name(m_x509.get())) : QString();
}

QString Certificate::issuerText() const
{
    return m_x509 ? nameText(X509_get_issuer_name(m_x509.get())) : QString();
}

bool Certificate::subjectIsEmpty() const
{
    return m_x509 && X509_NAME_entry_count(X509_get_subject_name(m_x509.get())) == 0;
}

QDateTime Certificate::notBefore() const
{
    return m_x509 ? asn1Time(X509_get0_notBefore(m_x509.get())) : QDateTime();
}

QDateTime Certificate::notAfter() const
{
    return m_x509 ? asn1Time(X509_get0_notAfter(m_x509.get())) : QDateTime();
}

Key Certificate::publicKey() const
{
    if (!m_x509)
        return {};
    if (EVP_PKEY *k = X509_get_pubkey(m_x509.get()))
        return Key(EvpPkeyPtr(k));
    takeOpenSslErrors();
    // A leaf fresh from CertificateBuilder: decode the key from its encoded SubjectPublicKeyInfo.
    auto key = Key::fromPublicDer(subjectPublicKeyInfoDer());
    return key ? *key : Key();
}

QByteArray Certificate::subjectPublicKeyInfoDer() const
{
    if (!m_x509)
        return {};
    unsigned char *der = nullptr;
    const int len = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(m_x509.get()), &der);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    return out;
}

QByteArray Certificate::publicKeyFingerprint() const
{
    const QByteArray spki = subjectPublicKeyInfoDer();
    return spki.isEmpty() ? QByteArray() : sha256Hex(spki);
}

bool Certificate::hasDecodedPublicKey() const
{
    if (!m_x509)
        return false;
    const bool has = X509_get0_pubkey(m_x509.get()) != nullptr;
    if (!has)
        takeOpenSslErrors();
    return has;
}

Certificate Certificate::reparsed() const
{
    auto copy = fromDer(toDer());
    return copy ? *copy : Certificate();
}

QStringList Certificate::uriSans() const
{
    return m_x509 ? sansOfType(m_x509.get(), GEN_URI) : QStringList();
}

QStringList Certificate::dnsSans() const
{
    return m_x509 ? sansOfType(m_x509.get(), GEN_DNS) : QStringList();
}

int Certificate::sanCount() const
{
    if (!m_x509)
        return 0;
    GeneralNamesPtr names(static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(m_x509.get(), NID_subject_alt_name, nullptr, nullptr)));
    return names ? sk_GENERAL_NAME_num(names.get()) : 0;
}

bool Certificate::hasExtension(int nid) const
{
    return m_x509 && X509_get_ext_by_NID(m_x509.get(), nid, -1) >= 0;
}

bool Certificate::extensionCritical(int nid) const
{
    if (!m_x509)
        return false;
    const int idx = X509_get_ext_by_NID(m_x509.get(), nid, -1);
    return idx >= 0 && X509_EXTENSION_get_critical(X509_get_ext(m_x509.get(), idx)) == 1;
}

bool Certificate::isCa() const
{
    // X509_check_ca also counts v1 roots and keyCertSign; SPIFFE asks for basicConstraints cA.
    if (!m_x509)
        return false;
    std::unique_ptr<BASIC_CONSTRAINTS, OsslDeleter<BASIC_CONSTRAINTS_free>> bc(
        static_cast<BASIC_CONSTRAINTS *>(
            X509_get_ext_d2i(m_x509.get(), NID_basic_constraints, nullptr, nullptr)));
    return bc && bc->ca;
}

uint32_t Certificate::keyUsage() const
{
    return m_x509 ? X509_get_key_usage(m_x509.get()) : 0;
}

uint32_t Certificate::extendedKeyUsage() const
{
    return m_x509 ? X509_get_extended_key_usage(m_x509.get()) : 0;
}

bool Certificate::isSelfSigned() const
{
    return m_x509 && X509_self_signed(m_x509.get(), 0) == 1;
}

QByteArray Certificate::fingerprint() const
{
    return sha256Hex(toDer());
}

QString Certificate::signatureAlgorithm() const
{
    if (!m_x509)
        return {};
    return QString::fromLatin1(OBJ_nid2ln(X509_get_signature_nid(m_x509.get())));
}

bool Certificate::operator==(const Certificate &other) const
{
    if (!m_x509 || !other.m_x509)
        return m_x509 == other.m_x509;
    return X509_cmp(m_x509.get(), other.m_x509.get()) == 0;
}

} // namespace ta::core
