// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/AttestationState.h"

#include <QVarLengthArray>

#include <algorithm>

namespace ta::core {

void AttestationState::revokeAnchor(const QString &anchorId, const QDateTime &at)
{
    m_revokedAnchors.insert(anchorId, at);
}

void AttestationState::expireAnchor(const QString &anchorId, const QDateTime &at)
{
    m_expiredAnchors.insert(anchorId, at);
}

void AttestationState::revokeKey(const QByteArray &fingerprint, const QDateTime &at)
{
    m_revokedKeys.insert(fingerprint, at);
}

void AttestationState::attestNode(const AttestedNode &node)
{
    AttestedNode kept = node;
    // A node re-attesting nearly always rests on the anchors and keys it rested on before: it
    // keeps those lists, so that its workloads' results, which copy them (nodeStanding), share
    // one allocation across its re-attestations, and the replay compares them by address rather
    // than string by string.
    if (const AttestedNode *previous = nodeByAgent(node.agentId)) {
        if (previous->anchorIds == kept.anchorIds)
            kept.anchorIds = previous->anchorIds;
        if (previous->keyFingerprints == kept.keyFingerprints)
            kept.keyFingerprints = previous->keyFingerprints;
    }
    dropNode(node.subject);
    bindSubject(node.subject, node.agentId);
    m_nodes.insert(node.agentId, std::move(kept));
}

void AttestationState::dropNode(const QString &subject)
{
    const auto it = m_agentBySubject.constFind(subject);
    if (it != m_agentBySubject.cend())
        m_nodes.remove(*it);
}

void AttestationState::bindSubject(const QString &subject, const QString &agentId)
{
    if (subject.isEmpty() || agentId.isEmpty())
        return;
    if (!m_agentBySubject.contains(subject))
        m_agentBySubject.insert(subject, agentId);
    if (!m_subjectByAgent.contains(agentId))
        m_subjectByAgent.insert(agentId, subject);
}

const AttestedNode *AttestationState::nodeByAgent(const QString &agentId) const
{
    return m_nodes.find(agentId);
}

QString AttestationState::nodeInvalidReason(const AttestedNode &node, const QDateTime &time) const
{
    if (time < node.attestedAt)
        return QStringLiteral("attested later, at ") + node.attestedAt.toString(Qt::ISODate);
    if (node.validUntil.isValid() && time >= node.validUntil)
        return QStringLiteral("lapsed at ") + node.validUntil.toString(Qt::ISODate);
    // Asked for every workload record, in the pre-pass and again in the replay: while nothing
    // is revoked (the usual case) the loops below, a Latin-1 copy of each key's fingerprint
    // among them, are skipped.
    if (!m_revokedAnchors.isEmpty() || !m_expiredAnchors.isEmpty()) {
        for (const QString &a : node.anchorIds) {
            if (anchorRevoked(a))
                return QStringLiteral("anchor revoked: ") + a;
            if (anchorExpiredBySignal(a))
                return QStringLiteral("anchor expired: ") + a;
        }
    }
    if (anyKeyRevoked()) {
        // Each fingerprint's Latin-1 form (as toLatin1() makes it) in a buffer on the stack:
        // toLatin1() allocated an array per key of the node, for every workload record.
        QVarLengthArray<char, 128> latin1;
        for (const QString &k : node.keyFingerprints) {
            latin1.resize(k.size());
            std::transform(k.cbegin(), k.cend(), latin1.begin(),
                           [](QChar c) { return c.unicode() < 0x100 ? char(c.unicode()) : '?'; });
            if (keyRevoked(QByteArray::fromRawData(latin1.constData(), latin1.size())))
                return QStringLiteral("key revoked: ") + k;
        }
    }
    return {};
}

} // namespace ta::core
