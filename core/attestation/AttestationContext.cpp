// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/AttestationContext.h"

namespace ta::core {

namespace {

NodeStanding standingIn(const AttestationState &state, const QString &agentId,
                        const QDateTime &time)
{
    const AttestedNode *node = state.nodeByAgent(agentId);
    if (!node)
        return {QStringLiteral("no node attestation"), {}, {}, {}};
    return {state.nodeInvalidReason(*node, time), node->subject, node->anchorIds,
            node->keyFingerprints};
}

} // namespace

bool StateReads::holdIn(const AttestationState &state) const
{
    for (const Read &r : m_reads) {
        switch (r.kind) {
        case Kind::AnchorRevoked:
            if (state.anchorRevoked(r.id) != r.flag)
                return false;
            break;
        case Kind::AnchorExpiredBySignal:
            if (state.anchorExpiredBySignal(r.id) != r.flag)
                return false;
            break;
        case Kind::AnyKeyRevoked:
            if (state.anyKeyRevoked() != r.flag)
                return false;
            break;
        case Kind::KeyRevoked:
            if (state.keyRevoked(r.key) != r.flag)
                return false;
            break;
        case Kind::TokenUsedAt:
            if (state.tokenUsedAt(r.key) != r.time)
                return false;
            break;
        case Kind::NodeStanding:
            // All of it goes into the result: compare it whole.
            if (standingIn(state, r.id, r.time) != r.node)
                return false;
            break;
        }
    }
    return true;
}

bool AttestationContext::anchorRevoked(const QString &anchorId) const
{
    const bool answer = m_state.anchorRevoked(anchorId);
    if (m_reads)
        m_reads->add({StateReads::Kind::AnchorRevoked, answer, anchorId, {}, {}, {}});
    return answer;
}

bool AttestationContext::anchorExpiredBySignal(const QString &anchorId) const
{
    const bool answer = m_state.anchorExpiredBySignal(anchorId);
    if (m_reads)
        m_reads->add({StateReads::Kind::AnchorExpiredBySignal, answer, anchorId, {}, {}, {}});
    return answer;
}

bool AttestationContext::anyKeyRevoked() const
{
    const bool answer = m_state.anyKeyRevoked();
    if (m_reads)
        m_reads->add({StateReads::Kind::AnyKeyRevoked, answer, {}, {}, {}, {}});
    return answer;
}

bool AttestationContext::keyRevoked(const QByteArray &fingerprint) const
{
    const bool answer = m_state.keyRevoked(fingerprint);
    if (m_reads)
        m_reads->add({StateReads::Kind::KeyRevoked, answer, {}, fingerprint, {}, {}});
    return answer;
}

QDateTime AttestationContext::tokenUsedAt(const QByteArray &tokenSha256) const
{
    const QDateTime answer = m_state.tokenUsedAt(tokenSha256);
    if (m_reads)
        m_reads->add({StateReads::Kind::TokenUsedAt, false, {}, tokenSha256, answer, {}});
    return answer;
}

NodeStanding AttestationContext::nodeStanding(const QString &agentId, const QDateTime &time) const
{
    NodeStanding answer = standingIn(m_state, agentId, time);
    if (m_reads)
        m_reads->add({StateReads::Kind::NodeStanding, false, agentId, {}, time, answer});
    return answer;
}

} // namespace ta::core
