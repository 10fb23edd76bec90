// SPDX-License-Identifier: Apache-2.0
#include "core/store/CredentialIssuer.h"
#include "core/store/StoreErrors.h"
#include "core/store/TrustDomainSnapshot.h"
#include "core/store/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

namespace {

// Every stored row of @p td's tables, as text, keys included as they are stored.
QStringList rowsOf(Workspace &ws, const QString &td)
{
    QStringList out;
    const QStringList queries{
        QStringLiteral("SELECT id, name, key_type, ca_ttl, intermediate, hex(root_cert_pem), "
                       "hex(root_key), bundle_sequence, refresh_hint, created_at FROM "
                       "trust_domains WHERE name = ?"),
        QStringLiteral("SELECT s.id, authority_id, kind, status, tainted, hex(private_key), kid, "
                       "not_after FROM authority_slots s JOIN trust_domains t ON t.id = "
                       "s.trust_domain_id WHERE t.name = ? ORDER BY s.id"),
        QStringLiteral("SELECT c.id, kind, serial, spiffe_id, not_after, status FROM credentials c "
                       "JOIN trust_domains t ON t.id = c.trust_domain_id WHERE t.name = ? "
                       "ORDER BY c.id")};
    for (const QString &q : queries) {
        auto st = ws.database().prepare(q);
        st->bind(1, td);
        while (st->next()) {
            QStringList row;
            for (int i = 0; i < 10; ++i)
                row << st->text(i);
            out << row.join(QLatin1Char('|'));
        }
    }
    return out;
}

} // namespace

class TestTrustDomainSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deleteAndRestoreKeepsEveryByte_data();
    void deleteAndRestoreKeepsEveryByte();
    void unknownTrustDomain();
    void restoreOverExistingRefusedAndHarmless();
};

void TestTrustDomainSnapshot::deleteAndRestoreKeepsEveryByte_data()
{
    QTest::addColumn<bool>("passphrase");
    QTest::addColumn<bool>("intermediate");
    QTest::newRow("sealed keys, intermediate") << true << true;
    QTest::newRow("clear keys, root slots") << false << false;
}

void TestTrustDomainSnapshot::deleteAndRestoreKeepsEveryByte()
{
    QFETCH(bool, passphrase);
    QFETCH(bool, intermediate);
    QTemporaryDir dir;
    auto ws = Workspace::create(dir.filePath(QStringLiteral("s.atlas")),
                                passphrase ? std::optional<QByteArray>("pw") : std::nullopt);
    QVERIFY(ws.ok());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    CaSettings settings;
    settings.intermediate = intermediate;
    QVERIFY((*ws)
                ->createTrustDomain(TrustDomain::fromName(u"keep.example").value(), settings, now)
                .ok());
    QVERIFY(
        (*ws)->createTrustDomain(TrustDomain::fromName(u"other.example").value(), {}, now).ok());
    CredentialIssuer issuer(**ws);
    X509IssueRequest req;
    req.trustDomain = QStringLiteral("keep.example");
    req.spiffeId = QStringLiteral("spiffe://keep.example/w");
    QVERIFY(issuer.issueX509(req, now).ok());
    // A rotation, so slots in several states are kept.
    auto ca = (*ws)->authority(QStringLiteral("keep.example"));
    QVERIFY(ca->prepare(AuthorityKind::X509, now).ok());
    QVERIFY((*ws)->saveAuthority(*ca).ok());

    const QStringList before = rowsOf(**ws, QStringLiteral("keep.example"));
    const QByteArray bundleBefore = (*ws)->bundle(QStringLiteral("keep.example"))->toJwks();
    const QStringList otherBefore = rowsOf(**ws, QStringLiteral("other.example"));
    QVERIFY(before.size() >= 1 + 3 + 1);

    auto snapshot = TrustDomainSnapshot::capture(**ws, QStringLiteral("keep.example"));
    QVERIFY(snapshot.ok());
    QCOMPARE(snapshot->name(), QStringLiteral("keep.example"));
    QVERIFY((*ws)->deleteTrustDomain(QStringLiteral("keep.example")).ok());
    QVERIFY(rowsOf(**ws, QStringLiteral("keep.example")).isEmpty());
    QVERIFY(snapshot->restore(**ws).ok());

    // Same row IDs, same sealed keys, same credentials: the undo changes nothing.
    QCOMPARE(rowsOf(**ws, QStringLiteral("keep.example")), before);
    QCOMPARE((*ws)->bundle(QStringLiteral("keep.example"))->toJwks(), bundleBefore);
    QCOMPARE(rowsOf(**ws, QStringLiteral("other.example")), otherBefore);
    // And the restored CA still signs.
    QVERIFY(issuer.issueX509(req, now).ok());
}

void TestTrustDomainSnapshot::unknownTrustDomain()
{
    QTemporaryDir dir;
    auto ws = Workspace::create(dir.filePath(QStringLiteral("u.atlas")), std::nullopt);
    auto snapshot = TrustDomainSnapshot::capture(**ws, QStringLiteral("nope.example"));
    QVERIFY(!snapshot.ok());
    QCOMPARE(snapshot.error().code, ec::StoreUnknownTrustDomain);
}

void TestTrustDomainSnapshot::restoreOverExistingRefusedAndHarmless()
{
    QTemporaryDir dir;
    auto ws = Workspace::create(dir.filePath(QStringLiteral("e.atlas")), std::nullopt);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY((*ws)->createTrustDomain(TrustDomain::fromName(u"x.example").value(), {}, now).ok());
    auto snapshot = TrustDomainSnapshot::capture(**ws, QStringLiteral("x.example"));
    QVERIFY(snapshot.ok());
    const QStringList before = rowsOf(**ws, QStringLiteral("x.example"));
    // Restoring while the trust domain still exists fails in its transaction and changes nothing.
    QVERIFY(!snapshot->restore(**ws).ok());
    QCOMPARE(rowsOf(**ws, QStringLiteral("x.example")), before);
}

QTEST_GUILESS_MAIN(TestTrustDomainSnapshot)
#include "tst_trustdomainsnapshot.moc"
