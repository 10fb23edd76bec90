// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/CryptoErrors.h"

#include <openssl/rand.h>
#include <openssl/sha.h>

namespace ta::core {
namespace {

using BasicConstraintsPtr = std::unique_ptr<BASIC_CONSTRAINTS, OsslDeleter<BASIC_CONSTRAINTS_free>>;
using BitStringPtr = std::unique_ptr<ASN1_BIT_STRING, OsslDeleter<ASN1_BIT_STRING_free>>;
using OctetStringPtr = std::unique_ptr<ASN1_OCTET_STRING, OsslDeleter<ASN1_OCTET_STRING_free>>;
using EkuPtr = std::unique_ptr<EXTENDED_KEY_USAGE, OsslDeleter<EXTENDED_KEY_USAGE_free>>;
using AuthorityKeyIdPtr = std::unique_ptr<AUTHORITY_KEYID, OsslDeleter<AUTHORITY_KEYID_free>>;

// Bit positions of RFC 5280's KeyUsage.
constexpr int kDigitalSignature = 0;
constexpr int kKeyCertSign = 5;
constexpr int kCrlSign = 6;

Error fail(const char *what)
{
    return makeError(ec::CryptoCertificateBuildFailed,
                     QString::fromLatin1(what) + QLatin1Char(' ') + takeOpenSslErrors());
}

bool addGeneralName(GENERAL_NAMES *names, int type, const QString &value)
{
    const QByteArray bytes = value.toUtf8();
    ASN1_IA5STRING *ia5 = ASN1_IA5STRING_new();
    if (!ia5 || ASN1_STRING_set(ia5, bytes.constData(), int(bytes.size())) != 1) {
        ASN1_IA5STRING_free(ia5);
        return false;
    }
    GENERAL_NAME *gn = GENERAL_NAME_new();
    if (!gn) {
        ASN1_IA5STRING_free(ia5);
        return false;
    }
    GENERAL_NAME_set0_value(gn, type, ia5);
    if (sk_GENERAL_NAME_push(names, gn) == 0) {
        GENERAL_NAME_free(gn);
        return false;
    }
    return true;
}

bool setRandomSerial(X509 *x)
{
    // 128 random bits, top bit clear: positive and well within RFC 5280's 20 octets.
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return false;
    bytes[0] &= 0x7f;
    bytes[0] |= 0x01; // never a short serial, so its length does not leak into ordering
    BignumPtr bn(BN_bin2bn(bytes, sizeof bytes, nullptr));
    return bn && BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(x)) != nullptr;
}

bool setName(X509_NAME *name, const QString &org, const QString &cn)
{
    auto add = [name](const char *field, const QString &value) {
        if (value.isEmpty())
            return true;
        const QByteArray v = value.toUtf8();
        return X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                          reinterpret_cast<const unsigned char *>(v.constData()),
                                          int(v.size()), -1, 0) == 1;
    };
    return add("O", org) && add("CN", cn);
}

// X509_set_pubkey round-trips the key through OpenSSL 3.0's encoder and decoder, which costs
// several times an ECDSA signature. For an EC leaf the SubjectPublicKeyInfo is just the curve OID
// and the encoded point, both available without a decoder. The certificate then carries no
// decoded key in memory (X509_get0_pubkey gives null) until it is parsed again: Certificate and
// the validator account for that. Signing certificates take the full path, as they must serve as
// issuers in OpenSSL's X509_STORE at once.
// On the fast path @p skiOut receives the subject key identifier, RFC 5280 4.2.1.2 method 1:
// SHA-1 over the subjectPublicKey bits, which for EC are the encoded point already in hand.
bool setSubjectPublicKey(X509 *x, const Key &key, bool leaf, QByteArray *skiOut)
{
    if (leaf && key.isEc()) {
        char group[64] = {};
        size_t groupLen = 0;
        unsigned char point[256];
        size_t pointLen = 0;
        const int curve =
            EVP_PKEY_get_utf8_string_param(key.get(), "group", group, sizeof group, &groupLen) == 1
                ? (OBJ_sn2nid(group) != NID_undef ? OBJ_sn2nid(group) : EC_curve_nist2nid(group))
                : NID_undef;
        if (curve != NID_undef &&
            EVP_PKEY_get_octet_string_param(key.get(), "encoded-pub-key", point, sizeof point,
                                            &pointLen) == 1) {
            auto *bits = static_cast<unsigned char *>(OPENSSL_memdup(point, pointLen));
            if (bits && X509_PUBKEY_set0_param(X509_get_X509_PUBKEY(x),
                                               OBJ_nid2obj(NID_X9_62_id_ecPublicKey), V_ASN1_OBJECT,
                                               OBJ_nid2obj(curve), bits, int(pointLen)) == 1) {
                unsigned char md[SHA_DIGEST_LENGTH];
                unsigned int mdLen = 0;
                if (EVP_Digest(point, pointLen, md, &mdLen, EVP_sha1(), nullptr) == 1)
                    *skiOut = QByteArray(reinterpret_cast<const char *>(md), int(mdLen));
                return true;
            }
            OPENSSL_free(bits);
        }
        takeOpenSslErrors();
    }
    return X509_set_pubkey(x, key.get()) == 1;
}

} // namespace

const EVP_MD *CertificateBuilder::digestFor(const Key &signingKey)
{
    if (signingKey.isEc() && signingKey.bits() > 256)
        return signingKey.bits() > 384 ? EVP_sha512() : EVP_sha384();
    return EVP_sha256();
}

Result<Certificate> CertificateBuilder::build(const CertificateSpec &spec, const Key &subjectKey,
                                              const Key &issuerKey, const Certificate *issuer)
{
    if (subjectKey.isNull() || !issuerKey.hasPrivate())
        return makeError(ec::CryptoCertificateBuildFailed,
                         QStringLiteral("missing subject key or issuer private key"));
    if (!spec.notBefore.isValid() || !spec.notAfter.isValid() || spec.notAfter <= spec.notBefore)
        return makeError(ec::CryptoBadValidity);

    X509Ptr x(X509_new());
    if (!x || X509_set_version(x.get(), X509_VERSION_3) != 1 || !setRandomSerial(x.get()))
        return fail("serial");
    if (!ASN1_TIME_set(X509_getm_notBefore(x.get()), time_t(spec.notBefore.toSecsSinceEpoch())) ||
        !ASN1_TIME_set(X509_getm_notAfter(x.get()), time_t(spec.notAfter.toSecsSinceEpoch())))
        return fail("validity");
    QByteArray skiBytes;
    if (!setSubjectPublicKey(x.get(), subjectKey, spec.role == CertificateSpec::Role::Leaf,
                             &skiBytes))
        return fail("public key");
    if (!setName(X509_get_subject_name(x.get()), spec.organization, spec.commonName))
        return fail("subject");
    if (X509_set_issuer_name(x.get(), issuer ? X509_get_subject_name(issuer->get())
                                             : X509_get_subject_name(x.get())) != 1)
        return fail("issuer");

    const bool ca = spec.role == CertificateSpec::Role::SigningCa;

    BasicConstraintsPtr bc(BASIC_CONSTRAINTS_new());
    bc->ca = ca ? 0xff : 0;
    if (ca && spec.pathLength) {
        bc->pathlen = ASN1_INTEGER_new();
        ASN1_INTEGER_set(bc->pathlen, *spec.pathLength);
    }
    if (X509_add1_ext_i2d(x.get(), NID_basic_constraints, bc.get(), 1, X509V3_ADD_DEFAULT) != 1)
        return fail("basicConstraints");

    BitStringPtr ku(ASN1_BIT_STRING_new());
    if (ca) {
        ASN1_BIT_STRING_set_bit(ku.get(), kKeyCertSign, 1);
        ASN1_BIT_STRING_set_bit(ku.get(), kCrlSign, 1);
    } else {
        ASN1_BIT_STRING_set_bit(ku.get(), kDigitalSignature, 1);
    }
    if (X509_add1_ext_i2d(x.get(), NID_key_usage, ku.get(), 1, X509V3_ADD_DEFAULT) != 1)
        return fail("keyUsage");

    if (!ca) {
        EkuPtr eku(sk_ASN1_OBJECT_new_null());
        sk_ASN1_OBJECT_push(eku.get(), OBJ_nid2obj(NID_server_auth));
        sk_ASN1_OBJECT_push(eku.get(), OBJ_nid2obj(NID_client_auth));
        if (X509_add1_ext_i2d(x.get(), NID_ext_key_usage, eku.get(), 0, X509V3_ADD_DEFAULT) != 1)
            return fail("extendedKeyUsage");
    }

    if (!spec.uriSan.isEmpty() || !spec.dnsSans.isEmpty()) {
        GeneralNamesPtr names(sk_GENERAL_NAME_new_null());
        if (!spec.uriSan.isEmpty() && !addGeneralName(names.get(), GEN_URI, spec.uriSan))
            return fail("URI SAN");
        for (const QString &dns : spec.dnsSans) {
            if (!addGeneralName(names.get(), GEN_DNS, dns))
                return fail("DNS SAN");
        }
        // RFC 5280 4.2.1.6: with an empty subject the SAN extension is critical.
        const bool critical = spec.organization.isEmpty() && spec.commonName.isEmpty();
        if (X509_add1_ext_i2d(x.get(), NID_subject_alt_name, names.get(), critical ? 1 : 0,
                              X509V3_ADD_DEFAULT) != 1)
            return fail("subjectAltName");
    }

    if (skiBytes.isEmpty()) {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int mdLen = 0;
        if (X509_pubkey_digest(x.get(), EVP_sha1(), md, &mdLen) != 1)
            return fail("subject key identifier");
        skiBytes = QByteArray(reinterpret_cast<const char *>(md), int(mdLen));
    }
    OctetStringPtr ski(ASN1_OCTET_STRING_new());
    ASN1_OCTET_STRING_set(ski.get(), reinterpret_cast<const unsigned char *>(skiBytes.constData()),
                          int(skiBytes.size()));
    if (X509_add1_ext_i2d(x.get(), NID_subject_key_identifier, ski.get(), 0, X509V3_ADD_DEFAULT) !=
        1)
        return fail("subjectKeyIdentifier");

    AuthorityKeyIdPtr aki(AUTHORITY_KEYID_new());
    const ASN1_OCTET_STRING *issuerSki =
        issuer ? X509_get0_subject_key_id(issuer->get()) : ski.get();
    if (issuerSki) {
        aki->keyid = ASN1_OCTET_STRING_dup(issuerSki);
        if (X509_add1_ext_i2d(x.get(), NID_authority_key_identifier, aki.get(), 0,
                              X509V3_ADD_DEFAULT) != 1)
            return fail("authorityKeyIdentifier");
    }

    if (X509_sign(x.get(), issuerKey.get(), digestFor(issuerKey)) <= 0)
        return fail("sign");
    return Certificate(std::move(x));
}

} // namespace ta::core
