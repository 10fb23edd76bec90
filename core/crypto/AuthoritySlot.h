// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/crypto/Certificate.h"
#include "core/crypto/Key.h"

#include <QDateTime>
#include <QString>

namespace ta::core {

/// Which kind of SVID an authority signs.
enum class AuthorityKind { X509, Jwt };

/// SPIRE's slot lifecycle: a prepared authority is published in the bundle before it signs,
/// the active one signs, an old one stays trusted until it is tainted and then revoked.
enum class SlotStatus { Prepared, Active, Old, Revoked };

QString authorityKindName(AuthorityKind kind);
QString slotStatusName(SlotStatus status);
std::optional<AuthorityKind> authorityKindFromName(const QString &name);
std::optional<SlotStatus> slotStatusFromName(const QString &name);

/// One signing authority of a trust domain's CA.
struct AuthoritySlot
{
    /// Stable identifier, as SPIRE's authority ID: the SHA-256 fingerprint of the public key.
    QString id;
    AuthorityKind kind = AuthorityKind::X509;
    SlotStatus status = SlotStatus::Prepared;
    /// Tainted: still trusted, but everything it signed must be re-issued under another key.
    bool tainted = false;
    Key key;
    /// X509 kind: the signing certificate (self-signed root, or intermediate under the root).
    Certificate certificate;
    /// JWT kind: the key ID published in the bundle.
    QString kid;
    QDateTime createdAt;
    QDateTime notAfter;

    /// Whether this authority belongs in the trust bundle.
    bool published() const { return status != SlotStatus::Revoked; }
};

} // namespace ta::core
