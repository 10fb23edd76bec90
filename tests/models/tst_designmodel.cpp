// SPDX-License-Identifier: Apache-2.0
// Design on the canvas, the model side: each kind of addition and removal is one undo step that
// restores exactly the design recorded before; what the app records is a valid --topology file;
// Generate Evidence writes anchors and evidence on a worker, and a cancel writes nothing.
#include "../cli/CliRun.h"
#include "WorkspaceDump.h"

#include "core/attestation/lab/TopologyLab.h"
#include "core/federation/FederationStore.h"
#include "core/graph/EstateLoader.h"
#include "core/store/AttestationStore.h"
#include "core/store/StoreErrors.h"
#include "models/DesignGenerator.h"
#include "models/DesignModel.h"
#include "models/Document.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <functional>

using namespace ta::core;
using ta::models::DesignGenerator;
using ta::models::DesignModel;
using ta::models::Document;
using Kind = DesignModel::PlatformKind;

namespace {

const QDateTime kNow(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);

/// The design rows, the trust domains and the federation relationships, through a fresh
/// connection: what a user could observe of a design edit.
QStringList dumpDesign(const QString &path)
{
    QStringList out = ta::tests::dumpWorkspace(path).filter(QStringLiteral("td "));
    auto ws = Workspace::open(path, {});
    if (!ws)
        return {QStringLiteral("open failed")};
    auto st = (*ws)->database().prepare(
        QStringLiteral("SELECT key, value FROM meta WHERE key IN ('design', "
                       "'agent_trust_domain') ORDER BY key"));
    while (st && st->next())
        out << st->text(0) + QLatin1Char('=') + QString::fromUtf8(st->blob(1));
    FederationStore fed(**ws);
    const QList<FederationRelationship> relationships = fed.relationships().value();
    for (const FederationRelationship &r : relationships)
        out << QStringLiteral("fed %1->%2")
                   .arg(r.localTrustDomain.name(), r.peerTrustDomain.name());
    return out;
}

using Edit = std::function<Result<void>(DesignModel &)>;

} // namespace
Q_DECLARE_METATYPE(Edit)

class TestDesignModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void editUndoRedo_data();
    void editUndoRedo();
    void refusedEditsPushNothing_data();
    void refusedEditsPushNothing();
    void selectors_data();
    void selectors();
    void platformKeys_data();
    void platformKeys();
    void recordedDesignIsATopologyFile();
    void designRoundTripsThroughTheCli();
    void generateEvidence();
    void cancelWritesNothing();

private:
    /// A design with a trust domain, a peer, a cluster with a node and a workload, a TPM host.
    void baseDesign();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Document> m_doc;
    std::unique_ptr<DesignModel> m_model;
};

void TestDesignModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("design.atlas"));
    auto ws = Workspace::create(m_path, std::nullopt);
    QVERIFY(ws);
    m_doc = std::make_unique<Document>(std::move(*ws));
    m_doc->setClock([] { return kNow; });
    m_model = std::make_unique<DesignModel>(m_doc.get());
}

void TestDesignModel::cleanup()
{
    m_model.reset();
    m_doc.reset();
    m_dir.reset();
}

void TestDesignModel::baseDesign()
{
    QVERIFY(m_model->addTrustDomain(QStringLiteral("prod.example")));
    QVERIFY(m_model->addTrustDomain(QStringLiteral("partner.example")));
    QVERIFY(m_model->addPlatform(QStringLiteral("k8s:eu-1"), QStringLiteral("prod.example")));
    QVERIFY(m_model->addPlatform(QStringLiteral("tpm")));
    QVERIFY(m_model->addNode(QStringLiteral("k1"), QStringLiteral("k8s:eu-1")));
    QVERIFY(m_model->addNode(QStringLiteral("t1"), QStringLiteral("tpm")));
    QVERIFY(m_model->addWorkload(QStringLiteral("api"), QStringLiteral("node/k1"),
                                 {QStringLiteral("k8s:ns:pay"), QStringLiteral("k8s:sa:api"),
                                  QStringLiteral("k8s:container-image:reg.example/pay/api:v1")}));
    QVERIFY(m_model->addWorkload(QStringLiteral("pos"), QStringLiteral("node/t1"),
                                 {QStringLiteral("unix:uid:4001")}));
}

void TestDesignModel::editUndoRedo_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("expect");
    QTest::newRow("add trust domain")
        << Edit([](DesignModel &m) { return m.addTrustDomain(QStringLiteral("new.example")); })
        << QStringLiteral("new.example");
    QTest::newRow("remove trust domain") << Edit([](DesignModel &m) {
        return m.removeTrustDomain(QStringLiteral("partner.example"));
    }) << QString();
    QTest::newRow("add k8s platform")
        << Edit([](DesignModel &m) { return m.addPlatform(QStringLiteral("k8s:us-2")); })
        << QStringLiteral("platform/k8s:us-2");
    QTest::newRow("add aws platform")
        << Edit([](DesignModel &m) { return m.addPlatform(QStringLiteral("aws:123456789012")); })
        << QStringLiteral("platform/aws:123456789012");
    QTest::newRow("add gcp platform")
        << Edit([](DesignModel &m) { return m.addPlatform(QStringLiteral("gcp:lab-project")); })
        << QStringLiteral("platform/gcp:lab-project");
    QTest::newRow("remove platform with its node and workload")
        << Edit([](DesignModel &m) { return m.removePlatform(QStringLiteral("k8s:eu-1")); })
        << QString();
    QTest::newRow("add node") << Edit([](DesignModel &m) {
        return m.addNode(QStringLiteral("k2"), QStringLiteral("k8s:eu-1"));
    }) << QStringLiteral("node/k2");
    QTest::newRow("remove node with its workload")
        << Edit([](DesignModel &m) { return m.removeNode(QStringLiteral("node/k1")); })
        << QString();
    QTest::newRow("add workload") << Edit([](DesignModel &m) {
        return m.addWorkload(QStringLiteral("db"), QStringLiteral("node/t1"),
                             {QStringLiteral("unix:uid:1001"),
                              QStringLiteral("docker:image_id:reg.example/db@sha256:00")});
    }) << QStringLiteral("workload/db");
    QTest::newRow("remove workload")
        << Edit([](DesignModel &m) { return m.removeWorkload(QStringLiteral("workload/pos")); })
        << QString();
    QTest::newRow("federate one way") << Edit([](DesignModel &m) {
        return m.federate(QStringLiteral("prod.example"), QStringLiteral("partner.example"), false);
    }) << QStringLiteral("fed prod.example->partner.example");
    QTest::newRow("federate both ways") << Edit([](DesignModel &m) {
        return m.federate(QStringLiteral("prod.example"), QStringLiteral("partner.example"), true);
    }) << QStringLiteral("fed partner.example->prod.example");
}

void TestDesignModel::editUndoRedo()
{
    QFETCH(Edit, edit);
    QFETCH(QString, expect);
    baseDesign();
    const QStringList before = dumpDesign(m_path);
    const int steps = m_doc->undoStack()->count();
    QSignalSpy changed(m_model.get(), &DesignModel::designChanged);
    const ta::core::Result<void> r = edit(*m_model);
    QVERIFY2(r, r ? "" : qPrintable(r.error().toString()));
    QCOMPARE(m_doc->undoStack()->count(), steps + 1); // one undo step
    const QStringList after = dumpDesign(m_path);
    QVERIFY(after != before);
    if (!expect.isEmpty())
        QVERIFY2(after.join(QLatin1Char('\n')).contains(expect), qPrintable(after.join('\n')));
    const LabTopology edited = m_model->design();

    m_doc->undoStack()->undo();
    QCOMPARE(dumpDesign(m_path), before);
    m_doc->undoStack()->redo();
    QCOMPARE(dumpDesign(m_path), after);
    QCOMPARE(m_model->design(), edited);
    QVERIFY(!changed.isEmpty() || expect.startsWith(QLatin1String("fed ")));
}

void TestDesignModel::refusedEditsPushNothing_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::newRow("bad trust domain")
        << Edit([](DesignModel &m) { return m.addTrustDomain(QStringLiteral("Bad Name")); });
    QTest::newRow("trust domain twice")
        << Edit([](DesignModel &m) { return m.addTrustDomain(QStringLiteral("prod.example")); });
    QTest::newRow("platform twice")
        << Edit([](DesignModel &m) { return m.addPlatform(QStringLiteral("tpm")); });
    QTest::newRow("unknown platform kind")
        << Edit([](DesignModel &m) { return m.addPlatform(QStringLiteral("azure:x")); });
    QTest::newRow("node on no platform") << Edit(
        [](DesignModel &m) { return m.addNode(QStringLiteral("x"), QStringLiteral("k8s:nope")); });
    QTest::newRow("node name not a path segment") << Edit(
        [](DesignModel &m) { return m.addNode(QStringLiteral("a/b"), QStringLiteral("tpm")); });
    QTest::newRow("node twice") << Edit(
        [](DesignModel &m) { return m.addNode(QStringLiteral("k1"), QStringLiteral("tpm")); });
    QTest::newRow("k8s workload without service account") << Edit([](DesignModel &m) {
        return m.addWorkload(QStringLiteral("w"), QStringLiteral("node/k1"),
                             {QStringLiteral("k8s:ns:pay")});
    });
    QTest::newRow("unix selector on a k8s node") << Edit([](DesignModel &m) {
        return m.addWorkload(QStringLiteral("w"), QStringLiteral("node/k1"),
                             {QStringLiteral("unix:uid:1")});
    });
    QTest::newRow("platform trust domain holding platforms")
        << Edit([](DesignModel &m) { return m.removeTrustDomain(QStringLiteral("prod.example")); });
    QTest::newRow("federate with itself") << Edit([](DesignModel &m) {
        return m.federate(QStringLiteral("prod.example"), QStringLiteral("prod.example"), true);
    });
    QTest::newRow("federate with a stranger") << Edit([](DesignModel &m) {
        return m.federate(QStringLiteral("prod.example"), QStringLiteral("nowhere.example"), false);
    });
}

void TestDesignModel::refusedEditsPushNothing()
{
    QFETCH(Edit, edit);
    baseDesign();
    const QStringList before = dumpDesign(m_path);
    const int steps = m_doc->undoStack()->count();
    QVERIFY(!edit(*m_model));
    QCOMPARE(m_doc->undoStack()->count(), steps);
    QCOMPARE(dumpDesign(m_path), before);
}

void TestDesignModel::selectors_data()
{
    QTest::addColumn<bool>("kubernetes");
    QTest::addColumn<QStringList>("selectors");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("image");
    QTest::newRow("k8s") << true
                         << QStringList{"k8s:ns:pay", "k8s:sa:api",
                                        "k8s:container-image:reg.example/pay/api@sha256:ab"}
                         << true << QStringLiteral("reg.example/pay/api");
    QTest::newRow("k8s image with port and tag")
        << true << QStringList{"k8s:ns:a", "k8s:sa:b", "k8s:container-image:reg:5000/a:v2"} << true
        << QStringLiteral("reg:5000/a");
    QTest::newRow("blank lines ignored")
        << false << QStringList{"", " unix:uid:7 "} << true << QString();
    QTest::newRow("not type:key:value") << false << QStringList{"unix:uid"} << false << QString();
    QTest::newRow("empty value") << false << QStringList{"unix:uid:"} << false << QString();
    QTest::newRow("negative uid") << false << QStringList{"unix:uid:-1"} << false << QString();
    QTest::newRow("unknown selector") << false << QStringList{"unix:gid:0"} << false << QString();
    QTest::newRow("k8s on a vm") << false << QStringList{"k8s:ns:a"} << false << QString();
}

void TestDesignModel::selectors()
{
    QFETCH(bool, kubernetes);
    QFETCH(QStringList, selectors);
    QFETCH(bool, ok);
    QFETCH(QString, image);
    auto w = DesignModel::workloadFromSelectors(QStringLiteral("workload/w"),
                                                QStringLiteral("node/n"), kubernetes, selectors);
    QCOMPARE(bool(w), ok);
    if (ok)
        QCOMPARE(w->image, image);
}

void TestDesignModel::platformKeys_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("key");
    QTest::newRow("cluster") << Kind::Kubernetes << "eu-1"
                             << "k8s:eu-1";
    QTest::newRow("cluster upper case") << Kind::Kubernetes << "EU"
                                        << "";
    QTest::newRow("aws") << Kind::Aws << "123456789012"
                         << "aws:123456789012";
    QTest::newRow("aws short") << Kind::Aws << "12345"
                               << "";
    QTest::newRow("gcp") << Kind::Gcp << "lab-project"
                         << "gcp:lab-project";
    QTest::newRow("gcp starts with digit") << Kind::Gcp << "1lab-project"
                                           << "";
    QTest::newRow("tpm") << Kind::Tpm << ""
                         << "tpm";
    QTest::newRow("tpm named") << Kind::Tpm << "x"
                               << "";
}

void TestDesignModel::platformKeys()
{
    QFETCH(Kind, kind);
    QFETCH(QString, name);
    QFETCH(QString, key);
    auto k = DesignModel::platformKey(kind, name);
    QCOMPARE(bool(k), !key.isEmpty());
    if (k)
        QCOMPARE(*k, key);
}

void TestDesignModel::recordedDesignIsATopologyFile()
{
    baseDesign();
    // The design row, as `lab generate --topology` reads a file.
    auto st = m_doc->workspace().trustDomainNames(); // the trust domains were made
    QVERIFY(st.contains(QStringLiteral("partner.example")));
    auto ws = Workspace::open(m_path, {});
    QVERIFY(ws);
    auto design = TopologyLab::loadDesign(**ws);
    QVERIFY(design);
    QCOMPARE(*design, m_model->design());
    const QJsonObject json = design->toJson();
    auto read =
        LabTopology::fromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object());
    QVERIFY(read);
    QCOMPARE(*read, m_model->design());
    QCOMPARE(read->effectiveAgentTrustDomain(), QStringLiteral("prod.example"));
    QCOMPARE(read->workloads.at(0).image, QStringLiteral("reg.example/pay/api"));
}

// A design made in the app, then the command line alone: `graph export --format json` of the
// designed workspace is a `--topology` file, `lab generate` makes a workspace of it, and that
// workspace's export is the same design again.
void TestDesignModel::designRoundTripsThroughTheCli()
{
    baseDesign();
    const LabTopology designed = m_model->design();
    m_model.reset();
    m_doc.reset();
    const auto readDesign = [](const QString &file) -> Result<LabTopology> {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("test.unreadable"), file);
        return LabTopology::fromJson(QJsonDocument::fromJson(f.readAll()).object());
    };
    const QString exported = m_dir->filePath(QStringLiteral("design.json"));
    CliRun r = runCli(m_dir->path(), {QStringLiteral("graph"), QStringLiteral("export"), m_path,
                                      QStringLiteral("--format"), QStringLiteral("json"),
                                      QStringLiteral("--out"), exported});
    QVERIFY2(r.code == 0, r.err.constData());
    auto first = readDesign(exported);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
    QCOMPARE(*first, designed);

    const QString generated = m_dir->filePath(QStringLiteral("generated.atlas"));
    r = runCli(m_dir->path(),
               {QStringLiteral("lab"), QStringLiteral("generate"), generated,
                QStringLiteral("--topology"), exported, QStringLiteral("--span"),
                QStringLiteral("2h"), QStringLiteral("--no-passphrase"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QString again = m_dir->filePath(QStringLiteral("again.json"));
    r = runCli(m_dir->path(), {QStringLiteral("graph"), QStringLiteral("export"), generated,
                               QStringLiteral("--format"), QStringLiteral("json"),
                               QStringLiteral("--out"), again});
    QVERIFY2(r.code == 0, r.err.constData());
    auto second = readDesign(again);
    QVERIFY2(second, qPrintable(second ? QString() : second.error().toString()));
    QCOMPARE(*second, designed);
    // And the generated workspace has what the design promised: evidence of every designed
    // node and workload, which simulates (the design has no policies yet: nothing is issued).
    r = runCli(m_dir->path(), {QStringLiteral("simulate"), generated, QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject summary = QJsonDocument::fromJson(r.out.trimmed().split('\n').last())
                                    .object()
                                    .value(QLatin1String("summary"))
                                    .toObject();
    QVERIFY(summary.value(QLatin1String("records")).toInt() > 0);
    QVERIFY(summary.value(QLatin1String("subjects")).toInt() >=
            designed.nodes.size() + designed.workloads.size());
}

void TestDesignModel::generateEvidence()
{
    baseDesign();
    DesignGenerator generator(m_doc.get());
    QSignalSpy done(&generator, &DesignGenerator::generated);
    QSignalSpy failed(&generator, &DesignGenerator::failed);
    QSignalSpy evidence(m_doc.get(), &Document::evidenceChanged);
    LabTimeline timeline;
    timeline.span = 6 * 3600;
    timeline.interval = 1800;
    QFuture<void> f = generator.generate(timeline);
    QVERIFY(f.isValid());
    // The worker's end is not the run's: until this thread has handled its outcome, the
    // generator is busy and starts no other run (which would take the watcher over, and this
    // run's outcome would never be handled).
    f.waitForFinished();
    QVERIFY(generator.isBusy());
    QVERIFY(!generator.generate(timeline).isValid());
    QVERIFY(done.wait(30000));
    QVERIFY(!generator.isBusy());
    QCOMPARE(done.count(), 1);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(evidence.count(), 1);
    const auto summary = done.at(0).at(0).value<LabSummary>();
    QVERIFY(summary.records > 0);
    // Read through a fresh connection: only what was committed counts.
    auto ws = Workspace::open(m_path, {});
    QVERIFY(ws);
    AttestationStore store((*ws)->database());
    QCOMPARE(*store.evidenceCount(), summary.records);
    QVERIFY(!store.anchors()->anchors().isEmpty());
    // The planned subjects are attested now.
    auto estate = EstateLoader::load(**ws);
    QVERIFY(estate);
    int attested = 0;
    for (const EstateSubject &s : estate->subjects) {
        QVERIFY2(!s.history.isEmpty(), qPrintable(s.subject));
        attested += s.history.last().verdict == Verdict::Affirming;
    }
    QCOMPARE(attested, 4);
}

void TestDesignModel::cancelWritesNothing()
{
    baseDesign();
    const QStringList before = ta::tests::dumpWorkspace(m_path);
    DesignGenerator generator(m_doc.get());
    QSignalSpy done(&generator, &DesignGenerator::generated);
    QSignalSpy failed(&generator, &DesignGenerator::failed);
    LabTimeline timeline;
    timeline.span = 7 * 86400;
    timeline.interval = 300;
    QFuture<void> f = generator.generate(timeline);
    QVERIFY(f.isValid());
    generator.cancel();
    QVERIFY(failed.wait(30000));
    QCOMPARE(done.count(), 0);
    QCOMPARE(failed.at(0).at(0).value<Error>().code, QString(ec::StoreCancelled.code));
    auto ws = Workspace::open(m_path, {});
    QVERIFY(ws);
    AttestationStore store((*ws)->database());
    QCOMPARE(*store.evidenceCount(), 0);
    QVERIFY(store.anchors()->anchors().isEmpty());
    QCOMPARE(ta::tests::dumpWorkspace(m_path), before);
}

QTEST_GUILESS_MAIN(TestDesignModel)
#include "tst_designmodel.moc"
