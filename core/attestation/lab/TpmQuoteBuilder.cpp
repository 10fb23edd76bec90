// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/lab/TpmQuoteBuilder.h"
#include "core/attestation/AttestationErrors.h"

#include <openssl/ecdsa.h>
#include <openssl/rsa.h>

#include <QCryptographicHash>
#include <QtEndian>

namespace ta::core {

namespace {

constexpr quint32 tpmGeneratedValue = 0xff544347;
constexpr quint16 tpmStAttestQuote = 0x8018;
// TPM implementations select at least 3 bytes (24 PCRs, PCR_SELECT_MIN) per bank.
constexpr int minSelectBytes = 3;
constexpr int maxTpm2bData = 66;

template <typename T>
void put(QByteArray &out, T value)
{
    char buf[sizeof(T)];
    qToBigEndian(value, buf);
    out.append(buf, qsizetype(sizeof(T)));
}

void putSized(QByteArray &out, const QByteArray &bytes)
{
    put<quint16>(out, quint16(bytes.size()));
    out.append(bytes);
}

const EVP_MD *mdFor(TpmQuote::Alg hash)
{
    switch (hash) {
    case TpmQuote::Alg::Sha256:
        return EVP_sha256();
    case TpmQuote::Alg::Sha384:
        return EVP_sha384();
    case TpmQuote::Alg::Sha512:
        return EVP_sha512();
    default:
        return nullptr;
    }
}

Error buildError(const QString &detail)
{
    return makeError(ec::TpmBuildInvalid, detail);
}

} // namespace

TpmQuoteBuilder &TpmQuoteBuilder::setNonce(const QByteArray &nonce)
{
    m_nonce = nonce;
    return *this;
}

TpmQuoteBuilder &TpmQuoteBuilder::setPcrValues(const TpmPcrValues &values)
{
    m_pcrs = values;
    return *this;
}

TpmQuoteBuilder &TpmQuoteBuilder::setHashAlg(TpmQuote::Alg hash)
{
    m_hash = hash;
    return *this;
}

TpmQuoteBuilder &TpmQuoteBuilder::setRsaScheme(TpmQuote::Alg scheme)
{
    m_rsaScheme = scheme;
    return *this;
}

TpmQuoteBuilder &TpmQuoteBuilder::setQualifiedSigner(const QByteArray &name)
{
    m_qualifiedSigner = name;
    return *this;
}

TpmQuoteBuilder &TpmQuoteBuilder::setClockInfo(const TpmQuote::ClockInfo &clockInfo)
{
    m_clockInfo = clockInfo;
    return *this;
}

TpmQuoteBuilder &TpmQuoteBuilder::setFirmwareVersion(quint64 firmwareVersion)
{
    m_firmwareVersion = firmwareVersion;
    return *this;
}

Result<QByteArray> TpmQuoteBuilder::buildAttest(const Key &ak) const
{
    if (!mdFor(m_hash))
        return buildError(QStringLiteral("hash must be sha256, sha384 or sha512"));
    if (m_nonce.size() > maxTpm2bData)
        return buildError(QStringLiteral("nonce longer than %1 bytes").arg(maxTpm2bData));
    QByteArray signer = m_qualifiedSigner;
    if (signer.isEmpty()) {
        if (ak.isNull())
            return buildError(QStringLiteral("no key to name the signer"));
        // A TPM name is nameAlg || H(TPMT_PUBLIC); with no TPMT_PUBLIC in software, the
        // SubjectPublicKeyInfo stands in, so the name still identifies the key.
        signer = QByteArray::fromHex("000b") +
                 QCryptographicHash::hash(ak.publicDer(), QCryptographicHash::Sha256);
    }
    if (signer.size() > maxTpm2bData)
        return buildError(
            QStringLiteral("qualified signer longer than %1 bytes").arg(maxTpm2bData));

    for (auto it = m_pcrs.cbegin(); it != m_pcrs.cend(); ++it)
        if (!TpmQuote::bankFromName(it.key()))
            return makeError(ec::TpmUnsupportedHashAlg, QStringLiteral("bank ") + it.key());

    QByteArray selections;
    QByteArray concatenated;
    quint32 banks = 0;
    // TPM_ALG_ID order, the order tpm2-tools lists banks in when asked for all of them.
    for (const auto hash : {TpmQuote::Alg::Sha1, TpmQuote::Alg::Sha256, TpmQuote::Alg::Sha384,
                            TpmQuote::Alg::Sha512}) {
        const QString bank = TpmQuote::bankName(hash);
        if (!m_pcrs.contains(bank))
            continue;
        const QMap<int, QByteArray> &values = m_pcrs[bank];
        QByteArray select(minSelectBytes, '\0');
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (it.key() < 0 || it.key() > TpmQuote::maxPcrIndex)
                return makeError(ec::TpmPcrValueInvalid,
                                 bank + QStringLiteral(": PCR index %1").arg(it.key()));
            if (it.value().size() != TpmQuote::digestSize(hash))
                return makeError(ec::TpmPcrValueInvalid,
                                 bank + QStringLiteral(":%1 is not a %2-byte digest")
                                            .arg(it.key())
                                            .arg(TpmQuote::digestSize(hash)));
            const int byteIndex = it.key() / 8;
            if (byteIndex >= select.size())
                select.resize(byteIndex + 1, '\0');
            select[byteIndex] = char(quint8(select[byteIndex]) | (1u << (it.key() % 8)));
            // QMap iterates in ascending index order, the order the TPM hashes them in.
            concatenated += it.value();
        }
        put<quint16>(selections, quint16(hash));
        put<quint8>(selections, quint8(select.size()));
        selections += select;
        ++banks;
    }

    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digestLen = 0;
    if (EVP_Digest(concatenated.constData(), size_t(concatenated.size()), digest, &digestLen,
                   mdFor(m_hash), nullptr) != 1)
        return makeError(ec::TpmInternal, takeOpenSslErrors());

    QByteArray out;
    put<quint32>(out, tpmGeneratedValue);
    put<quint16>(out, tpmStAttestQuote);
    putSized(out, signer);
    putSized(out, m_nonce);
    put<quint64>(out, m_clockInfo.clock);
    put<quint32>(out, m_clockInfo.resetCount);
    put<quint32>(out, m_clockInfo.restartCount);
    put<quint8>(out, m_clockInfo.safe ? 1 : 0);
    put<quint64>(out, m_firmwareVersion);
    put<quint32>(out, banks);
    out += selections;
    putSized(out, QByteArray(reinterpret_cast<const char *>(digest), int(digestLen)));
    return out;
}

Result<QByteArray> TpmQuoteBuilder::sign(const QByteArray &attest, const Key &ak,
                                         TpmQuote::Alg scheme, TpmQuote::Alg hash)
{
    if (ak.isNull() || !ak.hasPrivate())
        return buildError(QStringLiteral("signing needs a private key"));
    const EVP_MD *md = mdFor(hash);
    if (!md)
        return buildError(QStringLiteral("hash must be sha256, sha384 or sha512"));
    const bool ecdsa = scheme == TpmQuote::Alg::Ecdsa;
    const bool rsa = scheme == TpmQuote::Alg::RsaSsa || scheme == TpmQuote::Alg::RsaPss;
    if ((ecdsa && !ak.isEc()) || (rsa && !ak.isRsa()) || (!ecdsa && !rsa))
        return buildError(QStringLiteral("scheme does not fit the key"));

    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, ak.get()) != 1)
        return makeError(ec::TpmInternal, takeOpenSslErrors());
    if (scheme == TpmQuote::Alg::RsaSsa &&
        EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
        return makeError(ec::TpmInternal, takeOpenSslErrors());
    // A salt as long as the digest, as TPM 2.0 revisions from 1.38 on produce.
    if (scheme == TpmQuote::Alg::RsaPss &&
        (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
         EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) != 1))
        return makeError(ec::TpmInternal, takeOpenSslErrors());
    const auto *in = reinterpret_cast<const unsigned char *>(attest.constData());
    size_t len = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &len, in, size_t(attest.size())) != 1)
        return makeError(ec::TpmInternal, takeOpenSslErrors());
    QByteArray sig(qsizetype(len), '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, in,
                       size_t(attest.size())) != 1)
        return makeError(ec::TpmInternal, takeOpenSslErrors());
    sig.resize(qsizetype(len));

    QByteArray out;
    put<quint16>(out, quint16(scheme));
    put<quint16>(out, quint16(hash));
    if (!ecdsa) {
        putSized(out, sig);
        return out;
    }
    // The TPM gives r and s as fixed-width big-endian integers (the curve's size), not DER.
    const auto *p = reinterpret_cast<const unsigned char *>(sig.constData());
    EcdsaSigPtr ecSig(d2i_ECDSA_SIG(nullptr, &p, long(sig.size())));
    if (!ecSig)
        return makeError(ec::TpmInternal, takeOpenSslErrors());
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(ecSig.get(), &r, &s);
    const int width = (ak.bits() + 7) / 8;
    QByteArray rBytes(width, '\0');
    QByteArray sBytes(width, '\0');
    if (BN_bn2binpad(r, reinterpret_cast<unsigned char *>(rBytes.data()), width) != width ||
        BN_bn2binpad(s, reinterpret_cast<unsigned char *>(sBytes.data()), width) != width)
        return makeError(ec::TpmInternal, takeOpenSslErrors());
    putSized(out, rBytes);
    putSized(out, sBytes);
    return out;
}

Result<TpmQuoteBuilder::Quote> TpmQuoteBuilder::build(const Key &ak) const
{
    auto attest = buildAttest(ak);
    if (!attest)
        return attest.error();
    const TpmQuote::Alg scheme = ak.isEc() ? TpmQuote::Alg::Ecdsa : m_rsaScheme;
    auto signature = sign(*attest, ak, scheme, m_hash);
    if (!signature)
        return signature.error();
    return Quote{std::move(attest).value(), std::move(signature).value()};
}

Result<QJsonObject> TpmQuoteBuilder::buildEvidencePayload(const Key &ak) const
{
    auto quote = build(ak);
    if (!quote)
        return quote.error();
    QJsonObject payload;
    payload.insert(QStringLiteral("ak_public"), QString::fromLatin1(ak.publicPem()));
    payload.insert(QStringLiteral("quote"), QString::fromLatin1(quote->attest.toBase64()));
    payload.insert(QStringLiteral("signature"), QString::fromLatin1(quote->signature.toBase64()));
    payload.insert(QStringLiteral("pcrs"), TpmQuote::pcrValuesToJson(m_pcrs));
    payload.insert(QStringLiteral("nonce"), QString::fromLatin1(m_nonce.toHex()));
    return payload;
}

} // namespace ta::core
