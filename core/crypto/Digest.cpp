// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/Digest.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

namespace ta::core {
namespace {

const EVP_MD *sha256Algorithm()
{
    // Fetched once: an implicit fetch per digest costs more than hashing a short input. The
    // handle is immutable and OpenSSL allows sharing it between threads; it lives until exit.
    static EVP_MD *const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md ? md : EVP_sha256();
}

} // namespace

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    if (EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char *>(out.data()),
                   &len, sha256Algorithm(), nullptr) != 1 ||
        len != 32)
        return {};
    return out;
}

QByteArray sha256Hex(QByteArrayView data)
{
    return sha256(data).toHex();
}

namespace {

QByteArray lengthOf(QByteArrayView data)
{
    const qint64 n = data.size();
    return QByteArray(reinterpret_cast<const char *>(&n), sizeof n);
}

} // namespace

DigestStream::~DigestStream() = default;

void DigestStream::add(QByteArrayView data)
{
    if (m_ok && !data.isEmpty())
        m_ok = update(data);
}

void DigestStream::addField(QByteArrayView data)
{
    add(lengthOf(data));
    add(data);
}

QByteArray DigestStream::result()
{
    QByteArray out(32, Qt::Uninitialized);
    const bool ok = m_ok && finish(out);
    m_ok = false;
    return ok ? out : QByteArray();
}

struct Sha256Stream::Context
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

Sha256Stream::Sha256Stream() : m_ctx(std::make_unique<Context>())
{
    started(m_ctx->ctx && EVP_DigestInit_ex(m_ctx->ctx, sha256Algorithm(), nullptr) == 1);
}

Sha256Stream::~Sha256Stream() = default;

bool Sha256Stream::update(QByteArrayView data)
{
    return EVP_DigestUpdate(m_ctx->ctx, data.data(), size_t(data.size())) == 1;
}

bool Sha256Stream::finish(QByteArray &out)
{
    unsigned int len = 0;
    return EVP_DigestFinal_ex(m_ctx->ctx, reinterpret_cast<unsigned char *>(out.data()), &len) ==
               1 &&
           len == 32;
}

struct HmacSha256::Context
{
    EVP_MAC *mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX *ctx = mac ? EVP_MAC_CTX_new(mac) : nullptr;
    ~Context()
    {
        EVP_MAC_CTX_free(ctx);
        EVP_MAC_free(mac);
    }
};

HmacSha256::HmacSha256(QByteArrayView key) : m_ctx(std::make_unique<Context>())
{
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_END};
    started(m_ctx->ctx && !key.isEmpty() &&
            EVP_MAC_init(m_ctx->ctx, reinterpret_cast<const unsigned char *>(key.data()),
                         size_t(key.size()), params) == 1);
}

HmacSha256::~HmacSha256() = default;

bool HmacSha256::update(QByteArrayView data)
{
    return EVP_MAC_update(m_ctx->ctx, reinterpret_cast<const unsigned char *>(data.data()),
                          size_t(data.size())) == 1;
}

bool HmacSha256::finish(QByteArray &out)
{
    size_t len = 0;
    return EVP_MAC_final(m_ctx->ctx, reinterpret_cast<unsigned char *>(out.data()), &len,
                         size_t(out.size())) == 1 &&
           len == 32;
}

bool equalInConstantTime(QByteArrayView a, QByteArrayView b)
{
    return !a.isEmpty() && a.size() == b.size() &&
           CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

QByteArray randomBytes(int size)
{
    QByteArray out(size, Qt::Uninitialized);
    if (size <= 0 || RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), size) != 1)
        return {};
    return out;
}

} // namespace ta::core
