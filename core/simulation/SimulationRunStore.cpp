// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/SimulationRunStore.h"

#include "core/attestation/EvidenceRecord.h"
#include "core/simulation/SimulationErrors.h"
#include "core/store/Database.h"
#include "core/store/RuleStore.h"
#include "core/store/StoreErrors.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace ta::core {
namespace {

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString formatTime(const QDateTime &t)
{
    return t.isValid() ? EvidenceRecord::formatTime(t) : QString();
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

Error queryError(Statement &st)
{
    return st.error() ? *st.error() : makeError(ec::StoreQueryFailed);
}

// Hashes every row of @p sql (text columns) into @p hash, each field length-prefixed so that no
// two different tables hash alike.
Result<void> hashRows(Database &db, const QString &sql, QCryptographicHash &hash)
{
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    while (st->next()) {
        for (int c = 0; c < 3; ++c) {
            const QByteArray field = st->blob(c);
            const qint64 n = field.size();
            hash.addData(QByteArrayView(reinterpret_cast<const char *>(&n), sizeof n));
            hash.addData(field);
        }
    }
    if (st->error())
        return *st->error();
    return {};
}

QString ruleKindName(SimulationRunStore::RuleSource::Kind kind)
{
    return kind == SimulationRunStore::RuleSource::Kind::Entries ? QStringLiteral("entries")
                                                                 : QStringLiteral("policies");
}

QString eventKindName(SimulationEvent::Kind kind)
{
    return simulationEventName(kind);
}

} // namespace

QJsonObject SimulationRunInputs::toJson() const
{
    QJsonObject o{
        {QStringLiteral("rules"), QJsonObject{{QStringLiteral("identity"), ruleIdentity},
                                              {QStringLiteral("version"), ruleVersion},
                                              {QStringLiteral("sha256"), ruleSha256}}},
        {QStringLiteral("evidence"), QJsonObject{{QStringLiteral("source"), evidenceSource},
                                                 {QStringLiteral("count"), evidenceCount},
                                                 {QStringLiteral("last_id"), evidenceLastId}}},
        {QStringLiteral("anchors_sha256"), anchorsSha256},
        {QStringLiteral("freshness"), freshness}};
    if (until.isValid())
        o.insert(QStringLiteral("until"), EvidenceRecord::formatTime(until));
    return o;
}

QJsonObject SavedSimulationRun::toJson() const
{
    QJsonObject o{
        {QStringLiteral("name"), name},
        {QStringLiteral("created_at"), formatTime(createdAt)},
        {QStringLiteral("stale"), stale},
        {QStringLiteral("inputs"), inputs.toJson()},
        {QStringLiteral("summary"), summary.toJson().value(QLatin1String("summary")).toObject()}};
    if (start.isValid())
        o.insert(QStringLiteral("start"), EvidenceRecord::formatTime(start));
    if (end.isValid())
        o.insert(QStringLiteral("end"), EvidenceRecord::formatTime(end));
    return o;
}

Result<SimulationRunInputs> SimulationRunStore::currentInputs(const RuleSource &rules,
                                                              const SimulationSettings &settings,
                                                              const QString &evidenceFileSha256)
{
    SimulationRunInputs in;
    in.freshness = settings.freshness;
    in.until = settings.until.isValid() ? settings.until.toUTC() : QDateTime();
    if (rules.kind == RuleSource::Kind::File) {
        in.ruleIdentity = QStringLiteral("file");
        in.ruleSha256 = sha256Hex(rules.fileContent);
    } else {
        const RuleKind kind =
            rules.kind == RuleSource::Kind::Entries ? RuleKind::Entries : RuleKind::Policies;
        RuleStore store(m_db);
        int version = rules.version;
        if (version == 0) {
            auto latest = store.latestVersion(kind);
            if (!latest)
                return latest.error();
            version = *latest;
        }
        in.ruleIdentity = ruleKindName(rules.kind) + QLatin1Char(':') +
                          (rules.version == 0 ? QStringLiteral("latest")
                                              : QStringLiteral("v%1").arg(rules.version));
        in.ruleVersion = version;
        QByteArray content;
        if (version > 0) {
            auto c = store.load(kind, version);
            if (!c)
                return c.error();
            content = *c;
        }
        in.ruleSha256 = sha256Hex(content);
    }
    if (!evidenceFileSha256.isEmpty()) {
        in.evidenceSource = QStringLiteral("file:") + evidenceFileSha256;
    } else {
        auto st = m_db.prepare(
            QStringLiteral("SELECT count(*), coalesce(max(id), 0) FROM evidence_records"));
        if (!st)
            return st.error();
        if (!st->next())
            return queryError(*st);
        in.evidenceCount = st->int64(0);
        in.evidenceLastId = st->int64(1);
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (auto r = hashRows(m_db,
                          QStringLiteral("SELECT 'anchor', anchor_id, document FROM trust_anchors "
                                         "ORDER BY anchor_id"),
                          hash);
        !r)
        return r.error();
    if (auto r = hashRows(m_db,
                          QStringLiteral("SELECT 'reference', value_id, document FROM "
                                         "reference_values ORDER BY value_id"),
                          hash);
        !r)
        return r.error();
    in.anchorsSha256 = QString::fromLatin1(hash.result().toHex());
    return in;
}

Result<qint64> SimulationRunStore::save(const QString &name, const SimulationRunInputs &inputs,
                                        const SimulationRun &run, const QDateTime &now,
                                        const std::function<bool()> &cancelled)
{
    qint64 runId = 0;
    auto r = m_db.transaction([&]() -> Result<void> {
        auto del = m_db.prepare(QStringLiteral("DELETE FROM simulation_runs WHERE name = ?1"));
        if (!del)
            return del.error();
        del->bind(1, name);
        if (auto e = del->exec(); !e)
            return e;
        auto ins = m_db.prepare(QStringLiteral(
            "INSERT INTO simulation_runs(name, rule_identity, rule_version, rule_sha256, "
            "evidence_source, evidence_count, evidence_last_id, anchors_sha256, freshness, "
            "until_ms, start_ms, end_ms, stale, created_at, summary) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0, ?13, ?14)"));
        if (!ins)
            return ins.error();
        ins->bind(1, name)
            .bind(2, inputs.ruleIdentity)
            .bind(3, inputs.ruleVersion)
            .bind(4, inputs.ruleSha256)
            .bind(5, inputs.evidenceSource)
            .bind(6, inputs.evidenceCount)
            .bind(7, inputs.evidenceLastId)
            .bind(8, inputs.anchorsSha256)
            .bind(9, inputs.freshness);
        if (inputs.until.isValid())
            ins->bind(10, inputs.until.toMSecsSinceEpoch());
        else
            ins->bindNull(10);
        if (run.start().isValid())
            ins->bind(11, run.start().toMSecsSinceEpoch());
        else
            ins->bindNull(11);
        if (run.end().isValid())
            ins->bind(12, run.end().toMSecsSinceEpoch());
        else
            ins->bindNull(12);
        ins->bind(13, EvidenceRecord::formatTime(now.toUTC()))
            .bind(14, QJsonDocument(run.summary().toJson()).toJson(QJsonDocument::Compact));
        if (auto e = ins->exec(); !e)
            return e;
        runId = m_db.lastInsertId();

        auto ev = m_db.prepare(QStringLiteral(
            "INSERT INTO simulation_events(run_id, time_ms, kind, subject, credential, replaces, "
            "spiffe_id, rule, record_id, not_after_ms, reason) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
        if (!ev)
            return ev.error();
        auto optText = [&](int i, const QString &v) {
            if (v.isEmpty())
                ev->bindNull(i);
            else
                ev->bind(i, v);
        };
        qint64 rows = 0;
        auto step = [&]() -> Result<void> {
            if (auto e = ev->exec(); !e)
                return e;
            ev->reset();
            if (cancelled && ++rows % 4096 == 0 && cancelled())
                return makeError(ec::ReplayCancelled);
            return {};
        };
        for (const SimulationEvent &e : run.events()) {
            ev->bind(1, runId)
                .bind(2, e.at.toMSecsSinceEpoch())
                .bind(3, eventKindName(e.kind))
                .bind(4, e.subject);
            optText(5, e.credential);
            optText(6, e.replaces);
            optText(7, e.spiffeId);
            optText(8, e.rule);
            if (e.record > 0)
                ev->bind(9, e.record);
            else
                ev->bindNull(9);
            if (e.notAfter.isValid())
                ev->bind(10, e.notAfter.toMSecsSinceEpoch());
            else
                ev->bindNull(10);
            optText(11, e.reason.join(QLatin1Char(',')));
            if (auto s = step(); !s)
                return s;
        }
        for (const SimulationRun::AttestationChange &c : run.attestationChanges()) {
            ev->bind(1, runId)
                .bind(2, c.at.toMSecsSinceEpoch())
                .bind(3, c.attested ? QStringLiteral("attested") : QStringLiteral("unattested"))
                .bind(4, c.subject);
            for (int i = 5; i <= 11; ++i)
                ev->bindNull(i);
            if (auto s = step(); !s)
                return s;
        }
        if (cancelled && cancelled())
            return makeError(ec::ReplayCancelled);
        return {};
    });
    if (!r)
        return r.error();
    return runId;
}

Result<QList<SavedSimulationRun>> SimulationRunStore::load(const QString &where,
                                                           const QString &name)
{
    auto st = m_db.prepare(
        QStringLiteral("SELECT id, name, rule_identity, rule_version, rule_sha256, "
                       "evidence_source, evidence_count, evidence_last_id, anchors_sha256, "
                       "freshness, until_ms, start_ms, end_ms, stale, created_at, summary "
                       "FROM simulation_runs %1 ORDER BY id DESC")
            .arg(where));
    if (!st)
        return st.error();
    if (!name.isNull())
        st->bind(1, name);
    QList<SavedSimulationRun> out;
    while (st->next()) {
        SavedSimulationRun run;
        run.id = st->int64(0);
        run.name = st->text(1);
        run.inputs.ruleIdentity = st->text(2);
        run.inputs.ruleVersion = int(st->int64(3));
        run.inputs.ruleSha256 = st->text(4);
        run.inputs.evidenceSource = st->text(5);
        run.inputs.evidenceCount = st->int64(6);
        run.inputs.evidenceLastId = st->int64(7);
        run.inputs.anchorsSha256 = st->text(8);
        run.inputs.freshness = st->int64(9);
        if (!st->isNull(10))
            run.inputs.until = fromMs(st->int64(10));
        if (!st->isNull(11))
            run.start = fromMs(st->int64(11));
        if (!st->isNull(12))
            run.end = fromMs(st->int64(12));
        run.stale = st->int64(13) != 0;
        run.createdAt = QDateTime::fromString(st->text(14), Qt::ISODateWithMs);
        const QJsonObject sum = QJsonDocument::fromJson(st->blob(15))
                                    .object()
                                    .value(QLatin1String("summary"))
                                    .toObject();
        run.summary.records = sum.value(QLatin1String("records")).toInteger();
        run.summary.subjects = sum.value(QLatin1String("subjects")).toInteger();
        run.summary.issued = sum.value(QLatin1String("issued")).toInteger();
        run.summary.renewed = sum.value(QLatin1String("renewed")).toInteger();
        run.summary.expired = sum.value(QLatin1String("expired")).toInteger();
        run.summary.revoked = sum.value(QLatin1String("revoked")).toInteger();
        run.summary.denied = sum.value(QLatin1String("denied")).toInteger();
        out.append(std::move(run));
    }
    if (st->error())
        return *st->error();
    for (SavedSimulationRun &run : out) {
        if (run.stale)
            continue;
        auto stale = isStale(run);
        if (!stale)
            return stale.error();
        if (!*stale)
            continue;
        run.stale = true;
        // Recorded so that it stays stale should the inputs come back; a read-only workspace
        // still reports it.
        auto mark =
            m_db.prepare(QStringLiteral("UPDATE simulation_runs SET stale = 1 WHERE id = ?1"));
        if (mark) {
            mark->bind(1, run.id);
            (void)mark->exec();
        }
    }
    return out;
}

Result<bool> SimulationRunStore::isStale(const SavedSimulationRun &run)
{
    RuleSource rules;
    const QString identity = run.inputs.ruleIdentity;
    if (identity == QLatin1String("file")) {
        rules.kind = RuleSource::Kind::File;
    } else {
        const QString kind = identity.section(QLatin1Char(':'), 0, 0);
        const QString version = identity.section(QLatin1Char(':'), 1);
        if (kind == QLatin1String("entries"))
            rules.kind = RuleSource::Kind::Entries;
        else if (kind == QLatin1String("policies"))
            rules.kind = RuleSource::Kind::Policies;
        else
            return true;
        if (version != QLatin1String("latest")) {
            bool ok = false;
            rules.version = version.mid(1).toInt(&ok);
            if (!ok || !version.startsWith(QLatin1Char('v')) || rules.version < 1)
                return true;
        }
    }
    SimulationSettings settings;
    settings.freshness = run.inputs.freshness;
    settings.until = run.inputs.until;
    const bool fromFile = run.inputs.evidenceSource != QLatin1String("workspace");
    auto now = currentInputs(rules, settings, fromFile ? QStringLiteral("-") : QString());
    if (!now)
        return now.error();
    // What the workspace cannot tell (a file's content) is taken as it was.
    if (rules.kind == RuleSource::Kind::File)
        now->ruleSha256 = run.inputs.ruleSha256;
    if (fromFile)
        now->evidenceSource = run.inputs.evidenceSource;
    return !(*now == run.inputs);
}

Result<QList<SavedSimulationRun>> SimulationRunStore::list()
{
    return load(QString(), QString());
}

Result<std::optional<SavedSimulationRun>> SimulationRunStore::find(const QString &name)
{
    auto runs = load(QStringLiteral("WHERE name = ?1"), name.isNull() ? QStringLiteral("") : name);
    if (!runs)
        return runs.error();
    if (runs->isEmpty())
        return std::optional<SavedSimulationRun>();
    return std::optional<SavedSimulationRun>(runs->first());
}

Result<std::optional<SavedSimulationRun>> SimulationRunStore::newestValid(const QDateTime &at)
{
    auto runs = list();
    if (!runs)
        return runs.error();
    for (const SavedSimulationRun &run : *runs) {
        if (run.stale)
            continue;
        if (at.isValid() && (!run.start.isValid() || at < run.start || at > run.end))
            continue;
        return std::optional<SavedSimulationRun>(run);
    }
    return std::optional<SavedSimulationRun>();
}

Result<SimulationState> SimulationRunStore::stateAt(qint64 runId, const QDateTime &at)
{
    const qint64 ms = at.toMSecsSinceEpoch();
    SimulationState state;
    state.at = at;
    // A credential is live from its issue or renewal until it expires, is revoked or is
    // replaced by its renewal: every change at or before the instant applied, as stateAt().
    auto live = m_db.prepare(QStringLiteral(
        "SELECT e.credential, e.subject, e.spiffe_id, e.not_after_ms FROM simulation_events e "
        "WHERE e.run_id = ?1 AND e.kind IN ('issued', 'renewed') AND e.time_ms <= ?2 "
        "AND e.not_after_ms > ?2 "
        "AND NOT EXISTS (SELECT 1 FROM simulation_events x WHERE x.run_id = ?1 "
        "AND x.credential = e.credential AND x.kind IN ('expired', 'revoked') "
        "AND x.time_ms <= ?2) "
        "AND NOT EXISTS (SELECT 1 FROM simulation_events r WHERE r.run_id = ?1 "
        "AND r.replaces = e.credential AND r.time_ms <= ?2) "
        "ORDER BY e.id"));
    if (!live)
        return live.error();
    live->bind(1, runId).bind(2, ms);
    while (live->next())
        state.live.append({live->text(0), live->text(1), live->text(2), fromMs(live->int64(3))});
    if (live->error())
        return *live->error();
    // Each subject's last attestation change at or before the instant (SQLite takes the bare
    // column from the row holding max(id)).
    auto attested = m_db.prepare(
        QStringLiteral("SELECT subject, kind, max(id) FROM simulation_events "
                       "WHERE run_id = ?1 AND kind IN ('attested', 'unattested') AND time_ms <= ?2 "
                       "GROUP BY subject"));
    if (!attested)
        return attested.error();
    attested->bind(1, runId).bind(2, ms);
    while (attested->next()) {
        if (attested->text(1) == QLatin1String("attested"))
            state.attested << attested->text(0);
    }
    if (attested->error())
        return *attested->error();
    state.attested.sort();
    return state;
}

Result<bool> SimulationRunStore::remove(const QString &name)
{
    auto st = m_db.prepare(QStringLiteral("DELETE FROM simulation_runs WHERE name = ?1"));
    if (!st)
        return st.error();
    st->bind(1, name);
    if (auto r = st->exec(); !r)
        return r.error();
    return m_db.changes() > 0;
}

} // namespace ta::core
