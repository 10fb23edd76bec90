// SPDX-License-Identifier: Apache-2.0
#include "core/store/Statement.h"
#include "core/store/StoreErrors.h"

namespace ta::core {

Error sqliteError(sqlite3 *db, const QString &what)
{
    return makeError(ec::StoreSqlite,
                     what + QStringLiteral(": ") + QString::fromUtf8(sqlite3_errmsg(db)));
}

Statement &Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_st.get(), index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_st.get(), index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &value)
{
    if (value.isNull())
        return bindNull(index);
    sqlite3_bind_blob(m_st.get(), index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_st.get(), index);
    return *this;
}

bool Statement::next()
{
    const int rc = sqlite3_step(m_st.get());
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = sqliteError(sqlite3_db_handle(m_st.get()), QStringLiteral("step"));
    return false;
}

Result<void> Statement::exec()
{
    while (next()) {
    }
    if (m_error)
        return *m_error;
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_st.get());
    sqlite3_clear_bindings(m_st.get());
    m_error.reset();
}

QString Statement::text(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_st.get(), col));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_st.get(), col));
}

QByteArray Statement::blob(int col) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_st.get(), col));
    return QByteArray(p, sqlite3_column_bytes(m_st.get(), col));
}

QByteArrayView Statement::blobView(int col) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_st.get(), col));
    return QByteArrayView(p, sqlite3_column_bytes(m_st.get(), col));
}

} // namespace ta::core
