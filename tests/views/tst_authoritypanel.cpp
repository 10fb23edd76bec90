// SPDX-License-Identifier: Apache-2.0
// The CA slots panel drives a full rotation (prepare, activate, taint, revoke) through its
// actions, enabling each only when the selected slot allows it, and asks before the steps
// that cannot be undone.
#include "models/AuthorityPreparer.h"
#include "models/AuthoritySlotModel.h"
#include "models/Document.h"
#include "views/AuthorityPanel.h"

#include <QAction>
#include <QScopeGuard>
#include <QSemaphore>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUndoStack>

#include <atomic>
#include <memory>

using namespace ta::core;
using ta::models::AuthoritySlotModel;
using ta::models::Document;
using ta::views::AuthorityPanel;

class TestAuthorityPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void noTrustDomainNothingEnabled();
    void fullRotationThroughTheActions();
    void declinedConfirmationChangesNothing();
    void prepareRunsOffTheGuiThread();
    void cancelledPrepareWritesNothing();

private:
    // Selects the row of the slot with @p status and @p kind; false when there is none.
    bool selectSlot(AuthorityPanel &panel, SlotStatus status, AuthorityKind kind,
                    bool tainted = false);
    int countSlots(AuthorityPanel &panel, SlotStatus status);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Document> m_doc;
    QStringList m_asked;
};

void TestAuthorityPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::create(m_dir->filePath(QStringLiteral("p.atlas")), std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("prod.example"), CaSettings{}));
    m_asked.clear();
}

void TestAuthorityPanel::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

bool TestAuthorityPanel::selectSlot(AuthorityPanel &panel, SlotStatus status, AuthorityKind kind,
                                    bool tainted)
{
    QAbstractItemModel *model = panel.view()->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex i = model->index(r, 0);
        if (SlotStatus(i.data(int(AuthoritySlotModel::Role::Status)).toInt()) == status &&
            AuthorityKind(i.data(int(AuthoritySlotModel::Role::Kind)).toInt()) == kind &&
            i.data(int(AuthoritySlotModel::Role::Tainted)).toBool() == tainted) {
            panel.view()->selectRow(r);
            return true;
        }
    }
    return false;
}

int TestAuthorityPanel::countSlots(AuthorityPanel &panel, SlotStatus status)
{
    int n = 0;
    QAbstractItemModel *model = panel.view()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        n += SlotStatus(model->index(r, 0).data(int(AuthoritySlotModel::Role::Status)).toInt()) ==
             status;
    return n;
}

void TestAuthorityPanel::noTrustDomainNothingEnabled()
{
    AuthorityPanel panel(m_doc.get());
    for (QAction *a : {panel.prepareX509Action(), panel.prepareJwtAction(), panel.activateAction(),
                       panel.taintAction(), panel.revokeAction()})
        QVERIFY(!a->isEnabled());
    panel.setTrustDomain(QStringLiteral("prod.example"));
    QVERIFY(panel.prepareX509Action()->isEnabled());
    QVERIFY(panel.prepareJwtAction()->isEnabled());
    // Nothing selected: no step on a slot.
    QVERIFY(!panel.activateAction()->isEnabled());
    QVERIFY(!panel.taintAction()->isEnabled());
    QVERIFY(!panel.revokeAction()->isEnabled());
}

void TestAuthorityPanel::fullRotationThroughTheActions()
{
    AuthorityPanel panel(m_doc.get());
    panel.setConfirmation([this](const QString &title, const QString &) {
        m_asked << title;
        return true;
    });
    panel.setTrustDomain(QStringLiteral("prod.example"));
    panel.show();
    QCOMPARE(countSlots(panel, SlotStatus::Active), 2);
    const auto sequence = m_doc->workspace().bundle(QStringLiteral("prod.example"))->sequence();

    // The active slot allows none of the slot steps.
    QVERIFY(selectSlot(panel, SlotStatus::Active, AuthorityKind::X509));
    QVERIFY(!panel.activateAction()->isEnabled());
    QVERIFY(!panel.taintAction()->isEnabled());

    panel.prepareX509Action()->trigger();
    QCOMPARE(m_asked, QStringList{QStringLiteral("Prepare Authority")});
    // The key is made on a worker; the slot lands when it returns.
    QTRY_COMPARE(countSlots(panel, SlotStatus::Prepared), 1);
    QVERIFY(m_doc->workspace().bundle(QStringLiteral("prod.example"))->sequence() > sequence);

    QVERIFY(selectSlot(panel, SlotStatus::Prepared, AuthorityKind::X509));
    QVERIFY(panel.activateAction()->isEnabled());
    panel.activateAction()->trigger();
    QCOMPARE(panel.message(), QString());
    QCOMPARE(countSlots(panel, SlotStatus::Old), 1);

    QVERIFY(selectSlot(panel, SlotStatus::Old, AuthorityKind::X509));
    QVERIFY(panel.taintAction()->isEnabled());
    QVERIFY(!panel.revokeAction()->isEnabled());
    panel.taintAction()->trigger();

    QVERIFY(selectSlot(panel, SlotStatus::Old, AuthorityKind::X509, true));
    QVERIFY(!panel.taintAction()->isEnabled());
    QVERIFY(panel.revokeAction()->isEnabled());
    panel.revokeAction()->trigger();
    QCOMPARE(m_asked.last(), QStringLiteral("Revoke Authority"));
    QCOMPARE(countSlots(panel, SlotStatus::Revoked), 1);
    // The revoked authority left the bundle: one X.509 authority is published again.
    QCOMPARE(m_doc->workspace().bundle(QStringLiteral("prod.example"))->x509Authorities().size(),
             1);
}

void TestAuthorityPanel::declinedConfirmationChangesNothing()
{
    AuthorityPanel panel(m_doc.get());
    panel.setConfirmation([](const QString &, const QString &) { return false; });
    panel.setTrustDomain(QStringLiteral("prod.example"));
    const QByteArray bundle = m_doc->workspace().bundle(QStringLiteral("prod.example"))->toJwks();
    const int rows = panel.view()->model()->rowCount();
    panel.prepareJwtAction()->trigger();
    QCOMPARE(panel.view()->model()->rowCount(), rows);
    QCOMPARE(m_doc->workspace().bundle(QStringLiteral("prod.example"))->toJwks(), bundle);
}

void TestAuthorityPanel::prepareRunsOffTheGuiThread()
{
    AuthorityPanel panel(m_doc.get());
    panel.setConfirmation([](const QString &, const QString &) { return true; });
    panel.setTrustDomain(QStringLiteral("prod.example"));
    auto release = std::make_shared<QSemaphore>();
    auto onGui = std::make_shared<std::atomic<bool>>(true);
    panel.preparer()->setWorkerHook([release, onGui] {
        *onGui = QThread::currentThread() == qApp->thread();
        release->acquire();
    });
    QList<QFuture<void>> started;
    connect(panel.preparer(), &ta::models::AuthorityPreparer::started, this,
            [&started](const QString &, QFuture<void> f) { started.append(f); });
    // A failed check still lets the worker go, so the thread pool can end.
    const auto letGo = qScopeGuard([release] { release->release(100); });
    m_doc->undoStack()->push(new QUndoCommand(QStringLiteral("an edit")));
    const int undoCount = m_doc->undoStack()->count();
    const auto sequence = m_doc->workspace().bundle(QStringLiteral("prod.example"))->sequence();
    panel.prepareX509Action()->trigger();
    // The trigger returned while the worker holds: the event loop runs, nothing is stored yet,
    // and a second prepare waits its turn.
    QCOMPARE(started.size(), 1);
    QVERIFY(panel.preparer()->isBusy());
    QVERIFY(!panel.prepareX509Action()->isEnabled());
    bool ticked = false;
    QTimer::singleShot(10, this, [&ticked] { ticked = true; });
    QTRY_VERIFY(ticked);
    QCOMPARE(countSlots(panel, SlotStatus::Prepared), 0);
    QCOMPARE(m_doc->workspace().bundle(QStringLiteral("prod.example"))->sequence(), sequence);
    QCOMPARE(m_doc->undoStack()->count(), undoCount);
    release->release();
    QTRY_COMPARE(countSlots(panel, SlotStatus::Prepared), 1);
    QVERIFY(!*onGui);
    QVERIFY(!panel.preparer()->isBusy());
    QVERIFY(panel.prepareX509Action()->isEnabled());
    QCOMPARE(panel.message(), QString());
    QVERIFY(m_doc->workspace().bundle(QStringLiteral("prod.example"))->sequence() > sequence);
    // Irreversible, as before: the undo history is cleared.
    QCOMPARE(m_doc->undoStack()->count(), 0);
    // A second X.509 prepare is refused by the CA as stored.
    release->release();
    panel.prepareX509Action()->trigger();
    QTRY_VERIFY(!panel.preparer()->isBusy());
    QVERIFY(!panel.message().isEmpty());
    QCOMPARE(countSlots(panel, SlotStatus::Prepared), 1);
}

void TestAuthorityPanel::cancelledPrepareWritesNothing()
{
    AuthorityPanel panel(m_doc.get());
    panel.setConfirmation([](const QString &, const QString &) { return true; });
    panel.setTrustDomain(QStringLiteral("prod.example"));
    auto release = std::make_shared<QSemaphore>();
    panel.preparer()->setWorkerHook([release] { release->acquire(); });
    const auto letGo = qScopeGuard([release] { release->release(100); });
    const QByteArray bundle = m_doc->workspace().bundle(QStringLiteral("prod.example"))->toJwks();
    const int rows = panel.view()->model()->rowCount();
    panel.prepareJwtAction()->trigger();
    QVERIFY(panel.preparer()->isBusy());
    panel.preparer()->future().cancel();
    release->release();
    QTRY_VERIFY(!panel.preparer()->isBusy());
    QCOMPARE(panel.view()->model()->rowCount(), rows);
    QCOMPARE(m_doc->workspace().bundle(QStringLiteral("prod.example"))->toJwks(), bundle);
    QVERIFY(panel.prepareJwtAction()->isEnabled());
}

QTEST_MAIN(TestAuthorityPanel)
#include "tst_authoritypanel.moc"
