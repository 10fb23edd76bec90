// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace ta::core {

/// Sha256Stream::addField() over many fields, hashed on a thread of its own while the caller
/// produces the next ones: the caller pays a copy of each field instead of its hash. The result
/// equals a Sha256Stream's given the same fields in the same order. For long inputs read piece
/// by piece, such as a workspace's evidence rows (1.5 GB at a million records: SQLite read them
/// in 2 s and SHA-256 hashed them in 0.9 s more, one after the other).
class BackgroundSha256
{
public:
    BackgroundSha256();
    /// Stops the thread; what was added and not hashed is dropped.
    ~BackgroundSha256();
    BackgroundSha256(const BackgroundSha256 &) = delete;
    BackgroundSha256 &operator=(const BackgroundSha256 &) = delete;

    /// Adds @p data as a field (its length, then its bytes). Waits when the thread is behind
    /// by more than a few megabytes.
    void addField(QByteArrayView data);
    /// The digest of every field added (32 bytes), once the thread has hashed them; empty when
    /// OpenSSL failed. Ends the stream.
    QByteArray result();

private:
    struct Shared;
    std::unique_ptr<Shared> m_shared;
};

} // namespace ta::core
