// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/lab/TopologyLab.h"
#include "core/store/AttestationStore.h"
#include "core/store/StoreErrors.h"
#include "core/store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

namespace {

LabTopology smallDesign()
{
    LabTopology t;
    t.trustDomains = {QStringLiteral("design.example")};
    t.agentTrustDomain = QStringLiteral("design.example");
    t.platforms = {QStringLiteral("k8s:eu-1"), QStringLiteral("tpm")};
    t.nodes = {{QStringLiteral("node/k1"), QStringLiteral("k8s:eu-1")},
               {QStringLiteral("node/t1"), QStringLiteral("tpm")}};
    LabTopology::Workload api;
    api.subject = QStringLiteral("workload/api");
    api.node = QStringLiteral("node/k1");
    api.ns = QStringLiteral("pay");
    api.serviceAccount = QStringLiteral("api");
    api.image = QStringLiteral("registry.example/pay/api");
    LabTopology::Workload pos;
    pos.subject = QStringLiteral("workload/pos");
    pos.node = QStringLiteral("node/t1");
    pos.uid = 4001;
    t.workloads = {api, pos};
    return t;
}

LabTimeline shortTimeline()
{
    LabTimeline l;
    l.start = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    l.span = 4 * 3600;
    l.interval = 1800;
    return l;
}

qint64 count(Database &db, const char *table)
{
    auto st = db.prepare(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)));
    return st && st->next() ? st->int64(0) : -1;
}

bool hasDesign(Database &db)
{
    auto st = db.prepare(QStringLiteral("SELECT COUNT(*) FROM meta WHERE key = 'design'"));
    return st && st->next() && st->int64(0) > 0;
}

} // namespace

/// TopologyLab::generateInto, the part of `lab generate` the app runs on a worker: one
/// transaction, so a cancel or a failure writes nothing.
class TestTopologyLab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nestedTransactionRollsBackWithOuter();
    void generateIntoWritesAnchorsEvidenceAndDesign();
    void cancelWritesNothing_data();
    void cancelWritesNothing();

private:
    std::unique_ptr<Workspace> makeWorkspace(const QString &path)
    {
        auto ws = Workspace::create(path, std::nullopt);
        if (!ws)
            return nullptr;
        auto td = TrustDomain::fromName(QStringLiteral("design.example"));
        CaSettings settings;
        settings.caTtl = 90 * 86400;
        if (!(*ws)->createTrustDomain(*td, settings,
                                      QDateTime(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC)))
            return nullptr;
        return std::move(*ws);
    }
    QTemporaryDir m_dir;
};

void TestTopologyLab::nestedTransactionRollsBackWithOuter()
{
    auto db = Database::openMemory();
    QVERIFY(db);
    QVERIFY(db->exec(QStringLiteral("CREATE TABLE t(x INTEGER)")));
    auto r = db->transaction([&]() -> Result<void> {
        if (auto inner = db->transaction(
                [&] { return db->exec(QStringLiteral("INSERT INTO t VALUES (1)")); });
            !inner)
            return inner;
        return makeError(ec::StoreCancelled);
    });
    QVERIFY(!r);
    QCOMPARE(count(*db, "t"), 0);
    // An inner failure rolls back the inner part only; the outer one goes on.
    QVERIFY(db->transaction([&]() -> Result<void> {
        (void)db->transaction([&]() -> Result<void> {
            (void)db->exec(QStringLiteral("INSERT INTO t VALUES (2)"));
            return makeError(ec::StoreCancelled);
        });
        return db->exec(QStringLiteral("INSERT INTO t VALUES (3)"));
    }));
    QCOMPARE(count(*db, "t"), 1);
}

void TestTopologyLab::generateIntoWritesAnchorsEvidenceAndDesign()
{
    auto ws = makeWorkspace(m_dir.filePath(QStringLiteral("ok.atlas")));
    QVERIFY(ws);
    auto ca = ws->authority(QStringLiteral("design.example"));
    QVERIFY(ca);
    // The worker's own connection, as the app uses it.
    auto db = Database::open(ws->path(), Database::Mode::OpenExisting);
    QVERIFY(db);
    qint64 lastDone = 0, lastTotal = 0;
    auto sum = TopologyLab::generateInto(*db, smallDesign(), shortTimeline(), *ca,
                                         [&](qint64 done, qint64 total) {
                                             lastDone = done;
                                             lastTotal = total;
                                             return true;
                                         });
    QVERIFY2(sum, sum ? "" : qPrintable(sum.error().code + sum.error().detail));
    QVERIFY(sum->records > 0);
    QCOMPARE(lastDone, lastTotal);
    AttestationStore store(ws->database());
    QCOMPARE(*store.evidenceCount(), sum->records);
    QVERIFY(!store.anchors()->anchors().isEmpty());
    QCOMPARE(TopologyLab::loadDesign(*ws), std::optional<LabTopology>(smallDesign()));
}

void TestTopologyLab::cancelWritesNothing_data()
{
    QTest::addColumn<double>("cancelAt");
    QTest::newRow("while making records") << 0.1;
    QTest::newRow("while storing them") << 0.75;
}

void TestTopologyLab::cancelWritesNothing()
{
    QFETCH(double, cancelAt);
    auto ws = makeWorkspace(m_dir.filePath(QStringLiteral("cancel-%1.atlas").arg(cancelAt)));
    QVERIFY(ws);
    auto ca = ws->authority(QStringLiteral("design.example"));
    QVERIFY(ca);
    LabTimeline l = shortTimeline();
    l.interval = 300; // enough records for several progress calls
    auto sum = TopologyLab::generateInto(
        ws->database(), smallDesign(), l, *ca,
        [&](qint64 done, qint64 total) { return double(done) < cancelAt * double(total); });
    QVERIFY(!sum);
    QCOMPARE(sum.error().code, QString(ec::StoreCancelled.code));
    QCOMPARE(count(ws->database(), "evidence_records"), 0);
    QVERIFY(ws->database().prepare(QStringLiteral("SELECT 1")));
    AttestationStore store(ws->database());
    QVERIFY(store.anchors()->anchors().isEmpty());
    QVERIFY(!hasDesign(ws->database()));
}

QTEST_GUILESS_MAIN(TestTopologyLab)
#include "tst_topologylab.moc"
