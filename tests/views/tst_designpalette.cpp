// SPDX-License-Identifier: Apache-2.0
// Design on the canvas, the view side: the palette and the context menu open the addition
// dialogs (checked as one types, driven by the keyboard), dragging from one trust domain to
// another with Shift federates them (undoably), and Generate Evidence from the palette writes
// anchors and evidence.
#include "core/federation/FederationStore.h"
#include "core/graph/EstateLoader.h"
#include "core/graph/GraphBuilder.h"
#include "core/store/AttestationStore.h"
#include "models/DesignGenerator.h"
#include "models/DesignModel.h"
#include "models/Document.h"
#include "views/DesignDialog.h"
#include "views/DesignPalette.h"
#include "views/GenerateEvidenceDialog.h"
#include "views/GraphCanvas.h"
#include "views/GraphNodeItem.h"
#include "views/GraphView.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ta;
using namespace ta::core;
using ta::models::DesignGenerator;
using ta::models::DesignModel;
using ta::models::Document;
using ta::views::DesignDialog;
using ta::views::DesignPalette;
using ta::views::GraphCanvas;

namespace {

QAction *actionNamed(QWidget *w, const QString &name)
{
    for (QAction *a : w->actions()) {
        if (a->objectName() == name)
            return a;
    }
    return nullptr;
}

QStringList actionNames(QMenu *menu)
{
    QStringList out;
    for (QAction *a : menu->actions()) {
        if (!a->isSeparator())
            out << a->objectName();
    }
    return out;
}

} // namespace

class TestDesignPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void paletteAddsTrustDomainByKeyboard();
    void contextMenuFitsTheElement();
    void shiftDragFederates();
    void generateFromPalette();

private:
    /// Reads the estate through a fresh connection and draws it; waits for the layout.
    void redraw();
    QPoint viewportPosOf(const QString &id) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Document> m_doc;
    std::unique_ptr<DesignModel> m_model;
    std::unique_ptr<DesignGenerator> m_generator;
    std::unique_ptr<GraphCanvas> m_canvas;
    std::unique_ptr<DesignPalette> m_palette;
};

void TestDesignPalette::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("design.atlas"));
    auto ws = Workspace::create(m_path, std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    m_model = std::make_unique<DesignModel>(m_doc.get());
    m_generator = std::make_unique<DesignGenerator>(m_doc.get());
    m_canvas = std::make_unique<GraphCanvas>();
    m_canvas->resize(900, 600);
    m_canvas->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_canvas.get()));
    m_palette = std::make_unique<DesignPalette>(m_model.get(), m_generator.get(), m_canvas.get());
}

void TestDesignPalette::cleanup()
{
    m_palette.reset();
    m_canvas.reset();
    m_generator.reset();
    m_model.reset();
    m_doc.reset();
    m_dir.reset();
}

void TestDesignPalette::redraw()
{
    auto ws = Workspace::open(m_path, {});
    QVERIFY(ws);
    auto estate = EstateLoader::load(**ws);
    QVERIFY(estate);
    QSignalSpy drawn(m_canvas.get(), &GraphCanvas::drawn);
    m_canvas->setGraph(GraphBuilder::build(*estate));
    QVERIFY(drawn.count() == 1 || drawn.wait(60000));
    m_canvas->fitAll();
}

QPoint TestDesignPalette::viewportPosOf(const QString &id) const
{
    auto *item = m_canvas->nodeItem(id);
    if (!item)
        return {-1, -1};
    return m_canvas->view()->mapFromScene(item->mapToScene(item->nodeRect().center()));
}

void TestDesignPalette::paletteAddsTrustDomainByKeyboard()
{
    QAction *add = actionNamed(m_palette.get(), QStringLiteral("addTrustDomain"));
    QVERIFY(add);
    add->trigger();
    auto *dialog = qobject_cast<DesignDialog *>(m_palette->currentDialog());
    QVERIFY(dialog);
    QCOMPARE(dialog->kind(), DesignDialog::Kind::TrustDomain);
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("name"));
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTest::keyClicks(name, QStringLiteral("Not Valid"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(!dialog->feedback().isEmpty());
    name->clear();
    QTest::keyClicks(name, QStringLiteral("prod.example"));
    QVERIFY(ok->isEnabled());
    QTest::keyClick(name, Qt::Key_Return);
    QVERIFY(!dialog->isVisible());
    QVERIFY(m_model->design().trustDomains.contains(QStringLiteral("prod.example")));
    QVERIFY(m_doc->workspace().trustDomainNames().contains(QStringLiteral("prod.example")));
    m_doc->undoStack()->undo();
    QVERIFY(m_model->design().trustDomains.isEmpty());
    QVERIFY(m_doc->workspace().trustDomainNames().isEmpty());
}

void TestDesignPalette::contextMenuFitsTheElement()
{
    QVERIFY(m_model->addTrustDomain(QStringLiteral("prod.example")));
    QVERIFY(m_model->addPlatform(QStringLiteral("k8s:eu-1")));
    redraw();

    // On the platform: Add Node, with the platform preset in the dialog.
    std::unique_ptr<QMenu> menu(
        m_palette->contextMenuAt(viewportPosOf(QStringLiteral("platform/k8s:eu-1"))));
    QVERIFY2(actionNames(menu.get()).contains(QStringLiteral("addNode")),
             qPrintable(actionNames(menu.get()).join(',')));
    actionNamed(menu.get(), QStringLiteral("addNode"))->trigger();
    auto *dialog = qobject_cast<DesignDialog *>(m_palette->currentDialog());
    QVERIFY(dialog);
    QCOMPARE(dialog->kind(), DesignDialog::Kind::Node);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("k1"));
    QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("name")), Qt::Key_Return);
    QCOMPARE(m_model->design().nodes.size(), 1);
    QCOMPARE(m_model->design().nodes.at(0).platform, QStringLiteral("k8s:eu-1"));
    redraw();
    QCOMPARE(m_canvas->nodeItem(QStringLiteral("node/k1"))->status(), GraphStatus::Planned);

    // On the node: Add Workload, selectors checked as SPIRE writes them.
    menu.reset(m_palette->contextMenuAt(viewportPosOf(QStringLiteral("node/k1"))));
    QVERIFY(actionNames(menu.get()).contains(QStringLiteral("addWorkload")));
    QVERIFY(actionNames(menu.get()).contains(QStringLiteral("remove")));
    actionNamed(menu.get(), QStringLiteral("addWorkload"))->trigger();
    dialog = qobject_cast<DesignDialog *>(m_palette->currentDialog());
    QVERIFY(dialog);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("api"));
    auto *selectors = dialog->findChild<QPlainTextEdit *>(QStringLiteral("selectors"));
    selectors->setPlainText(QStringLiteral("k8s:ns:pay\nunix:uid:7"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog->feedback().contains(QStringLiteral("unix:uid:7")));
    selectors->setPlainText(QStringLiteral("k8s:ns:pay\nk8s:sa:api"));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(m_model->design().workloads.size(), 1);
    QCOMPARE(m_model->design().workloads.at(0).serviceAccount, QStringLiteral("api"));
    redraw();
    QVERIFY(m_canvas->nodeItem(QStringLiteral("workload/api")));

    // On the trust domain: a platform or federation; on empty space: a trust domain.
    menu.reset(m_palette->contextMenuAt(viewportPosOf(QStringLiteral("td/prod.example"))));
    QVERIFY(actionNames(menu.get()).contains(QStringLiteral("addPlatform")));
    QVERIFY(actionNames(menu.get()).contains(QStringLiteral("federate")));
    menu.reset(m_palette->contextMenuAt(QPoint(2, 2)));
    QVERIFY(actionNames(menu.get()).contains(QStringLiteral("addTrustDomain")));
    QVERIFY(actionNames(menu.get()).contains(QStringLiteral("generateEvidence")));

    // Remove from the node's menu: the node and its workload go, in one undo step.
    const int steps = m_doc->undoStack()->count();
    menu.reset(m_palette->contextMenuAt(viewportPosOf(QStringLiteral("node/k1"))));
    actionNamed(menu.get(), QStringLiteral("remove"))->trigger();
    QVERIFY(m_model->design().nodes.isEmpty());
    QVERIFY(m_model->design().workloads.isEmpty());
    QCOMPARE(m_doc->undoStack()->count(), steps + 1);
    m_doc->undoStack()->undo();
    QCOMPARE(m_model->design().workloads.size(), 1);
}

void TestDesignPalette::shiftDragFederates()
{
    QVERIFY(m_model->addTrustDomain(QStringLiteral("prod.example")));
    QVERIFY(m_model->addTrustDomain(QStringLiteral("partner.example")));
    redraw();
    QPoint from = viewportPosOf(QStringLiteral("td/prod.example"));
    QPoint to = viewportPosOf(QStringLiteral("td/partner.example"));
    QVERIFY(from != to);
    QWidget *viewport = m_canvas->view()->viewport();
    auto relationships = [&] {
        auto ws = Workspace::open(m_path, {});
        FederationStore store(**ws);
        QStringList out;
        const QList<FederationRelationship> all = store.relationships().value();
        for (const FederationRelationship &r : all)
            out << r.localTrustDomain.name() + QStringLiteral("->") + r.peerTrustDomain.name();
        return out;
    };

    // A plain drag moves the node (no federation).
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, from + QPoint(0, 40));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, from + QPoint(0, 40));
    QVERIFY(relationships().isEmpty());
    from = viewportPosOf(QStringLiteral("td/prod.example"));
    to = viewportPosOf(QStringLiteral("td/partner.example"));

    QSignalSpy notice(m_palette.get(), &DesignPalette::notice);
    QTest::mousePress(viewport, Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(viewport, (from + to) / 2);
    QTest::mouseMove(viewport, to);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ShiftModifier, to);
    QCOMPARE(relationships(), QStringList{QStringLiteral("prod.example->partner.example")});
    QCOMPARE(notice.count(), 1);
    m_doc->undoStack()->undo();
    QVERIFY(relationships().isEmpty());
    m_doc->undoStack()->redo();
    QCOMPARE(relationships().size(), 1);

    // Connect mode: no Shift needed; the other way makes the relationship mutual.
    m_palette->connectAction()->setChecked(true);
    QTest::mousePress(viewport, Qt::LeftButton, {}, to);
    QTest::mouseMove(viewport, from);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, from);
    QCOMPARE(relationships().size(), 2);
}

void TestDesignPalette::generateFromPalette()
{
    QVERIFY(m_model->addTrustDomain(QStringLiteral("prod.example")));
    QVERIFY(!m_palette->generateAction()->isEnabled()); // nothing to attest yet
    QVERIFY(m_model->addPlatform(QStringLiteral("tpm")));
    QVERIFY(m_model->addNode(QStringLiteral("t1"), QStringLiteral("tpm")));
    QVERIFY(m_palette->generateAction()->isEnabled());
    m_palette->generateAction()->trigger();
    auto *dialog = qobject_cast<views::GenerateEvidenceDialog *>(m_palette->currentDialog());
    QVERIFY(dialog);
    dialog->lengthHours()->setValue(4);
    dialog->intervalMinutes()->setValue(60);
    QSignalSpy done(m_generator.get(), &DesignGenerator::generated);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QVERIFY(done.wait(30000));
    auto ws = Workspace::open(m_path, {});
    AttestationStore store((*ws)->database());
    QVERIFY(*store.evidenceCount() > 0);
    QVERIFY(!store.anchors()->anchors().isEmpty());
    redraw();
    QCOMPARE(m_canvas->nodeItem(QStringLiteral("node/t1"))->status(), GraphStatus::Attested);
}

QTEST_MAIN(TestDesignPalette)
#include "tst_designpalette.moc"
