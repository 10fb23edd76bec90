// SPDX-License-Identifier: Apache-2.0
#include "../models/OtherConnection.h"

#include "core/crypto/Certificate.h"
#include "core/spiffe/JwtSvid.h"
#include "core/spiffe/X509SvidValidator.h"
#include "models/Document.h"
#include "views/IssueSvidDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUndoStack>

#include <atomic>
#include <memory>

using namespace ta::core;
using ta::models::Document;
using ta::views::IssueSvidDialog;

class TestIssueSvidDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void issuesX509EndToEnd();
    void issuesJwtEndToEnd();
    void liveFeedback_data();
    void liveFeedback();
    void caRefusalStaysInDialog();
    void keyGeneratedOffTheGuiThread();
    void cancelDuringGenerationWritesNothing();

private:
    template <typename T>
    T *child(QWidget *parent, const char *name)
    {
        return parent->findChild<T *>(QString::fromLatin1(name));
    }
    QPushButton *okButton(IssueSvidDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Document> m_doc;
};

void TestIssueSvidDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::create(m_dir->filePath(QStringLiteral("t.atlas")), std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("prod.example"), CaSettings{}));
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("staging.example"), CaSettings{}));
    m_doc->undoStack()->clear();
}

void TestIssueSvidDialog::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

void TestIssueSvidDialog::issuesX509EndToEnd()
{
    IssueSvidDialog dialog(m_doc.get(), QStringLiteral("prod.example"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *id = child<QLineEdit>(&dialog, "spiffeId");
    // The dialog starts the ID with the trust domain's prefix, and the path is still missing.
    QCOMPARE(id->text(), QStringLiteral("spiffe://prod.example/"));
    QVERIFY(!okButton(dialog)->isEnabled());
    id->setFocus();
    id->end(false);
    QTest::keyClicks(id, QStringLiteral("ns/payments/sa/api"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "dnsNames"),
                     QStringLiteral("api.prod.example, api"));
    auto *ttl = child<QSpinBox>(&dialog, "ttl");
    ttl->selectAll();
    QTest::keyClicks(ttl, QStringLiteral("30"));
    QCOMPARE(ttl->value(), 30);
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(dialog.feedbackText(), QString());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    // The key is generated on a worker; the record lands when it is ready.
    QTRY_VERIFY(dialog.issuedRecord());
    // The private key exists only in the dialog: it stays up, read-only, offering the export.
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.generatedKey().isNull());
    QVERIFY(dialog.exportKeyButton()->isVisible());
    QVERIFY(!id->isEnabled());
    QVERIFY(dialog.feedbackText().contains(QStringLiteral("export it now")));
    QTemporaryDir keys;
    QVERIFY(!dialog.exportKey(keys.filePath(QStringLiteral("no/such/dir/key.pem"))));
    QVERIFY(dialog.feedbackText().contains(QStringLiteral("no/such/dir")));
    const QString keyPath = keys.filePath(QStringLiteral("key.pem"));
    QVERIFY(dialog.exportKey(keyPath));
    // Readable and writable by its owner, by nobody else.
    const QFileDevice::Permissions perms = QFile::permissions(keyPath);
    QVERIFY(perms.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QCOMPARE(perms & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                      QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther),
             QFileDevice::Permissions());
    QFile keyFile(keyPath);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    auto key = Key::fromPem(keyFile.readAll());
    QVERIFY(key);
    QVERIFY(key->hasPrivate());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    auto records = m_doc->workspace().credentials(QStringLiteral("prod.example"));
    QVERIFY(records);
    QCOMPARE(records->size(), 1);
    const CredentialRecord &r = records->first();
    QCOMPARE(r.id, dialog.issuedRecord()->id);
    QCOMPARE(r.spiffeId, QStringLiteral("spiffe://prod.example/ns/payments/sa/api"));
    QCOMPARE(r.dnsNames, (QStringList{QStringLiteral("api.prod.example"), QStringLiteral("api")}));
    QCOMPARE(r.issuedAt.secsTo(r.notAfter), qint64(30 * 60));
    auto chain = Certificate::listFromPem(r.material);
    QVERIFY(chain);
    auto bundle = m_doc->workspace().bundle(QStringLiteral("prod.example"));
    QVERIFY(bundle);
    auto v = X509SvidValidator::validate(*chain, bundle->trustDomain(), bundle->x509Authorities(),
                                         m_doc->now());
    QVERIFY(v);
    QCOMPARE(v->id.toString(), r.spiffeId);
    // The exported key is the one the leaf certifies.
    QCOMPARE(key->fingerprint(), chain->first().publicKey().fingerprint());
    QCOMPARE(m_doc->undoStack()->count(), 1);
}

void TestIssueSvidDialog::issuesJwtEndToEnd()
{
    IssueSvidDialog dialog(m_doc.get(), QStringLiteral("prod.example"));
    dialog.show();
    auto *kind = child<QComboBox>(&dialog, "kind");
    kind->setFocus();
    // Keyboard only: Down picks the JWT-SVID entry.
    QTest::keyClick(kind, Qt::Key_Down);
    QCOMPARE(kind->currentIndex(), 1);
    auto *domain = child<QComboBox>(&dialog, "trustDomain");
    QTest::keyClick(domain, Qt::Key_Down);
    QCOMPARE(domain->currentText(), QStringLiteral("staging.example"));
    auto *id = child<QLineEdit>(&dialog, "spiffeId");
    QCOMPARE(id->text(), QStringLiteral("spiffe://staging.example/"));
    id->end(false);
    QTest::keyClicks(id, QStringLiteral("web"));
    QVERIFY(!child<QLineEdit>(&dialog, "dnsNames")->isEnabled());
    // No audience yet: a JWT-SVID needs one.
    QVERIFY(!okButton(dialog)->isEnabled());
    QCOMPARE(dialog.feedbackText(), QStringLiteral("A JWT-SVID needs at least one audience."));
    QTest::keyClicks(child<QLineEdit>(&dialog, "audience"), QStringLiteral("payments billing"));
    QVERIFY(okButton(dialog)->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    auto records = m_doc->workspace().credentials(QStringLiteral("staging.example"));
    QCOMPARE(records->size(), 1);
    const CredentialRecord &r = records->first();
    QCOMPARE(r.kind, AuthorityKind::Jwt);
    QCOMPARE(r.audience, (QStringList{QStringLiteral("payments"), QStringLiteral("billing")}));
    auto bundle = m_doc->workspace().bundle(QStringLiteral("staging.example"));
    auto svid = JwtSvid::validate(r.material, *bundle, QStringLiteral("billing"), m_doc->now());
    QVERIFY(svid);
    QCOMPARE(svid->subject().toString(), QStringLiteral("spiffe://staging.example/web"));
}

void TestIssueSvidDialog::liveFeedback_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("feedback");
    QTest::newRow("no path") << QStringLiteral("spiffe://prod.example")
                             << QStringLiteral(
                                    "A workload's SPIFFE ID needs a path after the trust domain.");
    QTest::newRow("other trust domain")
        << QStringLiteral("spiffe://staging.example/web")
        << QStringLiteral("The SPIFFE ID belongs to another trust domain.");
    QTest::newRow("wrong scheme") << QStringLiteral("https://prod.example/web")
                                  << QStringLiteral("A SPIFFE ID starts with spiffe://.");
    QTest::newRow("dot segment") << QStringLiteral("spiffe://prod.example/a/../b")
                                 << QStringLiteral(
                                        "The path may not contain \".\" or \"..\" segments.");
    QTest::newRow("trailing slash") << QStringLiteral("spiffe://prod.example/web/")
                                    << QStringLiteral("The path may not end with a slash.");
    QTest::newRow("query") << QStringLiteral("spiffe://prod.example/web?x=1")
                           << QStringLiteral("A SPIFFE ID may not have a query part.");
    QTest::newRow("empty") << QString() << QStringLiteral("Enter a SPIFFE ID.");
    QTest::newRow("valid") << QStringLiteral("spiffe://prod.example/web") << QString();
}

void TestIssueSvidDialog::liveFeedback()
{
    QFETCH(QString, typed);
    QFETCH(QString, feedback);
    IssueSvidDialog dialog(m_doc.get(), QStringLiteral("prod.example"));
    dialog.show();
    auto *id = child<QLineEdit>(&dialog, "spiffeId");
    id->selectAll();
    QTest::keyClick(id, Qt::Key_Backspace);
    QTest::keyClicks(id, typed);
    QCOMPARE(dialog.feedbackText(), feedback);
    QCOMPARE(okButton(dialog)->isEnabled(), feedback.isEmpty());
}

void TestIssueSvidDialog::caRefusalStaysInDialog()
{
    // A CA whose authorities are all gone cannot sign: the dialog says so and stays open.
    const QString td = QStringLiteral("prod.example");
    auto ca = m_doc->workspace().authority(td);
    QVERIFY(ca);
    QList<AuthoritySlot> slots = ca->slots();
    for (AuthoritySlot &s : slots) {
        s.status = SlotStatus::Revoked;
        s.tainted = true;
    }
    QVERIFY(ta::tests::otherConnection(*m_doc)->saveAuthority(CertificateAuthority::restore(
        ca->trustDomain(), ca->settings(), ca->rootKey(), ca->root(), slots)));
    IssueSvidDialog dialog(m_doc.get(), td);
    dialog.show();
    auto *id = child<QLineEdit>(&dialog, "spiffeId");
    id->end(false);
    QTest::keyClicks(id, QStringLiteral("web"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isBusy());
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.issuedRecord());
    QCOMPARE(dialog.feedbackText(),
             QStringLiteral("The trust domain has no active authority to sign with."));
    QCOMPARE(m_doc->workspace().credentials()->size(), 0);
}

namespace {
/// A key generator that waits for the test to let it go, and says on which thread it ran.
struct HeldGenerator
{
    std::shared_ptr<QSemaphore> release = std::make_shared<QSemaphore>();
    std::shared_ptr<std::atomic<bool>> onGuiThread = std::make_shared<std::atomic<bool>>(true);
    IssueSvidDialog::KeyGenerator generator() const
    {
        return [release = release, gui = onGuiThread](KeyType type) {
            *gui = QThread::currentThread() == qApp->thread();
            release->acquire();
            return Key::generate(type);
        };
    }
};
} // namespace

void TestIssueSvidDialog::keyGeneratedOffTheGuiThread()
{
    IssueSvidDialog dialog(m_doc.get(), QStringLiteral("prod.example"));
    HeldGenerator held;
    dialog.setKeyGenerator(held.generator());
    // A failed check still lets the worker go, so the thread pool can end.
    const auto letGo = qScopeGuard([release = held.release] { release->release(100); });
    QList<QFuture<void>> started;
    connect(&dialog, &IssueSvidDialog::workStarted, this,
            [&started](const QString &, QFuture<void> f) { started.append(f); });
    dialog.show();
    auto *id = child<QLineEdit>(&dialog, "spiffeId");
    id->end(false);
    QTest::keyClicks(id, QStringLiteral("web"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    // The click returned while the key is still being made: the GUI thread runs its event loop.
    QVERIFY(dialog.isBusy());
    QCOMPARE(started.size(), 1);
    bool ticked = false;
    QTimer::singleShot(10, this, [&ticked] { ticked = true; });
    QTRY_VERIFY(ticked);
    QVERIFY(dialog.isBusy());
    QVERIFY(!okButton(dialog)->isEnabled());
    QCOMPARE(m_doc->workspace().credentials()->size(), 0);
    QCOMPARE(m_doc->undoStack()->count(), 0);
    held.release->release();
    QTRY_VERIFY(dialog.issuedRecord());
    QVERIFY(!*held.onGuiThread);
    QVERIFY(started.first().isFinished());
    QCOMPARE(m_doc->workspace().credentials()->size(), 1);
    QCOMPARE(m_doc->undoStack()->count(), 1);
    QVERIFY(!dialog.generatedKey().isNull());
}

void TestIssueSvidDialog::cancelDuringGenerationWritesNothing()
{
    IssueSvidDialog dialog(m_doc.get(), QStringLiteral("prod.example"));
    HeldGenerator held;
    dialog.setKeyGenerator(held.generator());
    // A failed check still lets the worker go, so the thread pool can end.
    const auto letGo = qScopeGuard([release = held.release] { release->release(100); });
    QFuture<void> work;
    connect(&dialog, &IssueSvidDialog::workStarted, this,
            [&work](const QString &, QFuture<void> f) { work = f; });
    dialog.show();
    auto *id = child<QLineEdit>(&dialog, "spiffeId");
    id->end(false);
    QTest::keyClicks(id, QStringLiteral("web"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QVERIFY(dialog.isBusy());
    // The status bar's Cancel (or the dialog's) cancels the future.
    work.cancel();
    held.release->release();
    QTRY_VERIFY(!dialog.isBusy());
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.issuedRecord());
    QCOMPARE(m_doc->workspace().credentials()->size(), 0);
    QCOMPARE(m_doc->undoStack()->count(), 0);
}

QTEST_MAIN(TestIssueSvidDialog)
#include "tst_issuesvid_dialog.moc"
