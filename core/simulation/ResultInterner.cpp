// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/ResultInterner.h"

#include <type_traits>

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
    // Already one storage (the pre-pass reuses a subject's last selectors): nothing to assign,
    // and no reference count to touch.
    if constexpr (std::is_same_v<T, QStringList>)
        if (value.isSharedWith(last))
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

int ResultInterner::numberByText(AttestationResult &result)
{
    // One look-up of the subject: a subject seen before gives its pooled text, and its last
    // attestor and agent ID, which a re-attestation nearly always repeats, spare the pool's.
    const HashedString key(result.subject);
    const auto it = m_byText.constFind(key);
    if (it != m_byText.cend()) {
        result.subject = m_lasts[size_t(*it)].subject;
        return *it;
    }
    pool(result.subject);
    const int number = int(m_lasts.size());
    m_byText.insert(HashedString(result.subject), number);
    m_lasts.emplace_back().subject = result.subject;
    return number;
}

int ResultInterner::intern(AttestationResult &result, int known)
{
    int number = -1;
    if (known >= 0) {
        // The verifier's number leads to the entry; the entry's subject confirms it, by address
        // when the verifier made every record of the subject share one text (it does).
        if (size_t(known) < m_byKnown.size() && m_byKnown[size_t(known)] >= 0) {
            const int candidate = m_byKnown[size_t(known)];
            const QString &subject = m_lasts[size_t(candidate)].subject;
            if (subject.constData() == result.subject.constData() || subject == result.subject) {
                result.subject = subject;
                number = candidate;
            }
        }
        if (number < 0) {
            number = numberByText(result);
            if (size_t(known) >= m_byKnown.size())
                m_byKnown.resize(size_t(known) + 1, -1);
            m_byKnown[size_t(known)] = number;
        }
    } else {
        number = numberByText(result);
    }
    Last &last = m_lasts[size_t(number)];
    auto pooled = [this](QString &value, QString &lastValue) {
        if (value.isSharedWith(lastValue))
            return;
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
    return number;
}

} // namespace ta::core
