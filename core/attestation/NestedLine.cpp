// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/NestedLine.h"

#include "core/attestation/PlainJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QVarLengthArray>

namespace ta::core {
namespace {

/// One past the end of the object, array or string at @p at, found by its brackets and quotes
/// alone (a backslash in a string takes the next byte with it); -1 when the text ends first or
/// nests deeper than NestedLine::kMaxDepth. What is between is Qt's parser's to judge.
qsizetype spanEnd(QByteArrayView s, qsizetype at)
{
    const char *const end = s.data() + s.size();
    int depth = 0;
    for (const char *p = s.data() + at; p < end; ++p) {
        switch (*p) {
        case '"':
            // To the closing quote: stop at each backslash or byte that is not plain, and step
            // over an escaped byte.
            for (++p;; ++p) {
                p = PlainJson::plainStringEnd(p, end);
                if (p == end)
                    return -1;
                if (*p == '"')
                    break;
                if (*p == '\\' && ++p == end)
                    return -1;
            }
            if (depth == 0)
                return p + 1 - s.data();
            break;
        case '{':
        case '[':
            if (++depth > NestedLine::kMaxDepth)
                return -1;
            break;
        case '}':
        case ']':
            if (--depth == 0)
                return p + 1 - s.data();
            if (depth < 0)
                return -1;
            break;
        default:
            break;
        }
    }
    return -1;
}

} // namespace

std::optional<QJsonObject> NestedLine::read(QByteArrayView line)
{
    QJsonObject out;
    qsizetype at = 0;
    if (!object(line, at, 0, out) || at != line.size())
        return std::nullopt;
    return out;
}

bool NestedLine::object(QByteArrayView s, qsizetype &at, int level, QJsonObject &out)
{
    if (at >= s.size() || s[at] != '{')
        return false;
    ++at;
    if (at < s.size() && s[at] == '}') {
        ++at;
        return true;
    }
    QVarLengthArray<QLatin1StringView, 8> names;
    while (true) {
        const auto name = PlainJson::string(s, at);
        if (!name || at >= s.size() || s[at] != ':' || names.contains(*name) ||
            names.size() == PlainJson::kMaxMembers)
            return false;
        names.append(*name);
        ++at;
        QJsonValue v;
        if (!value(s, at, level, v) || at >= s.size())
            return false;
        out.insert(*name, v);
        if (s[at] == '}') {
            ++at;
            return true;
        }
        if (s[at] != ',')
            return false;
        ++at;
    }
}

bool NestedLine::value(QByteArrayView s, qsizetype &at, int level, QJsonValue &out)
{
    if (at >= s.size())
        return false;
    const char c = s[at];
    if (c == '{' && level == 0) {
        // The payload: assembled from its members, which change one by one.
        QJsonObject o;
        if (!object(s, at, level + 1, o))
            return false;
        out = o;
        return true;
    }
    if (c == '"') {
        const qsizetype begin = at;
        if (const auto text = PlainJson::string(s, at)) {
            out = QJsonValue(*text);
            return true;
        }
        at = begin;
    } else if (c != '{' && c != '[') {
        return false;
    }
    const qsizetype end = spanEnd(s, at);
    if (end < 0)
        return false;
    const auto v = parsed(s.sliced(at, end - at));
    if (!v)
        return false;
    out = *v;
    at = end;
    return true;
}

std::optional<QJsonValue> NestedLine::parsed(QByteArrayView text)
{
    const QByteArray key = QByteArray::fromRawData(text.data(), text.size());
    if (const auto it = m_kept.constFind(key); it != m_kept.cend())
        return *it;
    const bool isString = text.front() == '"';
    QJsonParseError err{};
    const QJsonDocument doc =
        QJsonDocument::fromJson(isString ? '[' + key + ']' : QByteArray(key), &err);
    if (err.error != QJsonParseError::NoError)
        return std::nullopt;
    QJsonValue v;
    if (isString) {
        const QJsonArray a = doc.array();
        if (a.size() != 1 || !a.first().isString())
            return std::nullopt;
        v = a.first();
    } else {
        v = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }
    if (text.size() <= kMaxKeptText) {
        if (m_kept.size() >= kMaxKept || m_keptBytes + text.size() > kMaxKeptBytes) {
            m_kept.clear();
            m_keptBytes = 0;
        }
        m_kept.insert(QByteArray(text.data(), text.size()), v);
        m_keptBytes += text.size();
    }
    return v;
}

} // namespace ta::core
