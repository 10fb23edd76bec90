// SPDX-License-Identifier: Apache-2.0
// TPM quote verification rate beside OpenSSL's raw verify rate for the AK's key type, same run,
// one core. One JSON line per case: "quote" is parse + signature + PCR digest + golden values,
// "payload" adds what the attestor pays per record (base64, JSON PCRs, the payload's AK PEM).
#include "core/attestation/TpmQuote.h"
#include "core/attestation/lab/TpmQuoteBuilder.h"

#include "BenchSupport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/rsa.h>

#include <cstdio>

using namespace ta::core;

using ta::bench::emitLine;
using ta::bench::ratePerSecond;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 budget = ta::bench::budgetMs(app.arguments());

    // PC Client-like selection: PCRs 0-7 and 16 in the sha256 bank.
    TpmPcrValues pcrs;
    for (int index : {0, 1, 2, 3, 4, 5, 6, 7, 16})
        pcrs[QStringLiteral("sha256")].insert(index, QByteArray(32, char(index + 1)));
    const QByteArray nonce(16, '\x42');

    for (KeyType type : {KeyType::EcP256, KeyType::Rsa2048}) {
        auto ak = Key::generate(type);
        if (!ak)
            return 1;
        const Key akPublic = ak->publicKey();
        TpmQuoteBuilder builder;
        builder.setNonce(nonce).setPcrValues(pcrs);
        auto built = builder.build(*ak);
        auto payload = builder.buildEvidencePayload(*ak);
        if (!built || !payload)
            return 1;

        // The raw reference: one OpenSSL digest-and-verify of the same TPMS_ATTEST bytes.
        const QByteArray &msg = built->attest;
        QByteArray rawSig;
        {
            EvpMdCtxPtr ctx(EVP_MD_CTX_new());
            size_t len = 0;
            const auto *in = reinterpret_cast<const unsigned char *>(msg.constData());
            if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, ak->get()) != 1 ||
                EVP_DigestSign(ctx.get(), nullptr, &len, in, size_t(msg.size())) != 1)
                return 1;
            rawSig.resize(qsizetype(len));
            if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(rawSig.data()), &len,
                               in, size_t(msg.size())) != 1)
                return 1;
            rawSig.resize(qsizetype(len));
        }
        const double raw = ratePerSecond(budget, [&] {
            EvpMdCtxPtr ctx(EVP_MD_CTX_new());
            return EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr,
                                        akPublic.get()) == 1 &&
                   EVP_DigestVerify(ctx.get(),
                                    reinterpret_cast<const unsigned char *>(rawSig.constData()),
                                    size_t(rawSig.size()),
                                    reinterpret_cast<const unsigned char *>(msg.constData()),
                                    size_t(msg.size())) == 1;
        });
        const double quote = ratePerSecond(budget, [&] {
            auto q = TpmQuote::parse(built->attest, built->signature);
            return q.ok() && q->verify(akPublic, pcrs, pcrs, nonce).ok();
        });
        const double fromPayload = ratePerSecond(budget, [&] {
            return TpmQuote::verifyEvidencePayload(*payload, akPublic, pcrs, nonce).ok();
        });

        for (const auto &[level, ours] : {std::pair{"quote", quote}, {"payload", fromPayload}}) {
            emitLine({{QStringLiteral("bench"), QStringLiteral("tpm_quote_verify")},
                      {QStringLiteral("level"), QLatin1String(level)},
                      {QStringLiteral("ak_key"), keyTypeName(type)},
                      {QStringLiteral("ours_per_s"), qRound(ours)},
                      {QStringLiteral("openssl_raw_verify_per_s"), qRound(raw)},
                      {QStringLiteral("ratio"), qRound(ours / raw * 1000) / 1000.0}});
        }
    }
    return 0;
}
