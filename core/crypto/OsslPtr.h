// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace ta::core {

/// Deleter calling an OpenSSL free function, for std::unique_ptr.
template <auto FreeFn>
struct OsslDeleter
{
    template <typename T>
    void operator()(T *p) const
    {
        FreeFn(p);
    }
};

inline void freeX509Stack(STACK_OF(X509) * s)
{
    sk_X509_pop_free(s, X509_free);
}

inline void freeGeneralNames(GENERAL_NAMES *n)
{
    GENERAL_NAMES_free(n);
}

using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OsslDeleter<EVP_PKEY_free>>;
using EvpPkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OsslDeleter<EVP_PKEY_CTX_free>>;
using EvpMdCtxPtr = std::unique_ptr<EVP_MD_CTX, OsslDeleter<EVP_MD_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, OsslDeleter<X509_free>>;
using X509ReqPtr = std::unique_ptr<X509_REQ, OsslDeleter<X509_REQ_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, OsslDeleter<X509_STORE_free>>;
using X509StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, OsslDeleter<X509_STORE_CTX_free>>;
using X509StackPtr = std::unique_ptr<STACK_OF(X509), OsslDeleter<freeX509Stack>>;
using X509ExtensionPtr = std::unique_ptr<X509_EXTENSION, OsslDeleter<X509_EXTENSION_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, OsslDeleter<freeGeneralNames>>;
using BioPtr = std::unique_ptr<BIO, OsslDeleter<BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, OsslDeleter<BN_free>>;
using Asn1IntegerPtr = std::unique_ptr<ASN1_INTEGER, OsslDeleter<ASN1_INTEGER_free>>;
using EcdsaSigPtr = std::unique_ptr<ECDSA_SIG, OsslDeleter<ECDSA_SIG_free>>;

/// Drains OpenSSL's thread-local error queue into one line (empty when nothing was queued).
QString takeOpenSslErrors();

/// A memory BIO over a copy-free view of @p data (read only).
BioPtr readBio(const QByteArray &data);

/// The bytes written to a memory BIO.
QByteArray bioBytes(BIO *bio);

/// A PEM password callback for input that is not ours to decrypt: it refuses, so OpenSSL never
/// falls back to its own callback, which prompts on the terminal (or reads stdin) and waits.
/// When @p userdata is non-null it points to a bool, set to true: the input was encrypted.
/// Every PEM read passes this callback, or passphraseCallback for the workspace's own keys.
int refusePassphrase(char *buf, int size, int rwflag, void *userdata);

/// A PEM password callback that answers with the QByteArray @p userdata points to.
int passphraseCallback(char *buf, int size, int rwflag, void *userdata);

} // namespace ta::core
