// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/TpmQuote.h"
#include "core/attestation/AttestationErrors.h"

#include <openssl/ecdsa.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <QJsonValue>
#include <QSet>
#include <QStringList>
#include <QtEndian>

namespace ta::core {

namespace {

// TPM 2.0 Part 2 constants.
constexpr quint32 tpmGeneratedValue = 0xff544347; // TPM_GENERATED_VALUE, "\xffTCG"
constexpr quint16 tpmStAttestQuote = 0x8018;      // TPM_ST_ATTEST_QUOTE
// Size limits of the TPM2B fields, from the unions they hold: sizeof(TPMU_NAME) and
// sizeof(TPMT_HA) are 2 + 64 (SHA-512), sizeof(TPMU_HA) is 64, MAX_ECC_KEY_BYTES is 66 (P-521),
// MAX_RSA_KEY_BYTES is 512 (RSA-4096). Anything larger is no TPM's output.
constexpr int maxNameSize = 66;
constexpr int maxDataSize = 66;
constexpr int maxDigestSize = 64;
constexpr int maxEccParameterSize = 66;
constexpr int maxRsaSignatureSize = 512;
// HASH_COUNT bounds the banks a TPM can select; no TPM implements more than a handful.
constexpr quint32 maxPcrBanks = 16;
constexpr int maxSelectBytes = (TpmQuote::maxPcrIndex + 1) / 8;

Error tpmError(const ErrorCode &code, const QString &detail = {})
{
    return makeError(code, detail);
}

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

// A bounds-checked big-endian cursor; each read names its field so a refusal says where.
class Reader
{
public:
    explicit Reader(const QByteArray &data) : m_data(data) {}

    std::optional<Error> need(qsizetype n, const char *field) const
    {
        if (n > remaining())
            return tpmError(ec::TpmTruncated, QStringLiteral("%1: needs %2 bytes, %3 left")
                                                  .arg(QLatin1String(field))
                                                  .arg(n)
                                                  .arg(remaining()));
        return std::nullopt;
    }

    template <typename T>
    Result<T> number(const char *field)
    {
        if (auto e = need(qsizetype(sizeof(T)), field))
            return *e;
        const T v = qFromBigEndian<T>(m_data.constData() + m_pos);
        m_pos += qsizetype(sizeof(T));
        return v;
    }

    Result<QByteArray> bytes(qsizetype n, const char *field)
    {
        if (auto e = need(n, field))
            return *e;
        QByteArray out = m_data.mid(m_pos, n);
        m_pos += n;
        return out;
    }

    // A TPM2B: a 16-bit size, refused above @p maxSize before anything is read for it.
    Result<QByteArray> sized(int maxSize, const char *field)
    {
        auto size = number<quint16>(field);
        if (!size)
            return size.error();
        if (*size > maxSize)
            return tpmError(ec::TpmMalformed, QStringLiteral("%1: size %2 exceeds %3")
                                                  .arg(QLatin1String(field))
                                                  .arg(*size)
                                                  .arg(maxSize));
        return bytes(*size, field);
    }

    qsizetype remaining() const { return m_data.size() - m_pos; }

    Result<void> finish(const char *what) const
    {
        if (remaining() != 0)
            return tpmError(ec::TpmTrailingBytes, QStringLiteral("%1: %2 bytes after the structure")
                                                      .arg(QLatin1String(what))
                                                      .arg(remaining()));
        return {};
    }

private:
    const QByteArray &m_data;
    qsizetype m_pos = 0;
};

std::optional<TpmQuote::Alg> hashAlgFromWire(quint16 v)
{
    switch (v) {
    case quint16(TpmQuote::Alg::Sha1):
    case quint16(TpmQuote::Alg::Sha256):
    case quint16(TpmQuote::Alg::Sha384):
    case quint16(TpmQuote::Alg::Sha512):
        return TpmQuote::Alg(v);
    default:
        return std::nullopt;
    }
}

const EVP_MD *mdFor(TpmQuote::Alg hash)
{
    switch (hash) {
    case TpmQuote::Alg::Sha1:
        return EVP_sha1();
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

QString algName(TpmQuote::Alg alg)
{
    switch (alg) {
    case TpmQuote::Alg::RsaSsa:
        return QStringLiteral("rsassa");
    case TpmQuote::Alg::RsaPss:
        return QStringLiteral("rsapss");
    case TpmQuote::Alg::Ecdsa:
        return QStringLiteral("ecdsa");
    default:
        return TpmQuote::bankName(alg);
    }
}

// Strict hex: QByteArray::fromHex skips bad characters, which would let "zz" read as empty.
std::optional<QByteArray> strictHex(const QString &text)
{
    if (text.size() % 2 != 0)
        return std::nullopt;
    for (const QChar c : text) {
        const bool digit =
            (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
        if (!digit)
            return std::nullopt;
    }
    return QByteArray::fromHex(text.toLatin1());
}

Result<QByteArray> base64Field(const QJsonObject &payload, const char *name)
{
    const QJsonValue v = payload.value(QLatin1String(name));
    if (!v.isString() || v.toString().isEmpty())
        return tpmError(ec::TpmPayloadInvalid,
                        QStringLiteral("%1: missing or not a string").arg(QLatin1String(name)));
    auto decoded = QByteArray::fromBase64Encoding(v.toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return tpmError(ec::TpmPayloadInvalid,
                        QStringLiteral("%1: not base64").arg(QLatin1String(name)));
    return *decoded;
}

// The DER inside a "PUBLIC KEY" PEM block (OpenSSL reads the armor); empty for anything else.
QByteArray pemPublicKeyDer(const QByteArray &pem)
{
    BioPtr bio = readBio(pem);
    char *name = nullptr;
    char *header = nullptr;
    unsigned char *data = nullptr;
    long len = 0;
    QByteArray der;
    if (bio && PEM_read_bio(bio.get(), &name, &header, &data, &len) == 1 &&
        qstrcmp(name, "PUBLIC KEY") == 0)
        der = QByteArray(reinterpret_cast<const char *>(data), int(len));
    OPENSSL_free(name);
    OPENSSL_free(header);
    OPENSSL_free(data);
    takeOpenSslErrors();
    return der;
}

Result<QByteArray> digest(TpmQuote::Alg hash, const QByteArray &data)
{
    const EVP_MD *md = mdFor(hash);
    if (!md)
        return tpmError(ec::TpmUnsupportedHashAlg, algName(hash));
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.constData(), size_t(data.size()), out, &len, md, nullptr) != 1)
        return tpmError(ec::TpmInternal, takeOpenSslErrors());
    return QByteArray(reinterpret_cast<const char *>(out), int(len));
}

} // namespace

QString TpmQuote::bankName(Alg hash)
{
    switch (hash) {
    case Alg::Sha1:
        return QStringLiteral("sha1");
    case Alg::Sha256:
        return QStringLiteral("sha256");
    case Alg::Sha384:
        return QStringLiteral("sha384");
    case Alg::Sha512:
        return QStringLiteral("sha512");
    default:
        return {};
    }
}

std::optional<TpmQuote::Alg> TpmQuote::bankFromName(const QString &name)
{
    for (const Alg a : {Alg::Sha1, Alg::Sha256, Alg::Sha384, Alg::Sha512})
        if (bankName(a) == name)
            return a;
    return std::nullopt;
}

int TpmQuote::digestSize(Alg hash)
{
    switch (hash) {
    case Alg::Sha1:
        return 20;
    case Alg::Sha256:
        return 32;
    case Alg::Sha384:
        return 48;
    case Alg::Sha512:
        return 64;
    default:
        return 0;
    }
}

Result<TpmQuote::Attest> TpmQuote::parseAttest(const QByteArray &bytes)
{
    Reader in(bytes);
    Attest a;

    auto magic = in.number<quint32>("magic");
    if (!magic)
        return magic.error();
    if (*magic != tpmGeneratedValue)
        return tpmError(ec::TpmBadMagic,
                        QStringLiteral("0x%1").arg(*magic, 8, 16, QLatin1Char('0')));
    auto type = in.number<quint16>("type");
    if (!type)
        return type.error();
    if (*type != tpmStAttestQuote)
        return tpmError(ec::TpmNotAQuote,
                        QStringLiteral("type 0x%1").arg(*type, 4, 16, QLatin1Char('0')));

    auto signer = in.sized(maxNameSize, "qualifiedSigner");
    if (!signer)
        return signer.error();
    a.qualifiedSigner = *signer;
    auto extra = in.sized(maxDataSize, "extraData");
    if (!extra)
        return extra.error();
    a.extraData = *extra;

    auto clock = in.number<quint64>("clockInfo.clock");
    if (!clock)
        return clock.error();
    auto resets = in.number<quint32>("clockInfo.resetCount");
    if (!resets)
        return resets.error();
    auto restarts = in.number<quint32>("clockInfo.restartCount");
    if (!restarts)
        return restarts.error();
    auto safe = in.number<quint8>("clockInfo.safe");
    if (!safe)
        return safe.error();
    // TPMI_YES_NO admits only 0 and 1.
    if (*safe > 1)
        return tpmError(ec::TpmMalformed, QStringLiteral("clockInfo.safe: %1").arg(*safe));
    a.clockInfo = ClockInfo{*clock, *resets, *restarts, *safe == 1};

    auto firmware = in.number<quint64>("firmwareVersion");
    if (!firmware)
        return firmware.error();
    a.firmwareVersion = *firmware;

    auto count = in.number<quint32>("pcrSelect.count");
    if (!count)
        return count.error();
    if (*count > maxPcrBanks)
        return tpmError(ec::TpmMalformed, QStringLiteral("pcrSelect.count: %1").arg(*count));
    QSet<quint16> seenBanks;
    for (quint32 i = 0; i < *count; ++i) {
        auto hashId = in.number<quint16>("pcrSelections.hash");
        if (!hashId)
            return hashId.error();
        const auto hash = hashAlgFromWire(*hashId);
        if (!hash)
            return tpmError(ec::TpmUnsupportedHashAlg,
                            QStringLiteral("PCR bank 0x%1").arg(*hashId, 4, 16, QLatin1Char('0')));
        // One entry per bank: the reported values (a map per bank) could not say which of two
        // entries a value belongs to.
        if (seenBanks.contains(*hashId))
            return tpmError(ec::TpmMalformed,
                            QStringLiteral("bank %1 selected twice").arg(bankName(*hash)));
        seenBanks.insert(*hashId);
        auto sizeofSelect = in.number<quint8>("pcrSelections.sizeofSelect");
        if (!sizeofSelect)
            return sizeofSelect.error();
        if (*sizeofSelect > maxSelectBytes)
            return tpmError(ec::TpmMalformed,
                            QStringLiteral("pcrSelections.sizeofSelect: %1").arg(*sizeofSelect));
        auto select = in.bytes(*sizeofSelect, "pcrSelections.pcrSelect");
        if (!select)
            return select.error();
        PcrSelection sel;
        sel.hash = *hash;
        // Bit n of byte k selects PCR 8k + n; the TPM hashes them in that ascending order.
        for (int byteIndex = 0; byteIndex < select->size(); ++byteIndex)
            for (int bit = 0; bit < 8; ++bit)
                if (quint8(select->at(byteIndex)) & (1u << bit))
                    sel.pcrs.append(byteIndex * 8 + bit);
        a.pcrSelection.append(sel);
    }

    auto pcrDigest = in.sized(maxDigestSize, "pcrDigest");
    if (!pcrDigest)
        return pcrDigest.error();
    a.pcrDigest = *pcrDigest;

    if (auto done = in.finish("TPMS_ATTEST"); !done)
        return done.error();
    return a;
}

Result<TpmQuote::Signature> TpmQuote::parseSignature(const QByteArray &bytes)
{
    Reader in(bytes);
    Signature sig;

    auto sigAlg = in.number<quint16>("sigAlg");
    if (!sigAlg)
        return sigAlg.error();
    switch (*sigAlg) {
    case quint16(Alg::RsaSsa):
    case quint16(Alg::RsaPss):
    case quint16(Alg::Ecdsa):
        sig.scheme = Alg(*sigAlg);
        break;
    default:
        // Without the scheme the layout of the rest is unknown, so nothing further is read.
        return tpmError(ec::TpmUnsupportedSigAlg,
                        QStringLiteral("0x%1").arg(*sigAlg, 4, 16, QLatin1Char('0')));
    }

    auto hashId = in.number<quint16>("signature.hash");
    if (!hashId)
        return hashId.error();
    const auto hash = hashAlgFromWire(*hashId);
    if (!hash)
        return tpmError(
            ec::TpmUnsupportedHashAlg,
            QStringLiteral("signature hash 0x%1").arg(*hashId, 4, 16, QLatin1Char('0')));
    sig.hash = *hash;

    if (sig.scheme == Alg::Ecdsa) {
        auto r = in.sized(maxEccParameterSize, "signatureR");
        if (!r)
            return r.error();
        auto s = in.sized(maxEccParameterSize, "signatureS");
        if (!s)
            return s.error();
        sig.r = *r;
        sig.s = *s;
    } else {
        auto rsa = in.sized(maxRsaSignatureSize, "signature.sig");
        if (!rsa)
            return rsa.error();
        sig.rsa = *rsa;
    }

    if (auto done = in.finish("TPMT_SIGNATURE"); !done)
        return done.error();
    return sig;
}

Result<TpmQuote> TpmQuote::parse(const QByteArray &attest, const QByteArray &signature)
{
    auto a = parseAttest(attest);
    if (!a)
        return a.error();
    auto s = parseSignature(signature);
    if (!s)
        return s.error();
    TpmQuote q;
    q.m_raw = attest;
    q.m_attest = std::move(a).value();
    q.m_signature = std::move(s).value();
    return q;
}

Result<void> TpmQuote::verifySignature(const Key &ak) const
{
    if (ak.isNull())
        return tpmError(ec::TpmNoAttestationKey);
    const bool ecdsa = m_signature.scheme == Alg::Ecdsa;
    if (ecdsa ? !ak.isEc() : !ak.isRsa())
        return tpmError(ec::TpmAkTypeMismatch,
                        QStringLiteral("%1 signature, %2 key")
                            .arg(algName(m_signature.scheme),
                                 ak.isEc() ? QStringLiteral("EC") : QStringLiteral("RSA")));
    // SHA-1 collisions are practical; a quote signed over SHA-1 proves too little.
    if (m_signature.hash == Alg::Sha1)
        return tpmError(ec::TpmUnsupportedHashAlg, QStringLiteral("sha1 signatures are refused"));
    if (!mdFor(m_signature.hash))
        return tpmError(ec::TpmUnsupportedHashAlg, algName(m_signature.hash));

    QByteArray sigBytes;
    if (ecdsa) {
        // OpenSSL verifies DER ECDSA-Sig-Value; the TPM gives r and s as big-endian integers.
        BignumPtr r(BN_bin2bn(reinterpret_cast<const unsigned char *>(m_signature.r.constData()),
                              int(m_signature.r.size()), nullptr));
        BignumPtr s(BN_bin2bn(reinterpret_cast<const unsigned char *>(m_signature.s.constData()),
                              int(m_signature.s.size()), nullptr));
        EcdsaSigPtr ecSig(ECDSA_SIG_new());
        if (!r || !s || !ecSig || ECDSA_SIG_set0(ecSig.get(), r.get(), s.get()) != 1)
            return tpmError(ec::TpmInternal, takeOpenSslErrors());
        // ECDSA_SIG_set0 took ownership of both numbers.
        r.release();
        s.release();
        unsigned char *der = nullptr;
        const int len = i2d_ECDSA_SIG(ecSig.get(), &der);
        if (len <= 0)
            return tpmError(ec::TpmInternal, takeOpenSslErrors());
        sigBytes = QByteArray(reinterpret_cast<const char *>(der), len);
        OPENSSL_free(der);
    } else {
        sigBytes = m_signature.rsa;
    }

    EvpMdCtxPtr ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    if (!ctx ||
        EVP_DigestVerifyInit(ctx.get(), &pctx, mdFor(m_signature.hash), nullptr, ak.get()) != 1)
        return tpmError(ec::TpmBadSignature, takeOpenSslErrors());
    if (m_signature.scheme == Alg::RsaSsa &&
        EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
        return tpmError(ec::TpmInternal, takeOpenSslErrors());
    if (m_signature.scheme == Alg::RsaPss) {
        // TPMs differ on the PSS salt length (digest size or the maximum, by spec revision);
        // the salt length is recovered from the signature, the padding still fully checked.
        if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) != 1 ||
            EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_AUTO) != 1)
            return tpmError(ec::TpmInternal, takeOpenSslErrors());
    }
    const int rc = EVP_DigestVerify(
        ctx.get(), reinterpret_cast<const unsigned char *>(sigBytes.constData()),
        size_t(sigBytes.size()), reinterpret_cast<const unsigned char *>(m_raw.constData()),
        size_t(m_raw.size()));
    if (rc != 1) {
        const QString why = takeOpenSslErrors();
        return tpmError(ec::TpmBadSignature,
                        QStringLiteral("%1/%2 signature does not verify with the attestation key%3")
                            .arg(algName(m_signature.scheme), algName(m_signature.hash),
                                 why.isEmpty() ? QString() : QStringLiteral(" (") + why + u')'));
    }
    return {};
}

Result<void> TpmQuote::checkNonce(const QByteArray &expected) const
{
    if (m_attest.extraData != expected)
        return tpmError(ec::TpmNonceMismatch, QStringLiteral("expected %1, quote has %2")
                                                  .arg(hex(expected), hex(m_attest.extraData)));
    return {};
}

Result<void> TpmQuote::checkPcrs(const TpmPcrValues &reported) const
{
    QByteArray concatenated;
    QSet<QString> selectedBanks;
    for (const PcrSelection &sel : m_attest.pcrSelection) {
        const QString bank = bankName(sel.hash);
        selectedBanks.insert(bank);
        const QMap<int, QByteArray> values = reported.value(bank);
        const QList<int> reportedIndices = values.keys();
        if (reportedIndices != sel.pcrs) {
            QStringList quoted, given;
            for (int i : sel.pcrs)
                quoted << QString::number(i);
            for (int i : reportedIndices)
                given << QString::number(i);
            return tpmError(ec::TpmPcrSelectionMismatch,
                            QStringLiteral("%1: quote selects [%2], payload reports [%3]")
                                .arg(bank, quoted.join(u','), given.join(u',')));
        }
        for (int index : sel.pcrs) {
            const QByteArray &value = values.value(index);
            if (value.size() != digestSize(sel.hash))
                return tpmError(ec::TpmPcrValueInvalid,
                                QStringLiteral("%1:%2 is %3 bytes, the bank's digest is %4")
                                    .arg(bank)
                                    .arg(index)
                                    .arg(value.size())
                                    .arg(digestSize(sel.hash)));
            concatenated += value;
        }
    }
    for (auto it = reported.cbegin(); it != reported.cend(); ++it)
        if (!selectedBanks.contains(it.key()) && !it.value().isEmpty())
            return tpmError(ec::TpmPcrSelectionMismatch,
                            QStringLiteral("%1: reported but not quoted").arg(it.key()));

    // TPM 2.0 Part 3, TPM2_Quote: pcrDigest is the signing scheme's hash over every selected
    // value of every bank, in selection order, whatever each bank's own hash.
    auto computed = digest(m_signature.hash, concatenated);
    if (!computed)
        return computed.error();
    if (*computed != m_attest.pcrDigest)
        return tpmError(ec::TpmPcrDigestMismatch,
                        QStringLiteral("quote has %1, reported values hash to %2")
                            .arg(hex(m_attest.pcrDigest), hex(*computed)));
    return {};
}

Result<void> TpmQuote::checkGolden(const TpmPcrValues &reported, const TpmPcrValues &golden)
{
    QStringList differing;
    QStringList missing;
    for (auto bank = golden.cbegin(); bank != golden.cend(); ++bank) {
        const QMap<int, QByteArray> values = reported.value(bank.key());
        for (auto pcr = bank.value().cbegin(); pcr != bank.value().cend(); ++pcr) {
            const QString where = bank.key() + u':' + QString::number(pcr.key());
            if (!values.contains(pcr.key()))
                missing << where;
            else if (values.value(pcr.key()) != pcr.value())
                differing << QStringLiteral("%1 expected %2 found %3")
                                 .arg(where, hex(pcr.value()), hex(values.value(pcr.key())));
        }
    }
    if (!differing.isEmpty())
        return tpmError(ec::TpmPcrNotGolden, differing.join(QStringLiteral("; ")));
    // A golden PCR the quote leaves out would let a changed measurement pass unseen.
    if (!missing.isEmpty())
        return tpmError(ec::TpmGoldenPcrNotQuoted, missing.join(QStringLiteral(", ")));
    return {};
}

Result<void> TpmQuote::verify(const Key &ak, const TpmPcrValues &reported,
                              const TpmPcrValues &golden,
                              const std::optional<QByteArray> &expectedNonce) const
{
    // The signature first: nothing in the quote is worth comparing until the AK vouches for it.
    if (auto r = verifySignature(ak); !r)
        return r;
    if (expectedNonce)
        if (auto r = checkNonce(*expectedNonce); !r)
            return r;
    if (auto r = checkPcrs(reported); !r)
        return r;
    return checkGolden(reported, golden);
}

Result<TpmQuote::Verified> TpmQuote::verifyEvidencePayload(
    const QJsonObject &payload, const Key &registeredAk, const TpmPcrValues &golden,
    const std::optional<QByteArray> &expectedNonce, SignatureMemo *signatures)
{
    if (registeredAk.isNull())
        return tpmError(ec::TpmNoAttestationKey);
    // Fail closed: with no reference values a quote proves the platform's state to no one.
    bool anyGolden = false;
    for (const auto &bank : golden)
        anyGolden = anyGolden || !bank.isEmpty();
    if (!anyGolden)
        return tpmError(ec::TpmNoGoldenValues);

    const QJsonValue akValue = payload.value(QLatin1String("ak_public"));
    if (!akValue.isString())
        return tpmError(ec::TpmPayloadInvalid,
                        QStringLiteral("ak_public: missing or not a string"));
    const QByteArray akPem = akValue.toString().toLatin1();
    const QByteArray registeredDer = registeredAk.publicDer();
    // Fast path: the payload's PEM body is byte for byte the registered SubjectPublicKeyInfo.
    // OpenSSL's key decoders cost more than the quote's whole verification, so a full decode
    // only runs when the bytes differ (another encoding of the same key, or another key).
    if (registeredDer.isEmpty() || pemPublicKeyDer(akPem) != registeredDer) {
        auto ak = Key::fromPem(akPem);
        if (!ak)
            return tpmError(ec::TpmPayloadInvalid,
                            QStringLiteral("ak_public: ") + ak.error().toString());
        if (!ak->samePublicKey(registeredAk))
            return tpmError(ec::TpmAkMismatch,
                            QStringLiteral("payload AK %1, registered AK %2")
                                .arg(QString::fromLatin1(ak->fingerprint()),
                                     QString::fromLatin1(registeredAk.fingerprint())));
    }

    auto attest = base64Field(payload, "quote");
    if (!attest)
        return attest.error();
    auto signature = base64Field(payload, "signature");
    if (!signature)
        return signature.error();
    const QJsonValue pcrsValue = payload.value(QLatin1String("pcrs"));
    if (!pcrsValue.isObject())
        return tpmError(ec::TpmPayloadInvalid, QStringLiteral("pcrs: missing or not an object"));
    auto pcrs = pcrValuesFromJson(pcrsValue.toObject());
    if (!pcrs)
        return pcrs.error();
    const QJsonValue nonceValue = payload.value(QLatin1String("nonce"));
    const auto nonce = nonceValue.isString() ? strictHex(nonceValue.toString()) : std::nullopt;
    if (!nonce)
        return tpmError(ec::TpmPayloadInvalid, QStringLiteral("nonce: missing or not hex"));

    auto quote = parse(*attest, *signature);
    if (!quote)
        return quote.error();
    // A remembered success skips the check; anything else runs it here, for its error.
    const bool knownGood =
        signatures && signatures->check(registeredAk.fingerprint(), {"tpm", *attest, *signature},
                                        [&] { return quote->verifySignature(registeredAk).ok(); });
    if (!knownGood)
        if (auto r = quote->verifySignature(registeredAk); !r)
            return r.error();
    // The payload's nonce must be what the TPM signed, and the challenge when there is one.
    if (auto r = quote->checkNonce(*nonce); !r)
        return r.error();
    if (expectedNonce)
        if (auto r = quote->checkNonce(*expectedNonce); !r)
            return r.error();
    if (auto r = quote->checkPcrs(*pcrs); !r)
        return r.error();
    if (auto r = checkGolden(*pcrs, golden); !r)
        return r.error();

    Verified v;
    v.attest = quote->attest();
    v.signature = quote->signature();
    v.pcrs = std::move(pcrs).value();
    v.akFingerprint = registeredAk.fingerprint();
    return v;
}

Result<TpmPcrValues> TpmQuote::pcrValuesFromJson(const QJsonObject &json)
{
    TpmPcrValues out;
    for (auto bank = json.constBegin(); bank != json.constEnd(); ++bank) {
        const auto hash = bankFromName(bank.key());
        if (!hash)
            return tpmError(ec::TpmUnsupportedHashAlg, QStringLiteral("bank ") + bank.key());
        if (!bank.value().isObject())
            return tpmError(ec::TpmPcrValueInvalid, bank.key() + QStringLiteral(": not an object"));
        const QJsonObject values = bank.value().toObject();
        QMap<int, QByteArray> &target = out[bank.key()];
        for (auto pcr = values.constBegin(); pcr != values.constEnd(); ++pcr) {
            const QString where = bank.key() + u':' + pcr.key();
            bool isNumber = false;
            const int index = pcr.key().toInt(&isNumber, 10);
            // Decimal digits only: "+1", " 1" or "01" would name a PCR ambiguously.
            const bool canonical = isNumber && QString::number(index) == pcr.key();
            if (!canonical || index < 0 || index > maxPcrIndex)
                return tpmError(ec::TpmPcrValueInvalid, where + QStringLiteral(": bad PCR index"));
            const auto value =
                pcr.value().isString() ? strictHex(pcr.value().toString()) : std::nullopt;
            if (!value || value->size() != digestSize(*hash))
                return tpmError(
                    ec::TpmPcrValueInvalid,
                    where + QStringLiteral(": not a %1-byte hex digest").arg(digestSize(*hash)));
            target.insert(index, *value);
        }
    }
    return out;
}

QJsonObject TpmQuote::pcrValuesToJson(const TpmPcrValues &values)
{
    QJsonObject out;
    for (auto bank = values.cbegin(); bank != values.cend(); ++bank) {
        QJsonObject pcrs;
        for (auto pcr = bank.value().cbegin(); pcr != bank.value().cend(); ++pcr)
            pcrs.insert(QString::number(pcr.key()), hex(pcr.value()));
        out.insert(bank.key(), pcrs);
    }
    return out;
}

} // namespace ta::core
