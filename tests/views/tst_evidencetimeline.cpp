// SPDX-License-Identifier: Apache-2.0
// The evidence timeline dock (issue 11), driven offscreen with QTest input: filters, a click or
// Enter moves the time bar, import by dialog and by drop, a bad file named by line, cancel.
#include "../models/AnchorSamples.h"
#include "../models/EvidenceRows.h"
#include "../models/OtherConnection.h"

#include "core/store/EvidenceTimelineQuery.h"
#include "models/Document.h"
#include "models/EvidenceImporter.h"
#include "models/EvidenceTimelineModel.h"
#include "views/EvidenceTimeline.h"
#include "views/TimelineBar.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDropEvent>
#include <QFileDialog>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace ta::core;
using ta::models::Document;
using ta::models::EvidenceImporter;
using ta::models::EvidenceTimelineModel;
using ta::views::EvidenceTimeline;
using Column = EvidenceTimelineModel::Column;

class TestEvidenceTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_samples = ta::tests::AnchorSamples::make(m_t0); }
    void init();
    void cleanup();
    void filtersByTypingAndChoosing();
    void clickOrEnterMovesTheInstant();
    void importsAGoodFileThroughTheDialog();
    void importsADroppedFile();
    void badFileNamesItsLineAndImportsNothing();
    void cancelImportsNothing();
    void screenshot();

private:
    qint64 recordCount()
    {
        EvidenceTimelineQuery q(m_other->database());
        return q.count({}).value();
    }
    QString writeFile(const QString &name, int records, int badLine = 0)
    {
        QByteArray content;
        for (int i = 1; i <= records; ++i) {
            if (i == badLine) {
                content += "{\"time\": \"not a time\"}\n";
                continue;
            }
            EvidenceRecord r;
            r.time = m_t0.addSecs(200 + i); // after the bulk records, within the token TTL
            r.attestor = QStringLiteral("join_token");
            r.subject = QStringLiteral("node/new-%1").arg(i);
            r.payload =
                QJsonObject{{QStringLiteral("token"), i == 1 ? m_samples.joinTokenClear
                                                             : QStringLiteral("other-%1").arg(i)}};
            content += r.toJsonLine() + '\n';
        }
        const QString path = m_dir->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(content);
        return path;
    }
    EvidenceTimelineModel *model() { return m_view->model(); }
    void waitIdle()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_importer->isBusy(), 20000);
        QTest::qWait(0);
    }

    ta::tests::AnchorSamples m_samples;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Document> m_doc;
    /// Writes records as an import by another program would (the document is read-only here).
    std::unique_ptr<ta::core::Workspace> m_other;
    EvidenceImporter *m_importer = nullptr;
    std::unique_ptr<EvidenceTimeline> m_view;
    const QDateTime m_t0 = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
};

void TestEvidenceTimeline::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::create(m_dir->filePath(QStringLiteral("t.atlas")), std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    m_other = ta::tests::otherConnection(*m_doc);
    m_doc->setClock([this] { return m_t0; });
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("example.org"), CaSettings{}));
    QVERIFY(m_doc->addAnchor(m_samples.joinToken));
    // 140 records: subjects node/0..6, attestors join_token and tpm alternating, one a second.
    QVERIFY(ta::tests::insertEvidence(m_other->database(), 140, m_t0,
                                      {QStringLiteral("join_token"), QStringLiteral("tpm")}));
    m_importer = new EvidenceImporter(m_doc.get(), m_doc.get());
    m_view = std::make_unique<EvidenceTimeline>(m_doc.get(), m_importer);
    m_view->resize(1100, 420);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    // The records' verdicts: the pass runs first (none of the bulk tokens is known).
    QVERIFY(m_importer->verify().isValid());
    waitIdle();
}

void TestEvidenceTimeline::cleanup()
{
    m_view.reset();
    m_other.reset();
    m_doc.reset();
    m_dir.reset();
}

void TestEvidenceTimeline::filtersByTypingAndChoosing()
{
    QCOMPARE(model()->rowCount(), 140);
    QVERIFY(m_view->statusText().contains(QStringLiteral("140")));
    QTest::keyClicks(m_view->subjectFilter(), QStringLiteral("node/3"));
    QTRY_COMPARE(model()->rowCount(), 20);
    for (int row = 0; row < 20; ++row)
        QCOMPARE(model()->index(row, int(Column::Subject)).data().toString(),
                 QStringLiteral("node/3"));

    // The attestor list holds the records' attestors: choose tpm by keyboard.
    QComboBox *attestor = m_view->attestorFilter();
    QCOMPARE(attestor->count(), 3);
    attestor->setFocus();
    QTest::keyClick(attestor, Qt::Key_End);
    QCOMPARE(attestor->currentText(), QStringLiteral("tpm"));
    QCOMPARE(model()->rowCount(), 10);

    // Every bulk record names an unknown token: all refused, none affirming.
    QComboBox *verdict = m_view->verdictFilter();
    verdict->setFocus();
    QTest::keyClick(verdict, Qt::Key_Down); // affirming
    QCOMPARE(model()->rowCount(), 0);
    QTest::keyClick(verdict, Qt::Key_Down); // warning
    QTest::keyClick(verdict, Qt::Key_Down); // refused
    QCOMPARE(model()->rowCount(), 10);
    QCOMPARE(model()->index(0, int(Column::Verdict)).data().toString(),
             EvidenceTimelineModel::verdictText(QStringLiteral("contraindicated")));

    // A time range: from the 100th second on.
    m_view->fromFilter()->setDateTime(m_t0.addSecs(100));
    QCOMPARE(model()->rowCount(), 3); // node/3 by tpm at seconds 101, 115 and 129
    m_view->subjectFilter()->clear();
    attestor->setCurrentIndex(0);
    verdict->setCurrentIndex(0);
    QTRY_COMPARE(model()->rowCount(), 40);
    m_view->toFilter()->setDateTime(m_t0.addSecs(109));
    QCOMPARE(model()->rowCount(), 10);
}

void TestEvidenceTimeline::clickOrEnterMovesTheInstant()
{
    ta::views::TimelineBar bar;
    QList<QDateTime> times;
    for (int i = 0; i < 140; ++i)
        times << m_t0.addSecs(i);
    bar.setTimeline(times);
    connect(m_view.get(), &EvidenceTimeline::instantRequested, &bar,
            &ta::views::TimelineBar::setInstant);
    QSignalSpy moved(&bar, &ta::views::TimelineBar::instantChanged);

    QTreeView *view = m_view->view();
    const QModelIndex row10 = model()->index(10, int(Column::Subject));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(row10).center());
    QCOMPARE(bar.instant(), m_t0.addSecs(10));
    QCOMPARE(moved.count(), 1);

    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_Down);
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(bar.instant(), m_t0.addSecs(12));

    // The other way: the bar's instant selects its record without moving the bar again.
    m_view->showInstant(m_t0.addSecs(77));
    QCOMPARE(view->currentIndex().row(), 77);
    QCOMPARE(bar.instant(), m_t0.addSecs(12));
}

void TestEvidenceTimeline::importsAGoodFileThroughTheDialog()
{
    const QString path = writeFile(QStringLiteral("good.jsonl"), 5);
    QTest::mouseClick(m_view->importButton(), Qt::LeftButton);
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_view->findChild<QFileDialog *>()));
    // Not modal in a nested loop: the test goes on while the dialog is open.
    QVERIFY(dialog->isVisible());
    dialog->selectFile(path);
    QMetaObject::invokeMethod(dialog, "accept");
    waitIdle();
    QTRY_COMPARE(model()->rowCount(), 145);
    QVERIFY2(m_view->statusText().contains(QStringLiteral("good.jsonl")),
             qPrintable(m_view->statusText()));
    // The import handed on to the pass: the first new record's token is the anchor's.
    QTRY_COMPARE(model()->index(140, 0).data(int(EvidenceTimelineModel::Role::Verdict)).toString(),
                 QStringLiteral("affirming"));
    QCOMPARE(m_view->attestorFilter()->count(), 3);
}

void TestEvidenceTimeline::importsADroppedFile()
{
    const QString path = writeFile(QStringLiteral("dropped.jsonl"), 3);
    auto *mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_view.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_view.get(), &drop);
    QVERIFY(drop.isAccepted());
    waitIdle();
    QTRY_COMPARE(model()->rowCount(), 143);
    QCOMPARE(recordCount(), 143);
    delete mime;
}

void TestEvidenceTimeline::badFileNamesItsLineAndImportsNothing()
{
    const QString path = writeFile(QStringLiteral("bad.jsonl"), 6, 4);
    m_view->importFiles({path});
    waitIdle();
    QTRY_VERIFY(m_view->statusText().contains(QStringLiteral("line 4")));
    QVERIFY(m_view->statusText().contains(QStringLiteral("bad.jsonl")));
    QCOMPARE(recordCount(), 140);
    QCOMPARE(model()->rowCount(), 140);
}

void TestEvidenceTimeline::cancelImportsNothing()
{
    const QString path = writeFile(QStringLiteral("big.jsonl"), 30000);
    m_view->importFiles({path});
    QVERIFY(m_importer->isBusy());
    QVERIFY(m_view->cancelButton()->isVisible());
    QVERIFY(m_view->progressBar()->isVisible());
    QTest::mouseClick(m_view->cancelButton(), Qt::LeftButton);
    waitIdle();
    QTRY_VERIFY(!m_view->cancelButton()->isVisible());
    QVERIFY2(m_view->statusText().contains(QStringLiteral("cancelled")),
             qPrintable(m_view->statusText()));
    QCOMPARE(recordCount(), 140);
    QCOMPARE(model()->rowCount(), 140);
}

void TestEvidenceTimeline::screenshot()
{
    // For a person to look at: TA_SCREENSHOT=path.png writes the dock as drawn.
    const QString out = qEnvironmentVariable("TA_SCREENSHOT");
    if (out.isEmpty())
        QSKIP("TA_SCREENSHOT not set");
    m_view->importFiles({writeFile(QStringLiteral("shot.jsonl"), 4)});
    waitIdle();
    QTRY_COMPARE(model()->rowCount(), 144);
    m_view->view()->scrollToBottom();
    QTest::qWait(100);
    QVERIFY(m_view->grab().save(out));
}

QTEST_MAIN(TestEvidenceTimeline)
#include "tst_evidencetimeline.moc"
