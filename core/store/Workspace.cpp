// SPDX-License-Identifier: Apache-2.0
#include "core/store/Workspace.h"
#include "core/store/StoreErrors.h"

#include "core/store/Migrations.h"

#include <QSet>

namespace ta::core {
namespace {

const QString kProtectionClear = QStringLiteral("none");
// Files made before AES-256-GCM key wrapping: each key a PKCS#8 PEM with its own scrypt run.
// They stay readable, and a passphrase change moves them to kProtectionGcm.
const QString kProtectionPkcs8 = QStringLiteral("pkcs8-pbes2-scrypt-aes256cbc");
const QString kProtectionGcm = QStringLiteral("scrypt-aes256gcm");

// Where a sealed key is stored: the GCM tag binds it there.
QByteArray rootContext(const QString &trustDomain)
{
    return "trust_domains/" + trustDomain.toUtf8() + "/root";
}

QByteArray slotContext(const QString &trustDomain, const QString &authorityId)
{
    return "authority_slots/" + trustDomain.toUtf8() + '/' + authorityId.toUtf8();
}

const QByteArray kCheckContext = QByteArrayLiteral("meta/passphrase_check");

QString isoTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

// The stored bundle sequence stays above what rebuilding the bundle counts (one per authority
// added, one for the refresh hint), so TrustBundle accepts it and it never moves backwards.
qint64 sequenceFloor(qsizetype publishedAuthorities)
{
    return qint64(publishedAuthorities) + 2;
}

QDateTime parseTime(const QString &s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

Result<QByteArray> readMeta(Database &db, const QString &key)
{
    auto st = db.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    if (!st)
        return st.error();
    st->bind(1, key);
    if (!st->next())
        return makeError(ec::StoreNotAWorkspace, QStringLiteral("no ") + key);
    return st->blob(0);
}

Result<void> writeMeta(Database &db, const QString &key, const QByteArray &value)
{
    auto st = db.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)"));
    if (!st)
        return st.error();
    st->bind(1, key).bind(2, value);
    return st->exec();
}

} // namespace

Result<void> Workspace::execChanging(Statement &st, const Error &ifUnchanged)
{
    if (auto e = st.exec(); !e)
        return e;
    if (m_db.changes() == 0)
        return ifUnchanged;
    return {};
}

Result<Workspace::StoredRoot> Workspace::storedRoot(const QString &name) const
{
    auto st = m_db.prepare(
        QStringLiteral("SELECT root_cert_pem, root_key FROM trust_domains WHERE name = ?"));
    if (!st)
        return st.error();
    st->bind(1, name);
    StoredRoot root;
    if (!st->next())
        return st->error() ? *st->error() : makeError(ec::StoreUnknownTrustDomain, name);
    if (st->isNull(0) || st->blob(0).isEmpty())
        return root;
    auto cert = Certificate::fromPem(st->blob(0));
    if (!cert)
        return cert.error();
    root.certificate = *cert;
    root.sealedKey = st->blob(1);
    return root;
}

Result<std::unique_ptr<Workspace>> Workspace::create(const QString &path,
                                                     const std::optional<QByteArray> &passphrase)
{
    if (passphrase && passphrase->isEmpty())
        return makeError(ec::StoreEmptyPassphrase);
    auto db = Database::open(path, Database::Mode::CreateNew);
    if (!db)
        return db.error();
    if (auto m = Migrations::migrate(*db); !m)
        return m.error();
    std::unique_ptr<Workspace> ws(new Workspace(std::move(*db)));
    if (!passphrase) {
        if (auto w =
                writeMeta(ws->m_db, QStringLiteral("key_protection"), kProtectionClear.toUtf8());
            !w)
            return w.error();
        return ws;
    }
    auto params = ScryptParams::fresh();
    if (!params)
        return params.error();
    auto wrap = KeyWrap::derive(*passphrase, *params);
    if (!wrap)
        return wrap.error();
    if (auto r = ws->m_db.transaction([&] { return ws->writeProtection(*wrap); }); !r)
        return r.error();
    ws->m_passphrase = passphrase;
    ws->m_wrap = std::move(*wrap);
    return ws;
}

Result<void> Workspace::writeProtection(const KeyWrap &wrap)
{
    if (auto w = writeMeta(m_db, QStringLiteral("key_protection"), kProtectionGcm.toUtf8()); !w)
        return w;
    if (auto w = writeMeta(m_db, QStringLiteral("key_wrap"), wrap.params().toJson()); !w)
        return w;
    // A sealed throwaway key proves a passphrase at open without touching any CA key.
    auto probe = Key::generate(KeyType::EcP256);
    if (!probe)
        return probe.error();
    auto sealed = wrap.seal(*probe, kCheckContext);
    if (!sealed)
        return sealed.error();
    return writeMeta(m_db, QStringLiteral("passphrase_check"), *sealed);
}

Result<bool> Workspace::needsPassphrase(const QString &path)
{
    auto db = Database::open(path, Database::Mode::OpenExisting);
    if (!db)
        return db.error();
    if (db->userVersion() <= 0)
        return makeError(ec::StoreNotAWorkspace, path);
    if (auto s = Migrations::verifySchema(*db); !s)
        return s.error();
    auto protection = readMeta(*db, QStringLiteral("key_protection"));
    if (!protection)
        return protection.error();
    return QString::fromUtf8(*protection) != kProtectionClear;
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &path,
                                                   const QByteArray &passphrase)
{
    auto db = Database::open(path, Database::Mode::OpenExisting);
    if (!db)
        return db.error();
    if (db->userVersion() <= 0)
        return makeError(ec::StoreNotAWorkspace, path);
    // Checked before the migrations run: they would execute in a schema someone else wrote.
    if (auto s = Migrations::verifySchema(*db); !s)
        return s.error();
    if (auto m = Migrations::migrate(*db); !m)
        return m.error();
    auto protection = readMeta(*db, QStringLiteral("key_protection"));
    if (!protection)
        return protection.error();
    std::unique_ptr<Workspace> ws(new Workspace(std::move(*db)));
    const QString mode = QString::fromUtf8(*protection);
    if (mode == kProtectionClear)
        return ws;
    if (mode != kProtectionPkcs8 && mode != kProtectionGcm)
        return makeError(ec::StoreUnknownKeyProtection, mode);
    if (passphrase.isEmpty())
        return makeError(ec::StorePassphraseRequired);
    ws->m_passphrase = passphrase;
    if (mode == kProtectionGcm) {
        auto stored = readMeta(ws->m_db, QStringLiteral("key_wrap"));
        if (!stored)
            return stored.error();
        auto params = ScryptParams::parse(*stored);
        if (!params)
            return makeError(ec::StoreCorruptValue, params.error().detail);
        auto wrap = KeyWrap::derive(passphrase, *params);
        if (!wrap)
            return wrap.error();
        ws->m_wrap = std::move(*wrap);
    }
    auto check = readMeta(ws->m_db, QStringLiteral("passphrase_check"));
    if (!check)
        return check.error();
    if (auto k = ws->unsealKey(*check, kCheckContext); !k)
        return makeError(ec::StoreWrongPassphrase);
    return ws;
}

QString Workspace::keyProtection() const
{
    if (!m_passphrase)
        return kProtectionClear;
    return m_wrap ? kProtectionGcm : kProtectionPkcs8;
}

Result<QByteArray> Workspace::sealKey(const Key &key, const QByteArray &context) const
{
    if (!m_passphrase)
        return key.privatePkcs8Pem();
    if (m_wrap)
        return m_wrap->seal(key, context);
    return key.encryptedPkcs8Pem(*m_passphrase);
}

Result<Key> Workspace::unsealKey(const QByteArray &stored, const QByteArray &context) const
{
    if (!m_passphrase)
        return Key::fromPem(stored);
    // Each file has one form; a key in the other form was not written by this workspace.
    if (m_wrap)
        return m_wrap->unseal(stored, context);
    if (KeyWrap::isSealed(stored))
        return makeError(ec::StoreCorruptValue, QStringLiteral("a key sealed in another form"));
    return Key::fromEncryptedPkcs8(stored, *m_passphrase);
}

Result<void> Workspace::changePassphrase(const QByteArray &newPassphrase)
{
    if (newPassphrase.isEmpty())
        return makeError(ec::StoreEmptyPassphrase);
    auto params = ScryptParams::fresh();
    if (!params)
        return params.error();
    auto wrap = KeyWrap::derive(newPassphrase, *params);
    if (!wrap)
        return wrap.error();
    struct Resealed
    {
        QString table;
        qint64 rowId;
        QByteArray sealed;
    };
    QList<Resealed> resealed;
    // Every key is unsealed and sealed again before anything is written, so a key that does
    // not unseal leaves the file as it was.
    {
        auto st = m_db.prepare(QStringLiteral(
            "SELECT id, name, root_key FROM trust_domains WHERE length(root_key) > 0"));
        if (!st)
            return st.error();
        while (st->next()) {
            auto key = unsealKey(st->blob(2), rootContext(st->text(1)));
            if (!key)
                return key.error();
            auto sealed = wrap->seal(*key, rootContext(st->text(1)));
            if (!sealed)
                return sealed.error();
            resealed.append({QStringLiteral("trust_domains SET root_key"), st->int64(0), *sealed});
        }
        if (st->error())
            return *st->error();
    }
    {
        auto st = m_db.prepare(QStringLiteral(
            "SELECT s.id, t.name, s.authority_id, s.private_key FROM authority_slots s "
            "JOIN trust_domains t ON t.id = s.trust_domain_id"));
        if (!st)
            return st.error();
        while (st->next()) {
            const QByteArray context = slotContext(st->text(1), st->text(2));
            auto key = unsealKey(st->blob(3), context);
            if (!key)
                return key.error();
            auto sealed = wrap->seal(*key, context);
            if (!sealed)
                return sealed.error();
            resealed.append(
                {QStringLiteral("authority_slots SET private_key"), st->int64(0), *sealed});
        }
        if (st->error())
            return *st->error();
    }
    auto r = m_db.transaction([&]() -> Result<void> {
        for (const Resealed &k : std::as_const(resealed)) {
            auto up = m_db.prepare(QStringLiteral("UPDATE %1 = ? WHERE id = ?").arg(k.table));
            if (!up)
                return up.error();
            up->bind(1, k.sealed).bind(2, k.rowId);
            if (auto e = up->exec(); !e)
                return e;
        }
        return writeProtection(*wrap);
    });
    if (!r)
        return r;
    m_passphrase = newPassphrase;
    m_wrap = std::move(*wrap);
    // The old sealed forms are zeroed in the pages (secure_delete); the checkpoint moves those
    // pages out of the write-ahead log into the file.
    return m_db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

QStringList Workspace::trustDomainNames() const
{
    QStringList out;
    auto st = m_db.prepare(QStringLiteral("SELECT name FROM trust_domains ORDER BY name"));
    if (!st)
        return out;
    while (st->next())
        out << st->text(0);
    return out;
}

Result<qint64> Workspace::trustDomainId(const QString &name) const
{
    auto st = m_db.prepare(QStringLiteral("SELECT id FROM trust_domains WHERE name = ?"));
    if (!st)
        return st.error();
    st->bind(1, name);
    if (!st->next())
        return makeError(ec::StoreUnknownTrustDomain, name);
    return st->int64(0);
}

Result<TrustDomainInfo> Workspace::trustDomainInfo(const QString &name) const
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT key_type, ca_ttl, root_ttl, x509_svid_ttl, jwt_svid_ttl, intermediate, "
        "bundle_sequence, refresh_hint, created_at FROM trust_domains WHERE name = ?"));
    if (!st)
        return st.error();
    st->bind(1, name);
    if (!st->next())
        return makeError(ec::StoreUnknownTrustDomain, name);
    TrustDomainInfo info;
    info.name = name;
    info.settings.keyType = keyTypeFromName(st->text(0)).value_or(KeyType::EcP256);
    info.settings.caTtl = st->int64(1);
    info.settings.rootTtl = st->int64(2);
    info.settings.x509SvidTtl = st->int64(3);
    info.settings.jwtSvidTtl = st->int64(4);
    info.settings.intermediate = st->int64(5) != 0;
    info.bundleSequence = st->int64(6);
    info.refreshHint = st->int64(7);
    info.createdAt = parseTime(st->text(8));
    return info;
}

Result<CertificateAuthority> Workspace::createTrustDomain(const TrustDomain &trustDomain,
                                                          const CaSettings &settings,
                                                          const QDateTime &now)
{
    if (trustDomainId(trustDomain.name()))
        return makeError(ec::StoreTrustDomainExists, trustDomain.name());
    auto ca = CertificateAuthority::create(trustDomain, settings, now);
    if (!ca)
        return ca.error();
    if (auto r = addTrustDomain(*ca, settings, now); !r)
        return r.error();
    return ca;
}

Result<void> Workspace::addTrustDomain(const CertificateAuthority &authority,
                                       const CaSettings &settings, const QDateTime &now)
{
    const TrustDomain &trustDomain = authority.trustDomain();
    if (trustDomainId(trustDomain.name()))
        return makeError(ec::StoreTrustDomainExists, trustDomain.name());
    const CertificateAuthority *ca = &authority;
    QByteArray rootKey;
    if (!ca->rootKey().isNull()) {
        auto sealed = sealKey(ca->rootKey(), rootContext(trustDomain.name()));
        if (!sealed)
            return sealed.error();
        rootKey = *sealed;
    }
    auto r = m_db.transaction([&]() -> Result<void> {
        auto st = m_db.prepare(QStringLiteral(
            "INSERT INTO trust_domains(name, key_type, ca_ttl, root_ttl, x509_svid_ttl, "
            "jwt_svid_ttl, intermediate, root_cert_pem, root_key, created_at, bundle_sequence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (!st)
            return st.error();
        st->bind(1, trustDomain.name())
            .bind(2, keyTypeName(settings.keyType))
            .bind(3, settings.caTtl)
            .bind(4, settings.rootTtl)
            .bind(5, settings.x509SvidTtl)
            .bind(6, settings.jwtSvidTtl)
            .bind(7, settings.intermediate)
            .bind(8, ca->root().toPem())
            .bind(9, rootKey)
            .bind(10, isoTime(now))
            .bind(11, sequenceFloor(ca->x509Authorities().size() + ca->jwtAuthorities().size()));
        if (auto e = st->exec(); !e)
            return e;
        return writeSlots(m_db.lastInsertId(), *ca);
    });
    if (!r)
        return r.error();
    return {};
}

Result<void> Workspace::deleteTrustDomain(const QString &name)
{
    return m_db.transaction([&]() -> Result<void> {
        auto st = m_db.prepare(QStringLiteral("DELETE FROM trust_domains WHERE name = ?"));
        if (!st)
            return st.error();
        st->bind(1, name);
        return execChanging(*st, makeError(ec::StoreUnknownTrustDomain, name));
    });
}

Result<void> Workspace::writeSlots(qint64 tdId, const CertificateAuthority &ca)
{
    auto existing = m_db.prepare(
        QStringLiteral("SELECT authority_id FROM authority_slots WHERE trust_domain_id = ?"));
    if (!existing)
        return existing.error();
    existing->bind(1, tdId);
    QSet<QString> stored;
    while (existing->next())
        stored.insert(existing->text(0));

    for (const AuthoritySlot &s : ca.slots()) {
        if (stored.contains(s.id)) {
            auto up =
                m_db.prepare(QStringLiteral("UPDATE authority_slots SET status = ?, tainted = ? "
                                            "WHERE trust_domain_id = ? AND authority_id = ?"));
            if (!up)
                return up.error();
            up->bind(1, slotStatusName(s.status)).bind(2, s.tainted).bind(3, tdId).bind(4, s.id);
            if (auto e = up->exec(); !e)
                return e;
            continue;
        }
        auto sealed = sealKey(s.key, slotContext(ca.trustDomain().name(), s.id));
        if (!sealed)
            return sealed.error();
        auto ins = m_db.prepare(QStringLiteral(
            "INSERT INTO authority_slots(trust_domain_id, authority_id, kind, status, tainted, "
            "private_key, public_key_pem, cert_pem, kid, created_at, not_after) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (!ins)
            return ins.error();
        ins->bind(1, tdId)
            .bind(2, s.id)
            .bind(3, authorityKindName(s.kind))
            .bind(4, slotStatusName(s.status))
            .bind(5, s.tainted)
            .bind(6, *sealed)
            .bind(7, s.key.publicPem())
            .bind(8, s.certificate.toPem())
            .bind(9, s.kid)
            .bind(10, isoTime(s.createdAt))
            .bind(11, isoTime(s.notAfter));
        if (auto e = ins->exec(); !e)
            return e;
    }
    return {};
}

Result<CertificateAuthority> Workspace::authority(const QString &name) const
{
    auto info = trustDomainInfo(name);
    if (!info)
        return info.error();
    auto td = TrustDomain::fromName(name);
    if (!td)
        return td.error();
    auto id = trustDomainId(name);
    if (!id)
        return id.error();

    auto root = storedRoot(name);
    if (!root)
        return root.error();
    Key rootKey;
    if (!root->certificate.isNull()) {
        auto key = unsealKey(root->sealedKey, rootContext(name));
        if (!key)
            return key.error();
        rootKey = *key;
    }

    QList<AuthoritySlot> slots;
    auto st = m_db.prepare(QStringLiteral(
        "SELECT authority_id, kind, status, tainted, private_key, public_key_pem, cert_pem, kid, "
        "created_at, not_after FROM authority_slots WHERE trust_domain_id = ? ORDER BY id"));
    if (!st)
        return st.error();
    st->bind(1, *id);
    while (st->next()) {
        AuthoritySlot s;
        s.id = st->text(0);
        s.kind = authorityKindFromName(st->text(1)).value_or(AuthorityKind::X509);
        s.status = slotStatusFromName(st->text(2)).value_or(SlotStatus::Revoked);
        s.tainted = st->int64(3) != 0;
        // Only an authority that may still sign needs its private key; the scrypt cost of
        // unsealing is paid for those alone.
        const bool maySign = s.status == SlotStatus::Active || s.status == SlotStatus::Prepared;
        auto key =
            maySign ? unsealKey(st->blob(4), slotContext(name, s.id)) : Key::fromPem(st->blob(5));
        if (!key)
            return key.error();
        s.key = *key;
        if (!st->isNull(6) && !st->blob(6).isEmpty()) {
            auto cert = Certificate::fromPem(st->blob(6));
            if (!cert)
                return cert.error();
            s.certificate = *cert;
        }
        s.kid = st->text(7);
        s.createdAt = parseTime(st->text(8));
        s.notAfter = parseTime(st->text(9));
        slots.append(s);
    }
    if (st->error())
        return *st->error();
    return CertificateAuthority::restore(*td, info->settings, rootKey, root->certificate, slots);
}

Result<void> Workspace::saveAuthority(const CertificateAuthority &ca)
{
    const QString name = ca.trustDomain().name();
    auto id = trustDomainId(name);
    if (!id)
        return id.error();
    return m_db.transaction([&]() -> Result<void> {
        QSet<QString> before;
        {
            auto st = m_db.prepare(
                QStringLiteral("SELECT authority_id FROM authority_slots WHERE trust_domain_id = ? "
                               "AND status != 'revoked'"));
            if (!st)
                return st.error();
            st->bind(1, *id);
            while (st->next())
                before.insert(st->text(0));
        }
        QSet<QString> after;
        for (const AuthoritySlot &s : ca.slots()) {
            if (s.published())
                after.insert(s.id);
        }
        if (auto w = writeSlots(*id, ca); !w)
            return w;
        const CaSettings &cs = ca.settings();
        auto st = m_db.prepare(QStringLiteral(
            "UPDATE trust_domains SET ca_ttl = ?, x509_svid_ttl = ?, jwt_svid_ttl = ?, "
            "bundle_sequence = MAX(bundle_sequence + ?, ?) WHERE id = ?"));
        if (!st)
            return st.error();
        st->bind(1, cs.caTtl)
            .bind(2, cs.x509SvidTtl)
            .bind(3, cs.jwtSvidTtl)
            .bind(4, before == after ? 0 : 1)
            .bind(5, sequenceFloor(ca.x509Authorities().size() + ca.jwtAuthorities().size()))
            .bind(6, *id);
        return st->exec();
    });
}

Result<TrustBundle> Workspace::bundle(const QString &name) const
{
    auto info = trustDomainInfo(name);
    if (!info)
        return info.error();
    auto td = TrustDomain::fromName(name);
    if (!td)
        return td.error();
    TrustBundle out(*td);
    auto root = storedRoot(name);
    if (!root)
        return root.error();
    if (!root->certificate.isNull()) {
        if (auto a = out.addX509Authority(root->certificate); !a)
            return a.error();
    }
    auto st = m_db.prepare(
        QStringLiteral("SELECT s.kind, s.cert_pem, s.kid, s.public_key_pem FROM authority_slots s "
                       "JOIN trust_domains t ON t.id = s.trust_domain_id "
                       "WHERE t.name = ? AND s.status != 'revoked' ORDER BY s.id"));
    if (!st)
        return st.error();
    st->bind(1, name);
    while (st->next()) {
        if (st->text(0) == QLatin1String("jwt")) {
            auto key = Key::fromPem(st->blob(3));
            if (!key)
                return key.error();
            if (auto a = out.addJwtAuthority(st->text(2), *key); !a)
                return a.error();
        } else if (!info->settings.intermediate) {
            auto cert = Certificate::fromPem(st->blob(1));
            if (!cert)
                return cert.error();
            if (auto a = out.addX509Authority(*cert); !a)
                return a.error();
        }
    }
    if (st->error())
        return *st->error();
    if (auto h = out.setRefreshHint(info->refreshHint); !h)
        return h.error();
    if (auto q = out.setSequence(std::max<quint64>(quint64(info->bundleSequence), out.sequence()));
        !q)
        return q.error();
    return out;
}

Result<void> Workspace::setRefreshHint(const QString &name, qint64 seconds)
{
    if (seconds <= 0)
        return makeError(ec::StoreBadRefreshHint, QString::number(seconds));
    return m_db.transaction([&]() -> Result<void> {
        auto st = m_db.prepare(QStringLiteral(
            "UPDATE trust_domains SET refresh_hint = ?, bundle_sequence = bundle_sequence + 1 "
            "WHERE name = ?"));
        if (!st)
            return st.error();
        st->bind(1, seconds).bind(2, name);
        return execChanging(*st, makeError(ec::StoreUnknownTrustDomain, name));
    });
}

Result<qint64> Workspace::recordCredential(const CredentialRecord &c)
{
    auto tdId = trustDomainId(c.trustDomain);
    if (!tdId)
        return tdId.error();
    qint64 rowId = 0;
    auto r = m_db.transaction([&]() -> Result<void> {
        auto st = m_db.prepare(QStringLiteral(
            "INSERT INTO credentials(trust_domain_id, kind, serial, spiffe_id, not_before, "
            "not_after, issued_at, key_type, status, authority_id, audience, dns_names, material) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (!st)
            return st.error();
        st->bind(1, *tdId)
            .bind(2, authorityKindName(c.kind))
            .bind(3, c.serial)
            .bind(4, c.spiffeId)
            .bind(5, isoTime(c.notBefore))
            .bind(6, isoTime(c.notAfter))
            .bind(7, isoTime(c.issuedAt))
            .bind(8, c.keyType)
            .bind(9, c.status == CredentialRecord::Status::Valid ? QStringLiteral("valid")
                                                                 : QStringLiteral("revoked"))
            .bind(10, c.authorityId)
            .bind(11, c.audience.join(QLatin1Char(' ')))
            .bind(12, c.dnsNames.join(QLatin1Char(' ')))
            .bind(13, c.material);
        if (auto e = st->exec(); !e)
            return e;
        rowId = m_db.lastInsertId();
        return {};
    });
    if (!r)
        return r.error();
    return rowId;
}

namespace {

const QString kCredentialColumns = QStringLiteral(
    "SELECT c.id, t.name, c.kind, c.serial, c.spiffe_id, c.not_before, c.not_after, "
    "c.issued_at, c.key_type, c.status, c.authority_id, c.audience, c.dns_names, c.material "
    "FROM credentials c JOIN trust_domains t ON t.id = c.trust_domain_id ");

CredentialRecord credentialAt(Statement &st)
{
    CredentialRecord c;
    c.id = st.int64(0);
    c.trustDomain = st.text(1);
    c.kind = authorityKindFromName(st.text(2)).value_or(AuthorityKind::X509);
    c.serial = st.text(3);
    c.spiffeId = st.text(4);
    c.notBefore = parseTime(st.text(5));
    c.notAfter = parseTime(st.text(6));
    c.issuedAt = parseTime(st.text(7));
    c.keyType = st.text(8);
    c.status = st.text(9) == QLatin1String("revoked") ? CredentialRecord::Status::Revoked
                                                      : CredentialRecord::Status::Valid;
    c.authorityId = st.text(10);
    c.audience = st.text(11).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    c.dnsNames = st.text(12).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    c.material = st.blob(13);
    return c;
}

} // namespace

Result<QList<CredentialRecord>> Workspace::credentials(const QString &trustDomain) const
{
    auto st = m_db.prepare(kCredentialColumns +
                           QStringLiteral("WHERE ?1 = '' OR t.name = ?1 ORDER BY c.id"));
    if (!st)
        return st.error();
    st->bind(1, trustDomain.isNull() ? QStringLiteral("") : trustDomain);
    QList<CredentialRecord> out;
    while (st->next())
        out.append(credentialAt(*st));
    if (st->error())
        return *st->error();
    return out;
}

Result<std::optional<CredentialRecord>> Workspace::credential(qint64 id) const
{
    auto st = m_db.prepare(kCredentialColumns + QStringLiteral("WHERE c.id = ?"));
    if (!st)
        return st.error();
    st->bind(1, id);
    std::optional<CredentialRecord> out;
    if (st->next())
        out = credentialAt(*st);
    if (st->error())
        return *st->error();
    return out;
}

Result<void> Workspace::setCredentialStatus(qint64 id, CredentialRecord::Status status)
{
    return m_db.transaction([&]() -> Result<void> {
        auto st = m_db.prepare(QStringLiteral("UPDATE credentials SET status = ? WHERE id = ?"));
        if (!st)
            return st.error();
        st->bind(1, status == CredentialRecord::Status::Valid ? QStringLiteral("valid")
                                                              : QStringLiteral("revoked"))
            .bind(2, id);
        return execChanging(*st, makeError(ec::StoreUnknownCredential, QString::number(id)));
    });
}

Result<void> Workspace::deleteCredential(qint64 id)
{
    return m_db.transaction([&]() -> Result<void> {
        auto st = m_db.prepare(QStringLiteral("DELETE FROM credentials WHERE id = ?"));
        if (!st)
            return st.error();
        st->bind(1, id);
        return st->exec();
    });
}

} // namespace ta::core
