// SPDX-License-Identifier: Apache-2.0
// Issue 8, finding 7: a workspace someone else sent is opened defensively. A crafted file whose
// triggers or views would alter the replay state, or whose stored values do not parse, is refused
// with a store.* code, never read as "unseen". The files are crafted with SQLite's C API.
#include "core/attestation/EvidenceVerifier.h"
#include "core/store/AttestationStore.h"
#include "core/store/Database.h"
#include "core/store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace ta::core;

namespace {

// Runs @p sql on @p path through a plain connection, as a hand-edited file would be made.
bool craft(const QString &path, const QByteArray &sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    char *msg = nullptr;
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK)
        qWarning("craft: %s", msg);
    sqlite3_free(msg);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

const QByteArray kNonceRow = "INSERT INTO used_nonces VALUES ('node/a', 'n1', "
                             "'2026-01-01T00:00:00Z');";

} // namespace

class TestUntrustedWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void cleanWorkspaceLoads();
    void connectionIsDefensive();
    void craftedSchemaRefused_data();
    void craftedSchemaRefused();
    void unparsableValueRefused_data();
    void unparsableValueRefused();

private:
    QString freshWorkspace(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        auto ws = Workspace::create(path, std::nullopt);
        return ws ? path : QString();
    }
    QTemporaryDir m_dir;
};

void TestUntrustedWorkspace::cleanWorkspaceLoads()
{
    const QString path = freshWorkspace(QStringLiteral("clean.atlas"));
    QVERIFY(!path.isEmpty());
    QVERIFY(craft(path, kNonceRow));
    auto ws = Workspace::open(path, {});
    QVERIFY2(ws.ok(), qPrintable(ws ? QString() : ws.error().toString()));
    AttestationStore store((*ws)->database());
    ReplayGuard guard;
    AttestationState state;
    auto loaded = store.loadConsumed(guard, state);
    QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error().toString()));
    QVERIFY(store.anchors().ok());
    QVERIFY(store.forEachEvidence([](const EvidenceRecord &) {}).ok());
}

void TestUntrustedWorkspace::connectionIsDefensive()
{
    const QString path = freshWorkspace(QStringLiteral("defensive.atlas"));
    auto ws = Workspace::open(path, {});
    QVERIFY(ws.ok());
    sqlite3 *db = (*ws)->database().handle();
    int on = -1;
    QCOMPARE(sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, -1, &on), SQLITE_OK);
    QCOMPARE(on, 1);
    QCOMPARE(sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, -1, &on), SQLITE_OK);
    QCOMPARE(on, 0);
    QCOMPARE(sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, -1, &on), SQLITE_OK);
    QCOMPARE(on, 0);
    // Defensive mode: the schema cannot be rewritten behind SQLite's back.
    QVERIFY(!(*ws)->database().exec(QStringLiteral("PRAGMA writable_schema=ON; "
                                                   "UPDATE sqlite_schema SET sql = sql")));
}

void TestUntrustedWorkspace::craftedSchemaRefused_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::newRow("trigger empties the nonces on insert")
        << QByteArray("CREATE TRIGGER forget AFTER INSERT ON used_nonces "
                      "BEGIN DELETE FROM used_nonces; END;");
    QTest::newRow("trigger drops join tokens")
        << QByteArray("CREATE TRIGGER forget BEFORE INSERT ON used_join_tokens "
                      "BEGIN SELECT RAISE(IGNORE); END;");
    QTest::newRow("trigger rewrites evidence")
        << QByteArray("CREATE TRIGGER rewrite AFTER INSERT ON evidence_records "
                      "BEGIN UPDATE evidence_records SET subject = 'x'; END;");
    QTest::newRow("view shadows the nonce table")
        << QByteArray("DROP TABLE used_nonces; CREATE VIEW used_nonces AS SELECT 'a' AS subject, "
                      "'b' AS nonce, 'c' AS first_seen WHERE 0;");
    QTest::newRow("nonce table without its key")
        << QByteArray("DROP TABLE used_nonces; CREATE TABLE used_nonces (subject TEXT, nonce "
                      "TEXT, first_seen TEXT);");
    QTest::newRow("table missing") << QByteArray("DROP TABLE used_join_tokens;");
    QTest::newRow("extra table") << QByteArray("CREATE TABLE extra (x);");
    QTest::newRow("extra index") << QByteArray("CREATE INDEX extra ON used_nonces(first_seen);");
}

void TestUntrustedWorkspace::craftedSchemaRefused()
{
    QFETCH(QByteArray, sql);
    const QString path = freshWorkspace(
        QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')) +
        QStringLiteral(".atlas"));
    QVERIFY(!path.isEmpty());
    QVERIFY(craft(path, kNonceRow + sql));
    auto needs = Workspace::needsPassphrase(path);
    QVERIFY(!needs);
    QCOMPARE(needs.error().code, QStringLiteral("store.unexpected_schema"));
    auto ws = Workspace::open(path, {});
    QVERIFY(!ws);
    QCOMPARE(ws.error().code, QStringLiteral("store.unexpected_schema"));
}

void TestUntrustedWorkspace::unparsableValueRefused_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QString>("reader");
    QTest::newRow("nonce time garbage")
        << QByteArray("INSERT INTO used_nonces VALUES ('node/b', 'n2', 'garbage');") << "consumed";
    QTest::newRow("nonce time a number")
        << QByteArray("INSERT INTO used_nonces VALUES ('node/b', 'n2', 12);") << "consumed";
    QTest::newRow("nonce a blob") << QByteArray(
                                         "INSERT INTO used_nonces VALUES ('node/b', x'00ff', "
                                         "'2026-01-01T00:00:00Z');")
                                  << "consumed";
    QTest::newRow("nonce subject empty")
        << QByteArray("INSERT INTO used_nonces VALUES ('', 'n2', '2026-01-01T00:00:00Z');")
        << "consumed";
    QTest::newRow("join token not a hash")
        << QByteArray("INSERT INTO used_join_tokens VALUES ('xyz', 'node/b', "
                      "'2026-01-01T00:00:00Z');")
        << "consumed";
    QTest::newRow("join token time garbage")
        << QByteArray("INSERT INTO used_join_tokens VALUES ('" + QByteArray(64, 'a') +
                      "', 'node/b', 'yesterday');")
        << "consumed";
    QTest::newRow("evidence record garbage")
        << QByteArray("INSERT INTO evidence_records(time_ms, attestor, subject, record) "
                      "VALUES (1, 'tpm', 'node/a', x'ff00fe');")
        << "evidence";
    QTest::newRow("anchor document garbage")
        << QByteArray("INSERT INTO trust_anchors(anchor_id, kind, document, imported_at) "
                      "VALUES ('a', 'tpm_ak', '{\"kind\": 5', '2026-01-01T00:00:00Z');")
        << "anchors";
    QTest::newRow("anchor document wrongly typed")
        << QByteArray("INSERT INTO trust_anchors(anchor_id, kind, document, imported_at) "
                      "VALUES ('a', 'tpm_ak', '{\"kind\": \"tpm_ak\", \"public_key_pem\": 7}', "
                      "'2026-01-01T00:00:00Z');")
        << "anchors";
    QTest::newRow("reference value garbage")
        << QByteArray("INSERT INTO reference_values(value_id, kind, document, imported_at) "
                      "VALUES ('r', 'pcr', '[]', '2026-01-01T00:00:00Z');")
        << "anchors";
}

void TestUntrustedWorkspace::unparsableValueRefused()
{
    QFETCH(QByteArray, sql);
    QFETCH(QString, reader);
    const QString path = freshWorkspace(
        QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')) +
        QStringLiteral(".atlas"));
    QVERIFY(!path.isEmpty());
    QVERIFY(craft(path, kNonceRow + sql));
    auto ws = Workspace::open(path, {});
    QVERIFY2(ws.ok(), qPrintable(ws ? QString() : ws.error().toString()));
    AttestationStore store((*ws)->database());
    std::optional<Error> error;
    if (reader == QLatin1String("consumed")) {
        ReplayGuard guard;
        AttestationState state;
        if (auto r = store.loadConsumed(guard, state); !r)
            error = r.error();
    } else if (reader == QLatin1String("evidence")) {
        if (auto r = store.forEachEvidence([](const EvidenceRecord &) {}); !r)
            error = r.error();
    } else {
        if (auto r = store.anchors(); !r)
            error = r.error();
    }
    QVERIFY2(error.has_value(), "a value that does not parse was read as if it were absent");
    QCOMPARE(error->code, QStringLiteral("store.corrupt_value"));
}

QTEST_GUILESS_MAIN(TestUntrustedWorkspace)
#include "tst_untrustedworkspace.moc"
