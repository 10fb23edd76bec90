// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spiffe/TrustBundle.h"
#include "core/spiffe/TrustDomain.h"

#include <QHash>
#include <QList>

namespace ta::core {

/// The bundles a validator trusts, one per trust domain. An SVID is checked only against the
/// bundle of its own trust domain; a trust domain without a bundle here is not trusted at all.
class TrustBundleSet
{
public:
    TrustBundleSet() = default;

    /// Adds @p bundle, replacing any bundle of the same trust domain. A null bundle is ignored.
    void insert(const TrustBundle &bundle);
    /// Removes the bundle of @p td; false when there was none.
    bool remove(const TrustDomain &td);
    /// The bundle of @p td, or nullptr. The pointer lives until the set changes.
    const TrustBundle *bundleFor(const TrustDomain &td) const;
    bool contains(const TrustDomain &td) const { return m_bundles.contains(td); }
    /// The trust domains with a bundle, sorted by name.
    QList<TrustDomain> trustDomains() const;
    qsizetype size() const { return m_bundles.size(); }
    bool isEmpty() const { return m_bundles.isEmpty(); }

private:
    QHash<TrustDomain, TrustBundle> m_bundles;
};

} // namespace ta::core
