// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/AttestationContext.h"

#include <algorithm>

namespace ta::core {
namespace {

const QLatin1StringView kNoNodeAttestation("no node attestation");

} // namespace

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
            q.node = {QString(kNoNodeAttestation), {}, {}, {}};
        break;
    }
    return q;
}

bool StateReads::holds(const AttestationState &state, const Read &r)
{
    // answered(state, r) == r, without building the answer: it keeps r's question, so only the
    // answer's members can differ. The replay asks this of nearly every record, and a built
    // answer copied the node's lists, whose shared reference counts the pre-pass threads touch
    // too.
    switch (r.kind) {
    case Kind::AnchorRevoked:
        return state.anchorRevoked(r.id) == r.flag;
    case Kind::AnchorExpiredBySignal:
        return state.anchorExpiredBySignal(r.id) == r.flag;
    case Kind::AnyKeyRevoked:
        return state.anyKeyRevoked() == r.flag;
    case Kind::KeyRevoked:
        return state.keyRevoked(r.key) == r.flag;
    case Kind::TokenUsedAt:
        return state.tokenUsedAt(r.key) == r.usedAt;
    case Kind::NodeStanding:
        if (const AttestedNode *node = state.nodeByAgent(r.id))
            return r.node.subject == node->subject && r.node.anchorIds == node->anchorIds &&
                   r.node.keyFingerprints == node->keyFingerprints &&
                   r.node.invalidReason == state.nodeInvalidReason(*node, r.at);
        return r.node.invalidReason == kNoNodeAttestation && r.node.subject.isEmpty() &&
               r.node.anchorIds.isEmpty() && r.node.keyFingerprints.isEmpty();
    }
    return answered(state, r) == r;
}

bool StateReads::holdIn(const AttestationState &state) const
{
    return std::all_of(m_reads.cbegin(), m_reads.cend(),
                       [&](const Read &r) { return holds(state, r); });
}

template <typename Answer>
Answer AttestationContext::ask(StateReads::Read question, Answer StateReads::Read::*answer) const
{
    StateReads::Read r = StateReads::answered(m_state, std::move(question));
    if (!m_reads)
        return std::move(r.*answer);
    Answer out = r.*answer;
    m_reads->add(std::move(r));
    return out;
}

bool AttestationContext::anchorRevoked(const QString &anchorId) const
{
    return ask(StateReads::question(StateReads::Kind::AnchorRevoked, anchorId),
               &StateReads::Read::flag);
}

bool AttestationContext::anchorExpiredBySignal(const QString &anchorId) const
{
    return ask(StateReads::question(StateReads::Kind::AnchorExpiredBySignal, anchorId),
               &StateReads::Read::flag);
}

bool AttestationContext::anyKeyRevoked() const
{
    return ask(StateReads::question(StateReads::Kind::AnyKeyRevoked), &StateReads::Read::flag);
}

bool AttestationContext::keyRevoked(const QByteArray &fingerprint) const
{
    return ask(StateReads::question(StateReads::Kind::KeyRevoked, {}, fingerprint),
               &StateReads::Read::flag);
}

QDateTime AttestationContext::tokenUsedAt(const QByteArray &tokenSha256) const
{
    return ask(StateReads::question(StateReads::Kind::TokenUsedAt, {}, tokenSha256),
               &StateReads::Read::usedAt);
}

NodeStanding AttestationContext::nodeStanding(const QString &agentId, const QDateTime &time) const
{
    return ask(StateReads::question(StateReads::Kind::NodeStanding, agentId, {}, time),
               &StateReads::Read::node);
}

} // namespace ta::core
