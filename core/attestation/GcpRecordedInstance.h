// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/AttestationResult.h"
#include "core/attestation/TrustAnchor.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ta::core {

/// The Compute Engine instance a gcp_iit record may carry beside its token: `instance`, the
/// compute#instance JSON of instances.get, which SPIRE's server fetches when
/// use_instance_metadata is on. Nothing signs it, so it must name the instance the signed token
/// names (id, name, zone, project) and hold the token's service account.
class GcpRecordedInstance
{
public:
    /// What the verified token says.
    struct Token
    {
        QString projectId;
        QString zone;
        QString instanceId;
        QString instanceName;
        QString serviceAccount; ///< the token's email claim; may be empty
    };

    /// Reads payload.instance (optional) and cross-checks it with @p token: malformed when it is
    /// not a compute#instance object, claim_mismatch per disagreeing field, value_too_large for
    /// an allowed metadata value over @p anchor's max_metadata_value_size (SPIRE fails those).
    static GcpRecordedInstance read(const QJsonObject &payload, const Token &token,
                                    const TrustAnchor &anchor, AttestationResult &result);

    bool isRecorded() const { return !m_instance.isEmpty(); }
    /// tag:<tag>, sa:<email>, label:<key>:<value>, metadata:<key>:<value> (SPIRE's order),
    /// prefixed gcp_iit:; labels and metadata only for the keys @p anchor allows, a missing
    /// value leaving a trailing colon.
    QStringList selectors(const TrustAnchor &anchor) const;
    /// Adds tags, service_accounts, labels and metadata (allowed keys) to @p node.
    void addClaims(const TrustAnchor &anchor, QJsonObject &node) const;

private:
    QJsonObject labels(const TrustAnchor &anchor) const;
    QJsonObject metadata(const TrustAnchor &anchor) const;
    QStringList tags() const;
    QStringList serviceAccounts() const;

    QJsonObject m_instance;
};

} // namespace ta::core
