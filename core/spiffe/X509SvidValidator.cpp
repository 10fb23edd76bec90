// SPDX-License-Identifier: Apache-2.0
#include "core/spiffe/X509SvidValidator.h"
#include "core/spiffe/SpiffeErrors.h"

#include "core/crypto/OsslPtr.h"

namespace ta::core {
namespace {

Error refuse(const ErrorCode &code, const QString &detail = {})
{
    return makeError(code, detail);
}

Result<void> checkKeyUsagePresent(const Certificate &cert)
{
    if (!cert.hasExtension(NID_key_usage))
        return refuse(ec::X509svidKeyUsageMissing, cert.subjectText());
    if (!cert.extensionCritical(NID_key_usage))
        return refuse(ec::X509svidKeyUsageNotCritical, cert.subjectText());
    return {};
}

Error pathError(int code)
{
    const QString detail = QString::fromLatin1(X509_verify_cert_error_string(code));
    switch (code) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return refuse(ec::X509svidExpired, detail);
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return refuse(ec::X509svidNotYetValid, detail);
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        return refuse(ec::X509svidUntrusted, detail);
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
        return refuse(ec::X509svidBadSignature, detail);
    case X509_V_ERR_INVALID_CA:
        return refuse(ec::X509svidSigningNotCa, detail);
    case X509_V_ERR_PATH_LENGTH_EXCEEDED:
        return refuse(ec::X509svidPathLengthExceeded, detail);
    default:
        return refuse(ec::X509svidPathInvalid, detail);
    }
}

} // namespace

Result<SpiffeId> X509SvidValidator::checkLeaf(const Certificate &leaf)
{
    const QStringList uris = leaf.uriSans();
    if (uris.isEmpty())
        return refuse(ec::X509svidNoUriSan);
    if (uris.size() > 1)
        return refuse(ec::X509svidMultipleUriSans, uris.join(QLatin1Char(' ')));
    auto id = SpiffeId::fromString(uris.first());
    if (!id)
        return refuse(ec::X509svidBadSpiffeId, id.error().toString());
    if (id->path().isEmpty())
        return refuse(ec::X509svidIdWithoutPath, id->toString());
    if (leaf.isCa())
        return refuse(ec::X509svidLeafIsCa);
    if (auto ku = checkKeyUsagePresent(leaf); !ku)
        return ku.error();
    const uint32_t usage = leaf.keyUsage();
    if (usage & KU_KEY_CERT_SIGN)
        return refuse(ec::X509svidLeafKeyCertSign);
    if (usage & KU_CRL_SIGN)
        return refuse(ec::X509svidLeafCrlSign);
    if (!(usage & KU_DIGITAL_SIGNATURE))
        return refuse(ec::X509svidLeafNoDigitalSignature);
    if (leaf.hasExtension(NID_ext_key_usage)) {
        const uint32_t eku = leaf.extendedKeyUsage();
        if (!(eku & XKU_SSL_SERVER) || !(eku & XKU_SSL_CLIENT))
            return refuse(ec::X509svidEkuMissingServerClientAuth);
    }
    return *id;
}

Result<void> X509SvidValidator::checkSigning(const Certificate &cert,
                                             const TrustDomain &trustDomain)
{
    if (!cert.isCa())
        return refuse(ec::X509svidSigningNotCa, cert.subjectText());
    if (auto ku = checkKeyUsagePresent(cert); !ku)
        return ku;
    if (!(cert.keyUsage() & KU_KEY_CERT_SIGN))
        return refuse(ec::X509svidSigningNoKeyCertSign, cert.subjectText());
    if (cert.keyUsage() & KU_DIGITAL_SIGNATURE)
        return refuse(ec::X509svidSigningDigitalSignature, cert.subjectText());
    // A signing certificate's SPIFFE ID, when it has one, is its trust domain's, without path.
    for (const QString &uri : cert.uriSans()) {
        auto id = SpiffeId::fromString(uri);
        if (id && (!id->isTrustDomainId() || !id->memberOf(trustDomain)))
            return refuse(ec::X509svidSigningBadSpiffeId, uri);
    }
    return {};
}

Result<X509SvidVerification> X509SvidValidator::validate(const QList<Certificate> &chain,
                                                         const TrustDomain &trustDomain,
                                                         const QList<Certificate> &authorities,
                                                         const QDateTime &at)
{
    if (chain.isEmpty())
        return refuse(ec::X509svidEmptyChain);
    auto id = checkLeaf(chain.first());
    if (!id)
        return id.error();
    if (!id->memberOf(trustDomain))
        return refuse(ec::X509svidTrustDomainMismatch,
                      id->trustDomain().name() + QStringLiteral(" != ") + trustDomain.name());
    for (qsizetype i = 1; i < chain.size(); ++i) {
        if (auto s = checkSigning(chain[i], trustDomain); !s)
            return s.error();
    }
    if (authorities.isEmpty())
        return refuse(ec::X509svidNoAuthorities, trustDomain.name());

    X509StorePtr store(X509_STORE_new());
    for (const Certificate &a : authorities)
        X509_STORE_add_cert(store.get(), a.get());
    // A SPIFFE bundle may hold intermediates as trust anchors: any bundle certificate ends a path.
    X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN);

    X509StackPtr untrusted(sk_X509_new_null());
    for (qsizetype i = 1; i < chain.size(); ++i) {
        X509_up_ref(chain[i].get());
        sk_X509_push(untrusted.get(), chain[i].get());
    }
    // OpenSSL's path validation checks the leaf's key; a leaf minted in this process may not
    // hold it decoded yet (CertificateBuilder skips that cost).
    const Certificate leaf =
        chain.first().hasDecodedPublicKey() ? chain.first() : chain.first().reparsed();
    X509StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), untrusted.get()) != 1)
        return refuse(ec::X509svidPathInvalid, takeOpenSslErrors());
    X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(ctx.get());
    X509_VERIFY_PARAM_set_time(param, time_t(at.toSecsSinceEpoch()));
    if (X509_verify_cert(ctx.get()) != 1) {
        const int err = X509_STORE_CTX_get_error(ctx.get());
        takeOpenSslErrors();
        return pathError(err);
    }

    X509SvidVerification out;
    out.id = *id;
    STACK_OF(X509) *built = X509_STORE_CTX_get0_chain(ctx.get());
    for (int i = 0; i < sk_X509_num(built); ++i) {
        X509 *x = sk_X509_value(built, i);
        X509_up_ref(x);
        out.path.append(Certificate(X509Ptr(x)));
    }
    return out;
}

} // namespace ta::core
