// SPDX-License-Identifier: Apache-2.0
#include "core/policy/ClauseExplanation.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ta::core {
namespace {

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    // A one-element array is the shortest way to have Qt print a scalar as JSON.
    const QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

} // namespace

QJsonObject ClauseExplanation::toJson() const
{
    QJsonArray seen;
    for (const auto &[path, value] : values)
        seen.append(QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("value"), value}});
    return {{QStringLiteral("clause"), clause}, {QStringLiteral("line"), line},
            {QStringLiteral("column"), column}, {QStringLiteral("conjunct"), conjunct},
            {QStringLiteral("value"), value},   {QStringLiteral("values"), seen}};
}

QString ClauseExplanation::toText() const
{
    QString text =
        QStringLiteral("`%1` (%2:%3) was %4").arg(clause).arg(line).arg(column).arg(compact(value));
    for (const auto &[path, v] : values)
        text += QStringLiteral("; %1 = %2").arg(path, compact(v));
    return text;
}

} // namespace ta::core
