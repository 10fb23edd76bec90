// SPDX-License-Identifier: Apache-2.0
#include "core/spiffe/TrustBundle.h"
#include "models/Document.h"
#include "views/BundleView.h"

#include <QComboBox>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;
using ta::models::Document;
using ta::views::BundleView;

class TestBundleView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void nothingSelected();
    void jwksParsesBackAsTheBundle();
    void pemFormat();
    void followsRotationAndDeletion();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Document> m_doc;
};

void TestBundleView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto ws = Workspace::create(m_dir->filePath(QStringLiteral("b.atlas")), std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("prod.example"), CaSettings{}));
}

void TestBundleView::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

void TestBundleView::nothingSelected()
{
    BundleView view(m_doc.get());
    QVERIFY(view.text().isEmpty());
    QCOMPARE(view.summary(), QStringLiteral("No trust domain selected"));
    view.setTrustDomain(QStringLiteral("nope.example"));
    QVERIFY(view.text().isEmpty());
}

void TestBundleView::jwksParsesBackAsTheBundle()
{
    BundleView view(m_doc.get());
    view.setTrustDomain(QStringLiteral("prod.example"));
    const TrustDomain td = TrustDomain::fromName(u"prod.example").value();
    // What the view shows is a SPIFFE bundle an independent reader accepts, with the
    // authorities and sequence the workspace publishes.
    auto shown = TrustBundle::fromJwks(td, view.text().toUtf8());
    QVERIFY2(shown.ok(), qPrintable(view.text().left(200)));
    auto stored = m_doc->workspace().bundle(QStringLiteral("prod.example"));
    QCOMPARE(shown->sequence(), stored->sequence());
    QCOMPARE(shown->x509Authorities().size(), stored->x509Authorities().size());
    QCOMPARE(shown->jwtAuthorities().size(), stored->jwtAuthorities().size());
    QVERIFY(view.summary().startsWith(QStringLiteral("Sequence %1").arg(stored->sequence())));
}

void TestBundleView::pemFormat()
{
    BundleView view(m_doc.get());
    view.setTrustDomain(QStringLiteral("prod.example"));
    auto *format = view.findChild<QComboBox *>(QStringLiteral("bundleFormat"));
    format->setCurrentIndex(format->findData(int(BundleView::Format::Pem)));
    QVERIFY(view.text().startsWith(QStringLiteral("-----BEGIN CERTIFICATE-----")));
    auto pem = TrustBundle::fromPem(TrustDomain::fromName(u"prod.example").value(),
                                    view.text().toLatin1());
    QVERIFY(pem.ok());
    QCOMPARE(pem->x509Authorities().size(), 1);
}

void TestBundleView::followsRotationAndDeletion()
{
    BundleView view(m_doc.get());
    view.setTrustDomain(QStringLiteral("prod.example"));
    const QString before = view.text();
    QVERIFY(m_doc->prepareAuthority(QStringLiteral("prod.example"), AuthorityKind::X509));
    // The prepared authority is published at once, and the view shows it without being asked.
    QVERIFY(view.text() != before);
    auto shown =
        TrustBundle::fromJwks(TrustDomain::fromName(u"prod.example").value(), view.text().toUtf8());
    QCOMPARE(shown->x509Authorities().size(), 2);
    QVERIFY(m_doc->deleteTrustDomain(QStringLiteral("prod.example")));
    QVERIFY(view.text().isEmpty());
}

QTEST_MAIN(TestBundleView)
#include "tst_bundleview.moc"
