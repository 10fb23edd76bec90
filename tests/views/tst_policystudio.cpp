// SPDX-License-Identifier: Apache-2.0
// The policy studio driven offscreen as a user would: type a condition, see the diagnostic
// underlined, see the re-simulated difference, undo; list edits, versions, completion, hover.
#include "StudioWorkspace.h"

#include "models/EntryDraft.h"
#include "models/EntryListModel.h"
#include "models/PolicyDraft.h"
#include "models/PolicyListModel.h"
#include "models/PolicyResimulator.h"
#include "views/CelEditor.h"
#include "views/PolicyStudio.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QAction>
#include <QBuffer>
#include <QCompleter>
#include <QCryptographicHash>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <optional>

using namespace ta;
using ta::views::PolicyStudio;

namespace {

/// The report's one changed subject as "subject +gained -lost", or how many changed.
QString onlyChange(const core::WhatIfReport &report)
{
    if (report.subjects.size() != 1)
        return QStringLiteral("%1 subjects changed").arg(report.subjects.size());
    const auto &s = report.subjects.first();
    return s.subject + QStringLiteral(" +") + s.gained.join(QLatin1Char(',')) +
           QStringLiteral(" -") + s.lost.join(QLatin1Char(','));
}

} // namespace

class TestPolicyStudio : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void typingAConditionShowsDiagnosticsAndResimulates();
    void listEditsAreUndoable();
    void saveMakesAVersionWithItsComment();
    void completionAndHoverUseTheEvidence();
    void registrationEntriesAreEditedAndResimulated();
    void importedRecordsAreResimulated();
    void aRunOverTheOldTimelineIsNotReported();
    void busyUntilTheRunIsReported();
    void keptResultsAreResimulatedAsVerified();
    void aNewTimelineCancelsTheOlderClaimsScan();
    void screenshot();

private:
    /// Replaces the condition by typing @p text into the editor.
    void typeCondition(const QString &text);
    core::WhatIfReport waitForReport();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<models::Document> m_doc;
    std::unique_ptr<PolicyStudio> m_studio;
    QDateTime m_now = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
};

void TestPolicyStudio::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_doc = tests::makeStudioWorkspace(*m_dir, m_now);
    m_studio = std::make_unique<PolicyStudio>(m_doc.get());
    m_studio->resimulator()->setDelay(10);
    m_studio->resize(1000, 700);
    m_studio->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_studio.get()));
}

void TestPolicyStudio::cleanup()
{
    m_studio.reset();
    m_doc.reset();
    m_dir.reset();
}

void TestPolicyStudio::typeCondition(const QString &text)
{
    views::CelEditor *editor = m_studio->conditionEditor();
    editor->setFocus();
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_Delete);
    QTest::keyClicks(editor, text);
}

core::WhatIfReport TestPolicyStudio::waitForReport()
{
    QSignalSpy spy(m_studio.get(), &PolicyStudio::resimulated);
    // Keystrokes may each have asked for a run; only the last one's report arrives.
    if (!spy.wait(20000))
        return {};
    while (m_studio->resimulator()->isBusy())
        spy.wait(200);
    return spy.last().first().value<core::WhatIfReport>();
}

void TestPolicyStudio::typingAConditionShowsDiagnosticsAndResimulates()
{
    views::CelEditor *editor = m_studio->conditionEditor();
    QCOMPARE(editor->toPlainText(), QStringLiteral("subject == 'node/a'"));
    const int before = m_doc->undoStack()->count();

    // An undeclared name: the checker's diagnostic, underlined where the name is.
    typeCondition(QStringLiteral("subject == 'node/a' || nosuch"));
    QCOMPARE(editor->diagnostics().size(), 1);
    QVERIFY2(editor->diagnostics().first().message.contains(QStringLiteral("nosuch")),
             qPrintable(editor->diagnostics().first().message));
    QCOMPARE(editor->diagnostics().first().column, 24);
    QCOMPARE(editor->extraSelections().size(), 1);
    QCOMPARE(editor->extraSelections().first().cursor.selectedText(), QStringLiteral("nosuch"));
    QVERIFY(m_studio->diagnosticLabel()->text().startsWith(QStringLiteral("1:24:")));
    QTRY_VERIFY2(m_studio->simulationStatus()->text().contains(QStringLiteral("nosuch")),
                 qPrintable(m_studio->simulationStatus()->text()));

    // A syntax error is underlined too.
    typeCondition(QStringLiteral("subject == "));
    QCOMPARE(editor->diagnostics().size(), 1);
    QCOMPARE(editor->extraSelections().size(), 1);

    // A valid edit re-simulates: node/b now gains the identity node/a had alone.
    typeCondition(QStringLiteral("subject.startsWith('node/')"));
    QVERIFY(editor->diagnostics().isEmpty());
    QVERIFY(editor->extraSelections().isEmpty());
    core::WhatIfReport report = waitForReport();
    QCOMPARE(onlyChange(report), QStringLiteral("node/b +spiffe://lab.example/node/a -"));
    QCOMPARE(m_studio->differenceTree()->topLevelItemCount(), 1);
    QCOMPARE(m_studio->differenceTree()->topLevelItem(0)->text(0), QStringLiteral("node/b"));
    QVERIFY(!m_studio->differenceTree()->topLevelItem(0)->text(4).isEmpty());

    // All that typing is one undo step; undo brings back the saved condition and no difference.
    QCOMPARE(m_doc->undoStack()->count(), before + 1);
    m_doc->undoStack()->undo();
    QCOMPARE(editor->toPlainText(), QStringLiteral("subject == 'node/a'"));
    QVERIFY(!m_studio->draft()->isModified());
    report = waitForReport();
    QVERIFY(!report.changed());
    QCOMPARE(m_studio->differenceTree()->topLevelItemCount(), 0);

    // Losing: a condition nobody meets takes node/a's identity away.
    typeCondition(QStringLiteral("subject == 'node/z'"));
    report = waitForReport();
    QCOMPARE(onlyChange(report), QStringLiteral("node/a + -spiffe://lab.example/node/a"));
    QVERIFY(m_studio->resimulator()->lastLatencyMs() >= 0);
}

void TestPolicyStudio::listEditsAreUndoable()
{
    auto *model = m_studio->listModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QUndoStack *undo = m_doc->undoStack();
    const int setup = undo->count();
    QCOMPARE(model->rowCount(), 1);

    m_studio->addAction()->trigger();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(1).data().toString(), QStringLiteral("policy"));
    m_studio->setCurrentRow(0);
    m_studio->duplicateAction()->trigger();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(1).data().toString(), QStringLiteral("node-a-copy"));
    m_studio->setCurrentRow(2);
    m_studio->moveUpAction()->trigger();
    QCOMPARE(model->index(1).data().toString(), QStringLiteral("policy"));
    QCOMPARE(m_studio->currentRow(), 1);
    m_studio->removeAction()->trigger();
    QCOMPARE(model->rowCount(), 2);

    // The name typed in the form renames the policy in the list, in one undo step.
    m_studio->setCurrentRow(0);
    m_studio->nameEdit()->setFocus();
    m_studio->nameEdit()->selectAll();
    QTest::keyClicks(m_studio->nameEdit(), QStringLiteral("alpha"));
    QCOMPARE(model->index(0).data().toString(), QStringLiteral("alpha"));
    // A duplicate name is marked invalid in the list, not refused while typing.
    QVERIFY(model->index(0).data(models::PolicyListModel::ValidRole).toBool());

    QCOMPARE(undo->count(), setup + 5);
    undo->undo(); // rename
    QCOMPARE(model->index(0).data().toString(), QStringLiteral("node-a"));
    undo->undo(); // remove
    QCOMPARE(model->rowCount(), 3);
    undo->undo(); // move
    undo->undo(); // duplicate
    undo->undo(); // add
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(!m_studio->draft()->isModified());
    undo->redo();
    QCOMPARE(model->rowCount(), 2);
}

void TestPolicyStudio::saveMakesAVersionWithItsComment()
{
    QCOMPARE(m_studio->versionList()->topLevelItemCount(), 1);
    typeCondition(QStringLiteral("subject in ['node/a', 'node/b']"));
    QTest::keyClicks(m_studio->commentEdit(), QStringLiteral("let node/b in"));
    QTest::mouseClick(m_studio->saveButton(), Qt::LeftButton);
    QCOMPARE(m_studio->versionList()->topLevelItemCount(), 2);
    QCOMPARE(m_studio->versionList()->topLevelItem(0)->text(0), QStringLiteral("2"));
    QCOMPARE(m_studio->versionList()->topLevelItem(0)->text(2), QStringLiteral("let node/b in"));
    QVERIFY(!m_studio->draft()->isModified());
    QCOMPARE(m_studio->draft()->savedVersion(), 2);
    // Against the new base, nothing differs any more.
    QVERIFY(!waitForReport().changed());

    // A set that does not validate is not saved, and says why.
    typeCondition(QStringLiteral("subject =="));
    QVERIFY(!m_studio->save());
    QVERIFY(m_studio->simulationStatus()->text().contains(QStringLiteral("node-a")));
    QCOMPARE(m_studio->versionList()->topLevelItemCount(), 2);
}

void TestPolicyStudio::completionAndHoverUseTheEvidence()
{
    views::CelEditor *editor = m_studio->conditionEditor();
    QTRY_VERIFY(editor->completions().contains(QStringLiteral("node.token_anchor")));
    QVERIFY(editor->completions().contains(QStringLiteral("subject")));
    QVERIFY(editor->completions().contains(QStringLiteral("selectors")));
    // Hover over "subject" in "subject == 'node/a'": its type and a value the evidence holds.
    const QString tip = editor->describeAt(2);
    QVERIFY2(tip.startsWith(QStringLiteral("subject: string")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("'node/")), qPrintable(tip));

    // Typing a prefix pops the completer up with the matching claim paths.
    typeCondition(QStringLiteral("node.tok"));
    QCOMPARE(editor->completer()->completionPrefix(), QStringLiteral("node.tok"));
    QVERIFY(editor->completer()->completionCount() >= 2);
    QTest::keyClick(editor->completer()->popup(), Qt::Key_Return);
    QVERIFY(editor->toPlainText().startsWith(QStringLiteral("node.token_")));
}

// The entries tab: list edits on the undo stack, the selectors typed re-simulate, save.
void TestPolicyStudio::registrationEntriesAreEditedAndResimulated()
{
    auto *model = m_studio->entryModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QUndoStack *undo = m_doc->undoStack();
    const int setup = undo->count();
    m_studio->kindTabs()->setCurrentIndex(1);
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(m_studio->versionList()->topLevelItemCount(), 0);

    core::WhatIfReport report;
    m_studio->addEntryAction()->trigger();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(m_studio->currentEntryRow(), 0);
    QCOMPARE(model->index(0).data().toString(), QStringLiteral("spiffe://lab.example/workload-1"));
    QVERIFY(model->index(0).data(models::EntryListModel::ValidRole).toBool());
    // The new entry is a node entry of unix:uid:1000, which no node has: no difference yet.
    report = waitForReport();
    QVERIFY2(!report.changed(),
             QJsonDocument(report.subjects.value(0).toJson()).toJson().constData());

    // node/b's join token selector: node/b gains the entry's identity.
    const QString tokenB = QString::fromLatin1(
        QCryptographicHash::hash("tok-b", QCryptographicHash::Sha256).toHex().left(16));
    QLineEdit *selectors = m_studio->entrySelectorsEdit();
    selectors->setFocus();
    selectors->selectAll();
    QTest::keyClicks(selectors, QStringLiteral("join_token:") + tokenB);
    report = waitForReport();
    QCOMPARE(report.subjects.size(), 1);
    QCOMPARE(report.subjects.first().subject, QStringLiteral("node/b"));
    QCOMPARE(report.subjects.first().gained,
             QStringList{QStringLiteral("spiffe://lab.example/workload-1")});
    QCOMPARE(undo->count(), setup + 2);

    m_studio->duplicateEntryAction()->trigger();
    QCOMPARE(model->rowCount(), 2);
    m_studio->setCurrentEntryRow(1);
    m_studio->moveEntryUpAction()->trigger();
    QCOMPARE(m_studio->currentEntryRow(), 0);
    m_studio->removeEntryAction()->trigger();
    QCOMPARE(model->rowCount(), 1);
    undo->undo();
    undo->undo();
    undo->undo();
    QCOMPARE(model->rowCount(), 1);
    undo->undo(); // the selectors
    QCOMPARE(m_studio->entryDraft()->entries().first().selectors.first().toString(),
             QStringLiteral("unix:uid:1000"));
    QCOMPARE(selectors->text(), QStringLiteral("unix:uid:1000"));
    undo->redo();

    QTest::keyClicks(m_studio->commentEdit(), QStringLiteral("node/b entry"));
    QVERIFY(m_studio->save());
    QCOMPARE(m_studio->versionList()->topLevelItemCount(), 1);
    QCOMPARE(m_studio->versionList()->topLevelItem(0)->text(2), QStringLiteral("node/b entry"));
    const auto other = ta::tests::otherConnection(*m_doc);
    core::RuleStore store(other->database());
    auto stored = store.entries();
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    QVERIFY(!stored->first().id.isEmpty());
    QVERIFY(!waitForReport().changed());
    // Back on the policies tab, the versions are the policies'.
    m_studio->kindTabs()->setCurrentIndex(0);
    QCOMPARE(m_studio->versionList()->topLevelItemCount(), 1);
    QCOMPARE(m_studio->versionList()->topLevelItem(0)->text(2), QStringLiteral("first"));
}

// Records imported while the studio is open: its re-simulation reads the new timeline, and an
// unsaved edit is re-simulated over it at once.
void TestPolicyStudio::importedRecordsAreResimulated()
{
    models::PolicyResimulator *resim = m_studio->resimulator();
    QCOMPARE(resim->evidenceCount(), 2);
    QVERIFY(
        tests::importBehind(*m_doc, tests::joinTokenLine(m_now.addSecs(300), QStringLiteral("c"))));
    m_doc->notifyEvidenceChanged();
    QCOMPARE(resim->evidenceCount(), 3);
    QVERIFY2(m_studio->simulationStatus()->text().startsWith(QStringLiteral("3 evidence record")),
             qPrintable(m_studio->simulationStatus()->text()));
    // With an unsaved edit, the new timeline is re-simulated without waiting for a keystroke.
    typeCondition(QStringLiteral("subject.startsWith('node/')"));
    QCOMPARE(waitForReport().subjects.size(), 1); // node/b gains node/a's identity
    m_doc->notifyEvidenceChanged();
    QVERIFY(resim->isBusy());
    // node/c's token has no anchor: refused, it gains nothing either way.
    const core::WhatIfReport report = waitForReport();
    QCOMPARE(report.subjects.size(), 1);
    QCOMPARE(resim->evidenceCount(), 3);
}

// Records imported while a run works: that run replays the timeline read before, and its
// difference must not be shown as the new evidence's (it once was, when it finished before the
// new timeline's run was due: "no subject fares differently" over evidence it never read).
void TestPolicyStudio::aRunOverTheOldTimelineIsNotReported()
{
    models::PolicyResimulator *resim = m_studio->resimulator();
    QTRY_VERIFY(!resim->isBusy()); // the run the studio asks for as it opens
    QStringList events;
    bool imported = false;
    // The connections end with this function: they capture its locals.
    QObject scope;
    connect(resim, &models::PolicyResimulator::started, &scope, [&] { events << "started"; });
    // Right after the run's work is handed to a thread, before its end can be reported here.
    connect(resim, &models::PolicyResimulator::workStarted, &scope, [&](const QString &title) {
        if (imported || !title.startsWith(QStringLiteral("Re-simulating")))
            return;
        imported = true;
        QVERIFY(tests::importBehind(*m_doc,
                                    tests::joinTokenLine(m_now.addSecs(300), QStringLiteral("c"))));
        m_doc->notifyEvidenceChanged();
        events << QStringLiteral("imported %1").arg(resim->evidenceCount());
    });
    connect(m_studio.get(), &PolicyStudio::resimulated, &scope, [&](const core::WhatIfReport &r) {
        events << QStringLiteral("report %1").arg(r.subjects.size());
    });
    typeCondition(QStringLiteral("subject == 'node/b'"));
    const core::WhatIfReport report = waitForReport();
    QCOMPARE(events, (QStringList{QStringLiteral("started"), QStringLiteral("imported 3"),
                                  QStringLiteral("started"), QStringLiteral("report 2")}));
    QCOMPARE(report.subjects.size(), 2); // node/a loses its identity, node/b gains one
    QVERIFY(!resim->isBusy());
}

// The worker's end is not the run's: until this thread has reported it, the resimulator is busy
// (what waitForReport() and the studio wait on). isBusy() read the watcher's isRunning(), which
// turns false on the worker's thread, before the report reaches this one.
void TestPolicyStudio::busyUntilTheRunIsReported()
{
    models::PolicyResimulator *resim = m_studio->resimulator();
    QTRY_VERIFY(!resim->isBusy()); // the run the studio asks for as it opens
    std::optional<bool> busyOnceTheWorkerEnded;
    QObject scope;
    // On this thread, as the run is handed to a worker: waiting for the worker here handles no
    // event, so the run's end is still queued when isBusy() is asked.
    connect(resim, &models::PolicyResimulator::workStarted, &scope,
            [&](const QString &title, QFuture<void> future) {
                if (busyOnceTheWorkerEnded || !title.startsWith(QStringLiteral("Re-simulating")))
                    return;
                future.waitForFinished();
                busyOnceTheWorkerEnded = resim->isBusy();
            });
    typeCondition(QStringLiteral("subject == 'node/b'"));
    const core::WhatIfReport report = waitForReport();
    QVERIFY(busyOnceTheWorkerEnded.has_value());
    QVERIFY(*busyOnceTheWorkerEnded);
    QCOMPARE(report.subjects.size(), 2);
    QVERIFY(!resim->isBusy());
}

// Once the claims scan has kept the timeline's attestation results (interned, each with its
// subject's number), an edit is decided over them without verifying: the report must be the one
// a verifying run gives (typingAConditionShowsDiagnosticsAndResimulates, which may run before).
void TestPolicyStudio::keptResultsAreResimulatedAsVerified()
{
    models::PolicyResimulator *resim = m_studio->resimulator();
    QTRY_VERIFY_WITH_TIMEOUT(!resim->claimExamples().isEmpty(), 20000);
    typeCondition(QStringLiteral("subject.startsWith('node/')"));
    core::WhatIfReport report = waitForReport();
    QCOMPARE(onlyChange(report), QStringLiteral("node/b +spiffe://lab.example/node/a -"));
    typeCondition(QStringLiteral("subject == 'node/z'"));
    report = waitForReport();
    QCOMPARE(onlyChange(report), QStringLiteral("node/a + -spiffe://lab.example/node/a"));
}

// The claims scan verifies the whole timeline on one of the studio's two threads. A new timeline
// (an import) makes it useless: it must stop where it is, not hold the thread and the CPU until
// it has verified everything. It is reported as long work, with progress.
void TestPolicyStudio::aNewTimelineCancelsTheOlderClaimsScan()
{
    // 40,000 records of node/c, whose token has no anchor: each one refused, cheaply, but
    // together far longer to scan than the two notifications below take.
    constexpr int added = 40000;
    QByteArray lines;
    for (int i = 0; i < added; ++i)
        lines += tests::joinTokenLine(m_now.addSecs(200 + i), QStringLiteral("c"));
    QVERIFY(tests::importBehind(*m_doc, lines));
    models::PolicyResimulator *resim = m_studio->resimulator();
    QList<QFuture<void>> scans;
    connect(resim, &models::PolicyResimulator::workStarted, this,
            [&scans](const QString &title, const QFuture<void> &future) {
                if (title.startsWith(QStringLiteral("Reading the evidence")))
                    scans << future;
            });
    m_doc->notifyEvidenceChanged();
    m_doc->notifyEvidenceChanged();
    QCOMPARE(resim->evidenceCount(), added + 2);
    QCOMPARE(scans.size(), 2);
    scans[0].waitForFinished();
    QVERIFY(scans[0].isCanceled());
    QVERIFY2(scans[0].progressValue() < added + 2,
             qPrintable(QStringLiteral("the cancelled scan went on to record %1")
                            .arg(scans[0].progressValue())));
    scans[1].waitForFinished();
    QVERIFY(!scans[1].isCanceled());
    QCOMPARE(scans[1].progressMaximum(), added + 2);
    QCOMPARE(scans[1].progressValue(), added + 2);
    // Its kept results serve the runs: node/c, refused throughout, changes nothing.
    QTRY_VERIFY(!resim->isBusy());
    typeCondition(QStringLiteral("subject.startsWith('node/')"));
    const core::WhatIfReport report = waitForReport();
    QCOMPARE(report.subjects.size(), 1);
    QCOMPARE(report.subjects.first().subject, QStringLiteral("node/b"));
}

void TestPolicyStudio::screenshot()
{
    typeCondition(QStringLiteral("subject.startsWith('node/') && nosuch"));
    typeCondition(QStringLiteral("subject.startsWith('node/')"));
    waitForReport();
    typeCondition(QStringLiteral("subject.startsWith('node/') && nosuch"));
    // Grabbed once the edit's run has been refused: grabbed at once, within the debounce, the
    // picture showed the previous edit's difference under a condition that does not compile.
    QTRY_VERIFY(m_studio->simulationStatus()->text().contains(QStringLiteral("nosuch")));
    QCOMPARE(m_studio->differenceTree()->topLevelItemCount(), 0);
    const QString dir = qEnvironmentVariable("TA_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set TA_SCREENSHOT_DIR to keep a screenshot");
    QVERIFY(m_studio->grab().save(dir + QStringLiteral("/policystudio.png")));
    m_studio->kindTabs()->setCurrentIndex(1);
    m_studio->addEntryAction()->trigger();
    QVERIFY(!m_studio->conditionEditor()->isVisible());
    QVERIFY(m_studio->entrySelectorsEdit()->isVisible());
    QVERIFY(m_studio->grab().save(dir + QStringLiteral("/policystudio-entries.png")));
}

QTEST_MAIN(TestPolicyStudio)
#include "tst_policystudio.moc"
