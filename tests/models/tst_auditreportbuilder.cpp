// SPDX-License-Identifier: Apache-2.0
// The audit report's replays: prepare() (the app's GUI thread) verifies nothing, and build()
// verifies each signature once for the graph and the simulation together, through the records
// and results its caller sets up (the app's document) or the ones it reads itself. Real demo
// workspace (SQLite, OpenSSL, Graphviz).
#include "core/attestation/lab/DemoWorkspace.h"
#include "core/simulation/ReplayResultCache.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/AttestationStore.h"
#include "core/store/Workspace.h"
#include "models/report/AuditReportBuilder.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ta;

class TestAuditReportBuilder : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QDateTime m_now;
    std::unique_ptr<core::Workspace> m_ws;
    QList<core::EvidenceRecord> m_records;

    static QByteArray errorOf(const core::Error &e) { return e.toString().toUtf8(); }

    // What two reports must agree on.
    static void compare(const models::AuditReport &a, const models::AuditReport &b)
    {
        QCOMPARE(a.records, b.records);
        QCOMPARE(a.simulated, b.simulated);
        QCOMPARE(a.summary.issued, b.summary.issued);
        QCOMPARE(a.summary.revoked, b.summary.revoked);
        QCOMPARE(a.outcomes.size(), b.outcomes.size());
        QCOMPARE(a.findings.size(), b.findings.size());
        for (qsizetype i = 0; i < a.findings.size(); ++i)
            QCOMPARE(a.findings.at(i).toJson(), b.findings.at(i).toJson());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        const QString path = m_dir.filePath(QStringLiteral("demo.atlas"));
        QVERIFY(core::DemoWorkspace::create(path, m_now).ok());
        auto ws = core::Workspace::open(path, {});
        QVERIFY(ws.ok());
        m_ws = std::move(*ws);
        core::AttestationStore store(m_ws->database());
        QVERIFY(store.forEachEvidence([&](const core::EvidenceRecord &r) { m_records << r; }).ok());
        QVERIFY(!m_records.isEmpty());
    }

    void eachSignatureIsVerifiedOnceAndNotInPrepare()
    {
        // The signatures of one pass over the timeline, for comparison.
        auto lone = core::TimelineReplay::fromWorkspace(*m_ws, {});
        QVERIFY(lone.ok());
        auto onePass = std::make_shared<core::TimelineReplay::SignatureWork>();
        lone->setSignatureWork(onePass);
        QVERIFY(lone->replay([](const core::AttestationResult &) {}).ok());
        QVERIFY(onePass->checks > 0);

        auto work = std::make_shared<core::TimelineReplay::SignatureWork>();
        auto cache = std::make_shared<core::ReplayResultCache>();
        int setUp = 0;
        models::AuditReportOptions options;
        options.at = m_now;
        options.generatedAt = m_now;
        options.replaySetup = [&](core::TimelineReplay &replay) {
            ++setUp;
            replay.setRecords(m_records);
            replay.setResultCache(cache);
            replay.setSignatureWork(work);
            return core::Result<void>();
        };
        auto builder = models::AuditReportBuilder::prepare(*m_ws, options);
        QVERIFY2(builder.ok(), builder.ok() ? "" : errorOf(builder.error()).constData());
        QCOMPARE(setUp, 2); // the graph's replay and the simulation's
        QCOMPARE(work->checks.load(), qint64(0));
        auto report = builder->build();
        QVERIFY2(report.ok(), report.ok() ? "" : errorOf(report.error()).constData());
        QCOMPARE(work->checks.load(), onePass->checks.load());
        QCOMPARE(cache->size(), size_t(m_records.size()));
        QVERIFY(report->simulated);
        QVERIFY(!report->findings.isEmpty());

        // Read by the builder itself: the same report.
        options.replaySetup = {};
        auto own = models::AuditReportBuilder::prepare(*m_ws, options);
        QVERIFY(own.ok());
        auto ownReport = own->build();
        QVERIFY(ownReport.ok());
        compare(*report, *ownReport);
    }

    void cancelledBuildSaysSo()
    {
        models::AuditReportOptions options;
        options.at = m_now;
        auto builder = models::AuditReportBuilder::prepare(*m_ws, options);
        QVERIFY(builder.ok());
        auto report = builder->build([] { return true; });
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, QStringLiteral("replay.cancelled"));
    }

    void aCancelDuringTheLayoutStopsIt()
    {
        models::AuditReportOptions options;
        options.at = m_now;
        auto builder = models::AuditReportBuilder::prepare(*m_ws, options);
        QVERIFY(builder.ok());
        using Step = models::AuditReportBuilder::Step;
        // Uncancelled: both steps, in order, and a picture.
        QList<Step> steps;
        auto whole = builder->build([] { return false; }, [&](Step s) { steps << s; });
        QVERIFY2(whole.ok(), whole.ok() ? "" : errorOf(whole.error()).constData());
        QCOMPARE(steps, (QList<Step>{Step::Replaying, Step::LayingOut}));
        QVERIFY(!whole->graphPng.isEmpty());
        // Cancelled once the layout has started, after every check of the replays and the
        // graph: only the layout can see it.
        bool layingOut = false;
        int askedWhileLayingOut = 0;
        auto report = builder->build(
            [&] {
                askedWhileLayingOut += layingOut ? 1 : 0;
                return layingOut;
            },
            [&](Step s) { layingOut = s == Step::LayingOut; });
        QVERIFY(!report.ok());
        QCOMPARE(report.error().code, QStringLiteral("replay.cancelled"));
        QCOMPARE(askedWhileLayingOut, 1); // at the layout's first stage: nothing laid out
    }
};

QTEST_GUILESS_MAIN(TestAuditReportBuilder)
#include "tst_auditreportbuilder.moc"
