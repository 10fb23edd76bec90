// SPDX-License-Identifier: Apache-2.0
#include "core/policy/PolicySubject.h"
#include "core/policy/PolicyErrors.h"

#include "core/attestation/AttestationResult.h"
#include "core/attestation/EvidenceRecord.h"

#include <QJsonArray>

namespace ta::core {
namespace {

Error bad(const QString &field, const QString &why)
{
    return makeError(ec::SubjectJson, field + QStringLiteral(": ") + why);
}

Result<QStringList> stringList(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return QStringList();
    if (!v.isArray())
        return bad(key, QStringLiteral("not a list"));
    QStringList out;
    for (const QJsonValue &item : v.toArray()) {
        if (!item.isString())
            return bad(key, QStringLiteral("not a list of strings"));
        out << item.toString();
    }
    return out;
}

} // namespace

Result<PolicySubject> PolicySubject::fromJson(const QJsonObject &o)
{
    PolicySubject s;
    for (const char *key : {"subject", "attestor", "verdict", "agent_id", "time"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            return bad(QLatin1String(key), QStringLiteral("not a string"));
    }
    s.m_subject = o.value(QLatin1String("subject")).toString();
    if (s.m_subject.isEmpty())
        return bad(QStringLiteral("subject"), QStringLiteral("missing"));
    s.m_verdict = o.value(QLatin1String("verdict")).toString();
    // Fail closed: a result without its verdict must not pass for an affirming one.
    if (s.m_verdict != QLatin1String("affirming") && s.m_verdict != QLatin1String("warning") &&
        s.m_verdict != QLatin1String("contraindicated"))
        return bad(QStringLiteral("verdict"),
                   s.m_verdict.isEmpty() ? QStringLiteral("missing") : s.m_verdict);
    s.m_attestor = o.value(QLatin1String("attestor")).toString();
    const QJsonValue claims = o.value(QLatin1String("claims"));
    if (!claims.isUndefined() && !claims.isNull() && !claims.isObject())
        return bad(QStringLiteral("claims"), QStringLiteral("not an object"));
    s.m_claims = claims.toObject();
    s.m_agentId = o.value(QLatin1String("agent_id")).toString();
    if (s.m_agentId.isEmpty())
        s.m_agentId = s.m_claims.value(QLatin1String("workload"))
                          .toObject()
                          .value(QLatin1String("agent_id"))
                          .toString();
    const QString time = o.value(QLatin1String("time")).toString();
    if (!time.isEmpty()) {
        const auto t = EvidenceRecord::parseTime(time);
        if (!t)
            return bad(QStringLiteral("time"), time);
        s.m_time = *t;
    }
    auto selectors = stringList(o, QStringLiteral("selectors"));
    if (!selectors)
        return selectors.error();
    s.m_selectors = *selectors;
    auto nodeSelectors = stringList(o, QStringLiteral("node_selectors"));
    if (!nodeSelectors)
        return nodeSelectors.error();
    s.m_nodeSelectors = *nodeSelectors;
    return s;
}

PolicySubject PolicySubject::fromAttestationResult(const AttestationResult &result,
                                                   const QStringList &nodeSelectors)
{
    return fromAttestationResult(result, nodeSelectors,
                                 result.agentId.isEmpty()
                                     ? result.claims.value(QLatin1String("workload"))
                                           .toObject()
                                           .value(QLatin1String("agent_id"))
                                           .toString()
                                     : QString());
}

PolicySubject PolicySubject::fromAttestationResult(const AttestationResult &result,
                                                   const QStringList &nodeSelectors,
                                                   const QString &workloadAgentId)
{
    PolicySubject s;
    s.m_subject = result.subject;
    s.m_attestor = result.attestor;
    s.m_verdict = verdictName(result.verdict());
    s.m_claims = result.claims;
    s.m_agentId = result.agentId.isEmpty() ? workloadAgentId : result.agentId;
    s.m_time = result.time;
    s.m_selectors = result.selectors;
    s.m_nodeSelectors = nodeSelectors;
    return s;
}

bool PolicySubject::sameFacts(const PolicySubject &other) const
{
    return m_subject == other.m_subject && m_attestor == other.m_attestor &&
           m_verdict == other.m_verdict && m_agentId == other.m_agentId &&
           m_selectors == other.m_selectors && m_nodeSelectors == other.m_nodeSelectors &&
           m_claims == other.m_claims;
}

namespace {

// Makes @p field share @p value's storage; returns whether they differed.
template <typename T>
bool assignShared(T &field, const T &value)
{
    if (field.isSharedWith(value))
        return false;
    const bool differ = field != value;
    field = value;
    return differ;
}

} // namespace

bool PolicySubject::updateFrom(const AttestationResult &result, const QStringList &nodeSelectors,
                               const QString &workloadAgentId)
{
    bool changed = assignShared(m_subject, result.subject);
    changed |= assignShared(m_attestor, result.attestor);
    changed |= assignShared(m_verdict, verdictName(result.verdict()));
    changed |= assignShared(m_agentId, result.agentId.isEmpty() ? workloadAgentId : result.agentId);
    changed |= assignShared(m_selectors, result.selectors);
    changed |= assignShared(m_nodeSelectors, nodeSelectors);
    // QJsonObject compares its storage's address first.
    if (m_claims != result.claims) {
        m_claims = result.claims;
        changed = true;
    }
    m_time = result.time;
    return changed;
}

QJsonObject PolicySubject::toJson() const
{
    QJsonObject o{{QStringLiteral("subject"), m_subject},
                  {QStringLiteral("attestor"), m_attestor},
                  {QStringLiteral("verdict"), m_verdict},
                  {QStringLiteral("selectors"), QJsonArray::fromStringList(m_selectors)},
                  {QStringLiteral("claims"), m_claims}};
    if (m_time.isValid())
        o.insert(QStringLiteral("time"), EvidenceRecord::formatTime(m_time));
    if (!m_agentId.isEmpty())
        o.insert(QStringLiteral("agent_id"), m_agentId);
    if (!m_nodeSelectors.isEmpty())
        o.insert(QStringLiteral("node_selectors"), QJsonArray::fromStringList(m_nodeSelectors));
    return o;
}

QJsonValue PolicySubject::field(const QStringList &path) const
{
    if (path.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    const QString &root = path.first();
    qsizetype next = 1;
    QJsonValue v;
    if (root == QLatin1String("subject"))
        v = m_subject;
    else if (root == QLatin1String("attestor"))
        v = m_attestor;
    else if (root == QLatin1String("verdict"))
        v = m_verdict;
    else if (root == QLatin1String("agent_id"))
        v = m_agentId.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(m_agentId);
    else if (root == QLatin1String("claims") && path.size() > 1)
        v = m_claims.value(path.at(next++));
    else
        v = m_claims.value(root);
    for (; next < path.size(); ++next) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(path.at(next));
    }
    return v;
}

} // namespace ta::core
