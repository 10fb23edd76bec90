// SPDX-License-Identifier: Apache-2.0
// The fixed subject the policy, entry and CEL targets decide over: a workload attested by k8s
// on an agent of prod.example, with claims every placeholder and condition can reach.
#pragma once

#include "core/policy/PolicySubject.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ta::fuzz {

inline const ta::core::PolicySubject &sampleSubject()
{
    static const ta::core::PolicySubject subject = [] {
        const QByteArray json = R"J({"subject": "workload/pay-api", "attestor": "k8s",
            "verdict": "affirming", "time": "2026-04-07T10:00:00Z",
            "selectors": ["k8s:ns:payments", "k8s:sa:api", "docker:label:app:pay"],
            "claims": {"workload": {"k8s": {"ns": "payments", "sa": "api", "pod": "pay-0",
                                            "labels": {"app": "pay"}},
                                    "agent_id": "spiffe://prod.example/spire/agent/k8s_psat/prod/node-1"},
                       "node": {"k8s_psat": {"cluster": "prod", "zone": "a"}}},
            "agent_id": "spiffe://prod.example/spire/agent/k8s_psat/prod/node-1",
            "node_selectors": ["k8s_psat:cluster:prod", "k8s_psat:agent_ns:spire"]})J";
        return ta::core::PolicySubject::fromJson(QJsonDocument::fromJson(json).object()).value();
    }();
    return subject;
}

} // namespace ta::fuzz
