// SPDX-License-Identifier: Apache-2.0
#include "core/store/Migrations.h"
#include "core/store/StoreErrors.h"

#include <QStringList>

#include <array>

namespace ta::core {
namespace {

// Each entry takes the schema from version i to i + 1. Entries are never edited once released;
// a change is a new entry.
constexpr std::array kSteps = {
    R"SQL(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB
);
CREATE TABLE trust_domains (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    key_type        TEXT NOT NULL,
    ca_ttl          INTEGER NOT NULL,
    root_ttl        INTEGER NOT NULL,
    x509_svid_ttl   INTEGER NOT NULL,
    jwt_svid_ttl    INTEGER NOT NULL,
    intermediate    INTEGER NOT NULL,
    root_cert_pem   BLOB,
    root_key        BLOB,
    bundle_sequence INTEGER NOT NULL DEFAULT 1,
    refresh_hint    INTEGER NOT NULL DEFAULT 300,
    created_at      TEXT NOT NULL
);
CREATE TABLE authority_slots (
    id              INTEGER PRIMARY KEY,
    trust_domain_id INTEGER NOT NULL REFERENCES trust_domains(id) ON DELETE CASCADE,
    authority_id    TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('x509', 'jwt')),
    status          TEXT NOT NULL CHECK (status IN ('prepared', 'active', 'old', 'revoked')),
    tainted         INTEGER NOT NULL DEFAULT 0,
    private_key     BLOB NOT NULL,
    public_key_pem  BLOB NOT NULL,
    cert_pem        BLOB,
    kid             TEXT,
    created_at      TEXT NOT NULL,
    not_after       TEXT NOT NULL,
    UNIQUE (trust_domain_id, authority_id)
);
CREATE TABLE credentials (
    id              INTEGER PRIMARY KEY,
    trust_domain_id INTEGER NOT NULL REFERENCES trust_domains(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('x509', 'jwt')),
    serial          TEXT NOT NULL,
    spiffe_id       TEXT NOT NULL,
    not_before      TEXT NOT NULL,
    not_after       TEXT NOT NULL,
    issued_at       TEXT NOT NULL,
    key_type        TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('valid', 'revoked')),
    authority_id    TEXT NOT NULL,
    audience        TEXT,
    dns_names       TEXT,
    material        BLOB NOT NULL,
    UNIQUE (trust_domain_id, kind, serial)
);
CREATE INDEX credentials_by_spiffe_id ON credentials(spiffe_id);
)SQL",
    // 2: attestation. Anchors and reference values keep the anchors file's JSON (join tokens
    // hashed); evidence keeps each record's line as imported, ordered by time then import order.
    R"SQL(
CREATE TABLE trust_anchors (
    id          INTEGER PRIMARY KEY,
    anchor_id   TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    document    TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TABLE reference_values (
    id          INTEGER PRIMARY KEY,
    value_id    TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('pcr', 'image_digest')),
    document    TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TABLE evidence_records (
    id       INTEGER PRIMARY KEY,
    time_ms  INTEGER NOT NULL,
    attestor TEXT NOT NULL,
    subject  TEXT NOT NULL,
    record   TEXT NOT NULL,
    source   TEXT
);
CREATE INDEX evidence_by_time ON evidence_records(time_ms, id);
CREATE INDEX evidence_by_subject ON evidence_records(subject, time_ms);
CREATE TABLE used_nonces (
    subject    TEXT NOT NULL,
    nonce      TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (subject, nonce)
) WITHOUT ROWID;
CREATE TABLE used_join_tokens (
    token_sha256 TEXT PRIMARY KEY,
    subject      TEXT NOT NULL,
    used_at      TEXT NOT NULL
) WITHOUT ROWID;
)SQL",
    // 3: rule documents (policies, registration entries). A save appends a version and never
    // overwrites one, so any two versions can be compared.
    R"SQL(
CREATE TABLE rule_documents (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL CHECK (kind IN ('policies', 'entries')),
    version  INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    comment  TEXT NOT NULL DEFAULT '',
    content  BLOB NOT NULL,
    UNIQUE (kind, version)
);
)SQL",
    // sim: saved simulation runs (`simulate --save`) and their events, read by the app and by
    // `graph export --at`. A run keeps the fingerprint of its inputs (evidence count and last
    // row, anchors hash, rule identity, version and hash, freshness, until) so that a change to
    // any of them marks it stale. Events hold the log plus each subject's attestation changes
    // ('attested', 'unattested'), so the state at an instant is a query, not a replay.
    R"SQL(
CREATE TABLE simulation_runs (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    rule_identity    TEXT NOT NULL,
    rule_version     INTEGER NOT NULL,
    rule_sha256      TEXT NOT NULL,
    evidence_source  TEXT NOT NULL,
    evidence_count   INTEGER NOT NULL,
    evidence_last_id INTEGER NOT NULL,
    anchors_sha256   TEXT NOT NULL,
    freshness        INTEGER NOT NULL,
    until_ms         INTEGER,
    start_ms         INTEGER,
    end_ms           INTEGER,
    stale            INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    summary          TEXT NOT NULL
);
CREATE TABLE simulation_events (
    id           INTEGER PRIMARY KEY,
    run_id       INTEGER NOT NULL REFERENCES simulation_runs(id) ON DELETE CASCADE,
    time_ms      INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('issued', 'renewed', 'expired', 'revoked',
                                               'denied', 'attested', 'unattested')),
    subject      TEXT NOT NULL,
    credential   TEXT,
    replaces     TEXT,
    spiffe_id    TEXT,
    rule         TEXT,
    record_id    INTEGER,
    not_after_ms INTEGER,
    reason       TEXT
);
CREATE INDEX simulation_events_by_time ON simulation_events(run_id, time_ms);
CREATE INDEX simulation_events_by_credential ON simulation_events(run_id, credential);
CREATE INDEX simulation_events_by_replaces ON simulation_events(run_id, replaces);
)SQL",
    // canvas: where the graph canvas drew each node, so that reopening draws at once; pinned
    // nodes were placed by hand and the next layout keeps them. Coordinates in tenths of a point.
    R"SQL(
CREATE TABLE graph_positions (
    node_id TEXT PRIMARY KEY,
    x       INTEGER NOT NULL,
    y       INTEGER NOT NULL,
    pinned  INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
) WITHOUT ROWID;
)SQL",
    // fed: federation relationships of each trust domain with a peer (SPIFFE Federation: the
    // peer's bundle endpoint, its profile, the endpoint SPIFFE ID and bootstrap bundle for
    // https_spiffe, the pinned CA for https_web), and every peer bundle fetched, a history
    // ordered by id; last_fetched_at is the last successful fetch, even of an unchanged bundle.
    R"SQL(
CREATE TABLE federation_relationships (
    id                  INTEGER PRIMARY KEY,
    trust_domain_id     INTEGER NOT NULL REFERENCES trust_domains(id) ON DELETE CASCADE,
    peer_trust_domain   TEXT NOT NULL,
    bundle_endpoint_url TEXT NOT NULL,
    profile             TEXT NOT NULL CHECK (profile IN ('https_web', 'https_spiffe')),
    endpoint_spiffe_id  TEXT,
    bootstrap_bundle    BLOB,
    pinned_ca_pem       BLOB,
    created_at          TEXT NOT NULL,
    last_fetched_at     TEXT,
    UNIQUE (trust_domain_id, peer_trust_domain)
);
CREATE TABLE federated_bundles (
    id              INTEGER PRIMARY KEY,
    relationship_id INTEGER NOT NULL REFERENCES federation_relationships(id) ON DELETE CASCADE,
    sequence        INTEGER NOT NULL,
    refresh_hint    INTEGER,
    fetched_at      TEXT NOT NULL,
    bundle          BLOB NOT NULL
);
CREATE INDEX federated_bundles_by_relationship ON federated_bundles(relationship_id, id);
)SQL",
    // etl (helper etl): each evidence record's attestation result, as the evidence timeline shows
    // and filters it. Verdicts depend on the whole replay before a record, so they are computed
    // by a pass over the timeline and kept here (a cache: deleting the rows loses nothing), so
    // that a filter on them stays a query at a million records. anchors_sha256 names the anchors
    // they were computed under; reasons, selectors and anchors are comma-joined. The token index
    // answers the anchors panel's "which join tokens were used" without a scan, the verdict
    // index counts the records of one verdict without visiting the others.
    R"SQL(
CREATE TABLE evidence_results (
    record_id      INTEGER PRIMARY KEY REFERENCES evidence_records(id) ON DELETE CASCADE,
    verdict        TEXT NOT NULL CHECK (verdict IN ('affirming', 'warning', 'contraindicated')),
    reasons        TEXT NOT NULL,
    selectors      TEXT NOT NULL,
    anchors        TEXT NOT NULL,
    token_sha256   TEXT,
    anchors_sha256 TEXT NOT NULL
);
CREATE INDEX evidence_results_by_token ON evidence_results(token_sha256)
    WHERE token_sha256 IS NOT NULL;
CREATE INDEX evidence_results_by_verdict ON evidence_results(verdict);
)SQL",
    // 8: the attestation results of a replay of the workspace's evidence, kept so that a later
    // process (the next `simulate` after a policy edit) verifies no signature. A set is named by
    // a digest of everything its results depend on (the records' bytes in replay order, anchors,
    // attestation settings) and sealed with an HMAC under a key of the user who computed it, so
    // a workspace from elsewhere never supplies results it did not verify. A cache: deleting
    // the rows loses nothing. Results are stored in compressed chunks in replay order.
    R"SQL(
CREATE TABLE replay_result_sets (
    id       INTEGER PRIMARY KEY,
    key      BLOB NOT NULL UNIQUE,
    results  INTEGER NOT NULL CHECK (results >= 0),
    chunks   INTEGER NOT NULL CHECK (chunks >= 0),
    seal     BLOB NOT NULL,
    saved_at TEXT NOT NULL
);
CREATE TABLE replay_result_chunks (
    id     INTEGER PRIMARY KEY,
    set_id INTEGER NOT NULL REFERENCES replay_result_sets(id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    data   BLOB NOT NULL,
    UNIQUE (set_id, seq)
);
)SQL",
};

} // namespace

int Migrations::latestVersion()
{
    return int(kSteps.size());
}

namespace {

// type, name, table and SQL of every schema object, in a stable order. SQLite's statistics
// tables (ANALYZE) hold no SQL the application runs and are left out.
Result<QStringList> schemaOf(Database &db)
{
    auto st = db.prepare(
        QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_schema "
                       "WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY type, name"));
    if (!st)
        return st.error();
    QStringList out;
    while (st->next())
        out << QStringLiteral("%1 %2 on %3: %4")
                   .arg(st->text(0), st->text(1), st->text(2),
                        st->isNull(3) ? QStringLiteral("(automatic)") : st->text(3));
    if (st->error())
        return *st->error();
    return out;
}

} // namespace

Result<void> Migrations::verifySchema(Database &db)
{
    const int version = db.userVersion();
    if (version <= 0)
        return makeError(ec::StoreNotAWorkspace, db.path());
    if (version > latestVersion())
        return makeError(ec::StoreNewerSchema,
                         QStringLiteral("%1 > %2").arg(version).arg(latestVersion()));
    auto expectedDb = Database::openMemory();
    if (!expectedDb)
        return expectedDb.error();
    for (int v = 0; v < version; ++v) {
        if (auto r = expectedDb->exec(QString::fromUtf8(kSteps[size_t(v)])); !r)
            return r;
    }
    auto expected = schemaOf(*expectedDb);
    if (!expected)
        return expected.error();
    auto found = schemaOf(db);
    if (!found)
        return makeError(ec::StoreUnexpectedSchema, found.error().detail);
    for (const QString &entry : *found) {
        if (!expected->contains(entry))
            return makeError(ec::StoreUnexpectedSchema,
                             QStringLiteral("not made by this application: %1")
                                 .arg(entry.simplified().left(200)));
    }
    for (const QString &entry : *expected) {
        if (!found->contains(entry))
            return makeError(ec::StoreUnexpectedSchema,
                             QStringLiteral("missing: %1").arg(entry.simplified().left(200)));
    }
    return {};
}

Result<void> Migrations::migrate(Database &db)
{
    const int current = db.userVersion();
    if (current < 0)
        return makeError(ec::StoreNotAWorkspace, db.path());
    if (current > latestVersion())
        return makeError(ec::StoreNewerSchema,
                         QStringLiteral("%1 > %2").arg(current).arg(latestVersion()));
    for (int v = current; v < latestVersion(); ++v) {
        auto r = db.transaction([&]() -> Result<void> {
            if (auto s = db.exec(QString::fromUtf8(kSteps[size_t(v)])); !s)
                return s;
            return db.exec(QStringLiteral("PRAGMA user_version=%1").arg(v + 1));
        });
        if (!r)
            return r;
    }
    return {};
}

} // namespace ta::core
