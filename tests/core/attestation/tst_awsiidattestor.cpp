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
    void recordedInstance_data();
    void recordedInstance();
    void recordedInstanceRefused_data();
    void recordedInstanceRefused();

private:
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
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            r.payload.insert(it.key(), it.value());
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

QTEST_GUILESS_MAIN(TestAwsIidAttestor)
#include "tst_awsiidattestor.moc"
