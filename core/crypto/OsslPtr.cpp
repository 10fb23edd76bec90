// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/OsslPtr.h"

#include <openssl/err.h>

#include <cstring>

namespace ta::core {

QString takeOpenSslErrors()
{
    QString out;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        char buf[256];
        ERR_error_string_n(code, buf, sizeof buf);
        if (!out.isEmpty())
            out += QStringLiteral("; ");
        out += QString::fromLatin1(buf);
    }
    return out;
}

BioPtr readBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), int(data.size())));
}

QByteArray bioBytes(BIO *bio)
{
    char *ptr = nullptr;
    const long len = BIO_get_mem_data(bio, &ptr);
    return QByteArray(ptr, int(len));
}

int refusePassphrase(char *, int, int, void *userdata)
{
    if (userdata)
        *static_cast<bool *>(userdata) = true;
    return -1;
}

int passphraseCallback(char *buf, int size, int, void *userdata)
{
    const auto *pass = static_cast<const QByteArray *>(userdata);
    if (!pass || pass->isEmpty() || pass->size() > size)
        return -1;
    std::memcpy(buf, pass->constData(), size_t(pass->size()));
    return int(pass->size());
}

} // namespace ta::core
