// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/KeyWrap.h"
#include "core/crypto/CryptoErrors.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

namespace ta::core {
namespace {

const QByteArray kMagic = QByteArrayLiteral("TAKW\x01");
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;
constexpr int kKeySize = 32;
// The cost a file may ask for: at most N=2^20 with r=8 (1 GiB would be 2^20 * 8 * 128), so
// capped at 128 MiB of memory; never below N=2^14, the PKCS#8 files' own cost.
constexpr quint64 kMinN = quint64(1) << 14;
constexpr quint64 kMaxMemory = quint64(128) << 20;

using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, OsslDeleter<EVP_CIPHER_CTX_free>>;
using Pkcs8Ptr = std::unique_ptr<PKCS8_PRIV_KEY_INFO, OsslDeleter<PKCS8_PRIV_KEY_INFO_free>>;

bool validCost(quint64 n, quint32 r, quint32 p)
{
    const bool powerOfTwo = n >= 2 && (n & (n - 1)) == 0;
    return powerOfTwo && n >= kMinN && r >= 1 && r <= 32 && p >= 1 && p <= 4 &&
           n * r * 128 <= kMaxMemory;
}

QByteArray aad(const QByteArray &context)
{
    return kMagic + context;
}

} // namespace

Result<ScryptParams> ScryptParams::fresh()
{
    ScryptParams p;
    p.salt.resize(16);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(p.salt.data()), int(p.salt.size())) != 1)
        return makeError(ec::CryptoEncryptFailed, takeOpenSslErrors());
    return p;
}

QByteArray ScryptParams::toJson() const
{
    QJsonObject o{{QStringLiteral("kdf"), QStringLiteral("scrypt")},
                  {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
                  {QStringLiteral("n"), double(n)},
                  {QStringLiteral("r"), double(r)},
                  {QStringLiteral("p"), double(p)}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<ScryptParams> ScryptParams::parse(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    const auto bad = [](const QString &why) { return makeError(ec::CryptoKeyUnreadable, why); };
    if (o.value(QStringLiteral("kdf")).toString() != QLatin1String("scrypt"))
        return bad(QStringLiteral("key wrap: not scrypt parameters"));
    ScryptParams p;
    const auto salt =
        QByteArray::fromBase64Encoding(o.value(QStringLiteral("salt")).toString().toLatin1(),
                                       QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || salt.decoded.size() < 16 || salt.decoded.size() > 64)
        return bad(QStringLiteral("key wrap: bad salt"));
    p.salt = salt.decoded;
    const double n = o.value(QStringLiteral("n")).toDouble(-1);
    const double r = o.value(QStringLiteral("r")).toDouble(-1);
    const double q = o.value(QStringLiteral("p")).toDouble(-1);
    if (n < 0 || r < 0 || q < 0 || n > double(quint64(1) << 40) || r > 1e6 || q > 1e6)
        return bad(QStringLiteral("key wrap: bad cost"));
    p.n = quint64(n);
    p.r = quint32(r);
    p.p = quint32(q);
    if (double(p.n) != n || double(p.r) != r || double(p.p) != q || !validCost(p.n, p.r, p.p))
        return bad(QStringLiteral("key wrap: cost outside N=2^14..2^20, r<=32, p<=4, 128 MiB"));
    return p;
}

Result<KeyWrap> KeyWrap::derive(const QByteArray &passphrase, const ScryptParams &params)
{
    if (passphrase.isEmpty())
        return makeError(ec::CryptoEmptyPassphrase);
    if (!validCost(params.n, params.r, params.p) || params.salt.size() < 16)
        return makeError(ec::CryptoKeyUnreadable, QStringLiteral("key wrap: bad parameters"));
    QByteArray kek(kKeySize, Qt::Uninitialized);
    const quint64 maxmem = params.n * params.r * 128 + (quint64(1) << 20) * params.p * params.r;
    if (EVP_PBE_scrypt(passphrase.constData(), size_t(passphrase.size()),
                       reinterpret_cast<const unsigned char *>(params.salt.constData()),
                       size_t(params.salt.size()), params.n, params.r, params.p, maxmem,
                       reinterpret_cast<unsigned char *>(kek.data()), size_t(kek.size())) != 1)
        return makeError(ec::CryptoEncryptFailed, takeOpenSslErrors());
    return KeyWrap(std::move(kek), params);
}

bool KeyWrap::isSealed(const QByteArray &stored)
{
    return stored.startsWith(kMagic);
}

Result<QByteArray> KeyWrap::seal(const Key &key, const QByteArray &context) const
{
    if (!key.hasPrivate())
        return makeError(ec::CryptoNoPrivateKey);
    Pkcs8Ptr p8(EVP_PKEY2PKCS8(key.get()));
    unsigned char *der = nullptr;
    const int derLen = p8 ? i2d_PKCS8_PRIV_KEY_INFO(p8.get(), &der) : -1;
    if (derLen <= 0)
        return makeError(ec::CryptoEncryptFailed, takeOpenSslErrors());
    // The clear DER is wiped when it is freed (OPENSSL_clear_free below).
    QByteArray out = kMagic;
    out.resize(kMagic.size() + kNonceSize + kTagSize + derLen);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data()) + kMagic.size();
    auto *tag = nonce + kNonceSize;
    auto *cipher = tag + kTagSize;
    const QByteArray ad = aad(context);
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    int fin = 0;
    const bool ok =
        ctx && RAND_bytes(nonce, kNonceSize) == 1 &&
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr,
                           reinterpret_cast<const unsigned char *>(m_kek.constData()),
                           nonce) == 1 &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &len,
                          reinterpret_cast<const unsigned char *>(ad.constData()),
                          int(ad.size())) == 1 &&
        EVP_EncryptUpdate(ctx.get(), cipher, &len, der, derLen) == 1 &&
        EVP_EncryptFinal_ex(ctx.get(), cipher + len, &fin) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, tag) == 1;
    OPENSSL_clear_free(der, size_t(derLen));
    if (!ok || len + fin != derLen)
        return makeError(ec::CryptoEncryptFailed, takeOpenSslErrors());
    return out;
}

Result<Key> KeyWrap::unseal(const QByteArray &sealed, const QByteArray &context) const
{
    const int header = int(kMagic.size()) + kNonceSize + kTagSize;
    if (!isSealed(sealed) || sealed.size() <= header)
        return makeError(ec::CryptoKeyUnreadable, QStringLiteral("not a sealed key"));
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData()) + kMagic.size();
    const auto *tag = nonce + kNonceSize;
    const auto *cipher = tag + kTagSize;
    const int cipherLen = int(sealed.size()) - header;
    QByteArray clear(cipherLen, Qt::Uninitialized);
    const QByteArray ad = aad(context);
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    int fin = 0;
    const bool ok =
        ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr,
                           reinterpret_cast<const unsigned char *>(m_kek.constData()),
                           nonce) == 1 &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &len,
                          reinterpret_cast<const unsigned char *>(ad.constData()),
                          int(ad.size())) == 1 &&
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(clear.data()), &len, cipher,
                          cipherLen) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize,
                            const_cast<unsigned char *>(tag)) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(clear.data()) + len,
                            &fin) == 1;
    if (!ok) {
        OPENSSL_cleanse(clear.data(), size_t(clear.size()));
        // A wrong passphrase and an altered or moved key look the same to GCM, and should.
        return makeError(ec::CryptoWrongPassphrase);
    }
    const auto *p = reinterpret_cast<const unsigned char *>(clear.constData());
    Pkcs8Ptr p8(d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, long(clear.size())));
    const bool whole =
        p8 && p == reinterpret_cast<const unsigned char *>(clear.constData()) + clear.size();
    EVP_PKEY *pkey = whole ? EVP_PKCS82PKEY(p8.get()) : nullptr;
    OPENSSL_cleanse(clear.data(), size_t(clear.size()));
    if (!pkey)
        return makeError(ec::CryptoKeyUnreadable,
                         QStringLiteral("sealed key: ") + takeOpenSslErrors());
    return Key(EvpPkeyPtr(pkey));
}

} // namespace ta::core
