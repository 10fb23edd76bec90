// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace ta::core {

struct AttestationResult;

/// What a decision is about: one attestation result, as policies and registration entries see
/// it. Its JSON is a line of `evidence verify --json` (fields other than these are ignored):
///
///     {"subject": "workload/pay-api", "attestor": "k8s", "verdict": "affirming",
///      "time": "2026-04-07T10:00:00Z", "selectors": ["k8s:ns:payments"],
///      "claims": {"workload": {"k8s": {"ns": "payments"}}},
///      "agent_id": "spiffe://prod.example/spire/agent/k8s_psat/prod/node-1",
///      "node_selectors": ["k8s_psat:cluster:prod"]}
///
/// subject and verdict are required; agent_id defaults to claims.workload.agent_id;
/// node_selectors (the selectors of the agent's node attestation) only matter for registration
/// entries of a workload.
class PolicySubject
{
public:
    PolicySubject() = default;

    /// Reads the JSON above. Errors: subject.json with the field at fault.
    [[nodiscard]] static Result<PolicySubject> fromJson(const QJsonObject &object);
    static PolicySubject fromAttestationResult(const AttestationResult &result,
                                               const QStringList &nodeSelectors = {});
    /// As above, with the workload's agent ID (claims.workload.agent_id) already read: used
    /// when @p result has none of its own.
    static PolicySubject fromAttestationResult(const AttestationResult &result,
                                               const QStringList &nodeSelectors,
                                               const QString &workloadAgentId);
    QJsonObject toJson() const;

    /// The value at a template field path: "subject", "attestor", "verdict", "agent_id", or a
    /// claim ("workload.k8s.ns"; "claims.x.y" names claim x explicitly). Undefined if absent.
    QJsonValue field(const QStringList &path) const;
    /// Whether this is a workload's result (it has workload claims) rather than a node's.
    bool isWorkload() const { return m_claims.contains(QLatin1String("workload")); }

    QString subject() const { return m_subject; }
    void setSubject(const QString &s) { m_subject = s; }
    QString attestor() const { return m_attestor; }
    void setAttestor(const QString &a) { m_attestor = a; }
    QString verdict() const { return m_verdict; }
    void setVerdict(const QString &v) { m_verdict = v; }
    QString agentId() const { return m_agentId; }
    void setAgentId(const QString &id) { m_agentId = id; }
    QDateTime time() const { return m_time; }
    void setTime(const QDateTime &t) { m_time = t; }
    QStringList selectors() const { return m_selectors; }
    void setSelectors(const QStringList &s) { m_selectors = s; }
    QStringList nodeSelectors() const { return m_nodeSelectors; }
    void setNodeSelectors(const QStringList &s) { m_nodeSelectors = s; }
    const QJsonObject &claims() const { return m_claims; }
    void setClaims(const QJsonObject &c) { m_claims = c; }

    /// Whether @p other says the same of the same subject at another instant: every field but
    /// time is equal. Rules that do not read time decide both alike.
    bool sameFacts(const PolicySubject &other) const;
    /// Makes this subject what fromAttestationResult(@p result, @p nodeSelectors,
    /// @p workloadAgentId) would make, and returns whether a fact changed (sameFacts() would
    /// have been false). Fields equal to the new ones are kept, or made to share their storage:
    /// a subject re-attesting with shared values costs pointer comparisons, not copies.
    bool updateFrom(const AttestationResult &result, const QStringList &nodeSelectors,
                    const QString &workloadAgentId);

private:
    QString m_subject;
    QString m_attestor;
    QString m_verdict;
    QString m_agentId;
    QDateTime m_time;
    QStringList m_selectors;
    QStringList m_nodeSelectors;
    QJsonObject m_claims;
};

} // namespace ta::core
