// SPDX-License-Identifier: Apache-2.0
// aws_iid: a CMS-signed identity document accepted, and every refusal, one row per rule.
#include "LabFixture.h"

using namespace ta::core;
using namespace ta::core::test;

class TestAwsIidAttestor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted();
    void refusals_data();
    void refusals();

private:
    CloudProvider::Instance instance() const
    {
        return {QStringLiteral("123456789012"), QStringLiteral("us-west-2"), QStringLiteral("us-west-2b"),
                QStringLiteral("i-0b22a22eec53b9321"), QStringLiteral("ami-5fb8c835"), QStringLiteral("t2.micro")};
    }
    EvidenceRecord aws(const QByteArray &doc, const QByteArray &pkcs7, const QDateTime &at = t0()) const
    {
        return record(QStringLiteral("aws_iid"), QStringLiteral("node/ec2"),
                      {{QStringLiteral("document"), QString::fromUtf8(doc)}, {QStringLiteral("pkcs7"), QString::fromLatin1(pkcs7)}},
                      at);
    }

    LabFixture m_f;
};

void TestAwsIidAttestor::accepted()
{
    const QByteArray doc = CloudProvider::document(instance(), t0().addDays(-1));
    const AttestationResult r = m_f.replay({aws(doc, m_f.aws.sign(doc, t0()).value())});
    expectOutcome(r, {});
    QCOMPARE(r.selectors, (QStringList{QStringLiteral("aws_iid:az:us-west-2b"), QStringLiteral("aws_iid:image:id:ami-5fb8c835"),
                                       QStringLiteral("aws_iid:instance:id:i-0b22a22eec53b9321"),
                                       QStringLiteral("aws_iid:region:us-west-2")}));
    QCOMPARE(r.agentId, QStringLiteral("spiffe://lab.example/spire/agent/aws_iid/123456789012/us-west-2/i-0b22a22eec53b9321"));
    QCOMPARE(r.claims.value(QLatin1String("node")).toObject().value(QLatin1String("account_id")).toString(),
             QStringLiteral("123456789012"));
}

void TestAwsIidAttestor::refusals_data()
{
    QTest::addColumn<QString>("code");
    for (const char *row : {"malformed", "issuer_unknown", "signature_invalid", "document_mismatch", "anchor_revoked",
                            "key_revoked", "claim_missing", "replayed"})
        QTest::newRow(row) << QString::fromLatin1(row);
}

void TestAwsIidAttestor::refusals()
{
    QFETCH(QString, code);
    const QByteArray doc = CloudProvider::document(instance(), t0().addDays(-1));
    const QByteArray good = m_f.aws.sign(doc, t0()).value();
    QList<EvidenceRecord> records;
    if (code == QLatin1String("malformed")) {
        records << aws(doc, "!!not base64!!");
    } else if (code == QLatin1String("issuer_unknown")) {
        const CloudProvider other = CloudProvider::create(t0()).value();
        records << aws(doc, other.sign(doc, t0()).value());
    } else if (code == QLatin1String("signature_invalid")) {
        // One byte of the signed content changed inside the SignedData: the digest no longer matches.
        QByteArray der = QByteArray::fromBase64(good);
        const qsizetype at = der.indexOf("ami-5fb8c835");
        QVERIFY(at > 0);
        der[at + 4] = '6';
        records << aws(doc, der.toBase64());
    } else if (code == QLatin1String("document_mismatch")) {
        QByteArray edited = doc;
        edited.replace("t2.micro", "m5.24xlarge");
        records << aws(edited, good);
    } else if (code == QLatin1String("anchor_revoked")) {
        records << signal(QStringLiteral("revoke-anchor"), QStringLiteral("anchor"), QStringLiteral("aws_signing_cert:aws-lab"))
                << aws(doc, good);
    } else if (code == QLatin1String("key_revoked")) {
        records << signal(QStringLiteral("revoke-key"), QStringLiteral("fingerprint"),
                          QString::fromLatin1(m_f.aws.certificate().publicKey().fingerprint()))
                << aws(doc, good);
    } else if (code == QLatin1String("claim_missing")) {
        CloudProvider::Instance i = instance();
        i.instanceId.clear();
        const QByteArray d = CloudProvider::document(i, t0());
        records << aws(d, m_f.aws.sign(d, t0()).value());
    } else if (code == QLatin1String("replayed")) {
        records << aws(doc, good) << aws(doc, good, t0().addSecs(60));
    }
    expectOutcome(m_f.replay(records), code);
}

QTEST_GUILESS_MAIN(TestAwsIidAttestor)
#include "tst_awsiidattestor.moc"
