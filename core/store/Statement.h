// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

#include <memory>
#include <optional>

namespace ta::core {

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
    /// The column's bytes without a copy: valid until the statement steps, resets or ends.
    QByteArrayView blobView(int col) const;
    bool isNull(int col) const { return sqlite3_column_type(m_st.get(), col) == SQLITE_NULL; }
    bool isText(int col) const { return sqlite3_column_type(m_st.get(), col) == SQLITE_TEXT; }

private:
    std::unique_ptr<sqlite3_stmt, SqliteFinalizer> m_st;
    std::optional<Error> m_error;
};

/// The error SQLite reports on @p db, as a store error saying @p what failed.
Error sqliteError(sqlite3 *db, const QString &what);

} // namespace ta::core
