// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/federation/FederationRelationship.h"
#include "core/spiffe/TrustBundle.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace ta::core {

/// A relationship as SPIRE describes it, with the peer bundle it holds (when it holds one).
struct SpireFederationEntry
{
    FederationRelationship relationship;
    /// `trust_domain_bundle` of `spire-server federation list -output json`; null when absent.
    TrustBundle bundle;
};

/// SPIRE's two spellings of federation relationships, read and written:
/// - `spire-server federation list -output json`: {"federation_relationships": [{"trust_domain",
///   "bundle_endpoint_url", "https_web": {} | "https_spiffe": {"endpoint_spiffe_id"},
///   "trust_domain_bundle": {"trust_domain", "x509_authorities": [{"asn1"}], "jwt_authorities":
///   [{"public_key", "key_id", "expires_at"}], "refresh_hint", "sequence_number"}}]};
/// - the server configuration's `federates_with` block in HCL's JSON form: {"federates_with":
///   {"peer.td": {"bundle_endpoint_url", "bundle_endpoint_profile": {"https_web": {}} |
///   {"https_spiffe": {"endpoint_spiffe_id"}}}}}, also inside {"federation": ...} or
///   {"server": {"federation": ...}}, and with SPIRE's list-of-blocks spelling.
/// Relationships read are of @p local, the workspace trust domain they are imported into.
class SpireFederationJson
{
public:
    /// Reads either form (told apart by their top-level members). For https_spiffe relationships
    /// of the list form, the bundle held is also their bootstrap bundle.
    [[nodiscard]] static Result<QList<SpireFederationEntry>> read(const TrustDomain &local,
                                                                  const QByteArray &json);
    /// The `federation list -output json` form.
    static QByteArray writeList(const QList<SpireFederationEntry> &entries);
    /// The server configuration form: {"federation": {"federates_with": {...}}}.
    static QByteArray writeConfig(const QList<FederationRelationship> &relationships);
};

} // namespace ta::core
