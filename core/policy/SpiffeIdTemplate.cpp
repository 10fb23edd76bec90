// SPDX-License-Identifier: Apache-2.0
#include "core/policy/SpiffeIdTemplate.h"
#include "core/policy/PolicyErrors.h"

#include "core/policy/PolicySubject.h"
#include "core/spiffe/SpiffeId.h"

#include <algorithm>
#include <cmath>

namespace ta::core {
namespace {

Error syntax(qsizetype column, const QString &why)
{
    return makeError(ec::PolicyTemplate, QStringLiteral("column %1: %2").arg(column + 1).arg(why));
}

bool isNameChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') ||
           c == QLatin1Char('-');
}

bool isSegmentChar(QChar c)
{
    return isNameChar(c) || c == QLatin1Char('.');
}

} // namespace

Result<SpiffeIdTemplate> SpiffeIdTemplate::parse(const QString &text,
                                                 const TrustDomain &trustDomain)
{
    SpiffeIdTemplate t;
    t.m_text = text;
    t.m_prefix = trustDomain.idString();
    qsizetype pos = 0;
    const QLatin1String scheme("spiffe://");
    if (text.startsWith(scheme)) {
        const qsizetype slash = text.indexOf(QLatin1Char('/'), scheme.size());
        const QString td = text.mid(scheme.size(), slash < 0 ? -1 : slash - scheme.size());
        if (td.contains(QLatin1Char('{')))
            return syntax(scheme.size(), QStringLiteral("no placeholder in the trust domain"));
        if (td != trustDomain.name())
            return syntax(scheme.size(),
                          QStringLiteral("trust domain '%1' is not the policy's '%2'")
                              .arg(td, trustDomain.name()));
        pos = slash < 0 ? text.size() : slash;
    } else if (!text.startsWith(QLatin1Char('/'))) {
        return syntax(0, QStringLiteral("starts with neither 'spiffe://' nor '/'"));
    }
    QString shape;
    QString literal;
    while (pos < text.size()) {
        const QChar c = text.at(pos);
        if (c == QLatin1Char('}'))
            return syntax(pos, QStringLiteral("'}' outside a placeholder"));
        if (c != QLatin1Char('{')) {
            literal += c;
            shape += c;
            ++pos;
            continue;
        }
        const qsizetype close = text.indexOf(QLatin1Char('}'), pos + 1);
        if (close < 0)
            return syntax(pos, QStringLiteral("'{' without its '}'"));
        const QString field = text.mid(pos + 1, close - pos - 1);
        if (field.isEmpty())
            return syntax(pos, QStringLiteral("empty placeholder"));
        const QStringList path = field.split(QLatin1Char('.'));
        for (qsizetype i = 0, column = pos + 1; i < path.size();
             column += path[i].size() + 1, ++i) {
            if (path[i].isEmpty())
                return syntax(column, QStringLiteral("empty name in field path '%1'").arg(field));
            for (qsizetype k = 0; k < path[i].size(); ++k) {
                if (!isNameChar(path[i].at(k)))
                    return syntax(
                        column + k,
                        QStringLiteral("'%1' in field path '%2'").arg(path[i].at(k)).arg(field));
            }
        }
        if (!literal.isEmpty())
            t.m_parts.append({literal, {}, false});
        literal.clear();
        t.m_parts.append({field, path, true});
        shape += QLatin1Char('x');
        pos = close + 1;
    }
    if (!literal.isEmpty())
        t.m_parts.append({literal, {}, false});
    if (auto valid = SpiffeId::validatePath(shape); !valid)
        return makeError(ec::PolicyTemplate,
                         QStringLiteral("path: %1").arg(valid.error().toString()));
    if (auto id = SpiffeId::fromPath(trustDomain, shape); !id)
        return makeError(ec::PolicyTemplate, id.error().toString());
    if (std::none_of(t.m_parts.begin(), t.m_parts.end(), [](const Part &p) { return p.isField; }))
        t.m_constant = t.renderParts(PolicySubject());
    return t;
}

SpiffeIdTemplate::Rendered SpiffeIdTemplate::render(const PolicySubject &subject) const
{
    return m_constant ? *m_constant : renderParts(subject);
}

SpiffeIdTemplate::Rendered SpiffeIdTemplate::renderParts(const PolicySubject &subject) const
{
    Rendered r;
    QString id = m_prefix;
    for (const Part &part : m_parts) {
        if (!part.isField) {
            id += part.literal;
            continue;
        }
        const QJsonValue v = subject.field(part.path);
        QString text;
        if (v.isUndefined() || v.isNull()) {
            r.status = Status::FieldMissing;
            r.field = part.literal;
            return r;
        }
        if (v.isString()) {
            text = v.toString();
        } else if (v.isDouble() && std::trunc(v.toDouble()) == v.toDouble() &&
                   std::abs(v.toDouble()) < 9007199254740992.0) {
            // Beyond 2^53 a JSON number no longer names one integer.
            text = QString::number(qint64(v.toDouble()));
        } else {
            r.status = Status::InvalidValue;
            r.field = part.literal;
            r.detail = v.isBool()     ? QStringLiteral("a bool")
                       : v.isArray()  ? QStringLiteral("a list")
                       : v.isObject() ? QStringLiteral("an object")
                                      : QStringLiteral("a non-integral number");
            return r;
        }
        const bool valid = !text.isEmpty() && std::all_of(text.begin(), text.end(), isSegmentChar);
        if (!valid) {
            r.status = Status::InvalidValue;
            r.field = part.literal;
            r.detail = text.isEmpty() ? QStringLiteral("an empty string")
                                      : QStringLiteral("\"%1\"").arg(text);
            return r;
        }
        id += text;
    }
    auto parsed = SpiffeId::fromString(id);
    if (!parsed) {
        r.status = Status::InvalidId;
        r.spiffeId = id;
        r.detail = parsed.error().code;
        return r;
    }
    r.spiffeId = std::move(id);
    return r;
}

QStringList SpiffeIdTemplate::fields() const
{
    QStringList out;
    for (const Part &p : m_parts) {
        if (p.isField)
            out << p.literal;
    }
    return out;
}

} // namespace ta::core
