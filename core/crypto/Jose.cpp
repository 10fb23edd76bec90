// SPDX-License-Identifier: Apache-2.0
#include "core/crypto/Jose.h"
#include "core/crypto/CryptoErrors.h"

#include "core/SharedBytes.h"
#include "core/crypto/Jwk.h"

#include <openssl/rsa.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>

#include <array>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace ta::core {
namespace {

struct AlgInfo
{
    JwsAlgorithm alg;
    const char *name;
    enum class Family { Ecdsa, RsaPkcs1, RsaPss } family;
    int hashBits;
    const char *curve; // JWK "crv" for ECDSA
};

constexpr std::array<AlgInfo, 9> algTable{{
    {JwsAlgorithm::ES256, "ES256", AlgInfo::Family::Ecdsa, 256, "P-256"},
    {JwsAlgorithm::ES384, "ES384", AlgInfo::Family::Ecdsa, 384, "P-384"},
    {JwsAlgorithm::ES512, "ES512", AlgInfo::Family::Ecdsa, 512, "P-521"},
    {JwsAlgorithm::RS256, "RS256", AlgInfo::Family::RsaPkcs1, 256, nullptr},
    {JwsAlgorithm::RS384, "RS384", AlgInfo::Family::RsaPkcs1, 384, nullptr},
    {JwsAlgorithm::RS512, "RS512", AlgInfo::Family::RsaPkcs1, 512, nullptr},
    {JwsAlgorithm::PS256, "PS256", AlgInfo::Family::RsaPss, 256, nullptr},
    {JwsAlgorithm::PS384, "PS384", AlgInfo::Family::RsaPss, 384, nullptr},
    {JwsAlgorithm::PS512, "PS512", AlgInfo::Family::RsaPss, 512, nullptr},
}};

const AlgInfo &info(JwsAlgorithm alg)
{
    return algTable[size_t(alg)];
}

const EVP_MD *digestFor(const AlgInfo &a)
{
    switch (a.hashBits) {
    case 384:
        return EVP_sha384();
    case 512:
        return EVP_sha512();
    default:
        return EVP_sha256();
    }
}

// RFC 7518 3.5 fixes the PSS salt at the hash size and MGF1 on the same hash (OpenSSL's default
// MGF1 digest is the signing digest). PKCS#1 v1.5 is already the default for the plain RSA keys
// checkKeyFits lets through to RS*, and setting it again costs a parameter round trip per token.
bool configurePadding(EVP_PKEY_CTX *pctx, const AlgInfo &a)
{
    if (a.family == AlgInfo::Family::RsaPss)
        return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) > 0 &&
               EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) > 0;
    return true;
}

// The value of each base64url character (RFC 4648 section 5), -1 for every other byte.
constexpr std::array<signed char, 256> kB64UrlValues = [] {
    std::array<signed char, 256> t{};
    t.fill(-1);
    const char *alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int v = 0; v < 64; ++v)
        t[size_t(uchar(alphabet[v]))] = static_cast<signed char>(v);
    return t;
}();

// Each character's six bits already in their place among a quartet's 24, one table for each of
// the four places; a byte outside the alphabet sets bit 24 in all four, so one test of the four
// ORed tells a quartet good from bad.
constexpr quint32 kB64UrlBad = quint32(1) << 24;
constexpr std::array<std::array<quint32, 256>, 4> kB64UrlPlaced = [] {
    std::array<std::array<quint32, 256>, 4> t{};
    for (size_t place = 0; place < 4; ++place) {
        for (size_t c = 0; c < 256; ++c) {
            const int v = kB64UrlValues[c];
            t[place][c] = v < 0 ? kB64UrlBad : quint32(v) << (18 - 6 * place);
        }
    }
    return t;
}();

#if defined(__x86_64__)
/// Sixteen base64url characters a step with SSSE3 (every x86-64 this project has met has it; it
/// is checked at run time): decodes whole blocks of @p in into @p o for as long as every
/// character is in the alphabet, and returns how many characters it decoded (a multiple of
/// sixteen), leaving the rest, and a block with a stray byte, to the caller's loops, which name
/// the byte. Each block writes sixteen bytes of which twelve count: the caller's output has room
/// for the four past them. A character's validity is a bit test of two nibble tables, its value
/// the character plus an offset by its high nibble ('_' corrected); four values are then packed
/// into three bytes by two multiply-adds.
__attribute__((target("ssse3"))) qsizetype decodeBlocksSsse3(const unsigned char *in, qsizetype n,
                                                             unsigned char *&o)
{
    const __m128i nibble = _mm_set1_epi8(0x0f);
    // Rows by high nibble, each a bit; a low nibble's entry has the bits of the rows in which it
    // is not a character of the alphabet (bit 0: rows 0, 1 and 8 to 15, where none is).
    const __m128i refusedByLow = _mm_setr_epi8(0x2b, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03, 0x03,
                                               0x03, 0x07, 0x57, 0x57, 0x55, 0x57, 0x47);
    const __m128i rowOfHigh = _mm_setr_epi8(0x01, 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x01,
                                            0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01);
    // '-' is 62 (0x2d + 17), digits 52-61 (+4), capitals 0-25 (-65), small letters 26-51 (-71).
    const __m128i offsetOfHigh =
        _mm_setr_epi8(0, 0, 17, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0);
    const __m128i underscore = _mm_set1_epi8('_'); // 63: 0x5f - 32, not its row's -65
    const __m128i underscoreCorrection = _mm_set1_epi8(33);
    const __m128i pairWeights = _mm_set1_epi32(0x01400140);
    const __m128i quadWeights = _mm_set1_epi32(0x00011000);
    const __m128i bigEndianBytes =
        _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
    qsizetype i = 0;
    for (; i + 16 <= n; i += 16) {
        const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + i));
        const __m128i high = _mm_and_si128(_mm_srli_epi32(c, 4), nibble);
        const __m128i refused =
            _mm_and_si128(_mm_shuffle_epi8(refusedByLow, _mm_and_si128(c, nibble)),
                          _mm_shuffle_epi8(rowOfHigh, high));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(refused, _mm_setzero_si128())) != 0xffff)
            break;
        const __m128i offset =
            _mm_add_epi8(_mm_shuffle_epi8(offsetOfHigh, high),
                         _mm_and_si128(_mm_cmpeq_epi8(c, underscore), underscoreCorrection));
        const __m128i values = _mm_add_epi8(c, offset);
        // Per 32-bit lane: (a << 6 | b) << 12 | (c << 6 | d), then its three bytes, high first.
        const __m128i quads = _mm_madd_epi16(_mm_maddubs_epi16(values, pairWeights), quadWeights);
        _mm_storeu_si128(reinterpret_cast<__m128i *>(o), _mm_shuffle_epi8(quads, bigEndianBytes));
        o += 12;
    }
    return i;
}
#endif

} // namespace

QByteArray Jose::base64UrlEncode(QByteArrayView data)
{
    return QByteArray::fromRawData(data.data(), data.size())
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Result<QByteArray> Jose::base64UrlDecode(QByteArrayView text)
{
    // One pass that checks and decodes (a JWS is decoded three times per record: this was 5% of
    // a first simulation run as a check followed by QByteArray::fromBase64).
    const qsizetype n = text.size();
    // Four bytes of room past the decoded ones, for the wide stores below.
    QByteArray out(n / 4 * 3 + 4, Qt::Uninitialized);
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    const auto *in = reinterpret_cast<const unsigned char *>(text.data());
    auto bad = [](unsigned char c) -> Result<QByteArray> {
        return makeError(ec::JoseBadBase64url,
                         QStringLiteral("character 0x%1").arg(uint(c), 2, 16, QLatin1Char('0')));
    };
    const auto quartet = [&](qsizetype at) {
        return kB64UrlPlaced[0][in[at]] | kB64UrlPlaced[1][in[at + 1]] |
               kB64UrlPlaced[2][in[at + 2]] | kB64UrlPlaced[3][in[at + 3]];
    };
    qsizetype i = 0;
#if defined(__x86_64__)
    static const bool ssse3 = __builtin_cpu_supports("ssse3");
    if (ssse3)
        i = decodeBlocksSsse3(in, n, o);
#endif
    // Eight characters a step, their six bytes written as one eight-byte store: the next store
    // or the truncation below overwrites the two extra. A third fewer instructions than a
    // quartet a step with the values shifted into place (callgrind; the workload tokens'
    // decoding was the pre-pass's costliest function of our own).
    for (; i + 8 <= n; i += 8) {
        const quint32 v = quartet(i);
        const quint32 w = quartet(i + 4);
        if (((v | w) & kB64UrlBad) != 0) {
            for (qsizetype k = i; k < i + 8; ++k) {
                if (kB64UrlValues[in[k]] < 0)
                    return bad(in[k]);
            }
        }
        qToBigEndian(quint64(v) << 40 | quint64(w) << 16, o);
        o += 6;
    }
    for (; i + 4 <= n; i += 4) {
        const int a = kB64UrlValues[in[i]];
        const int b = kB64UrlValues[in[i + 1]];
        const int c = kB64UrlValues[in[i + 2]];
        const int d = kB64UrlValues[in[i + 3]];
        if ((a | b | c | d) < 0) {
            for (qsizetype k = i; k < i + 4; ++k) {
                if (kB64UrlValues[in[k]] < 0)
                    return bad(in[k]);
            }
        }
        const quint32 v = quint32(a) << 18 | quint32(b) << 12 | quint32(c) << 6 | quint32(d);
        *o++ = uchar(v >> 16);
        *o++ = uchar(v >> 8);
        *o++ = uchar(v);
    }
    const qsizetype rem = n - i;
    int tail[3] = {0, 0, 0};
    for (qsizetype k = 0; k < rem; ++k) {
        tail[k] = kB64UrlValues[in[i + k]];
        if (tail[k] < 0)
            return bad(in[i + k]);
    }
    if (rem == 1)
        return makeError(ec::JoseBadBase64url, QStringLiteral("length"));
    // A canonical encoding leaves the bits past the last whole byte at zero; anything else is a
    // second spelling of the same bytes, which a strict decoder refuses.
    if ((rem == 2 && (tail[1] & 0x0f) != 0) || (rem == 3 && (tail[2] & 0x03) != 0))
        return makeError(ec::JoseBadBase64url, QStringLiteral("non-zero pad bits"));
    if (rem >= 2)
        *o++ = uchar(tail[0] << 2 | tail[1] >> 4);
    if (rem == 3)
        *o++ = uchar((tail[1] & 0x0f) << 4 | tail[2] >> 2);
    out.truncate(qsizetype(o - reinterpret_cast<unsigned char *>(out.data())));
    return out;
}

QString Jose::algorithmName(JwsAlgorithm alg)
{
    return QString::fromLatin1(info(alg).name);
}

const char *Jose::algorithmText(JwsAlgorithm alg)
{
    return info(alg).name;
}

std::optional<JwsAlgorithm> Jose::algorithmFromName(QStringView name)
{
    for (const AlgInfo &a : algTable) {
        if (name == QLatin1String(a.name))
            return a.alg;
    }
    return std::nullopt;
}

std::optional<JwsAlgorithm> Jose::defaultAlgorithm(const Key &key)
{
    if (key.isRsa())
        return JwsAlgorithm::RS256;
    const QString crv = Jwk::curveName(key);
    for (const AlgInfo &a : algTable) {
        if (a.curve && crv == QLatin1String(a.curve))
            return a.alg;
    }
    return std::nullopt;
}

int Jose::ecCoordinateBytes(JwsAlgorithm alg)
{
    switch (alg) {
    case JwsAlgorithm::ES256:
        return 32;
    case JwsAlgorithm::ES384:
        return 48;
    case JwsAlgorithm::ES512:
        return 66;
    default:
        return 0;
    }
}

Result<void> Jose::checkKeyFits(const Key &key, JwsAlgorithm alg)
{
    const AlgInfo &a = info(alg);
    if (key.isNull())
        return makeError(ec::JoseNoKey);
    if (a.family == AlgInfo::Family::Ecdsa) {
        if (!key.isEc())
            return makeError(ec::JoseKeyTypeMismatch,
                             QStringLiteral("%1 needs an EC key").arg(QLatin1String(a.name)));
        const QString crv = Jwk::curveName(key);
        if (crv != QLatin1String(a.curve))
            return makeError(ec::JoseCurveMismatch,
                             QStringLiteral("%1 needs %2, key is %3")
                                 .arg(QLatin1String(a.name), QLatin1String(a.curve), crv));
        return {};
    }
    // RS* signs with PKCS#1 v1.5, which an RSA-PSS-restricted key refuses to do.
    const int base = EVP_PKEY_get_base_id(key.get());
    if (base != EVP_PKEY_RSA && !(base == EVP_PKEY_RSA_PSS && a.family == AlgInfo::Family::RsaPss))
        return makeError(ec::JoseKeyTypeMismatch,
                         QStringLiteral("%1 needs an RSA key").arg(QLatin1String(a.name)));
    if (key.bits() < 2048)
        return makeError(ec::JoseRsaKeyTooSmall, QString::number(key.bits()));
    return {};
}

Result<QByteArray> Jose::sign(const Key &key, JwsAlgorithm alg, QByteArrayView input)
{
    if (auto fits = checkKeyFits(key, alg); !fits)
        return fits.error();
    if (!key.hasPrivate())
        return makeError(ec::JoseNoPrivateKey);
    const AlgInfo &a = info(alg);
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, digestFor(a), nullptr, key.get()) != 1 ||
        !configurePadding(pctx, a))
        return makeError(ec::JoseSignFailed, takeOpenSslErrors());
    const auto *in = reinterpret_cast<const unsigned char *>(input.data());
    size_t len = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &len, in, size_t(input.size())) != 1)
        return makeError(ec::JoseSignFailed, takeOpenSslErrors());
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, in,
                       size_t(input.size())) != 1)
        return makeError(ec::JoseSignFailed, takeOpenSslErrors());
    sig.resize(qsizetype(len));
    if (a.family == AlgInfo::Family::Ecdsa)
        return ecdsaDerToRaw(sig, ecCoordinateBytes(alg));
    return sig;
}

Result<void> Jose::verify(const Key &key, JwsAlgorithm alg, QByteArrayView input,
                          QByteArrayView signature)
{
    if (auto fits = checkKeyFits(key, alg); !fits)
        return fits.error();
    const AlgInfo &a = info(alg);
    QByteArray der;
    QByteArrayView sig = signature;
    if (a.family == AlgInfo::Family::Ecdsa) {
        // RFC 7518 3.4: exactly two coordinates of the curve's size; a DER signature or any
        // other length is refused rather than guessed at.
        if (signature.size() != 2 * ecCoordinateBytes(alg))
            return makeError(ec::JoseBadSignatureLength, QString::number(signature.size()));
        auto converted = ecdsaRawToDer(signature);
        if (!converted)
            return converted.error();
        der = std::move(converted).value();
        sig = der;
    }
    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), &pctx, digestFor(a), nullptr, key.get()) != 1 ||
        !configurePadding(pctx, a))
        return makeError(ec::JoseVerifyFailed, takeOpenSslErrors());
    const int rc = EVP_DigestVerify(
        ctx.get(), reinterpret_cast<const unsigned char *>(sig.data()), size_t(sig.size()),
        reinterpret_cast<const unsigned char *>(input.data()), size_t(input.size()));
    if (rc != 1) {
        // A malformed signature (rc < 0) is as bad as a wrong one; the queue is drained so the
        // next OpenSSL call starts clean.
        takeOpenSslErrors();
        return makeError(ec::JoseBadSignature);
    }
    return {};
}

Result<QByteArray> Jose::signCompact(QJsonObject header, QByteArrayView payload, const Key &key,
                                     JwsAlgorithm alg)
{
    header.insert(QStringLiteral("alg"), algorithmName(alg));
    QByteArray input = base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact));
    input += '.';
    input += base64UrlEncode(payload);
    auto sig = sign(key, alg, input);
    if (!sig)
        return sig.error();
    input += '.';
    input += base64UrlEncode(*sig);
    return input;
}

Result<void> Jose::checkCritical(const QJsonObject &header, const QStringList &understood)
{
    const auto it = header.constFind(QLatin1String("crit"));
    if (it == header.constEnd())
        return {};
    // RFC 7515 4.1.11: an array of names, never empty; an empty or ill-formed list is refused
    // as well, since a recipient cannot know what its sender meant it to understand.
    if (!it->isArray() || it->toArray().isEmpty())
        return makeError(ec::JoseCritInvalid, QStringLiteral("not a non-empty array"));
    QStringList seen;
    for (const QJsonValue &v : it->toArray()) {
        if (!v.isString() || v.toString().isEmpty() || seen.contains(v.toString()))
            return makeError(ec::JoseCritInvalid, QStringLiteral("entries must be distinct names"));
        seen << v.toString();
    }
    for (const QString &name : std::as_const(seen)) {
        if (!understood.contains(name))
            return makeError(ec::JoseCritUnknown, name);
    }
    return {};
}

std::optional<QDateTime> Jose::numericDate(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double seconds = value.toDouble();
    // Written so that NaN fails both comparisons; the bound keeps the cast below defined.
    if (!(seconds >= 0.0 && seconds <= MaxNumericDate))
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(qint64(seconds), Qt::UTC);
}

namespace {

/// A compact JWS's three parts decoded, all but signingInput, whose size (up to the second
/// dot) goes in @p signedSize.
Result<Jose::CompactJws> decodeCompact(QByteArrayView token, Jose::Header part,
                                       qsizetype &signedSize)
{
    const qsizetype dot1 = token.indexOf('.');
    const qsizetype dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
    if (dot1 < 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0)
        return makeError(ec::JoseNotCompact, QStringLiteral("%1 parts").arg(token.count('.') + 1));
    Jose::CompactJws out;
    auto header = part == Jose::Header::Decode ? Jose::base64UrlDecode(token.first(dot1))
                                               : Result<QByteArray>(QByteArray());
    if (!header)
        return makeError(header.error().code, QStringLiteral("header: ") + header.error().detail);
    auto payload = Jose::base64UrlDecode(token.sliced(dot1 + 1, dot2 - dot1 - 1));
    if (!payload)
        return makeError(payload.error().code,
                         QStringLiteral("payload: ") + payload.error().detail);
    auto signature = Jose::base64UrlDecode(token.sliced(dot2 + 1));
    if (!signature)
        return makeError(signature.error().code,
                         QStringLiteral("signature: ") + signature.error().detail);
    out.header = std::move(header).value();
    out.payload = std::move(payload).value();
    out.signature = std::move(signature).value();
    signedSize = dot2;
    return out;
}

} // namespace

Result<Jose::CompactJws> Jose::splitCompact(QByteArrayView token, Header part)
{
    qsizetype signedSize = 0;
    auto out = decodeCompact(token, part, signedSize);
    if (out)
        out->signingInput = token.first(signedSize).toByteArray();
    return out;
}

Result<Jose::CompactJws> Jose::splitCompact(QByteArray &&token, Header part)
{
    qsizetype signedSize = 0;
    auto out = decodeCompact(token, part, signedSize);
    if (out) {
        // The signing input is the token's start: its block is shared, not copied, even when
        // the token shares it with the line it was read from.
        out->signingInput = sharedSlice(std::move(token), 0, signedSize);
    }
    return out;
}

Result<QByteArray> Jose::ecdsaDerToRaw(QByteArrayView der, int coordinateBytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.data());
    EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, long(der.size())));
    if (!sig)
        return makeError(ec::JoseBadEcdsaDer, takeOpenSslErrors());
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    QByteArray out(2 * coordinateBytes, Qt::Uninitialized);
    auto *buf = reinterpret_cast<unsigned char *>(out.data());
    if (BN_bn2binpad(r, buf, coordinateBytes) != coordinateBytes ||
        BN_bn2binpad(s, buf + coordinateBytes, coordinateBytes) != coordinateBytes)
        return makeError(ec::JoseBadEcdsaDer, QStringLiteral("coordinate too large"));
    return out;
}

Result<QByteArray> Jose::ecdsaRawToDer(QByteArrayView raw)
{
    if (raw.isEmpty() || raw.size() % 2 != 0)
        return makeError(ec::JoseBadSignatureLength, QString::number(raw.size()));
    const int half = int(raw.size() / 2);
    const auto *buf = reinterpret_cast<const unsigned char *>(raw.data());
    BignumPtr r(BN_bin2bn(buf, half, nullptr));
    BignumPtr s(BN_bin2bn(buf + half, half, nullptr));
    EcdsaSigPtr sig(ECDSA_SIG_new());
    if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
        return makeError(ec::JoseBadSignature, takeOpenSslErrors());
    // ECDSA_SIG_set0 took ownership of both numbers.
    (void)r.release();
    (void)s.release();
    unsigned char *der = nullptr;
    const int len = i2d_ECDSA_SIG(sig.get(), &der);
    if (len <= 0)
        return makeError(ec::JoseBadSignature, takeOpenSslErrors());
    QByteArray out(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    return out;
}

} // namespace ta::core
