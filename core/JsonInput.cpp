// SPDX-License-Identifier: Apache-2.0
#include "core/JsonInput.h"
#include "core/FrontEndErrors.h"

#include <QJsonArray>
#include <QList>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>
#include <vector>

namespace ta::core {
namespace {

// The index past the closing quote of the string token that opens at @p begin; @p escaped
// tells whether the token holds a backslash. The input is known to be valid JSON.
qsizetype stringEnd(const QByteArray &json, qsizetype begin, bool &escaped)
{
    const char *data = json.constData();
    const qsizetype size = json.size();
    escaped = false;
    for (qsizetype i = begin + 1; i < size;) {
        const auto *quote = static_cast<const char *>(std::memchr(data + i, '"', size_t(size - i)));
        if (!quote)
            return size;
        const qsizetype at = quote - data;
        // A quote after an odd run of backslashes is part of the text.
        qsizetype slashes = 0;
        while (at - slashes - 1 > begin && data[at - slashes - 1] == '\\')
            ++slashes;
        if (std::memchr(data + i, '\\', size_t(at - i)))
            escaped = true;
        if (slashes % 2 == 0)
            return at + 1;
        i = at + 1;
    }
    return size;
}

// The decoded text of the string token [begin, end) (quotes included).
QString decodedString(const QByteArray &json, qsizetype begin, qsizetype end, bool escaped)
{
    if (!escaped)
        return QString::fromUtf8(json.constData() + begin + 1, end - begin - 2);
    // Escapes (\u0061 is "a") decode through Qt's own parser.
    return QJsonDocument::fromJson('[' + json.mid(begin, end - begin) + ']')
        .array()
        .at(0)
        .toString();
}

// The member names of one open object. Names without escapes are compared as their bytes,
// which is their UTF-8 (the text is valid JSON, so valid UTF-8): no allocation while an object
// has a few. Once a name has an escape, every name is compared decoded ("\u0061" is "a").
class Names
{
public:
    // False when the name [begin, end) is already among them; else it is added.
    bool add(const QByteArray &json, qsizetype begin, qsizetype end, bool escaped)
    {
        if (escaped && !m_decoded) {
            for (QByteArrayView raw : std::as_const(m_few))
                m_text.insert(QString::fromUtf8(raw));
            for (QByteArrayView raw : std::as_const(m_many))
                m_text.insert(QString::fromUtf8(raw));
            m_decoded = true;
        }
        if (m_decoded) {
            const QString name = decodedString(json, begin, end, escaped);
            if (m_text.contains(name))
                return false;
            m_text.insert(name);
            return true;
        }
        const QByteArrayView raw(json.constData() + begin + 1, end - begin - 2);
        if (m_many.isEmpty()) {
            if (std::find(m_few.cbegin(), m_few.cend(), raw) != m_few.cend())
                return false;
            if (m_few.size() < FewNames) {
                m_few.append(raw);
                return true;
            }
            // Many names: a hash, so an object of a million names is not a million squared.
            for (QByteArrayView n : std::as_const(m_few))
                m_many.insert(n);
            m_few.clear();
        }
        if (m_many.contains(raw))
            return false;
        m_many.insert(raw);
        return true;
    }

    /// Forgets every name: the object is done, and the next one at its depth starts empty.
    void clear()
    {
        m_few.clear();
        m_many.clear();
        m_decoded = false;
        m_text.clear();
    }

private:
    static constexpr qsizetype FewNames = 16;
    QVarLengthArray<QByteArrayView, FewNames> m_few;
    QSet<QByteArrayView> m_many;
    bool m_decoded = false;
    QSet<QString> m_text;
};

// Scans valid JSON for an object holding the same member name twice.
Result<void> noDuplicateKeys(const QByteArray &json)
{
    // One entry per open container: whether it is an object, and whether a member name comes
    // next.
    struct Open
    {
        bool object = false;
        bool expectKey = false;
    };
    std::vector<Open> stack;
    stack.reserve(8);
    // The member names seen so far in the open object at each depth (unused for an array's),
    // kept from one object to the next at that depth: an evidence line's objects cost no
    // allocation each.
    std::vector<Names> names;
    for (qsizetype i = 0; i < json.size();) {
        const char c = json.at(i);
        switch (c) {
        case '{':
            if (names.size() <= stack.size())
                names.resize(stack.size() + 1);
            else
                names[stack.size()].clear();
            stack.push_back({true, true});
            ++i;
            break;
        case '[':
            stack.push_back({false, false});
            ++i;
            break;
        case '}':
        case ']':
            if (!stack.empty())
                stack.pop_back();
            ++i;
            break;
        case ',':
            if (!stack.empty() && stack.back().object)
                stack.back().expectKey = true;
            ++i;
            break;
        case '"': {
            bool escaped = false;
            const qsizetype end = stringEnd(json, i, escaped);
            if (!stack.empty() && stack.back().object && stack.back().expectKey) {
                if (!names[stack.size() - 1].add(json, i, end, escaped))
                    return makeError(ec::JsonDuplicateKey,
                                     QStringLiteral("\"%1\" at offset %2")
                                         .arg(decodedString(json, i, end, escaped).left(100))
                                         .arg(i));
                stack.back().expectKey = false;
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
