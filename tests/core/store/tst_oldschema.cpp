// SPDX-License-Identifier: Apache-2.0
// Workspace files of every earlier schema version, kept in tests/data/workspaces (made by the
// application of their day: see README.md there), open and migrate forward; a newer one is
// refused.
#include "core/store/AttestationStore.h"
#include "core/store/CredentialIssuer.h"
#include "core/store/Migrations.h"
#include "core/store/RuleStore.h"
#include "core/store/StoreErrors.h"
#include "core/store/Workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

class TestOldSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void migratesForward_data();
    void migratesForward();
    void newerRefused();

private:
    QString copyFixture(const QString &name)
    {
        const QString to = m_dir.filePath(name);
        QFile::remove(to);
        if (!QFile::copy(QStringLiteral(TA_TEST_DATA_DIR "/workspaces/") + name, to))
            return {};
        QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
        return to;
    }
    QTemporaryDir m_dir;
};

void TestOldSchema::migratesForward_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("version");
    QTest::addColumn<qint64>("evidence");
    QTest::addColumn<int>("policyVersions");
    QTest::newRow("v1: trust domains and credentials") << "schema-v1.atlas" << 1 << qint64(0) << 0;
    QTest::newRow("v2: attestation") << "schema-v2.atlas" << 2 << qint64(30) << 0;
    QTest::newRow("v3: rule documents") << "schema-v3.atlas" << 3 << qint64(30) << 1;
}

void TestOldSchema::migratesForward()
{
    QFETCH(QString, fixture);
    QFETCH(int, version);
    QFETCH(qint64, evidence);
    QFETCH(int, policyVersions);
    const QString file = copyFixture(fixture);
    QVERIFY(!file.isEmpty());
    {
        auto db = Database::open(file, Database::Mode::OpenExisting);
        QVERIFY(db.ok());
        QCOMPARE(db->userVersion(), version);
    }
    auto ws = Workspace::open(file, "fixture-passphrase");
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    QCOMPARE((*ws)->database().userVersion(), Migrations::latestVersion());
    QVERIFY(Migrations::verifySchema((*ws)->database()).ok());
    QCOMPARE((*ws)->trustDomainNames(),
             (QStringList{QStringLiteral("example.org"), QStringLiteral("inter.example")}));
    auto creds = (*ws)->credentials();
    QVERIFY(creds.ok());
    QCOMPARE(creds->size(), 1);
    QCOMPARE(creds->first().spiffeId, QStringLiteral("spiffe://example.org/web"));
    AttestationStore attestation((*ws)->database());
    QCOMPARE(attestation.evidenceCount().value(), evidence);
    RuleStore rules((*ws)->database());
    QCOMPARE(rules.latestVersion(RuleKind::Policies).value(), policyVersions);
    // The keys sealed by the old application still sign.
    CredentialIssuer issuer(**ws);
    X509IssueRequest req;
    req.trustDomain = QStringLiteral("inter.example");
    req.spiffeId = QStringLiteral("spiffe://inter.example/after-migration");
    QVERIFY(issuer.issueX509(req, QDateTime::currentDateTimeUtc()).ok());
    // Reopened once migrated, it opens as a current file.
    ws->reset();
    QVERIFY(Workspace::open(file, "fixture-passphrase").ok());
}

void TestOldSchema::newerRefused()
{
    const QString file = copyFixture(QStringLiteral("schema-v3.atlas"));
    {
        auto db = Database::open(file, Database::Mode::OpenExisting);
        QVERIFY(db.ok());
        QVERIFY(
            db->exec(QStringLiteral("PRAGMA user_version=%1").arg(Migrations::latestVersion() + 1))
                .ok());
    }
    auto ws = Workspace::open(file, "fixture-passphrase");
    QVERIFY(!ws.ok());
    QCOMPARE(ws.error().code, ec::StoreNewerSchema);
}

QTEST_GUILESS_MAIN(TestOldSchema)
#include "tst_oldschema.moc"
