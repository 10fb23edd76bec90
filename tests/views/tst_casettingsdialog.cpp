// SPDX-License-Identifier: Apache-2.0
// The CA settings dialog: lifetimes are one undoable step, the refresh hint is published at once
// and cannot be undone, and impossible values are refused as one types.
#include "core/store/StoreErrors.h"
#include "models/Document.h"
#include "views/CaSettingsDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ta::core;
using ta::models::Document;
using ta::views::CaSettingsDialog;

class TestCaSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void durationsReadForPeople_data();
    void durationsReadForPeople();
    void lifetimesAreOneUndoableStep();
    void refreshHintIsPublishedAndClearsHistory();
    void impossibleValuesRefused_data();
    void impossibleValuesRefused();
    void documentRefusesWhatTheDialogWould();

private:
    QSpinBox *spin(CaSettingsDialog &d, const char *name)
    {
        return d.findChild<QSpinBox *>(QString::fromLatin1(name));
    }
    QPushButton *ok(CaSettingsDialog &d)
    {
        return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    /// Types @p value into @p box as a user would: select all, type, leave.
    void type(QSpinBox *box, int value)
    {
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, QString::number(value));
        box->interpretText();
    }
    TrustDomainInfo info()
    {
        return m_doc->workspace().trustDomainInfo(u"prod.example"_qs).value();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Document> m_doc;
};

void TestCaSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::create(m_dir->filePath(QStringLiteral("c.atlas")), std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("prod.example"), CaSettings{}));
    m_doc->undoStack()->clear();
}

void TestCaSettingsDialog::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

void TestCaSettingsDialog::durationsReadForPeople_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << "0 s";
    QTest::newRow("seconds") << qint64(45) << "45 s";
    QTest::newRow("five minutes") << qint64(300) << "5 min";
    QTest::newRow("an hour and a half") << qint64(5400) << "1 h 30 min";
    QTest::newRow("thirty days") << qint64(30 * 86400) << "30 d";
    QTest::newRow("mixed") << qint64(86400 + 61) << "1 d 1 min 1 s";
}

void TestCaSettingsDialog::durationsReadForPeople()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(CaSettingsDialog::durationText(seconds), text);
}

void TestCaSettingsDialog::lifetimesAreOneUndoableStep()
{
    const TrustDomainInfo before = info();
    CaSettingsDialog dialog(m_doc.get(), QStringLiteral("prod.example"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(spin(dialog, "x509SvidTtl")->value(), int(before.settings.x509SvidTtl));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("hintWarning"))->isVisible());
    type(spin(dialog, "x509SvidTtl"), 900);
    type(spin(dialog, "jwtSvidTtl"), 120);
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("x509SvidTtlText"))->text(),
             QStringLiteral("15 min"));
    ok(dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(info().settings.x509SvidTtl, 900);
    QCOMPARE(info().settings.jwtSvidTtl, 120);
    // Nothing published changed.
    QCOMPARE(info().bundleSequence, before.bundleSequence);
    QCOMPARE(m_doc->undoStack()->count(), 1);
    QCOMPARE(m_doc->undoStack()->undoText(),
             QStringLiteral("Change the lifetimes of prod.example"));
    m_doc->undoStack()->undo();
    QCOMPARE(info().settings.x509SvidTtl, before.settings.x509SvidTtl);
    QCOMPARE(info().settings.jwtSvidTtl, before.settings.jwtSvidTtl);
    m_doc->undoStack()->redo();
    QCOMPARE(info().settings.x509SvidTtl, 900);
    // A new SVID is minted with the new TTL.
    X509IssueRequest request;
    request.trustDomain = QStringLiteral("prod.example");
    request.spiffeId = QStringLiteral("spiffe://prod.example/web");
    auto issued = m_doc->issueX509(request);
    QVERIFY(issued);
    const Certificate &leaf = issued->chain.first();
    // (notBefore is set a little in the past for clock skew; notAfter is now + TTL.)
    const qint64 ttl = m_doc->now().secsTo(leaf.notAfter());
    QVERIFY2(ttl > 890 && ttl <= 900, qPrintable(QString::number(ttl)));
}

void TestCaSettingsDialog::refreshHintIsPublishedAndClearsHistory()
{
    QVERIFY(m_doc->setCaLifetimes(QStringLiteral("prod.example"), [] {
        CaSettings s;
        s.x509SvidTtl = 600;
        return s;
    }()));
    QCOMPARE(m_doc->undoStack()->count(), 1);
    const TrustDomainInfo before = info();
    CaSettingsDialog dialog(m_doc.get(), QStringLiteral("prod.example"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    type(spin(dialog, "refreshHint"), 60);
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("hintWarning"))->isVisible());
    type(spin(dialog, "jwtSvidTtl"), 60);
    ok(dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(info().refreshHint, 60);
    QVERIFY(info().bundleSequence > before.bundleSequence);
    QCOMPARE(m_doc->workspace().bundle(u"prod.example"_qs)->refreshHint().value_or(0), 60);
    // The history before the hint is gone; the lifetimes' step after it stays.
    QCOMPARE(m_doc->undoStack()->count(), 1);
    m_doc->undoStack()->undo();
    QCOMPARE(info().settings.jwtSvidTtl, before.settings.jwtSvidTtl);
    QCOMPARE(info().refreshHint, 60);
}

void TestCaSettingsDialog::impossibleValuesRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("value");
    QTest::newRow("zero TTL") << "x509SvidTtl" << 0;
    QTest::newRow("zero hint") << "refreshHint" << 0;
    QTest::newRow("SVID outlives its authority") << "jwtSvidTtl" << 90 * 86400;
    QTest::newRow("authority shorter than an SVID") << "caTtl" << 60;
}

void TestCaSettingsDialog::impossibleValuesRefused()
{
    QFETCH(QString, field);
    QFETCH(int, value);
    const TrustDomainInfo before = info();
    CaSettingsDialog dialog(m_doc.get(), QStringLiteral("prod.example"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(ok(dialog)->isEnabled());
    type(spin(dialog, field.toLatin1().constData()), value);
    QVERIFY(!ok(dialog)->isEnabled());
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("feedback"))->text().isEmpty());
    dialog.accept();
    QCOMPARE(info().settings.x509SvidTtl, before.settings.x509SvidTtl);
    QCOMPARE(info().bundleSequence, before.bundleSequence);
}

void TestCaSettingsDialog::documentRefusesWhatTheDialogWould()
{
    CaSettings s;
    s.caTtl = 60;
    s.x509SvidTtl = 3600;
    auto r = m_doc->setCaLifetimes(QStringLiteral("prod.example"), s);
    QVERIFY(!r);
    QCOMPARE(r.error().code, QString::fromLatin1(ec::StoreBadCaSettings.code));
    QVERIFY(!m_doc->setRefreshHint(QStringLiteral("prod.example"), 0));
    QVERIFY(!m_doc->setCaLifetimes(QStringLiteral("nope.example"), CaSettings{}));
    QCOMPARE(m_doc->undoStack()->count(), 0);
}

QTEST_MAIN(TestCaSettingsDialog)
#include "tst_casettingsdialog.moc"
