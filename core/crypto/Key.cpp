// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/Key.h"
#include "core/crypto/CryptoErrors.h"

#include "core/crypto/Digest.h"

#include <openssl/core_names.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>

namespace ta::core {

namespace {

// Whether every PEM block of @p pem is labelled PUBLIC KEY. OpenSSL reads a block only where a
// line starts "-----BEGIN ", so each block it could read is one of those seen here.
bool onlyPublicKeyBlocks(QByteArrayView pem)
{
    constexpr QByteArrayView begin("-----BEGIN ");
    qsizetype at = pem.indexOf(begin);
    if (at < 0)
        return false;
    for (; at >= 0; at = pem.indexOf(begin, at + 1)) {
        if (!pem.sliced(at + begin.size()).startsWith("PUBLIC KEY-----"))
            return false;
    }
    return true;
}

// A DER length (X.690 8.1.3: short form below 128, else the bytes of the length after 0x80 + n).
void appendDerLength(QByteArray &out, qsizetype length)
{
    if (length < 0x80) {
        out.append(char(length));
        return;
    }
    QByteArray bytes;
    for (qsizetype l = length; l > 0; l >>= 8)
        bytes.prepend(char(l & 0xff));
    out.append(char(0x80 | bytes.size()));
    out.append(bytes);
}

QByteArray derTagged(char tag, QByteArrayView content)
{
    QByteArray out(1, tag);
    appendDerLength(out, content.size());
    out.append(content);
    return out;
}

// The SubjectPublicKeyInfo DER (RFC 5480) of an EC key whose curve is encoded by name and whose
// point is uncompressed: the AlgorithmIdentifier of id-ecPublicKey with the curve's OID, then
// the point. That is what i2d_PUBKEY writes for such a key, built without OpenSSL 3's encoders,
// which cost a workload's first token under each new agent SVID more than the rest of its
// checks (lock contention on their registry, on every core). Empty for any other key, which
// i2d_PUBKEY encodes; tst_key holds the two to the same bytes.
QByteArray namedCurveSpki(EVP_PKEY *pkey)
{
    if (EVP_PKEY_get_base_id(pkey) != EVP_PKEY_EC)
        return {};
    char text[64] = {};
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_EC_ENCODING, text, sizeof text,
                                       &len) != 1 ||
        QByteArrayView(text, qsizetype(len)) != OSSL_PKEY_EC_ENCODING_GROUP)
        return {};
    // OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY gives the point uncompressed whatever the key's form,
    // which i2d_PUBKEY follows: only an uncompressed key's is built here.
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, text,
                                       sizeof text, &len) != 1 ||
        QByteArrayView(text, qsizetype(len)) != OSSL_PKEY_EC_POINT_CONVERSION_FORMAT_UNCOMPRESSED)
        return {};
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, text, sizeof text, &len) !=
        1)
        return {};
    const QByteArrayView group(text, qsizetype(len));
    QByteArrayView curveOid;
    if (group == "prime256v1")
        curveOid = QByteArrayView("\x2a\x86\x48\xce\x3d\x03\x01\x07", 8);
    else if (group == "secp384r1")
        curveOid = QByteArrayView("\x2b\x81\x04\x00\x22", 5);
    else if (group == "secp521r1")
        curveOid = QByteArrayView("\x2b\x81\x04\x00\x23", 5);
    else
        return {};
    unsigned char point[160];
    size_t pointLen = 0;
    if (EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY, point,
                                        sizeof point, &pointLen) != 1 ||
        pointLen == 0 || point[0] != 0x04)
        return {};
    const QByteArray algorithm =
        derTagged(0x30, derTagged(0x06, QByteArrayView("\x2a\x86\x48\xce\x3d\x02\x01", 7)) +
                            derTagged(0x06, curveOid));
    QByteArray bits(1, '\0'); // no unused bits
    bits.append(reinterpret_cast<const char *>(point), qsizetype(pointLen));
    return derTagged(0x30, algorithm + derTagged(0x03, bits));
}

} // namespace

Key::Key(EvpPkeyPtr pkey)
    : m_pkey(std::move(pkey)), m_derived(m_pkey ? std::make_shared<Derived>() : nullptr)
{}

Key::Key(const Key &other)
{
    if (other.m_pkey && EVP_PKEY_up_ref(other.m_pkey.get()) == 1) {
        m_pkey.reset(other.m_pkey.get());
        m_derived = other.m_derived;
    }
}

Key &Key::operator=(const Key &other)
{
    if (this != &other) {
        Key copy(other);
        m_pkey = std::move(copy.m_pkey);
        m_derived = std::move(copy.m_derived);
    }
    return *this;
}

Result<Key> Key::generate(KeyType type)
{
    EVP_PKEY *raw = nullptr;
    switch (type) {
    case KeyType::EcP256:
        raw = EVP_EC_gen("P-256");
        break;
    case KeyType::EcP384:
        raw = EVP_EC_gen("P-384");
        break;
    case KeyType::Rsa2048:
        raw = EVP_RSA_gen(2048);
        break;
    case KeyType::Rsa4096:
        raw = EVP_RSA_gen(4096);
        break;
    }
    if (!raw)
        return makeError(ec::CryptoKeygenFailed, takeOpenSslErrors());
    return Key(EvpPkeyPtr(raw));
}

Result<Key> Key::fromPem(const QByteArray &pem)
{
    if (pem.contains("ENCRYPTED PRIVATE KEY"))
        return makeError(ec::CryptoKeyEncrypted,
                         QStringLiteral("an encrypted key; give it in clear"));
    // An encrypted key here is not the workspace's own (those go through fromEncryptedPkcs8):
    // the callback refuses it instead of letting OpenSSL prompt on the terminal.
    bool encrypted = false;
    // A public key (every trust anchor) skips the attempt to read a private key, which cannot
    // succeed on it and cost about half of opening a workspace of 20,000 nodes: OpenSSL 3 tries
    // each of its decoders before it gives up.
    if (!onlyPublicKeyBlocks(pem)) {
        BioPtr bio = readBio(pem);
        if (EVP_PKEY *k = PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, &encrypted))
            return Key(EvpPkeyPtr(k));
    }
    takeOpenSslErrors();
    if (encrypted)
        return makeError(ec::CryptoKeyEncrypted,
                         QStringLiteral("an encrypted key; give it in clear"));
    {
        BioPtr bio = readBio(pem);
        if (EVP_PKEY *k = PEM_read_bio_PUBKEY(bio.get(), nullptr, refusePassphrase, &encrypted))
            return Key(EvpPkeyPtr(k));
    }
    const QString errors = takeOpenSslErrors();
    if (encrypted)
        return makeError(ec::CryptoKeyEncrypted,
                         QStringLiteral("an encrypted key; give it in clear"));
    return makeError(ec::CryptoKeyUnreadable, errors);
}

Result<Key> Key::fromPublicDer(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    EVP_PKEY *k = d2i_PUBKEY(nullptr, &p, long(der.size()));
    if (!k)
        return makeError(ec::CryptoKeyUnreadable, takeOpenSslErrors());
    return Key(EvpPkeyPtr(k));
}

Result<Key> Key::fromEncryptedPkcs8(const QByteArray &pem, const QByteArray &passphrase)
{
    BioPtr bio = readBio(pem);
    // The callback answers with the passphrase, or refuses when there is none: OpenSSL's own
    // callback would prompt on the terminal.
    EVP_PKEY *k = PEM_read_bio_PrivateKey(bio.get(), nullptr, passphraseCallback,
                                          const_cast<QByteArray *>(&passphrase));
    if (!k) {
        takeOpenSslErrors();
        return makeError(ec::CryptoWrongPassphrase);
    }
    return Key(EvpPkeyPtr(k));
}

bool Key::hasPrivate() const
{
    if (!m_pkey)
        return false;
    if (isEc()) {
        BIGNUM *priv = nullptr;
        const bool has = EVP_PKEY_get_bn_param(m_pkey.get(), OSSL_PKEY_PARAM_PRIV_KEY, &priv) == 1;
        BN_clear_free(priv);
        return has;
    }
    BIGNUM *d = nullptr;
    const bool has = EVP_PKEY_get_bn_param(m_pkey.get(), OSSL_PKEY_PARAM_RSA_D, &d) == 1;
    BN_clear_free(d);
    return has;
}

bool Key::isEc() const
{
    return m_pkey && EVP_PKEY_get_base_id(m_pkey.get()) == EVP_PKEY_EC;
}

bool Key::isRsa() const
{
    return m_pkey && (EVP_PKEY_get_base_id(m_pkey.get()) == EVP_PKEY_RSA ||
                      EVP_PKEY_get_base_id(m_pkey.get()) == EVP_PKEY_RSA_PSS);
}

int Key::bits() const
{
    return m_pkey ? EVP_PKEY_get_bits(m_pkey.get()) : 0;
}

std::optional<KeyType> Key::type() const
{
    if (isEc()) {
        char group[64] = {};
        size_t len = 0;
        if (EVP_PKEY_get_utf8_string_param(m_pkey.get(), OSSL_PKEY_PARAM_GROUP_NAME, group,
                                           sizeof group, &len) != 1)
            return std::nullopt;
        const QByteArray name(group, int(len));
        if (name == "prime256v1" || name == "P-256")
            return KeyType::EcP256;
        if (name == "secp384r1" || name == "P-384")
            return KeyType::EcP384;
        return std::nullopt;
    }
    if (isRsa()) {
        if (bits() == 2048)
            return KeyType::Rsa2048;
        if (bits() == 4096)
            return KeyType::Rsa4096;
    }
    return std::nullopt;
}

QByteArray Key::publicPem() const
{
    if (!m_pkey)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PUBKEY(bio.get(), m_pkey.get());
    return bioBytes(bio.get());
}

const Key::Derived *Key::derived() const
{
    if (!m_derived)
        return nullptr;
    if (m_derived->ready.load(std::memory_order_acquire))
        return m_derived.get();
    std::call_once(m_derived->once, [this] {
        m_derived->publicDer = namedCurveSpki(m_pkey.get());
        if (m_derived->publicDer.isEmpty()) {
            unsigned char *buf = nullptr;
            const int len = i2d_PUBKEY(m_pkey.get(), &buf);
            if (len <= 0)
                return;
            m_derived->publicDer = QByteArray(reinterpret_cast<const char *>(buf), len);
            OPENSSL_free(buf);
        }
        m_derived->fingerprint = sha256Hex(m_derived->publicDer);
    });
    m_derived->ready.store(true, std::memory_order_release);
    return m_derived.get();
}

QByteArray Key::ecGroupName() const
{
    if (!m_derived || !isEc())
        return {};
    if (m_derived->groupReady.load(std::memory_order_acquire))
        return m_derived->ecGroup;
    std::call_once(m_derived->groupOnce, [this] {
        char group[64] = {};
        size_t len = 0;
        if (EVP_PKEY_get_utf8_string_param(m_pkey.get(), OSSL_PKEY_PARAM_GROUP_NAME, group,
                                           sizeof group, &len) == 1)
            m_derived->ecGroup = QByteArray(group, qsizetype(len));
    });
    m_derived->groupReady.store(true, std::memory_order_release);
    return m_derived->ecGroup;
}

QByteArray Key::publicDer() const
{
    const Derived *d = derived();
    return d ? d->publicDer : QByteArray();
}

QByteArray Key::privatePkcs8Pem() const
{
    if (!hasPrivate())
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PKCS8PrivateKey(bio.get(), m_pkey.get(), nullptr, nullptr, 0, nullptr, nullptr);
    return bioBytes(bio.get());
}

Result<QByteArray> Key::encryptedPkcs8Pem(const QByteArray &passphrase) const
{
    if (!hasPrivate())
        return makeError(ec::CryptoNoPrivateKey);
    if (passphrase.isEmpty())
        return makeError(ec::CryptoEmptyPassphrase);
    // PBES2 with scrypt (N=2^14, r=8, p=1) as the KDF and AES-256-CBC as the cipher.
    X509_ALGOR *alg = PKCS5_pbe2_set_scrypt(EVP_aes_256_cbc(), nullptr, 0, nullptr, 16384, 8, 1);
    if (!alg)
        return makeError(ec::CryptoEncryptFailed, takeOpenSslErrors());
    std::unique_ptr<PKCS8_PRIV_KEY_INFO, OsslDeleter<PKCS8_PRIV_KEY_INFO_free>> p8(
        EVP_PKEY2PKCS8(m_pkey.get()));
    X509_SIG *sig =
        p8 ? PKCS8_set0_pbe(passphrase.constData(), int(passphrase.size()), p8.get(), alg)
           : nullptr;
    if (!sig) {
        X509_ALGOR_free(alg);
        return makeError(ec::CryptoEncryptFailed, takeOpenSslErrors());
    }
    std::unique_ptr<X509_SIG, OsslDeleter<X509_SIG_free>> sigPtr(sig);
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PKCS8(bio.get(), sig) != 1)
        return makeError(ec::CryptoEncryptFailed, takeOpenSslErrors());
    return bioBytes(bio.get());
}

QByteArray Key::fingerprint() const
{
    const Derived *d = derived();
    return d ? d->fingerprint : QByteArray();
}

Key Key::publicKey() const
{
    if (!m_pkey)
        return {};
    // An EC or RSA key without a private part is its own public key: a copy, which also shares
    // what was derived from it, instead of encoding and decoding it again (OpenSSL 3's
    // encoders and decoders: a fifth of opening a workspace of 20,000 node keys).
    const int type = EVP_PKEY_get_base_id(m_pkey.get());
    if ((type == EVP_PKEY_EC || type == EVP_PKEY_RSA) && !hasPrivate())
        return *this;
    auto pub = fromPublicDer(publicDer());
    return pub ? pub.value() : Key();
}

bool Key::samePublicKey(const Key &other) const
{
    return m_pkey && other.m_pkey && EVP_PKEY_eq(m_pkey.get(), other.m_pkey.get()) == 1;
}

} // namespace ta::core
