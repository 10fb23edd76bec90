// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/ResultInterner.h"

namespace ta::core {
namespace {

// Makes @p value a copy of @p last when equal (sharing its storage), else remembers it. An empty
// value (a refused record's selectors and claims) has nothing to share and is not remembered:
// the subject's next accepted record is then compared with its last accepted one, and shares its
// storage when equal. (Remembering it made that record keep storage of its own, and a re-run's
// comparison of its claims with the subject's decided ones a deep one.)
template <typename T>
void share(T &value, T &last)
{
    if (value.isEmpty())
        return;
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
    // One look-up of the subject: a subject seen before gives its key's storage, and its last
    // attestor and agent ID, which a re-attestation nearly always repeats, spare the pool's.
    const HashedString key(result.subject);
    auto it = m_last.find(key);
    if (it == m_last.end()) {
        pool(result.subject);
        it = m_last.insert(HashedString(result.subject), Last{});
        it->number = int(m_last.size() - 1);
    } else {
        result.subject = it.key().text;
    }
    Last &last = *it;
    auto pooled = [this](QString &value, QString &lastValue) {
        if (value == lastValue) {
            value = lastValue;
        } else {
            pool(value);
            lastValue = value;
        }
    };
    pooled(result.attestor, last.attestor);
    pooled(result.agentId, last.agentId);
    share(result.selectors, last.selectors);
    share(result.claims, last.claims);
    share(result.anchorIds, last.anchorIds);
    share(result.referenceValueIds, last.referenceValueIds);
    share(result.keyFingerprints, last.keyFingerprints);
    return last.number;
}

} // namespace ta::core
