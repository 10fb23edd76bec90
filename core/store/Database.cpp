// SPDX-License-Identifier: Apache-2.0
#include "core/store/Database.h"
#include "core/store/StoreErrors.h"

#include <QFile>
#include <QFileInfo>

namespace ta::core {

Result<Database> Database::open(const QString &path, Mode mode)
{
    const bool exists = QFileInfo::exists(path);
    if (mode == Mode::CreateNew && exists)
        return makeError(ec::StoreFileExists, path);
    if (mode == Mode::OpenExisting && !exists)
        return makeError(ec::StoreFileMissing, path);
    if (mode == Mode::OpenExisting) {
        // SQLite would happily turn an empty or foreign file into a database on first write;
        // a file that does not start as one is refused before SQLite touches it.
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ec::StoreUnreadable, path);
        const QByteArray header = f.read(100);
        if (!header.startsWith(QByteArray("SQLite format 3\0", 16)))
            return makeError(ec::StoreNotAWorkspace, path);
        // A file cut short (a partial copy or download) would read as a workspace missing rows.
        // The header says how many pages the file holds; with no write-ahead log that could
        // hold the rest, a shorter file is refused.
        if (header.size() == 100) {
            const auto be = [&](int at, int bytes) {
                quint64 v = 0;
                for (int i = 0; i < bytes; ++i)
                    v = (v << 8) | quint8(header.at(at + i));
                return v;
            };
            const quint64 pageSize = be(16, 2) == 1 ? 65536 : be(16, 2);
            const quint64 pages = be(28, 4);
            const bool countValid = be(24, 4) == be(92, 4);
            if (countValid && QFileInfo(path + QStringLiteral("-wal")).size() == 0 &&
                quint64(f.size()) < pageSize * pages)
                return makeError(ec::StoreTruncated,
                                 QStringLiteral("%1: %2 bytes, the header says %3")
                                     .arg(path)
                                     .arg(f.size())
                                     .arg(pageSize * pages));
        }
    }
    sqlite3 *raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX |
                      (mode == Mode::CreateNew ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
    Database db;
    db.m_db.reset(raw);
    db.m_path = path;
    if (rc != SQLITE_OK)
        return sqliteError(raw, QStringLiteral("open"));
    sqlite3_busy_timeout(raw, 5000);
    sqlite3_extended_result_codes(raw, 1);
    // A workspace may come from someone else: no SQL in its schema runs with the application's
    // trust (no functions with side effects from views or triggers), the schema cannot be
    // written around SQLite's checks, and no extension can be loaded.
    if (sqlite3_db_config(raw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr) != SQLITE_OK ||
        sqlite3_db_config(raw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr) != SQLITE_OK ||
        sqlite3_db_config(raw, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr) != SQLITE_OK)
        return sqliteError(raw, QStringLiteral("defensive configuration"));
    // A file that is not SQLite fails on the first read, not on open. secure_delete zeroes
    // what is deleted or overwritten, so a key sealed under an old passphrase (or in clear)
    // does not linger in free pages after a passphrase change.
    if (auto r = db.exec(QStringLiteral(
            "PRAGMA trusted_schema=OFF; PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; "
            "PRAGMA secure_delete=ON;"));
        !r)
        return makeError(ec::StoreNotAWorkspace, r.error().detail);
    return db;
}

Result<Database> Database::openMemory()
{
    sqlite3 *raw = nullptr;
    const int rc =
        sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    Database db;
    db.m_db.reset(raw);
    db.m_path = QStringLiteral(":memory:");
    if (rc != SQLITE_OK)
        return sqliteError(raw, QStringLiteral("open"));
    return db;
}

Result<void> Database::exec(const QString &sql)
{
    char *msg = nullptr;
    if (sqlite3_exec(m_db.get(), sql.toUtf8().constData(), nullptr, nullptr, &msg) != SQLITE_OK) {
        const QString text = QString::fromUtf8(msg ? msg : "");
        sqlite3_free(msg);
        return makeError(ec::StoreSqlite, text);
    }
    return {};
}

Result<Statement> Database::prepare(const QString &sql)
{
    sqlite3_stmt *st = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db.get(), utf8.constData(), int(utf8.size()), &st, nullptr) !=
        SQLITE_OK)
        return sqliteError(m_db.get(), QStringLiteral("prepare"));
    return Statement(st);
}

int Database::userVersion()
{
    auto st = prepare(QStringLiteral("PRAGMA user_version"));
    if (!st || !st->next())
        return -1;
    return int(st->int64(0));
}

} // namespace ta::core
