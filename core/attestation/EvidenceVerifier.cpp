// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/EvidenceVerifier.h"

#include "core/attestation/AwsIidAttestor.h"
#include "core/attestation/CosignAttestor.h"
#include "core/attestation/EvidenceReader.h"
#include "core/attestation/GcpIitAttestor.h"
#include "core/attestation/JoinTokenAttestor.h"
#include "core/attestation/K8sPsatAttestor.h"
#include "core/attestation/SignalAttestor.h"
#include "core/attestation/TpmAttestor.h"
#include "core/attestation/WorkloadAttestor.h"
#include "core/attestation/X509PopAttestor.h"

namespace ta::core {

EvidenceVerifier::EvidenceVerifier(AnchorSet anchors, TrustBundleSet bundles,
                                   AttestationSettings settings)
    : m_anchors(std::move(anchors)), m_bundles(std::move(bundles)), m_settings(std::move(settings))
{
    addAttestor(std::make_unique<JoinTokenAttestor>());
    addAttestor(std::make_unique<X509PopAttestor>());
    addAttestor(std::make_unique<K8sPsatAttestor>());
    addAttestor(std::make_unique<AwsIidAttestor>());
    addAttestor(std::make_unique<GcpIitAttestor>());
    addAttestor(std::make_unique<CosignAttestor>());
    addAttestor(std::make_unique<SignalAttestor>());
    addAttestor(std::make_unique<TpmAttestor>());
    for (const char *w : {"unix", "k8s", "docker", "systemd"})
        addAttestor(std::make_unique<WorkloadAttestor>(QString::fromLatin1(w)));
}

void EvidenceVerifier::addAttestor(std::unique_ptr<Attestor> attestor)
{
    const QString name = attestor->name();
    m_attestors.insert(name, std::shared_ptr<Attestor>(std::move(attestor)));
}

QStringList EvidenceVerifier::attestorNames() const
{
    QStringList names = m_attestors.keys();
    names.sort();
    return names;
}

AttestationResult EvidenceVerifier::verify(const EvidenceRecord &record)
{
    if (m_last.isValid() && record.time < m_last) {
        AttestationResult r = startResult(record);
        r.refuse(QStringLiteral("out_of_order"), QStringLiteral("at or after ") + EvidenceRecord::formatTime(m_last),
                 EvidenceRecord::formatTime(record.time));
        return r;
    }
    m_last = record.time;
    const auto it = m_attestors.constFind(record.attestor);
    if (it == m_attestors.cend()) {
        AttestationResult r = startResult(record);
        r.refuse(QStringLiteral("attestor_unknown"), attestorNames().join(QLatin1Char(',')), record.attestor);
        return r;
    }
    const Attestor &attestor = **it;
    const AttestationContext context{m_anchors, m_state, m_bundles, m_settings};
    AttestationResult r = attestor.verify(record, context);

    if (r.accepted() && !r.nonce.isEmpty()) {
        const QDateTime first = m_guard.firstSeen(record.subject, r.nonce);
        if (first.isValid())
            r.refuse(QStringLiteral("replayed"), QStringLiteral("a nonce not seen from ") + record.subject,
                     QStringLiteral("first seen at ") + EvidenceRecord::formatTime(first));
    }
    if (!r.accepted()) {
        // New node evidence that fails is drift: the node no longer vouches for its agent.
        // A replay is someone else's old evidence, and says nothing about the node itself.
        if (attestor.attestsNodes() && !r.hasReason(QStringLiteral("replayed")))
            m_state.dropNode(record.subject);
        r.selectors.clear();
        return r;
    }
    if (!r.nonce.isEmpty())
        m_guard.remember(record.subject, r.nonce, record.time);
    if (!r.consumedToken.isEmpty())
        m_state.consumeToken(r.consumedToken.toLatin1(), record.subject, record.time);
    if (attestor.attestsNodes() && !r.agentId.isEmpty()) {
        AttestedNode node;
        node.subject = record.subject;
        node.agentId = r.agentId;
        node.attestedAt = record.time;
        node.validUntil = record.time.addSecs(m_settings.nodeAttestationTtl);
        if (r.expiresAt.isValid() && r.expiresAt < node.validUntil)
            node.validUntil = r.expiresAt;
        node.anchorIds = r.anchorIds;
        node.keyFingerprints = r.keyFingerprints;
        m_state.attestNode(node);
    }
    if (record.attestor == QLatin1String("signal"))
        applySignal(r, record);
    return r;
}

void EvidenceVerifier::applySignal(const AttestationResult &result, const EvidenceRecord &record)
{
    const QJsonObject signal = result.claims.value(QLatin1String("signal")).toObject();
    const QString kind = signal.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("revoke-key"))
        m_state.revokeKey(signal.value(QLatin1String("fingerprint")).toString().toLatin1(), record.time);
    else if (kind == QLatin1String("revoke-anchor"))
        m_state.revokeAnchor(signal.value(QLatin1String("anchor")).toString(), record.time);
    else if (kind == QLatin1String("expire"))
        m_state.expireAnchor(signal.value(QLatin1String("anchor")).toString(), record.time);
}

Result<qint64> EvidenceVerifier::verifyStream(QIODevice &device,
                                              const std::function<void(const AttestationResult &)> &sink)
{
    return EvidenceReader::forEach(device, [&](const EvidenceRecord &record) -> Result<void> {
        sink(verify(record));
        return {};
    });
}

} // namespace ta::core
