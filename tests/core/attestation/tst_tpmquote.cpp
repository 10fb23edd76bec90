// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/TpmQuote.h"
#include "core/attestation/TpmQuoteBuilder.h"

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <QtEndian>

#include <openssl/core_names.h>

using namespace ta::core;
using Alg = TpmQuote::Alg;

namespace {

QByteArray readData(const QString &relative)
{
    QFile f(QStringLiteral(TA_TEST_DATA_DIR "/tpm/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(f.fileName()));
    return f.readAll();
}

// One swtpm fixture folder, as make-fixtures.sh wrote it.
struct Fixture
{
    Key ak;
    QByteArray attest;
    QByteArray signature;
    QByteArray nonce;
    QByteArray qualifiedName;
    TpmPcrValues pcrs;
    QJsonObject payload;
};

Fixture loadFixture(const QString &name)
{
    Fixture f;
    const QByteArray pem = readData(name + QStringLiteral("/ak.pem"));
    auto ak = Key::fromPem(pem);
    if (!ak)
        qFatal("fixture AK unreadable: %s", qPrintable(ak.error().toString()));
    f.ak = *ak;
    f.attest = readData(name + QStringLiteral("/quote.msg"));
    f.signature = readData(name + QStringLiteral("/quote.sig"));
    f.nonce = QByteArray::fromHex(readData(name + QStringLiteral("/nonce.hex")).trimmed());
    f.qualifiedName =
        QByteArray::fromHex(readData(name + QStringLiteral("/qualified-name.hex")).trimmed());
    const QJsonObject pcrsJson =
        QJsonDocument::fromJson(readData(name + QStringLiteral("/pcrs.json"))).object();
    auto pcrs = TpmQuote::pcrValuesFromJson(pcrsJson);
    if (!pcrs)
        qFatal("fixture pcrs unreadable: %s", qPrintable(pcrs.error().toString()));
    f.pcrs = *pcrs;
    f.payload = QJsonObject{
        {QStringLiteral("ak_public"), QString::fromLatin1(pem)},
        {QStringLiteral("quote"), QString::fromLatin1(f.attest.toBase64())},
        {QStringLiteral("signature"), QString::fromLatin1(f.signature.toBase64())},
        {QStringLiteral("pcrs"), pcrsJson},
        {QStringLiteral("nonce"), QString::fromLatin1(f.nonce.toHex())},
    };
    return f;
}

// Offset of clockInfo in a TPMS_ATTEST: magic, type, then the two TPM2B fields.
qsizetype clockOffset(const QByteArray &attest)
{
    const qsizetype nameSize = qFromBigEndian<quint16>(attest.constData() + 6);
    const qsizetype extraSize = qFromBigEndian<quint16>(attest.constData() + 8 + nameSize);
    return 8 + nameSize + 2 + extraSize;
}

// Offset of the first TPMS_PCR_SELECTION's hash: after clockInfo (17), firmware (8), count (4).
qsizetype firstBankOffset(const QByteArray &attest)
{
    return clockOffset(attest) + 17 + 8 + 4;
}

QByteArray flipped(QByteArray bytes, qsizetype at)
{
    bytes[at] = char(bytes[at] ^ 0x01);
    return bytes;
}

QByteArray with16(QByteArray bytes, qsizetype at, quint16 value)
{
    qToBigEndian(value, bytes.data() + at);
    return bytes;
}

QString b64(const QByteArray &b)
{
    return QString::fromLatin1(b.toBase64());
}

const QSet<QString> &knownCodes()
{
    static const QSet<QString> codes{
        QStringLiteral("tpm.truncated"),
        QStringLiteral("tpm.trailing_bytes"),
        QStringLiteral("tpm.bad_magic"),
        QStringLiteral("tpm.not_a_quote"),
        QStringLiteral("tpm.malformed"),
        QStringLiteral("tpm.unsupported_hash_alg"),
        QStringLiteral("tpm.unsupported_sig_alg"),
        QStringLiteral("tpm.ak_type_mismatch"),
        QStringLiteral("tpm.bad_signature"),
        QStringLiteral("tpm.nonce_mismatch"),
        QStringLiteral("tpm.pcr_value_invalid"),
        QStringLiteral("tpm.pcr_selection_mismatch"),
        QStringLiteral("tpm.pcr_digest_mismatch"),
        QStringLiteral("tpm.pcr_not_golden"),
        QStringLiteral("tpm.golden_pcr_not_quoted"),
    };
    return codes;
}

} // namespace

class TestTpmQuote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void swtpmQuoteVerifies_data();
    void swtpmQuoteVerifies();
    void refused_data();
    void refused();
    void resignedStructureRefused_data();
    void resignedStructureRefused();
    void truncatedAtEveryLength_data();
    void truncatedAtEveryLength();
    void builderRoundTrip_data();
    void builderRoundTrip();
    void builderMatchesTpmDigest_data();
    void builderMatchesTpmDigest();
    void pcrJsonRefused_data();
    void pcrJsonRefused();
    void randomBytesNeverCrash();
    void mutatedQuoteNeverVerifies();
    void akInAnotherEncodingAccepted();

private:
    // Keys no fixture was signed by; generated once, RSA generation being slow.
    Key m_otherEc;
    Key m_otherRsa;
};

void TestTpmQuote::initTestCase()
{
    auto ec = Key::generate(KeyType::EcP256);
    auto rsa = Key::generate(KeyType::Rsa2048);
    QVERIFY(ec.ok() && rsa.ok());
    m_otherEc = *ec;
    m_otherRsa = *rsa;
}

void TestTpmQuote::swtpmQuoteVerifies_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<Alg>("scheme");
    QTest::newRow("ecdsa-p256") << QStringLiteral("ecc") << Alg::Ecdsa;
    QTest::newRow("rsassa-2048") << QStringLiteral("rsa") << Alg::RsaSsa;
    QTest::newRow("rsapss-2048") << QStringLiteral("rsapss") << Alg::RsaPss;
    // sha1 and sha256 banks hashed together with the signing hash, as TPM2_Quote does.
    QTest::newRow("two-banks") << QStringLiteral("ecc-two-banks") << Alg::Ecdsa;
}

void TestTpmQuote::swtpmQuoteVerifies()
{
    QFETCH(QString, fixture);
    QFETCH(Alg, scheme);
    const Fixture f = loadFixture(fixture);

    auto v = TpmQuote::verifyEvidencePayload(f.payload, f.ak, f.pcrs, f.nonce);
    QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().toString()));
    QCOMPARE(v->signature.scheme, scheme);
    QCOMPARE(v->signature.hash, Alg::Sha256);
    QCOMPARE(v->attest.extraData, f.nonce);
    // tpm2_readpublic's qualified name is what the TPM put in the quote's qualifiedSigner.
    QCOMPARE(v->attest.qualifiedSigner, f.qualifiedName);
    QCOMPARE(v->attest.pcrDigest.size(), 32);
    QCOMPARE(v->pcrs, f.pcrs);
    QCOMPARE(v->akFingerprint, f.ak.fingerprint());
    QVERIFY(v->attest.clockInfo.safe);
    QVERIFY(v->attest.firmwareVersion != 0);
    QCOMPARE(v->attest.pcrSelection.size(), f.pcrs.size());
    for (const TpmQuote::PcrSelection &sel : v->attest.pcrSelection)
        QCOMPARE(sel.pcrs, f.pcrs.value(TpmQuote::bankName(sel.hash)).keys());

    // Golden values covering only some of the quoted PCRs are enough.
    TpmPcrValues partialGolden;
    const QString bank = f.pcrs.lastKey();
    partialGolden[bank].insert(f.pcrs[bank].firstKey(), f.pcrs[bank].first());
    QVERIFY(TpmQuote::verifyEvidencePayload(f.payload, f.ak, partialGolden).ok());

    // The lower-level API agrees.
    auto quote = TpmQuote::parse(f.attest, f.signature);
    QVERIFY(quote.ok());
    QVERIFY(quote->verify(f.ak, f.pcrs, f.pcrs, f.nonce).ok());
}

void TestTpmQuote::refused_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<QString>("code");

    const QList<std::pair<const char *, const char *>> cases{
        {"flip-signature-byte", "tpm.bad_signature"},
        {"flip-quote-clock-byte", "tpm.bad_signature"},
        {"flip-quote-pcr-digest-byte", "tpm.bad_signature"},
        {"challenge-nonce-differs", "tpm.nonce_mismatch"},
        {"payload-nonce-differs", "tpm.nonce_mismatch"},
        {"altered-pcr-value", "tpm.pcr_digest_mismatch"},
        {"pcr-not-golden", "tpm.pcr_not_golden"},
        {"golden-pcr-not-quoted", "tpm.golden_pcr_not_quoted"},
        {"reported-pcr-missing", "tpm.pcr_selection_mismatch"},
        {"extra-pcr-reported", "tpm.pcr_selection_mismatch"},
        {"extra-bank-reported", "tpm.pcr_selection_mismatch"},
        {"payload-ak-not-registered", "tpm.ak_mismatch"},
        {"other-key-registered", "tpm.bad_signature"},
        {"ak-of-other-type", "tpm.ak_type_mismatch"},
        {"quote-trailing-byte", "tpm.trailing_bytes"},
        {"signature-trailing-byte", "tpm.trailing_bytes"},
        {"wrong-magic", "tpm.bad_magic"},
        {"certify-not-quote", "tpm.not_a_quote"},
        {"hmac-sig-alg", "tpm.unsupported_sig_alg"},
        {"ecdaa-sig-alg", "tpm.unsupported_sig_alg"},
        {"null-sig-alg", "tpm.unsupported_sig_alg"},
        {"sm3-signature-hash", "tpm.unsupported_hash_alg"},
        {"sha1-signature-hash", "tpm.unsupported_hash_alg"},
        {"sm3-pcr-bank", "tpm.unsupported_hash_alg"},
        {"oversized-qualified-signer", "tpm.malformed"},
        {"oversized-pcr-digest", "tpm.malformed"},
        {"safe-flag-not-boolean", "tpm.malformed"},
        {"too-many-banks", "tpm.malformed"},
        {"bank-selected-twice", "tpm.malformed"},
        {"no-golden-values", "tpm.no_golden_values"},
        {"no-registered-key", "tpm.no_attestation_key"},
        {"quote-not-base64", "tpm.payload_invalid"},
        {"signature-missing", "tpm.payload_invalid"},
        {"nonce-not-hex", "tpm.payload_invalid"},
        {"ak-not-pem", "tpm.payload_invalid"},
        {"pcrs-not-object", "tpm.payload_invalid"},
        {"pcr-value-not-hex", "tpm.pcr_value_invalid"},
        {"pcr-value-short", "tpm.pcr_value_invalid"},
    };
    for (const char *fixture : {"ecc", "rsa"})
        for (const auto &[mutation, code] : cases)
            QTest::addRow("%s/%s", fixture, mutation)
                << QString::fromLatin1(fixture) << QString::fromLatin1(mutation)
                << QString::fromLatin1(code);
}

void TestTpmQuote::refused()
{
    QFETCH(QString, fixture);
    QFETCH(QString, mutation);
    QFETCH(QString, code);

    Fixture f = loadFixture(fixture);
    QJsonObject payload = f.payload;
    Key registered = f.ak;
    TpmPcrValues golden = f.pcrs;
    std::optional<QByteArray> challenge = f.nonce;
    QByteArray attest = f.attest;
    QByteArray signature = f.signature;
    QJsonObject pcrsJson = payload.value(QStringLiteral("pcrs")).toObject();
    QJsonObject sha256 = pcrsJson.value(QStringLiteral("sha256")).toObject();
    const QByteArray pcr16 = f.pcrs[QStringLiteral("sha256")][16];
    const QByteArray otherDigest = QByteArray(32, '\x5a');
    const qsizetype bank = firstBankOffset(attest);

    const Key &otherKey = registered.isEc() ? m_otherEc : m_otherRsa;
    const Key &otherTypeKey = registered.isEc() ? m_otherRsa : m_otherEc;

    if (mutation == u"flip-signature-byte") {
        signature = flipped(signature, signature.size() - 5);
    } else if (mutation == u"flip-quote-clock-byte") {
        attest = flipped(attest, clockOffset(attest) + 3);
    } else if (mutation == u"flip-quote-pcr-digest-byte") {
        attest = flipped(attest, attest.size() - 1);
    } else if (mutation == u"challenge-nonce-differs") {
        challenge = flipped(f.nonce, 0);
    } else if (mutation == u"payload-nonce-differs") {
        payload[QStringLiteral("nonce")] = QString::fromLatin1(flipped(f.nonce, 3).toHex());
        challenge.reset();
    } else if (mutation == u"altered-pcr-value") {
        sha256[QStringLiteral("16")] = QString::fromLatin1(flipped(pcr16, 31).toHex());
    } else if (mutation == u"pcr-not-golden") {
        golden[QStringLiteral("sha256")][16] = otherDigest;
    } else if (mutation == u"golden-pcr-not-quoted") {
        golden[QStringLiteral("sha256")][7] = otherDigest;
    } else if (mutation == u"reported-pcr-missing") {
        sha256.remove(QStringLiteral("3"));
        golden[QStringLiteral("sha256")].remove(3);
    } else if (mutation == u"extra-pcr-reported") {
        sha256[QStringLiteral("7")] = QString::fromLatin1(otherDigest.toHex());
    } else if (mutation == u"extra-bank-reported") {
        pcrsJson[QStringLiteral("sha1")] = QJsonObject{{QStringLiteral("0"), QString(40, u'0')}};
    } else if (mutation == u"payload-ak-not-registered") {
        payload[QStringLiteral("ak_public")] = QString::fromLatin1(otherKey.publicPem());
    } else if (mutation == u"other-key-registered") {
        registered = otherKey.publicKey();
        payload[QStringLiteral("ak_public")] = QString::fromLatin1(registered.publicPem());
    } else if (mutation == u"ak-of-other-type") {
        registered = otherTypeKey.publicKey();
        payload[QStringLiteral("ak_public")] = QString::fromLatin1(registered.publicPem());
    } else if (mutation == u"quote-trailing-byte") {
        attest.append('\0');
    } else if (mutation == u"signature-trailing-byte") {
        signature.append('\0');
    } else if (mutation == u"wrong-magic") {
        attest = flipped(attest, 3);
    } else if (mutation == u"certify-not-quote") {
        attest = with16(attest, 4, 0x8017);
    } else if (mutation == u"hmac-sig-alg") {
        signature = with16(signature, 0, 0x0005);
    } else if (mutation == u"ecdaa-sig-alg") {
        signature = with16(signature, 0, 0x001A);
    } else if (mutation == u"null-sig-alg") {
        signature = with16(signature, 0, 0x0010);
    } else if (mutation == u"sm3-signature-hash") {
        signature = with16(signature, 2, 0x0012);
    } else if (mutation == u"sha1-signature-hash") {
        // Parses (SHA-1 is a TPM hash), then refused before any verification.
        signature = with16(signature, 2, 0x0004);
    } else if (mutation == u"sm3-pcr-bank") {
        attest = with16(attest, bank, 0x0012);
    } else if (mutation == u"oversized-qualified-signer") {
        attest = with16(attest, 6, 67);
    } else if (mutation == u"oversized-pcr-digest") {
        attest = with16(attest, attest.size() - 34, 65);
    } else if (mutation == u"safe-flag-not-boolean") {
        attest[clockOffset(attest) + 16] = 2;
    } else if (mutation == u"too-many-banks") {
        qToBigEndian<quint32>(17, attest.data() + bank - 4);
    } else if (mutation == u"bank-selected-twice") {
        // Two identical sha256 selections, and a digest that would match them.
        const QByteArray selection = attest.mid(bank, 2 + 1 + 3);
        attest.insert(bank, selection);
        qToBigEndian<quint32>(2, attest.data() + bank - 4);
    } else if (mutation == u"no-golden-values") {
        golden.clear();
    } else if (mutation == u"no-registered-key") {
        registered = Key();
    } else if (mutation == u"quote-not-base64") {
        payload[QStringLiteral("quote")] = QStringLiteral("not*base64!");
    } else if (mutation == u"signature-missing") {
        payload.remove(QStringLiteral("signature"));
    } else if (mutation == u"nonce-not-hex") {
        payload[QStringLiteral("nonce")] = QStringLiteral("zz") + f.nonce.toHex().mid(2);
    } else if (mutation == u"ak-not-pem") {
        payload[QStringLiteral("ak_public")] = QStringLiteral("-----BEGIN PUBLIC KEY-----");
    } else if (mutation == u"pcrs-not-object") {
        payload[QStringLiteral("pcrs")] = QStringLiteral("sha256:0");
    } else if (mutation == u"pcr-value-not-hex") {
        sha256[QStringLiteral("0")] = QString(64, u'g');
    } else if (mutation == u"pcr-value-short") {
        sha256[QStringLiteral("0")] = QString(62, u'0');
    } else {
        QFAIL(qPrintable(QStringLiteral("unknown mutation ") + mutation));
    }

    if (attest != f.attest)
        payload[QStringLiteral("quote")] = b64(attest);
    if (signature != f.signature)
        payload[QStringLiteral("signature")] = b64(signature);
    pcrsJson[QStringLiteral("sha256")] = sha256;
    if (payload.value(QStringLiteral("pcrs")).isObject())
        payload[QStringLiteral("pcrs")] = pcrsJson;

    auto v = TpmQuote::verifyEvidencePayload(payload, registered, golden, challenge);
    QVERIFY2(!v.ok(), "a tampered payload verified");
    QCOMPARE(v.error().code, code);
    if (code == u"tpm.pcr_not_golden") {
        // The operator sees which PCR, what was expected and what was found.
        QVERIFY(v.error().detail.contains(QStringLiteral("sha256:16")));
        QVERIFY(v.error().detail.contains(QString::fromLatin1(otherDigest.toHex())));
        QVERIFY(v.error().detail.contains(QString::fromLatin1(pcr16.toHex())));
    }
}

void TestTpmQuote::resignedStructureRefused_data()
{
    QTest::addColumn<QString>("mutation");
    QTest::addColumn<QString>("code");
    QTest::newRow("magic") << QStringLiteral("magic") << QStringLiteral("tpm.bad_magic");
    QTest::newRow("type") << QStringLiteral("type") << QStringLiteral("tpm.not_a_quote");
    QTest::newRow("nonce") << QStringLiteral("nonce") << QStringLiteral("tpm.nonce_mismatch");
    QTest::newRow("pcr-digest") << QStringLiteral("pcr-digest")
                                << QStringLiteral("tpm.pcr_digest_mismatch");
    QTest::newRow("selection") << QStringLiteral("selection")
                               << QStringLiteral("tpm.pcr_selection_mismatch");
}

// Each check holds on its own, even over bytes the registered key did sign: the swtpm quote is
// altered and re-signed with a software AK that is then registered.
void TestTpmQuote::resignedStructureRefused()
{
    QFETCH(QString, mutation);
    QFETCH(QString, code);
    const Fixture f = loadFixture(QStringLiteral("ecc"));
    auto ak = Key::generate(KeyType::EcP256);
    QVERIFY(ak.ok());

    QByteArray attest = f.attest;
    if (mutation == u"magic")
        attest = flipped(attest, 0);
    else if (mutation == u"type")
        attest = with16(attest, 4, 0x8014);
    else if (mutation == u"nonce")
        attest = flipped(attest, 8 + qFromBigEndian<quint16>(attest.constData() + 6) + 2);
    else if (mutation == u"pcr-digest")
        attest = flipped(attest, attest.size() - 1);
    else if (mutation == u"selection") // PCR 3 dropped from the first select byte
        attest[firstBankOffset(attest) + 3] = char(attest[firstBankOffset(attest) + 3] & ~0x08);

    auto sig = TpmQuoteBuilder::sign(attest, *ak, Alg::Ecdsa, Alg::Sha256);
    QVERIFY(sig.ok());
    QJsonObject payload = f.payload;
    payload[QStringLiteral("ak_public")] = QString::fromLatin1(ak->publicPem());
    payload[QStringLiteral("quote")] = b64(attest);
    payload[QStringLiteral("signature")] = b64(*sig);
    auto v = TpmQuote::verifyEvidencePayload(payload, ak->publicKey(), f.pcrs, f.nonce);
    QVERIFY(!v.ok());
    QCOMPARE(v.error().code, code);
}

void TestTpmQuote::truncatedAtEveryLength_data()
{
    QTest::addColumn<QString>("fixture");
    for (const char *name : {"ecc", "rsa", "rsapss", "ecc-two-banks"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestTpmQuote::truncatedAtEveryLength()
{
    QFETCH(QString, fixture);
    const Fixture f = loadFixture(fixture);
    for (qsizetype n = 0; n < f.attest.size(); ++n) {
        auto a = TpmQuote::parseAttest(f.attest.left(n));
        QVERIFY2(!a.ok(), qPrintable(QStringLiteral("attest prefix %1 parsed").arg(n)));
        QCOMPARE(a.error().code, QStringLiteral("tpm.truncated"));
    }
    for (qsizetype n = 0; n < f.signature.size(); ++n) {
        auto s = TpmQuote::parseSignature(f.signature.left(n));
        QVERIFY2(!s.ok(), qPrintable(QStringLiteral("signature prefix %1 parsed").arg(n)));
        QCOMPARE(s.error().code, QStringLiteral("tpm.truncated"));
    }
    // A truncated quote in a payload is refused the same way.
    QJsonObject payload = f.payload;
    payload[QStringLiteral("quote")] = b64(f.attest.chopped(1));
    auto v = TpmQuote::verifyEvidencePayload(payload, f.ak, f.pcrs, f.nonce);
    QVERIFY(!v.ok());
    QCOMPARE(v.error().code, QStringLiteral("tpm.truncated"));
}

void TestTpmQuote::builderRoundTrip_data()
{
    QTest::addColumn<KeyType>("keyType");
    QTest::addColumn<Alg>("rsaScheme");
    QTest::addColumn<Alg>("hash");
    QTest::addColumn<QStringList>("banks");
    const QStringList sha256{QStringLiteral("sha256")};
    QTest::newRow("ecdsa-p256") << KeyType::EcP256 << Alg::RsaSsa << Alg::Sha256 << sha256;
    QTest::newRow("rsassa-2048") << KeyType::Rsa2048 << Alg::RsaSsa << Alg::Sha256 << sha256;
    QTest::newRow("rsapss-2048") << KeyType::Rsa2048 << Alg::RsaPss << Alg::Sha256 << sha256;
    QTest::newRow("ecdsa-p256-sha384") << KeyType::EcP256 << Alg::RsaSsa << Alg::Sha384 << sha256;
    QTest::newRow("ecdsa-p384-three-banks")
        << KeyType::EcP384 << Alg::RsaSsa << Alg::Sha384
        << QStringList{QStringLiteral("sha1"), QStringLiteral("sha256"), QStringLiteral("sha384")};
}

void TestTpmQuote::builderRoundTrip()
{
    QFETCH(KeyType, keyType);
    QFETCH(Alg, rsaScheme);
    QFETCH(Alg, hash);
    QFETCH(QStringList, banks);
    auto ak = Key::generate(keyType);
    QVERIFY(ak.ok());

    TpmPcrValues pcrs;
    for (const QString &bank : banks) {
        const int size = TpmQuote::digestSize(*TpmQuote::bankFromName(bank));
        for (int index : {0, 7, 8, 23})
            pcrs[bank].insert(index, QByteArray(size, char('a' + index)));
    }
    const QByteArray nonce = QByteArray::fromHex("00112233445566778899aabbccddeeff");
    TpmQuoteBuilder builder;
    builder.setNonce(nonce)
        .setPcrValues(pcrs)
        .setHashAlg(hash)
        .setRsaScheme(rsaScheme)
        .setClockInfo({123456789, 3, 1, true})
        .setFirmwareVersion(0x2000100000000ull);
    auto payload = builder.buildEvidencePayload(*ak);
    QVERIFY2(payload.ok(), qPrintable(payload.ok() ? QString() : payload.error().toString()));

    auto v = TpmQuote::verifyEvidencePayload(*payload, ak->publicKey(), pcrs, nonce);
    QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().toString()));
    QCOMPARE(v->signature.scheme, ak->isEc() ? Alg::Ecdsa : rsaScheme);
    QCOMPARE(v->signature.hash, hash);
    QCOMPARE(v->attest.extraData, nonce);
    QCOMPARE(v->attest.clockInfo.clock, quint64(123456789));
    QCOMPARE(v->attest.clockInfo.resetCount, quint32(3));
    QCOMPARE(v->attest.clockInfo.restartCount, quint32(1));
    QVERIFY(v->attest.clockInfo.safe);
    QCOMPARE(v->attest.firmwareVersion, quint64(0x2000100000000ull));
    QCOMPARE(v->attest.qualifiedSigner.size(), 34);
    QCOMPARE(v->attest.pcrSelection.size(), banks.size());
    for (qsizetype i = 0; i < banks.size(); ++i) {
        QCOMPARE(TpmQuote::bankName(v->attest.pcrSelection[i].hash), banks[i]);
        QCOMPARE(v->attest.pcrSelection[i].pcrs, (QList<int>{0, 7, 8, 23}));
    }
    QCOMPARE(v->pcrs, pcrs);

    // The built quote is bound to its values: one changed PCR and it no longer verifies.
    TpmPcrValues drifted = pcrs;
    drifted[banks.first()][7][0] = 'z';
    QJsonObject driftedPayload = *payload;
    driftedPayload[QStringLiteral("pcrs")] = TpmQuote::pcrValuesToJson(drifted);
    auto refused = TpmQuote::verifyEvidencePayload(driftedPayload, *ak, drifted, nonce);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("tpm.pcr_digest_mismatch"));
}

void TestTpmQuote::builderMatchesTpmDigest_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::newRow("one-bank") << QStringLiteral("ecc");
    QTest::newRow("two-banks") << QStringLiteral("ecc-two-banks");
}

// The builder's TPMS_ATTEST hashes PCRs exactly as libtpms did: same values, same digest and
// the same selection bytes.
void TestTpmQuote::builderMatchesTpmDigest()
{
    QFETCH(QString, fixture);
    const Fixture f = loadFixture(fixture);
    auto tpm = TpmQuote::parseAttest(f.attest);
    QVERIFY(tpm.ok());
    auto ak = Key::generate(KeyType::EcP256);
    QVERIFY(ak.ok());
    auto built = TpmQuoteBuilder()
                     .setNonce(f.nonce)
                     .setPcrValues(f.pcrs)
                     .setQualifiedSigner(tpm->qualifiedSigner)
                     .setClockInfo(tpm->clockInfo)
                     .setFirmwareVersion(tpm->firmwareVersion)
                     .buildAttest(*ak);
    QVERIFY(built.ok());
    // Identical up to the signature: the builder writes the TPM's own wire form.
    QCOMPARE(built->toHex(), f.attest.toHex());
}

void TestTpmQuote::pcrJsonRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("code");
    const QByteArray zeros(64, '0');
    QTest::newRow("unknown-bank") << QByteArray(R"({"sm3_256":{"0":")" + zeros + R"("}})")
                                  << QStringLiteral("tpm.unsupported_hash_alg");
    QTest::newRow("leading-zero-index") << QByteArray(R"({"sha256":{"01":")" + zeros + R"("}})")
                                        << QStringLiteral("tpm.pcr_value_invalid");
    QTest::newRow("signed-index") << QByteArray(R"({"sha256":{"+1":")" + zeros + R"("}})")
                                  << QStringLiteral("tpm.pcr_value_invalid");
    QTest::newRow("index-too-high") << QByteArray(R"({"sha256":{"64":")" + zeros + R"("}})")
                                    << QStringLiteral("tpm.pcr_value_invalid");
    QTest::newRow("sha1-size-in-sha256")
        << QByteArray(R"({"sha256":{"0":")" + QByteArray(40, '0') + R"("}})")
        << QStringLiteral("tpm.pcr_value_invalid");
    QTest::newRow("odd-hex") << QByteArray(R"({"sha256":{"0":")" + QByteArray(63, '0') + R"("}})")
                             << QStringLiteral("tpm.pcr_value_invalid");
    QTest::newRow("number-not-string")
        << QByteArray(R"({"sha256":{"0":0}})") << QStringLiteral("tpm.pcr_value_invalid");
    QTest::newRow("bank-not-object")
        << QByteArray(R"({"sha256":[]})") << QStringLiteral("tpm.pcr_value_invalid");
}

void TestTpmQuote::pcrJsonRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, code);
    auto values = TpmQuote::pcrValuesFromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(!values.ok());
    QCOMPARE(values.error().code, code);
}

// Random bytes: no crash, no read out of bounds (run under ASan to see it), only typed refusals.
void TestTpmQuote::randomBytesNeverCrash()
{
    QRandomGenerator rng(0x7A7A2026);
    const Fixture f = loadFixture(QStringLiteral("ecc"));
    int parsedSignatures = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray bytes(rng.bounded(0, 300), '\0');
        for (auto &b : bytes)
            b = char(rng.bounded(256));
        // A quarter start like a quote, so the parser gets past magic and type; a quarter are
        // well-formed signatures of random content, which parse and must then fail to verify.
        if (i % 4 == 1 && bytes.size() >= 6) {
            bytes.replace(0, 6, QByteArray::fromHex("ff5443478018"));
        } else if (i % 4 == 3) {
            static const quint16 schemes[] = {0x0018, 0x0014, 0x0016};
            QByteArray sig;
            const auto put16 = [&sig](quint16 v) {
                sig.append(char(v >> 8));
                sig.append(char(v & 0xff));
            };
            const quint16 scheme = schemes[rng.bounded(3)];
            put16(scheme);
            put16(0x000B);
            for (int part = 0; part < (scheme == 0x0018 ? 2 : 1); ++part) {
                const int size = rng.bounded(0, scheme == 0x0018 ? 67 : 513);
                put16(quint16(size));
                for (int k = 0; k < size; ++k)
                    sig.append(char(rng.bounded(256)));
            }
            bytes = sig;
        }

        auto a = TpmQuote::parseAttest(bytes);
        if (!a.ok())
            QVERIFY2(knownCodes().contains(a.error().code), qPrintable(a.error().code));
        auto s = TpmQuote::parseSignature(bytes);
        if (s.ok()) {
            ++parsedSignatures;
            auto q = TpmQuote::parse(f.attest, bytes);
            QVERIFY(q.ok());
            QVERIFY(!q->verifySignature(f.ak).ok());
        } else {
            QVERIFY2(knownCodes().contains(s.error().code), qPrintable(s.error().code));
        }
    }
    qDebug("%d random inputs parsed as a TPMT_SIGNATURE, none verified", parsedSignatures);
}

// Any change to any byte of a real quote or its signature is refused.
void TestTpmQuote::mutatedQuoteNeverVerifies()
{
    QRandomGenerator rng(0x51DE5EED);
    for (const char *name : {"ecc", "rsa"}) {
        const Fixture f = loadFixture(QString::fromLatin1(name));
        for (int i = 0; i < 1500; ++i) {
            QByteArray attest = f.attest;
            QByteArray signature = f.signature;
            QByteArray &target = (i % 2 == 0) ? attest : signature;
            const int changes = 1 + rng.bounded(4);
            for (int c = 0; c < changes; ++c)
                target[rng.bounded(int(target.size()))] = char(rng.bounded(256));
            if (attest == f.attest && signature == f.signature)
                continue;
            QJsonObject payload = f.payload;
            payload[QStringLiteral("quote")] = b64(attest);
            payload[QStringLiteral("signature")] = b64(signature);
            auto v = TpmQuote::verifyEvidencePayload(payload, f.ak, f.pcrs, f.nonce);
            QVERIFY2(
                !v.ok(),
                qPrintable(
                    QStringLiteral("%1: mutation %2 verified").arg(QLatin1String(name)).arg(i)));
            QVERIFY2(knownCodes().contains(v.error().code), qPrintable(v.error().code));
        }
    }
}

// The payload's AK is compared as a key, not as text: the same EC key with its point
// compressed is the registered key, and a different label around the same bytes is not a key.
void TestTpmQuote::akInAnotherEncodingAccepted()
{
    const Fixture f = loadFixture(QStringLiteral("ecc"));
    EvpPkeyPtr copy(EVP_PKEY_dup(f.ak.get()));
    QVERIFY(copy);
    QVERIFY(EVP_PKEY_set_utf8_string_param(copy.get(), OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT,
                                           "compressed") == 1);
    const Key compressed(std::move(copy));
    const QByteArray pem = compressed.publicPem();
    QVERIFY(compressed.publicDer() != f.ak.publicDer());

    QJsonObject payload = f.payload;
    payload[QStringLiteral("ak_public")] = QString::fromLatin1(pem);
    auto v = TpmQuote::verifyEvidencePayload(payload, f.ak, f.pcrs, f.nonce);
    QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().toString()));
    QCOMPARE(v->akFingerprint, f.ak.fingerprint());

    QByteArray relabelled = f.payload.value(QStringLiteral("ak_public")).toString().toLatin1();
    relabelled.replace("PUBLIC KEY", "CERTIFICATE");
    payload[QStringLiteral("ak_public")] = QString::fromLatin1(relabelled);
    auto refused = TpmQuote::verifyEvidencePayload(payload, f.ak, f.pcrs, f.nonce);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("tpm.payload_invalid"));
}

QTEST_GUILESS_MAIN(TestTpmQuote)
#include "tst_tpmquote.moc"
