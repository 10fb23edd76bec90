// SPDX-License-Identifier: Apache-2.0
#include "core/spiffe/TrustDomain.h"
#include "core/spiffe/SpiffeErrors.h"

#include "core/spiffe/SpiffeId.h"

#include <QHashFunctions>

namespace ta::core {

Result<void> TrustDomain::validateName(QStringView name)
{
    if (name.isEmpty())
        return makeError(ec::SpiffeTdEmpty);
    // A whole SPIFFE ID where a bare name belongs is a common slip; say so rather than
    // reporting its colon as a port.
    if (name.contains(u"://"))
        return makeError(ec::SpiffeTdNotAName, name.toString());
    // Whole-string checks first, so "user:pw@host" is reported as userinfo, not as a port.
    if (name.contains(u'@'))
        return makeError(ec::SpiffeTdUserinfo, name.toString());
    if (name.contains(u':'))
        return makeError(ec::SpiffeTdPort, name.toString());
    if (name.contains(u'%'))
        return makeError(ec::SpiffeTdPercentEncoded, name.toString());
    // Only ASCII passes the character check below, so characters and bytes agree here.
    if (name.size() > maxNameLength)
        return makeError(ec::SpiffeTdTooLong, QString::number(name.size()));
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (u >= u'A' && u <= u'Z')
            return makeError(ec::SpiffeTdUppercase, name.toString());
        const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'.' ||
                             u == u'-' || u == u'_';
        if (!allowed)
            return makeError(ec::SpiffeTdBadChar,
                             QStringLiteral("U+%1").arg(int(u), 4, 16, QLatin1Char('0')));
    }
    return {};
}

Result<TrustDomain> TrustDomain::fromName(QStringView name)
{
    if (auto ok = validateName(name); !ok)
        return ok.error();
    return TrustDomain(name.toString());
}

Result<TrustDomain> TrustDomain::fromIdString(QStringView id)
{
    auto parsed = SpiffeId::fromString(id);
    if (!parsed)
        return parsed.error();
    return parsed->trustDomain();
}

QString TrustDomain::idString() const
{
    return m_name.isEmpty() ? QString() : QStringLiteral("spiffe://") + m_name;
}

size_t qHash(const TrustDomain &td, size_t seed) noexcept
{
    return qHash(td.name(), seed);
}

} // namespace ta::core
