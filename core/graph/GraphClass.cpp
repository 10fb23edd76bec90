// SPDX-License-Identifier: Apache-2.0
#include "core/graph/GraphClass.h"

namespace ta::core {
namespace {

constexpr const char *kNodeNames[] = {"trust_domain", "authority", "platform",   "anchor", "node",
                                      "workload",     "identity",  "credential", "rule"};
constexpr const char *kEdgeNames[] = {"federates_with", "attested_by", "runs_on",   "grants",
                                      "holds",          "identifies",  "issued_by", "member_of"};
constexpr const char *kStatusNames[] = {"",      "attested", "warning", "refused", "stale",
                                        "valid", "expiring", "expired", "revoked", "planned"};

} // namespace

QString nodeClassName(NodeClass cls)
{
    return QString::fromLatin1(kNodeNames[int(cls)]);
}

std::optional<NodeClass> nodeClassFromName(QStringView name)
{
    for (int i = 0; i < kNodeClassCount; ++i) {
        if (name == QLatin1String(kNodeNames[i]))
            return NodeClass(i);
    }
    return std::nullopt;
}

QString edgeClassName(EdgeClass cls)
{
    return QString::fromLatin1(kEdgeNames[int(cls)]);
}

std::optional<EdgeClass> edgeClassFromName(QStringView name)
{
    for (int i = 0; i < kEdgeClassCount; ++i) {
        if (name == QLatin1String(kEdgeNames[i]))
            return EdgeClass(i);
    }
    return std::nullopt;
}

QString graphStatusName(GraphStatus status)
{
    return QString::fromLatin1(kStatusNames[int(status)]);
}

} // namespace ta::core
