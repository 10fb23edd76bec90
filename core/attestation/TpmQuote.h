// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/SignatureMemo.h"
#include "core/crypto/Key.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <cstdint>
#include <optional>

namespace ta::core {

/// PCR values by bank name ("sha1", "sha256", "sha384", "sha512") and PCR index, as raw digests:
/// the shape of a quote's reported values and of golden (reference) values alike.
using TpmPcrValues = QMap<QString, QMap<int, QByteArray>>;

/// A TPM 2.0 quote: a TPMS_ATTEST of type TPM_ST_ATTEST_QUOTE with its TPMT_SIGNATURE, in the
/// wire form `tpm2_quote -m` / `-s` write (TPM 2.0 Part 2, big-endian). Parsing is strict: every
/// length is bounded and checked, trailing bytes are refused. OpenSSL does every signature check
/// and every hash; this class only reads the TPM structures.
///
/// Refusals are typed errors: tpm.truncated, tpm.trailing_bytes, tpm.bad_magic, tpm.not_a_quote,
/// tpm.malformed, tpm.unsupported_hash_alg, tpm.unsupported_sig_alg, tpm.ak_type_mismatch,
/// tpm.bad_signature, tpm.nonce_mismatch, tpm.pcr_value_invalid, tpm.pcr_selection_mismatch,
/// tpm.pcr_digest_mismatch, tpm.pcr_not_golden, tpm.golden_pcr_not_quoted, tpm.no_golden_values,
/// tpm.no_attestation_key, tpm.ak_mismatch, tpm.payload_invalid; tpm.internal when OpenSSL fails.
class TpmQuote
{
public:
    /// The TPM_ALG_ID values a quote may name here (TPM 2.0 Part 2, table 9).
    enum class Alg : std::uint16_t {
        Sha1 = 0x0004,
        Sha256 = 0x000B,
        Sha384 = 0x000C,
        Sha512 = 0x000D,
        RsaSsa = 0x0014,
        RsaPss = 0x0016,
        Ecdsa = 0x0018,
    };

    /// TPMS_CLOCK_INFO: the TPM's clock and its reset and restart counters.
    struct ClockInfo
    {
        quint64 clock = 0;
        quint32 resetCount = 0;
        quint32 restartCount = 0;
        bool safe = false;
    };

    /// One TPMS_PCR_SELECTION: a bank and its selected PCR indices, ascending.
    struct PcrSelection
    {
        Alg hash = Alg::Sha256;
        QList<int> pcrs;
    };

    /// The fields of a TPMS_ATTEST quote.
    struct Attest
    {
        QByteArray qualifiedSigner;
        QByteArray extraData; ///< the caller's nonce (qualifying data)
        ClockInfo clockInfo;
        quint64 firmwareVersion = 0;
        QList<PcrSelection> pcrSelection; ///< in the order the TPM hashed them
        QByteArray pcrDigest;
    };

    /// A TPMT_SIGNATURE: the scheme, its hash, and either the ECDSA (r, s) or the RSA signature.
    struct Signature
    {
        Alg scheme = Alg::Ecdsa;
        Alg hash = Alg::Sha256;
        QByteArray r;
        QByteArray s;
        QByteArray rsa;
    };

    /// What a verified `tpm` evidence payload established, for the attestor's claims.
    struct Verified
    {
        Attest attest;
        Signature signature;
        TpmPcrValues pcrs;        ///< the reported values, proven by the quote
        QByteArray akFingerprint; ///< Key::fingerprint() of the attestation key
    };

    TpmQuote() = default;

    /// Parses a TPMS_ATTEST (quote) and a TPMT_SIGNATURE; refuses any malformed byte.
    [[nodiscard]] static Result<TpmQuote> parse(const QByteArray &attest,
                                                const QByteArray &signature);
    /// Parses a TPMS_ATTEST alone: magic, type, every field and its bounds, no trailing bytes.
    [[nodiscard]] static Result<Attest> parseAttest(const QByteArray &attest);
    /// Parses a TPMT_SIGNATURE alone (ECDSA, RSASSA or RSAPSS).
    [[nodiscard]] static Result<Signature> parseSignature(const QByteArray &signature);

    const Attest &attest() const { return m_attest; }
    const Signature &signature() const { return m_signature; }
    /// The exact TPMS_ATTEST bytes the signature covers.
    const QByteArray &rawAttest() const { return m_raw; }

    /// The signature over the raw TPMS_ATTEST verifies with @p ak, under the signature's hash.
    [[nodiscard]] Result<void> verifySignature(const Key &ak) const;
    /// The quote's extraData equals @p expected.
    [[nodiscard]] Result<void> checkNonce(const QByteArray &expected) const;
    /// @p reported covers exactly the quoted selection, and hashing its values in selection order
    /// with the signature's hash (as the TPM does, whatever the banks) gives pcrDigest.
    [[nodiscard]] Result<void> checkPcrs(const TpmPcrValues &reported) const;
    /// Every golden PCR is reported with its golden value; the detail lists each difference.
    [[nodiscard]] static Result<void> checkGolden(const TpmPcrValues &reported,
                                                  const TpmPcrValues &golden);

    /// All checks in order: signature, nonce (when given), PCR selection and digest, golden values.
    [[nodiscard]] Result<void> verify(const Key &ak, const TpmPcrValues &reported,
                                      const TpmPcrValues &golden,
                                      const std::optional<QByteArray> &expectedNonce = {}) const;

    /// Verifies a `tpm` evidence payload (DESIGN: ak_public, quote, signature, pcrs, nonce) against
    /// the registered attestation key and golden values; the payload's own ak_public must be that
    /// key, its nonce must be the quote's, and @p expectedNonce (the challenge) when given too.
    [[nodiscard]] static Result<Verified> verifyEvidencePayload(
        const QJsonObject &payload, const Key &registeredAk, const TpmPcrValues &golden,
        const std::optional<QByteArray> &expectedNonce = {}, SignatureMemo *signatures = nullptr);

    /// Reads `{"sha256":{"0":"hex",...}}`: known banks, decimal indices, digests of the bank's
    /// size.
    [[nodiscard]] static Result<TpmPcrValues> pcrValuesFromJson(const QJsonObject &json);
    /// Writes the shape pcrValuesFromJson() reads, lower-case hex.
    static QJsonObject pcrValuesToJson(const TpmPcrValues &values);

    /// "sha256" for Alg::Sha256; empty for a non-hash algorithm.
    static QString bankName(Alg hash);
    static std::optional<Alg> bankFromName(const QString &name);
    /// The digest size of a hash algorithm in bytes, 0 for a non-hash algorithm.
    static int digestSize(Alg hash);
    /// The highest PCR index a selection may name here (8 select bytes).
    static constexpr int maxPcrIndex = 63;

private:
    QByteArray m_raw;
    Attest m_attest;
    Signature m_signature;
};

} // namespace ta::core
