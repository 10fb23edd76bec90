// SPDX-License-Identifier: Apache-2.0
// X509-SVID issuance rate beside OpenSSL's raw signature rate for the CA's key type, same run,
// one core. One JSON line per case. DESIGN.md's target: ratio >= 0.5.
#include "core/crypto/CertificateBuilder.h"
#include "core/spiffe/CertificateAuthority.h"

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
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto td = TrustDomain::fromName(QStringLiteral("bench.example")).value();
    const auto id =
        SpiffeId::fromString(QStringLiteral("spiffe://bench.example/ns/pay/sa/api")).value();

    // --only TYPE limits the run to one CA key type (for profiling).
    const qsizetype only = app.arguments().indexOf(QStringLiteral("--only"));
    const auto onlyType = only > 0 && only + 1 < app.arguments().size()
                              ? keyTypeFromName(app.arguments().at(only + 1))
                              : std::nullopt;
    for (KeyType type : {KeyType::EcP256, KeyType::EcP384, KeyType::Rsa2048}) {
        if (onlyType && *onlyType != type)
            continue;
        CaSettings settings;
        settings.keyType = type;
        auto ca = CertificateAuthority::create(td, settings, now);
        auto subject = Key::generate(KeyType::EcP256);
        if (!ca || !subject)
            return 1;
        const Key caKey = ca->activeSlot(AuthorityKind::X509)->key;
        const Key subjectPublic = subject->publicKey();

        // The raw reference: one digest-and-sign over a message the size of an SVID's TBS.
        const QByteArray tbs(420, 'x');
        const EVP_MD *md = CertificateBuilder::digestFor(caKey);
        unsigned char sig[1024];
        const double raw = ratePerSecond(budget, [&] {
            EvpMdCtxPtr ctx(EVP_MD_CTX_new());
            size_t len = sizeof sig;
            return EVP_DigestSignInit(ctx.get(), nullptr, md, nullptr, caKey.get()) == 1 &&
                   EVP_DigestSign(ctx.get(), sig, &len,
                                  reinterpret_cast<const unsigned char *>(tbs.constData()),
                                  size_t(tbs.size())) == 1;
        });
        const double ours = ratePerSecond(
            budget, [&] { return ca->mintX509Svid(id, subjectPublic, {}, 0, now).ok(); });
        emitLine({{QStringLiteral("bench"), QStringLiteral("x509svid_issue")},
                  {QStringLiteral("ca_key"), keyTypeName(type)},
                  {QStringLiteral("ours_per_s"), qRound(ours)},
                  {QStringLiteral("openssl_raw_sign_per_s"), qRound(raw)},
                  {QStringLiteral("ratio"), qRound(ours / raw * 1000) / 1000.0},
                  {QStringLiteral("target_ratio"), 0.5}});
    }
    return 0;
}
