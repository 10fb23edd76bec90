// SPDX-License-Identifier: Apache-2.0
#include "core/policy/Selector.h"
#include "core/policy/PolicyErrors.h"

namespace ta::core {

Result<Selector> Selector::parse(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == text.size() - 1)
        return makeError(ec::SelectorMalformed, text);
    return Selector{text.left(colon), text.mid(colon + 1)};
}

} // namespace ta::core
