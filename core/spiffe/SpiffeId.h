// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/spiffe/TrustDomain.h"

#include <QString>
#include <QStringList>
#include <QStringView>

namespace ta::core {

/// A SPIFFE ID ("spiffe://example.org/ns/a"), validated to the letter of SPIFFE-ID.md: scheme
/// `spiffe` in lowercase, a valid trust domain, path segments of [a-zA-Z0-9.-_] with no empty,
/// "." or ".." segment and no trailing slash, no query, no fragment, no percent-encoding, at most
/// 2048 bytes. A cheap value type; a default-constructed SpiffeId is null.
class SpiffeId
{
public:
    /// The longest SPIFFE ID, scheme and "://" included.
    static constexpr qsizetype maxLength = 2048;

    SpiffeId() = default;

    /// Parses "spiffe://td/path".
    [[nodiscard]] static Result<SpiffeId> fromString(QStringView id);
    /// The ID of @p td with the given path segments, e.g. {"ns", "a"} -> spiffe://td/ns/a.
    [[nodiscard]] static Result<SpiffeId> fromSegments(const TrustDomain &td,
                                                       const QStringList &segments);
    /// The ID of @p td with @p path, which is empty or starts with "/".
    [[nodiscard]] static Result<SpiffeId> fromPath(const TrustDomain &td, QStringView path);
    /// Why @p path is not a valid SPIFFE ID path, or success.
    [[nodiscard]] static Result<void> validatePath(QStringView path);

    /// True for a default-constructed ID (never for a parsed one).
    bool isNull() const { return m_td.isNull(); }
    TrustDomain trustDomain() const { return m_td; }
    /// The path, "" for a trust domain's own ID, otherwise "/seg/seg".
    QString path() const { return m_path; }
    /// The path split into its segments.
    QStringList segments() const;
    QString toString() const;
    /// True for the trust domain's own ID (no path).
    bool isTrustDomainId() const { return !isNull() && m_path.isEmpty(); }
    /// True when this ID resides in @p td.
    bool memberOf(const TrustDomain &td) const { return !isNull() && m_td == td; }

    /// Exact comparison: trust domain and path, the path case-sensitively.
    friend bool operator==(const SpiffeId &a, const SpiffeId &b)
    {
        return a.m_td == b.m_td && a.m_path == b.m_path;
    }
    friend bool operator!=(const SpiffeId &a, const SpiffeId &b) { return !(a == b); }
    friend bool operator<(const SpiffeId &a, const SpiffeId &b)
    {
        return a.m_td < b.m_td || (a.m_td == b.m_td && a.m_path < b.m_path);
    }

private:
    SpiffeId(TrustDomain td, QString path) : m_td(std::move(td)), m_path(std::move(path)) {}

    TrustDomain m_td;
    QString m_path;
};

/// Hash for QHash and QSet, consistent with operator==.
size_t qHash(const SpiffeId &id, size_t seed = 0) noexcept;

} // namespace ta::core
