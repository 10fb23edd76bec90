// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace ta::core {

/// SHA-256 through OpenSSL, which uses the CPU's SHA extensions: several times faster than
/// QCryptographicHash in Qt 6.4, and evidence verification hashes every record it sees.
QByteArray sha256(QByteArrayView data);
/// sha256() as lowercase hex.
QByteArray sha256Hex(QByteArrayView data);

} // namespace ta::core
