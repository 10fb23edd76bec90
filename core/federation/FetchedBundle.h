// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace ta::core {

/// A peer bundle as fetched and stored: its SPIFFE bundle JSON as served, its sequence number
/// and refresh hint, and when it was first fetched.
struct FetchedBundle
{
    qint64 id = 0;
    qint64 relationshipId = 0;
    quint64 sequence = 0;
    std::optional<qint64> refreshHint;
    QDateTime fetchedAt;
    QByteArray json;
};

} // namespace ta::core
