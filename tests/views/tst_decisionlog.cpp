// SPDX-License-Identifier: Apache-2.0
// The decision log driven offscreen: pick a subject, see every rule's verdict, the failing clause
// underlined in the rule's source, the missing selectors; activate a rule and see the policy
// studio select it; follow the graph's selection; and in the main window on the demo, both ways.
#include "../models/DecisionWorkspace.h"

#include "app/gui/MainWindow.h"
#include "app/gui/Settings.h"
#include "app/gui/WorkspaceController.h"
#include "core/graph/TopologyGraph.h"
#include "models/DecisionLogModel.h"
#include "views/DecisionLog.h"
#include "views/GraphCanvas.h"
#include "views/PolicyStudio.h"

#include <QComboBox>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTranslator>
#include <QTreeView>

using namespace ta;
using Model = ta::models::DecisionLogModel;
using ta::views::DecisionLog;

namespace {

QString shotPath(const QTemporaryDir &dir, const QString &name)
{
    const QString env = qEnvironmentVariable("TA_SCREENSHOT_DIR");
    return env.isEmpty() ? dir.filePath(name) : env + QLatin1Char('/') + name;
}

bool waitForReplay(DecisionLog &log)
{
    QSignalSpy spy(log.model(), &Model::replayed);
    while (log.model()->isBusy()) {
        if (!spy.wait(60000))
            return false;
    }
    return true;
}

/// The parts of the source view drawn with a wavy underline, in order.
QStringList underlined(const QTextEdit *edit)
{
    QStringList out;
    for (QTextBlock b = edit->document()->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.charFormat().underlineStyle() == QTextCharFormat::WaveUnderline)
                out << f.text();
        }
    }
    return out;
}

} // namespace

class TestDecisionLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void subjectShowsVerdictsAndUnderlinesTheFailingClause();
    void missingSelectorsAreUnderlined();
    void pickingASubjectInTheBox();
    void activatingARuleSelectsItInTheStudio();
    void followsTheGraphSelection();
    void screenshot();
    void demoWindowLinksCanvasLogAndStudio();
    void translated_data();
    void translated();

private:
    void selectRule(const QString &ruleId);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<models::Document> m_doc;
    std::unique_ptr<DecisionLog> m_log;
    QDateTime m_now = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
};

void TestDecisionLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_doc = tests::makeDecisionWorkspace(*m_dir, m_now);
    m_log = std::make_unique<DecisionLog>();
    m_log->resize(900, 560);
    m_log->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_log.get()));
    m_log->setDocument(m_doc.get());
    QVERIFY(waitForReplay(*m_log));
}

void TestDecisionLog::cleanup()
{
    m_log.reset();
    m_doc.reset();
    m_dir.reset();
}

void TestDecisionLog::selectRule(const QString &ruleId)
{
    const QModelIndex rule = m_log->model()->indexOfRule(ruleId);
    QVERIFY2(rule.isValid(), qPrintable(ruleId));
    m_log->tree()->setCurrentIndex(rule);
}

void TestDecisionLog::subjectShowsVerdictsAndUnderlinesTheFailingClause()
{
    // Before a subject is picked, the log says how to pick one; the instant is the timeline's end.
    QVERIFY(m_log->summaryLabel()->text().contains(QStringLiteral("graph")));
    QVERIFY2(m_log->headerLabel()->text().contains(QStringLiteral("2026-04-07 10:02:00")),
             qPrintable(m_log->headerLabel()->text()));
    QCOMPARE(m_log->subjectBox()->count(), 2);

    m_log->setSubject(QStringLiteral("node/a"));
    QCOMPARE(m_log->subjectBox()->currentText(), QStringLiteral("node/a"));
    // Two groups: the policies and the entries, every rule under them, expanded.
    QCOMPARE(m_log->model()->rowCount(), 2);
    QCOMPARE(m_log->model()->rowCount(m_log->model()->index(0, 0)), 2);
    QCOMPARE(m_log->model()->rowCount(m_log->model()->index(1, 0)), 2);
    QVERIFY(m_log->tree()->isExpanded(m_log->model()->index(0, 0)));
    const QString summary = m_log->summaryLabel()->text();
    QVERIFY2(summary.contains(QStringLiteral("Holds spiffe://lab.example/node/a")),
             qPrintable(summary));
    QVERIFY(summary.contains(QStringLiteral("attestation holds")));

    // The first rule that gives nothing is current: its source shows, the clause underlined.
    const QModelIndex current = m_log->tree()->currentIndex();
    QCOMPARE(current.data(Model::RuleIdRole).toString(), QStringLiteral("rule/policy/tpm-hosts"));
    QCOMPARE(m_log->sourceView()->toPlainText(),
             QStringLiteral("verdict == 'affirming' &&\n  node.platform == 'tpm'"));
    QCOMPARE(underlined(m_log->sourceView()),
             QStringList{QStringLiteral("node.platform == 'tpm'")});
    QVERIFY2(m_log->whyLabel()->text().contains(QStringLiteral("Not matched")),
             qPrintable(m_log->whyLabel()->text()));

    // The value row under it shows the same source.
    m_log->tree()->setCurrentIndex(m_log->model()->index(0, 0, current));
    QCOMPARE(underlined(m_log->sourceView()),
             QStringList{QStringLiteral("node.platform == 'tpm'")});

    // A grant that held underlines nothing.
    selectRule(QStringLiteral("rule/policy/node-a"));
    QVERIFY(underlined(m_log->sourceView()).isEmpty());
    QVERIFY(m_log->whyLabel()->text().contains(QStringLiteral("Granted")));
}

void TestDecisionLog::missingSelectorsAreUnderlined()
{
    m_log->setSubject(QStringLiteral("node/a"));
    selectRule(QStringLiteral("rule/entry/e-rack"));
    QVERIFY(m_log->sourceView()->toPlainText().contains(tests::joinTokenSelector("tok-a")));
    QCOMPARE(underlined(m_log->sourceView()), QStringList{QStringLiteral("custom:rack:7")});
    QVERIFY(m_log->whyLabel()->text().contains(QStringLiteral("custom:rack:7")));
}

void TestDecisionLog::pickingASubjectInTheBox()
{
    m_log->setSubject(QStringLiteral("node/a"));
    QComboBox *box = m_log->subjectBox();
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Down);
    QCOMPARE(box->currentText(), QStringLiteral("node/b"));
    QCOMPARE(m_log->model()->subject(), QStringLiteral("node/b"));
    QCOMPARE(m_log->model()
                 ->indexOfRule(QStringLiteral("rule/policy/node-a"))
                 .data(Model::OutcomeRole)
                 .toString(),
             QStringLiteral("not_matched"));
    // node-a fails on its only clause for node/b, which is now current and underlined.
    QVERIFY(m_log->summaryLabel()->text().contains(QStringLiteral("Holds no identity")));
    QCOMPARE(underlined(m_log->sourceView()), QStringList{QStringLiteral("subject == 'node/a'")});

    // An instant before node/b's first record: the log says so instead of guessing.
    m_log->setInstant(m_now.addSecs(90));
    QVERIFY(waitForReplay(*m_log));
    QVERIFY(m_log->headerLabel()->text().contains(QStringLiteral("10:01:30")));
    QVERIFY2(m_log->summaryLabel()->text().contains(QStringLiteral("no record")),
             qPrintable(m_log->summaryLabel()->text()));
    QCOMPARE(m_log->model()->rowCount(), 0);
}

void TestDecisionLog::activatingARuleSelectsItInTheStudio()
{
    views::PolicyStudio studio(m_doc.get());
    connect(m_log.get(), &DecisionLog::ruleActivated, &studio, &views::PolicyStudio::selectRule);
    QSignalSpy activated(m_log.get(), &DecisionLog::ruleActivated);
    m_log->setSubject(QStringLiteral("node/a"));
    QCOMPARE(studio.currentRow(), 0);

    selectRule(QStringLiteral("rule/policy/tpm-hosts"));
    m_log->tree()->setFocus();
    QTest::keyClick(m_log->tree(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.last().first().toString(), QStringLiteral("rule/policy/tpm-hosts"));
    QCOMPARE(studio.currentRow(), 1);
    QCOMPARE(studio.kindTabs()->currentIndex(), 0);

    // An entry: the studio turns to its entries tab.
    selectRule(QStringLiteral("rule/entry/e-rack"));
    QTest::keyClick(m_log->tree(), Qt::Key_Return);
    QCOMPARE(activated.last().first().toString(), QStringLiteral("rule/entry/e-rack"));
    QCOMPARE(studio.kindTabs()->currentIndex(), 1);
    QCOMPARE(studio.currentEntryRow(), 1);

    // A row under a rule (a value it read) activates its rule.
    const QModelIndex value = m_log->model()->index(
        0, 0, m_log->model()->indexOfRule(QStringLiteral("rule/policy/tpm-hosts")));
    m_log->tree()->setCurrentIndex(value);
    QTest::keyClick(m_log->tree(), Qt::Key_Return);
    QCOMPARE(activated.last().first().toString(), QStringLiteral("rule/policy/tpm-hosts"));
    QCOMPARE(studio.kindTabs()->currentIndex(), 0);
    QCOMPARE(studio.currentRow(), 1);
    QVERIFY(!studio.selectRule(QStringLiteral("rule/policy/nosuch")));
}

void TestDecisionLog::followsTheGraphSelection()
{
    core::TopologyGraph graph;
    const int a = graph.addNode({QStringLiteral("node/a"),
                                 core::NodeClass::Node,
                                 QStringLiteral("a"),
                                 core::GraphStatus::Attested,
                                 {},
                                 {}});
    graph.node(a).properties.insert(QStringLiteral("identities"),
                                    QJsonArray{QStringLiteral("spiffe://lab.example/node/a")});
    graph.addNode({QStringLiteral("node/b"),
                   core::NodeClass::Node,
                   QStringLiteral("b"),
                   core::GraphStatus::Attested,
                   {},
                   {}});
    graph.addNode({QStringLiteral("spiffe://lab.example/node/a"),
                   core::NodeClass::Identity,
                   QStringLiteral("node/a"),
                   core::GraphStatus::None,
                   {},
                   {}});
    graph.addNode({QStringLiteral("rule/policy/node-a"),
                   core::NodeClass::Rule,
                   QStringLiteral("node-a"),
                   core::GraphStatus::None,
                   {},
                   {}});

    QVERIFY(m_log->followGraphNode(graph, QStringLiteral("node/b")));
    QCOMPARE(m_log->model()->subject(), QStringLiteral("node/b"));
    // An identity: its holder becomes the subject, and its rows are in focus.
    QVERIFY(m_log->followGraphNode(graph, QStringLiteral("spiffe://lab.example/node/a")));
    QCOMPARE(m_log->model()->subject(), QStringLiteral("node/a"));
    QCOMPARE(m_log->model()->focusIdentity(), QStringLiteral("spiffe://lab.example/node/a"));
    QVERIFY(m_log->model()
                ->indexOfRule(QStringLiteral("rule/policy/node-a"))
                .data(Qt::FontRole)
                .value<QFont>()
                .bold());
    // A rule node (as the log itself selects on the canvas) leaves the subject alone.
    QVERIFY(!m_log->followGraphNode(graph, QStringLiteral("rule/policy/node-a")));
    QCOMPARE(m_log->model()->subject(), QStringLiteral("node/a"));
}

void TestDecisionLog::screenshot()
{
    m_log->setSubject(QStringLiteral("node/a"));
    QTest::qWait(50);
    const QString path = shotPath(*m_dir, QStringLiteral("decision-log.png"));
    QVERIFY(m_log->grab().save(path));
}

void TestDecisionLog::demoWindowLinksCanvasLogAndStudio()
{
    QTemporaryDir dir;
    app::Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    app::MainWindow window(settings, dataDir);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    DecisionLog *log = window.decisionLog();
    QVERIFY(log);
    // The View menu toggles the dock.
    auto *dock = qobject_cast<QDockWidget *>(log->parentWidget());
    QVERIFY(dock);
    bool inViewMenu = false;
    for (QAction *menu : window.menuBar()->actions())
        if (menu->menu() && menu->menu()->actions().contains(dock->toggleViewAction()))
            inViewMenu = true;
    QVERIFY(inViewMenu);
    QCOMPARE(dock->toggleViewAction()->text(), QStringLiteral("&Decision Log"));

    QVERIFY(window.controller()->openDemo(dataDir));
    views::GraphCanvas *canvas = window.graphCanvas();
    QVERIFY(canvas && window.policyStudio());
    QTRY_VERIFY_WITH_TIMEOUT(!canvas->graph().nodesOf(core::NodeClass::Workload).isEmpty(), 30000);
    QVERIFY(waitForReplay(*log));
    // A workload picked on the canvas becomes the log's subject.
    const QString workload =
        canvas->graph().node(canvas->graph().nodesOf(core::NodeClass::Workload).first()).id;
    QVERIFY(canvas->selectNode(workload));
    QCOMPARE(log->model()->subject(), workload);
    QVERIFY(log->model()->explanation().seen);
    QVERIFY(log->model()->rowCount() > 0);
    const QModelIndex policies = log->model()->index(0, 0);
    QVERIFY(log->model()->rowCount(policies) > 1);

    // Activating a policy row selects it in the studio and on the canvas; the studio comes into
    // view and the log stays in view beside it.
    dock->show();
    dock->raise();
    const QModelIndex rule = log->model()->index(1, 0, policies);
    const QString ruleId = rule.data(Model::RuleIdRole).toString();
    log->tree()->setCurrentIndex(rule);
    log->tree()->setFocus();
    QTest::keyClick(log->tree(), Qt::Key_Return);
    QCOMPARE(window.policyStudio()->currentRow(), 1);
    QCOMPARE(canvas->currentNodeId(), ruleId);
    QTRY_VERIFY(window.policyStudio()->isVisible());
    QVERIFY(log->isVisible());
    // ...and the rule on the canvas does not replace the subject.
    QCOMPARE(log->model()->subject(), workload);

    QTest::qWait(50);
    QVERIFY(dock->grab().save(shotPath(dir, QStringLiteral("decision-log-demo.png"))));
    QVERIFY(window.grab().save(shotPath(dir, QStringLiteral("decision-log-window.png"))));
}

void TestDecisionLog::translated_data()
{
    QTest::addColumn<QString>("qm");
    QTest::addColumn<QString>("menu");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("German") << ":/i18n/trustatlas_de.qm"
                            << "&Entscheidungsprotokoll"
                            << "Nicht zutreffend";
    QTest::newRow("French") << ":/i18n/trustatlas_fr.qm"
                            << "&Journal des décisions"
                            << "Non satisfaite";
}

void TestDecisionLog::translated()
{
    QFETCH(QString, qm);
    QFETCH(QString, menu);
    QFETCH(QString, verdict);
    QTranslator translator;
    QVERIFY(translator.load(qm));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QCOMPARE(QCoreApplication::translate("ta::app::MainWindow", "&Decision Log"), menu);
    // The log's rows speak the language too, built after the translator was installed.
    m_log->setSubject(QStringLiteral("node/b"));
    const QModelIndex rule = m_log->model()->indexOfRule(QStringLiteral("rule/policy/node-a"));
    QCOMPARE(rule.siblingAtColumn(Model::VerdictColumn).data().toString(), verdict);
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestDecisionLog)
#include "tst_decisionlog.moc"
