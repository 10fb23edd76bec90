// SPDX-License-Identifier: Apache-2.0
// Private keys at rest: sealed with AES-256-GCM, bound to their rows, re-sealed in one
// transaction by a passphrase change, and never left behind in the file in an old form.
#include "core/crypto/CryptoErrors.h"
#include "core/spiffe/X509SvidValidator.h"
#include "core/store/CredentialIssuer.h"
#include "core/store/StoreErrors.h"
#include "core/store/Workspace.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/bn.h>
#include <openssl/core_names.h>

using namespace ta::core;

namespace {

const QDateTime kNow = QDateTime::currentDateTimeUtc().addSecs(-60);

TrustDomain td(const char *name)
{
    return TrustDomain::fromName(QString::fromLatin1(name)).value();
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The workspace file with its write-ahead log, as a thief would copy it.
QByteArray everything(const QString &path)
{
    return fileBytes(path) + fileBytes(path + QStringLiteral("-wal"));
}

QByteArray privateScalar(const Key &key)
{
    BIGNUM *priv = nullptr;
    if (EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_PRIV_KEY, &priv) != 1)
        return {};
    QByteArray out(32, '\0');
    BN_bn2binpad(priv, reinterpret_cast<unsigned char *>(out.data()), 32);
    BN_clear_free(priv);
    return out;
}

QStringList sealedKeys(Workspace &ws)
{
    QStringList out;
    auto st = ws.database().prepare(
        QStringLiteral("SELECT hex(private_key) FROM authority_slots UNION ALL "
                       "SELECT hex(root_key) FROM trust_domains WHERE length(root_key) > 0"));
    while (st->next())
        out << st->text(0);
    return out;
}

// An SVID from @p name's CA that validates against its bundle: the unsealed key still signs.
bool signs(Workspace &ws, const QString &name)
{
    CredentialIssuer issuer(ws);
    X509IssueRequest req;
    req.trustDomain = name;
    req.spiffeId = QStringLiteral("spiffe://%1/w").arg(name);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto issued = issuer.issueX509(req, now);
    if (!issued) {
        qWarning() << issued.error().toString();
        return false;
    }
    auto bundle = ws.bundle(name);
    return bundle && X509SvidValidator::validate(issued->chain, TrustDomain::fromName(name).value(),
                                                 bundle->x509Authorities(), now)
                         .ok();
}

} // namespace

class TestKeysAtRest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }
    void newFileSealsWithGcm();
    void passphraseChangeReseals();
    void clearWorkspaceProtected();
    void legacyFileReadableAndUpgraded();
    void sealedKeyMovedToAnotherRowRefused();
    void failedChangeLeavesFileAsItWas();
    void emptyNewPassphraseRefused();
    void hostileKeyWrapParamsRefused();

private:
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    QTemporaryDir m_dir;
};

void TestKeysAtRest::newFileSealsWithGcm()
{
    const QString file = path("gcm.atlas");
    QByteArray scalar;
    {
        auto ws = Workspace::create(file, QByteArray("pw"));
        QVERIFY(ws.ok());
        QCOMPARE((*ws)->keyProtection(), QStringLiteral("scrypt-aes256gcm"));
        auto ca = (*ws)->createTrustDomain(td("example.org"), CaSettings{}, kNow);
        QVERIFY(ca.ok());
        scalar = privateScalar(ca->activeSlot(AuthorityKind::X509)->key);
        QCOMPARE(scalar.size(), 32);
        for (const QString &hex : sealedKeys(**ws))
            QVERIFY2(hex.startsWith(QStringLiteral("54414B5701")), qPrintable(hex.left(16)));
    }
    const QByteArray all = everything(file);
    QVERIFY(!all.contains("PRIVATE KEY"));
    QVERIFY(!all.contains(scalar));
    auto ws = Workspace::open(file, "pw");
    QVERIFY(ws.ok());
    QCOMPARE((*ws)->keyProtection(), QStringLiteral("scrypt-aes256gcm"));
    QVERIFY(signs(**ws, QStringLiteral("example.org")));
}

void TestKeysAtRest::passphraseChangeReseals()
{
    const QString file = path("change.atlas");
    QStringList before;
    {
        auto ws = Workspace::create(file, QByteArray("old passphrase"));
        QVERIFY(ws.ok());
        QVERIFY((*ws)->createTrustDomain(td("a.example"), CaSettings{}, kNow).ok());
        CaSettings inter;
        inter.intermediate = true;
        QVERIFY((*ws)->createTrustDomain(td("b.example"), inter, kNow).ok());
        before = sealedKeys(**ws);
        QCOMPARE(before.size(), 5); // two slots each, and b's root
        QVERIFY((*ws)->changePassphrase("new passphrase").ok());
        // The open workspace goes on with the new key-encryption key.
        QVERIFY(signs(**ws, QStringLiteral("a.example")));
        const QStringList after = sealedKeys(**ws);
        QCOMPARE(after.size(), before.size());
        for (const QString &hex : after)
            QVERIFY(!before.contains(hex));
    }
    auto old = Workspace::open(file, "old passphrase");
    QVERIFY(!old.ok());
    QCOMPARE(old.error().code, ec::StoreWrongPassphrase);
    auto ws = Workspace::open(file, "new passphrase");
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
    QVERIFY(signs(**ws, QStringLiteral("a.example")));
    QVERIFY(signs(**ws, QStringLiteral("b.example")));
    ws->reset();
    // No key sealed under the old passphrase is left in the file or its log (secure_delete
    // zeroes the old cells).
    const QByteArray all = everything(file);
    for (const QString &hex : std::as_const(before)) {
        const QByteArray sealed = QByteArray::fromHex(hex.toLatin1());
        QVERIFY2(!all.contains(sealed.mid(17, 32)), "an old sealed key is still in the file");
    }
}

void TestKeysAtRest::clearWorkspaceProtected()
{
    const QString file = path("clear.atlas");
    QByteArray scalar;
    {
        auto ws = Workspace::create(file, std::nullopt);
        QVERIFY(ws.ok());
        auto ca = (*ws)->createTrustDomain(td("example.org"), CaSettings{}, kNow);
        QVERIFY(ca.ok());
        scalar = privateScalar(ca->activeSlot(AuthorityKind::X509)->key);
        QVERIFY((*ws)->changePassphrase("now protected").ok());
        QVERIFY(!(*ws)->keysInClear());
    }
    QCOMPARE(Workspace::needsPassphrase(file).value(), true);
    const QByteArray all = everything(file);
    QVERIFY(!all.contains("BEGIN PRIVATE KEY"));
    QVERIFY(!all.contains(scalar));
    auto ws = Workspace::open(file, "now protected");
    QVERIFY(ws.ok());
    QVERIFY(signs(**ws, QStringLiteral("example.org")));
}

void TestKeysAtRest::legacyFileReadableAndUpgraded()
{
    // Made before AES-256-GCM wrapping: every key a PKCS#8 PEM under PBES2 (scrypt, AES-CBC).
    const QString file = path("legacy.atlas");
    QVERIFY(QFile::copy(QStringLiteral(TA_TEST_DATA_DIR "/workspaces/schema-v3.atlas"), file));
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray pass = "fixture-passphrase";
    {
        auto ws = Workspace::open(file, pass);
        QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
        QCOMPARE((*ws)->keyProtection(), QStringLiteral("pkcs8-pbes2-scrypt-aes256cbc"));
        QVERIFY(signs(**ws, QStringLiteral("example.org")));
        QVERIFY((*ws)->changePassphrase(pass).ok());
        QCOMPARE((*ws)->keyProtection(), QStringLiteral("scrypt-aes256gcm"));
    }
    QVERIFY(!everything(file).contains("ENCRYPTED PRIVATE KEY"));
    auto ws = Workspace::open(file, pass);
    QVERIFY(ws.ok());
    QCOMPARE((*ws)->keyProtection(), QStringLiteral("scrypt-aes256gcm"));
    QVERIFY(signs(**ws, QStringLiteral("example.org")));
    QVERIFY(signs(**ws, QStringLiteral("inter.example")));
}

void TestKeysAtRest::sealedKeyMovedToAnotherRowRefused()
{
    const QString file = path("moved.atlas");
    {
        auto ws = Workspace::create(file, QByteArray("pw"));
        QVERIFY((*ws)->createTrustDomain(td("a.example"), CaSettings{}, kNow).ok());
        QVERIFY((*ws)->createTrustDomain(td("b.example"), CaSettings{}, kNow).ok());
        // b's active X.509 key replaced by a's: both sealed under the same passphrase.
        QVERIFY(
            (*ws)
                ->database()
                .exec(QStringLiteral(
                    "UPDATE authority_slots SET private_key = (SELECT s.private_key FROM "
                    "authority_slots s JOIN trust_domains t ON t.id = s.trust_domain_id "
                    "WHERE t.name = 'a.example' AND s.kind = 'x509') WHERE kind = 'x509' AND "
                    "trust_domain_id = (SELECT id FROM trust_domains WHERE name = 'b.example')"))
                .ok());
    }
    auto ws = Workspace::open(file, "pw");
    QVERIFY(ws.ok());
    QVERIFY((*ws)->authority(QStringLiteral("a.example")).ok());
    auto b = (*ws)->authority(QStringLiteral("b.example"));
    QVERIFY(!b.ok());
    QCOMPARE(b.error().code, ec::CryptoWrongPassphrase);
}

void TestKeysAtRest::failedChangeLeavesFileAsItWas()
{
    const QString file = path("failed.atlas");
    QByteArray wrapBefore;
    {
        auto ws = Workspace::create(file, QByteArray("pw"));
        QVERIFY((*ws)->createTrustDomain(td("a.example"), CaSettings{}, kNow).ok());
        QVERIFY((*ws)->createTrustDomain(td("b.example"), CaSettings{}, kNow).ok());
        // One damaged key (the last one re-sealed): nothing may be written. A bit of byte 40 is
        // flipped; writing a fixed byte there left the key whole whenever it already held it
        // (one run in 256).
        auto last = (*ws)->database().prepare(
            QStringLiteral("SELECT id, private_key FROM authority_slots ORDER BY id DESC LIMIT 1"));
        QVERIFY(last.ok() && last->next());
        const qint64 slot = last->int64(0);
        QByteArray sealed = last->blob(1);
        QVERIFY(sealed.size() > 40);
        sealed[40] = char(sealed.at(40) ^ 0x01);
        auto damage = (*ws)->database().prepare(
            QStringLiteral("UPDATE authority_slots SET private_key = ? WHERE id = ?"));
        QVERIFY(damage.ok());
        QVERIFY(damage->bind(1, sealed).bind(2, slot).exec().ok());
        const QStringList before = sealedKeys(**ws);
        auto r = (*ws)->changePassphrase("new");
        QVERIFY(!r.ok());
        QCOMPARE(sealedKeys(**ws), before);
        auto st = (*ws)->database().prepare(
            QStringLiteral("SELECT value FROM meta WHERE key = 'key_wrap'"));
        QVERIFY(st->next());
        wrapBefore = st->blob(0);
    }
    QVERIFY(Workspace::open(file, "pw").ok());
    QVERIFY(!Workspace::open(file, "new").ok());
}

void TestKeysAtRest::emptyNewPassphraseRefused()
{
    auto ws = Workspace::create(path("empty.atlas"), QByteArray("pw"));
    QVERIFY(ws.ok());
    auto r = (*ws)->changePassphrase({});
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ec::StoreEmptyPassphrase);
}

void TestKeysAtRest::hostileKeyWrapParamsRefused()
{
    // A file asking for a 1 TiB scrypt run is refused before any work.
    const QString file = path("hostile.atlas");
    {
        auto ws = Workspace::create(file, QByteArray("pw"));
        QVERIFY((*ws)
                    ->database()
                    .exec(QStringLiteral(
                        "UPDATE meta SET value = '{\"kdf\":\"scrypt\",\"salt\":"
                        "\"AAAAAAAAAAAAAAAAAAAAAA==\",\"n\":1099511627776,\"r\":8,\"p\":1}' "
                        "WHERE key = 'key_wrap'"))
                    .ok());
    }
    auto ws = Workspace::open(file, "pw");
    QVERIFY(!ws.ok());
    QCOMPARE(ws.error().code, ec::StoreCorruptValue);
}

QTEST_GUILESS_MAIN(TestKeysAtRest)
#include "tst_keysatrest.moc"
