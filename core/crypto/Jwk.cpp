// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/Jwk.h"
#include "core/crypto/CryptoErrors.h"

#include "core/crypto/Jose.h"

#include <openssl/core_names.h>
#include <openssl/param_build.h>

#include <QCryptographicHash>
#include <QJsonDocument>

namespace ta::core {
namespace {

using ParamBldPtr = std::unique_ptr<OSSL_PARAM_BLD, OsslDeleter<OSSL_PARAM_BLD_free>>;
using ParamPtr = std::unique_ptr<OSSL_PARAM, OsslDeleter<OSSL_PARAM_free>>;

const QString ktyKey = QStringLiteral("kty");

struct Curve
{
    const char *jwkName;
    const char *opensslName;
    int fieldBytes;
};

constexpr Curve curves[] = {
    {"P-256", "prime256v1", 32},
    {"P-384", "secp384r1", 48},
    {"P-521", "secp521r1", 66},
};

const Curve *curveByJwkName(const QString &name)
{
    for (const Curve &c : curves) {
        if (name == QLatin1String(c.jwkName))
            return &c;
    }
    return nullptr;
}

Result<QString> stringMember(const QJsonObject &jwk, const QString &name)
{
    const auto it = jwk.constFind(name);
    if (it == jwk.constEnd())
        return makeError(ec::JwkMemberMissing, name);
    if (!it->isString())
        return makeError(ec::JwkMemberInvalid, name);
    return it->toString();
}

Result<QByteArray> bytesMember(const QJsonObject &jwk, const QString &name)
{
    auto text = stringMember(jwk, name);
    if (!text)
        return text.error();
    auto bytes = Jose::base64UrlDecode(text->toLatin1());
    if (!bytes)
        return makeError(ec::JwkBadBase64url, name);
    return bytes;
}

QByteArray bnParam(EVP_PKEY *pkey, const char *name, int padTo)
{
    BIGNUM *raw = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, name, &raw) != 1)
        return {};
    BignumPtr bn(raw);
    const int size = padTo > 0 ? padTo : BN_num_bytes(bn.get());
    QByteArray out(size, Qt::Uninitialized);
    if (BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char *>(out.data()), size) != size)
        return {};
    return out;
}

Result<Key> keyFromParams(const char *type, const OSSL_PARAM *params, const QString &badCode)
{
    EvpPkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *raw = nullptr;
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, const_cast<OSSL_PARAM *>(params)) !=
            1)
        return makeError(badCode, takeOpenSslErrors());
    EvpPkeyPtr pkey(raw);
    // fromdata takes numbers as given; the public-key check refuses points off the curve and
    // RSA moduli or exponents that cannot be right.
    EvpPkeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return makeError(badCode, takeOpenSslErrors());
    return Key(std::move(pkey));
}

Result<Key> ecFromJwk(const QJsonObject &jwk)
{
    auto crv = stringMember(jwk, QStringLiteral("crv"));
    if (!crv)
        return crv.error();
    const Curve *curve = curveByJwkName(*crv);
    if (!curve)
        return makeError(ec::JwkUnsupportedCurve, *crv);
    auto x = bytesMember(jwk, QStringLiteral("x"));
    if (!x)
        return x.error();
    auto y = bytesMember(jwk, QStringLiteral("y"));
    if (!y)
        return y.error();
    // RFC 7518 6.2.1.2/3: each coordinate is the full size of the field, leading zeros kept.
    if (x->size() != curve->fieldBytes || y->size() != curve->fieldBytes)
        return makeError(
            ec::JwkBadCoordinateLength,
            QStringLiteral("%1/%2, want %3").arg(x->size()).arg(y->size()).arg(curve->fieldBytes));
    QByteArray point;
    point.reserve(1 + 2 * curve->fieldBytes);
    point += char(0x04); // uncompressed SEC1 point
    point += *x;
    point += *y;
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
                                         const_cast<char *>(curve->opensslName), 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                          size_t(point.size())),
        OSSL_PARAM_construct_end(),
    };
    return keyFromParams("EC", params, ec::JwkBadEcPoint);
}

Result<Key> rsaFromJwk(const QJsonObject &jwk)
{
    auto n = bytesMember(jwk, QStringLiteral("n"));
    if (!n)
        return n.error();
    auto e = bytesMember(jwk, QStringLiteral("e"));
    if (!e)
        return e.error();
    if (n->isEmpty() || e->isEmpty())
        return makeError(ec::JwkBadRsaParameters, QStringLiteral("empty n or e"));
    BignumPtr bnN(BN_bin2bn(reinterpret_cast<const unsigned char *>(n->constData()), int(n->size()),
                            nullptr));
    BignumPtr bnE(BN_bin2bn(reinterpret_cast<const unsigned char *>(e->constData()), int(e->size()),
                            nullptr));
    ParamBldPtr bld(OSSL_PARAM_BLD_new());
    if (!bnN || !bnE || !bld ||
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bnN.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bnE.get()) != 1)
        return makeError(ec::JwkBadRsaParameters, takeOpenSslErrors());
    ParamPtr params(OSSL_PARAM_BLD_to_param(bld.get()));
    if (!params)
        return makeError(ec::JwkBadRsaParameters, takeOpenSslErrors());
    return keyFromParams("RSA", params.get(), ec::JwkBadRsaParameters);
}

} // namespace

bool Jwk::isSupportedKeyType(const QString &kty)
{
    return kty == QLatin1String("EC") || kty == QLatin1String("RSA");
}

QString Jwk::curveName(const Key &key)
{
    if (!key.isEc())
        return {};
    const QByteArray group = key.ecGroupName();
    if (group.isEmpty())
        return {};
    const QLatin1String name(group);
    for (const Curve &c : curves) {
        if (name == QLatin1String(c.opensslName) || name == QLatin1String(c.jwkName))
            return QString::fromLatin1(c.jwkName);
    }
    return {};
}

Result<QJsonObject> Jwk::fromKey(const Key &key)
{
    if (key.isNull())
        return makeError(ec::JwkNoKey);
    QJsonObject out;
    if (key.isEc()) {
        const Curve *curve = curveByJwkName(curveName(key));
        if (!curve)
            return makeError(ec::JwkUnsupportedCurve);
        const QByteArray x = bnParam(key.get(), OSSL_PKEY_PARAM_EC_PUB_X, curve->fieldBytes);
        const QByteArray y = bnParam(key.get(), OSSL_PKEY_PARAM_EC_PUB_Y, curve->fieldBytes);
        if (x.isEmpty() || y.isEmpty())
            return makeError(ec::JwkExportFailed, takeOpenSslErrors());
        out.insert(ktyKey, QStringLiteral("EC"));
        out.insert(QStringLiteral("crv"), QString::fromLatin1(curve->jwkName));
        out.insert(QStringLiteral("x"), QString::fromLatin1(Jose::base64UrlEncode(x)));
        out.insert(QStringLiteral("y"), QString::fromLatin1(Jose::base64UrlEncode(y)));
        return out;
    }
    if (EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_RSA) {
        // base64urlUInt (RFC 7518 2): big-endian, minimal length.
        const QByteArray n = bnParam(key.get(), OSSL_PKEY_PARAM_RSA_N, 0);
        const QByteArray e = bnParam(key.get(), OSSL_PKEY_PARAM_RSA_E, 0);
        if (n.isEmpty() || e.isEmpty())
            return makeError(ec::JwkExportFailed, takeOpenSslErrors());
        out.insert(ktyKey, QStringLiteral("RSA"));
        out.insert(QStringLiteral("n"), QString::fromLatin1(Jose::base64UrlEncode(n)));
        out.insert(QStringLiteral("e"), QString::fromLatin1(Jose::base64UrlEncode(e)));
        return out;
    }
    return makeError(ec::JwkUnsupportedKty,
                     QString::fromLatin1(EVP_PKEY_get0_type_name(key.get())));
}

Result<Key> Jwk::toKey(const QJsonObject &jwk)
{
    auto kty = stringMember(jwk, ktyKey);
    if (!kty)
        return kty.error();
    if (!isSupportedKeyType(*kty))
        return makeError(ec::JwkUnsupportedKty, *kty);
    for (const char *priv : {"d", "p", "q", "dp", "dq", "qi", "oth"}) {
        if (jwk.contains(QLatin1String(priv)))
            return makeError(ec::JwkPrivateMember, QLatin1String(priv));
    }
    return *kty == QLatin1String("EC") ? ecFromJwk(jwk) : rsaFromJwk(jwk);
}

Result<QByteArray> Jwk::thumbprint(const QJsonObject &jwk)
{
    auto kty = stringMember(jwk, ktyKey);
    if (!kty)
        return kty.error();
    QStringList required;
    if (*kty == QLatin1String("EC"))
        required = {QStringLiteral("crv"), QStringLiteral("x"), QStringLiteral("y")};
    else if (*kty == QLatin1String("RSA"))
        required = {QStringLiteral("e"), QStringLiteral("n")};
    else
        return makeError(ec::JwkUnsupportedKty, *kty);
    // RFC 7638 3: the required members only, names sorted, no whitespace. QJsonObject keeps its
    // keys sorted and the compact form has no whitespace, which is exactly that form.
    QJsonObject canonical{{ktyKey, *kty}};
    for (const QString &name : required) {
        auto value = stringMember(jwk, name);
        if (!value)
            return value.error();
        canonical.insert(name, *value);
    }
    return QCryptographicHash::hash(QJsonDocument(canonical).toJson(QJsonDocument::Compact),
                                    QCryptographicHash::Sha256);
}

Result<QByteArray> Jwk::thumbprint(const Key &key)
{
    auto jwk = fromKey(key);
    if (!jwk)
        return jwk.error();
    return thumbprint(*jwk);
}

Result<QString> Jwk::thumbprintKeyId(const Key &key)
{
    auto digest = thumbprint(key);
    if (!digest)
        return digest.error();
    return QString::fromLatin1(Jose::base64UrlEncode(*digest));
}

} // namespace ta::core
