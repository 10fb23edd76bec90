// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/CertificateRequest.h"
#include "core/crypto/CryptoErrors.h"

#include "core/crypto/CertificateBuilder.h"

#include <openssl/pem.h>

namespace ta::core {

Result<CertificateRequest> CertificateRequest::parse(const QByteArray &data)
{
    X509ReqPtr req;
    if (data.contains("-----BEGIN")) {
        BioPtr bio = readBio(data);
        bool encrypted = false;
        req.reset(PEM_read_bio_X509_REQ(bio.get(), nullptr, refusePassphrase, &encrypted));
        if (encrypted) {
            takeOpenSslErrors();
            return makeError(ec::CsrEncrypted,
                             QStringLiteral("an encrypted PEM block (Proc-Type: 4,ENCRYPTED)"));
        }
    } else {
        const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
        req.reset(d2i_X509_REQ(nullptr, &p, long(data.size())));
    }
    if (!req)
        return makeError(ec::CsrUnreadable, takeOpenSslErrors());
    EVP_PKEY *pub = X509_REQ_get_pubkey(req.get());
    if (!pub)
        return makeError(ec::CsrNoPublicKey, takeOpenSslErrors());
    Key key{EvpPkeyPtr(pub)};
    if (X509_REQ_verify(req.get(), key.get()) != 1) {
        takeOpenSslErrors();
        return makeError(ec::CsrBadSignature);
    }
    CertificateRequest out;
    out.m_publicKey = std::move(key);
    return out;
}

Result<QByteArray> CertificateRequest::createPem(const Key &key)
{
    X509ReqPtr req(X509_REQ_new());
    if (!req || X509_REQ_set_pubkey(req.get(), key.get()) != 1 ||
        X509_REQ_sign(req.get(), key.get(), CertificateBuilder::digestFor(key)) <= 0)
        return makeError(ec::CsrCreateFailed, takeOpenSslErrors());
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509_REQ(bio.get(), req.get());
    return bioBytes(bio.get());
}

} // namespace ta::core
