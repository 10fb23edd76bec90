// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QString>

#include <functional>

#include <optional>

namespace ta::core {

/// What the lab builds.
struct LabSettings
{
    int nodes = 10;
    int workloads = 40;
    qint64 records = 1000;
    /// Share of records that carry drift: tampered or stale node evidence, TPM PCR drift,
    /// image digests outside the allowed list, images signed by an unknown key.
    double driftRate = 0.01;
    quint64 seed = 1;
    /// The first record's instant; invalid means now.
    QDateTime start;
    QString trustDomain = QStringLiteral("lab.example");
    /// Also import the evidence into the workspace (besides the JSON Lines file).
    bool importEvidence = true;
    /// Asked before each record; true stops the lab with store.cancelled (Ctrl+C).
    std::function<bool()> cancelled;
};

/// What the lab wrote.
struct LabSummary
{
    qint64 records = 0;
    qint64 nodeAttestations = 0;
    qint64 workloadAttestations = 0;
    qint64 imageSignatures = 0;
    qint64 signals = 0;
    qint64 drifted = 0;
    QDateTime start;
    QDateTime end;
};

/// The evidence lab: synthetic attesters with keys they own (a Kubernetes cluster issuer, a
/// cloud provider signing identity documents, Google's token signer, an x509pop CA, software
/// TPMs, a cosign signer, agents with SVIDs from the workspace CA) producing evidence in the
/// real wire formats. Builds a workspace holding their anchors and writes a timeline: nodes
/// attest and re-attest every 30 minutes, workloads attest through their agents, images are
/// updated and signed, the cluster issuer's key is rotated and the old one revoked half-way, and
/// a share of records drifts. Records are streamed to the file, never held.
class EvidenceLab
{
public:
    /// Creates @p workspacePath (must not exist), writes the anchors file and the evidence.
    [[nodiscard]] static Result<LabSummary>
    generate(const QString &workspacePath, const QString &anchorsPath, const QString &evidencePath,
             const LabSettings &settings, const std::optional<QByteArray> &passphrase);
};

} // namespace ta::core
