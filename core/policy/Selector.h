// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Hashing.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QString>

namespace ta::core {

/// A SPIRE selector, "type:value" (e.g. "k8s:ns:payments": type "k8s", value "ns:payments").
struct Selector
{
    QString type;
    QString value;

    /// Splits at the first colon; both halves must be non-empty.
    [[nodiscard]] static Result<Selector> parse(const QString &text);
    QString toString() const { return type + QLatin1Char(':') + value; }
    bool operator==(const Selector &o) const { return type == o.type && value == o.value; }
    bool operator<(const Selector &o) const
    {
        return type != o.type ? type < o.type : value < o.value;
    }
};

inline size_t qHash(const Selector &s, size_t seed = 0)
{
    return seededHash(seed, s.type, s.value);
}

} // namespace ta::core
