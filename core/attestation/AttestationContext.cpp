// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/AttestationContext.h"

#include <algorithm>

namespace ta::core {

StateReads::Read StateReads::answered(const AttestationState &state, Read q)
{
    switch (q.kind) {
    case Kind::AnchorRevoked:
        q.flag = state.anchorRevoked(q.id);
        break;
    case Kind::AnchorExpiredBySignal:
        q.flag = state.anchorExpiredBySignal(q.id);
        break;
    case Kind::AnyKeyRevoked:
        q.flag = state.anyKeyRevoked();
        break;
    case Kind::KeyRevoked:
        q.flag = state.keyRevoked(q.key);
        break;
    case Kind::TokenUsedAt:
        q.usedAt = state.tokenUsedAt(q.key);
        break;
    case Kind::NodeStanding:
        // All of it goes into a workload's result: the answer is compared whole.
        if (const AttestedNode *node = state.nodeByAgent(q.id))
            q.node = {state.nodeInvalidReason(*node, q.at), node->subject, node->anchorIds,
                      node->keyFingerprints};
        else
            q.node = {QStringLiteral("no node attestation"), {}, {}, {}};
        break;
    }
    return q;
}

bool StateReads::holdIn(const AttestationState &state) const
{
    return std::all_of(m_reads.cbegin(), m_reads.cend(),
                       [&](const Read &r) { return answered(state, r) == r; });
}

StateReads::Read AttestationContext::ask(StateReads::Read question) const
{
    StateReads::Read r = StateReads::answered(m_state, std::move(question));
    if (m_reads)
        m_reads->add(r);
    return r;
}

bool AttestationContext::anchorRevoked(const QString &anchorId) const
{
    return ask(StateReads::question(StateReads::Kind::AnchorRevoked, anchorId)).flag;
}

bool AttestationContext::anchorExpiredBySignal(const QString &anchorId) const
{
    return ask(StateReads::question(StateReads::Kind::AnchorExpiredBySignal, anchorId)).flag;
}

bool AttestationContext::anyKeyRevoked() const
{
    return ask(StateReads::question(StateReads::Kind::AnyKeyRevoked)).flag;
}

bool AttestationContext::keyRevoked(const QByteArray &fingerprint) const
{
    return ask(StateReads::question(StateReads::Kind::KeyRevoked, {}, fingerprint)).flag;
}

QDateTime AttestationContext::tokenUsedAt(const QByteArray &tokenSha256) const
{
    return ask(StateReads::question(StateReads::Kind::TokenUsedAt, {}, tokenSha256)).usedAt;
}

NodeStanding AttestationContext::nodeStanding(const QString &agentId, const QDateTime &time) const
{
    return ask(StateReads::question(StateReads::Kind::NodeStanding, agentId, {}, time)).node;
}

} // namespace ta::core
