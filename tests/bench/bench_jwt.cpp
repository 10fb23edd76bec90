// SPDX-License-Identifier: Apache-2.0
// JWT-SVID validation rate beside OpenSSL's raw EVP_DigestVerify rate for the same key and the
// same signing input, same run, one core. One JSON line per case. DESIGN.md's target: ratio >= 0.5.
#include "core/crypto/Jose.h"
#include "core/spiffe/JwtSvid.h"

#include <openssl/rsa.h>

#include "BenchSupport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace ta::core;

using ta::bench::emitLine;
using ta::bench::ratePerSecond;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 budget = ta::bench::budgetMs(app.arguments());
    // --alg ES256 runs one case only, for profiling.
    const qsizetype algArg = app.arguments().indexOf(QStringLiteral("--alg"));
    const QString only = algArg > 0 ? app.arguments().value(algArg + 1) : QString();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto td = TrustDomain::fromName(QStringLiteral("bench.example")).value();
    const auto id =
        SpiffeId::fromString(QStringLiteral("spiffe://bench.example/ns/pay/sa/api")).value();
    const QString audience = QStringLiteral("spiffe://bench.example/ns/pay/sa/ledger");

    struct Case
    {
        JwsAlgorithm alg;
        KeyType keyType;
    };
    for (const Case &c :
         {Case{JwsAlgorithm::ES256, KeyType::EcP256}, Case{JwsAlgorithm::RS256, KeyType::Rsa2048},
          Case{JwsAlgorithm::PS256, KeyType::Rsa2048},
          Case{JwsAlgorithm::ES384, KeyType::EcP384}}) {
        if (!only.isEmpty() && Jose::algorithmName(c.alg) != only)
            continue;
        auto key = Key::generate(c.keyType);
        if (!key)
            return 1;
        TrustBundle bundle(td);
        if (!bundle.addJwtAuthority(QStringLiteral("k1"), *key))
            return 1;
        TrustBundleSet bundles;
        bundles.insert(bundle);
        auto svid =
            JwtSvid::mint(*key, QStringLiteral("k1"), id, {audience}, now, now.addSecs(300), c.alg);
        if (!svid)
            return 1;
        const QByteArray token = svid->token();
        if (!JwtSvid::validate(token, bundles, audience, now))
            return 1;

        // The raw reference: OpenSSL verifying the same signature (in its native DER form for
        // ECDSA) over the same signing input with the same public key, a fresh context each time
        // as any verifier of independent tokens needs.
        const Key pub = *bundle.jwtAuthority(QStringLiteral("k1"));
        const auto jws = Jose::splitCompact(token);
        if (!jws)
            return 1;
        QByteArray sig = jws->signature;
        if (pub.isEc())
            sig = Jose::ecdsaRawToDer(jws->signature).value();
        const QByteArray input = jws->signingInput;
        const EVP_MD *md = c.alg == JwsAlgorithm::ES384 ? EVP_sha384() : EVP_sha256();
        const bool pss = c.alg == JwsAlgorithm::PS256;
        const double raw = ratePerSecond(budget, [&] {
            EvpMdCtxPtr ctx(EVP_MD_CTX_new());
            EVP_PKEY_CTX *pctx = nullptr;
            if (EVP_DigestVerifyInit(ctx.get(), &pctx, md, nullptr, pub.get()) != 1)
                return false;
            if (pss && (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
                        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) <= 0))
                return false;
            return EVP_DigestVerify(ctx.get(),
                                    reinterpret_cast<const unsigned char *>(sig.constData()),
                                    size_t(sig.size()),
                                    reinterpret_cast<const unsigned char *>(input.constData()),
                                    size_t(input.size())) == 1;
        });
        const double ours = ratePerSecond(
            budget, [&] { return JwtSvid::validate(token, bundles, audience, now).ok(); });
        emitLine({{QStringLiteral("bench"), QStringLiteral("jwtsvid_validate")},
                  {QStringLiteral("alg"), Jose::algorithmName(c.alg)},
                  {QStringLiteral("token_bytes"), int(token.size())},
                  {QStringLiteral("ours_per_s"), qRound(ours)},
                  {QStringLiteral("openssl_raw_per_s"), qRound(raw)},
                  {QStringLiteral("ratio"), qRound(ours / raw * 1000) / 1000.0},
                  {QStringLiteral("target_ratio"), 0.5}});
    }
    return 0;
}
