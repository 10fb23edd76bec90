// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spiffe/JwtSvid.h"
#include "core/store/CredentialRecord.h"

#include <QString>
#include <QStringList>

namespace ta::core {

/// What to issue as a JWT-SVID.
struct JwtIssueRequest
{
    QString trustDomain;
    QString spiffeId;
    QStringList audience;
    /// Seconds; 0 takes the trust domain's default.
    qint64 ttl = 0;
};

struct IssuedJwt
{
    JwtSvid svid;
    CredentialRecord record;
};

} // namespace ta::core
