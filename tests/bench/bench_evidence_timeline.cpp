// SPDX-License-Identifier: Apache-2.0
// The evidence timeline over 1,000,000 records (issue 11): the time of one scroll step (a page
// down, redrawn) in the dock's view, of a jump with the scroll bar, and of the filters' counts.
// The workspace is filled with one bulk insert, not an import: the import is not measured here.
#include "BenchSupport.h"

#include "core/store/Database.h"
#include "core/store/EvidenceTimelineQuery.h"
#include "core/store/Workspace.h"
#include "models/Document.h"
#include "models/EvidenceTimelineModel.h"
#include "views/EvidenceTimeline.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTreeView>

#include <algorithm>

using namespace ta;

namespace {

const QDateTime kStart(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

// Records one a second, six attestors, a thousand subjects; every record has a result: one in
// ten refused, one in fifty a warning.
bool fill(core::Database &db, qint64 count)
{
    const QStringList attestors = {QStringLiteral("k8s_psat"),   QStringLiteral("tpm"),
                                   QStringLiteral("join_token"), QStringLiteral("aws_iid"),
                                   QStringLiteral("x509pop"),    QStringLiteral("cosign")};
    auto r = db.transaction([&]() -> core::Result<void> {
        auto rec =
            db.prepare(QStringLiteral("INSERT INTO evidence_records(id, time_ms, attestor, "
                                      "subject, record, source) VALUES (?, ?, ?, ?, ?, 'bench')"));
        auto res = db.prepare(QStringLiteral(
            "INSERT INTO evidence_results(record_id, verdict, reasons, selectors, anchors, "
            "anchors_sha256) VALUES (?, ?, ?, ?, 'anchor-1', 'bench')"));
        if (!rec || !res)
            return !rec ? rec.error() : res.error();
        for (qint64 i = 1; i <= count; ++i) {
            const qint64 ms = kStart.toMSecsSinceEpoch() + i * 1000;
            const QString attestor = attestors.at(int(i % attestors.size()));
            const QString subject = QStringLiteral("node/%1").arg(i % 1000);
            const QByteArray line =
                "{\"attestor\":\"" + attestor.toLatin1() +
                "\",\"payload\":{},"
                "\"subject\":\"" +
                subject.toLatin1() + "\",\"time\":\"" +
                QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate).toLatin1() +
                "\"}";
            rec->reset();
            rec->bind(1, i).bind(2, ms).bind(3, attestor).bind(4, subject).bind(5, line);
            if (auto e = rec->exec(); !e)
                return e;
            const bool refused = i % 10 == 0;
            const bool warning = !refused && i % 50 == 1;
            res->reset();
            res->bind(1, i)
                .bind(2, refused   ? QStringLiteral("contraindicated")
                         : warning ? QStringLiteral("warning")
                                   : QStringLiteral("affirming"))
                .bind(3, refused ? QStringLiteral("signature_invalid") : QStringLiteral(""))
                .bind(4, attestor + QStringLiteral(":cluster:prod,") + attestor +
                             QStringLiteral(":node:") + subject);
            if (auto e = res->exec(); !e)
                return e;
        }
        return {};
    });
    return bool(r);
}

struct Steps
{
    double meanMs = 0;
    double p95Ms = 0;
    double maxMs = 0;
};

// Moves the scroll bar by @p step (or to random places when @p jump) and redraws, @p n times.
Steps scroll(QTreeView *view, int n, bool jump)
{
    QScrollBar *bar = view->verticalScrollBar();
    QList<double> ms;
    quint32 seed = 12345;
    bar->setValue(0);
    view->viewport()->repaint();
    for (int i = 0; i < n; ++i) {
        QElapsedTimer t;
        t.start();
        if (jump) {
            seed = seed * 1664525u + 1013904223u;
            bar->setValue(int(qint64(seed % 1000000u) * bar->maximum() / 1000000));
        } else {
            bar->setValue(bar->value() + bar->pageStep());
        }
        // The scroll and the frame it draws (the view reads the rows it paints).
        view->viewport()->repaint();
        ms << double(t.nsecsElapsed()) / 1e6;
    }
    Steps s;
    if (ms.isEmpty())
        return s;
    for (double m : std::as_const(ms))
        s.meanMs += m;
    s.meanMs /= ms.size();
    std::sort(ms.begin(), ms.end());
    s.p95Ms = ms.at(int(ms.size() * 95 / 100));
    s.maxMs = ms.constLast();
    return s;
}

// The model alone: the data a step's rows need (every column, the verdict role), @p n steps of
// @p rows rows each from the top; ms per step.
double modelSteps(models::EvidenceTimelineModel *model, int n, int rows)
{
    QElapsedTimer t;
    t.start();
    qint64 sink = 0;
    for (int i = 0; i < n; ++i) {
        for (int row = i * rows; row < (i + 1) * rows && row < model->rowCount(); ++row) {
            for (int c = 0; c < model->columnCount(); ++c)
                sink += model->index(row, c).data().toString().size();
            sink += model->index(row, 3)
                        .data(int(models::EvidenceTimelineModel::Role::Verdict))
                        .toString()
                        .size();
        }
    }
    return sink > 0 ? double(t.nsecsElapsed()) / 1e6 / n : -1;
}

// The same view over an in-memory model of the same shape: what Qt's own drawing costs on this
// machine in this run, the floor under any model.
double baselineStep(int n)
{
    QStandardItemModel model(20000, 6);
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < 6; ++c)
            model.setItem(r, c, new QStandardItem(QStringLiteral("2026-01-01T00:00:%1Z").arg(r)));
    }
    QTreeView view;
    view.setRootIsDecorated(false);
    view.setUniformRowHeights(true);
    view.setAlternatingRowColors(true);
    view.setModel(&model);
    view.resize(1280, 560);
    view.show();
    QApplication::processEvents();
    return scroll(&view, n, false).meanMs;
}

double timedMs(const std::function<void()> &fn)
{
    QElapsedTimer t;
    t.start();
    fn();
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const qint64 records = quick ? 100000 : 1000000;
    const int steps = quick ? 100 : 400;

    QTemporaryDir dir;
    auto ws = core::Workspace::create(dir.filePath(QStringLiteral("bench.atlas")), std::nullopt);
    if (!ws)
        return 1;
    QElapsedTimer t;
    t.start();
    if (!fill((*ws)->database(), records))
        return 1;
    const double fillMs = double(t.nsecsElapsed()) / 1e6;
    models::Document document(std::move(*ws));

    double openMs = 0;
    std::unique_ptr<views::EvidenceTimeline> panel;
    openMs = timedMs([&] {
        panel = std::make_unique<views::EvidenceTimeline>(&document, nullptr);
        panel->resize(1280, 600);
        panel->show();
        // Exposed and laid out, as on screen: the first frame is part of opening.
        QApplication::processEvents();
        panel->view()->viewport()->repaint();
    });
    QTreeView *view = panel->view();
    models::EvidenceTimelineModel *model = panel->model();
    if (model->rowCount() != records)
        return 1;
    const Steps page = scroll(view, steps, false);
    const int pagesRead = model->pagesRead();
    const Steps jump = scroll(view, quick ? 20 : 50, true);
    const int rowsPerStep = view->verticalScrollBar()->pageStep();
    // From the top again, through pages not cached.
    model->refresh();
    const double modelMs = modelSteps(model, steps, rowsPerStep);

    core::EvidenceTimelineFilter refused;
    refused.verdict = core::EvidenceTimelineFilter::Verdict::Contraindicated;
    const double refusedCountMs = timedMs([&] { model->setFilter(refused); });
    const qint64 refusedRows = model->rowCount();
    const Steps refusedPage = scroll(view, steps / 4, false);
    core::EvidenceTimelineFilter subject;
    subject.subject = QStringLiteral("node/42");
    const double subjectCountMs = timedMs([&] { model->setFilter(subject); });
    const qint64 subjectRows = model->rowCount();
    const Steps subjectPage = scroll(view, steps / 4, false);
    core::EvidenceTimelineFilter range;
    range.from = kStart.addSecs(records / 2);
    range.to = kStart.addSecs(records / 2 + 3600);
    range.attestor = QStringLiteral("tpm");
    const double rangeCountMs = timedMs([&] { model->setFilter(range); });
    const qint64 rangeRows = model->rowCount();

    bench::emitLine({{QStringLiteral("case"), QStringLiteral("evidence_timeline_scroll_1m")},
                     {QStringLiteral("records"), records},
                     {QStringLiteral("viewport"), QStringLiteral("1280x600")},
                     {QStringLiteral("rows_per_page_step"), view->verticalScrollBar()->pageStep()},
                     {QStringLiteral("page_size"), models::EvidenceTimelineModel::kPageSize},
                     {QStringLiteral("fill_ms"), fillMs},
                     {QStringLiteral("open_ms"), openMs},
                     {QStringLiteral("steps"), steps},
                     {QStringLiteral("ms_per_scroll_step"), page.meanMs},
                     {QStringLiteral("ms_per_scroll_step_p95"), page.p95Ms},
                     {QStringLiteral("ms_per_scroll_step_max"), page.maxMs},
                     {QStringLiteral("pages_read_while_scrolling"), pagesRead},
                     {QStringLiteral("model_ms_per_scroll_step"), modelMs},
                     {QStringLiteral("baseline_in_memory_ms_per_scroll_step"), baselineStep(steps)},
                     {QStringLiteral("ms_per_jump"), jump.meanMs},
                     {QStringLiteral("ms_per_jump_max"), jump.maxMs},
                     {QStringLiteral("filter_refused_count_ms"), refusedCountMs},
                     {QStringLiteral("filter_refused_rows"), refusedRows},
                     {QStringLiteral("filter_refused_ms_per_scroll_step"), refusedPage.meanMs},
                     {QStringLiteral("filter_subject_count_ms"), subjectCountMs},
                     {QStringLiteral("filter_subject_rows"), subjectRows},
                     {QStringLiteral("filter_subject_ms_per_scroll_step"), subjectPage.meanMs},
                     {QStringLiteral("filter_range_attestor_count_ms"), rangeCountMs},
                     {QStringLiteral("filter_range_attestor_rows"), rangeRows},
                     {QStringLiteral("target_ms"), 16}});
    return 0;
}
