// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/store/Statement.h"

#include <QString>

#include <sqlite3.h>

#include <memory>

namespace ta::core {

struct SqliteCloser
{
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};

/// One SQLite connection, as the application file format wants it: WAL, foreign keys on.
/// A connection belongs to one thread; each worker opens its own.
class Database
{
public:
    enum class Mode { OpenExisting, CreateNew };

    /// Opens @p path defensively: SQLITE_DBCONFIG_DEFENSIVE, an untrusted schema (trusted_schema
    /// off) and no extension loading, since a workspace may come from someone else.
    [[nodiscard]] static Result<Database> open(const QString &path, Mode mode);
    /// A private in-memory database, e.g. to build the schema a file should have.
    [[nodiscard]] static Result<Database> openMemory();

    [[nodiscard]] Result<void> exec(const QString &sql);
    [[nodiscard]] Result<Statement> prepare(const QString &sql);
    qint64 lastInsertId() const { return sqlite3_last_insert_rowid(m_db.get()); }
    int changes() const { return sqlite3_changes(m_db.get()); }
    int userVersion();
    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db.get(); }

    /// Runs @p body in a transaction, rolled back when it fails: nothing is half-written.
    /// Inside another transaction it runs in a savepoint, so that work made of several
    /// transactional steps can be one transaction as a whole (rolled back together).
    template <typename Fn>
    Result<void> transaction(Fn &&body)
    {
        if (!sqlite3_get_autocommit(m_db.get())) {
            if (auto r = exec(QStringLiteral("SAVEPOINT ta_nested")); !r)
                return r;
            Result<void> r = body();
            if (!r) {
                (void)exec(QStringLiteral("ROLLBACK TO ta_nested"));
                (void)exec(QStringLiteral("RELEASE ta_nested"));
                return r;
            }
            return exec(QStringLiteral("RELEASE ta_nested"));
        }
        if (auto r = exec(QStringLiteral("BEGIN IMMEDIATE")); !r)
            return r;
        Result<void> r = body();
        if (!r) {
            (void)exec(QStringLiteral("ROLLBACK"));
            return r;
        }
        if (auto c = exec(QStringLiteral("COMMIT")); !c) {
            (void)exec(QStringLiteral("ROLLBACK"));
            return c;
        }
        return {};
    }

private:
    std::unique_ptr<sqlite3, SqliteCloser> m_db;
    QString m_path;
};

} // namespace ta::core
