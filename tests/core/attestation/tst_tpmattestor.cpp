// SPDX-License-Identifier: Apache-2.0
// tpm: quotes by the node's registered AK over golden PCR values, and every refusal.
#include "LabFixture.h"

#include "core/attestation/lab/TpmQuoteBuilder.h"

#include <QCryptographicHash>

using namespace ta::core;
using namespace ta::core::test;

class TestTpmAttestor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void accepted();
    void refusals_data();
    void refusals();

private:
    QJsonObject quote(const Key &ak, const TpmPcrValues &pcrs, const QByteArray &nonce) const
    {
        TpmQuoteBuilder b;
        b.setNonce(nonce).setPcrValues(pcrs);
        return b.buildEvidencePayload(ak).value();
    }
    EvidenceRecord tpm(const QJsonObject &payload,
                       const QString &subject = QStringLiteral("node/lab-a"),
                       const QDateTime &at = t0()) const
    {
        return record(QStringLiteral("tpm"), subject, payload, at);
    }

    LabFixture m_f;
    Key m_ak;
    TpmPcrValues m_pcrs;
};

void TestTpmAttestor::initTestCase()
{
    m_ak = Key::generate(KeyType::EcP256).value();
    for (int i : {0, 7})
        m_pcrs[QStringLiteral("sha256")][i] =
            QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256);
    for (const QString &subject : {QStringLiteral("node/lab-a"), QStringLiteral("node/no-golden")})
        m_f.extraAnchors.append(
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("tpm_ak")},
                        {QStringLiteral("subject"), subject},
                        {QStringLiteral("public_key_pem"), QString::fromLatin1(m_ak.publicPem())}});
    for (int i : {0, 7})
        m_f.referenceValues.append(
            QJsonObject{{QStringLiteral("kind"), QStringLiteral("pcr")},
                        {QStringLiteral("subject"), QStringLiteral("node/lab-a")},
                        {QStringLiteral("bank"), QStringLiteral("sha256")},
                        {QStringLiteral("index"), i},
                        {QStringLiteral("value"),
                         QString::fromLatin1(m_pcrs[QStringLiteral("sha256")][i].toHex())}});
}

void TestTpmAttestor::accepted()
{
    const AttestationResult r = m_f.replay({tpm(quote(m_ak, m_pcrs, "nonce-0001"))});
    expectOutcome(r, {});
    QCOMPARE(r.selectors, QStringList{QStringLiteral("tpm:pub_hash:") +
                                      QString::fromLatin1(m_ak.fingerprint())});
    QCOMPARE(r.referenceValueIds.size(), 2);
    QCOMPARE(r.anchorIds, QStringList{QStringLiteral("tpm_ak:node/lab-a")});
    QCOMPARE(r.nonce, QString::fromLatin1(QByteArray("nonce-0001").toHex()));
    QVERIFY(r.claims.value(QLatin1String("tpm")).toObject().contains(QLatin1String("pcrs")));
}

void TestTpmAttestor::refusals_data()
{
    QTest::addColumn<QString>("code");
    for (const char *row : {"issuer_unknown", "key_unknown", "signature_invalid", "nonce_mismatch",
                            "pcr_digest_mismatch", "pcr_not_golden", "reference_missing",
                            "anchor_revoked", "replayed"})
        QTest::newRow(row) << QString::fromLatin1(row);
    // Issue 8, finding 3: a quote without qualifying data (or too little) verified any number
    // of times, skipping the replay guard.
    QTest::newRow("nonce_missing: empty, twice") << QStringLiteral("nonce_missing");
    QTest::newRow("nonce_missing: 7 bytes") << QStringLiteral("nonce_missing/7");
}

void TestTpmAttestor::refusals()
{
    QFETCH(QString, code);
    QList<EvidenceRecord> records;
    QJsonObject good = quote(m_ak, m_pcrs, "nonce-n-01");
    if (code == QLatin1String("issuer_unknown")) {
        records << tpm(good, QStringLiteral("node/unregistered"));
    } else if (code == QLatin1String("key_unknown")) {
        records << tpm(quote(Key::generate(KeyType::EcP256).value(), m_pcrs, "nonce-n-01"));
    } else if (code == QLatin1String("signature_invalid")) {
        good.insert(QStringLiteral("signature"),
                    quote(m_ak, m_pcrs, "other").value(QLatin1String("signature")));
        records << tpm(good);
    } else if (code == QLatin1String("nonce_mismatch")) {
        good.insert(QStringLiteral("nonce"), QString::fromLatin1(QByteArray("forged").toHex()));
        records << tpm(good);
    } else if (code == QLatin1String("pcr_digest_mismatch")) {
        TpmPcrValues reported = m_pcrs;
        reported[QStringLiteral("sha256")][7] = QByteArray(32, '\x07');
        good.insert(QStringLiteral("pcrs"), TpmQuote::pcrValuesToJson(reported));
        records << tpm(good);
    } else if (code == QLatin1String("pcr_not_golden")) {
        TpmPcrValues drifted = m_pcrs;
        drifted[QStringLiteral("sha256")][7] = QByteArray(32, '\x07');
        records << tpm(quote(m_ak, drifted, "nonce-n-01"));
    } else if (code == QLatin1String("reference_missing")) {
        records << tpm(good, QStringLiteral("node/no-golden"));
    } else if (code == QLatin1String("anchor_revoked")) {
        records << signal(QStringLiteral("revoke-anchor"), QStringLiteral("anchor"),
                          QStringLiteral("tpm_ak:node/lab-a"))
                << tpm(good);
    } else if (code == QLatin1String("replayed")) {
        records << tpm(good) << tpm(good, QStringLiteral("node/lab-a"), t0().addSecs(30));
    } else if (code == QLatin1String("nonce_missing")) {
        const QJsonObject empty = quote(m_ak, m_pcrs, QByteArray());
        const AttestationResult first = m_f.replay({tpm(empty)});
        expectOutcome(first, code);
        records << tpm(empty) << tpm(empty, QStringLiteral("node/lab-a"), t0().addSecs(30));
    } else if (code == QLatin1String("nonce_missing/7")) {
        code = QStringLiteral("nonce_missing");
        records << tpm(quote(m_ak, m_pcrs, "1234567"));
    }
    expectOutcome(m_f.replay(records), code);
}

QTEST_GUILESS_MAIN(TestTpmAttestor)
#include "tst_tpmattestor.moc"
