// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/Attestor.h"
#include "core/crypto/Key.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QMutex>

#include <memory>
#include <optional>

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
        /// The chain under @p key, when it is valid at @p time.
        std::optional<ValidatedSvid> find(const QByteArray &key, const QDateTime &time) const;
        void insert(const QByteArray &key, const ValidatedSvid &svid);
        /// How many chains are held.
        qsizetype size() const;
        /// Held while a chain is validated, so that the verifier's pre-pass threads, missing
        /// the same chain at once, validate it once: the second looks again after the first.
        QMutex validating;

    private:
        mutable QMutex m_mutex;
        QHash<QByteArray, ValidatedSvid> m_chains;
    };

    /// @p name is one of "unix", "k8s", "docker", "systemd": SPIRE's workload attestor names
    /// and the prefix every selector must carry. @p chains may be shared with the verifier's
    /// other workload attestors.
    explicit WorkloadAttestor(
        QString name, std::shared_ptr<ValidatedChains> chains = std::make_shared<ValidatedChains>())
        : m_name(std::move(name)), m_chains(std::move(chains))
    {}
    QString name() const override { return m_name; }
    AttestationResult verify(const EvidenceRecord &record,
                             const AttestationContext &context) const override;

private:
    QString m_name;
    std::shared_ptr<ValidatedChains> m_chains;

    std::optional<ValidatedSvid> validateChain(const QJsonArray &x5c, const EvidenceRecord &record,
                                               const AttestationContext &context,
                                               AttestationResult &r) const;
};

} // namespace ta::core
