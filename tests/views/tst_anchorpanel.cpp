// SPDX-License-Identifier: Apache-2.0
// The anchors panel and its entry dialog, driven offscreen as a user would: every kind created
// through the form, refusals shown with OK disabled, edit, remove, import, export, undo.
#include "../models/AnchorSamples.h"
#include "../models/WorkspaceDump.h"

#include "core/attestation/AnchorKinds.h"
#include "models/AnchorModel.h"
#include "models/Document.h"
#include "models/EvidenceImporter.h"
#include "views/AnchorDetails.h"
#include "views/AnchorEntryDialog.h"
#include "views/AnchorPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>
#include <QUuid>

using namespace ta::core;
using ta::models::Document;
using ta::views::AnchorEntryDialog;
using ta::views::AnchorPanel;

class TestAnchorPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importRunsOnAWorker();
    void cancelledImportWritesNothing();
    void initTestCase();
    void init();
    void cleanup();
    void createsEachKindThroughTheForm_data();
    void createsEachKindThroughTheForm();
    void formShowsEveryDescribedField_data();
    void formShowsEveryDescribedField();
    void gcpMetadataSizeIsANumber();
    void invalidInputKeepsOkDisabled_data();
    void invalidInputKeepsOkDisabled();
    void editPrefillsReplacesAndKeepsUnshownFields();
    void joinTokenEditShowsOnlyTheHash();
    void removeWithDeleteKeyThenUndoRedo();
    void importNamesTheBadEntryAndImportsNothing();
    void importNamesTheLineOfASyntaxError();
    void exportWritesTheAnchorsFileForm();
    void filtersByTextAndKind();
    void marksUsedJoinTokensAndListsVerifiedRecords();

private:
    /// Opens the New dialog of @p kind's list from the panel and picks @p kind.
    AnchorEntryDialog *openNew(const QString &kind);
    /// Types @p entry's fields into the dialog's form, as a user would enter them.
    void fillForm(AnchorEntryDialog *dialog, const QJsonObject &entry);
    QPushButton *okButton(AnchorEntryDialog *dialog) const
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    QString writeFile(const QString &name, const QByteArray &bytes) const;
    void importSamples();
    static bool isReference(const QString &kind)
    {
        return kind == QLatin1String("pcr") || kind == QLatin1String("image_digest");
    }

    ta::tests::AnchorSamples m_samples;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Document> m_doc;
    std::unique_ptr<AnchorPanel> m_panel;
    QString m_chosenFile;
    QDateTime m_now = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
};

void TestAnchorPanel::initTestCase()
{
    m_samples = ta::tests::AnchorSamples::make(m_now);
}

void TestAnchorPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("t.atlas"));
    auto ws = Workspace::create(m_path, std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    m_doc->setClock([this] { return m_now; });
    m_panel = std::make_unique<AnchorPanel>(m_doc.get());
    m_panel->setFileChooser([this](bool, const QString &) { return m_chosenFile; });
    m_panel->resize(900, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestAnchorPanel::cleanup()
{
    m_panel.reset();
    m_doc.reset();
    m_dir.reset();
}

QString TestAnchorPanel::writeFile(const QString &name, const QByteArray &bytes) const
{
    QFile f(m_dir->filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(name));
    return f.fileName();
}

void TestAnchorPanel::importSamples()
{
    m_panel->importFile(
        writeFile(QStringLiteral("samples.json"), QJsonDocument(m_samples.file()).toJson()));
    // Read and checked on a worker; stored when it returns.
    QTRY_VERIFY(!m_panel->isImporting());
}

AnchorEntryDialog *TestAnchorPanel::openNew(const QString &kind)
{
    (isReference(kind) ? m_panel->newReferenceValueAction() : m_panel->newAnchorAction())
        ->trigger();
    AnchorEntryDialog *dialog = m_panel->openDialog();
    if (!dialog)
        return nullptr;
    QComboBox *kinds = dialog->kindBox();
    kinds->setCurrentIndex(kinds->findData(kind));
    return dialog;
}

void TestAnchorPanel::fillForm(AnchorEntryDialog *dialog, const QJsonObject &entry)
{
    for (auto it = entry.begin(); it != entry.end(); ++it) {
        QWidget *w = dialog->field(it.key());
        if (it.key() == QLatin1String("kind") || it.key() == QLatin1String("token"))
            continue;
        QVERIFY2(w, qPrintable(it.key()));
        if (auto *line = qobject_cast<QLineEdit *>(w)) {
            QStringList items;
            for (const QJsonValue &v : it->isArray() ? it->toArray() : QJsonArray{*it})
                items << v.toString();
            line->clear();
            QTest::keyClicks(line, items.join(QStringLiteral(", ")));
        } else if (auto *text = qobject_cast<QPlainTextEdit *>(w)) {
            if (it->isObject()) {
                // A JWKS comes from a file, through the form's Load button.
                m_chosenFile = writeFile(it.key() + QStringLiteral(".json"),
                                         QJsonDocument(it->toObject()).toJson());
                QTest::mouseClick(
                    qobject_cast<QPushButton *>(dialog->field(it.key() + QStringLiteral("Load"))),
                    Qt::LeftButton);
            } else {
                text->setPlainText(it->toString()); // pasted
            }
        } else if (auto *spin = qobject_cast<QSpinBox *>(w)) {
            spin->setValue(it->toInt());
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            combo->setCurrentText(it->toString());
        } else if (auto *time = qobject_cast<QDateTimeEdit *>(w)) {
            if (auto *set =
                    qobject_cast<QCheckBox *>(dialog->field(it.key() + QStringLiteral("Set"))))
                set->setChecked(true);
            time->setDateTime(QDateTime::fromString(it->toString(), Qt::ISODate));
        }
    }
}

void TestAnchorPanel::createsEachKindThroughTheForm_data()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"k8s_issuer", "gcp_jwks", "aws_signing_cert", "x509pop_ca",
                             "join_token", "tpm_ak", "cosign_key", "pcr", "image_digest"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

void TestAnchorPanel::createsEachKindThroughTheForm()
{
    QFETCH(QString, kind);
    QJsonObject sample;
    for (const QJsonValue &list : m_samples.file()) {
        for (const QJsonValue &v : list.toArray()) {
            if (v.toObject().value(QLatin1String("kind")).toString() == kind)
                sample = v.toObject();
        }
    }
    QJsonObject expected = isReference(kind) ? AnchorSet::referenceValueFromJson(sample)->document
                                             : AnchorSet::anchorFromJson(sample)->document;
    AnchorEntryDialog *dialog = openNew(kind);
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    // An empty form is refused before anything is typed (a join token only needs its TTL).
    QCOMPARE(okButton(dialog)->isEnabled(), kind == QLatin1String("join_token"));
    fillForm(dialog, sample);
    QVERIFY2(okButton(dialog)->isEnabled(), qPrintable(dialog->feedbackText()));
    QCOMPARE(dialog->feedbackText(), QString());
    QString token = dialog->generatedToken();
    if (kind == QLatin1String("join_token")) {
        // Generated here, shown once; the form holds it, the stored entry its hash.
        QVERIFY(QUuid::fromString(token).version() == QUuid::Random);
        QCOMPARE(qobject_cast<QLineEdit *>(dialog->field(QStringLiteral("token")))->text(), token);
        QJsonObject withToken = sample;
        withToken.insert(QStringLiteral("token"), token);
        expected = AnchorSet::anchorFromJson(withToken)->document;
    } else {
        QCOMPARE(token, QString());
    }
    const int undoBefore = m_doc->undoStack()->count();
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!m_panel->openDialog());
    QCOMPARE(m_doc->undoStack()->count(), undoBefore + 1);
    const auto [list, id] = m_panel->current();
    QCOMPARE(list, isReference(kind) ? AnchorList::ReferenceValues : AnchorList::Anchors);
    QCOMPARE(id, expected.value(QLatin1String("id")).toString());
    // The stored entry is what the same entry imported from a file would be.
    auto set = m_doc->anchors();
    QVERIFY(set);
    QCOMPARE(isReference(kind) ? set->referenceValue(id)->document : set->anchor(id)->document,
             expected);
    QVERIFY(m_panel->details()->toPlainText().contains(id));
    if (!token.isEmpty()) {
        QCOMPARE(set->anchor(id)->tokenSha256,
                 QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex());
        m_panel.reset();
        m_doc.reset();
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(token.toLatin1()));
        return;
    }
    m_doc->undoStack()->undo();
    QCOMPARE(ta::tests::dumpAnchorRows(m_path), QStringList());
}

void TestAnchorPanel::formShowsEveryDescribedField_data()
{
    QTest::addColumn<QString>("kind");
    for (const AnchorKindSpec &k : AnchorKinds::all())
        QTest::newRow(k.name) << QString::fromLatin1(k.name);
}

void TestAnchorPanel::formShowsEveryDescribedField()
{
    // The form is built from the one description in core, field by field, labelled by it.
    QFETCH(QString, kind);
    AnchorEntryDialog *dialog = openNew(kind);
    QVERIFY(dialog);
    const AnchorKindSpec *spec = AnchorKinds::find(kind);
    QVERIFY(spec);
    QWidget *page = dialog->field(QStringLiteral("id"))->parentWidget();
    QStringList labels;
    for (const QLabel *label : page->findChildren<QLabel *>()) {
        if (label->buddy())
            labels << label->text();
    }
    for (const AnchorField &f : spec->fields) {
        QVERIFY2(dialog->field(QString::fromLatin1(f.key)), f.key);
        QVERIFY2(labels.contains(QString::fromLatin1(f.label)), f.label);
    }
    QCOMPARE(labels.size(), spec->fields.size());
    dialog->reject();
}

void TestAnchorPanel::gcpMetadataSizeIsANumber()
{
    AnchorEntryDialog *dialog = openNew(QStringLiteral("gcp_jwks"));
    QVERIFY(dialog);
    QJsonObject sample = m_samples.gcp;
    fillForm(dialog, sample);
    QVERIFY2(okButton(dialog)->isEnabled(), qPrintable(dialog->feedbackText()));
    QVERIFY(!dialog->entry().contains(QLatin1String("max_metadata_value_size")));
    auto *size =
        qobject_cast<QLineEdit *>(dialog->field(QStringLiteral("max_metadata_value_size")));
    QVERIFY(size);
    QTest::keyClicks(size, QStringLiteral("lots"));
    QVERIFY(!okButton(dialog)->isEnabled());
    QVERIFY2(dialog->feedbackText().startsWith(QStringLiteral("Max metadata value size: ")),
             qPrintable(dialog->feedbackText()));
    size->clear();
    QTest::keyClicks(size, QStringLiteral("4096"));
    QVERIFY2(okButton(dialog)->isEnabled(), qPrintable(dialog->feedbackText()));
    QCOMPARE(dialog->entry().value(QLatin1String("max_metadata_value_size")).toInteger(), 4096);
    dialog->reject();
}

void TestAnchorPanel::invalidInputKeepsOkDisabled_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("feedback");
    const QString pem = m_samples.tpm.value(QLatin1String("public_key_pem")).toString();
    QTest::newRow("PEM that is no key")
        << "cosign_key"
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                       {QStringLiteral("public_key_pem"), QStringLiteral("-----BEGIN garbage")}}
        << "Public key (PEM): The PEM text holds no valid public key or certificate.";
    QTest::newRow("node missing") << "tpm_ak"
                                  << QJsonObject{{QStringLiteral("public_key_pem"), pem}}
                                  << "Node: A required field is missing.";
    QTest::newRow("JWKS not JSON")
        << "k8s_issuer"
        << QJsonObject{{QStringLiteral("cluster"), QStringLiteral("c")},
                       {QStringLiteral("issuer"), QStringLiteral("https://c")},
                       {QStringLiteral("jwks"), QStringLiteral("{\"keys\": [")}}
        << "JWKS: The JWKS is not valid: it needs a \"keys\" array with at least one usable "
           "public key.";
    QTest::newRow("service account without namespace")
        << "k8s_issuer"
        << QJsonObject{{QStringLiteral("cluster"), QStringLiteral("c")},
                       {QStringLiteral("issuer"), QStringLiteral("https://c")},
                       {QStringLiteral("jwks"), m_samples.k8s.value(QLatin1String("jwks"))},
                       {QStringLiteral("service_account_allow_list"),
                        QStringLiteral("spire:agent, agent")}}
        << "Service accounts allowed: A field has a value that is not allowed.";
    QTest::newRow("PCR value not hex")
        << "pcr"
        << QJsonObject{{QStringLiteral("subject"), QStringLiteral("node/a")},
                       {QStringLiteral("value"), QStringLiteral("xyz")}}
        << "Value (hex): A field has a value that is not allowed.";
    QTest::newRow("PCR value of the wrong bank")
        << "pcr"
        << QJsonObject{{QStringLiteral("subject"), QStringLiteral("node/a")},
                       {QStringLiteral("bank"), QStringLiteral("sha384")},
                       {QStringLiteral("value"), QString(64, QLatin1Char('a'))}}
        << "Value (hex): A field has a value that is not allowed.";
    QTest::newRow("digest not sha256")
        << "image_digest"
        << QJsonObject{{QStringLiteral("image"), QStringLiteral("r/app")},
                       {QStringLiteral("digest"), QStringLiteral("md5:00")}}
        << "Digest: A field has a value that is not allowed.";
    QTest::newRow("validity ends before it starts")
        << "tpm_ak"
        << QJsonObject{{QStringLiteral("subject"), QStringLiteral("node/a")},
                       {QStringLiteral("public_key_pem"), pem},
                       {QStringLiteral("not_before"), QStringLiteral("2026-05-01T00:00:00Z")},
                       {QStringLiteral("not_after"), QStringLiteral("2026-04-01T00:00:00Z")}}
        << "Valid until: A field has a value that is not allowed.";
    QTest::newRow("ID of an entry that exists")
        << "tpm_ak"
        << QJsonObject{{QStringLiteral("subject"), QStringLiteral("node/lab-a")},
                       {QStringLiteral("public_key_pem"), pem}}
        << "ID: An entry with this ID exists already.";
}

void TestAnchorPanel::invalidInputKeepsOkDisabled()
{
    QFETCH(QString, kind);
    QFETCH(QJsonObject, fields);
    QFETCH(QString, feedback);
    QVERIFY(m_doc->addAnchor(m_samples.tpm)); // node/lab-a exists
    AnchorEntryDialog *dialog = openNew(kind);
    QVERIFY(dialog);
    fillForm(dialog, fields);
    QCOMPARE(dialog->feedbackText(), feedback);
    QVERIFY(!okButton(dialog)->isEnabled());
    const QStringList before = ta::tests::dumpAnchorRows(m_path);
    // Return does not save either: OK is the default button and it is disabled.
    QTest::keyClick(dialog, Qt::Key_Return);
    QVERIFY(m_panel->openDialog());
    QCOMPARE(ta::tests::dumpAnchorRows(m_path), before);
    dialog->reject();
}

void TestAnchorPanel::editPrefillsReplacesAndKeepsUnshownFields()
{
    QJsonObject gcp = m_samples.gcp;
    gcp.insert(QStringLiteral("allowed_metadata_keys"), QJsonArray{QStringLiteral("role")});
    QVERIFY(m_doc->addAnchor(m_samples.cosign));
    QVERIFY(m_doc->addAnchor(gcp));
    QVERIFY(m_doc->addAnchor(m_samples.tpm));
    m_doc->undoStack()->clear();
    const QStringList before = ta::tests::dumpAnchorRows(m_path);

    m_panel->setCurrent(AnchorList::Anchors, QStringLiteral("cosign_key:release"));
    m_panel->view()->setFocus();
    QTest::keyClick(m_panel->view(), Qt::Key_F2);
    AnchorEntryDialog *dialog = m_panel->openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Edit Trust Anchor"));
    auto *name = qobject_cast<QLineEdit *>(dialog->field(QStringLiteral("name")));
    QCOMPARE(name->text(), QStringLiteral("release"));
    QCOMPARE(qobject_cast<QPlainTextEdit *>(dialog->field(QStringLiteral("public_key_pem")))
                 ->toPlainText(),
             m_samples.cosign.value(QLatin1String("public_key_pem")).toString());
    // The derived ID is left blank, so renaming the key renames its ID.
    QCOMPARE(qobject_cast<QLineEdit *>(dialog->field(QStringLiteral("id")))->text(), QString());
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("release-2026"));
    QVERIFY(okButton(dialog)->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!m_panel->openDialog());
    QCOMPARE(m_panel->current().second, QStringLiteral("cosign_key:release-2026"));
    auto set = m_doc->anchors();
    QVERIFY(!set->anchor(QStringLiteral("cosign_key:release")));
    QCOMPARE(set->anchors().first().id, QStringLiteral("cosign_key:release-2026"));
    QCOMPARE(m_doc->undoStack()->undoText(),
             QStringLiteral("Edit trust anchor cosign_key:release"));

    // Editing the GCP anchor keeps the metadata keys the form does not show.
    m_panel->setCurrent(AnchorList::Anchors, QStringLiteral("gcp_jwks:google"));
    m_panel->editAction()->trigger();
    dialog = m_panel->openDialog();
    QVERIFY(dialog);
    auto *audience = qobject_cast<QLineEdit *>(dialog->field(QStringLiteral("audience")));
    QCOMPARE(audience->text(), QStringLiteral("spire-gcp-node-attestor"));
    audience->setText(QStringLiteral("spire-gcp-node-attestor, second"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!m_panel->openDialog());
    set = m_doc->anchors();
    const TrustAnchor *edited = set->anchor(QStringLiteral("gcp_jwks:google"));
    QCOMPARE(edited->audiences,
             (QStringList{QStringLiteral("spire-gcp-node-attestor"), QStringLiteral("second")}));
    QCOMPARE(edited->allowedMetadataKeys, QStringList{QStringLiteral("role")});

    m_doc->undoStack()->setIndex(0);
    QCOMPARE(ta::tests::dumpAnchorRows(m_path), before);
}

void TestAnchorPanel::joinTokenEditShowsOnlyTheHash()
{
    auto id = m_doc->addAnchor(m_samples.joinToken);
    QVERIFY(id);
    const QString hash = QString::fromLatin1(m_doc->anchors()->anchor(*id)->tokenSha256);
    m_panel->setCurrent(AnchorList::Anchors, *id);
    m_panel->editAction()->trigger();
    AnchorEntryDialog *dialog = m_panel->openDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(qobject_cast<QLineEdit *>(dialog->field(QStringLiteral("token")))->text(),
             QStringLiteral("SHA-256 ") + hash);
    QCOMPARE(dialog->generatedToken(), QString());
    QVERIFY(!qobject_cast<QPushButton *>(dialog->field(QStringLiteral("tokenCopy")))->isVisible());
    qobject_cast<QSpinBox *>(dialog->field(QStringLiteral("ttl")))->setValue(60);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!m_panel->openDialog());
    // anchors() returns the set by value: keep it while `token` points into it.
    const auto anchors = m_doc->anchors();
    QVERIFY(anchors);
    const TrustAnchor *token = anchors->anchor(*id);
    QVERIFY(token);
    QCOMPARE(QString::fromLatin1(token->tokenSha256), hash);
    QCOMPARE(token->notBefore.secsTo(token->notAfter), qint64(60));
    QVERIFY(m_panel->details()->toPlainText().contains(hash));
    QVERIFY(!m_panel->details()->toPlainText().contains(m_samples.joinTokenClear));
}

void TestAnchorPanel::removeWithDeleteKeyThenUndoRedo()
{
    importSamples();
    const int rows = m_panel->view()->model()->rowCount();
    QCOMPARE(rows, 9);
    const QStringList before = ta::tests::dumpAnchorRows(m_path);
    m_panel->setCurrent(AnchorList::ReferenceValues,
                        m_doc->anchors()->referenceValues().first().id);
    const QString id = m_panel->current().second;
    m_panel->view()->setFocus();
    QTest::keyClick(m_panel->view(), Qt::Key_Delete);
    QCOMPARE(m_panel->view()->model()->rowCount(), rows - 1);
    QVERIFY(m_panel->message().startsWith(QStringLiteral("Removed ") + id));
    const QStringList after = ta::tests::dumpAnchorRows(m_path);
    QCOMPARE(after.size(), before.size() - 1);
    m_doc->undoStack()->undo();
    QCOMPARE(ta::tests::dumpAnchorRows(m_path), before);
    QCOMPARE(m_panel->view()->model()->rowCount(), rows);
    m_doc->undoStack()->redo();
    QCOMPARE(ta::tests::dumpAnchorRows(m_path), after);
    // Delete in another widget of the window removes nothing.
    m_panel->filterEdit()->setFocus();
    QTest::keyClick(m_panel->filterEdit(), Qt::Key_Delete);
    QCOMPARE(m_panel->view()->model()->rowCount(), rows - 1);
}

void TestAnchorPanel::importNamesTheBadEntryAndImportsNothing()
{
    QJsonObject file = m_samples.file();
    QJsonArray anchors = file.value(QLatin1String("anchors")).toArray();
    QJsonObject broken = m_samples.cosign;
    broken.insert(QStringLiteral("name"), QStringLiteral("broken"));
    broken.insert(QStringLiteral("public_key_pem"), QStringLiteral("not a key"));
    anchors.insert(2, broken);
    file.insert(QStringLiteral("anchors"), anchors);
    m_chosenFile = writeFile(QStringLiteral("bad.json"), QJsonDocument(file).toJson());
    m_panel->importAction()->trigger();
    QTRY_VERIFY(!m_panel->isImporting());
    QVERIFY2(m_panel->message().startsWith(
                 QStringLiteral("Nothing was imported. Entry anchors[2] (cosign_key): The PEM "
                                "text holds no valid public key or certificate.")),
             qPrintable(m_panel->message()));
    QCOMPARE(m_panel->view()->model()->rowCount(), 0);
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QCOMPARE(ta::tests::dumpAnchorRows(m_path), QStringList());

    m_chosenFile = writeFile(QStringLiteral("good.json"), QJsonDocument(m_samples.file()).toJson());
    m_panel->importAction()->trigger();
    QTRY_VERIFY(!m_panel->isImporting());
    QCOMPARE(m_panel->message(),
             QStringLiteral("Imported 9 entry(ies) from good.json. Undo takes the import back."));
    QCOMPARE(m_panel->view()->model()->rowCount(), 9);
    m_doc->undoStack()->undo();
    QCOMPARE(m_panel->view()->model()->rowCount(), 0);
}

void TestAnchorPanel::importNamesTheLineOfASyntaxError()
{
    // Three good lines, then one the JSON parser stops on.
    m_chosenFile = writeFile(QStringLiteral("syntax.json"),
                             QByteArrayLiteral("{\n  \"anchors\": [\n    {\n    ]\n}\n"));
    m_panel->importAction()->trigger();
    QTRY_VERIFY(!m_panel->isImporting());
    QVERIFY2(m_panel->message().startsWith(QStringLiteral("Nothing was imported. Line 4: ")),
             qPrintable(m_panel->message()));
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QCOMPARE(ta::tests::dumpAnchorRows(m_path), QStringList());
}

void TestAnchorPanel::exportWritesTheAnchorsFileForm()
{
    importSamples();
    m_chosenFile = m_dir->filePath(QStringLiteral("out.json"));
    m_panel->exportAction()->trigger();
    QFile f(m_chosenFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(!bytes.contains(m_samples.joinTokenClear.toLatin1()));
    auto back = AnchorSet::fromImportJson(bytes);
    QVERIFY2(back, ta::tests::why(back).constData());
    auto stored = m_doc->anchors();
    QCOMPARE(back->toJson(), stored->toJson());
    // Re-imported into an empty workspace, it verifies the same evidence: the same entries.
    QCOMPARE(back->anchors().size(), 7);
    QCOMPARE(back->referenceValues().size(), 2);
}

void TestAnchorPanel::filtersByTextAndKind()
{
    importSamples();
    QAbstractItemModel *shown = m_panel->view()->model();
    QTest::keyClicks(m_panel->filterEdit(), QStringLiteral("node/lab-a"));
    QCOMPARE(shown->rowCount(), 2);
    QComboBox *kind = m_panel->kindFilter();
    kind->setCurrentIndex(kind->findData(QStringLiteral("pcr")));
    QCOMPARE(shown->rowCount(), 1);
    m_panel->filterEdit()->clear();
    QCOMPARE(shown->rowCount(), 1);
    kind->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), 9);
}

// The evidence timeline's results reach the anchors panel (issue 11): a join token a node
// presented reads "Used", and each entry lists the records it verified.
void TestAnchorPanel::marksUsedJoinTokensAndListsVerifiedRecords()
{
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("example.org"), CaSettings{}));
    auto id = m_doc->addAnchor(m_samples.joinToken);
    QVERIFY(id);
    QAbstractItemModel *rows = m_panel->view()->model();
    auto validity = [&] {
        for (int r = 0; r < rows->rowCount(); ++r) {
            const QModelIndex i = rows->index(r, int(ta::models::AnchorModel::Column::Validity));
            if (i.data(int(ta::models::AnchorModel::Role::Id)).toString() == *id)
                return i;
        }
        return QModelIndex();
    };
    QVERIFY(validity().isValid());
    QVERIFY(validity().data().toString() != QStringLiteral("Used"));

    QByteArray lines;
    for (const auto &[secs, subject] : {std::pair{5, "node/a"}, std::pair{6, "node/b"}}) {
        EvidenceRecord r;
        r.time = m_now.addSecs(secs);
        r.attestor = QStringLiteral("join_token");
        r.subject = QString::fromLatin1(subject);
        r.payload = QJsonObject{{QStringLiteral("token"), m_samples.joinTokenClear}};
        lines += r.toJsonLine() + '\n';
    }
    ta::models::EvidenceImporter importer(m_doc.get());
    QSignalSpy verified(&importer, &ta::models::EvidenceImporter::verified);
    QVERIFY(importer.importFile(writeFile(QStringLiteral("e.jsonl"), lines)).isValid());
    QVERIFY(verified.wait(20000));

    QCOMPARE(validity().data().toString(), QStringLiteral("Used"));
    QVERIFY(validity().data(Qt::FontRole).value<QFont>().italic());
    m_panel->setCurrent(AnchorList::Anchors, *id);
    const QString details = m_panel->details()->toPlainText();
    QVERIFY2(details.contains(QStringLiteral("Records verified: 1")), qPrintable(details));
    QVERIFY(details.contains(QStringLiteral("node/a")));
    // The second node's presentation was refused (token_used): not verified by the token.
    QVERIFY(!details.contains(QStringLiteral("node/b")));
}

void TestAnchorPanel::importRunsOnAWorker()
{
    QList<QFuture<void>> started;
    connect(m_panel.get(), &AnchorPanel::workStarted, this,
            [&started](const QString &, QFuture<void> f) { started.append(f); });
    m_panel->importFile(
        writeFile(QStringLiteral("samples.json"), QJsonDocument(m_samples.file()).toJson()));
    // importFile returned at once: the entries land only when the GUI thread's event loop has
    // taken the worker's result.
    QCOMPARE(started.size(), 1);
    QVERIFY(m_panel->isImporting());
    QCOMPARE(m_panel->view()->model()->rowCount(), 0);
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QTRY_VERIFY(!m_panel->isImporting());
    QCOMPARE(m_panel->view()->model()->rowCount(), 9);
    QCOMPARE(m_doc->undoStack()->count(), 1);
}

void TestAnchorPanel::cancelledImportWritesNothing()
{
    QFuture<void> work;
    connect(m_panel.get(), &AnchorPanel::workStarted, this,
            [&work](const QString &, QFuture<void> f) { work = f; });
    m_panel->importFile(
        writeFile(QStringLiteral("samples.json"), QJsonDocument(m_samples.file()).toJson()));
    // The status bar's Cancel, before the result reached the GUI thread.
    work.cancel();
    QTRY_VERIFY(!m_panel->isImporting());
    QCOMPARE(m_panel->view()->model()->rowCount(), 0);
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QCOMPARE(ta::tests::dumpAnchorRows(m_path), QStringList());
}

QTEST_MAIN(TestAnchorPanel)
#include "tst_anchorpanel.moc"
