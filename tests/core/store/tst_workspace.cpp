// SPDX-License-Identifier: Apache-2.0
#include "core/attestation/lab/DemoWorkspace.h"
#include "core/spiffe/X509SvidValidator.h"
#include "core/store/AttestationStore.h"
#include "core/store/CredentialIssuer.h"
#include "core/store/Migrations.h"
#include "core/store/Workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ta::core;

namespace {

TrustDomain td(const char *name)
{
    return TrustDomain::fromName(QString::fromLatin1(name)).value();
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void reopenWithPassphrase();
    void wrongPassphraseRefused();
    void noClearKeyBytesInFile();
    void clearWorkspaceIsMarked();
    void createRefusesExistingFile();
    void addsTrustDomainMadeBeforehand();
    void notAWorkspaceRefused_data();
    void notAWorkspaceRefused();
    void newerSchemaRefused();
    void slotChangesPersistAndRaiseSequence();
    void bundleHoldsPublishedAuthorities();
    void credentialsRecorded();
    void demoWorkspace();

private:
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    QTemporaryDir m_dir;
};

void TestWorkspace::reopenWithPassphrase()
{
    const QString file = path("reopen.atlas");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        auto ws = Workspace::create(file, QByteArray("s3cret"));
        QVERIFY(ws.ok());
        QVERIFY(!(*ws)->keysInClear());
        QVERIFY((*ws)->createTrustDomain(td("example.org"), CaSettings{}, now).ok());
    }
    QCOMPARE(Workspace::needsPassphrase(file).value(), true);
    auto ws = Workspace::open(file, "s3cret");
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    QCOMPARE((*ws)->trustDomainNames(), QStringList{QStringLiteral("example.org")});
    // The reopened CA still signs, with the key it was created with.
    CredentialIssuer issuer(**ws);
    X509IssueRequest req;
    req.trustDomain = QStringLiteral("example.org");
    req.spiffeId = QStringLiteral("spiffe://example.org/w");
    auto issued = issuer.issueX509(req, now);
    QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().toString()));
    auto bundle = (*ws)->bundle(QStringLiteral("example.org"));
    QVERIFY(bundle.ok());
    QVERIFY(X509SvidValidator::validate(issued->chain, td("example.org"), bundle->x509Authorities(),
                                        now)
                .ok());
}

void TestWorkspace::wrongPassphraseRefused()
{
    const QString file = path("wrong.atlas");
    QVERIFY(Workspace::create(file, QByteArray("right")).ok());
    auto wrong = Workspace::open(file, "wrong");
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().code, QStringLiteral("store.wrong_passphrase"));
    auto none = Workspace::open(file, {});
    QCOMPARE(none.error().code, QStringLiteral("store.passphrase_required"));
    QCOMPARE(Workspace::create(path("empty.atlas"), QByteArray()).error().code,
             QStringLiteral("store.empty_passphrase"));
}

void TestWorkspace::noClearKeyBytesInFile()
{
    const QString file = path("sealed.atlas");
    QByteArray scalar;
    {
        auto ws = Workspace::create(file, QByteArray("pw"));
        QVERIFY(ws.ok());
        auto ca = (*ws)->createTrustDomain(td("example.org"), CaSettings{},
                                           QDateTime::currentDateTimeUtc());
        QVERIFY(ca.ok());
        // The raw private scalar of the active X.509 authority.
        BIGNUM *priv = nullptr;
        QVERIFY(EVP_PKEY_get_bn_param(ca->activeSlot(AuthorityKind::X509)->key.get(), "priv",
                                      &priv) == 1);
        scalar.resize(32);
        BN_bn2binpad(priv, reinterpret_cast<unsigned char *>(scalar.data()), 32);
        BN_clear_free(priv);
        QVERIFY((*ws)->database().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).ok());
    }
    QByteArray all = fileBytes(file) + fileBytes(file + QStringLiteral("-wal"));
    QVERIFY(all.size() > 1000);
    QVERIFY(!all.contains("BEGIN PRIVATE KEY"));
    QVERIFY(!all.contains("BEGIN EC PRIVATE KEY"));
    QVERIFY(all.contains(QByteArray("TAKW\x01", 5))); // sealed with AES-256-GCM
    QVERIFY(!all.contains(scalar));
}

void TestWorkspace::clearWorkspaceIsMarked()
{
    const QString file = path("clear.atlas");
    {
        auto ws = Workspace::create(file, std::nullopt);
        QVERIFY(ws.ok());
        QVERIFY((*ws)->keysInClear());
    }
    QCOMPARE(Workspace::needsPassphrase(file).value(), false);
    auto ws = Workspace::open(file, {});
    QVERIFY(ws.ok());
    QVERIFY((*ws)->keysInClear());
}

void TestWorkspace::createRefusesExistingFile()
{
    const QString file = path("twice.atlas");
    QVERIFY(Workspace::create(file, std::nullopt).ok());
    QCOMPARE(Workspace::create(file, std::nullopt).error().code,
             QStringLiteral("store.file_exists"));
    QCOMPARE(Workspace::open(path("missing.atlas"), {}).error().code,
             QStringLiteral("store.file_missing"));
}

void TestWorkspace::addsTrustDomainMadeBeforehand()
{
    // The app makes the CA on a worker and stores it afterwards on the GUI thread (issue 11).
    auto ws = Workspace::create(path("made.atlas"), QByteArray("pw"));
    QVERIFY(ws.ok());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    CaSettings settings;
    settings.intermediate = true;
    auto ca = CertificateAuthority::create(*TrustDomain::fromName(QStringLiteral("made.example")),
                                           settings, now);
    QVERIFY(ca.ok());
    QVERIFY((*ws)->addTrustDomain(*ca, settings, now).ok());
    QCOMPARE((*ws)->trustDomainNames(), QStringList{QStringLiteral("made.example")});
    auto stored = (*ws)->authority(QStringLiteral("made.example"));
    QVERIFY(stored.ok());
    QCOMPARE(stored->root().toPem(), ca->root().toPem());
    QVERIFY((*ws)->trustDomainInfo(QStringLiteral("made.example"))->settings.intermediate);
    QCOMPARE((*ws)->addTrustDomain(*ca, settings, now).error().code,
             QStringLiteral("store.trust_domain_exists"));
}

void TestWorkspace::notAWorkspaceRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("text file") << QByteArray("hello, this is not a database\n");
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("truncated SQLite header") << QByteArray("SQLite format 3\0", 16);
}

void TestWorkspace::notAWorkspaceRefused()
{
    QFETCH(QByteArray, content);
    const QString file = path(QTest::currentDataTag());
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    auto ws = Workspace::open(file, {});
    QVERIFY(!ws.ok());
    QCOMPARE(ws.error().code, QStringLiteral("store.not_a_workspace"));
    // The file is left as it was.
    QCOMPARE(fileBytes(file), content);
}

void TestWorkspace::newerSchemaRefused()
{
    const QString file = path("future.atlas");
    {
        auto ws = Workspace::create(file, std::nullopt);
        QVERIFY(ws.ok());
        QVERIFY(
            (*ws)
                ->database()
                .exec(QStringLiteral("PRAGMA user_version=%1").arg(Migrations::latestVersion() + 1))
                .ok());
    }
    QCOMPARE(Workspace::open(file, {}).error().code, QStringLiteral("store.newer_schema"));
}

void TestWorkspace::slotChangesPersistAndRaiseSequence()
{
    const QString file = path("slots.atlas");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto ws = Workspace::create(file, QByteArray("pw"));
    QVERIFY(ws.ok());
    QVERIFY((*ws)->createTrustDomain(td("example.org"), CaSettings{}, now).ok());
    const quint64 seq0 = (*ws)->bundle(QStringLiteral("example.org"))->sequence();

    auto ca = (*ws)->authority(QStringLiteral("example.org"));
    QVERIFY(ca.ok());
    const QString first = ca->activeSlot(AuthorityKind::X509)->id;
    QVERIFY(ca->prepare(AuthorityKind::X509, now).ok());
    QVERIFY((*ws)->saveAuthority(*ca).ok());
    const quint64 seq1 = (*ws)->bundle(QStringLiteral("example.org"))->sequence();
    QVERIFY(seq1 > seq0);
    QCOMPARE((*ws)->bundle(QStringLiteral("example.org"))->x509Authorities().size(), 2);

    // Activation changes no published authority: the sequence stays.
    QVERIFY(ca->activate(AuthorityKind::X509).ok());
    QVERIFY(ca->taint(first).ok());
    QVERIFY((*ws)->saveAuthority(*ca).ok());
    QCOMPARE((*ws)->bundle(QStringLiteral("example.org"))->sequence(), seq1);

    QVERIFY(ca->revoke(first).ok());
    QVERIFY((*ws)->saveAuthority(*ca).ok());
    const quint64 seq2 = (*ws)->bundle(QStringLiteral("example.org"))->sequence();
    QVERIFY(seq2 > seq1);
    QCOMPARE((*ws)->bundle(QStringLiteral("example.org"))->x509Authorities().size(), 1);

    ws->reset();
    auto reopened = Workspace::open(file, "pw");
    QVERIFY(reopened.ok());
    auto back = (*reopened)->authority(QStringLiteral("example.org"));
    QVERIFY(back.ok());
    QCOMPARE(back->slot(first)->status, SlotStatus::Revoked);
    QVERIFY(back->slot(first)->tainted);
    QCOMPARE(back->slots().size(), ca->slots().size());
    QCOMPARE((*reopened)->bundle(QStringLiteral("example.org"))->sequence(), seq2);
}

void TestWorkspace::bundleHoldsPublishedAuthorities()
{
    auto ws = Workspace::create(path("bundle.atlas"), std::nullopt);
    QVERIFY(ws.ok());
    CaSettings inter;
    inter.intermediate = true;
    auto ca = (*ws)->createTrustDomain(td("prod.example"), inter, QDateTime::currentDateTimeUtc());
    QVERIFY(ca.ok());
    auto bundle = (*ws)->bundle(QStringLiteral("prod.example"));
    QVERIFY(bundle.ok());
    // In intermediate mode only the root is published; the JWT key always is.
    QCOMPARE(bundle->x509Authorities(), QList<Certificate>{ca->root()});
    QCOMPARE(bundle->jwtAuthorities().size(), 1);
    QVERIFY(bundle->jwtAuthority(ca->activeSlot(AuthorityKind::Jwt)->kid) != nullptr);
    QVERIFY((*ws)->setRefreshHint(QStringLiteral("prod.example"), 600).ok());
    QCOMPARE((*ws)->bundle(QStringLiteral("prod.example"))->refreshHint(),
             std::optional<qint64>(600));
    QCOMPARE((*ws)->bundle(QStringLiteral("nope.example")).error().code,
             QStringLiteral("store.unknown_trust_domain"));
}

void TestWorkspace::credentialsRecorded()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto ws = Workspace::create(path("creds.atlas"), std::nullopt);
    QVERIFY(ws.ok());
    QVERIFY((*ws)->createTrustDomain(td("example.org"), CaSettings{}, now).ok());
    CredentialIssuer issuer(**ws);
    X509IssueRequest x;
    x.trustDomain = QStringLiteral("example.org");
    x.spiffeId = QStringLiteral("spiffe://example.org/a");
    x.dnsNames = {QStringLiteral("a.example")};
    auto ix = issuer.issueX509(x, now);
    QVERIFY(ix.ok());
    QVERIFY(ix->privateKey.hasPrivate());
    JwtIssueRequest j;
    j.trustDomain = QStringLiteral("example.org");
    j.spiffeId = QStringLiteral("spiffe://example.org/a");
    j.audience = {QStringLiteral("db")};
    auto ij = issuer.issueJwt(j, now);
    QVERIFY2(ij.ok(), qPrintable(ij.ok() ? QString() : ij.error().toString()));
    QVERIFY(qAbs(ij->svid.expiry().secsTo(now.addSecs(300))) <= 1);

    auto list = (*ws)->credentials();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).serial, ix->chain.first().serialHex());
    QCOMPARE(list->at(0).dnsNames, QStringList{QStringLiteral("a.example")});
    QCOMPARE(list->at(1).audience, QStringList{QStringLiteral("db")});
    QCOMPARE(list->at(1).material, ij->svid.token());
    QVERIFY((*ws)->setCredentialStatus(list->at(0).id, CredentialRecord::Status::Revoked).ok());
    QCOMPARE((*ws)->credentials()->at(0).status, CredentialRecord::Status::Revoked);
    QVERIFY((*ws)->deleteCredential(list->at(1).id).ok());
    QCOMPARE((*ws)->credentials()->size(), 1);

    x.spiffeId = QStringLiteral("spiffe://other.org/a");
    QCOMPARE(issuer.issueX509(x, now).error().code, QStringLiteral("ca.foreign_trust_domain"));
    x.spiffeId = QStringLiteral("not an id");
    QVERIFY(!issuer.issueX509(x, now).ok());
    // A failed issuance records nothing.
    QCOMPARE((*ws)->credentials()->size(), 1);
}

void TestWorkspace::demoWorkspace()
{
    const QString file = path("demo.atlas");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto r = DemoWorkspace::create(file, now);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    auto ws = Workspace::open(file, {});
    QVERIFY(ws.ok());
    QVERIFY((*ws)->keysInClear());
    QCOMPARE((*ws)->trustDomainNames(), [] {
        QStringList l = DemoWorkspace::trustDomainNames();
        l.sort();
        return l;
    }());
    auto creds = (*ws)->credentials();
    QVERIFY(creds.ok());
    QCOMPARE(creds->size(), 10);
    // Every demo X509-SVID validates against its trust domain's bundle.
    for (const CredentialRecord &c : *creds) {
        if (c.kind != AuthorityKind::X509)
            continue;
        auto chain = Certificate::listFromPem(c.material);
        QVERIFY(chain.ok());
        auto bundle = (*ws)->bundle(c.trustDomain);
        QVERIFY(bundle.ok());
        auto v = X509SvidValidator::validate(*chain, td(c.trustDomain.toLatin1().constData()),
                                             bundle->x509Authorities(), now);
        QVERIFY2(v.ok(), qPrintable(c.spiffeId));
    }
    auto staging = (*ws)->authority(QStringLiteral("staging.example"));
    QVERIFY(staging.ok());
    QCOMPARE(staging->slots().size(), 4);
    // prod.example holds the agents of the topology lab's week of evidence (tst_demoworkspace
    // checks its shape) and the anchors to check it; its authority outlives the week by a month.
    AttestationStore store((*ws)->database());
    QVERIFY(store.evidenceCount().value() > 2000);
    QVERIFY(!store.anchors().value().anchors().isEmpty());
    auto prod = (*ws)->authority(QStringLiteral("prod.example"));
    QVERIFY(prod.ok());
    QVERIFY(prod->activeSlot(AuthorityKind::X509)->notAfter > now.addDays(20));
    QCOMPARE(prod->x509Authorities().size(), 1);
    ws->reset();
    QCOMPARE(DemoWorkspace::create(file, now).error().code, QStringLiteral("store.file_exists"));
    // Refusing must not harm the file that was there.
    auto again = Workspace::open(file, {});
    QVERIFY(again.ok());
    QCOMPARE((*again)->credentials()->size(), 10);
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
