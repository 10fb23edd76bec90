// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace ta::core {

/// The bundled demo: a workspace made with fresh keys (in clear by default, and marked so) for
/// first runs and examples. Three trust domains (prod.example, the agents' domain; staging.example;
/// partner.example), federated through the policies' federates-with (prod and partner both ways,
/// staging one way towards prod); a Kubernetes cluster, AWS and GCP VMs and TPM hosts (12 nodes)
/// running 49 workloads; a week of evidence up to now with an image update, a revoked cluster
/// signing key, a node gone stale and a TPM host drifting; a policy version (10 policies, one deny)
/// so that `simulate` issues, renews, revokes and denies; rotated authorities and a few issued
/// SVIDs.
class DemoWorkspace
{
public:
    /// Creates the demo at @p path, which must not exist yet; keys in clear unless a
    /// @p passphrase is given.
    [[nodiscard]] static Result<void> create(const QString &path, const QDateTime &now,
                                             const std::optional<QByteArray> &passphrase = {});
    /// The trust domains the demo holds.
    static QStringList trustDomainNames();
};

} // namespace ta::core
