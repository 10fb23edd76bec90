// SPDX-License-Identifier: Apache-2.0
// Trust anchors and reference values: validated on import, errors naming the entry, stored and
// read back from the workspace.
#include "core/attestation/AnchorSet.h"
#include "core/crypto/CertificateBuilder.h"
#include "core/crypto/Jwk.h"
#include "core/store/AttestationStore.h"
#include "core/store/Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

class TestAnchorSet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void importsEveryKind();
    void badEntries_data();
    void badEntries();
    void storeRoundTrip();
    void mergeKeepsLookupsTrue_data();
    void mergeKeepsLookupsTrue();
    void certificateAnchorsCarryTheirKeysFingerprints();

private:
    QJsonObject goodFile() const;

    Key m_ec;
    Key m_rsa;
};

void TestAnchorSet::initTestCase()
{
    m_ec = Key::generate(KeyType::EcP256).value();
    m_rsa = Key::generate(KeyType::Rsa2048).value();
}

QJsonObject TestAnchorSet::goodFile() const
{
    QJsonObject jwk = Jwk::fromKey(m_ec).value();
    jwk.insert(QStringLiteral("kid"), QStringLiteral("k1"));
    const QJsonObject jwks{
        {QStringLiteral("keys"),
         QJsonArray{jwk, QJsonObject{{QStringLiteral("kty"), QStringLiteral("OKP")}}}}};
    return {
        {QStringLiteral("anchors"),
         QJsonArray{
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("tpm_ak")},
                         {QStringLiteral("subject"), QStringLiteral("node/lab-a")},
                         {QStringLiteral("public_key_pem"), QString::fromLatin1(m_ec.publicPem())}},
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("k8s_issuer")},
                         {QStringLiteral("cluster"), QStringLiteral("prod-eu")},
                         {QStringLiteral("issuer"), QStringLiteral("https://k8s")},
                         {QStringLiteral("audience"), QStringLiteral("spire-server")},
                         {QStringLiteral("jwks"), jwks},
                         {QStringLiteral("service_account_allow_list"),
                          QJsonArray{QStringLiteral("spire:spire-agent")}},
                         {QStringLiteral("allowed_node_label_keys"),
                          QJsonArray{QStringLiteral("topology.kubernetes.io/zone")}},
                         {QStringLiteral("allowed_pod_label_keys"), QJsonArray{}}},
             QJsonObject{
                 {QStringLiteral("kind"), QStringLiteral("cosign_key")},
                 {QStringLiteral("name"), QStringLiteral("release")},
                 {QStringLiteral("public_key_pem"), QString::fromLatin1(m_rsa.publicPem())}},
             QJsonObject{
                 {QStringLiteral("kind"), QStringLiteral("gcp_jwks")},
                 {QStringLiteral("audience"), QStringLiteral("a")},
                 {QStringLiteral("jwks"), jwks},
                 {QStringLiteral("projectid_allow_list"), QJsonArray{QStringLiteral("p1")}},
                 {QStringLiteral("allowed_label_keys"), QJsonArray{QStringLiteral("env")}},
                 {QStringLiteral("allowed_metadata_keys"), QJsonArray{QStringLiteral("role")}},
                 {QStringLiteral("max_metadata_value_size"), 64}},
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("join_token")},
                         {QStringLiteral("token"), QStringLiteral("secret-token")},
                         {QStringLiteral("ttl"), 60},
                         {QStringLiteral("created_at"), QStringLiteral("2026-04-07T10:00:00Z")}}}},
        {QStringLiteral("reference_values"),
         QJsonArray{
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("pcr")},
                         {QStringLiteral("subject"), QStringLiteral("node/lab-a")},
                         {QStringLiteral("bank"), QStringLiteral("sha256")},
                         {QStringLiteral("index"), 16},
                         {QStringLiteral("value"), QString(64, QLatin1Char('0'))}},
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("image_digest")},
                         {QStringLiteral("image"), QStringLiteral("registry.example/pay/api")},
                         {QStringLiteral("digest"),
                          QStringLiteral("sha256:") + QString(64, QLatin1Char('c'))}}}}};
}

void TestAnchorSet::importsEveryKind()
{
    auto set = AnchorSet::fromImportJson(QJsonDocument(goodFile()).toJson());
    QVERIFY2(set, set ? "" : qPrintable(set.error().toString()));
    QCOMPARE(set->anchors().size(), 5);
    QVERIFY(set->anchor(QStringLiteral("tpm_ak:node/lab-a")));
    const TrustAnchor *k8s = set->anchor(QStringLiteral("k8s_issuer:prod-eu"));
    QVERIFY(k8s);
    QCOMPARE(k8s->jwks.keys(),
             QStringList{QStringLiteral("k1")}); // the OKP key is skipped, not an error
    QCOMPARE(k8s->allowList, std::optional(QStringList{QStringLiteral("spire:spire-agent")}));
    QCOMPARE(k8s->allowedNodeLabelKeys, QStringList{QStringLiteral("topology.kubernetes.io/zone")});
    QVERIFY(k8s->allowedLabelKeys.isEmpty());
    const TrustAnchor *gcp = set->anchor(QStringLiteral("gcp_jwks:google"));
    QVERIFY(gcp);
    QCOMPARE(gcp->allowList, std::optional(QStringList{QStringLiteral("p1")}));
    QCOMPARE(gcp->allowedLabelKeys, QStringList{QStringLiteral("env")});
    QCOMPARE(gcp->allowedMetadataKeys, QStringList{QStringLiteral("role")});
    QCOMPARE(gcp->maxMetadataValueSize, 64);
    // Anchors written before the allow lists existed still load: unenforced, SPIRE's defaults.
    QJsonObject legacy = goodFile();
    QJsonArray entries = legacy.value(QLatin1String("anchors")).toArray();
    for (qsizetype i : {1, 3}) {
        QJsonObject e = entries.at(i).toObject();
        for (const char *field :
             {"service_account_allow_list", "allowed_node_label_keys", "allowed_pod_label_keys",
              "projectid_allow_list", "allowed_label_keys", "allowed_metadata_keys",
              "max_metadata_value_size"})
            e.remove(QLatin1String(field));
        entries.replace(i, e);
    }
    legacy.insert(QStringLiteral("anchors"), entries);
    auto old = AnchorSet::fromImportJson(QJsonDocument(legacy).toJson());
    QVERIFY2(old, old ? "" : qPrintable(old.error().toString()));
    QVERIFY(!old->anchor(QStringLiteral("k8s_issuer:prod-eu"))->allowList);
    QVERIFY(!old->anchor(QStringLiteral("gcp_jwks:google"))->allowList);
    QCOMPARE(old->anchor(QStringLiteral("gcp_jwks:google"))->maxMetadataValueSize, 128);
    // The file form carries the new fields through a second import unchanged.
    auto again = AnchorSet::fromImportJson(QJsonDocument(set->toJson()).toJson());
    QVERIFY(again);
    QCOMPARE(again->anchor(QStringLiteral("k8s_issuer:prod-eu"))->allowList, k8s->allowList);
    QCOMPARE(again->anchor(QStringLiteral("gcp_jwks:google"))->allowedMetadataKeys,
             gcp->allowedMetadataKeys);
    QCOMPARE(again->anchor(QStringLiteral("gcp_jwks:google"))->maxMetadataValueSize, 64);
    QVERIFY(set->anchorNamed(AnchorKind::CosignKey, QStringLiteral("release")));
    const TrustAnchor *token = set->anchorsOfKind(AnchorKind::JoinToken).first();
    QCOMPARE(token->notAfter, token->notBefore.addSecs(60));
    QCOMPARE(set->pcrValues(QStringLiteral("node/lab-a")).size(), 1);
    QCOMPARE(set->imageDigests(QStringLiteral("registry.example/pay/api")).size(), 1);
}

void TestAnchorSet::badEntries_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QJsonObject>("entry");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown kind") << "anchors"
                                  << QJsonObject{{QStringLiteral("kind"),
                                                  QStringLiteral("azure_msi")}}
                                  << "anchors.unknown_kind";
    QTest::newRow("bad PEM")
        << "anchors"
        << QJsonObject{{QStringLiteral("kind"), QStringLiteral("cosign_key")},
                       {QStringLiteral("name"), QStringLiteral("x")},
                       {QStringLiteral("public_key_pem"),
                        QStringLiteral(
                            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")}}
        << "anchors.bad_pem";
    QTest::newRow("bad CA PEM") << "anchors"
                                << QJsonObject{{QStringLiteral("kind"),
                                                QStringLiteral("x509pop_ca")},
                                               {QStringLiteral("pem"), QStringLiteral("garbage")}}
                                << "anchors.bad_pem";
    QTest::newRow("JWKS without keys")
        << "anchors"
        << QJsonObject{{QStringLiteral("kind"), QStringLiteral("k8s_issuer")},
                       {QStringLiteral("cluster"), QStringLiteral("c")},
                       {QStringLiteral("issuer"), QStringLiteral("i")},
                       {QStringLiteral("jwks"), QJsonObject{}}}
        << "anchors.bad_jwks";
    QTest::newRow("JWKS key broken")
        << "anchors"
        << QJsonObject{{QStringLiteral("kind"), QStringLiteral("gcp_jwks")},
                       {QStringLiteral("audience"), QStringLiteral("a")},
                       {QStringLiteral("jwks"),
                        QJsonObject{{QStringLiteral("keys"),
                                     QJsonArray{QJsonObject{
                                         {QStringLiteral("kty"), QStringLiteral("EC")},
                                         {QStringLiteral("crv"), QStringLiteral("P-256")}}}}}}}
        << "anchors.bad_jwks";
    QTest::newRow("missing field")
        << "anchors" << QJsonObject{{QStringLiteral("kind"), QStringLiteral("tpm_ak")}}
        << "anchors.missing_field";
    // k8s_issuer and gcp_jwks policy fields: a row per way each can be wrong.
    const QJsonObject goodKeys{{QStringLiteral("keys"), QJsonArray{[this] {
                                    QJsonObject jwk = Jwk::fromKey(m_ec).value();
                                    jwk.insert(QStringLiteral("kid"), QStringLiteral("k2"));
                                    return jwk;
                                }()}}};
    const auto k8s = [&](const char *field, const QJsonValue &value) {
        return QJsonObject{{QStringLiteral("kind"), QStringLiteral("k8s_issuer")},
                           {QStringLiteral("cluster"), QStringLiteral("c2")},
                           {QStringLiteral("issuer"), QStringLiteral("https://c2")},
                           {QStringLiteral("jwks"), goodKeys},
                           {QString::fromLatin1(field), value}};
    };
    const auto gcp = [&](const char *field, const QJsonValue &value) {
        return QJsonObject{{QStringLiteral("kind"), QStringLiteral("gcp_jwks")},
                           {QStringLiteral("name"), QStringLiteral("g2")},
                           {QStringLiteral("audience"), QStringLiteral("a")},
                           {QStringLiteral("jwks"), goodKeys},
                           {QString::fromLatin1(field), value}};
    };
    QTest::newRow("service account allow list empty")
        << "anchors" << k8s("service_account_allow_list", QJsonArray{}) << "anchors.bad_field";
    QTest::newRow("service account allow list not a list")
        << "anchors" << k8s("service_account_allow_list", QStringLiteral("spire:spire-agent"))
        << "anchors.bad_field";
    QTest::newRow("service account without namespace")
        << "anchors"
        << k8s("service_account_allow_list",
               QJsonArray{QStringLiteral("spire:a"), QStringLiteral("spire-agent")})
        << "anchors.bad_field";
    QTest::newRow("node label key not a string")
        << "anchors" << k8s("allowed_node_label_keys", QJsonArray{1}) << "anchors.bad_field";
    QTest::newRow("pod label key empty")
        << "anchors" << k8s("allowed_pod_label_keys", QJsonArray{QString()}) << "anchors.bad_field";
    QTest::newRow("k8s audience empty list")
        << "anchors" << k8s("audience", QJsonArray{}) << "anchors.bad_field";
    QTest::newRow("k8s audience a number")
        << "anchors" << k8s("audience", 7) << "anchors.bad_field";
    QTest::newRow("project allow list empty")
        << "anchors" << gcp("projectid_allow_list", QJsonArray{}) << "anchors.bad_field";
    QTest::newRow("project allow list with an empty ID")
        << "anchors" << gcp("projectid_allow_list", QJsonArray{QStringLiteral("p"), QString()})
        << "anchors.bad_field";
    QTest::newRow("label keys an object")
        << "anchors" << gcp("allowed_label_keys", QJsonObject{}) << "anchors.bad_field";
    QTest::newRow("metadata keys not strings")
        << "anchors" << gcp("allowed_metadata_keys", QJsonArray{true}) << "anchors.bad_field";
    QTest::newRow("metadata size zero")
        << "anchors" << gcp("max_metadata_value_size", 0) << "anchors.bad_field";
    QTest::newRow("metadata size fractional")
        << "anchors" << gcp("max_metadata_value_size", 1.5) << "anchors.bad_field";
    QTest::newRow("metadata size a string")
        << "anchors" << gcp("max_metadata_value_size", QStringLiteral("128"))
        << "anchors.bad_field";
    QTest::newRow("join token without created_at")
        << "anchors"
        << QJsonObject{{QStringLiteral("kind"), QStringLiteral("join_token")},
                       {QStringLiteral("token"), QStringLiteral("t")}}
        << "anchors.missing_field";
    QTest::newRow("duplicate id")
        << "anchors"
        << QJsonObject{{QStringLiteral("kind"), QStringLiteral("cosign_key")},
                       {QStringLiteral("name"), QStringLiteral("release")},
                       {QStringLiteral("public_key_pem"),
                        QString::fromLatin1(Key::generate(KeyType::EcP256)->publicPem())}}
        << "anchors.duplicate_id";
    QTest::newRow("digest not sha256")
        << "reference_values"
        << QJsonObject{{QStringLiteral("kind"), QStringLiteral("image_digest")},
                       {QStringLiteral("image"), QStringLiteral("r/i")},
                       {QStringLiteral("digest"), QStringLiteral("md5:abc")}}
        << "anchors.bad_field";
    QTest::newRow("PCR index out of range")
        << "reference_values"
        << QJsonObject{{QStringLiteral("kind"), QStringLiteral("pcr")},
                       {QStringLiteral("subject"), QStringLiteral("n")},
                       {QStringLiteral("index"), 24},
                       {QStringLiteral("value"), QStringLiteral("00")}}
        << "anchors.bad_field";
    // A PCR value must be a digest of its bank: a shorter or longer one can never match a quote.
    QTest::newRow("PCR value of sha1 length in the sha256 bank")
        << "reference_values"
        << QJsonObject{{QStringLiteral("kind"), QStringLiteral("pcr")},
                       {QStringLiteral("subject"), QStringLiteral("n")},
                       {QStringLiteral("bank"), QStringLiteral("sha256")},
                       {QStringLiteral("index"), 7},
                       {QStringLiteral("value"), QString(40, QLatin1Char('a'))}}
        << "anchors.bad_field";
    QTest::newRow("image that carries a digest itself")
        << "reference_values"
        << QJsonObject{{QStringLiteral("kind"), QStringLiteral("image_digest")},
                       {QStringLiteral("image"), QStringLiteral("r/i@sha256:00")},
                       {QStringLiteral("digest"),
                        QStringLiteral("sha256:") + QString(64, QLatin1Char('c'))}}
        << "anchors.bad_field";
    QTest::newRow("validity ends before it starts")
        << "anchors"
        << QJsonObject{{QStringLiteral("kind"), QStringLiteral("tpm_ak")},
                       {QStringLiteral("subject"), QStringLiteral("node/x")},
                       {QStringLiteral("public_key_pem"), QString::fromLatin1(m_ec.publicPem())},
                       {QStringLiteral("not_before"), QStringLiteral("2026-05-01T00:00:00Z")},
                       {QStringLiteral("not_after"), QStringLiteral("2026-04-01T00:00:00Z")}}
        << "anchors.bad_field";
}

void TestAnchorSet::badEntries()
{
    QFETCH(QString, list);
    QFETCH(QJsonObject, entry);
    QFETCH(QString, code);
    QJsonObject file = goodFile();
    QJsonArray entries = file.value(list).toArray();
    // A duplicate is reported where it repeats an earlier entry: append it after the original.
    const qsizetype at = code == QLatin1String("anchors.duplicate_id") ? entries.size() : 1;
    entries.insert(at, entry);
    file.insert(list, entries);
    auto set = AnchorSet::fromImportJson(QJsonDocument(file).toJson());
    QVERIFY(!set);
    QCOMPARE(set.error().code, code);
    QVERIFY2(set.error().detail.startsWith(list + QStringLiteral("[%1]").arg(at)),
             qPrintable(set.error().detail));
}

void TestAnchorSet::storeRoundTrip()
{
    QTemporaryDir dir;
    auto ws = Workspace::create(dir.filePath(QStringLiteral("a.atlas")), std::nullopt);
    QVERIFY(ws);
    AttestationStore store((*ws)->database());
    const AnchorSet set = AnchorSet::fromImportJson(QJsonDocument(goodFile()).toJson()).value();
    QVERIFY(store.saveAnchors(set, QDateTime::currentDateTimeUtc()));
    QVERIFY(store.saveAnchors(
        set, QDateTime::currentDateTimeUtc())); // re-import replaces, no duplicates
    auto back = store.anchors();
    QVERIFY2(back, back ? "" : qPrintable(back.error().toString()));
    QCOMPARE(back->anchors().size(), set.anchors().size());
    QCOMPARE(back->referenceValues().size(), 2);
    for (const TrustAnchor &a : set.anchors())
        QVERIFY2(back->anchor(a.id), qPrintable(a.id));
    QCOMPARE(back->anchorsOfKind(AnchorKind::JoinToken).first()->tokenSha256,
             set.anchorsOfKind(AnchorKind::JoinToken).first()->tokenSha256);
    const TrustAnchor *k8s = back->anchor(QStringLiteral("k8s_issuer:prod-eu"));
    QCOMPARE(k8s->allowList, std::optional(QStringList{QStringLiteral("spire:spire-agent")}));
    QCOMPARE(k8s->allowedNodeLabelKeys, QStringList{QStringLiteral("topology.kubernetes.io/zone")});
    const TrustAnchor *gcp = back->anchor(QStringLiteral("gcp_jwks:google"));
    QCOMPARE(gcp->allowList, std::optional(QStringList{QStringLiteral("p1")}));
    QCOMPARE(gcp->allowedLabelKeys, QStringList{QStringLiteral("env")});
    QCOMPARE(gcp->allowedMetadataKeys, QStringList{QStringLiteral("role")});
    QCOMPARE(gcp->maxMetadataValueSize, 64);
    // The join token itself never reaches the file.
    QFile f(dir.filePath(QStringLiteral("a.atlas")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(!f.readAll().contains("secret-token"));
}

namespace {

/// Lookup probe -> the IDs it finds (see lookup()).
using Lookups = QMap<QString, QString>;

QJsonObject entry(const char *kind, const char *field, const char *value, const char *id)
{
    return {{QStringLiteral("kind"), QString::fromLatin1(kind)},
            {QString::fromLatin1(field), QString::fromLatin1(value)},
            {QStringLiteral("id"), QString::fromLatin1(id)}};
}

QJsonObject pcr(const char *subject, const char *id)
{
    QJsonObject o = entry("pcr", "subject", subject, id);
    o.insert(QStringLiteral("index"), 7);
    o.insert(QStringLiteral("value"), QString(64, QLatin1Char('a')));
    return o;
}

QJsonObject imageDigest(const char *image, const char *id)
{
    QJsonObject o = entry("image_digest", "image", image, id);
    o.insert(QStringLiteral("digest"), QStringLiteral("sha256:") + QString(64, QLatin1Char('b')));
    return o;
}

/// What each lookup of @p set finds for the probes "named:<kind>:<name>", "kind:<kind>",
/// "image:<image>" and "pcr:<subject>": the IDs found, joined with commas.
QString lookup(const AnchorSet &set, const QString &probe)
{
    const QStringList p = probe.split(QLatin1Char(':'));
    QStringList ids;
    if (p.at(0) == QLatin1String("named")) {
        if (const TrustAnchor *a = set.anchorNamed(*anchorKindFromName(p.at(1)), p.at(2)))
            ids << a->id;
    } else if (p.at(0) == QLatin1String("kind")) {
        for (const TrustAnchor *a : set.anchorsOfKind(*anchorKindFromName(p.at(1))))
            ids << a->id;
    } else if (p.at(0) == QLatin1String("image")) {
        for (const ReferenceValue *v : set.imageDigests(p.at(1)))
            ids << v->id;
    } else {
        for (const ReferenceValue *v : set.pcrValues(p.at(1)))
            ids << v->id;
    }
    return ids.join(QLatin1Char(','));
}

} // namespace

void TestAnchorSet::mergeKeepsLookupsTrue_data()
{
    const QString key = QString::fromLatin1(m_ec.publicPem());
    auto cosign = [&](const char *name, const char *id) {
        QJsonObject o = entry("cosign_key", "name", name, id);
        o.insert(QStringLiteral("public_key_pem"), key);
        return o;
    };
    auto tpm = [&](const char *subject, const char *id) {
        QJsonObject o = entry("tpm_ak", "subject", subject, id);
        o.insert(QStringLiteral("public_key_pem"), key);
        return o;
    };
    QTest::addColumn<QJsonObject>("before");
    QTest::addColumn<QJsonObject>("after");
    // probe -> the IDs it must find once "after" was merged into "before".
    QTest::addColumn<Lookups>("expected");
    const auto anchors = [](QJsonArray a) { return QJsonObject{{QStringLiteral("anchors"), a}}; };
    const auto refs = [](QJsonArray r) {
        return QJsonObject{{QStringLiteral("reference_values"), r}};
    };
    QTest::newRow("anchor renamed under its ID")
        << anchors({cosign("release", "k")}) << anchors({cosign("build", "k")})
        << Lookups{{QStringLiteral("named:cosign_key:release"), QString()},
                   {QStringLiteral("named:cosign_key:build"), QStringLiteral("k")}};
    QTest::newRow("anchor ID re-added as another kind")
        << anchors({tpm("node/a", "k"), tpm("node/b", "other")}) << anchors({cosign("node/a", "k")})
        << Lookups{{QStringLiteral("kind:tpm_ak"), QStringLiteral("other")},
                   {QStringLiteral("named:tpm_ak:node/a"), QString()},
                   {QStringLiteral("kind:cosign_key"), QStringLiteral("k")},
                   {QStringLiteral("named:cosign_key:node/a"), QStringLiteral("k")}};
    QTest::newRow("image digest moved to another image")
        << refs({imageDigest("r/a", "d")}) << refs({imageDigest("r/b", "d")})
        << Lookups{{QStringLiteral("image:r/a"), QString()},
                   {QStringLiteral("image:r/b"), QStringLiteral("d")}};
    QTest::newRow("PCR value moved to another node")
        << refs({pcr("node/a", "p")}) << refs({pcr("node/b", "p")})
        << Lookups{{QStringLiteral("pcr:node/a"), QString()},
                   {QStringLiteral("pcr:node/b"), QStringLiteral("p")}};
    QTest::newRow("reference ID re-added as another kind")
        << refs({pcr("node/a", "x")}) << refs({imageDigest("node/a", "x")})
        << Lookups{{QStringLiteral("pcr:node/a"), QString()},
                   {QStringLiteral("image:node/a"), QStringLiteral("x")}};
}

void TestAnchorSet::mergeKeepsLookupsTrue()
{
    QFETCH(QJsonObject, before);
    QFETCH(QJsonObject, after);
    QFETCH(Lookups, expected);
    auto set = AnchorSet::fromImportJson(QJsonDocument(before).toJson());
    QVERIFY2(set, set ? "" : qPrintable(set.error().toString()));
    auto update = AnchorSet::fromImportJson(QJsonDocument(after).toJson());
    QVERIFY2(update, update ? "" : qPrintable(update.error().toString()));
    set->merge(*update);
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(lookup(*set, it.key()), it.value());
    // The merged set reads back the same from its own file form.
    auto again = AnchorSet::fromImportJson(QJsonDocument(set->toJson()).toJson());
    QVERIFY(again);
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(lookup(*again, it.key()), it.value());
}

QTEST_GUILESS_MAIN(TestAnchorSet)
void TestAnchorSet::certificateAnchorsCarryTheirKeysFingerprints()
{
    // Each certificate's public-key fingerprint, in order, however the anchor came in: read from
    // a file, or added with a list that does not match its certificates.
    QList<Certificate> certs;
    QByteArray pem;
    for (const Key &key : {m_ec, m_rsa}) {
        CertificateSpec spec;
        spec.role = CertificateSpec::Role::SigningCa;
        spec.commonName = QStringLiteral("signer %1").arg(certs.size());
        spec.notBefore = QDateTime::currentDateTimeUtc().addDays(-1);
        spec.notAfter = spec.notBefore.addDays(30);
        certs << CertificateBuilder::build(spec, key, key, nullptr).value();
        pem += certs.last().toPem();
    }
    const QList<QByteArray> expected{certs.at(0).publicKeyFingerprint(),
                                     certs.at(1).publicKeyFingerprint()};
    QVERIFY(expected.at(0) != expected.at(1));
    const QJsonObject file{
        {QStringLiteral("anchors"),
         QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("aws_signing_cert")},
                                {QStringLiteral("name"), QStringLiteral("two")},
                                {QStringLiteral("pem"), QString::fromLatin1(pem)}}}}};
    auto set = AnchorSet::fromImportJson(QJsonDocument(file).toJson());
    QVERIFY2(set, set ? "" : qPrintable(set.error().toString()));
    const TrustAnchor *read = set->anchorsOfKind(AnchorKind::AwsSigningCert).first();
    QCOMPARE(read->certificateKeyFingerprints, expected);
    TrustAnchor added = *read;
    added.id = QStringLiteral("aws_signing_cert:added");
    added.certificateKeyFingerprints = {QByteArray("stale")};
    QVERIFY(set->addAnchor(added));
    QCOMPARE(set->anchor(added.id)->certificateKeyFingerprints, expected);
}

#include "tst_anchorset.moc"
