// SPDX-License-Identifier: Apache-2.0
// The TPM structures a tpm record carries. An input that starts with '{' is a tpm evidence
// payload (ak_public, quote, signature, pcrs, nonce) verified against the ECC fixture's
// attestation key and golden PCRs (tests/data/tpm/ecc). Any other input is binary: its first
// two bytes (big-endian) give the length of a TPMS_ATTEST, the rest is a TPMT_SIGNATURE; each
// part is parsed alone, then both together, and the whole input as either structure.
#include "FuzzSupport.h"

#include "core/attestation/TpmQuote.h"
#include "core/crypto/Key.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace ta::core;

namespace {

struct Fixture
{
    Key ak = Key::fromPem(ta::fuzz::fixture("../tpm/ecc/ak.pem")).value();
    TpmPcrValues golden =
        TpmQuote::pcrValuesFromJson(
            QJsonDocument::fromJson(ta::fuzz::fixture("../tpm/ecc/pcrs.json")).object())
            .value();
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Fixture f;
    const QByteArray input = ta::fuzz::bytes(data, size);
    if (input.startsWith('{')) {
        const QJsonObject payload = QJsonDocument::fromJson(input).object();
        auto verified = TpmQuote::verifyEvidencePayload(payload, f.ak, f.golden);
        ta::fuzz::note(verified ? QStringLiteral("verified") : verified.error().toString());
        if (auto pcrs =
                TpmQuote::pcrValuesFromJson(payload.value(QLatin1String("pcrs")).toObject()))
            (void)TpmQuote::pcrValuesToJson(*pcrs);
        return 0;
    }
    (void)TpmQuote::parseAttest(input);
    (void)TpmQuote::parseSignature(input);
    if (input.size() >= 2) {
        const qsizetype length = (qsizetype(uint8_t(input.at(0))) << 8) | uint8_t(input.at(1));
        const QByteArray attest = input.mid(2, length);
        const QByteArray signature = input.mid(2 + attest.size());
        auto quote = TpmQuote::parse(attest, signature);
        ta::fuzz::note(quote ? QStringLiteral("parsed") : quote.error().toString());
        if (quote) {
            (void)quote->verifySignature(f.ak);
            (void)quote->checkPcrs(f.golden);
            (void)quote->verify(f.ak, f.golden, f.golden);
        }
    }
    return 0;
}
