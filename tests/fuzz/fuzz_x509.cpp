// SPDX-License-Identifier: Apache-2.0
// PEM and DER certificates, chains, keys and PKCS#10 requests: every reader a certificate file,
// a CSR upload or a bundle's x5c can reach, and the SPIFFE checks over what parses.
#include "FuzzSupport.h"

#include "core/crypto/Certificate.h"
#include "core/crypto/CertificateRequest.h"
#include "core/crypto/Key.h"
#include "core/spiffe/TrustDomain.h"
#include "core/spiffe/X509SvidValidator.h"

using namespace ta::core;

namespace {

void inspect(const Certificate &cert)
{
    (void)cert.toDer();
    (void)cert.toPem();
    (void)cert.serialHex();
    (void)cert.subjectText();
    (void)cert.issuerText();
    (void)cert.subjectIsEmpty();
    (void)cert.notBefore();
    (void)cert.notAfter();
    (void)cert.publicKey();
    (void)cert.publicKeyFingerprint();
    (void)cert.hasDecodedPublicKey();
    (void)cert.reparsed();
    (void)cert.uriSans();
    (void)cert.dnsSans();
    (void)cert.sanCount();
    (void)cert.isCa();
    (void)cert.keyUsage();
    (void)cert.extendedKeyUsage();
    (void)cert.isSelfSigned();
    (void)cert.fingerprint();
    (void)cert.signatureAlgorithm();
    (void)X509SvidValidator::checkLeaf(cert);
}

void inspect(const Key &key)
{
    (void)key.type();
    (void)key.bits();
    (void)key.publicPem();
    (void)key.publicDer();
    (void)key.fingerprint();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = (ta::fuzz::quietQt(), true);
    (void)quiet;
    static const TrustDomain td = TrustDomain::fromName(QStringLiteral("lab.example")).value();
    const QByteArray input = ta::fuzz::bytes(data, size);

    if (auto cert = Certificate::fromDer(input))
        inspect(*cert);
    if (auto cert = Certificate::fromPem(input))
        inspect(*cert);
    if (auto chain = Certificate::listFromPem(input); chain && !chain->isEmpty()) {
        for (const Certificate &cert : std::as_const(*chain)) {
            inspect(cert);
            (void)X509SvidValidator::checkSigning(cert, td);
        }
        // The chain against its own last certificate as the authority: path building runs.
        const QDateTime at = chain->first().notBefore().addSecs(1);
        (void)X509SvidValidator::validate(*chain, td, {chain->last()}, at);
        (void)Certificate::listToPem(*chain);
    }
    if (auto key = Key::fromPem(input))
        inspect(*key);
    if (auto key = Key::fromPublicDer(input))
        inspect(*key);
    if (auto csr = CertificateRequest::parse(input))
        inspect(csr->publicKey());
    return 0;
}
