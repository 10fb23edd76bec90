// SPDX-License-Identifier: Apache-2.0
// The decision log's rows, with known answers on a hand-built workspace: a policy that grants, one
// whose condition fails on a known clause (the row names the clause and the value it read), a
// registration entry that matches and one that misses a selector (listed under it).
#include "DecisionWorkspace.h"

#include "models/DecisionLogModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ta;
using Model = ta::models::DecisionLogModel;

class TestDecisionLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void verdicts_data();
    void verdicts();
    void failingClauseNamesItsValues();
    void missingSelectorsAreListed();
    void instantBeforeTheEvidenceSeesNothing();
    void newRequestCancelsTheRunningReplay();
    void focusIdentityIsBold();
    void unsavedRulesAreExplained();
    void importedRecordsAreReplayed();
    void nextDocumentReadsTheKeptResults();

private:
    bool waitForReplay();
    QModelIndex rule(const QString &id) const { return m_model->indexOfRule(id); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<models::Document> m_doc;
    std::unique_ptr<Model> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QDateTime m_now = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
};

void TestDecisionLogModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_doc = tests::makeDecisionWorkspace(*m_dir, m_now);
    m_model = std::make_unique<Model>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setSubject(QStringLiteral("node/a"));
    m_model->setDocument(m_doc.get());
    QVERIFY(waitForReplay());
}

void TestDecisionLogModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_doc.reset();
    m_dir.reset();
}

bool TestDecisionLogModel::waitForReplay()
{
    QSignalSpy spy(m_model.get(), &Model::replayed);
    while (m_model->isBusy()) {
        if (!spy.wait(20000))
            return false;
    }
    return true;
}

void TestDecisionLogModel::verdicts_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<bool>("gives");
    QTest::addColumn<QString>("identity");
    QTest::newRow("grant holds") << "node/a"
                                 << "rule/policy/node-a"
                                 << "granted" << true << "spiffe://lab.example/node/a";
    QTest::newRow("grant for another") << "node/b"
                                       << "rule/policy/node-a"
                                       << "not_matched" << false << "spiffe://lab.example/node/a";
    QTest::newRow("condition fails") << "node/a"
                                     << "rule/policy/tpm-hosts"
                                     << "not_matched" << false << "spiffe://lab.example/tpm";
    QTest::newRow("entry matches") << "node/a"
                                   << "rule/entry/e-token"
                                   << "matched" << true << "spiffe://lab.example/host/a";
    QTest::newRow("entry misses a selector")
        << "node/a"
        << "rule/entry/e-rack"
        << "selectors_missing" << false << "spiffe://lab.example/rack/7";
    QTest::newRow("other token's entry")
        << "node/b"
        << "rule/entry/e-token"
        << "selectors_missing" << false << "spiffe://lab.example/host/a";
}

void TestDecisionLogModel::verdicts()
{
    QFETCH(QString, subject);
    QFETCH(QString, rule);
    QFETCH(QString, outcome);
    QFETCH(bool, gives);
    QFETCH(QString, identity);
    m_model->setSubject(subject);
    QVERIFY(m_model->explanation().seen);
    QCOMPARE(m_model->subjects(),
             (QStringList{QStringLiteral("node/a"), QStringLiteral("node/b")}));
    const QModelIndex r = this->rule(rule);
    QVERIFY2(r.isValid(), qPrintable(rule));
    QCOMPARE(r.data(Model::OutcomeRole).toString(), outcome);
    QCOMPARE(r.data(Model::GivesRole).toBool(), gives);
    QCOMPARE(r.siblingAtColumn(Model::IdentityColumn).data().toString(), identity);
    // The verdict is a word and an icon, never a colour alone.
    QVERIFY(!r.siblingAtColumn(Model::VerdictColumn).data().toString().isEmpty());
    QVERIFY(!r.siblingAtColumn(Model::VerdictColumn).data(Qt::DecorationRole).isNull());
    // The lifecycle agrees with what the rules give: node/a holds its policy identity.
    QCOMPARE(m_model->explanation().attested, true);
    if (subject == QLatin1String("node/a"))
        QCOMPARE(m_model->explanation().held,
                 QStringList{QStringLiteral("spiffe://lab.example/node/a")});
    else
        QVERIFY(m_model->explanation().held.isEmpty());
}

void TestDecisionLogModel::failingClauseNamesItsValues()
{
    const QModelIndex r = rule(QStringLiteral("rule/policy/tpm-hosts"));
    QVERIFY(r.isValid());
    QCOMPARE(r.data(Model::ClauseRole).toString(), QStringLiteral("node.platform == 'tpm'"));
    QCOMPARE(r.data(Model::ClauseLineRole).toInt(), 2);
    QCOMPARE(r.data(Model::ClauseColumnRole).toInt(), 3);
    QCOMPARE(r.data(Model::SourceRole).toString(),
             QStringLiteral("verdict == 'affirming' &&\n  node.platform == 'tpm'"));
    const QString why = r.siblingAtColumn(Model::DetailColumn).data().toString();
    QVERIFY2(why.contains(QStringLiteral("node.platform == 'tpm'")) &&
                 why.contains(QStringLiteral("false")),
             qPrintable(why));
    // Under it, the value the clause read.
    QCOMPARE(m_model->rowCount(r), 1);
    const QModelIndex value = m_model->index(0, 0, r);
    QCOMPARE(value.data().toString(), QStringLiteral("node.platform"));
    QCOMPARE(value.siblingAtColumn(Model::DetailColumn).data().toString(),
             QStringLiteral("\"join_token\""));
    QCOMPARE(value.data(Model::RuleIdRole).toString(), QStringLiteral("rule/policy/tpm-hosts"));
    // A grant that held has nothing to explain below it.
    QCOMPARE(m_model->rowCount(rule(QStringLiteral("rule/policy/node-a"))), 0);
}

void TestDecisionLogModel::missingSelectorsAreListed()
{
    const QModelIndex r = rule(QStringLiteral("rule/entry/e-rack"));
    QVERIFY(r.isValid());
    QCOMPARE(r.data(Model::MissingRole).toStringList(),
             QStringList{QStringLiteral("custom:rack:7")});
    QVERIFY(r.siblingAtColumn(Model::DetailColumn)
                .data()
                .toString()
                .contains(QStringLiteral("custom:rack:7")));
    QVERIFY(r.data(Model::SourceRole).toString().contains(QStringLiteral("custom:rack:7")));
    QCOMPARE(m_model->rowCount(r), 1);
    QCOMPARE(m_model->index(0, 0, r).data().toString(), QStringLiteral("custom:rack:7"));
    // The matching entry misses nothing.
    const QModelIndex token = rule(QStringLiteral("rule/entry/e-token"));
    QVERIFY(token.data(Model::MissingRole).toStringList().isEmpty());
    QCOMPARE(m_model->rowCount(token), 0);
}

void TestDecisionLogModel::instantBeforeTheEvidenceSeesNothing()
{
    // node/a attested at 10:01, node/b at 10:02: at 10:01:30 only node/a is known.
    m_model->setInstant(m_now.addSecs(90));
    QVERIFY(waitForReplay());
    QCOMPARE(m_model->explainedAt(), m_now.addSecs(90));
    QCOMPARE(m_model->subjects(), QStringList{QStringLiteral("node/a")});
    m_model->setSubject(QStringLiteral("node/b"));
    QVERIFY(!m_model->explanation().seen);
    QCOMPARE(m_model->rowCount(), 0);
    // Back to the end of the timeline.
    m_model->setInstant({});
    QVERIFY(waitForReplay());
    QVERIFY(m_model->explanation().seen);
    QCOMPARE(m_model->explainedAt(), m_now.addSecs(120));
}

void TestDecisionLogModel::newRequestCancelsTheRunningReplay()
{
    QSignalSpy replayed(m_model.get(), &Model::replayed);
    // Requests in one go start one replay.
    m_model->setInstant(m_now.addSecs(90));
    m_model->setInstant(m_now.addSecs(100));
    QVERIFY(m_model->isBusy());
    QVERIFY(!m_model->isReplaying());
    QTRY_VERIFY(m_model->isReplaying() || !replayed.isEmpty());
    // A request while a replay runs makes its answer stale: only the newest is answered.
    const bool caughtRunning = m_model->isReplaying();
    m_model->setInstant(m_now.addSecs(110));
    QVERIFY(waitForReplay());
    QCOMPARE(m_model->explainedAt(), m_now.addSecs(110));
    // Caught running, its answer is dropped; else it had been answered before the request.
    QCOMPARE(replayed.size(), caughtRunning ? 1 : 2);
    // A new document drops what the old one answered.
    m_model->setDocument(nullptr);
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_model->subjects().isEmpty());
    QTRY_VERIFY(!m_model->isBusy());
}

void TestDecisionLogModel::focusIdentityIsBold()
{
    const QModelIndex r = rule(QStringLiteral("rule/policy/node-a"));
    QVERIFY(r.data(Qt::FontRole).isNull());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setFocusIdentity(QStringLiteral("spiffe://lab.example/node/a"));
    QVERIFY(!changed.isEmpty());
    QVERIFY(r.data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(rule(QStringLiteral("rule/policy/tpm-hosts")).data(Qt::FontRole).isNull());
}

// The studio's unsaved edit: the log explains by the edited rules until they are dropped again,
// and says so; the saved rules come back unchanged.
void TestDecisionLogModel::unsavedRulesAreExplained()
{
    QCOMPARE(rule(QStringLiteral("rule/policy/node-a")).data(Model::OutcomeRole).toString(),
             QStringLiteral("granted"));
    QVERIFY(!m_model->explainsCandidate());
    core::Policy nodeA;
    nodeA.name = QStringLiteral("node-a");
    nodeA.effect = core::PolicyEffect::Grant;
    nodeA.trustDomain = QStringLiteral("lab.example");
    nodeA.spiffeIdTemplate = QStringLiteral("spiffe://lab.example/node/a");
    nodeA.condition = QStringLiteral("subject == 'node/b'");
    m_model->setCandidateRules(QList<core::Policy>{nodeA}, QList<core::RegistrationEntry>{});
    QVERIFY(m_model->explainsCandidate());
    QVERIFY(waitForReplay());
    const QModelIndex edited = rule(QStringLiteral("rule/policy/node-a"));
    QVERIFY(edited.isValid());
    QCOMPARE(edited.data(Model::OutcomeRole).toString(), QStringLiteral("not_matched"));
    QCOMPARE(edited.data(Model::SourceRole).toString(), QStringLiteral("subject == 'node/b'"));
    // Only the edited set: the other policy and the entries are not in it.
    QVERIFY(!rule(QStringLiteral("rule/policy/tpm-hosts")).isValid());
    QVERIFY(!rule(QStringLiteral("rule/entry/e-token")).isValid());
    QVERIFY(m_model->explanation().held.isEmpty());

    m_model->setCandidateRules(std::nullopt, std::nullopt);
    QVERIFY(!m_model->explainsCandidate());
    QVERIFY(waitForReplay());
    QCOMPARE(rule(QStringLiteral("rule/policy/node-a")).data(Model::OutcomeRole).toString(),
             QStringLiteral("granted"));
    QVERIFY(rule(QStringLiteral("rule/entry/e-token")).isValid());
    QCOMPARE(m_model->explanation().held,
             QStringList{QStringLiteral("spiffe://lab.example/node/a")});
}

// Records imported after the log was shown: it replays the new timeline by itself.
void TestDecisionLogModel::importedRecordsAreReplayed()
{
    QVERIFY(!m_model->subjects().contains(QStringLiteral("node/c")));
    QVERIFY(
        tests::importBehind(*m_doc, tests::joinTokenLine(m_now.addSecs(300), QStringLiteral("c"))));
    m_model->setInstant(m_now.addSecs(600));
    QVERIFY(waitForReplay());
    QVERIFY(!m_model->subjects().contains(QStringLiteral("node/c"))); // not told yet
    m_doc->notifyEvidenceChanged();
    QVERIFY(waitForReplay());
    QVERIFY(m_model->subjects().contains(QStringLiteral("node/c")));
}

// The document's replays keep the timeline's attestation results in the workspace, sealed under
// this user's key: a document opened on the file later reads them and verifies nothing, and its
// log says what the first one said.
void TestDecisionLogModel::nextDocumentReadsTheKeptResults()
{
    QCOMPARE(m_doc->keptResults().saved.load(), 1);
    QCOMPARE(m_doc->keptResults().loaded.load(), 0);
    auto ws = core::Workspace::open(m_doc->path(), QByteArray());
    QVERIFY(ws.ok());
    models::Document next(std::move(*ws));
    next.setClock([this] { return m_now; });
    Model log;
    log.setSubject(QStringLiteral("node/a"));
    log.setDocument(&next);
    QTRY_VERIFY_WITH_TIMEOUT(!log.isBusy(), 20000);
    QCOMPARE(next.keptResults().loaded.load(), 1);
    QCOMPARE(next.keptResults().saved.load(), 0);
    QCOMPARE(log.rowCount(), m_model->rowCount());
    for (const char *id : {"rule/policy/node-a", "rule/policy/tpm-hosts"}) {
        const QString rule = QString::fromLatin1(id);
        QCOMPARE(log.indexOfRule(rule).data(Model::OutcomeRole),
                 m_model->indexOfRule(rule).data(Model::OutcomeRole));
    }
    log.setDocument(nullptr);
}

QTEST_MAIN(TestDecisionLogModel)
#include "tst_decisionlogmodel.moc"
