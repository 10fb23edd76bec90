// SPDX-License-Identifier: Apache-2.0
// aws_iid: a CMS-signed identity document accepted, and every refusal, one row per rule.
#include "LabFixture.h"

#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/OsslPtr.h"

#include <openssl/cms.h>

using namespace ta::core;
using namespace ta::core::test;

class TestAwsIidAttestor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accepted();
    void refusals_data();
    void refusals();
    void recordedInstance_data();
    void recordedInstance();
    void recordedInstanceRefused_data();
    void recordedInstanceRefused();
    void sameSignatureAnotherContainer_data();
    void sameSignatureAnotherContainer();
    void signingTimeWindow_data();
    void signingTimeWindow();
    void signingTimeMissing();

private:
    using Cms = std::unique_ptr<CMS_ContentInfo, OsslDeleter<CMS_ContentInfo_free>>;
    static Cms parseCms(const QByteArray &base64)
    {
        const QByteArray der = QByteArray::fromBase64(base64);
        const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
        return Cms(d2i_CMS_ContentInfo(nullptr, &p, long(der.size())));
    }
    static QByteArray encodeCms(CMS_ContentInfo *cms)
    {
        unsigned char *out = nullptr;
        const int len = i2d_CMS_ContentInfo(cms, &out);
        const QByteArray der(reinterpret_cast<const char *>(out), len);
        OPENSSL_free(out);
        return der.toBase64();
    }
    QJsonObject describe(const QString &profile = QStringLiteral("web-profile")) const
    {
        return CloudProvider::describeInstance(
            instance(),
            {{QStringLiteral("Name"), QStringLiteral("blog")},
             {QStringLiteral("team"), QStringLiteral("payments")}},
            {{QStringLiteral("sg-0a1b2c"), QStringLiteral("web")}}, profile);
    }
    QJsonObject profile(const QStringList &roles = {QStringLiteral("web-role")}) const
    {
        return CloudProvider::instanceProfile(instance(), QStringLiteral("web-profile"), roles);
    }
    /// A signed document for the fixture instance, with @p extra merged into the payload.
    EvidenceRecord signedWith(const QJsonObject &extra) const
    {
        const QByteArray doc = CloudProvider::document(instance(), t0().addDays(-1));
        EvidenceRecord r = aws(doc, m_f.aws.sign(doc, t0()).value());
        QJsonObject payload = r.payload.object();
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            payload.insert(it.key(), it.value());
        r.payload = payload;
        return r;
    }
    /// @p object with @p value at the dotted @p path ("NetworkInterfaces.0.OwnerId").
    static QJsonValue withField(const QJsonValue &object, const QStringList &path,
                                const QJsonValue &value)
    {
        if (path.isEmpty())
            return value;
        if (object.isArray()) {
            QJsonArray a = object.toArray();
            const int i = path.first().toInt();
            a.replace(i, withField(a.at(i), path.mid(1), value));
            return a;
        }
        QJsonObject o = object.toObject();
        o.insert(path.first(), withField(o.value(path.first()), path.mid(1), value));
        return o;
    }
    CloudProvider::Instance instance() const
    {
        return {QStringLiteral("123456789012"), QStringLiteral("us-west-2"),
                QStringLiteral("us-west-2b"),   QStringLiteral("i-0b22a22eec53b9321"),
                QStringLiteral("ami-5fb8c835"), QStringLiteral("t2.micro")};
    }
    EvidenceRecord aws(const QByteArray &doc, const QByteArray &pkcs7,
                       const QDateTime &at = t0()) const
    {
        return record(QStringLiteral("aws_iid"), QStringLiteral("node/ec2"),
                      {{QStringLiteral("document"), QString::fromUtf8(doc)},
                       {QStringLiteral("pkcs7"), QString::fromLatin1(pkcs7)}},
                      at);
    }

    LabFixture m_f;
};

void TestAwsIidAttestor::accepted()
{
    const QByteArray doc = CloudProvider::document(instance(), t0().addDays(-1));
    const AttestationResult r = m_f.replay({aws(doc, m_f.aws.sign(doc, t0()).value())});
    expectOutcome(r, {});
    QCOMPARE(r.selectors, (QStringList{QStringLiteral("aws_iid:az:us-west-2b"),
                                       QStringLiteral("aws_iid:image:id:ami-5fb8c835"),
                                       QStringLiteral("aws_iid:instance:id:i-0b22a22eec53b9321"),
                                       QStringLiteral("aws_iid:region:us-west-2")}));
    QCOMPARE(
        r.agentId,
        QStringLiteral(
            "spiffe://lab.example/spire/agent/aws_iid/123456789012/us-west-2/i-0b22a22eec53b9321"));
    QCOMPARE(r.claims.value(QLatin1String("node"))
                 .toObject()
                 .value(QLatin1String("account_id"))
                 .toString(),
             QStringLiteral("123456789012"));
    // The signer's key, as revocation names it.
    QCOMPARE(r.keyFingerprints,
             QStringList{QString::fromLatin1(m_f.aws.certificate().publicKeyFingerprint())});
}

void TestAwsIidAttestor::refusals_data()
{
    QTest::addColumn<QString>("code");
    for (const char *row : {"malformed", "issuer_unknown", "signature_invalid", "document_mismatch",
                            "anchor_revoked", "key_revoked", "claim_missing", "replayed"})
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
        // One byte of the signed content changed inside the SignedData: the digest no longer
        // matches.
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
        records << signal(QStringLiteral("revoke-anchor"), QStringLiteral("anchor"),
                          QStringLiteral("aws_signing_cert:aws-lab"))
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

void TestAwsIidAttestor::recordedInstance_data()
{
    QTest::addColumn<QJsonObject>("extra"); // payload fields beside document and pkcs7
    QTest::addColumn<QStringList>("added"); // the EC2 API's selectors
    QTest::addColumn<QString>("warning");
    const QStringList tagsAndGroup{
        QStringLiteral("aws_iid:sg:id:sg-0a1b2c"), QStringLiteral("aws_iid:sg:name:web"),
        QStringLiteral("aws_iid:tag:Name:blog"), QStringLiteral("aws_iid:tag:team:payments")};
    const QString role = QStringLiteral("aws_iid:iamrole:arn:aws:iam::123456789012:role/web-role");
    QTest::newRow("instance and its profile")
        << QJsonObject{{QStringLiteral("instance"), describe()},
                       {QStringLiteral("instance_profile"), profile()}}
        << QStringList(tagsAndGroup) + QStringList{role} << QString();
    QTest::newRow("profile with two roles, as the bare InstanceProfile object")
        << QJsonObject{{QStringLiteral("instance"), describe()},
                       {QStringLiteral("instance_profile"),
                        profile({QStringLiteral("web-role"), QStringLiteral("audit-role")})
                            .value(QLatin1String("InstanceProfile"))}}
        << QStringList(tagsAndGroup) +
               QStringList{
                   QStringLiteral("aws_iid:iamrole:arn:aws:iam::123456789012:role/audit-role"),
                   role}
        << QString();
    QTest::newRow("instance without a profile")
        << QJsonObject{{QStringLiteral("instance"), describe(QString())}} << tagsAndGroup
        << QString();
    QTest::newRow("profile not recorded: no iamrole, warned")
        << QJsonObject{{QStringLiteral("instance"), describe()}} << tagsAndGroup
        << QStringLiteral("claim_missing");
    QTest::newRow("nothing recorded") << QJsonObject{} << QStringList{} << QString();
}

void TestAwsIidAttestor::recordedInstance()
{
    QFETCH(QJsonObject, extra);
    QFETCH(QStringList, added);
    QFETCH(QString, warning);
    const AttestationResult r = m_f.replay({signedWith(extra)});
    expectOutcome(r, {});
    if (QTest::currentTestFailed()) // what follows reads the reasons or selectors
        return;
    QStringList want =
        added + QStringList{QStringLiteral("aws_iid:az:us-west-2b"),
                            QStringLiteral("aws_iid:image:id:ami-5fb8c835"),
                            QStringLiteral("aws_iid:instance:id:i-0b22a22eec53b9321"),
                            QStringLiteral("aws_iid:region:us-west-2")};
    want.sort(); // SPIRE's order
    QCOMPARE(r.selectors, want);
    QCOMPARE(r.warnings.isEmpty() ? QString() : r.warnings.first().code, warning);
    QCOMPARE(r.verdict(), warning.isEmpty() ? Verdict::Affirming : Verdict::Warning);
    const QJsonObject node = r.claims.value(QLatin1String("node")).toObject();
    if (extra.isEmpty()) {
        QVERIFY(!node.contains(QLatin1String("tags")));
        return;
    }
    QCOMPARE(node.value(QLatin1String("tags")).toObject().value(QLatin1String("team")).toString(),
             QStringLiteral("payments"));
    QCOMPARE(node.value(QLatin1String("security_groups")).toArray(),
             (QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("sg-0a1b2c")},
                                     {QStringLiteral("name"), QStringLiteral("web")}}}));
    QCOMPARE(node.value(QLatin1String("iam_roles")).toArray().size(),
             added.filter(QStringLiteral(":iamrole:")).size());
}

void TestAwsIidAttestor::recordedInstanceRefused_data()
{
    QTest::addColumn<QString>("object"); // "instance" or "instance_profile"
    QTest::addColumn<QString>("path");   // dotted, into that object; empty: leave the object out
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("names"); // the start of the reason's expected value
    QTest::newRow("instance ID") << "instance"
                                 << "InstanceId"
                                 << QJsonValue(QStringLiteral("i-0000000000000000a"))
                                 << "claim_mismatch"
                                 << "instance.InstanceId";
    QTest::newRow("image") << "instance"
                           << "ImageId" << QJsonValue(QStringLiteral("ami-00000000"))
                           << "claim_mismatch"
                           << "instance.ImageId";
    QTest::newRow("availability zone")
        << "instance"
        << "Placement.AvailabilityZone" << QJsonValue(QStringLiteral("us-west-2a"))
        << "claim_mismatch"
        << "instance.Placement.AvailabilityZone";
    QTest::newRow("region") << "instance"
                            << "Placement.AvailabilityZone"
                            << QJsonValue(QStringLiteral("eu-west-1b")) << "claim_mismatch"
                            << "instance.Placement.AvailabilityZone";
    QTest::newRow("account of the network interface")
        << "instance"
        << "NetworkInterfaces.0.OwnerId" << QJsonValue(QStringLiteral("210987654321"))
        << "claim_mismatch"
        << "instance.NetworkInterfaces[0].OwnerId";
    QTest::newRow("account of the instance profile")
        << "instance"
        << "IamInstanceProfile.Arn"
        << QJsonValue(QStringLiteral("arn:aws:iam::210987654321:instance-profile/web-profile"))
        << "claim_mismatch"
        << "instance.IamInstanceProfile.Arn (account)";
    QTest::newRow("another profile than the instance's")
        << "instance_profile"
        << "InstanceProfile.Arn"
        << QJsonValue(QStringLiteral("arn:aws:iam::123456789012:instance-profile/admin"))
        << "claim_mismatch"
        << "instance_profile.Arn";
    QTest::newRow("role of another account")
        << "instance_profile"
        << "InstanceProfile.Roles.0.Arn"
        << QJsonValue(QStringLiteral("arn:aws:iam::210987654321:role/web-role")) << "claim_mismatch"
        << "instance_profile.Roles[0].Arn (account)";
    QTest::newRow("not an instance") << "instance"
                                     << "InstanceId" << QJsonValue(QJsonValue::Null) << "malformed"
                                     << "payload.instance";
    QTest::newRow("profile without the instance") << "instance"
                                                  << "" << QJsonValue() << "malformed"
                                                  << "payload.instance_profile";
}

void TestAwsIidAttestor::recordedInstanceRefused()
{
    QFETCH(QString, object);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);
    QFETCH(QString, names);
    QJsonObject extra{{QStringLiteral("instance"), describe()},
                      {QStringLiteral("instance_profile"), profile()}};
    if (path.isEmpty())
        extra.remove(object);
    else
        extra.insert(object, withField(extra.value(object), path.split(QLatin1Char('.')), value));
    const AttestationResult r = m_f.replay({signedWith(extra)});
    expectOutcome(r, code);
    if (QTest::currentTestFailed()) // what follows reads the reasons or selectors
        return;
    // The first reason names the field (a profile of another account is another profile too).
    QVERIFY2(r.reasons.first().expected.startsWith(names), qPrintable(r.reasons.first().expected));
}

void TestAwsIidAttestor::sameSignatureAnotherContainer_data()
{
    // Issue 8, finding 2: each variant carries the genuine signature over the same document.
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("code"); // after the genuine record was accepted
    QTest::newRow("trailing bytes") << "trailing"
                                    << "malformed";
    QTest::newRow("an unsigned attribute added") << "unsigned_attribute"
                                                 << "replayed";
    QTest::newRow("a certificate added") << "certificate"
                                         << "replayed";
    QTest::newRow("the same signature again") << "same"
                                              << "replayed";
}

void TestAwsIidAttestor::sameSignatureAnotherContainer()
{
    QFETCH(QString, variant);
    QFETCH(QString, code);
    const QByteArray doc = CloudProvider::document(instance(), t0().addDays(-1));
    const QByteArray good = m_f.aws.sign(doc, t0()).value();
    QByteArray copy = good;
    if (variant == QLatin1String("trailing")) {
        copy = (QByteArray::fromBase64(good) + QByteArray(16, '\0')).toBase64();
    } else if (variant == QLatin1String("unsigned_attribute")) {
        Cms cms = parseCms(good);
        CMS_SignerInfo *si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
        ASN1_UTF8STRING *text = ASN1_UTF8STRING_new();
        ASN1_STRING_set(text, "fresh?", -1);
        // With a length of -1 OpenSSL takes the value as an ASN1_STRING, and copies it.
        const int added =
            CMS_unsigned_add1_attr_by_txt(si, "1.3.6.1.4.1.99999.1", V_ASN1_UTF8STRING, text, -1);
        ASN1_UTF8STRING_free(text);
        QCOMPARE(added, 1);
        copy = encodeCms(cms.get());
    } else if (variant == QLatin1String("certificate")) {
        Cms cms = parseCms(good);
        QVERIFY(CMS_add1_cert(cms.get(), m_f.aws.certificate().get()) == 1);
        copy = encodeCms(cms.get());
    }
    QVERIFY((copy == good) == (variant == QLatin1String("same")));
    EvidenceVerifier v = m_f.verifier();
    expectOutcome(v.verify(aws(doc, good)), {});
    const AttestationResult r = v.verify(aws(doc, copy, t0().addSecs(60)));
    expectOutcome(r, code);
    // The variant alone verifies (or not) on its own merits: only what was signed is the nonce.
    if (code == QLatin1String("replayed")) {
        const AttestationResult alone = m_f.replay({aws(doc, copy)});
        expectOutcome(alone, {});
        QCOMPARE(alone.nonce, m_f.replay({aws(doc, good)}).nonce);
    }
}

void TestAwsIidAttestor::signingTimeWindow_data()
{
    QTest::addColumn<qint64>("signedBefore"); // seconds before the record's time
    QTest::addColumn<QString>("code");
    QTest::newRow("at the record's time") << qint64(0) << "";
    QTest::newRow("23 hours before") << qint64(23 * 3600) << "";
    QTest::newRow("a day and a minute before") << qint64(86400 + 60) << "expired";
    QTest::newRow("a year before") << qint64(365 * 86400) << "expired";
    QTest::newRow("within the leeway after") << qint64(-20) << "";
    QTest::newRow("an hour after") << qint64(-3600) << "not_yet_valid";
}

void TestAwsIidAttestor::signingTimeWindow()
{
    QFETCH(qint64, signedBefore);
    QFETCH(QString, code);
    const QByteArray doc = CloudProvider::document(instance(), t0().addDays(-400));
    expectOutcome(m_f.replay({aws(doc, m_f.aws.sign(doc, t0().addSecs(-signedBefore)).value())}),
                  code);
}

void TestAwsIidAttestor::signingTimeMissing()
{
    // A signature with no signed attributes has no signing time to check: refused.
    const Key key = Key::generate(KeyType::Rsa2048).value();
    CertificateSpec spec;
    spec.role = CertificateSpec::Role::SigningCa;
    spec.commonName = QStringLiteral("aws no-attr");
    spec.notBefore = t0().addDays(-1);
    spec.notAfter = t0().addDays(30);
    const Certificate cert = CertificateBuilder::build(spec, key, key, nullptr).value();
    LabFixture f;
    f.extraAnchors.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("aws_signing_cert")},
                                      {QStringLiteral("name"), QStringLiteral("aws-noattr")},
                                      {QStringLiteral("pem"), QString::fromLatin1(cert.toPem())}});
    const QByteArray doc = CloudProvider::document(instance(), t0().addDays(-1));
    BioPtr in = readBio(doc);
    Cms cms(
        CMS_sign(cert.get(), key.get(), nullptr, in.get(), CMS_BINARY | CMS_NOCERTS | CMS_NOATTR));
    QVERIFY(cms);
    const AttestationResult r = f.replay({aws(doc, encodeCms(cms.get()))});
    expectOutcome(r, QStringLiteral("claim_missing"));
    QCOMPARE(r.reasons.first().expected, QStringLiteral("PKCS#7 signingTime"));
}

QTEST_GUILESS_MAIN(TestAwsIidAttestor)
#include "tst_awsiidattestor.moc"
