// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/crypto/Certificate.h"
#include "core/crypto/Key.h"

#include <QList>

namespace ta::core {

/// What a bundle endpoint presents in the TLS handshake: its certificate chain (leaf first) and
/// the leaf's private key. https_web: a web PKI pair; https_spiffe: an X509-SVID.
struct ServerCredential
{
    QList<Certificate> chain;
    Key privateKey;
};

} // namespace ta::core
