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

/// A digest over data given piece by piece; its result ends it. A failure inside OpenSSL makes
/// the result empty.
class DigestStream
{
public:
    virtual ~DigestStream();
    DigestStream(const DigestStream &) = delete;
    DigestStream &operator=(const DigestStream &) = delete;

    void add(QByteArrayView data);
    /// Adds @p data's length (8 bytes) before it, so that pieces cannot run into each other.
    void addField(QByteArrayView data);
    /// The digest (32 bytes); empty when OpenSSL failed.
    QByteArray result();

protected:
    DigestStream() = default;
    /// Sets up the context; false when it could not be.
    void started(bool ok) { m_ok = ok; }

private:
    virtual bool update(QByteArrayView data) = 0;
    virtual bool finish(QByteArray &out) = 0;

    bool m_ok = false;
};

/// SHA-256 (through OpenSSL, as sha256()).
class Sha256Stream final : public DigestStream
{
public:
    Sha256Stream();
    ~Sha256Stream() override;

private:
    bool update(QByteArrayView data) override;
    bool finish(QByteArray &out) override;

    struct Context;
    std::unique_ptr<Context> m_ctx;
};

/// HMAC-SHA256 (RFC 2104) under a key.
class HmacSha256 final : public DigestStream
{
public:
    explicit HmacSha256(QByteArrayView key);
    ~HmacSha256() override;

private:
    bool update(QByteArrayView data) override;
    bool finish(QByteArray &out) override;

    struct Context;
    std::unique_ptr<Context> m_ctx;
};

/// Whether @p a and @p b are equal, in a time that does not depend on where they differ
/// (MAC checks). Unequal lengths, and empty values, are never equal.
bool equalInConstantTime(QByteArrayView a, QByteArrayView b);

/// @p size bytes from OpenSSL's random generator; empty when it failed.
QByteArray randomBytes(int size);

} // namespace ta::core
