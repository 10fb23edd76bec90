// SPDX-License-Identifier: Apache-2.0
#include "core/spiffe/X509SvidValidator.h"

#include "core/crypto/OsslPtr.h"

namespace ta::core {
namespace {

Error refuse(const char *code, const QString &detail = {})
{
    return makeError(QStringLiteral("x509svid.") + QLatin1String(code), detail);
}

Result<void> checkKeyUsagePresent(const Certificate &cert)
{
    if (!cert.hasExtension(NID_key_usage))
        return refuse("key_usage_missing", cert.subjectText());
    if (!cert.extensionCritical(NID_key_usage))
        return refuse("key_usage_not_critical", cert.subjectText());
    return {};
}

Error pathError(int code)
{
    const QString detail = QString::fromLatin1(X509_verify_cert_error_string(code));
    switch (code) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return refuse("expired", detail);
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return refuse("not_yet_valid", detail);
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        return refuse("untrusted", detail);
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
        return refuse("bad_signature", detail);
    case X509_V_ERR_INVALID_CA:
        return refuse("signing_not_ca", detail);
    case X509_V_ERR_PATH_LENGTH_EXCEEDED:
        return refuse("path_length_exceeded", detail);
    default:
        return refuse("path_invalid", detail);
    }
}

} // namespace

Result<SpiffeId> X509SvidValidator::checkLeaf(const Certificate &leaf)
{
    const QStringList uris = leaf.uriSans();
    if (uris.isEmpty())
        return refuse("no_uri_san");
    if (uris.size() > 1)
        return refuse("multiple_uri_sans", uris.join(QLatin1Char(' ')));
    auto id = SpiffeId::fromString(uris.first());
    if (!id)
        return refuse("bad_spiffe_id", id.error().toString());
    if (id->path().isEmpty())
        return refuse("id_without_path", id->toString());
    if (leaf.isCa())
        return refuse("leaf_is_ca");
    if (auto ku = checkKeyUsagePresent(leaf); !ku)
        return ku.error();
    const uint32_t usage = leaf.keyUsage();
    if (usage & KU_KEY_CERT_SIGN)
        return refuse("leaf_key_cert_sign");
    if (usage & KU_CRL_SIGN)
        return refuse("leaf_crl_sign");
    if (!(usage & KU_DIGITAL_SIGNATURE))
        return refuse("leaf_no_digital_signature");
    if (leaf.hasExtension(NID_ext_key_usage)) {
        const uint32_t eku = leaf.extendedKeyUsage();
        if (!(eku & XKU_SSL_SERVER) || !(eku & XKU_SSL_CLIENT))
            return refuse("eku_missing_server_client_auth");
    }
    return *id;
}

Result<void> X509SvidValidator::checkSigning(const Certificate &cert,
                                             const TrustDomain &trustDomain)
{
    if (!cert.isCa())
        return refuse("signing_not_ca", cert.subjectText());
    if (auto ku = checkKeyUsagePresent(cert); !ku)
        return ku;
    if (!(cert.keyUsage() & KU_KEY_CERT_SIGN))
        return refuse("signing_no_key_cert_sign", cert.subjectText());
    if (cert.keyUsage() & KU_DIGITAL_SIGNATURE)
        return refuse("signing_digital_signature", cert.subjectText());
    // A signing certificate's SPIFFE ID, when it has one, is its trust domain's, without path.
    for (const QString &uri : cert.uriSans()) {
        auto id = SpiffeId::fromString(uri);
        if (id && (!id->isTrustDomainId() || !id->memberOf(trustDomain)))
            return refuse("signing_bad_spiffe_id", uri);
    }
    return {};
}

Result<X509SvidVerification> X509SvidValidator::validate(const QList<Certificate> &chain,
                                                         const TrustDomain &trustDomain,
                                                         const QList<Certificate> &authorities,
                                                         const QDateTime &at)
{
    if (chain.isEmpty())
        return refuse("empty_chain");
    auto id = checkLeaf(chain.first());
    if (!id)
        return id.error();
    if (!id->memberOf(trustDomain))
        return refuse("trust_domain_mismatch",
                      id->trustDomain().name() + QStringLiteral(" != ") + trustDomain.name());
    for (qsizetype i = 1; i < chain.size(); ++i) {
        if (auto s = checkSigning(chain[i], trustDomain); !s)
            return s.error();
    }
    if (authorities.isEmpty())
        return refuse("no_authorities", trustDomain.name());

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
    if (!ctx || X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), untrusted.get())
                    != 1)
        return refuse("path_invalid", takeOpenSslErrors());
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
