// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Hashing.h"
#include "core/attestation/Attestor.h"
#include "core/crypto/Jose.h"
#include "core/crypto/Key.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QMutex>
#include <QSet>
#include <QWaitCondition>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace ta::core {

/// unix, k8s, docker, systemd: workload selectors and claims that an attested agent signed.
/// payload.jws is a compact JWS whose protected header carries the agent's X509-SVID chain in
/// x5c (RFC 7515 4.1.6, base64 DER, leaf first) and whose claims are
/// {sub, selectors: ["<attestor>:..."], claims: {...}, iat, jti}. Accepted only when the SVID
/// validates against the workspace bundle of its trust domain at the record's time, its key
/// signed the JWS, and its agent ID holds a node attestation valid at that instant.
class WorkloadAttestor : public Attestor
{
public:
    /// An agent SVID chain that passed validation: valid again at any instant inside its window.
    struct ValidatedSvid
    {
        QString agentId;
        Key leafKey;
        QDateTime notBefore; ///< latest notBefore on the path
        QDateTime notAfter;  ///< earliest notAfter on the path
        QString algName;     ///< the header's alg, as written
        /// The alg read once, when it names a JWS algorithm.
        std::optional<JwsAlgorithm> alg;
    };

    /// Agents sign thousands of records with one SVID, under each of the four workload
    /// attestors; path validation (DER decoding and an X509_verify_cert per record) is the cost
    /// that dominates, and its outcome only depends on the chain, the bundle and the instant.
    /// What else the header says (its alg) is kept with it, so a record whose header is held
    /// here is not decoded again.
    /// The chains that passed, keyed by the bundle set's address and the protected header's
    /// text (which holds the x5c). One verifier's workload attestors share one: their bundle
    /// set is the verifier's, and outlives them.
    class ValidatedChains
    {
    public:
        /// The bundle set's address and the protected header's text. A look-up may hold the
        /// header as QByteArray::fromRawData over the token (no copy); a kept key owns its bytes.
        struct ChainKey
        {
            quintptr bundles = 0;
            QByteArray header;
            friend bool operator==(const ChainKey &, const ChainKey &) = default;
            friend size_t qHash(const ChainKey &k, size_t seed = 0) noexcept
            {
                return seededHash(seed, k.bundles, k.header);
            }
            /// This key with its own copy of the header's bytes.
            ChainKey owned() const
            {
                return {bundles, QByteArray(header.constData(), header.size())};
            }
        };
        /// The chain under @p key, when it is valid at @p time. Shared, not copied: a copy per
        /// record touched the reference counts of its strings and key, which the other pre-pass
        /// threads touch too.
        std::shared_ptr<const ValidatedSvid> find(const ChainKey &key, const QDateTime &time) const;
        /// Keeps @p svid under a copy of @p key that owns its bytes, and returns what it keeps.
        std::shared_ptr<const ValidatedSvid> insert(const ChainKey &key, ValidatedSvid svid);
        /// How many chains are held.
        qsizetype size() const;
        /// Held while the chain under one key is validated, so that the verifier's pre-pass
        /// threads, missing the same chain at once, validate it once: the second waits, then
        /// looks again. Chains under other keys are validated meanwhile (one lock for all let a
        /// file of many distinct agent chains validate them one at a time on every thread).
        class Validating
        {
        public:
            Validating(ValidatedChains &chains, const ChainKey &key);
            ~Validating();
            Validating(const Validating &) = delete;
            Validating &operator=(const Validating &) = delete;

        private:
            ValidatedChains &m_chains;
            ChainKey m_key;
        };

    private:
        mutable QMutex m_mutex;
        QHash<ChainKey, std::shared_ptr<const ValidatedSvid>> m_chains;
        /// Keys being validated, and the condition their release signals.
        QSet<ChainKey> m_validating;
        QWaitCondition m_released;
    };

    /// A token's workload claims: the object Qt's parser read, or the text PlainJson read
    /// (a view into the token's payload), which is then the cache's key and becomes an
    /// object only when one is needed.
    class ClaimedWorkload
    {
    public:
        explicit ClaimedWorkload(QJsonObject object) : m_object(std::move(object)) {}
        explicit ClaimedWorkload(QLatin1StringView text) : m_text(text) {}
        /// The plain text, or a null view.
        QLatin1StringView text() const { return m_text; }
        const QJsonObject &object() const;

    private:
        QLatin1StringView m_text;
        mutable std::optional<QJsonObject> m_object;
    };

    /// The claims last built for each subject, and its selectors. A workload re-attests with
    /// the same claims and selectors under the same agent and node, record after record: such a
    /// record shares what its subject's previous one was given. That spares building the claims
    /// (a copy of the workload claims and four sorted inserts), and makes every later comparison
    /// of the two (the replay's interner, the policy subject) one of addresses. Safe from
    /// several threads. One verifier's workload attestors share one, as they share validated
    /// chains: a subject's entry is where its subject number (AttestationContext) says, an
    /// index into one table rather than a look-up in a table of every subject, and each entry
    /// notes the attestor that built it (its claims name that attestor). Outside a verifier
    /// (no number), entries are kept by the subject's text.
    class BuiltClaims
    {
    public:
        /// Claims built anew are also kept by what they were built from (attestor, agent, node
        /// and the workload claims' plain text), for other subjects to share: the replicas of
        /// one workload on one node, or every unix workload of a node, are given one object.
        /// At most @p sharedLimit are kept so; the set starts again when it is full.
        explicit BuiltClaims(qsizetype sharedLimit = qsizetype(1) << 16)
            : m_sharedLimit(qMax<qsizetype>(1, sharedLimit))
        {}
        /// How many claims are kept for sharing (tests).
        qsizetype sharedSize()
        {
            QMutexLocker lock(&m_mutex);
            return m_shared.size();
        }
        /// Where a subject's entry is: its number, when it has one (>= 0), else its text.
        struct Subject
        {
            const QString &text;
            int number = -1;
        };
        /// The claims built by @p owner (the attestor) from @p workload, @p agentId and @p node
        /// for @p subject: those built last for it when all four are equal, else those built
        /// for another subject from the same four when @p workload is plain text, else
        /// @p build's, which are kept.
        /// @p selectors are made to share the last ones when equal, else kept.
        /// @p selectorsText is the plain text @p selectors were read from, or null.
        QJsonObject claims(const void *owner, Subject subject, const ClaimedWorkload &workload,
                           const QString &agentId, const QString &node, QStringList &selectors,
                           QLatin1StringView selectorsText,
                           const std::function<QJsonObject()> &build);
        /// What @p subject's previous record was given, when its workload claims and selectors
        /// were read from the same plain texts as @p workload's and @p selectorsText, under the
        /// same attestor (@p owner), agent and node. Those selectors passed the attestor's checks
        /// then (only a record that passed them is kept), so a record given them is spared building
        /// and checking its own. nullopt otherwise.
        struct Reused
        {
            QJsonObject claims;
            QStringList selectors;
        };
        std::optional<Reused> reuse(const void *owner, Subject subject,
                                    const ClaimedWorkload &workload,
                                    QLatin1StringView selectorsText, const QString &agentId,
                                    const QString &node);

    private:
        struct Built
        {
            /// The attestor that built them; null for no entry.
            const void *owner = nullptr;
            QJsonObject workload;
            /// The plain text the workload claims were read from, or null.
            QByteArray workloadText;
            /// The plain text the selectors were read from, or null.
            QByteArray selectorsText;
            QString agentId;
            QString node;
            QJsonObject claims;
            QStringList selectors;
        };
        /// What claims built anew are shared by.
        struct SharedKey
        {
            const void *owner = nullptr;
            QString agentId;
            QString node;
            QByteArray workloadText;
            friend bool operator==(const SharedKey &, const SharedKey &) = default;
            friend size_t qHash(const SharedKey &k, size_t seed = 0) noexcept
            {
                return seededHash(seed, quintptr(k.owner), k.agentId, k.node, k.workloadText);
            }
        };
        /// The claims under @p key, built by @p build and kept when none are.
        QJsonObject shared(const SharedKey &key, const std::function<QJsonObject()> &build);
        /// @p subject's entry, or null; under the lock.
        const Built *findLocked(const Subject &subject) const;
        /// Keeps @p built as @p subject's entry; under the lock.
        void keepLocked(const Subject &subject, Built built);

        QMutex m_mutex;
        /// Entries by subject number, and by text for subjects without one.
        std::vector<Built> m_numbered;
        QHash<HashedString, Built> m_last;
        QHash<SharedKey, QJsonObject> m_shared;
        qsizetype m_sharedLimit;
    };

    /// @p name is one of "unix", "k8s", "docker", "systemd": SPIRE's workload attestor names
    /// and the prefix every selector must carry. @p chains and @p built may be shared with the
    /// verifier's other workload attestors.
    explicit WorkloadAttestor(
        QString name, std::shared_ptr<ValidatedChains> chains = std::make_shared<ValidatedChains>(),
        std::shared_ptr<BuiltClaims> built = std::make_shared<BuiltClaims>())
        : m_name(std::move(name)), m_selectorPrefix(m_name + QLatin1Char(':')),
          m_chains(std::move(chains)), m_built(std::move(built))
    {}
    QString name() const override { return m_name; }
    AttestationResult verify(const EvidenceRecord &record,
                             const AttestationContext &context) const override;

private:
    QString m_name;
    /// "name:", which every selector of its workloads carries (built once, not per record).
    QString m_selectorPrefix;
    std::shared_ptr<ValidatedChains> m_chains;
    std::shared_ptr<BuiltClaims> m_built;

    std::optional<ValidatedSvid> validateChain(const QJsonArray &x5c, const EvidenceRecord &record,
                                               const AttestationContext &context,
                                               AttestationResult &r) const;
};

} // namespace ta::core
