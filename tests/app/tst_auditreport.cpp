// SPDX-License-Identifier: Apache-2.0
// File > Export Audit Report in the main window, offscreen: the menu entry, an export to an
// injected path (HTML and PDF) off the GUI thread, the studio's what-if in the report, and a
// failed export that leaves no file and says why, and a cancel during the rendering that leaves
// the old file.
#include "app/gui/AuditReportController.h"
#include "app/gui/MainWindow.h"
#include "app/gui/Settings.h"
#include "app/gui/TimelineController.h"
#include "app/gui/WorkspaceController.h"
#include "core/simulation/SimulationErrors.h"
#include "models/Document.h"
#include "models/PolicyDraft.h"
#include "models/WhatIfModel.h"
#include "models/report/AuditReportHtml.h"
#include "models/report/AuditReportWriter.h"
#include "views/PolicyStudio.h"
#include "views/TimelineBar.h"
#include "views/WhatIfView.h"

#include <QAction>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTranslator>
#include <QTreeView>
#include <QUndoStack>
#include <QXmlStreamReader>

using ta::app::AuditReportController;
using ta::app::MainWindow;
using ta::app::Settings;
using Format = ta::models::AuditReportWriter::Format;

class TestAuditReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_steps; // what the last export's stepStarted said

    QByteArray exportTo(const QString &name, Format format)
    {
        AuditReportController *report = m_window->auditReport();
        QSignalSpy done(report, &AuditReportController::exported);
        QSignalSpy failed(report, &AuditReportController::failed);
        QSignalSpy steps(report, &AuditReportController::stepStarted);
        const QString path = m_dir.filePath(name);
        if (!report->exportTo(path, format))
            return {};
        // Off the GUI thread: the call returns at once, the action waits for the worker.
        if (!report->isBusy() || report->exportAction()->isEnabled())
            return {};
        if (!done.wait(120000)) {
            qWarning() << failed;
            return {};
        }
        if (done.first().first().toString() != path || !report->exportAction()->isEnabled())
            return {};
        // Each long step was shown in the status bar, in order.
        m_steps.clear();
        for (const QList<QVariant> &step : steps)
            m_steps << step.first().toString();
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings.ini")));
        const QString dataDir = m_dir.filePath(QStringLiteral("data"));
        m_window = std::make_unique<MainWindow>(*m_settings, dataDir);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(!m_window->auditReport()->exportAction()->isEnabled());
        QVERIFY2(m_window->controller()->openDemo(dataDir),
                 qPrintable(m_window->controller()->lastError()));
        QVERIFY(m_window->auditReport()->exportAction()->isEnabled());
    }

    void fileMenuOffersTheExport()
    {
        QMenu *file = m_window->menuBar()->actions().first()->menu();
        QVERIFY(file);
        QVERIFY(file->actions().contains(m_window->auditReport()->exportAction()));
        // Above Quit, with a mnemonic like every entry.
        const QList<QAction *> actions = file->actions();
        QVERIFY(actions.indexOf(m_window->auditReport()->exportAction()) < actions.size() - 2);
        QVERIFY(m_window->auditReport()->exportAction()->text().contains(QLatin1Char('&')));
    }

    void exportsHtml()
    {
        const QByteArray html = exportTo(QStringLiteral("audit.html"), Format::Html);
        QVERIFY(!html.isEmpty());
        QXmlStreamReader xml(html);
        QStringList sections;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement &&
                xml.name() == QLatin1String("h2"))
                sections << xml.attributes().value(QLatin1String("id")).toString();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(sections,
                 (QStringList{QStringLiteral("trust-domains"), QStringLiteral("federation"),
                              QStringLiteral("findings"), QStringLiteral("policies"),
                              QStringLiteral("decisions"), QStringLiteral("graph")}));
        QVERIFY(html.contains("demo.atlas"));
        QVERIFY(html.contains("staging.example"));
        QVERIFY(html.contains("data:image/png;base64,"));
        QCOMPARE(m_steps, (QStringList{QStringLiteral("Audit report: replaying the evidence…"),
                                       QStringLiteral("Audit report: laying out the graph…"),
                                       QStringLiteral("Audit report: writing audit.html…")}));
    }

    void exportsPdf()
    {
        const QByteArray pdf = exportTo(QStringLiteral("audit.pdf"), Format::Pdf);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.size() > 50000);
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    }

    void studioWhatIfGoesIntoTheReport()
    {
        ta::core::WhatIfReport whatIf;
        ta::core::SubjectDifference d;
        d.subject = QStringLiteral("workload/<b>edited</b>");
        d.lost = {QStringLiteral("spiffe://prod.example/lost")};
        d.divergedAt = QDateTime::currentDateTimeUtc();
        whatIf.subjects << d;
        m_window->auditReport()->setWhatIf(whatIf);
        const QByteArray html = exportTo(QStringLiteral("whatif.html"), Format::Html);
        QVERIFY(html.contains("id=\"what-if\""));
        QVERIFY(html.contains("workload/&lt;b&gt;edited&lt;/b&gt;"));
        QVERIFY(html.contains("spiffe://prod.example/lost"));
    }

    // The what-if dock in the window: the studio's unsaved edit against the saved policies over
    // the demo's timeline; a divergence instant moves the time bar, and the report takes this
    // result instead of the studio's.
    void whatIfViewResultGoesIntoTheReport()
    {
        ta::views::WhatIfView *view = m_window->whatIfView();
        QVERIFY(view);
        ta::views::PolicyStudio *studio = m_window->policyStudio();
        QVERIFY(studio);
        QVERIFY(!studio->draft()->policies().isEmpty());
        QCOMPARE(view->candidateBox()->currentData().toInt(), ta::views::WhatIfView::unsavedEdit);
        // Without its first policy, some subjects lose identities.
        studio->setCurrentRow(0);
        studio->removeAction()->trigger();
        QSignalSpy ready(view, &ta::views::WhatIfView::reportReady);
        QVERIFY(view->run());
        QVERIFY(ready.wait(120000));
        QVERIFY(view->model()->rowCount() > 0);
        QVERIFY(view->model()->totals().lost > 0);
        // Activating the first row's divergence moves the window's time bar there.
        ta::views::TimelineBar *bar = m_window->timelineBar();
        QVERIFY(bar);
        QTRY_VERIFY_WITH_TIMEOUT(bar->timeline().size() > 1, 30000);
        const QModelIndex first = view->model()->index(0, ta::models::WhatIfModel::DivergedColumn);
        const QDateTime at = first.data(ta::models::WhatIfModel::DivergedAtRole).toDateTime();
        QVERIFY(at.isValid());
        bar->setInstant(bar->timeline().constLast());
        auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("whatIfDock"));
        QVERIFY(dock);
        dock->raise();
        QTRY_VERIFY(view->table()->isVisible());
        QTreeView *table = view->table();
        table->scrollTo(first);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(first).center());
        QVERIFY2(bar->instant() ==
                     std::clamp(at, bar->timeline().constFirst(), bar->timeline().constLast()),
                 qPrintable(at.toString(Qt::ISODate) + QLatin1Char(' ') +
                            bar->instant().toString(Qt::ISODate) + QLatin1Char(' ') +
                            bar->timeline().constLast().toString(Qt::ISODate)));
        QCOMPARE(m_window->timelineController()->instant(), bar->instant());
        const QByteArray html = exportTo(QStringLiteral("whatif-view.html"), Format::Html);
        QVERIFY(html.contains("id=\"what-if\""));
        QVERIFY(html.contains("The what-if view&apos;s comparison") ||
                html.contains("The what-if view&#39;s comparison") ||
                html.contains("The what-if view's comparison"));
        QVERIFY(html.contains(first.siblingAtColumn(0).data().toString().toUtf8()));
        // The studio's earlier what-if is no longer the report's.
        QVERIFY(!html.contains("workload/&lt;b&gt;edited&lt;/b&gt;"));
        m_window->controller()->document()->undoStack()->undo();
    }

    // The worker's end is not the export's: until this thread has shown the outcome, the
    // controller stays busy and starts no other export (a second one would take the watcher
    // over, and the first one's outcome would never be shown).
    void busyUntilTheOutcomeIsShown()
    {
        AuditReportController *report = m_window->auditReport();
        QSignalSpy done(report, &AuditReportController::exported);
        const QString first = m_dir.filePath(QStringLiteral("first.html"));
        const QString second = m_dir.filePath(QStringLiteral("second.html"));
        QVERIFY(report->exportTo(first, Format::Html));
        // No event is handled here: the worker ends, and its outcome waits in this thread's
        // queue. The report is renamed into place as the worker's last step.
        const QDeadlineTimer deadline(120000);
        while (!QFile::exists(first) && !deadline.hasExpired())
            QThread::msleep(10);
        QVERIFY(QFile::exists(first));
        QThread::msleep(500);
        QVERIFY(report->isBusy());
        QVERIFY(!report->exportAction()->isEnabled());
        QVERIFY(!report->exportTo(second, Format::Html));
        QVERIFY(done.wait(120000));
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.first().first().toString(), first);
        QVERIFY(!report->isBusy());
        QVERIFY(report->exportAction()->isEnabled());
        QVERIFY(!QFile::exists(second));
    }

    void failedExportLeavesNoFile()
    {
        AuditReportController *report = m_window->auditReport();
        QSignalSpy failed(report, &AuditReportController::failed);
        const QString path = m_dir.filePath(QStringLiteral("no/such/folder/audit.pdf"));
        QVERIFY(report->exportTo(path, Format::Pdf));
        QVERIFY(failed.wait(120000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("no/such/folder")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QDir(m_dir.filePath(QStringLiteral("no"))).exists());
        QVERIFY(report->exportAction()->isEnabled());
    }

    void cancelWritesNothing()
    {
        AuditReportController *report = m_window->auditReport();
        QSignalSpy failed(report, &AuditReportController::failed);
        const QString path = m_dir.filePath(QStringLiteral("cancelled.html"));
        QVERIFY(report->exportTo(path, Format::Html));
        report->cancel();
        QVERIFY(failed.wait(120000));
        QVERIFY(!QFile::exists(path));
    }

    // Cancelled while the PDF renders (the second question, before the rename): the old file
    // stays as it was and no temporary file is left beside it; cancelled before, nothing starts.
    void cancelWhileRenderingKeepsTheOldFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("audit.pdf"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the old report");
        old.close();
        ta::models::AuditReport report;
        report.workspaceName = QStringLiteral("w.atlas");
        for (int cancelAt : {1, 2}) {
            int asked = 0;
            const auto written = ta::models::AuditReportWriter::write(
                report, Format::Pdf, path, [&] { return ++asked >= cancelAt; });
            QVERIFY(!written);
            QCOMPARE(written.error().code, QString(ta::core::ec::ReplayCancelled));
            QCOMPARE(asked, cancelAt);
            QVERIFY(old.open(QIODevice::ReadOnly));
            QCOMPARE(old.readAll(), QByteArray("the old report"));
            old.close();
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                     QStringList{QStringLiteral("audit.pdf")});
        }
        // Not cancelled: written, after being asked twice.
        int asked = 0;
        QVERIFY(ta::models::AuditReportWriter::write(report, Format::Pdf, path, [&] {
            ++asked;
            return false;
        }));
        QCOMPARE(asked, 2);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QVERIFY(old.readAll().startsWith("%PDF-"));
    }

    void reportSpeaksTheUsersLanguage()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/trustatlas_de.qm")));
        QCoreApplication::installTranslator(&german);
        ta::models::AuditReport report;
        report.workspaceName = QStringLiteral("w.atlas");
        const QString html = ta::models::AuditReportHtml::toHtml(report);
        QCoreApplication::removeTranslator(&german);
        QVERIFY(html.contains(QStringLiteral("Vertrauensdomänen")));
        QVERIFY(html.contains(QStringLiteral("Prüfbericht: w.atlas")));
        QVERIFY(html.contains(QStringLiteral("Föderationsbeziehungen")));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(TestAuditReport)
#include "tst_auditreport.moc"
