// SPDX-License-Identifier: Apache-2.0
// The one description of the anchors file's kinds (AnchorKinds), which the entry dialog builds
// its forms from, held to the parser (AnchorSet): for every kind, an entry with every described
// field parses, and dropping one field at a time is refused exactly for the required ones.
#include "../../models/AnchorSamples.h"

#include "core/attestation/AnchorKinds.h"
#include "core/attestation/AnchorSet.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace ta::core;

class TestAnchorKinds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyParsedKindIsDescribedOnce();
    void fieldsAreWellFormed_data();
    void fieldsAreWellFormed();
    void requiredFieldsAreWhatTheParserRequires_data();
    void requiredFieldsAreWhatTheParserRequires();

private:
    /// An entry of @p kind with every described field set to a value the parser accepts.
    QJsonObject fullEntry(const AnchorKindSpec &kind) const;

    ta::tests::AnchorSamples m_samples;
    QDateTime m_now = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
};

void TestAnchorKinds::initTestCase()
{
    m_samples = ta::tests::AnchorSamples::make(m_now);
}

void TestAnchorKinds::everyParsedKindIsDescribedOnce()
{
    QStringList anchors;
    for (AnchorKind k :
         {AnchorKind::TpmAk, AnchorKind::K8sIssuer, AnchorKind::X509PopCa, AnchorKind::CosignKey,
          AnchorKind::AwsSigningCert, AnchorKind::GcpJwks, AnchorKind::JoinToken})
        anchors << anchorKindName(k);
    QStringList described = AnchorKinds::names(false);
    QCOMPARE(described.size(), anchors.size());
    for (const QString &name : std::as_const(anchors)) {
        QVERIFY2(described.contains(name), qPrintable(name));
        QVERIFY(AnchorKinds::find(name));
        QVERIFY(!AnchorKinds::find(name)->referenceValue);
    }
    const QStringList refs{referenceKindName(ReferenceKind::Pcr),
                           referenceKindName(ReferenceKind::ImageDigest)};
    QCOMPARE(AnchorKinds::names(true), refs);
    for (const QString &name : refs)
        QVERIFY(AnchorKinds::find(name)->referenceValue);
    QCOMPARE(AnchorKinds::all().size(), anchors.size() + refs.size());
    QVERIFY(!AnchorKinds::find(QStringLiteral("spire_server")));
}

void TestAnchorKinds::fieldsAreWellFormed_data()
{
    QTest::addColumn<QString>("kind");
    for (const AnchorKindSpec &k : AnchorKinds::all())
        QTest::newRow(k.name) << QString::fromLatin1(k.name);
}

void TestAnchorKinds::fieldsAreWellFormed()
{
    QFETCH(QString, kind);
    const AnchorKindSpec *spec = AnchorKinds::find(kind);
    QVERIFY(spec);
    QVERIFY(!spec->fields.isEmpty());
    // The ID comes first and is never required: the parser derives it.
    QCOMPARE(QLatin1String(spec->fields.first().key), QLatin1String("id"));
    QVERIFY(!spec->fields.first().required);
    QSet<QString> keys;
    for (const AnchorField &f : spec->fields) {
        const QString key = QString::fromLatin1(f.key);
        QVERIFY2(!keys.contains(key), qPrintable(key));
        keys.insert(key);
        QVERIFY(spec->field(key) == &f);
        // A label with a mnemonic, ending in a colon, for the form.
        QVERIFY2(f.label && QByteArray(f.label).contains('&') && QByteArray(f.label).endsWith(':'),
                 f.key);
    }
    QVERIFY(!spec->field(QStringLiteral("kind")));
    // Only trust anchors other than join tokens have a validity window of their own.
    const bool window = !spec->referenceValue && kind != QLatin1String("join_token");
    QCOMPARE(spec->field(QStringLiteral("not_before")) != nullptr, window);
    QCOMPARE(spec->field(QStringLiteral("not_after")) != nullptr, window);
    // Every key of the sample entry (a real one, from the evidence lab) is described.
    const QJsonObject sample = fullEntry(*spec);
    for (auto it = sample.begin(); it != sample.end(); ++it) {
        if (it.key() != QLatin1String("kind"))
            QVERIFY2(spec->field(it.key()), qPrintable(it.key()));
    }
}

QJsonObject TestAnchorKinds::fullEntry(const AnchorKindSpec &kind) const
{
    const QString name = QString::fromLatin1(kind.name);
    QJsonObject e;
    for (const QJsonObject &sample :
         {m_samples.k8s, m_samples.gcp, m_samples.aws, m_samples.x509pop, m_samples.joinToken,
          m_samples.tpm, m_samples.cosign, m_samples.pcr, m_samples.image}) {
        if (sample.value(QLatin1String("kind")).toString() == name)
            e = sample;
    }
    if (e.isEmpty())
        qFatal("no sample of %s", kind.name);
    for (const AnchorField &f : kind.fields) {
        const QString key = QString::fromLatin1(f.key);
        if (e.contains(key))
            continue;
        using T = AnchorField::Type;
        switch (f.type) {
        case T::Line:
            e.insert(key, key == QLatin1String("id") ? QStringLiteral("custom-") + name
                          : key == QLatin1String("issuer")
                              ? QStringLiteral("https://issuer.example")
                              : QStringLiteral("value-") + key);
            break;
        case T::List:
            e.insert(key, QStringLiteral("audience-a"));
            break;
        case T::Array:
            e.insert(key, QJsonArray{key == QLatin1String("service_account_allow_list")
                                         ? QStringLiteral("payments:api")
                                         : QStringLiteral("key-a")});
            break;
        case T::Number:
            e.insert(key, 128);
            break;
        case T::Seconds:
            e.insert(key, 600);
            break;
        case T::Index:
            e.insert(key, 7);
            break;
        case T::Bank:
            e.insert(key, QStringLiteral("sha256"));
            break;
        case T::Time:
            e.insert(key, m_now.toString(Qt::ISODate));
            break;
        case T::OptionalTime:
            e.insert(key,
                     (key == QLatin1String("not_before") ? m_now.addDays(-1) : m_now.addDays(1))
                         .toString(Qt::ISODate));
            break;
        case T::Pem:
        case T::Json:
        case T::Token:
            qFatal("the sample of %s has no %s", kind.name, f.key);
        }
    }
    return e;
}

void TestAnchorKinds::requiredFieldsAreWhatTheParserRequires_data()
{
    QTest::addColumn<QString>("kind");
    for (const AnchorKindSpec &k : AnchorKinds::all())
        QTest::newRow(k.name) << QString::fromLatin1(k.name);
}

void TestAnchorKinds::requiredFieldsAreWhatTheParserRequires()
{
    QFETCH(QString, kind);
    const AnchorKindSpec *spec = AnchorKinds::find(kind);
    QVERIFY(spec);
    const auto parse = [spec](const QJsonObject &e) -> Result<void> {
        if (spec->referenceValue) {
            if (auto v = AnchorSet::referenceValueFromJson(e); !v)
                return v.error();
            return {};
        }
        if (auto a = AnchorSet::anchorFromJson(e); !a)
            return a.error();
        return {};
    };
    const QJsonObject full = fullEntry(*spec);
    // Every described field is set, so nothing described is missing.
    for (const AnchorField &f : spec->fields)
        QVERIFY2(full.contains(QLatin1String(f.key)), f.key);
    const Result<void> whole = parse(full);
    QVERIFY2(whole, qPrintable(whole.error().toString()));
    QStringList refused;
    for (const AnchorField &f : spec->fields) {
        QJsonObject without = full;
        without.remove(QLatin1String(f.key));
        const Result<void> r = parse(without);
        if (!r)
            refused << QString::fromLatin1(f.key);
        // A refusal names the dropped field, so the dialog can put it beside that field.
        if (!r && r.error().code == QLatin1String("anchors.missing_field"))
            QCOMPARE(r.error().field, QString::fromLatin1(f.key));
    }
    QCOMPARE(refused, spec->requiredKeys());
}

QTEST_MAIN(TestAnchorKinds)
#include "tst_anchorkinds.moc"
