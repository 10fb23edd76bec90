// SPDX-License-Identifier: Apache-2.0
#pragma once

// A small workspace for the policy studio tests: one trust domain, two join tokens, two nodes
// that attested with them, and one saved policy granting node/a only.
#include "../models/OtherConnection.h"
#include "models/Document.h"

#include "core/spiffe/CertificateAuthority.h"
#include "core/store/AttestationStore.h"
#include "core/store/RuleStore.h"
#include "core/store/Workspace.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

namespace ta::tests {

inline QByteArray studioPolicies(const QString &condition)
{
    const QJsonObject p{
        {QStringLiteral("name"), QStringLiteral("node-a")},
        {QStringLiteral("effect"), QStringLiteral("grant")},
        {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
        {QStringLiteral("spiffe_id"), QStringLiteral("spiffe://lab.example/node/a")},
        {QStringLiteral("condition"), condition},
        {QStringLiteral("x509_svid_ttl"), 3600}};
    return QJsonDocument(QJsonObject{{QStringLiteral("policies"), QJsonArray{p}}}).toJson();
}

/// One join-token record of node/@p node, presenting token tok-@p node, as a JSON line.
inline QByteArray joinTokenLine(const QDateTime &at, const QString &node)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("time"), at.toString(Qt::ISODate)},
                           {QStringLiteral("attestor"), QStringLiteral("join_token")},
                           {QStringLiteral("subject"), QStringLiteral("node/") + node},
                           {QStringLiteral("payload"),
                            QJsonObject{{QStringLiteral("token"), QStringLiteral("tok-") + node}}}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

/// Imports @p lines into @p document's file through a connection of its own, as another writer
/// would, behind the document's back; false when the store refuses them.
inline bool importBehind(const models::Document &document, QByteArray lines)
{
    QBuffer buffer(&lines);
    buffer.open(QIODevice::ReadOnly);
    const auto other = tests::otherConnection(document);
    core::AttestationStore store(other->database());
    return store.importEvidence(buffer, QStringLiteral("test")).ok();
}

/// Builds the workspace in @p dir; the document's clock is pinned to @p now.
inline std::unique_ptr<models::Document> makeStudioWorkspace(const QTemporaryDir &dir,
                                                             const QDateTime &now)
{
    auto ws = core::Workspace::create(dir.filePath(QStringLiteral("studio.atlas")), std::nullopt);
    if (!ws)
        qFatal("workspace: %s", qPrintable(ws.error().toString()));
    auto doc = std::make_unique<models::Document>(std::move(*ws));
    doc->setClock([now] { return now; });
    if (auto td = doc->createTrustDomain(QStringLiteral("lab.example"), core::CaSettings{}); !td)
        qFatal("trust domain: %s", qPrintable(td.error().toString()));
    for (const char *token : {"tok-a", "tok-b"}) {
        auto id = doc->addAnchor({{QStringLiteral("kind"), QStringLiteral("join_token")},
                                  {QStringLiteral("token"), QString::fromLatin1(token)},
                                  {QStringLiteral("ttl"), 86400},
                                  {QStringLiteral("created_at"), now.toString(Qt::ISODate)}});
        if (!id)
            qFatal("anchor: %s", qPrintable(id.error().toString()));
    }
    if (!importBehind(*doc, joinTokenLine(now.addSecs(60), QStringLiteral("a")) +
                                joinTokenLine(now.addSecs(120), QStringLiteral("b"))))
        qFatal("evidence: not imported");
    const auto other = tests::otherConnection(*doc);
    core::RuleStore rules(other->database());
    if (auto v = rules.save(core::RuleKind::Policies,
                            studioPolicies(QStringLiteral("subject == 'node/a'")),
                            QStringLiteral("first"), now);
        !v)
        qFatal("rules: %s", qPrintable(v.error().toString()));
    return doc;
}

} // namespace ta::tests
