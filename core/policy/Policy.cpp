// SPDX-License-Identifier: Apache-2.0
#include "core/policy/Policy.h"
#include "core/policy/PolicyErrors.h"

#include "core/policy/PolicyEnv.h"
#include "core/policy/SpiffeIdTemplate.h"
#include "core/policy/cel/Checker.h"
#include "core/policy/cel/Parser.h"
#include "core/policy/cel/Program.h"
#include "core/spiffe/TrustDomain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <cmath>

namespace ta::core {
namespace {

/// @p e placed at entry @p index of the "policies" list.
Error atPolicy(qsizetype index, Error e)
{
    e.list = QStringLiteral("policies");
    e.index = index;
    return e;
}

const QStringList &knownKeys()
{
    static const QStringList keys = {
        QStringLiteral("name"),         QStringLiteral("effect"),
        QStringLiteral("trust_domain"), QStringLiteral("spiffe_id"),
        QStringLiteral("condition"),    QStringLiteral("x509_svid_ttl"),
        QStringLiteral("jwt_svid_ttl"), QStringLiteral("federates_with"),
        QStringLiteral("dns_names"),    QStringLiteral("description")};
    return keys;
}

Error fieldError(const QString &field, const QString &why)
{
    return makeError(ec::PolicyField, field + QStringLiteral(": ") + why);
}

Result<QString> stringField(const QJsonObject &o, const QString &key, bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return fieldError(key, QStringLiteral("missing"));
        return QString();
    }
    if (!v.isString())
        return fieldError(key, QStringLiteral("not a string"));
    if (required && v.toString().isEmpty())
        return fieldError(key, QStringLiteral("empty"));
    return v.toString();
}

Result<qint32> ttlField(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return qint32(0);
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 0 || d != std::floor(d) || d > 2147483647.0)
        return fieldError(key, QStringLiteral("not a number of seconds from 0 to 2^31-1"));
    return qint32(d);
}

Result<QStringList> listField(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return QStringList();
    if (!v.isArray())
        return fieldError(key, QStringLiteral("not a list"));
    QStringList out;
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isString() || a[i].toString().isEmpty())
            return fieldError(QStringLiteral("%1[%2]").arg(key).arg(i),
                              QStringLiteral("not a non-empty string"));
        out << a[i].toString();
    }
    return out;
}

Result<void> checkCondition(const QString &condition, const PolicyEnv &env)
{
    const cel::ParseResult parsed = cel::Parser::parse(condition);
    if (!parsed.ok()) {
        const cel::Diagnostic &d = parsed.diagnostics.front();
        return makeError(d.code.isEmpty() ? QString(ec::PolicyCondition) : d.code,
                         QStringLiteral("condition: ") + d.toString());
    }
    const cel::CheckResult checked = cel::Checker::check(*parsed.ast, env.env());
    if (!checked.ok())
        return makeError(ec::PolicyCondition,
                         QStringLiteral("condition: ") + checked.diagnostics.front().toString());
    // Planned here only for its cost: a policy that could stall a decision is not accepted.
    const cel::Limits limits;
    if (auto cost = cel::Program::plan(*parsed.ast, env.env(), limits).checkCost(limits); !cost)
        return makeError(cost.error().code, QStringLiteral("condition: ") + cost.error().detail);
    const cel::TypeKind kind = checked.resultType.kind();
    if (kind != cel::TypeKind::Bool && kind != cel::TypeKind::Dyn)
        return makeError(ec::PolicyCondition,
                         QStringLiteral("condition: 1:1: of type %1, not bool")
                             .arg(QString::fromStdString(checked.resultType.toString())));
    return {};
}

Result<Policy> readPolicy(const QJsonObject &o, const PolicyEnv &env)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!knownKeys().contains(it.key()))
            return fieldError(it.key(), QStringLiteral("unknown key"));
    }
    Policy p;
    auto name = stringField(o, QStringLiteral("name"), true);
    if (!name)
        return name.error();
    p.name = *name;
    auto effect = stringField(o, QStringLiteral("effect"), true);
    if (!effect)
        return effect.error();
    if (*effect == QLatin1String("grant"))
        p.effect = PolicyEffect::Grant;
    else if (*effect == QLatin1String("deny"))
        p.effect = PolicyEffect::Deny;
    else
        return fieldError(QStringLiteral("effect"),
                          QStringLiteral("'%1' is neither grant nor deny").arg(*effect));
    auto td = stringField(o, QStringLiteral("trust_domain"), true);
    if (!td)
        return td.error();
    auto trustDomain = TrustDomain::fromName(*td);
    if (!trustDomain)
        return fieldError(QStringLiteral("trust_domain"), trustDomain.error().toString());
    p.trustDomain = *td;
    auto tmpl = stringField(o, QStringLiteral("spiffe_id"), p.effect == PolicyEffect::Grant);
    if (!tmpl)
        return tmpl.error();
    p.spiffeIdTemplate = *tmpl;
    if (!p.spiffeIdTemplate.isEmpty()) {
        auto parsed = SpiffeIdTemplate::parse(p.spiffeIdTemplate, *trustDomain);
        if (!parsed)
            return makeError(parsed.error().code,
                             QStringLiteral("spiffe_id: ") + parsed.error().detail);
    }
    auto condition = stringField(o, QStringLiteral("condition"), true);
    if (!condition)
        return condition.error();
    p.condition = *condition;
    if (auto ok = checkCondition(p.condition, env); !ok)
        return ok.error();
    auto x509 = ttlField(o, QStringLiteral("x509_svid_ttl"));
    if (!x509)
        return x509.error();
    p.x509SvidTtl = *x509;
    auto jwt = ttlField(o, QStringLiteral("jwt_svid_ttl"));
    if (!jwt)
        return jwt.error();
    p.jwtSvidTtl = *jwt;
    auto federates = listField(o, QStringLiteral("federates_with"));
    if (!federates)
        return federates.error();
    for (qsizetype i = 0; i < federates->size(); ++i) {
        if (auto v = TrustDomain::validateName(federates->at(i)); !v)
            return fieldError(QStringLiteral("federates_with[%1]").arg(i), v.error().toString());
    }
    p.federatesWith = *federates;
    auto dns = listField(o, QStringLiteral("dns_names"));
    if (!dns)
        return dns.error();
    p.dnsNames = *dns;
    auto description = stringField(o, QStringLiteral("description"), false);
    if (!description)
        return description.error();
    p.description = *description;
    return p;
}

} // namespace

QString policyEffectName(PolicyEffect effect)
{
    return effect == PolicyEffect::Deny ? QStringLiteral("deny") : QStringLiteral("grant");
}

QJsonObject Policy::toJson() const
{
    QJsonObject o{{QStringLiteral("name"), name},
                  {QStringLiteral("effect"), policyEffectName(effect)},
                  {QStringLiteral("trust_domain"), trustDomain},
                  {QStringLiteral("condition"), condition},
                  {QStringLiteral("x509_svid_ttl"), x509SvidTtl},
                  {QStringLiteral("jwt_svid_ttl"), jwtSvidTtl},
                  {QStringLiteral("federates_with"), QJsonArray::fromStringList(federatesWith)},
                  {QStringLiteral("dns_names"), QJsonArray::fromStringList(dnsNames)}};
    if (!spiffeIdTemplate.isEmpty())
        o.insert(QStringLiteral("spiffe_id"), spiffeIdTemplate);
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    return o;
}

Result<Policy> Policy::fromJson(const QJsonObject &object)
{
    const PolicyEnv env;
    return readPolicy(object, env);
}

QByteArray Policy::listToJson(const QList<Policy> &policies)
{
    QJsonArray array;
    for (const Policy &p : policies)
        array.append(p.toJson());
    return QJsonDocument(QJsonObject{{QStringLiteral("policies"), array}})
        .toJson(QJsonDocument::Indented);
}

Result<QList<Policy>> Policy::listFromJson(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(
            ec::PolicyJson,
            QStringLiteral("offset %1: %2").arg(error.offset).arg(error.errorString()));
    const QJsonValue list = doc.object().value(QLatin1String("policies"));
    if (!doc.isObject() || !list.isArray())
        return makeError(ec::PolicyJson, QStringLiteral("not a {\"policies\": [...]} document"));
    const PolicyEnv env;
    QList<Policy> out;
    QSet<QString> names;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array[i].toObject();
        const QString name = o.value(QLatin1String("name")).toString();
        const QString where = name.isEmpty() ? QStringLiteral("policy %1: ").arg(i)
                                             : QStringLiteral("policy %1 (%2): ").arg(i).arg(name);
        if (!array[i].isObject())
            return atPolicy(i, makeError(ec::PolicyJson, where + QStringLiteral("not an object")));
        auto p = readPolicy(o, env);
        if (!p)
            return atPolicy(i, makeError(p.error().code, where + p.error().detail));
        if (names.contains(p->name))
            return atPolicy(
                i, makeError(ec::PolicyDuplicateName, where + QStringLiteral("name used before")));
        names.insert(p->name);
        out.append(*p);
    }
    return out;
}

} // namespace ta::core
