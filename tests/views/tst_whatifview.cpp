// SPDX-License-Identifier: Apache-2.0
// The what-if view driven offscreen as a user would: pick the studio's unsaved edit or two saved
// versions, run with F5, read the totals, click a divergence instant and see the time bar move
// there, cancel a run.
#include "../models/DecisionWorkspace.h"
#include "StudioWorkspace.h"

#include "models/EntryDraft.h"
#include "models/PolicyDraft.h"
#include "models/WhatIfModel.h"
#include "views/TimelineBar.h"
#include "views/WhatIfView.h"

#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace ta;
using models::WhatIfModel;
using views::WhatIfView;

class TestWhatIfView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void unsavedEditAgainstTheSavedVersion();
    void twoSavedVersionsPickedByKeyboard();
    void divergenceMovesTheTimeBar();
    void cancelStopsTheRun();
    void entryVersionsAndTheUnsavedEntries();
    void screenshot();

private:
    /// Edits the draft's one policy to @p condition (unsaved).
    void editCondition(const QString &condition);
    bool runWithF5();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<models::Document> m_doc;
    std::unique_ptr<QWidget> m_window;
    models::PolicyDraft *m_draft = nullptr;
    WhatIfView *m_view = nullptr;
    views::TimelineBar *m_bar = nullptr;
    QDateTime m_now = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
};

void TestWhatIfView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_doc = tests::makeStudioWorkspace(*m_dir, m_now);
    m_window = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(m_window.get());
    m_draft = new models::PolicyDraft(m_doc.get(), m_window.get());
    QVERIFY(m_draft->load());
    m_view = new WhatIfView(m_doc.get(), m_window.get());
    m_view->setDraft(m_draft);
    layout->addWidget(m_view, 1);
    // The time bar over the two records, as the main window wires it.
    m_bar = new views::TimelineBar(m_window.get());
    m_bar->setTimeline({m_now.addSecs(60), m_now.addSecs(120)});
    layout->addWidget(m_bar);
    connect(m_view, &WhatIfView::instantActivated, m_bar, &views::TimelineBar::setInstant);
    m_window->resize(900, 600);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // The keys are window shortcuts: under a real X server the window must be active.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestWhatIfView::cleanup()
{
    m_window.reset();
    m_doc.reset();
    m_dir.reset();
}

void TestWhatIfView::editCondition(const QString &condition)
{
    core::Policy p = m_draft->policies().first();
    p.condition = condition;
    m_draft->updatePolicy(0, p, models::PolicyDraft::Field::Condition);
}

bool TestWhatIfView::runWithF5()
{
    QSignalSpy ready(m_view, &WhatIfView::reportReady);
    m_view->table()->setFocus();
    QTest::keyClick(m_view->table(), Qt::Key_F5);
    // Running from the key press until the report is shown, however fast the worker was.
    if (!m_view->model()->isRunning())
        return false;
    return !ready.isEmpty() || ready.wait(30000);
}

void TestWhatIfView::unsavedEditAgainstTheSavedVersion()
{
    // One saved version: it is the base, the studio's unsaved edit the candidate.
    QCOMPARE(m_view->baseBox()->count(), 1);
    QCOMPARE(m_view->candidateBox()->count(), 2);
    QCOMPARE(m_view->candidateBox()->currentData().toInt(), WhatIfView::unsavedEdit);
    QVERIFY(m_view->runButton()->isEnabled());
    QVERIFY(!m_view->cancelButton()->isEnabled());
    editCondition(QStringLiteral("subject == 'node/b'"));
    QSignalSpy ready(m_view, &WhatIfView::reportReady);
    QVERIFY(runWithF5());
    QCOMPARE(m_view->model()->rowCount(), 2);
    QVERIFY2(m_view->totalsLabel()->text().contains(QStringLiteral("Subjects that differ: 2")),
             qPrintable(m_view->totalsLabel()->text()));
    QVERIFY(m_view->totalsLabel()->text().contains(QStringLiteral("gained: 1, lost: 1")));
    QVERIFY(m_view->statusLabel()->text().contains(QStringLiteral("unsaved edit")));
    QCOMPARE(ready.first().at(1).toString(), m_view->model()->label());
    QCOMPARE(m_view->progressBar()->value(), m_view->progressBar()->maximum());
    QVERIFY(m_view->runButton()->isEnabled());
    // Running again with the edit undone: nothing differs.
    m_doc->undoStack()->undo();
    QVERIFY2(runWithF5(), qPrintable(m_view->statusLabel()->text()));
    QCOMPARE(m_view->model()->rowCount(), 0);
    QVERIFY(m_view->totalsLabel()->text().contains(QStringLiteral("No subject")));
}

void TestWhatIfView::twoSavedVersionsPickedByKeyboard()
{
    editCondition(QStringLiteral("false"));
    QVERIFY(m_draft->save(QStringLiteral("nobody")));
    // The save refreshed the pickers: newest first.
    QCOMPARE(m_view->baseBox()->count(), 2);
    QVERIFY(m_view->baseBox()->itemText(0).contains(QStringLiteral("nobody")));
    QCOMPARE(m_view->candidateBox()->count(), 3);
    // Base: version 1 (the oldest, last); candidate: version 2 (one down from the unsaved edit).
    m_view->baseBox()->setFocus();
    QTest::keyClick(m_view->baseBox(), Qt::Key_End);
    QCOMPARE(m_view->baseBox()->currentData().toInt(), 1);
    m_view->candidateBox()->setFocus();
    QTest::keyClick(m_view->candidateBox(), Qt::Key_Down);
    QCOMPARE(m_view->candidateBox()->currentData().toInt(), 2);
    QSignalSpy ready(m_view, &WhatIfView::reportReady);
    QTest::mouseClick(m_view->runButton(), Qt::LeftButton);
    QVERIFY(ready.wait(30000));
    QCOMPARE(m_view->model()->rowCount(), 1);
    QCOMPARE(m_view->model()->index(0, WhatIfModel::LostColumn).data().toString(),
             QStringLiteral("spiffe://lab.example/node/a"));
    QVERIFY(m_view->totalsLabel()->text().contains(QStringLiteral("lost: 1")));
    QVERIFY(m_view->statusLabel()->text().contains(QStringLiteral("version 2")));
    QVERIFY(m_view->statusLabel()->text().contains(QStringLiteral("version 1")));
}

void TestWhatIfView::divergenceMovesTheTimeBar()
{
    editCondition(QStringLiteral("subject == 'node/b'"));
    QVERIFY(runWithF5());
    QCOMPARE(m_bar->instant(), m_now.addSecs(120));
    QTreeView *table = m_view->table();
    // A click on node/a's divergence instant: its record, the first.
    const QModelIndex first = m_view->model()->index(0, WhatIfModel::DivergedColumn);
    QCOMPARE(first.siblingAtColumn(0).data().toString(), QStringLiteral("node/a"));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(first).center());
    QCOMPARE(m_bar->instant(), m_now.addSecs(60));
    // A click elsewhere on a row does not move it; Enter on the row does.
    const QModelIndex second = m_view->model()->index(1, WhatIfModel::SubjectColumn);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(second).center());
    QCOMPARE(m_bar->instant(), m_now.addSecs(60));
    QCOMPARE(table->currentIndex().row(), 1);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(m_bar->instant(), m_now.addSecs(120));
}

// The registration entries as the studio saves them are picked like the policy versions, and
// their unsaved edit is a candidate too.
void TestWhatIfView::entryVersionsAndTheUnsavedEntries()
{
    models::EntryDraft entries(m_doc.get());
    QVERIFY(entries.load());
    m_view->setEntryDraft(&entries);
    // No entry version yet: the unsaved entries are offered as a candidate only.
    QCOMPARE(m_view->baseBox()->count(), 1);
    QCOMPARE(m_view->candidateBox()->count(), 3);
    QVERIFY(m_view->candidateBox()->itemData(1, WhatIfView::EntriesRole).toBool());
    QCOMPARE(m_view->candidateBox()->itemData(1).toInt(), WhatIfView::unsavedEdit);
    // A node entry for node/a's join token, saved as the studio saves it.
    entries.addEntry();
    core::RegistrationEntry e = entries.entries().first();
    e.spiffeId = QStringLiteral("spiffe://lab.example/host/a");
    e.parentId = QStringLiteral("spiffe://lab.example/spire/server");
    e.selectors = {*core::Selector::parse(tests::joinTokenSelector("tok-a"))};
    entries.updateEntry(0, e, models::EntryDraft::Field::Selectors);
    QVERIFY(entries.save(QStringLiteral("host a")));
    // The save refreshed the pickers: the entries' version after the policies'.
    QCOMPARE(m_view->baseBox()->count(), 2);
    QVERIFY(m_view->baseBox()->itemText(1).contains(QStringLiteral("host a")));
    QVERIFY(m_view->baseBox()->itemData(1, WhatIfView::EntriesRole).toBool());
    QVERIFY(!m_view->baseBox()->itemData(0, WhatIfView::EntriesRole).toBool());
    QCOMPARE(m_view->candidateBox()->count(), 4);
    // Unsaved: the entry also asks for a selector node/a lacks, so node/a loses host/a.
    e = entries.entries().first();
    e.selectors << *core::Selector::parse(QStringLiteral("custom:rack:7"));
    entries.updateEntry(0, e, models::EntryDraft::Field::Selectors);
    m_view->baseBox()->setCurrentIndex(1);
    m_view->candidateBox()->setCurrentIndex(1);
    QSignalSpy ready(m_view, &WhatIfView::reportReady);
    QTest::mouseClick(m_view->runButton(), Qt::LeftButton);
    QVERIFY(ready.wait(30000));
    QCOMPARE(m_view->model()->rowCount(), 1);
    QCOMPARE(m_view->model()->index(0, WhatIfModel::SubjectColumn).data().toString(),
             QStringLiteral("node/a"));
    QCOMPARE(m_view->model()->index(0, WhatIfModel::LostColumn).data().toString(),
             QStringLiteral("spiffe://lab.example/host/a"));
    QVERIFY2(m_view->statusLabel()->text().contains(QStringLiteral("unsaved registration entries")),
             qPrintable(m_view->statusLabel()->text()));
    QVERIFY(
        m_view->statusLabel()->text().contains(QStringLiteral("registration entries version 1")));
    // The choice survives a refresh: entries version 1 stays the base, not policy version 1.
    m_view->refreshVersions();
    QCOMPARE(m_view->baseBox()->currentIndex(), 1);
    QCOMPARE(m_view->candidateBox()->currentIndex(), 1);
    m_view->setEntryDraft(nullptr);
}

void TestWhatIfView::cancelStopsTheRun()
{
    editCondition(QStringLiteral("false"));
    QVERIFY(runWithF5());
    QCOMPARE(m_view->model()->rowCount(), 1);
    const QString totals = m_view->totalsLabel()->text();
    // The next run waits behind a held thread; Cancel (Esc) stops it before it starts.
    QSemaphore gate;
    m_view->model()->threadPool()->start([&gate] { gate.acquire(); });
    editCondition(QStringLiteral("true"));
    QTest::mouseClick(m_view->runButton(), Qt::LeftButton);
    QVERIFY(m_view->model()->isRunning());
    QVERIFY(m_view->cancelButton()->isEnabled());
    QVERIFY(!m_view->runButton()->isEnabled());
    QVERIFY(!m_view->baseBox()->isEnabled());
    QSignalSpy cancelled(m_view->model(), &WhatIfModel::cancelled);
    QTest::keyClick(m_view->table(), Qt::Key_Escape);
    gate.release();
    QVERIFY(cancelled.wait(30000));
    QVERIFY(m_view->statusLabel()->text().contains(QStringLiteral("cancelled")));
    QCOMPARE(m_view->totalsLabel()->text(), totals);
    QCOMPARE(m_view->model()->rowCount(), 1);
    QVERIFY(m_view->runButton()->isEnabled());
    QVERIFY(!m_view->cancelButton()->isEnabled());
}

void TestWhatIfView::screenshot()
{
    editCondition(QStringLiteral("subject == 'node/b'"));
    QVERIFY(runWithF5());
    const QString dir = qEnvironmentVariable("TA_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set TA_SCREENSHOT_DIR to keep a screenshot");
    QVERIFY(m_window->grab().save(dir + QStringLiteral("/whatifview.png")));
}

QTEST_MAIN(TestWhatIfView)
#include "tst_whatifview.moc"
