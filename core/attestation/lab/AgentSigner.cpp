// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/lab/AgentSigner.h"

#include "core/crypto/Jose.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ta::core {

AgentSigner::AgentSigner(Key key, QList<Certificate> chain)
    : m_key(std::move(key)), m_chain(std::move(chain))
{
    QJsonArray x5c;
    for (const Certificate &c : m_chain)
        x5c.append(QString::fromLatin1(c.toDer().toBase64()));
    m_header = {{QStringLiteral("typ"), QStringLiteral("JWT")}, {QStringLiteral("x5c"), x5c}};
}

Result<QJsonObject> AgentSigner::sign(const QString &subject, const QStringList &selectors,
                                      const QJsonObject &claims, const QDateTime &iat,
                                      const QString &jti) const
{
    const QJsonObject body{{QStringLiteral("sub"), subject},
                           {QStringLiteral("selectors"), QJsonArray::fromStringList(selectors)},
                           {QStringLiteral("claims"), claims},
                           {QStringLiteral("iat"), iat.toSecsSinceEpoch()},
                           {QStringLiteral("jti"), jti}};
    auto jws = Jose::signCompact(m_header, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                 m_key, *Jose::defaultAlgorithm(m_key));
    if (!jws)
        return jws.error();
    return QJsonObject{{QStringLiteral("jws"), QString::fromLatin1(*jws)}};
}

} // namespace ta::core
