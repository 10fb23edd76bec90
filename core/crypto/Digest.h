// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace ta::core {

/// SHA-256 through OpenSSL, which uses the CPU's SHA extensions: several times faster than
/// QCryptographicHash in Qt 6.4, and evidence verification hashes every record it sees.
QByteArray sha256(QByteArrayView data);
/// sha256() as lowercase hex.
QByteArray sha256Hex(QByteArrayView data);

/// SHA-256 over data given piece by piece (through OpenSSL, as sha256()).
class Sha256Stream
{
public:
    Sha256Stream();
    ~Sha256Stream();
    Sha256Stream(const Sha256Stream &) = delete;
    Sha256Stream &operator=(const Sha256Stream &) = delete;

    void add(QByteArrayView data);
    /// Adds @p data's length (8 bytes) before it, so that pieces cannot run into each other.
    void addField(QByteArrayView data);
    /// The digest (32 bytes); empty when OpenSSL failed. Ends the stream.
    QByteArray result();

private:
    struct Context;
    std::unique_ptr<Context> m_ctx;
};

/// HMAC-SHA256 (RFC 2104) under a key, over data given piece by piece.
class HmacSha256
{
public:
    explicit HmacSha256(QByteArrayView key);
    ~HmacSha256();
    HmacSha256(const HmacSha256 &) = delete;
    HmacSha256 &operator=(const HmacSha256 &) = delete;

    void add(QByteArrayView data);
    /// Adds @p data's length (8 bytes) before it.
    void addField(QByteArrayView data);
    /// The MAC (32 bytes); empty when OpenSSL failed. Ends the stream.
    QByteArray result();

private:
    struct Context;
    std::unique_ptr<Context> m_ctx;
};

/// Whether @p a and @p b are equal, in a time that does not depend on where they differ
/// (MAC checks). Unequal lengths, and empty values, are never equal.
bool equalInConstantTime(QByteArrayView a, QByteArrayView b);

/// @p size bytes from OpenSSL's random generator; empty when it failed.
QByteArray randomBytes(int size);

} // namespace ta::core
