// SPDX-License-Identifier: Apache-2.0
#include "core/spiffe/SpiffeId.h"
#include "core/Hashing.h"
#include "core/spiffe/SpiffeErrors.h"

namespace ta::core {
namespace {

const QLatin1String schemePrefix("spiffe://");

bool isPathChar(char16_t u)
{
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
           u == u'.' || u == u'-' || u == u'_';
}

// One segment between slashes; @p last tells an empty final segment (a trailing slash) apart
// from an empty one in the middle ("//").
Result<void> validateSegment(QStringView segment, bool last)
{
    if (segment.isEmpty())
        return makeError(last ? ec::SpiffeIdTrailingSlash : ec::SpiffeIdEmptySegment);
    if (segment == u"." || segment == u"..")
        return makeError(ec::SpiffeIdDotSegment, segment.toString());
    for (const QChar c : segment) {
        const char16_t u = c.unicode();
        if (u == u'%')
            return makeError(ec::SpiffeIdPercentEncoded, segment.toString());
        if (!isPathChar(u))
            return makeError(ec::SpiffeIdBadPathChar,
                             QStringLiteral("U+%1").arg(int(u), 4, 16, QLatin1Char('0')));
    }
    return {};
}

Result<void> checkLength(const TrustDomain &td, qsizetype pathLength)
{
    const qsizetype total = schemePrefix.size() + td.name().size() + pathLength;
    if (total > SpiffeId::maxLength)
        return makeError(ec::SpiffeIdTooLong, QString::number(total));
    return {};
}

} // namespace

Result<void> SpiffeId::validatePath(QStringView path)
{
    if (path.isEmpty())
        return {};
    if (!path.startsWith(u'/'))
        return makeError(ec::SpiffeIdPathNotAbsolute, path.toString());
    qsizetype start = 1;
    while (true) {
        const qsizetype slash = path.indexOf(u'/', start);
        const bool last = slash < 0;
        const QStringView segment = path.mid(start, last ? path.size() - start : slash - start);
        if (auto ok = validateSegment(segment, last); !ok)
            return ok;
        if (last)
            return {};
        start = slash + 1;
    }
}

Result<SpiffeId> SpiffeId::fromString(QStringView id)
{
    if (id.isEmpty())
        return makeError(ec::SpiffeIdEmpty);
    // Characters outside ASCII are refused below, so a count of characters is a count of bytes.
    if (id.size() > maxLength)
        return makeError(ec::SpiffeIdTooLong, QString::number(id.size()));
    if (!id.startsWith(schemePrefix)) {
        if (id.startsWith(schemePrefix, Qt::CaseInsensitive))
            return makeError(ec::SpiffeIdSchemeNotLowercase, id.left(6).toString());
        return makeError(ec::SpiffeIdWrongScheme, id.left(16).toString());
    }
    const QStringView rest = id.mid(schemePrefix.size());
    for (const QChar c : rest) {
        if (c == u'?')
            return makeError(ec::SpiffeIdQuery);
        if (c == u'#')
            return makeError(ec::SpiffeIdFragment);
    }
    const qsizetype slash = rest.indexOf(u'/');
    const QStringView authority = slash < 0 ? rest : rest.left(slash);
    const QStringView path = slash < 0 ? QStringView() : rest.mid(slash);
    if (authority.isEmpty())
        return makeError(ec::SpiffeIdMissingTrustDomain);
    if (auto ok = TrustDomain::validateName(authority); !ok)
        return ok.error();
    if (auto ok = validatePath(path); !ok)
        return ok.error();
    return SpiffeId(TrustDomain(authority.toString()), path.toString());
}

Result<SpiffeId> SpiffeId::fromSegments(const TrustDomain &td, const QStringList &segments)
{
    if (td.isNull())
        return makeError(ec::SpiffeIdMissingTrustDomain);
    QString path;
    for (const QString &segment : segments) {
        // Inside a list an empty segment is always an inner "//", never a trailing slash.
        if (auto ok = validateSegment(segment, false); !ok)
            return ok.error();
        path += u'/';
        path += segment;
    }
    if (auto ok = checkLength(td, path.size()); !ok)
        return ok.error();
    return SpiffeId(td, path);
}

Result<SpiffeId> SpiffeId::fromPath(const TrustDomain &td, QStringView path)
{
    if (td.isNull())
        return makeError(ec::SpiffeIdMissingTrustDomain);
    if (auto ok = validatePath(path); !ok)
        return ok.error();
    if (auto ok = checkLength(td, path.size()); !ok)
        return ok.error();
    return SpiffeId(td, path.toString());
}

QStringList SpiffeId::segments() const
{
    if (m_path.isEmpty())
        return {};
    return m_path.mid(1).split(u'/');
}

QString SpiffeId::toString() const
{
    return isNull() ? QString() : m_td.idString() + m_path;
}

size_t qHash(const SpiffeId &id, size_t seed) noexcept
{
    return seededHash(seed, id.trustDomain().name(), id.path());
}

} // namespace ta::core
