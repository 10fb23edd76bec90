// SPDX-License-Identifier: Apache-2.0
#pragma once

// The decision log's known answers: the policy studio's small workspace (nodes node/a and node/b
// attested with join tokens at 10:01 and 10:02) with two policies and two registration entries.
// - "node-a" grants spiffe://lab.example/node/a to node/a (subject == 'node/a');
// - "tpm-hosts" grants nobody: its second clause, node.platform == 'tpm', reads "join_token";
// - entry "e-token" (node entry, node/a's join-token selector) matches node/a;
// - entry "e-rack" also asks for custom:rack:7, which no node has.
#include "../views/StudioWorkspace.h"
#include "OtherConnection.h"

#include <QCryptographicHash>

namespace ta::tests {

inline QString joinTokenSelector(const char *token)
{
    return QStringLiteral("join_token:") +
           QString::fromLatin1(
               QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex().left(16));
}

inline std::unique_ptr<models::Document> makeDecisionWorkspace(const QTemporaryDir &dir,
                                                               const QDateTime &now)
{
    auto doc = makeStudioWorkspace(dir, now);
    const QJsonArray policies{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("node-a")},
                    {QStringLiteral("effect"), QStringLiteral("grant")},
                    {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
                    {QStringLiteral("spiffe_id"), QStringLiteral("spiffe://lab.example/node/a")},
                    {QStringLiteral("condition"), QStringLiteral("subject == 'node/a'")}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("tpm-hosts")},
                    {QStringLiteral("effect"), QStringLiteral("grant")},
                    {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
                    {QStringLiteral("spiffe_id"), QStringLiteral("spiffe://lab.example/tpm")},
                    {QStringLiteral("condition"),
                     QStringLiteral("verdict == 'affirming' &&\n  node.platform == 'tpm'")}}};
    const auto other = tests::otherConnection(*doc);
    core::RuleStore rules(other->database());
    if (auto v =
            rules.save(core::RuleKind::Policies,
                       QJsonDocument(QJsonObject{{QStringLiteral("policies"), policies}}).toJson(),
                       QStringLiteral("decision log"), now);
        !v)
        qFatal("policies: %s", qPrintable(v.error().toString()));
    auto entry = [](const QString &id, const QString &spiffeId, const QStringList &selectors) {
        core::RegistrationEntry e;
        e.id = id;
        e.spiffeId = spiffeId;
        e.parentId = QStringLiteral("spiffe://lab.example/spire/server");
        for (const QString &s : selectors)
            e.selectors << *core::Selector::parse(s);
        return e;
    };
    const QList<core::RegistrationEntry> entries{
        entry(QStringLiteral("e-token"), QStringLiteral("spiffe://lab.example/host/a"),
              {joinTokenSelector("tok-a")}),
        entry(QStringLiteral("e-rack"), QStringLiteral("spiffe://lab.example/rack/7"),
              {joinTokenSelector("tok-a"), QStringLiteral("custom:rack:7")})};
    if (auto v = rules.saveEntries(entries, QStringLiteral("decision log"), now); !v)
        qFatal("entries: %s", qPrintable(v.error().toString()));
    return doc;
}

} // namespace ta::tests
