// SPDX-License-Identifier: Apache-2.0
#include "core/JsonInput.h"
#include "core/FrontEndErrors.h"

#include <QJsonArray>
#include <QList>
#include <QSet>

namespace ta::core {
namespace {

// The text of the string token starting at @p begin (the opening quote), decoded; @p end is set
// past the closing quote. The input is known to be valid JSON.
QString stringToken(const QByteArray &json, qsizetype begin, qsizetype &end)
{
    qsizetype i = begin + 1;
    bool escaped = false;
    while (i < json.size() && json.at(i) != '"') {
        if (json.at(i) == '\\') {
            escaped = true;
            ++i;
        }
        ++i;
    }
    end = i + 1;
    const QByteArray raw = json.mid(begin, end - begin);
    if (!escaped)
        return QString::fromUtf8(raw.mid(1, raw.size() - 2));
    // Escapes (\u0061 is "a") decode through Qt's own parser.
    return QJsonDocument::fromJson('[' + raw + ']').array().at(0).toString();
}

// Scans valid JSON for an object holding the same member name twice.
Result<void> noDuplicateKeys(const QByteArray &json)
{
    // One entry per open container: the member names seen so far, or none for an array.
    struct Open
    {
        bool object = false;
        bool expectKey = false;
        QSet<QString> keys;
    };
    QList<Open> stack;
    for (qsizetype i = 0; i < json.size();) {
        const char c = json.at(i);
        switch (c) {
        case '{':
            stack.append({true, true, {}});
            ++i;
            break;
        case '[':
            stack.append({false, false, {}});
            ++i;
            break;
        case '}':
        case ']':
            if (!stack.isEmpty())
                stack.removeLast();
            ++i;
            break;
        case ',':
            if (!stack.isEmpty() && stack.last().object)
                stack.last().expectKey = true;
            ++i;
            break;
        case '"': {
            qsizetype end = 0;
            if (!stack.isEmpty() && stack.last().object && stack.last().expectKey) {
                const QString key = stringToken(json, i, end);
                if (stack.last().keys.contains(key))
                    return makeError(
                        ec::JsonDuplicateKey,
                        QStringLiteral("\"%1\" at offset %2").arg(key.left(100)).arg(i));
                stack.last().keys.insert(key);
                stack.last().expectKey = false;
            } else {
                stringToken(json, i, end);
            }
            i = end;
            break;
        }
        default:
            ++i;
        }
    }
    return {};
}

} // namespace

Result<QJsonDocument> JsonInput::parse(const QByteArray &json)
{
    QJsonParseError error{};
    QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(
            ec::JsonSyntax,
            QStringLiteral("offset %1: %2").arg(error.offset).arg(error.errorString()));
    if (auto r = noDuplicateKeys(json); !r)
        return r.error();
    return doc;
}

Result<void> JsonInput::checkDuplicateKeys(const QByteArray &validJson)
{
    return noDuplicateKeys(validJson);
}

Result<void> JsonInput::check(const QByteArray &json)
{
    auto doc = parse(json);
    if (!doc)
        return doc.error();
    return {};
}

} // namespace ta::core
