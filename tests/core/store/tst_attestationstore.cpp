// SPDX-License-Identifier: Apache-2.0
// Single-entry edits of trust anchors and reference values in a real workspace file: add, replace
// in place (even under another ID or kind), remove, and the verbatim restore that undo relies on.
#include "AnchorRowsDump.h"

#include "core/attestation/AnchorSet.h"
#include "core/store/AttestationStore.h"
#include "core/store/Workspace.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

class TestAttestationStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void addRefusesAnExistingId();
    void replaceUnderAnotherIdAndKindKeepsThePlace_data();
    void replaceUnderAnotherIdAndKindKeepsThePlace();
    void replaceRefusals();
    void removeIsPersistedAndUnknownRefused();
    void restorePutsRowsBackVerbatim();

private:
    TrustAnchor anchor(const QJsonObject &entry) const;
    ReferenceValue reference(const QJsonObject &entry) const;
    QJsonObject cosign(const QString &name) const;
    QJsonObject tpm(const QString &subject) const;
    static QJsonObject pcr(const QString &subject, int index);
    static QJsonObject image(const QString &repository);
    /// Every row of both tables, read through a fresh connection to the file.
    QStringList dump() const;

    Key m_key;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<AttestationStore> m_store;
    const QDateTime m_t1 = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
    const QDateTime m_t2 = m_t1.addDays(1);
};

void TestAttestationStore::initTestCase()
{
    m_key = Key::generate(KeyType::EcP256).value();
}

void TestAttestationStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("a.atlas"));
    auto ws = Workspace::create(m_path, std::nullopt);
    QVERIFY(ws);
    m_ws = std::move(*ws);
    m_store = std::make_unique<AttestationStore>(m_ws->database());
}

void TestAttestationStore::cleanup()
{
    m_store.reset();
    m_ws.reset();
    m_dir.reset();
}

TrustAnchor TestAttestationStore::anchor(const QJsonObject &entry) const
{
    auto a = AnchorSet::anchorFromJson(entry);
    if (!a)
        qFatal("anchor: %s", qPrintable(a.error().toString()));
    return *a;
}

ReferenceValue TestAttestationStore::reference(const QJsonObject &entry) const
{
    auto v = AnchorSet::referenceValueFromJson(entry);
    if (!v)
        qFatal("reference value: %s", qPrintable(v.error().toString()));
    return *v;
}

QJsonObject TestAttestationStore::cosign(const QString &name) const
{
    return {{QStringLiteral("kind"), QStringLiteral("cosign_key")},
            {QStringLiteral("name"), name},
            {QStringLiteral("public_key_pem"), QString::fromLatin1(m_key.publicPem())}};
}

QJsonObject TestAttestationStore::tpm(const QString &subject) const
{
    return {{QStringLiteral("kind"), QStringLiteral("tpm_ak")},
            {QStringLiteral("subject"), subject},
            {QStringLiteral("public_key_pem"), QString::fromLatin1(m_key.publicPem())}};
}

QJsonObject TestAttestationStore::pcr(const QString &subject, int index)
{
    return {{QStringLiteral("kind"), QStringLiteral("pcr")},
            {QStringLiteral("subject"), subject},
            {QStringLiteral("index"), index},
            {QStringLiteral("value"), QString(64, QLatin1Char('e'))}};
}

QJsonObject TestAttestationStore::image(const QString &repository)
{
    return {{QStringLiteral("kind"), QStringLiteral("image_digest")},
            {QStringLiteral("image"), repository},
            {QStringLiteral("digest"), QStringLiteral("sha256:") + QString(64, QLatin1Char('d'))}};
}

QStringList TestAttestationStore::dump() const
{
    return ta::tests::dumpAnchorRows(m_path);
}

void TestAttestationStore::addRefusesAnExistingId()
{
    QVERIFY(m_store->addAnchor(anchor(cosign(QStringLiteral("release"))), m_t1));
    QVERIFY(m_store->addReferenceValue(reference(image(QStringLiteral("r/app"))), m_t1));
    const QStringList before = dump();
    QCOMPARE(before.size(), 2);
    // Adding is not importing: an existing entry is never overwritten by a new one.
    QJsonObject other = cosign(QStringLiteral("release"));
    other.insert(QStringLiteral("public_key_pem"),
                 QString::fromLatin1(Key::generate(KeyType::EcP256)->publicPem()));
    auto r = m_store->addAnchor(anchor(other), m_t2);
    QVERIFY(!r);
    QCOMPARE(r.error().code, QStringLiteral("anchors.duplicate_id"));
    auto v = m_store->addReferenceValue(reference(image(QStringLiteral("r/app"))), m_t2);
    QCOMPARE(v.error().code, QStringLiteral("anchors.duplicate_id"));
    QCOMPARE(dump(), before);
}

void TestAttestationStore::replaceUnderAnotherIdAndKindKeepsThePlace_data()
{
    QTest::addColumn<bool>("anchors");
    QTest::addColumn<QJsonObject>("first");
    QTest::addColumn<QJsonObject>("second");
    QTest::addColumn<QJsonObject>("replacement");
    QTest::newRow("tpm_ak becomes a cosign_key")
        << true << tpm(QStringLiteral("node/a")) << tpm(QStringLiteral("node/b"))
        << cosign(QStringLiteral("release"));
    QTest::newRow("cosign_key renamed")
        << true << cosign(QStringLiteral("release")) << cosign(QStringLiteral("build"))
        << cosign(QStringLiteral("release-2026"));
    QTest::newRow("pcr becomes an image digest")
        << false << pcr(QStringLiteral("node/a"), 7) << pcr(QStringLiteral("node/a"), 8)
        << image(QStringLiteral("r/app"));
    QTest::newRow("image digest moves to another image")
        << false << image(QStringLiteral("r/app")) << image(QStringLiteral("r/worker"))
        << image(QStringLiteral("r/api"));
}

void TestAttestationStore::replaceUnderAnotherIdAndKindKeepsThePlace()
{
    QFETCH(bool, anchors);
    QFETCH(QJsonObject, first);
    QFETCH(QJsonObject, second);
    QFETCH(QJsonObject, replacement);
    QString oldId, otherId, newId;
    if (anchors) {
        const TrustAnchor a = anchor(first), b = anchor(second), c = anchor(replacement);
        QVERIFY(m_store->addAnchor(a, m_t1));
        QVERIFY(m_store->addAnchor(b, m_t1));
        QVERIFY(m_store->replaceAnchor(a.id, c, m_t2));
        std::tie(oldId, otherId, newId) = std::tuple(a.id, b.id, c.id);
    } else {
        const ReferenceValue a = reference(first), b = reference(second),
                             c = reference(replacement);
        QVERIFY(m_store->addReferenceValue(a, m_t1));
        QVERIFY(m_store->addReferenceValue(b, m_t1));
        QVERIFY(m_store->replaceReferenceValue(a.id, c, m_t2));
        std::tie(oldId, otherId, newId) = std::tuple(a.id, b.id, c.id);
    }
    QVERIFY(oldId != newId);
    // Read back from the file: the new entry stands where the old one stood, nothing is left
    // under the old ID or kind.
    m_store.reset();
    m_ws.reset();
    auto ws = Workspace::open(m_path, {});
    QVERIFY(ws);
    auto set = AttestationStore((*ws)->database()).anchors();
    QVERIFY2(set, set ? "" : qPrintable(set.error().toString()));
    QStringList ids;
    for (const TrustAnchor &a : set->anchors())
        ids << a.id;
    for (const ReferenceValue &v : set->referenceValues())
        ids << v.id;
    QCOMPARE(ids, (QStringList{newId, otherId}));
    const QStringList rows = dump();
    QCOMPARE(rows.size(), 2);
    QVERIFY2(rows.first().contains(replacement.value(QLatin1String("kind")).toString()),
             qPrintable(rows.first()));
    QVERIFY(rows.first().endsWith(QStringLiteral("2026-04-08T10:00:00Z")));
}

void TestAttestationStore::replaceRefusals()
{
    const TrustAnchor a = anchor(cosign(QStringLiteral("release")));
    const TrustAnchor b = anchor(cosign(QStringLiteral("build")));
    QVERIFY(m_store->addAnchor(a, m_t1));
    QVERIFY(m_store->addAnchor(b, m_t1));
    const QStringList before = dump();
    // Renaming onto another entry's ID would silently drop that entry.
    auto r = m_store->replaceAnchor(a.id, b, m_t2);
    QCOMPARE(r.error().code, QStringLiteral("anchors.duplicate_id"));
    r = m_store->replaceAnchor(QStringLiteral("cosign_key:gone"), a, m_t2);
    QCOMPARE(r.error().code, QStringLiteral("store.unknown_anchor"));
    r = m_store->replaceReferenceValue(QStringLiteral("gone"),
                                       reference(image(QStringLiteral("r"))), m_t2);
    QCOMPARE(r.error().code, QStringLiteral("store.unknown_reference_value"));
    QCOMPARE(dump(), before);
    // Replacing an entry by itself (same ID) is an edit, not a duplicate.
    QVERIFY(m_store->replaceAnchor(a.id, a, m_t2));
}

void TestAttestationStore::removeIsPersistedAndUnknownRefused()
{
    const TrustAnchor a = anchor(cosign(QStringLiteral("release")));
    const ReferenceValue v = reference(pcr(QStringLiteral("node/a"), 7));
    QVERIFY(m_store->addAnchor(a, m_t1));
    QVERIFY(m_store->addReferenceValue(v, m_t1));
    QVERIFY(m_store->removeAnchor(a.id));
    QCOMPARE(m_store->removeAnchor(a.id).error().code, QStringLiteral("store.unknown_anchor"));
    // An anchor ID is not a reference value ID: the lists are separate.
    QCOMPARE(m_store->removeReferenceValue(a.id).error().code,
             QStringLiteral("store.unknown_reference_value"));
    QCOMPARE(dump().size(), 1);
    QVERIFY(m_store->removeReferenceValue(v.id));
    QCOMPARE(dump(), QStringList());
}

void TestAttestationStore::restorePutsRowsBackVerbatim()
{
    const TrustAnchor a = anchor(cosign(QStringLiteral("release")));
    const TrustAnchor b = anchor(tpm(QStringLiteral("node/a")));
    const TrustAnchor c = anchor(cosign(QStringLiteral("build")));
    const ReferenceValue v = reference(image(QStringLiteral("r/app")));
    QVERIFY(m_store->addAnchor(a, m_t1));
    QVERIFY(m_store->addAnchor(b, m_t1));
    QVERIFY(m_store->addAnchor(c, m_t1));
    QVERIFY(m_store->addReferenceValue(v, m_t1));
    const QStringList before = dump();
    const QList<AnchorEntryKey> keys{{AnchorList::Anchors, a.id},
                                     {AnchorList::Anchors, b.id},
                                     {AnchorList::Anchors, QStringLiteral("cosign_key:new")},
                                     {AnchorList::ReferenceValues, v.id}};
    auto saved = m_store->storedEntries(keys);
    QVERIFY(saved);
    QCOMPARE(saved->size(), 3); // the key of an entry not stored yields nothing
    // Change every one of them: remove, replace under another ID, add.
    QVERIFY(m_store->removeAnchor(a.id));
    QVERIFY(m_store->replaceAnchor(b.id, anchor(cosign(QStringLiteral("new"))), m_t2));
    QVERIFY(m_store->removeReferenceValue(v.id));
    QVERIFY(m_store->addReferenceValue(reference(image(QStringLiteral("r/other"))), m_t2));
    auto after = m_store->storedEntries(
        keys + QList<AnchorEntryKey>{
                   {AnchorList::ReferenceValues, reference(image(QStringLiteral("r/other"))).id}});
    QVERIFY(after);
    const QStringList changed = dump();
    QVERIFY(changed != before);

    QVERIFY(m_store->restoreEntries(
        keys + QList<AnchorEntryKey>{{AnchorList::ReferenceValues,
                                      reference(image(QStringLiteral("r/other"))).id}},
        *saved));
    // Same rows, same row IDs (so the same order), same import times.
    QCOMPARE(dump(), before);
    QVERIFY(m_store->restoreEntries(
        keys + QList<AnchorEntryKey>{{AnchorList::ReferenceValues,
                                      reference(image(QStringLiteral("r/other"))).id}},
        *after));
    QCOMPARE(dump(), changed);
}

QTEST_GUILESS_MAIN(TestAttestationStore)
#include "tst_attestationstore.moc"
