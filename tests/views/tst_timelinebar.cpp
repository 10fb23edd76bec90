// SPDX-License-Identifier: Apache-2.0
// The time bar under the graph canvas, in the real window on the demo workspace: keyboard and
// slider move the cursor, the canvas's statuses follow the simulation's state at the instant,
// the events at the cursor are listed, play runs to the end and stops (issue 10, "Time").
#include "TimelineResults.h"

#include "app/gui/MainWindow.h"
#include "app/gui/Settings.h"
#include "app/gui/TimelineController.h"
#include "app/gui/WorkspaceController.h"
#include "core/attestation/lab/FederatedDemo.h"
#include "core/policy/Policy.h"
#include "core/simulation/RuleSet.h"
#include "core/simulation/SimulationRunStore.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/RuleStore.h"
#include "core/store/Workspace.h"
#include "models/Document.h"
#include "models/TimelineEventModel.h"
#include "views/GraphCanvas.h"
#include "views/GraphNodeItem.h"
#include "views/TimelineBar.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QTreeView>

using ta::app::MainWindow;
using ta::app::Settings;
using ta::app::TimelineController;
using ta::core::GraphStatus;
using ta::models::TimelineEventModel;
using ta::views::TimelineBar;

namespace {

const QString kNode = QStringLiteral("node/prod-eu-1");

// Screenshots go where TA_SCREENSHOT_DIR says, else into the test's own temporary folder.
QString shotPath(const QTemporaryDir &dir, const QString &name)
{
    const QString env = qEnvironmentVariable("TA_SCREENSHOT_DIR");
    return env.isEmpty() ? dir.filePath(name) : env + QLatin1Char('/') + name;
}

// Waits until the canvas is laid out and the controller shows the instant from @p source.
bool waitReady(MainWindow &window, TimelineController::Source source)
{
    ta::views::GraphCanvas *canvas = window.graphCanvas();
    if (!canvas)
        return false;
    if (canvas->nodeItems().isEmpty() || canvas->isLayoutRunning()) {
        QSignalSpy drawn(canvas, &ta::views::GraphCanvas::drawn);
        if (!drawn.wait(60000))
            return false;
    }
    TimelineController *timeline = window.timelineController();
    return QTest::qWaitFor([&] { return timeline->source() == source; }, 60000);
}

// Rows of the events list with this kind.
QList<int> rowsOfKind(const TimelineEventModel *model, const QString &kind)
{
    QList<int> out;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data(int(TimelineEventModel::Role::Kind)).toString() == kind)
            out << r;
    }
    return out;
}

QString cell(const TimelineEventModel *model, int row, TimelineEventModel::Column column)
{
    return model->index(row, int(column)).data().toString();
}

} // namespace

class TestTimelineBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keyboardAndSliderMoveTheCursor();
    void canvasStatusFollowsTheInstant();
    void eventsAtTheCursorAreListed();
    void playStepsForwardAndStopsAtTheEnd();
    void savedRunAnswersWithoutSimulating();
    void setInstantSlotAndSignal();
    void documentChangeCancelsTheSimulation();
    void emptyWorkspaceDisablesTheBar();
    void anchorEditRetiresTheSavedRun();
    void translatedIntoGermanAndFrench_data();
    void translatedIntoGermanAndFrench();

private:
    // A window on a copy of the demo (with a saved run when @p saveRun).
    /// Opens a copy of the demo. With @p holdResults, the timeline's attestation results are
    /// claimed in the document's cache before anything replays it, as if another view were
    /// computing them: every replay of the timeline then waits (m_heldKey releases them).
    void open(MainWindow &window, bool saveRun = false, bool holdResults = false);

    QTemporaryDir m_dir;
    QString m_demo;
    QString m_dataDir;
    QByteArray m_heldKey;
};

void TestTimelineBar::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dataDir = m_dir.filePath(QStringLiteral("data"));
    m_demo = m_dir.filePath(QStringLiteral("demo.atlas"));
    QVERIFY(ta::core::FederatedDemo::create(m_demo, QDateTime::currentDateTimeUtc()).ok());
}

void TestTimelineBar::open(MainWindow &window, bool saveRun, bool holdResults)
{
    static int copies = 0;
    const QString path = m_dir.filePath(QStringLiteral("copy%1.atlas").arg(++copies));
    QVERIFY(QFile::copy(m_demo, path));
    if (saveRun) {
        auto ws = ta::core::Workspace::open(path, {});
        QVERIFY(ws.ok());
        ta::core::RuleStore rules((*ws)->database());
        auto content = rules.load(ta::core::RuleKind::Policies, 0);
        QVERIFY(content.ok());
        auto policies = ta::core::Policy::listFromJson(*content);
        QVERIFY(policies.ok());
        auto set = ta::core::RuleSet::fromPolicies(*policies);
        QVERIFY(set.ok());
        auto replay =
            ta::core::TimelineReplay::fromWorkspace(**ws, ta::core::TimelineReplay::Options());
        QVERIFY(replay.ok());
        ta::core::SimulationRunStore store((*ws)->database());
        ta::core::SimulationRunStore::RuleSource source;
        auto inputs = store.currentInputs(source, ta::core::SimulationSettings());
        QVERIFY(inputs.ok());
        auto run = replay->simulate(*set, ta::core::SimulationSettings());
        QVERIFY(run.ok());
        QVERIFY(store.save(QStringLiteral("week"), *inputs, *run, QDateTime::currentDateTimeUtc())
                    .ok());
    }
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(window.controller()->open(path), qPrintable(window.controller()->lastError()));
    if (holdResults) {
        m_heldKey = ta::tests::holdTimelineResults(*window.controller()->document());
        QVERIFY(!m_heldKey.isEmpty());
    }
    QVERIFY(window.timelineBar());
    QVERIFY(window.timelineController());
    // The evidence is read once the window has drawn.
    QVERIFY(QTest::qWaitFor([&] { return !window.timelineBar()->timeline().isEmpty(); }, 10000));
}

void TestTimelineBar::keyboardAndSliderMoveTheCursor()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, m_dataDir);
    open(window);
    QVERIFY(waitReady(window, TimelineController::Source::Simulation));
    TimelineBar *bar = window.timelineBar();
    const QList<QDateTime> &times = bar->timeline();
    QVERIFY(times.size() > 100);
    // The cursor starts at the last record.
    QCOMPARE(bar->instant(), times.constLast());
    QVERIFY(bar->instantLabel()->text().contains(
        times.constLast().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    QVERIFY(!bar->stepForwardButton()->isEnabled());

    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy moved(bar, &TimelineBar::instantChanged);
    // Alt+Left: one record back, as the label says.
    QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(bar->instant(), times.at(times.size() - 2));
    QVERIFY(bar->instantLabel()->text().contains(
        QStringLiteral("%1 of %2").arg(times.size() - 1).arg(times.size())));
    QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(bar->instant(), times.at(times.size() - 3));
    // Alt+Right: one forward again.
    QTest::keyClick(&window, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(bar->instant(), times.at(times.size() - 2));
    // Alt+Home: the first record.
    QTest::keyClick(&window, Qt::Key_Home, Qt::AltModifier);
    QCOMPARE(bar->instant(), times.constFirst());
    QVERIFY(bar->instantLabel()->text().contains(QStringLiteral("record 1 of")));
    QVERIFY(!bar->stepBackButton()->isEnabled());

    // The slider, focused: Page Up moves an hour on, End to the last record.
    const QString before = bar->instantLabel()->text();
    bar->slider()->setFocus();
    QTest::keyClick(bar->slider(), Qt::Key_PageUp);
    QCOMPARE(bar->instant(), times.constFirst().addSecs(3600));
    QVERIFY(bar->instantLabel()->text() != before);
    QVERIFY(bar->instantLabel()->text().contains(
        times.constFirst().addSecs(3600).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    QTest::keyClick(bar->slider(), Qt::Key_End);
    QCOMPARE(bar->instant(), times.constLast());

    // Tab order: slider, step back, play, step forward, events.
    bar->slider()->setFocus();
    QWidget *next = bar->slider()->nextInFocusChain();
    while (next && next->focusPolicy() == Qt::NoFocus)
        next = next->nextInFocusChain();
    QCOMPARE(next, bar->stepBackButton());
}

void TestTimelineBar::canvasStatusFollowsTheInstant()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, m_dataDir);
    open(window);
    QVERIFY(waitReady(window, TimelineController::Source::Simulation));
    TimelineBar *bar = window.timelineBar();
    TimelineController *timeline = window.timelineController();
    ta::views::GraphNodeItem *node = window.graphCanvas()->nodeItem(kNode);
    QVERIFY(node);
    QHash<QString, QPointF> places;
    for (auto *n : window.graphCanvas()->nodeItems())
        places.insert(n->id(), n->pos());
    const QDateTime first = bar->timeline().constFirst();

    // Ten minutes after the first batch of evidence the node is attested; two hours later,
    // with no record since, its attestation has lapsed.
    QSignalSpy shown(timeline, &TimelineController::shown);
    bar->setInstant(first.addSecs(600));
    QVERIFY(shown.wait(5000));
    QCOMPARE(node->status(), GraphStatus::Attested);
    QCOMPARE(node->opacity(), 1.0);
    bar->setInstant(first.addSecs(2 * 3600));
    QVERIFY(shown.wait(5000));
    QCOMPARE(node->status(), GraphStatus::Stale);
    // The estate's newer issued credentials did not exist yet: drawn faint.
    int faint = 0;
    for (auto *n : window.graphCanvas()->nodeItems())
        faint += n->opacity() < 1.0 ? 1 : 0;
    QVERIFY(faint > 0);
    // Back after the next batch: attested again. Nothing moved and no layout ran.
    bar->setInstant(first.addSecs(4 * 3600 + 600));
    QVERIFY(shown.wait(5000));
    QCOMPARE(node->status(), GraphStatus::Attested);
    window.graphCanvas()->selectNode(kNode);
    QVERIFY(window.grab().toImage().save(shotPath(dir, QStringLiteral("timeline-bar.png"))));
    QVERIFY(!window.graphCanvas()->isLayoutRunning());
    for (auto *n : window.graphCanvas()->nodeItems())
        QCOMPARE(n->pos(), places.value(n->id()));
    QVERIFY(bar->stateText().contains(QStringLiteral("simulation")));
}

void TestTimelineBar::eventsAtTheCursorAreListed()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, m_dataDir);
    open(window);
    QVERIFY(waitReady(window, TimelineController::Source::Simulation));
    TimelineBar *bar = window.timelineBar();
    TimelineController *timeline = window.timelineController();
    const TimelineEventModel *model = timeline->eventModel();
    QCOMPARE(bar->eventList()->model(), model);
    QSignalSpy shown(timeline, &TimelineController::shown);

    // Record by record from the start: each step lists its evidence record, and the first
    // accepted node record issues a credential to that node.
    bar->toFirst();
    QVERIFY(shown.wait(5000));
    int issued = -1;
    for (int step = 0; step < 40 && issued < 0; ++step) {
        QVERIFY(!rowsOfKind(model, QStringLiteral("record")).isEmpty());
        const QList<int> rows = rowsOfKind(model, QStringLiteral("issued"));
        if (!rows.isEmpty())
            issued = rows.constFirst();
        else {
            bar->stepForward();
            QVERIFY(shown.wait(5000));
        }
    }
    QVERIFY(issued >= 0);
    const QString subject = cell(model, issued, TimelineEventModel::Column::Subject);
    QVERIFY(!subject.isEmpty());
    QVERIFY(cell(model, issued, TimelineEventModel::Column::Identity)
                .startsWith(QStringLiteral("spiffe://")));
    QCOMPARE(cell(model, issued, TimelineEventModel::Column::Event), QStringLiteral("issued"));
    // The record that caused it is listed with it.
    bool recordOfSubject = false;
    for (int r : rowsOfKind(model, QStringLiteral("record")))
        recordOfSubject =
            recordOfSubject || cell(model, r, TimelineEventModel::Column::Subject) == subject;
    QVERIFY(recordOfSubject);

    // An hour after the first batch the attestations lapse: the credentials are revoked with
    // the reason, listed at the cursor.
    bar->setInstant(bar->timeline().constFirst().addSecs(3600 + 600));
    QVERIFY(shown.wait(5000));
    const QList<int> revoked = rowsOfKind(model, QStringLiteral("revoked"));
    QVERIFY(!revoked.isEmpty());
    bool stale = false;
    for (int r : revoked)
        stale = stale || cell(model, r, TimelineEventModel::Column::Reason)
                             .contains(QStringLiteral("evidence_stale"));
    QVERIFY(stale);
}

void TestTimelineBar::playStepsForwardAndStopsAtTheEnd()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, m_dataDir);
    open(window);
    QVERIFY(waitReady(window, TimelineController::Source::Simulation));
    TimelineBar *bar = window.timelineBar();
    const QList<QDateTime> &times = bar->timeline();
    bar->setPlayInterval(20);
    bar->setInstant(times.at(times.size() - 5));
    QSignalSpy moved(bar, &TimelineBar::instantChanged);
    QSignalSpy playing(bar, &TimelineBar::playingChanged);
    QTest::mouseClick(bar->playButton(), Qt::LeftButton);
    QVERIFY(bar->isPlaying());
    QCOMPARE(bar->playButton()->text(), QStringLiteral("Pause"));
    QVERIFY(playing.wait(5000) || !bar->isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isPlaying(), 5000);
    // Four steps, one record each, then it stopped at the last record.
    QCOMPARE(moved.count(), 4);
    QCOMPARE(bar->instant(), times.constLast());
    QCOMPARE(playing.count(), 2);
    QCOMPARE(playing.at(1).at(0).toBool(), false);
    QCOMPARE(bar->playButton()->text(), QStringLiteral("Play"));

    // The keyboard plays from the start again when at the end, and pauses.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    bar->setPlayInterval(1000);
    QTest::keyClick(&window, Qt::Key_Space, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(bar->isPlaying());
    QCOMPARE(bar->instant(), times.constFirst());
    QTest::keyClick(&window, Qt::Key_Space, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!bar->isPlaying());
}

void TestTimelineBar::savedRunAnswersWithoutSimulating()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, m_dataDir);
    open(window, true);
    TimelineController *timeline = window.timelineController();
    QVERIFY(waitReady(window, TimelineController::Source::SavedRun));
    QVERIFY(!timeline->isSimulating());
    QCOMPARE(timeline->savedRunName(), QStringLiteral("week"));
    TimelineBar *bar = window.timelineBar();
    ta::views::GraphNodeItem *node = window.graphCanvas()->nodeItem(kNode);
    QVERIFY(node);
    QSignalSpy shown(timeline, &TimelineController::shown);
    const QDateTime first = bar->timeline().constFirst();
    bar->setInstant(first.addSecs(600));
    QVERIFY(shown.wait(5000));
    QCOMPARE(node->status(), GraphStatus::Attested);
    bar->setInstant(first.addSecs(3600 + 600));
    QVERIFY(shown.wait(5000));
    QCOMPARE(node->status(), GraphStatus::Stale);
    QVERIFY(bar->stateText().contains(QStringLiteral("week")));
    // However long that line, the bar does not widen the window past the canvas's share.
    QVERIFY2(bar->minimumSizeHint().width() < 700,
             qPrintable(QString::number(bar->minimumSizeHint().width())));
    QVERIFY(!rowsOfKind(timeline->eventModel(), QStringLiteral("revoked")).isEmpty());
}

// The slot and signal other views (the decision log, the evidence timeline) connect to.
void TestTimelineBar::setInstantSlotAndSignal()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, m_dataDir);
    open(window);
    TimelineController *timeline = window.timelineController();
    TimelineBar *bar = window.timelineBar();
    QSignalSpy changed(timeline, &TimelineController::instantChanged);
    const QDateTime at = bar->timeline().at(10);
    QMetaObject::invokeMethod(timeline, "setInstant", Q_ARG(QDateTime, at));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toDateTime(), at);
    QCOMPARE(timeline->instant(), at);
    // Outside the timeline: clamped to its ends.
    timeline->setInstant(bar->timeline().constFirst().addDays(-3));
    QCOMPARE(timeline->instant(), bar->timeline().constFirst());
    // The same instant again: no signal.
    timeline->setInstant(bar->timeline().constFirst());
    QCOMPARE(changed.count(), 2);
}

// Opening another workspace while the first one's simulation runs stops it; the new one gets
// its own. The first one is waiting for the timeline's results (held as if another view were
// verifying them): a wait ends on cancellation too.
void TestTimelineBar::documentChangeCancelsTheSimulation()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, m_dataDir);
    open(window, false, true);
    TimelineController *timeline = window.timelineController();
    QTRY_VERIFY(timeline->isSimulating());
    QSignalSpy finished(timeline, &TimelineController::simulationFinished);
    open(window, false, true);
    // The first run was cancelled and dropped, not reported.
    QCOMPARE(finished.count(), 0);
    QTRY_VERIFY(timeline->isSimulating());
    window.controller()->document()->replayResults()->release(m_heldKey);
    QVERIFY(waitReady(window, TimelineController::Source::Simulation));
    QCOMPARE(finished.count(), 1);
    QVERIFY(window.graphCanvas()->nodeItem(kNode));
}

// Regression: an anchor edit made the saved run stale, but the controller still took it as
// covering the timeline and never simulated, so the statuses fell back to the evidence.
void TestTimelineBar::anchorEditRetiresTheSavedRun()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, m_dataDir);
    open(window, true);
    TimelineController *timeline = window.timelineController();
    QVERIFY(waitReady(window, TimelineController::Source::SavedRun));
    QVERIFY(!timeline->isSimulating());
    ta::models::Document *document = window.controller()->document();
    auto anchors = document->anchors();
    QVERIFY(anchors.ok());
    QVERIFY(!anchors->referenceValues().isEmpty());
    QVERIFY(document->removeReferenceValue(anchors->referenceValues().first().id).ok());
    QVERIFY(waitReady(window, TimelineController::Source::Simulation));
    QVERIFY(timeline->savedRunName().isEmpty());
}

// A workspace without evidence has no timeline: the bar says so and offers nothing to press.
void TestTimelineBar::emptyWorkspaceDisablesTheBar()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(settings, m_dataDir);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString path = dir.filePath(QStringLiteral("empty.atlas"));
    QVERIFY(ta::core::Workspace::create(path, std::nullopt).ok());
    QVERIFY2(window.controller()->open(path), qPrintable(window.controller()->lastError()));
    TimelineBar *bar = window.timelineBar();
    QVERIFY(bar);
    QTest::qWait(50);
    QVERIFY(bar->timeline().isEmpty());
    QVERIFY(!bar->instant().isValid());
    QVERIFY(!bar->slider()->isEnabled());
    QVERIFY(!bar->playButton()->isEnabled());
    QVERIFY(!bar->stepBackButton()->isEnabled());
    QVERIFY(!bar->stepForwardButton()->isEnabled());
    QCOMPARE(bar->instantLabel()->text(), QStringLiteral("No evidence recorded"));
    QVERIFY(!window.timelineController()->isSimulating());
    QCOMPARE(window.timelineController()->eventModel()->rowCount(), 0);
    bar->play();
    QVERIFY(!bar->isPlaying());
}

void TestTimelineBar::translatedIntoGermanAndFrench_data()
{
    QTest::addColumn<QString>("qm");
    QTest::addColumn<QString>("play");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("revoked");
    QTest::newRow("de") << QStringLiteral(":/i18n/trustatlas_de.qm") << QStringLiteral("Abspielen")
                        << QStringLiteral("Zeit (UTC)") << QStringLiteral("widerrufen");
    QTest::newRow("fr") << QStringLiteral(":/i18n/trustatlas_fr.qm") << QStringLiteral("Lecture")
                        << QStringLiteral("Heure (UTC)") << QStringLiteral("révoqué");
}

void TestTimelineBar::translatedIntoGermanAndFrench()
{
    QFETCH(QString, qm);
    QTranslator translator;
    QVERIFY(translator.load(qm));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    TimelineBar bar;
    const QString play = bar.playButton()->text();
    TimelineEventModel model;
    const QString header = model.headerData(0, Qt::Horizontal).toString();
    const QString revoked = TimelineEventModel::kindText(QStringLiteral("revoked"));
    // The shortcuts stay the keys they were.
    const QKeySequence step = bar.stepForwardButton()->defaultAction()->shortcut();
    QCoreApplication::removeTranslator(&translator);
    QTEST(play, "play");
    QTEST(header, "header");
    QTEST(revoked, "revoked");
    QCOMPARE(step, QKeySequence(Qt::AltModifier | Qt::Key_Right));
}

QTEST_MAIN(TestTimelineBar)
#include "tst_timelinebar.moc"
