// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Hashing.h"

#include <QDateTime>
#include <QHash>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

#include <array>

namespace ta::core {

/// An agent whose node attestation holds: what workload evidence it signs is believed.
struct AttestedNode
{
    QString subject;
    QString agentId;
    QDateTime attestedAt;
    /// Node attestation lapses here unless renewed by a new one.
    QDateTime validUntil;
    /// The anchors the node attestation rested on; revoking one drops the node at once.
    QStringList anchorIds;
    /// The keys it rested on (SPKI SHA-256, hex); revoking one drops the node too.
    QStringList keyFingerprints;
};

/// What a replay has learnt so far, in timeline order: anchors revoked or expired by signals,
/// keys revoked, join tokens consumed, and the nodes currently attested.
class AttestationState
{
public:
    void revokeAnchor(const QString &anchorId, const QDateTime &at);
    void expireAnchor(const QString &anchorId, const QDateTime &at);
    /// Revokes a public key by its SPKI SHA-256 fingerprint (hex), wherever it appears.
    void revokeKey(const QByteArray &fingerprint, const QDateTime &at);
    bool anchorRevoked(const QString &anchorId) const
    {
        return m_revokedAnchors.contains(anchorId);
    }
    bool anchorExpiredBySignal(const QString &anchorId) const
    {
        return m_expiredAnchors.contains(anchorId);
    }
    bool keyRevoked(const QByteArray &fingerprint) const
    {
        return m_revokedKeys.contains(fingerprint);
    }
    /// Whether any key was revoked; lets attestors skip computing fingerprints (a key encoding
    /// per record) in the common case.
    bool anyKeyRevoked() const { return !m_revokedKeys.isEmpty(); }

    /// When join token @p tokenSha256 was used; invalid when it has not been.
    QDateTime tokenUsedAt(const QByteArray &tokenSha256) const
    {
        return m_usedTokens.value(tokenSha256).second;
    }
    /// Marks a join token used by @p subject at @p at.
    void consumeToken(const QByteArray &tokenSha256, const QString &subject, const QDateTime &at)
    {
        m_usedTokens.insert(tokenSha256, {subject, at});
    }
    /// Token hash -> (subject, time) of every used join token.
    const QHash<QByteArray, QPair<QString, QDateTime>> &usedTokens() const { return m_usedTokens; }

    /// Records a successful node attestation, replacing any earlier one of the same subject, and
    /// binds its subject and agent ID to each other for the rest of the replay (bindSubject).
    void attestNode(const AttestedNode &node);
    /// Forgets the node attestation of the agent @p subject is bound to (its new evidence was
    /// refused: drift). The binding stays: a label never regains trust by losing it.
    void dropNode(const QString &subject);

    /// Binds the label @p subject to the agent ID @p agentId its evidence proved, both ways, on
    /// first use; an existing binding is kept. Node state is keyed on the agent ID: the label
    /// only names it, so a label that contradicts its binding is refused (subject_mismatch).
    void bindSubject(const QString &subject, const QString &agentId);
    /// The agent ID @p subject was first bound to; empty when none.
    QString boundAgent(const QString &subject) const { return m_agentBySubject.value(subject); }
    /// The subject @p agentId was first bound to; empty when none.
    QString boundSubject(const QString &agentId) const { return m_subjectByAgent.value(agentId); }
    /// The node attestation of the agent @p agentId, or nullptr; validity is the caller's check.
    const AttestedNode *nodeByAgent(const QString &agentId) const;
    qsizetype nodeCount() const { return m_nodes.size(); }
    /// Why @p node does not vouch for its agent at @p time (lapsed, anchor or key revoked or
    /// expired); empty when it does.
    QString nodeInvalidReason(const AttestedNode &node, const QDateTime &time) const;

private:
    /// The attested nodes by agent ID, spread over shards by the ID's hash. Every pre-pass batch
    /// copies the state and the replay then changes its own: one table would be copied whole,
    /// every node, on the first change after each copy (a million records' replay copied 2,500
    /// nodes 4,000 times, and freed them as often). A change copies only its shard.
    class NodeTable
    {
    public:
        const AttestedNode *find(const QString &agentId) const
        {
            const HashedString key(agentId);
            const auto &shard = m_shards[shardOf(key)];
            const auto it = shard.constFind(key);
            return it == shard.cend() ? nullptr : &*it;
        }
        void insert(const QString &agentId, AttestedNode node)
        {
            HashedString key(agentId);
            auto &shard = m_shards[shardOf(key)];
            m_size -= shard.size();
            shard.insert(std::move(key), std::move(node));
            m_size += shard.size();
        }
        void remove(const QString &agentId)
        {
            const HashedString key(agentId);
            auto &shard = m_shards[shardOf(key)];
            // Looked up first: removing from a shard another copy shares copies it even when
            // the ID is not there.
            if (shard.contains(key)) {
                shard.remove(key);
                --m_size;
            }
        }
        qsizetype size() const { return m_size; }

    private:
        static constexpr int kShardBits = 6;
        // The hash's top bits: its low bits pick the bucket within a shard.
        static size_t shardOf(const HashedString &key)
        {
            return key.hash >> (8 * sizeof(size_t) - kShardBits);
        }
        std::array<QHash<HashedString, AttestedNode>, size_t(1) << kShardBits> m_shards;
        qsizetype m_size = 0;
    };

    QHash<QString, QDateTime> m_revokedAnchors;
    QHash<QString, QDateTime> m_expiredAnchors;
    QHash<QByteArray, QDateTime> m_revokedKeys;
    QHash<QByteArray, QPair<QString, QDateTime>> m_usedTokens;
    NodeTable m_nodes;                        // by agent ID
    QHash<QString, QString> m_agentBySubject; // node subject -> agent ID, first bound
    QHash<QString, QString> m_subjectByAgent; // agent ID -> node subject, first bound
};

} // namespace ta::core
