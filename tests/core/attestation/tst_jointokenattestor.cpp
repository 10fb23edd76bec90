// SPDX-License-Identifier: Apache-2.0
// join_token: known, inside its TTL, used once across all subjects.
#include "LabFixture.h"

using namespace ta::core;
using namespace ta::core::test;

class TestJoinTokenAttestor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void accepted();
    void refusals_data();
    void refusals();

private:
    EvidenceRecord join(const QString &token, const QString &subject = QStringLiteral("node/j"),
                        const QDateTime &at = t0()) const
    {
        return record(QStringLiteral("join_token"), subject, {{QStringLiteral("token"), token}},
                      at);
    }

    LabFixture m_f;
};

void TestJoinTokenAttestor::initTestCase()
{
    m_f.extraAnchors.append(
        QJsonObject{{QStringLiteral("kind"), QStringLiteral("join_token")},
                    {QStringLiteral("token"), QStringLiteral("6f0a1c2e-token")},
                    {QStringLiteral("ttl"), 600},
                    {QStringLiteral("created_at"), QStringLiteral("2026-04-07T09:55:00Z")}});
}

void TestJoinTokenAttestor::accepted()
{
    const AttestationResult r = m_f.replay({join(QStringLiteral("6f0a1c2e-token"))});
    expectOutcome(r, {});
    QCOMPARE(r.agentId,
             QStringLiteral("spiffe://lab.example/spire/agent/join_token/6f0a1c2e-token"));
    QCOMPARE(r.anchorIds.size(), 1);
    // The stored anchor never holds the token itself.
    const auto set = AnchorSet::fromImportJson(QJsonDocument(m_f.anchorsJson()).toJson()).value();
    QVERIFY(!QJsonDocument(set.toJson()).toJson().contains("6f0a1c2e-token"));
}

void TestJoinTokenAttestor::refusals_data()
{
    QTest::addColumn<QString>("code");
    for (const char *row :
         {"malformed", "token_unknown", "token_used", "expired", "not_yet_valid", "anchor_revoked"})
        QTest::newRow(row) << QString::fromLatin1(row);
}

void TestJoinTokenAttestor::refusals()
{
    QFETCH(QString, code);
    QList<EvidenceRecord> records;
    const QString tok = QStringLiteral("6f0a1c2e-token");
    if (code == QLatin1String("malformed"))
        records << record(QStringLiteral("join_token"), QStringLiteral("node/j"), {});
    else if (code == QLatin1String("token_unknown"))
        records << join(QStringLiteral("guess"));
    else if (code == QLatin1String("token_used"))
        // Single use across subjects: another node presenting the same token is refused too.
        records << join(tok) << join(tok, QStringLiteral("node/other"), t0().addSecs(1));
    else if (code == QLatin1String("expired"))
        records << join(tok, QStringLiteral("node/j"), t0().addSecs(600));
    else if (code == QLatin1String("not_yet_valid"))
        records << join(tok, QStringLiteral("node/j"), t0().addSecs(-600));
    else if (code == QLatin1String("anchor_revoked"))
        records << signal(QStringLiteral("revoke-anchor"), QStringLiteral("anchor"),
                          m_f.verifier().anchors().anchorsOfKind(AnchorKind::JoinToken).first()->id)
                << join(tok);
    expectOutcome(m_f.replay(records), code);
}

QTEST_GUILESS_MAIN(TestJoinTokenAttestor)
#include "tst_jointokenattestor.moc"
