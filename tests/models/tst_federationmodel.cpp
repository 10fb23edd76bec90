// SPDX-License-Identifier: Apache-2.0
// Federation relationships in the open document: add, edit and remove as undoable steps (undo
// brings back the fetched bundles), the model that lists them row by row, and the background
// refresh against a real bundle endpoint over TLS on loopback.
#include "OtherConnection.h"
#include "WorkspaceDump.h"

#include "core/federation/BundleEndpointServer.h"
#include "core/federation/EndpointCredentials.h"
#include "core/federation/FederationErrors.h"
#include "core/federation/FederationStore.h"
#include "models/Document.h"
#include "models/FederationModel.h"
#include "models/FederationRefreshScheduler.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ta::core;
using ta::models::Document;
using ta::models::FederationModel;
using ta::models::FederationRefreshScheduler;
using ta::models::FederationRefreshStatus;
using State = FederationRefreshStatus::State;

namespace {

TrustDomain td(const char *name)
{
    return TrustDomain::fromName(QString::fromLatin1(name)).value();
}

/// Every relationship and fetched bundle as stored, read through a fresh connection.
QStringList dumpFederation(const QString &path)
{
    QStringList out;
    auto ws = Workspace::open(path, {});
    if (!ws)
        return {QStringLiteral("open failed: ") + ws.error().toString()};
    FederationStore store(**ws);
    const QList<FederationRelationship> relationships = store.relationships().value();
    for (const FederationRelationship &r : relationships) {
        out << QStringLiteral("rel %1 %2->%3 %4 %5 %6 ca=%7 boot=%8 created=%9 fetched=%10")
                   .arg(r.id)
                   .arg(r.localTrustDomain.name(), r.peerTrustDomain.name(),
                        r.bundleEndpointUrl.toString(), bundleEndpointProfileName(r.profile),
                        r.endpointSpiffeId.toString(), QString::fromUtf8(r.pinnedCaPem.toHex()),
                        QString::number(r.bootstrapBundle.size()),
                        r.createdAt.toString(Qt::ISODateWithMs))
                   .arg(r.lastFetchedAt.toString(Qt::ISODateWithMs));
        const QList<FetchedBundle> bundles = store.bundleHistory(r.id).value();
        for (const FetchedBundle &b : bundles)
            out << QStringLiteral("  bundle %1 seq=%2 at=%3 %4")
                       .arg(b.id)
                       .arg(b.sequence)
                       .arg(b.fetchedAt.toString(Qt::ISODateWithMs),
                            QString::fromLatin1(b.json.toBase64()));
    }
    return out;
}

} // namespace

class TestFederationModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addEditRemoveUndoRedo();
    void refusedEditsPushNothing();
    void modelFollowsRowByRow();
    void backgroundRefreshStoresNewerBundles();
    void failedRefreshStoresNothing_data();
    void failedRefreshStoresNothing();
    void undoAfterRefreshKeepsFetchedBundles();

private:
    FederationRelationship relationship(const char *local, const char *peer, quint16 port) const;
    /// A bundle endpoint of b.test on loopback, https_spiffe, its SVID minted from b.test's CA.
    std::unique_ptr<BundleEndpointServer>
    serveB(const char *endpointId = "spiffe://b.test/spire/server");
    void checkUndoRedo(const QStringList &before, const QStringList &after);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Document> m_doc;
};

void TestFederationModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("fed.atlas"));
    auto ws = Workspace::create(m_path, std::nullopt);
    QVERIFY2(ws, ta::tests::why(ws).constData());
    m_doc = std::make_unique<Document>(std::move(*ws));
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("a.test"), CaSettings{}));
    QVERIFY(m_doc->createTrustDomain(QStringLiteral("b.test"), CaSettings{}));
    m_doc->undoStack()->clear();
}

void TestFederationModel::cleanup()
{
    m_doc.reset();
    m_dir.reset();
}

FederationRelationship TestFederationModel::relationship(const char *local, const char *peer,
                                                         quint16 port) const
{
    FederationRelationship r;
    r.localTrustDomain = td(local);
    r.peerTrustDomain = td(peer);
    r.bundleEndpointUrl = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(port));
    r.profile = BundleEndpointProfile::HttpsSpiffe;
    r.endpointSpiffeId = FederationRelationship::defaultEndpointSpiffeId(r.peerTrustDomain);
    r.bootstrapBundle = m_doc->workspace().bundle(r.peerTrustDomain.name()).value().toJwks();
    return r;
}

std::unique_ptr<BundleEndpointServer> TestFederationModel::serveB(const char *endpointId)
{
    const Workspace *w = &m_doc->workspace();
    const SpiffeId id = SpiffeId::fromString(QString::fromLatin1(endpointId)).value();
    auto server =
        std::make_unique<BundleEndpointServer>([w] { return w->bundle(QStringLiteral("b.test")); });
    if (!server->setCredentialSource(
            [w, id](const QDateTime &now) { return EndpointCredentials::mintSvid(*w, id, now); }))
        return nullptr;
    if (!server->listen(QHostAddress::LocalHost, 0))
        return nullptr;
    return server;
}

void TestFederationModel::checkUndoRedo(const QStringList &before, const QStringList &after)
{
    QVERIFY(before != after);
    QCOMPARE(dumpFederation(m_path), after);
    QSignalSpy failures(m_doc.get(), &Document::commandFailed);
    QSignalSpy changed(m_doc.get(), &Document::federationChanged);
    m_doc->undoStack()->undo();
    QCOMPARE(dumpFederation(m_path), before);
    m_doc->undoStack()->redo();
    QCOMPARE(dumpFederation(m_path), after);
    m_doc->undoStack()->undo();
    QCOMPARE(dumpFederation(m_path), before);
    m_doc->undoStack()->redo();
    QCOMPARE(dumpFederation(m_path), after);
    QCOMPARE(failures.count(), 0);
    QCOMPARE(changed.count(), 4);
}

void TestFederationModel::addEditRemoveUndoRedo()
{
    const QStringList empty = dumpFederation(m_path);
    QVERIFY(empty.isEmpty());
    QVERIFY(m_doc->addFederation(relationship("a.test", "b.test", 8443)));
    QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Federate a.test with b.test"));
    const QStringList added = dumpFederation(m_path);
    checkUndoRedo(empty, added);

    // A fetched bundle is the peer's, not the edit's: the edit and its undo leave it alone.
    const qint64 id = m_doc->federationRelationships()->first().id;
    const auto other = ta::tests::otherConnection(*m_doc);
    FederationStore store(*other);
    QVERIFY(store.storeFetched(id, m_doc->workspace().bundle(QStringLiteral("b.test")).value(),
                               m_doc->now()));
    const QStringList fetched = dumpFederation(m_path);
    FederationRelationship web = relationship("a.test", "b.test", 9443);
    web.profile = BundleEndpointProfile::HttpsWeb;
    web.endpointSpiffeId = {};
    web.bootstrapBundle.clear();
    web.pinnedCaPem = m_doc->workspace().authority(QStringLiteral("b.test"))->root().toPem();
    QVERIFY(m_doc->editFederation(web));
    QCOMPARE(m_doc->undoStack()->undoText(),
             QStringLiteral("Edit federation of a.test with b.test"));
    const QStringList edited = dumpFederation(m_path);
    QVERIFY(edited.first().contains(QStringLiteral("https_web")));
    QVERIFY(edited.last().startsWith(QStringLiteral("  bundle ")));
    checkUndoRedo(fetched, edited);

    // Removing takes the bundle history; undo puts both back under the same row IDs.
    QVERIFY(m_doc->removeFederation(QStringLiteral("a.test"), QStringLiteral("b.test")));
    QCOMPARE(m_doc->undoStack()->undoText(),
             QStringLiteral("Remove federation of a.test with b.test"));
    checkUndoRedo(edited, dumpFederation(m_path));
    QVERIFY(dumpFederation(m_path).isEmpty());
}

void TestFederationModel::refusedEditsPushNothing()
{
    QVERIFY(m_doc->addFederation(relationship("a.test", "b.test", 8443)));
    m_doc->undoStack()->clear();
    const QStringList before = dumpFederation(m_path);
    // The same pair twice, an unknown local trust domain, an edit or removal of nothing, and a
    // relationship that does not validate (http, not https).
    auto twice = m_doc->addFederation(relationship("a.test", "b.test", 9000));
    QCOMPARE(twice.error().code, QString::fromLatin1(ec::FedRelationshipExists.code));
    QVERIFY(!m_doc->addFederation(relationship("c.test", "b.test", 9000)));
    QVERIFY(!m_doc->editFederation(relationship("b.test", "a.test", 9000)));
    QVERIFY(!m_doc->removeFederation(QStringLiteral("b.test"), QStringLiteral("a.test")));
    FederationRelationship plain = relationship("b.test", "a.test", 9000);
    plain.bundleEndpointUrl = QUrl(QStringLiteral("http://127.0.0.1:9000/"));
    QVERIFY(!m_doc->addFederation(plain));
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QCOMPARE(dumpFederation(m_path), before);
}

void TestFederationModel::modelFollowsRowByRow()
{
    FederationModel model(m_doc.get(), nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(FederationModel::Column::Count));

    QVERIFY(m_doc->addFederation(relationship("b.test", "a.test", 8443)));
    QVERIFY(m_doc->addFederation(relationship("a.test", "b.test", 8443)));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 2);
    // Ordered by local trust domain: a.test's row came in above b.test's.
    QCOMPARE(inserted.last().at(1).toInt(), 0);
    const auto cell = [&](int row, FederationModel::Column c) {
        return model.index(row, int(c)).data().toString();
    };
    QCOMPARE(cell(0, FederationModel::Column::TrustDomain), QStringLiteral("a.test"));
    QCOMPARE(cell(0, FederationModel::Column::Peer), QStringLiteral("b.test"));
    QCOMPARE(cell(0, FederationModel::Column::Profile), QStringLiteral("https_spiffe"));
    QCOMPARE(cell(0, FederationModel::Column::HeldSequence), QStringLiteral("none"));
    QCOMPARE(cell(0, FederationModel::Column::LastFetch), QStringLiteral("never"));
    QCOMPARE(cell(0, FederationModel::Column::Status), QStringLiteral("Not fetched yet"));
    QCOMPARE(model.index(1, 0).data(int(FederationModel::Role::LocalTrustDomain)).toString(),
             QStringLiteral("b.test"));

    // A stored bundle changes cells of one row only.
    changed.clear();
    const qint64 id =
        model.index(0, 0).data(int(FederationModel::Role::RelationshipId)).toLongLong();
    const TrustBundle b = m_doc->workspace().bundle(QStringLiteral("b.test")).value();
    QVERIFY(FederationStore(*ta::tests::otherConnection(*m_doc)).storeFetched(id, b, m_doc->now()));
    m_doc->notifyFederationChanged();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(cell(0, FederationModel::Column::HeldSequence), QString::number(b.sequence()));
    QVERIFY(cell(0, FederationModel::Column::LastFetch).endsWith(QStringLiteral(" UTC")));

    // An edit changes its row; a removal and its undo remove and insert one row.
    FederationRelationship moved = relationship("a.test", "b.test", 9443);
    QVERIFY(m_doc->editFederation(moved));
    QCOMPARE(cell(0, FederationModel::Column::Endpoint), QStringLiteral("https://127.0.0.1:9443/"));
    QVERIFY(m_doc->removeFederation(QStringLiteral("a.test"), QStringLiteral("b.test")));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(removed.count(), 1);
    m_doc->undoStack()->undo();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(0, FederationModel::Column::HeldSequence), QString::number(b.sequence()));
    // Deleting a trust domain takes its relationships with it.
    QVERIFY(m_doc->deleteTrustDomain(QStringLiteral("b.test")));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(0, FederationModel::Column::TrustDomain), QStringLiteral("a.test"));
    QCOMPARE(resets.count(), 0);
}

void TestFederationModel::backgroundRefreshStoresNewerBundles()
{
    auto server = serveB();
    QVERIFY(server);
    QVERIFY(m_doc->addFederation(relationship("a.test", "b.test", server->port())));
    FederationRefreshScheduler scheduler(m_doc.get());
    FederationModel model(m_doc.get(), &scheduler);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 id =
        model.index(0, 0).data(int(FederationModel::Role::RelationshipId)).toLongLong();
    QCOMPARE(scheduler.status(id).state, State::Idle);
    QVERIFY(!scheduler.status(id).nextFetch.isValid());

    // Turned on, it fetches at once, without the test's help: the state goes Fetching, then
    // Succeeded, and the bundle is stored.
    QSignalSpy status(&scheduler, &FederationRefreshScheduler::statusChanged);
    scheduler.setEnabled(true);
    QTRY_COMPARE_WITH_TIMEOUT(scheduler.status(id).state, State::Succeeded, 15000);
    QCOMPARE(scheduler.status(id).outcome, BundleUpdate::Stored);
    QCOMPARE(scheduler.running(), 0);
    bool sawFetching = false;
    for (const auto &s : std::as_const(status))
        sawFetching = sawFetching || s.at(0).toLongLong() == id;
    QVERIFY(sawFetching);
    const TrustBundle held = m_doc->workspace().bundle(QStringLiteral("b.test")).value();
    QCOMPARE(model.index(0, int(FederationModel::Column::HeldSequence)).data().toString(),
             QString::number(held.sequence()));
    QCOMPARE(model.index(0, int(FederationModel::Column::Status)).data().toString(),
             QStringLiteral("New bundle stored"));
    // The next fetch is due after the peer's refresh hint.
    const auto hint = held.refreshHint().value_or(FederationRefreshScheduler::kFirstRetrySeconds);
    const qint64 wait = QDateTime::currentDateTimeUtc().secsTo(scheduler.status(id).nextFetch);
    QVERIFY2(wait > hint - 30 && wait <= hint, qPrintable(QString::number(wait)));

    // The peer rotates (a prepared authority joins its bundle); a refresh now picks it up.
    QVERIFY(m_doc->prepareAuthority(QStringLiteral("b.test"), AuthorityKind::X509));
    const TrustBundle rotated = m_doc->workspace().bundle(QStringLiteral("b.test")).value();
    QVERIFY(rotated.sequence() > held.sequence());
    scheduler.refreshNow(id);
    QCOMPARE(scheduler.status(id).state, State::Fetching);
    QTRY_COMPARE_WITH_TIMEOUT(scheduler.status(id).state, State::Succeeded, 15000);
    QCOMPARE(FederationStore(*ta::tests::otherConnection(*m_doc)).bundleHistory(id)->size(), 2);
    QCOMPARE(model.index(0, int(FederationModel::Column::HeldSequence)).data().toString(),
             QString::number(rotated.sequence()));
    // Nothing new: the held bundle is up to date.
    scheduler.refreshNow(id);
    QTRY_COMPARE_WITH_TIMEOUT(scheduler.status(id).state, State::Succeeded, 15000);
    QCOMPARE(scheduler.status(id).outcome, BundleUpdate::Unchanged);
    QCOMPARE(model.index(0, int(FederationModel::Column::Status)).data().toString(),
             QStringLiteral("Up to date"));
    QVERIFY(server->requestsAnswered() >= 3);

    // Turned off, nothing is due.
    scheduler.setEnabled(false);
    QVERIFY(!scheduler.status(id).nextFetch.isValid());
    QCOMPARE(model.index(0, int(FederationModel::Column::NextFetch)).data().toString(),
             QStringLiteral("not scheduled"));
}

void TestFederationModel::failedRefreshStoresNothing_data()
{
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QString>("code");
    QTest::newRow("nothing listening") << "closed" << QString::fromLatin1(ec::FedConnection.code);
    QTest::newRow("wrong endpoint SPIFFE ID")
        << "wrong-id" << QString::fromLatin1(ec::FedSpiffeIdMismatch.code);
    QTest::newRow("no answer") << "silent" << QString::fromLatin1(ec::FedTimeout.code);
}

void TestFederationModel::failedRefreshStoresNothing()
{
    QFETCH(QString, failure);
    QFETCH(QString, code);
    std::unique_ptr<BundleEndpointServer> server;
    QTcpServer silent;
    quint16 port = 0;
    if (failure == QLatin1String("closed")) {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
        probe.close();
    } else if (failure == QLatin1String("wrong-id")) {
        server = serveB("spiffe://b.test/not/the/endpoint");
        QVERIFY(server);
        port = server->port();
    } else {
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        port = silent.serverPort();
    }
    QVERIFY(m_doc->addFederation(relationship("a.test", "b.test", port)));
    const QStringList before = dumpFederation(m_path);
    FederationRefreshScheduler scheduler(m_doc.get());
    scheduler.setRequestAdjuster([](BundleFetchRequest &r) { r.timeoutMs = 1500; });
    FederationModel model(m_doc.get(), &scheduler);
    const qint64 id =
        model.index(0, 0).data(int(FederationModel::Role::RelationshipId)).toLongLong();
    scheduler.setEnabled(true);
    QTRY_COMPARE_WITH_TIMEOUT(scheduler.status(id).state, State::Failed, 15000);
    QVERIFY(scheduler.status(id).error);
    QCOMPARE(scheduler.status(id).error->code, code);
    QCOMPARE(dumpFederation(m_path), before);
    QVERIFY(model.index(0, int(FederationModel::Column::Status))
                .data()
                .toString()
                .startsWith(QStringLiteral("Failed: ") + code));
    // The tooltip carries the detail too: where it failed.
    const QString tip =
        model.index(0, int(FederationModel::Column::Status)).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1Char('\n') + code + QStringLiteral(": ")), qPrintable(tip));
    QVERIFY(tip.size() > tip.indexOf(code + QStringLiteral(": ")) + code.size() + 2);
    // Retried sooner than the default refresh, then less often.
    const qint64 wait = QDateTime::currentDateTimeUtc().secsTo(scheduler.status(id).nextFetch);
    QVERIFY2(wait > 0 && wait <= FederationRefreshScheduler::kFirstRetrySeconds,
             qPrintable(QString::number(wait)));
    scheduler.refreshNow(id);
    QTRY_COMPARE_WITH_TIMEOUT(scheduler.status(id).failures, 2, 15000);
    const qint64 second = QDateTime::currentDateTimeUtc().secsTo(scheduler.status(id).nextFetch);
    QVERIFY2(second > FederationRefreshScheduler::kFirstRetrySeconds,
             qPrintable(QString::number(second)));
    QCOMPARE(dumpFederation(m_path), before);
}

void TestFederationModel::undoAfterRefreshKeepsFetchedBundles()
{
    auto server = serveB();
    QVERIFY(server);
    QVERIFY(m_doc->addFederation(relationship("a.test", "b.test", server->port())));
    FederationRefreshScheduler scheduler(m_doc.get());
    const qint64 id = m_doc->federationRelationships()->first().id;
    scheduler.refreshNow(id);
    QTRY_COMPARE_WITH_TIMEOUT(scheduler.status(id).state, State::Succeeded, 15000);
    const QStringList fetched = dumpFederation(m_path);
    QCOMPARE(fetched.size(), 2);
    // Undoing the add after a fetch removes the relationship with the bundle; redo brings both.
    m_doc->undoStack()->undo();
    QVERIFY(dumpFederation(m_path).isEmpty());
    QCOMPARE(scheduler.status(id).state, State::Idle);
    m_doc->undoStack()->redo();
    QCOMPARE(dumpFederation(m_path), fetched);
}

QTEST_GUILESS_MAIN(TestFederationModel)
#include "tst_federationmodel.moc"
