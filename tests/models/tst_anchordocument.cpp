// SPDX-License-Identifier: Apache-2.0
// Editing trust anchors and reference values through the document: every edit is undoable, and
// after each undo and redo the workspace file itself (read through a fresh connection) holds
// exactly the state the user sees.
#include "AnchorSamples.h"
#include "WorkspaceDump.h"

#include "models/Document.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ta::core;
using ta::models::Document;
using ta::tests::dumpAnchorRows;
using ta::tests::why;

class TestAnchorDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void importUndoRemovesAddedAndRestoresReplaced();
    void addEditRemoveEachKind_data();
    void addEditRemoveEachKind();
    void editUnderAnotherIdKeepsPlaceAndUndoes();
    void refusedEditsPushNothing();
    void joinTokenInClearNeverReachesTheFile();

private:
    /// Undoes and redoes the top command, checking the file after each step.
    void checkUndoRedo(const QStringList &before, const QStringList &after);
    QJsonObject entry(const QString &kind) const;

    ta::tests::AnchorSamples m_samples;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Document> m_doc;
    QDateTime m_now = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
};

void TestAnchorDocument::initTestCase()
{
    m_samples = ta::tests::AnchorSamples::make(m_now);
}

void TestAnchorDocument::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("t.atlas"));
    auto ws = Workspace::create(m_path, QByteArrayLiteral("passphrase"));
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    m_doc->setClock([this] { return m_now; });
}

void TestAnchorDocument::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

QJsonObject TestAnchorDocument::entry(const QString &kind) const
{
    const QJsonArray anchors = m_samples.file().value(QLatin1String("anchors")).toArray();
    const QJsonArray refs = m_samples.file().value(QLatin1String("reference_values")).toArray();
    for (const QJsonArray &list : {anchors, refs}) {
        for (const QJsonValue &v : list) {
            if (v.toObject().value(QLatin1String("kind")).toString() == kind)
                return v.toObject();
        }
    }
    return {};
}

void TestAnchorDocument::checkUndoRedo(const QStringList &before, const QStringList &after)
{
    QVERIFY(before != after);
    QSignalSpy failures(m_doc.get(), &Document::commandFailed);
    QSignalSpy changed(m_doc.get(), &Document::anchorsChanged);
    QCOMPARE(dumpAnchorRows(m_path), after);
    m_doc->undoStack()->undo();
    QCOMPARE(dumpAnchorRows(m_path), before);
    m_doc->undoStack()->redo();
    QCOMPARE(dumpAnchorRows(m_path), after);
    m_doc->undoStack()->undo();
    QCOMPARE(dumpAnchorRows(m_path), before);
    m_doc->undoStack()->redo();
    QCOMPARE(dumpAnchorRows(m_path), after);
    QCOMPARE(failures.count(), 0);
    QCOMPARE(changed.count(), 4);
}

void TestAnchorDocument::importUndoRemovesAddedAndRestoresReplaced()
{
    // Already there: the cosign key "release" (to be replaced by the import), a TPM key the
    // import does not touch, and a golden PCR value the import replaces.
    const QJsonObject oldRelease{
        {QStringLiteral("kind"), QStringLiteral("cosign_key")},
        {QStringLiteral("name"), QStringLiteral("release")},
        {QStringLiteral("public_key_pem"),
         QString::fromLatin1(Key::generate(KeyType::EcP384)->publicPem())}};
    QJsonObject untouched = m_samples.tpm;
    untouched.insert(QStringLiteral("subject"), QStringLiteral("node/untouched"));
    QVERIFY(m_doc->addAnchor(oldRelease));
    QVERIFY(m_doc->addAnchor(untouched));
    QVERIFY(m_doc->addReferenceValue(m_samples.pcr));
    m_now = m_now.addSecs(3600); // so a replaced row's import time differs from its old one
    m_doc->undoStack()->clear();
    const QStringList before = dumpAnchorRows(m_path);
    QCOMPARE(before.size(), 3);

    auto set = AnchorSet::fromImportJson(QJsonDocument(m_samples.file()).toJson());
    QVERIFY2(set, why(set).constData());
    QSignalSpy changed(m_doc.get(), &Document::anchorsChanged);
    QVERIFY(m_doc->addAnchors(*set));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_doc->undoStack()->count(), 1);
    QCOMPARE(m_doc->undoStack()->undoText(),
             QStringLiteral("Import trust anchors and reference values (entries: 9)"));
    const QStringList after = dumpAnchorRows(m_path);
    QCOMPARE(after.size(), 10); // 9 imported, 2 of them replacing, plus the untouched TPM key
    auto stored = m_doc->anchors();
    QVERIFY(stored);
    QVERIFY(stored->anchor(QStringLiteral("cosign_key:release"))
                ->publicKey.samePublicKey(
                    set->anchor(QStringLiteral("cosign_key:release"))->publicKey));
    checkUndoRedo(before, after);

    // Undone, the old key is back and verifies as before; nothing the import added is left.
    m_doc->undoStack()->undo();
    stored = m_doc->anchors();
    QVERIFY(stored);
    QCOMPARE(stored->anchors().size(), 2);
    QCOMPARE(stored->referenceValues().size(), 1);
    QCOMPARE(stored->anchor(QStringLiteral("cosign_key:release"))
                 ->document.value(QLatin1String("public_key_pem")),
             oldRelease.value(QLatin1String("public_key_pem")));
}

void TestAnchorDocument::addEditRemoveEachKind_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("field"); // edited to show the edit reached the file
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("k8s_issuer") << "k8s_issuer"
                                << "audience" << QJsonValue(QStringLiteral("spire-server-2"));
    QTest::newRow("gcp_jwks") << "gcp_jwks"
                              << "audience" << QJsonValue(QStringLiteral("other-audience"));
    QTest::newRow("aws_signing_cert")
        << "aws_signing_cert"
        << "not_after" << QJsonValue(QStringLiteral("2027-01-01T00:00:00Z"));
    QTest::newRow("x509pop_ca") << "x509pop_ca"
                                << "not_before"
                                << QJsonValue(QStringLiteral("2026-04-08T00:00:00Z"));
    QTest::newRow("join_token") << "join_token"
                                << "ttl" << QJsonValue(3600);
    QTest::newRow("tpm_ak") << "tpm_ak"
                            << "not_after" << QJsonValue(QStringLiteral("2026-05-01T00:00:00Z"));
    QTest::newRow("cosign_key") << "cosign_key"
                                << "not_before"
                                << QJsonValue(QStringLiteral("2026-04-01T00:00:00Z"));
    QTest::newRow("pcr") << "pcr"
                         << "index" << QJsonValue(8);
    QTest::newRow("image_digest") << "image_digest"
                                  << "digest"
                                  << QJsonValue(QStringLiteral("sha256:") +
                                                QString(64, QLatin1Char('f')));
}

void TestAnchorDocument::addEditRemoveEachKind()
{
    QFETCH(QString, kind);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    const bool reference = kind == QLatin1String("pcr") || kind == QLatin1String("image_digest");
    QJsonObject e = entry(kind);
    QVERIFY(!e.isEmpty());
    // Another entry first, so that positions matter.
    QVERIFY(m_doc->addAnchor(
        m_samples.cosign.value(QLatin1String("kind")) == kind ? m_samples.tpm : m_samples.cosign));
    m_doc->undoStack()->clear();

    QStringList before = dumpAnchorRows(m_path);
    auto id = reference ? m_doc->addReferenceValue(e) : m_doc->addAnchor(e);
    QVERIFY2(id, why(id).constData());
    checkUndoRedo(before, dumpAnchorRows(m_path));

    // A join token's stored form carries its hash, not the token: edit that form, as the app does.
    const QJsonObject stored = reference ? m_doc->anchors()->referenceValue(*id)->document
                                         : m_doc->anchors()->anchor(*id)->document;
    QJsonObject edited = stored;
    edited.insert(field, value);
    before = dumpAnchorRows(m_path);
    auto newId =
        reference ? m_doc->replaceReferenceValue(*id, edited) : m_doc->replaceAnchor(*id, edited);
    QVERIFY2(newId, why(newId).constData());
    const QStringList afterEdit = dumpAnchorRows(m_path);
    QVERIFY2(
        afterEdit.join(QLatin1Char('\n'))
            .contains(QString::fromUtf8(
                          QJsonDocument(QJsonObject{{field, value}}).toJson(QJsonDocument::Compact))
                          .mid(1)
                          .chopped(1)),
        qPrintable(afterEdit.join(QLatin1Char('\n'))));
    checkUndoRedo(before, afterEdit);

    before = dumpAnchorRows(m_path);
    QVERIFY(reference ? m_doc->removeReferenceValue(*newId) : m_doc->removeAnchor(*newId));
    checkUndoRedo(before, dumpAnchorRows(m_path));
    QCOMPARE(m_doc->undoStack()->count(), 3);
}

void TestAnchorDocument::editUnderAnotherIdKeepsPlaceAndUndoes()
{
    QVERIFY(m_doc->addAnchor(m_samples.tpm));
    QVERIFY(m_doc->addAnchor(m_samples.cosign));
    QVERIFY(m_doc->addReferenceValue(m_samples.image));
    const QStringList before = dumpAnchorRows(m_path);
    // The TPM key becomes a cosign key of another name: another kind and another ID.
    QJsonObject other = m_samples.cosign;
    other.insert(QStringLiteral("name"), QStringLiteral("build"));
    auto id = m_doc->replaceAnchor(QStringLiteral("tpm_ak:node/lab-a"), other);
    QVERIFY2(id, why(id).constData());
    QCOMPARE(*id, QStringLiteral("cosign_key:build"));
    const QStringList after = dumpAnchorRows(m_path);
    QCOMPARE(after.size(), before.size());
    QVERIFY(
        after.first().startsWith(QStringLiteral("trust_anchors 1 cosign_key:build cosign_key ")));
    QVERIFY(!after.join(QLatin1Char('\n')).contains(QStringLiteral("tpm_ak")));
    QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Edit trust anchor tpm_ak:node/lab-a"));
    checkUndoRedo(before, after);
    auto set = m_doc->anchors();
    QVERIFY(set);
    QVERIFY(!set->anchorNamed(AnchorKind::TpmAk, QStringLiteral("node/lab-a")));
    QCOMPARE(set->anchorNamed(AnchorKind::CosignKey, QStringLiteral("build"))->id, *id);
}

void TestAnchorDocument::refusedEditsPushNothing()
{
    QVERIFY(m_doc->addAnchor(m_samples.tpm));
    QVERIFY(m_doc->addAnchor(m_samples.cosign));
    const QStringList before = dumpAnchorRows(m_path);
    const int commands = m_doc->undoStack()->count();
    QSignalSpy changed(m_doc.get(), &Document::anchorsChanged);

    QCOMPARE(m_doc->addAnchor(m_samples.tpm).error().code, QStringLiteral("anchors.duplicate_id"));
    QJsonObject broken = m_samples.cosign;
    broken.insert(QStringLiteral("public_key_pem"), QStringLiteral("not a key"));
    QCOMPARE(m_doc->addAnchor(broken).error().code, QStringLiteral("anchors.bad_pem"));
    QCOMPARE(
        m_doc->replaceAnchor(QStringLiteral("tpm_ak:node/lab-a"), m_samples.cosign).error().code,
        QStringLiteral("anchors.duplicate_id"));
    QCOMPARE(m_doc->replaceAnchor(QStringLiteral("tpm_ak:gone"), m_samples.tpm).error().code,
             QStringLiteral("store.unknown_anchor"));
    QCOMPARE(m_doc->removeAnchor(QStringLiteral("tpm_ak:gone")).error().code,
             QStringLiteral("store.unknown_anchor"));
    QCOMPARE(m_doc->removeReferenceValue(QStringLiteral("tpm_ak:node/lab-a")).error().code,
             QStringLiteral("store.unknown_reference_value"));
    QCOMPARE(m_doc->addReferenceValue(m_samples.tpm).error().code,
             QStringLiteral("anchors.unknown_kind"));
    QCOMPARE(m_doc->addAnchors(AnchorSet()).error().code,
             QStringLiteral("anchors.nothing_to_import"));

    QCOMPARE(m_doc->undoStack()->count(), commands);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(dumpAnchorRows(m_path), before);
}

void TestAnchorDocument::joinTokenInClearNeverReachesTheFile()
{
    const QByteArray clear = m_samples.joinTokenClear.toLatin1();
    auto id = m_doc->addAnchor(m_samples.joinToken);
    QVERIFY2(id, why(id).constData());
    // The hash is what the store keeps, and what the attestor compares against.
    const auto set = m_doc->anchors();
    QVERIFY(set);
    const TrustAnchor *token = set->anchor(*id);
    QCOMPARE(token->tokenSha256,
             QCryptographicHash::hash(clear, QCryptographicHash::Sha256).toHex());
    QVERIFY(!token->document.contains(QLatin1String("token")));
    // Through every state an edit can leave behind: added, edited, removed, undone, redone.
    QJsonObject edited = token->document;
    edited.insert(QStringLiteral("ttl"), 60);
    QVERIFY(m_doc->replaceAnchor(*id, edited));
    QVERIFY(m_doc->removeAnchor(*id));
    m_doc->undoStack()->undo();
    m_doc->undoStack()->undo();
    m_doc->undoStack()->undo();
    m_doc->undoStack()->redo();
    QVERIFY(dumpAnchorRows(m_path)
                .join(QLatin1Char('\n'))
                .contains(QString::fromLatin1(token->tokenSha256)));
    // Every byte of the workspace, the write-ahead log included, before and after closing it.
    const auto scan = [&] {
        QStringList leaks;
        QDirIterator it(m_dir->path(), QDir::Files);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(clear))
                leaks << f.fileName();
        }
        return leaks;
    };
    QStringList files;
    for (QDirIterator it(m_dir->path(), QDir::Files); it.hasNext();)
        files << it.next();
    QVERIFY2(files.size() >= 2, qPrintable(files.join(QLatin1Char(' ')))); // the file and its WAL
    QCOMPARE(scan(), QStringList());
    m_doc.reset();
    QCOMPARE(scan(), QStringList());
}

QTEST_GUILESS_MAIN(TestAnchorDocument)
#include "tst_anchordocument.moc"
