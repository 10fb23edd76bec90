// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/ResultInterner.h"

namespace ta::core {
namespace {

// Makes @p value a copy of @p last when equal (sharing its storage), else remembers it.
template <typename T>
void share(T &value, T &last)
{
    if (value == last)
        value = last;
    else
        last = value;
}

} // namespace

void ResultInterner::pool(QString &s)
{
    if (s.isEmpty())
        return;
    const auto it = m_strings.constFind(s);
    if (it != m_strings.constEnd())
        s = *it;
    else
        m_strings.insert(s);
}

int ResultInterner::intern(AttestationResult &result)
{
    pool(result.subject);
    pool(result.attestor);
    pool(result.agentId);
    Last &last = m_last[result.subject];
    if (last.number < 0)
        last.number = int(m_last.size() - 1);
    share(result.selectors, last.selectors);
    share(result.claims, last.claims);
    share(result.anchorIds, last.anchorIds);
    share(result.referenceValueIds, last.referenceValueIds);
    share(result.keyFingerprints, last.keyFingerprints);
    return last.number;
}

} // namespace ta::core
