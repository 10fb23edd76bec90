// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace ta::core {

/// A failure: a stable machine-readable code (dotted, e.g. "spiffe.id.empty_segment") and the
/// data that explains it. Core never shows or translates text; the UI maps codes to tr() strings.
struct Error
{
    QString code;
    QString detail;

    /// "code: detail", for logs and the CLI's one-line errors.
    QString toString() const
    {
        return detail.isEmpty() ? code : code + QStringLiteral(": ") + detail;
    }
};

inline Error makeError(QString code, QString detail = {})
{
    return Error{std::move(code), std::move(detail)};
}

/// The outcome of a fallible operation: a value or an Error.
template<typename T>
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

template<>
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
