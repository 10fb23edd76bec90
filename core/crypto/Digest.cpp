// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/Digest.h"

#include <openssl/evp.h>

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

} // namespace ta::core
