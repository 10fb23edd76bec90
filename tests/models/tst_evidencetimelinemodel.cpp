// SPDX-License-Identifier: Apache-2.0
// The evidence timeline's model (issue 11): time order, paging over many rows without loading
// them, filters in SQL, verdicts from the attestation pass, all-or-nothing imports.
#include "AnchorSamples.h"
#include "EvidenceRows.h"
#include "OtherConnection.h"

#include "core/attestation/AttestationErrors.h"
#include "core/attestation/EvidenceVerifier.h"
#include "core/simulation/EvidenceAttestationPass.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/AttestationStore.h"
#include "core/store/EvidenceTimelineQuery.h"
#include "core/store/StoreErrors.h"
#include "models/Document.h"
#include "models/EvidenceImporter.h"
#include "models/EvidenceTimelineModel.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;
using ta::models::Document;
using ta::models::EvidenceImporter;
using ta::models::EvidenceTimelineModel;
using Filter = ta::core::EvidenceTimelineFilter;
using Column = EvidenceTimelineModel::Column;

class TestEvidenceTimelineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_samples = ta::tests::AnchorSamples::make(m_t0); }
    void init();
    void cleanup();
    void pagesThroughManyRowsInTimeOrder();
    void jumpsFarAndBack();
    void filters_data();
    void filters();
    void verdictsComeFromTheAttestationPass();
    void importIsAllOrNothing_data();
    void importIsAllOrNothing();
    void cancelledImportLeavesNothing();
    void anchorEditDuringAPassVerifiesAgain();
    void passOutlivesAnotherWritersCommits();
    void passSharesTheDocumentsResults();
    void passOverOtherRecordsWritesNothing();

private:
    QString text(EvidenceTimelineModel &m, int row, Column c)
    {
        return m.index(row, int(c)).data().toString();
    }
    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(content);
        return path;
    }
    qint64 recordCount()
    {
        EvidenceTimelineQuery q(m_other->database());
        return q.count({}).value();
    }
    /// A replay over @p ws's stored records with their rows' digest, as the dock's pass gets one.
    static std::optional<TimelineReplay> storedRecordsReplay(Workspace &ws)
    {
        auto replay = TimelineReplay::fromWorkspace(ws, {});
        auto records = AttestationStore(ws.database()).readEvidence();
        if (!replay || !records)
            return std::nullopt;
        replay->setRecords(records->records, records->rowsDigest);
        return std::move(*replay);
    }
    /// A trust domain for agent IDs and the samples' join token anchor.
    void addJoinTokenAnchor()
    {
        QVERIFY(m_doc->createTrustDomain(QStringLiteral("example.org"), CaSettings{}));
        QVERIFY(m_doc->addAnchor(m_samples.joinToken));
    }
    QByteArray tokenLine(const QDateTime &at, const QString &subject)
    {
        EvidenceRecord r;
        r.time = at;
        r.attestor = QStringLiteral("join_token");
        r.subject = subject;
        r.payload = QJsonObject{{QStringLiteral("token"), m_samples.joinTokenClear}};
        return r.toJsonLine() + '\n';
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Document> m_doc;
    /// Writes records as an import by another program would (the document is read-only here).
    std::unique_ptr<ta::core::Workspace> m_other;
    ta::tests::AnchorSamples m_samples;
    const QDateTime m_t0 = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
};

void TestEvidenceTimelineModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::create(m_dir->filePath(QStringLiteral("t.atlas")), std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    m_other = ta::tests::otherConnection(*m_doc);
    m_doc->setClock([this] { return m_t0; });
}

void TestEvidenceTimelineModel::cleanup()
{
    m_other.reset();
    m_doc.reset();
    m_dir.reset();
}

void TestEvidenceTimelineModel::pagesThroughManyRowsInTimeOrder()
{
    const int n = 20000;
    QVERIFY(ta::tests::insertEvidence(m_other->database(), n, m_t0));
    EvidenceTimelineModel model(m_doc.get());
    QCOMPARE(model.rowCount(), n);
    // Counting read no page: the rows are read when asked for.
    QCOMPARE(model.pagesRead(), 0);
    QAbstractItemModelTester tester(&model);
    QDateTime previous;
    for (int row = 0; row < n; row += 97) {
        const QDateTime t =
            model.index(row, 0).data(int(EvidenceTimelineModel::Role::Time)).toDateTime();
        QCOMPARE(t, m_t0.addSecs(row));
        QVERIFY(!previous.isValid() || previous < t);
        previous = t;
    }
    QCOMPARE(text(model, n - 1, Column::Subject), QStringLiteral("node/%1").arg((n - 1) % 7));
    // Each page read once, by key after the one before.
    QCOMPARE(model.pagesRead(),
             (n + EvidenceTimelineModel::kPageSize - 1) / EvidenceTimelineModel::kPageSize);
    QCOMPARE(text(model, 0, Column::Verdict), EvidenceTimelineModel::verdictText({}));
}

void TestEvidenceTimelineModel::jumpsFarAndBack()
{
    const int n = 5000;
    QVERIFY(ta::tests::insertEvidence(m_other->database(), n, m_t0));
    EvidenceTimelineModel model(m_doc.get());
    QAbstractItemModelTester tester(&model);
    for (int row : {4999, 0, 2600, 1, 4000, 2599, 4999}) {
        QCOMPARE(model.record(row)->time, m_t0.addSecs(row));
    }
    // The cache stays bounded: reading every page evicts the first ones, which read again.
    for (int row = 0; row < n; row += EvidenceTimelineModel::kPageSize)
        QVERIFY(model.record(row));
    const int before = model.pagesRead();
    QVERIFY(model.record(0));
    QCOMPARE(model.pagesRead(), before + 1);
    QCOMPARE(model.rowAt(m_t0.addSecs(1234)), 1234);

    // Scrolling up from a jump reads each page by key from the one after it: one count only
    // (the tester may have read the first page already on the reset).
    model.refresh();
    const int read = model.pagesRead();
    const int counted = model.pagesCounted();
    const int last = (n - 1) / EvidenceTimelineModel::kPageSize;
    for (int page = last; page >= 0; --page) {
        const int row = page * EvidenceTimelineModel::kPageSize;
        QCOMPARE(model.record(row)->time, m_t0.addSecs(row));
    }
    QVERIFY(model.pagesRead() - read <= last + 1);
    QCOMPARE(model.pagesCounted() - counted, 1);
    QVERIFY(!model.record(n));
}

void TestEvidenceTimelineModel::filters_data()
{
    QTest::addColumn<Filter>("filter");
    QTest::addColumn<int>("expected");
    const QDateTime t0 = m_t0;
    auto f = [](auto set) {
        Filter x;
        set(x);
        return x;
    };
    QTest::newRow("none") << Filter{} << 700;
    QTest::newRow("subject part") << f([](Filter &x) { x.subject = QStringLiteral("node/3"); })
                                  << 100;
    QTest::newRow("subject matches none")
        << f([](Filter &x) { x.subject = QStringLiteral("pod/"); }) << 0;
    QTest::newRow("attestor") << f([](Filter &x) { x.attestor = QStringLiteral("tpm"); }) << 350;
    QTest::newRow("from") << f([&](Filter &x) { x.from = t0.addSecs(600); }) << 100;
    QTest::newRow("to (inclusive)") << f([&](Filter &x) { x.to = t0.addSecs(99); }) << 100;
    QTest::newRow("range") << f([&](Filter &x) {
        x.from = t0.addSecs(10);
        x.to = t0.addSecs(19);
    }) << 10;
    QTest::newRow("refused") << f([](Filter &x) { x.verdict = Filter::Verdict::Contraindicated; })
                             << 100;
    QTest::newRow("affirming") << f([](Filter &x) { x.verdict = Filter::Verdict::Affirming; })
                               << 200;
    QTest::newRow("warning") << f([](Filter &x) { x.verdict = Filter::Verdict::Warning; }) << 0;
    QTest::newRow("not verified") << f([](Filter &x) { x.verdict = Filter::Verdict::Unverified; })
                                  << 400;
    QTest::newRow("all at once") << f([&](Filter &x) {
        x.subject = QStringLiteral("node/1");
        x.attestor = QStringLiteral("tpm");
        x.verdict = Filter::Verdict::Affirming;
        x.to = t0.addSecs(299);
    }) << 15;
}

void TestEvidenceTimelineModel::filters()
{
    QFETCH(Filter, filter);
    QFETCH(int, expected);
    // 700 records: subjects node/0..6, attestors join_token and tpm alternating; the first 300
    // have results: 200 affirming (rows 0..199), 100 refused (rows 200..299).
    auto &db = m_other->database();
    QVERIFY(ta::tests::insertEvidence(db, 700, m_t0,
                                      {QStringLiteral("join_token"), QStringLiteral("tpm")}));
    EvidenceTimelineQuery query(db);
    auto rows = query.pageAt({}, 0, 300);
    QVERIFY(rows);
    QList<EvidenceResultRow> results;
    for (int i = 0; i < rows->size(); ++i) {
        EvidenceResultRow r;
        r.recordId = rows->at(i).id;
        r.verdict = i < 200 ? QStringLiteral("affirming") : QStringLiteral("contraindicated");
        if (i >= 200)
            r.reasons = {QStringLiteral("token_used")};
        r.selectors = {QStringLiteral("join_token:abc")};
        results << r;
    }
    auto added = query.addResults(results, QStringLiteral("x"));
    QVERIFY2(added, qPrintable(added ? QString() : added.error().toString()));

    EvidenceTimelineModel model(m_doc.get());
    QAbstractItemModelTester tester(&model);
    QCOMPARE(model.rowCount(), 700);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setFilter(filter);
    QCOMPARE(reset.count(), filter == Filter{} ? 0 : 1);
    QCOMPARE(model.rowCount(), expected);
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto r = model.record(row);
        QVERIFY(r);
        QVERIFY(r->subject.contains(filter.subject));
        QVERIFY(filter.attestor.isEmpty() || r->attestor == filter.attestor);
        QVERIFY(!filter.from.isValid() || r->time >= filter.from);
        QVERIFY(!filter.to.isValid() || r->time <= filter.to);
        if (row > 0)
            QVERIFY(model.record(row - 1)->time < r->time);
        if (filter.verdict == Filter::Verdict::Contraindicated) {
            QCOMPARE(text(model, row, Column::Verdict),
                     EvidenceTimelineModel::verdictText(QStringLiteral("contraindicated")));
            QCOMPARE(text(model, row, Column::Reasons), QStringLiteral("token_used"));
            QCOMPARE(text(model, row, Column::Selectors), QStringLiteral("join_token:abc"));
        }
    }
}

void TestEvidenceTimelineModel::verdictsComeFromTheAttestationPass()
{
    addJoinTokenAnchor();
    const QString path = writeFile(QStringLiteral("e.jsonl"),
                                   tokenLine(m_t0.addSecs(5), QStringLiteral("node/a")) +
                                       tokenLine(m_t0.addSecs(6), QStringLiteral("node/b")));
    EvidenceTimelineModel model(m_doc.get());
    QAbstractItemModelTester tester(&model);
    EvidenceImporter importer(m_doc.get());
    QSignalSpy imported(&importer, &EvidenceImporter::imported);
    QSignalSpy verified(&importer, &EvidenceImporter::verified);
    QSignalSpy failed(&importer, &EvidenceImporter::verifyFailed);
    QFuture<void> import = importer.importFile(path);
    QVERIFY(import.isValid());
    // The worker's end is not the import's: until this thread has handled its outcome (the
    // signal, the pass after it), the importer is busy and starts no other work (which would
    // take the watcher over, and the import's outcome would never be handled).
    import.waitForFinished();
    QVERIFY(importer.isBusy());
    QVERIFY(!importer.verify().isValid());
    QVERIFY(!importer.importFile(path).isValid());
    // The import hands on to the attestation pass.
    QVERIFY(verified.wait(20000) || !failed.isEmpty());
    QCOMPARE(failed.value(0).value(0).value<Error>().toString(), QString());
    QCOMPARE(imported.count(), 1);
    QCOMPARE(imported.at(0).at(1).toLongLong(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, int(Column::Verdict)).data(int(EvidenceTimelineModel::Role::Verdict)),
             QStringLiteral("affirming"));
    QVERIFY(text(model, 0, Column::Selectors).startsWith(QStringLiteral("join_token:")));
    // A join token is single-use: the second node presenting it is refused.
    QCOMPARE(model.index(1, int(Column::Verdict)).data(int(EvidenceTimelineModel::Role::Verdict)),
             QStringLiteral("contraindicated"));
    QCOMPARE(text(model, 1, Column::Reasons), QStringLiteral("token_used"));
    const QString anchorId =
        model.index(0, 0).data(int(EvidenceTimelineModel::Role::Anchors)).toStringList().value(0);
    model.setFilter([] {
        Filter f;
        f.verdict = Filter::Verdict::Contraindicated;
        return f;
    }());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(model, 0, Column::Subject), QStringLiteral("node/b"));

    // What the anchors panel reads: which records the token verified, and that it is used.
    EvidenceTimelineQuery query(m_other->database());
    model.setFilter({});
    QVERIFY(!anchorId.isEmpty());
    QCOMPARE(query.verifiedByCount(anchorId).value(), 1);
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(m_samples.joinTokenClear.toUtf8(), QCryptographicHash::Sha256)
            .toHex());
    QCOMPARE(query.usedJoinTokens().value(), QStringList{sha});

    // Removing the anchor makes the results stale; the pass runs again and refuses both.
    verified.clear();
    QVERIFY(m_doc->removeAnchor(anchorId));
    QVERIFY(verified.wait(20000));
    QCOMPARE(model.index(0, int(Column::Verdict)).data(int(EvidenceTimelineModel::Role::Verdict)),
             QStringLiteral("contraindicated"));
}

void TestEvidenceTimelineModel::importIsAllOrNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("line");
    EvidenceRecord r;
    r.time = m_t0;
    r.attestor = QStringLiteral("join_token");
    r.subject = QStringLiteral("node/a");
    r.payload = QJsonObject{{QStringLiteral("token"), QStringLiteral("x")}};
    const QByteArray good = r.toJsonLine() + '\n';
    QTest::newRow("bad JSON on line 3")
        << good + good + QByteArray("{not json\n") + good << QStringLiteral("evidence.bad_json")
        << QStringLiteral("line 3");
    r.time = m_t0.addSecs(-10);
    QTest::newRow("time going back on line 2")
        << good + r.toJsonLine() + '\n'
        << QStringLiteral("evidence.out_of_order") << QStringLiteral("line 2");
    r.time = m_t0;
    r.attestor = QStringLiteral("no_such_attestor");
    QTest::newRow("unknown attestor on line 4")
        << good + good + good + r.toJsonLine() + '\n'
        << QStringLiteral("evidence.unknown_attestor") << QStringLiteral("line 4");
    QTest::newRow("empty") << QByteArray("\n\n") << QStringLiteral("evidence.empty") << QString();
}

void TestEvidenceTimelineModel::importIsAllOrNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, code);
    QFETCH(QString, line);
    QVERIFY(ta::tests::insertEvidence(m_other->database(), 3, m_t0.addDays(-1)));
    EvidenceImporter importer(m_doc.get());
    QSignalSpy failed(&importer, &EvidenceImporter::importFailed);
    QSignalSpy imported(&importer, &EvidenceImporter::imported);
    QVERIFY(importer.importFile(writeFile(QStringLiteral("bad.jsonl"), content)).isValid());
    QVERIFY(failed.wait(10000));
    const Error error = failed.at(0).at(1).value<Error>();
    QCOMPARE(error.code, code);
    QVERIFY2(error.detail.contains(line), qPrintable(error.detail));
    QCOMPARE(imported.count(), 0);
    QCOMPARE(recordCount(), 3);
}

void TestEvidenceTimelineModel::cancelledImportLeavesNothing()
{
    QByteArray content;
    for (int i = 0; i < 20000; ++i) {
        EvidenceRecord r;
        r.time = m_t0.addSecs(i);
        r.attestor = QStringLiteral("join_token");
        r.subject = QStringLiteral("node/a");
        r.payload = QJsonObject{{QStringLiteral("token"), QStringLiteral("x%1").arg(i)}};
        content += r.toJsonLine() + '\n';
    }
    EvidenceImporter importer(m_doc.get());
    QSignalSpy failed(&importer, &EvidenceImporter::importFailed);
    QFuture<void> future = importer.importFile(writeFile(QStringLiteral("big.jsonl"), content));
    QVERIFY(future.isValid());
    QVERIFY(importer.isBusy());
    future.cancel();
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(1).value<Error>().code, QString(ec::StoreCancelled.code));
    QCOMPARE(recordCount(), 0);
    QVERIFY(!importer.isBusy());
}

void TestEvidenceTimelineModel::anchorEditDuringAPassVerifiesAgain()
{
    addJoinTokenAnchor();
    QVERIFY(ta::tests::insertEvidence(m_other->database(), 20000, m_t0));
    EvidenceImporter importer(m_doc.get());
    QVERIFY(importer.verify().isValid());
    // The pass now runs over the old anchors; the edit cancels it and a new one follows.
    QVERIFY(m_doc->addAnchor(m_samples.tpm));
    QTRY_VERIFY_WITH_TIMEOUT(!importer.isBusy() &&
                                 EvidenceAttestationPass::isCurrent(m_other->database()).value(),
                             60000);
}

// Another connection commits while the pass runs (the app keeps a replay's results, the user
// edits): the pass writes its next batch all the same and finishes. It used to hold its read open
// across batches, so the next batch's write failed at once (SQLITE_BUSY_SNAPSHOT) and the
// timeline was left with part of its verdicts.
void TestEvidenceTimelineModel::passOutlivesAnotherWritersCommits()
{
    const int n = 3 * 4096 + 10;
    addJoinTokenAnchor();
    QVERIFY(ta::tests::insertEvidence(m_other->database(), n, m_t0));
    auto pass = Workspace::open(m_doc->path(), {});
    QVERIFY(pass.ok());
    auto replay = storedRecordsReplay(**pass);
    QVERIFY(replay);
    int commits = 0;
    auto done =
        EvidenceAttestationPass::run((*pass)->database(), *replay, {}, [&](qint64 d, qint64 total) {
            if (d >= total)
                return;
            auto st = m_other->database().prepare(QStringLiteral(
                "INSERT OR REPLACE INTO meta(key, value) VALUES('other_writer', ?)"));
            QVERIFY(st.ok());
            st->bind(1, QByteArray::number(d));
            QVERIFY(st->exec().ok());
            ++commits;
        });
    QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(done.error().toString()));
    QCOMPARE(*done, qint64(n));
    QVERIFY(commits >= 2);
    QCOMPARE(EvidenceAttestationPass::isCurrent((*pass)->database()).value(), true);
}

// The pass replays through the document, as the views do: results one of them verified serve it.
// Forged in the document's shared results, they are what the timeline shows.
void TestEvidenceTimelineModel::passSharesTheDocumentsResults()
{
    addJoinTokenAnchor();
    const int n = 50;
    QVERIFY(ta::tests::insertEvidence(m_other->database(), n, m_t0));
    m_doc->notifyEvidenceChanged();
    // Set up as a view's: on a connection of its own, over the document's records and results.
    auto view = Workspace::open(m_doc->path(), {});
    QVERIFY(view.ok());
    auto replay = TimelineReplay::fromWorkspace(**view, {});
    QVERIFY(replay.ok());
    QVERIFY(m_doc->replayTimeline(*replay).ok());
    QVERIFY(replay->replay([](const AttestationResult &) {}).ok());
    const QByteArray key = replay->cacheKey();
    const auto kept = m_doc->replayResults()->find(key);
    QVERIFY(kept);
    QCOMPARE(kept->results.size(), size_t(n));
    std::vector<AttestationResult> forged = kept->results;
    for (AttestationResult &r : forged)
        r.refuse(QStringLiteral("forged"));
    m_doc->replayResults()->store(key, std::move(forged), kept->subjects);

    EvidenceImporter importer(m_doc.get());
    QSignalSpy verified(&importer, &EvidenceImporter::verified);
    QVERIFY(importer.verify().isValid());
    QVERIFY(verified.wait(30000));
    auto st = m_other->database().prepare(
        QStringLiteral("SELECT count(*) FROM evidence_results WHERE verdict = 'contraindicated' "
                       "AND reasons LIKE '%forged%'"));
    QVERIFY(st.ok() && st->next());
    QCOMPARE(st->int64(0), qint64(n));
}

// A replay of records that are not the workspace's rows (one was added since it was set up)
// writes nothing: each result would land on another record.
void TestEvidenceTimelineModel::passOverOtherRecordsWritesNothing()
{
    addJoinTokenAnchor();
    QVERIFY(ta::tests::insertEvidence(m_other->database(), 20, m_t0));
    auto pass = Workspace::open(m_doc->path(), {});
    QVERIFY(pass.ok());
    auto replay = storedRecordsReplay(**pass);
    QVERIFY(replay);
    QCOMPARE(EvidenceAttestationPass::run((*pass)->database(), *replay).value(), qint64(20));
    QVERIFY(ta::tests::insertEvidence(m_other->database(), 1, m_t0.addSecs(-60)));
    auto stale = EvidenceAttestationPass::run((*pass)->database(), *replay);
    QVERIFY(!stale);
    QCOMPARE(stale.error().code, QString(ec::StoreStaleRecords.code));
    // The results written before stay as they were; the new record has none.
    auto st = m_other->database().prepare(QStringLiteral("SELECT count(*) FROM evidence_results"));
    QVERIFY(st.ok() && st->next());
    QCOMPARE(st->int64(0), qint64(20));
    QCOMPARE(EvidenceAttestationPass::isCurrent((*pass)->database()).value(), false);
    // Records in memory, without their rows' digest, cannot be told to be the rows either.
    auto records = AttestationStore((*pass)->database()).readEvidence();
    QVERIFY(records.ok());
    replay->setRecords(records->records);
    QCOMPARE(EvidenceAttestationPass::run((*pass)->database(), *replay).error().code,
             QString(ec::StoreStaleRecords.code));
}

QTEST_GUILESS_MAIN(TestEvidenceTimelineModel)
#include "tst_evidencetimelinemodel.moc"
