// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/TpmQuote.h"
#include "core/crypto/Key.h"

#include <QByteArray>
#include <QJsonObject>

namespace ta::core {

/// Makes synthetic TPM quotes for the evidence lab: a TPMS_ATTEST and its TPMT_SIGNATURE in the
/// exact wire form `tpm2_quote` writes, signed in software with an ordinary key (ECDSA, or
/// RSASSA/RSAPSS), so lab evidence goes through the same parser and checks as a real TPM's.
/// It emulates no TPM: no key is restricted, the clock is whatever it is told.
class TpmQuoteBuilder
{
public:
    /// A built quote: the raw TPMS_ATTEST and the TPMT_SIGNATURE over it.
    struct Quote
    {
        QByteArray attest;
        QByteArray signature;
    };

    /// The qualifying data the verifier's challenge asks the TPM to sign.
    TpmQuoteBuilder &setNonce(const QByteArray &nonce);
    /// The PCR values to quote; the selection is every PCR given, banks in TPM_ALG_ID order.
    TpmQuoteBuilder &setPcrValues(const TpmPcrValues &values);
    /// The signature's hash, which also hashes the PCR values (default SHA-256).
    TpmQuoteBuilder &setHashAlg(TpmQuote::Alg hash);
    /// RSASSA (default) or RSAPSS for an RSA key; an EC key always signs ECDSA.
    TpmQuoteBuilder &setRsaScheme(TpmQuote::Alg scheme);
    /// The signer's name; by default 0x000B followed by SHA-256 of the key's SubjectPublicKeyInfo.
    TpmQuoteBuilder &setQualifiedSigner(const QByteArray &name);
    TpmQuoteBuilder &setClockInfo(const TpmQuote::ClockInfo &clockInfo);
    TpmQuoteBuilder &setFirmwareVersion(quint64 firmwareVersion);

    /// The TPMS_ATTEST bytes (unsigned); @p ak names the signer when no name was set.
    [[nodiscard]] Result<QByteArray> buildAttest(const Key &ak) const;
    /// The TPMS_ATTEST and its signature by @p ak, which must hold a private key.
    [[nodiscard]] Result<Quote> build(const Key &ak) const;
    /// A `tpm` evidence payload in DESIGN's shape (ak_public, quote, signature, pcrs, nonce).
    [[nodiscard]] Result<QJsonObject> buildEvidencePayload(const Key &ak) const;

    /// A TPMT_SIGNATURE over any @p attest bytes: @p scheme is Ecdsa, RsaSsa or RsaPss.
    [[nodiscard]] static Result<QByteArray> sign(const QByteArray &attest, const Key &ak,
                                                 TpmQuote::Alg scheme, TpmQuote::Alg hash);

private:
    QByteArray m_nonce;
    TpmPcrValues m_pcrs;
    TpmQuote::Alg m_hash = TpmQuote::Alg::Sha256;
    TpmQuote::Alg m_rsaScheme = TpmQuote::Alg::RsaSsa;
    QByteArray m_qualifiedSigner;
    TpmQuote::ClockInfo m_clockInfo;
    quint64 m_firmwareVersion = 0;
};

} // namespace ta::core
