// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/ErrorCode.h"

#include <QString>

#include <utility>
#include <variant>

namespace ta::core {

/// A failure: a stable machine-readable code (dotted, e.g. "spiffe.id.empty_segment", declared
/// once in its module's table, see ErrorCatalog.h) and the data that explains it. Where the input
/// has a structure, the location fields say where, so that no view parses the detail again.
/// Core never shows or translates text; the UI maps codes to tr() strings.
struct Error
{
    QString code;
    /// The data that explains the failure; for the CLI's sake it names the location too.
    QString detail;
    /// 1-based line of a line-oriented input (evidence JSONL); 0 when none.
    qint64 line = 0;
    /// The list of a JSON document the failing entry sits in ("anchors", "reference_values",
    /// "entries", "policies"); empty when none.
    QString list;
    /// 0-based index of the failing entry in list; -1 when none.
    qint64 index = -1;
    /// The member of the entry (or document) at fault, e.g. "public_key_pem"; empty when none.
    QString field;

    /// "code: detail", for logs and the CLI's one-line errors.
    QString toString() const
    {
        return detail.isEmpty() ? code : code + QStringLiteral(": ") + detail;
    }
    /// "anchors[2]", "line 7", "policies[0].condition": the structured location as text.
    QString where() const
    {
        QString w;
        if (line > 0)
            w = QStringLiteral("line %1").arg(line);
        if (index >= 0)
            w += (w.isEmpty() ? QString() : QStringLiteral(": ")) +
                 QStringLiteral("%1[%2]").arg(list).arg(index);
        if (!field.isEmpty())
            w += (w.isEmpty() ? QString() : QStringLiteral(".")) + field;
        return w;
    }
};

inline Error makeError(QString code, QString detail = {})
{
    Error e;
    e.code = std::move(code);
    e.detail = std::move(detail);
    return e;
}

/// The form to use for a new error: @p code is one of the constants declared in a module's table.
inline Error makeError(const ErrorCode &code, QString detail = {})
{
    return makeError(QString::fromLatin1(code.code), std::move(detail));
}

/// The outcome of a fallible operation: a value or an Error.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T *operator->() { return &std::get<0>(m_v); }
    const T *operator->() const { return &std::get<0>(m_v); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

} // namespace ta::core
