// SPDX-License-Identifier: Apache-2.0
#include "core/spiffe/TrustBundleSet.h"

#include <algorithm>

namespace ta::core {

void TrustBundleSet::insert(const TrustBundle &bundle)
{
    if (bundle.isNull())
        return;
    m_bundles.insert(bundle.trustDomain(), bundle);
}

bool TrustBundleSet::remove(const TrustDomain &td)
{
    return m_bundles.remove(td);
}

const TrustBundle *TrustBundleSet::bundleFor(const TrustDomain &td) const
{
    const auto it = m_bundles.constFind(td);
    return it == m_bundles.constEnd() ? nullptr : &it.value();
}

QList<TrustDomain> TrustBundleSet::trustDomains() const
{
    QList<TrustDomain> out = m_bundles.keys();
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace ta::core
