// SPDX-License-Identifier: Apache-2.0
// cosign: simple-signing signatures over allowed image digests, and every refusal.
#include "LabFixture.h"

#include "core/attestation/CosignAttestor.h"

using namespace ta::core;
using namespace ta::core::test;

namespace {

const QString kRepo = QStringLiteral("registry.example/pay/api");
const QString kDigest = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
const QString kOther = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));

} // namespace

class TestCosignAttestor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void accepted();
    void splitReference_data();
    void splitReference();
    void refusals_data();
    void refusals();

private:
    EvidenceRecord cosign(const QJsonObject &payload) const
    {
        return record(QStringLiteral("cosign"), QStringLiteral("image/pay-api"), payload);
    }

    LabFixture m_f;
};

void TestCosignAttestor::initTestCase()
{
    m_f.referenceValues.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("image_digest")},
                                           {QStringLiteral("image"), kRepo},
                                           {QStringLiteral("digest"), kDigest}});
}

void TestCosignAttestor::accepted()
{
    const AttestationResult r = m_f.replay({cosign(m_f.release.sign(kRepo, kDigest).value())});
    expectOutcome(r, {});
    QCOMPARE(r.referenceValueIds,
             QStringList{QStringLiteral("image_digest:%1@%2").arg(kRepo, kDigest)});
    QCOMPARE(r.anchorIds, QStringList{QStringLiteral("cosign_key:release")});
    QCOMPARE(
        r.claims.value(QLatin1String("image")).toObject().value(QLatin1String("digest")).toString(),
        kDigest);
    // The same signature may be checked again: image signatures are not one-time evidence.
    const QJsonObject p = m_f.release.sign(kRepo, kDigest).value();
    EvidenceVerifier v = m_f.verifier();
    expectOutcome(v.verify(cosign(p)), {});
    expectOutcome(v.verify(cosign(p)), {});
}

void TestCosignAttestor::splitReference_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("repo");
    QTest::newRow("plain") << kRepo + QLatin1Char('@') + kDigest << kRepo;
    QTest::newRow("tag dropped") << kRepo + QStringLiteral(":1.2@") + kDigest << kRepo;
    QTest::newRow("registry port kept")
        << QStringLiteral("reg:5000/a@") + kDigest << QStringLiteral("reg:5000/a");
    QTest::newRow("no digest") << kRepo << QString();
    QTest::newRow("short digest") << kRepo + QStringLiteral("@sha256:abc") << QString();
}

void TestCosignAttestor::splitReference()
{
    QFETCH(QString, reference);
    QFETCH(QString, repo);
    QCOMPARE(CosignAttestor::splitReference(reference).first, repo);
}

void TestCosignAttestor::refusals_data()
{
    QTest::addColumn<QString>("code");
    for (const char *row :
         {"malformed", "signature_invalid", "digest_mismatch", "reference_mismatch",
          "digest_not_allowed", "anchor_revoked", "key_revoked"})
        QTest::newRow(row) << QString::fromLatin1(row);
}

void TestCosignAttestor::refusals()
{
    QFETCH(QString, code);
    QList<EvidenceRecord> records;
    QJsonObject p = m_f.release.sign(kRepo, kDigest).value();
    if (code == QLatin1String("malformed")) {
        p.insert(QStringLiteral("image"), kRepo + QStringLiteral(":latest"));
        records << cosign(p);
    } else if (code == QLatin1String("signature_invalid")) {
        records << cosign(
            CosignSigner::create(QStringLiteral("rogue")).value().sign(kRepo, kDigest).value());
    } else if (code == QLatin1String("digest_mismatch")) {
        // A valid signature over another digest, presented for this one.
        QJsonObject other = m_f.release.sign(kRepo, kOther).value();
        other.insert(QStringLiteral("image"), kRepo + QLatin1Char('@') + kDigest);
        records << cosign(other);
    } else if (code == QLatin1String("reference_mismatch")) {
        QJsonObject other =
            m_f.release.sign(QStringLiteral("registry.example/other"), kDigest).value();
        other.insert(QStringLiteral("image"), kRepo + QLatin1Char('@') + kDigest);
        records << cosign(other);
    } else if (code == QLatin1String("digest_not_allowed")) {
        records << cosign(m_f.release.sign(kRepo, kOther).value());
    } else if (code == QLatin1String("anchor_revoked")) {
        records << signal(QStringLiteral("revoke-anchor"), QStringLiteral("anchor"),
                          QStringLiteral("cosign_key:release"))
                << cosign(p);
    } else if (code == QLatin1String("key_revoked")) {
        records << signal(QStringLiteral("revoke-key"), QStringLiteral("fingerprint"),
                          QString::fromLatin1(m_f.release.key().fingerprint()))
                << cosign(p);
    }
    expectOutcome(m_f.replay(records), code);
}

QTEST_GUILESS_MAIN(TestCosignAttestor)
#include "tst_cosignattestor.moc"
