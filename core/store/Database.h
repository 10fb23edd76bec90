// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

#include <memory>
#include <optional>

namespace ta::core {

struct SqliteCloser
{
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
struct SqliteFinalizer
{
    void operator()(sqlite3_stmt *st) const { sqlite3_finalize(st); }
};

/// A prepared SQLite statement. Bind indexes start at 1, column indexes at 0.
class Statement
{
public:
    explicit Statement(sqlite3_stmt *st) : m_st(st) {}

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &value);
    Statement &bindNull(int index);

    /// Steps once: true while a row is available. Errors end the iteration; see error().
    bool next();
    /// Runs a statement that yields no rows.
    [[nodiscard]] Result<void> exec();
    /// Set when a step failed.
    const std::optional<Error> &error() const { return m_error; }
    void reset();

    qint64 int64(int col) const { return sqlite3_column_int64(m_st.get(), col); }
    QString text(int col) const;
    QByteArray blob(int col) const;
    bool isNull(int col) const { return sqlite3_column_type(m_st.get(), col) == SQLITE_NULL; }
    bool isText(int col) const { return sqlite3_column_type(m_st.get(), col) == SQLITE_TEXT; }

private:
    std::unique_ptr<sqlite3_stmt, SqliteFinalizer> m_st;
    std::optional<Error> m_error;
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

Error sqliteError(sqlite3 *db, const QString &what);

} // namespace ta::core
