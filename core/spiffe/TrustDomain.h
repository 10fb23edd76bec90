// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringView>

namespace ta::core {

/// A SPIFFE trust domain name ("example.org"), validated to the letter of SPIFFE-ID.md: only
/// [a-z0-9.-_], at most 255 bytes, no port, no userinfo, no percent-encoding. A cheap value type
/// (one implicitly shared QString); a default-constructed TrustDomain is null.
class TrustDomain
{
public:
    /// The longest trust domain name (RFC 3986 caps the host at 255 characters).
    static constexpr qsizetype maxNameLength = 255;

    TrustDomain() = default;

    /// A trust domain from its bare name, e.g. "example.org".
    [[nodiscard]] static Result<TrustDomain> fromName(QStringView name);
    /// The trust domain of a SPIFFE ID string ("spiffe://example.org/any/path").
    [[nodiscard]] static Result<TrustDomain> fromIdString(QStringView id);
    /// Why @p name is not a valid trust domain name, or success.
    [[nodiscard]] static Result<void> validateName(QStringView name);

    /// True for a default-constructed trust domain (never for a parsed one).
    bool isNull() const { return m_name.isEmpty(); }
    /// The bare name, "example.org".
    QString name() const { return m_name; }
    /// The trust domain's own SPIFFE ID, "spiffe://example.org".
    QString idString() const;

    /// Names are lowercase by rule, so comparing them exactly is comparing trust domains.
    friend bool operator==(const TrustDomain &a, const TrustDomain &b)
    {
        return a.m_name == b.m_name;
    }
    friend bool operator!=(const TrustDomain &a, const TrustDomain &b) { return !(a == b); }
    friend bool operator<(const TrustDomain &a, const TrustDomain &b)
    {
        return a.m_name < b.m_name;
    }

private:
    friend class SpiffeId;
    explicit TrustDomain(QString name) : m_name(std::move(name)) {}

    QString m_name;
};

/// Hash for QHash and QSet, consistent with operator==.
size_t qHash(const TrustDomain &td, size_t seed = 0) noexcept;

} // namespace ta::core
