// SPDX-License-Identifier: Apache-2.0
// Attestation results kept in the workspace (StoredReplayResults, ResultSealKey): a later replay
// over the same records, anchors and settings verifies no signature; a set sealed under another
// user's key, or altered in the file, or made for other records or anchors, is verified again,
// never trusted; a chunk that does not decode fails cleanly.
#include "core/attestation/lab/EvidenceLab.h"
#include "core/crypto/Digest.h"
#include "core/policy/Policy.h"
#include "core/simulation/ResultSealKey.h"
#include "core/simulation/RuleSet.h"
#include "core/simulation/StoredReplayResults.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/AttestationStore.h"
#include "core/store/Database.h"
#include "core/store/Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace ta::core;

namespace {

template <typename T>
QByteArray errorOf(const Result<T> &r)
{
    return r ? QByteArray() : r.error().toString().toUtf8();
}

/// One replay of a workspace's records, through results kept under a seal key.
struct Replayed
{
    std::vector<AttestationResult> results;
    qint64 signatureChecks = 0;
    int loaded = 0;
    int saved = 0;
    int saveFailures = 0;
    int rejectedSeals = 0;
};

} // namespace

class TestStoredReplayResults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void roundTripsEveryField();
    void secondReplayVerifiesNothing();
    void anotherUsersSealIsNotTrusted();
    void alteredSetsAreNotTrusted_data();
    void alteredSetsAreNotTrusted();
    void otherRecordsOrAnchorsAreVerifiedAgain();
    void chunksLeftBehindDoNotBlockASave();
    void decodeRefusesWhatEncodeDidNotMake();
    void keptSetsAreBounded();
    void cancelledSaveKeepsNothing();
    void saveIsTheSameOnAnyNumberOfThreads();
    void sealedChunksOfUndueCountsAreRefused_data();
    void sealedChunksOfUndueCountsAreRefused();
    void sealKeyIsMadeOnceAndPrivate();
    void sealKeyMadeByManyAtOnceIsOne();
    void progressOverAWorkspaceCountsItsRows();

private:
    /// A fresh copy of the lab workspace.
    QString copyOfLab();
    /// Replays @p path's records (two checking threads) through results sealed under @p key.
    Replayed replay(const QString &path, const QByteArray &key);
    /// The results of @p path's records, every signature verified, nothing kept.
    std::vector<AttestationResult> verified(const QString &path);
    static void exec(const QString &path, const QString &sql);

    QTemporaryDir m_dir;
    QString m_lab;
    int m_copies = 0;
    const QByteArray m_key = randomBytes(32);
};

void TestStoredReplayResults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    LabSettings ls;
    ls.nodes = 4;
    ls.workloads = 12;
    ls.records = 900;
    ls.driftRate = 0.08;
    ls.seed = 23;
    ls.start = QDateTime(QDate(2026, 4, 7), QTime(10, 0), Qt::UTC);
    m_lab = m_dir.filePath(QStringLiteral("lab.atlas"));
    auto sum = EvidenceLab::generate(m_lab, m_dir.filePath(QStringLiteral("anchors.json")),
                                     m_dir.filePath(QStringLiteral("lab.jsonl")), ls, std::nullopt);
    QVERIFY2(sum.ok(), errorOf(sum).constData());
    QVERIFY(sum->drifted > 0);
}

QString TestStoredReplayResults::copyOfLab()
{
    const QString copy = m_dir.filePath(QStringLiteral("copy-%1.atlas").arg(++m_copies));
    if (!QFile::copy(m_lab, copy))
        qFatal("copy failed");
    return copy;
}

Replayed TestStoredReplayResults::replay(const QString &path, const QByteArray &key)
{
    Replayed out;
    auto ws = Workspace::open(path, QByteArray());
    if (!ws)
        qFatal("%s", errorOf(ws).constData());
    auto replay = TimelineReplay::fromWorkspace(**ws, {});
    if (!replay)
        qFatal("%s", errorOf(replay).constData());
    auto stored = std::make_shared<StoredReplayResults>((*ws)->database(), key);
    // Sets of 9 chunks, so that chunks can be swapped.
    stored->setChunkResults(100);
    replay->setStoredResults(stored);
    replay->setThreads(2);
    auto work = std::make_shared<TimelineReplay::SignatureWork>();
    replay->setSignatureWork(work);
    auto n = replay->replay([&](const AttestationResult &r) { out.results.push_back(r); });
    if (!n)
        qFatal("%s", errorOf(n).constData());
    out.signatureChecks = work->checks;
    out.loaded = replay->storedWork().loaded;
    out.saved = replay->storedWork().saved;
    out.saveFailures = replay->storedWork().saveFailures;
    out.rejectedSeals = stored->rejectedSeals();
    return out;
}

std::vector<AttestationResult> TestStoredReplayResults::verified(const QString &path)
{
    std::vector<AttestationResult> out;
    auto ws = Workspace::open(path, QByteArray());
    auto replay = TimelineReplay::fromWorkspace(**ws, {});
    if (!replay || !replay->replay([&](const AttestationResult &r) { out.push_back(r); }))
        qFatal("replay failed");
    return out;
}

void TestStoredReplayResults::exec(const QString &path, const QString &sql)
{
    auto ws = Workspace::open(path, QByteArray());
    if (!ws)
        qFatal("%s", errorOf(ws).constData());
    if (auto r = (*ws)->database().exec(sql); !r)
        qFatal("%s: %s", qPrintable(sql), qPrintable(r.error().toString()));
}

void TestStoredReplayResults::roundTripsEveryField()
{
    std::vector<AttestationResult> results = verified(m_lab);
    QVERIFY(results.size() == 900);
    // Every field set, times absent and present, reasons and warnings, empty and null strings.
    AttestationResult full;
    full.time = QDateTime(QDate(2026, 4, 7), QTime(10, 0, 0, 123), Qt::UTC);
    full.attestor = QStringLiteral("tpm");
    full.subject = QStringLiteral("node/ü-1");
    full.selectors = {QStringLiteral("tpm:pcr:16:ab"), QString(), QStringLiteral("")};
    full.claims = QJsonObject{
        {QStringLiteral("node"), QJsonObject{{QStringLiteral("pcrs"), QJsonArray{1, 2.5, true}}}}};
    full.anchorIds = {QStringLiteral("ak-1")};
    full.referenceValueIds = {QStringLiteral("golden"), QStringLiteral("golden")};
    full.refuse(QStringLiteral("pcr_not_golden"), QStringLiteral("aa"), QStringLiteral("bb"));
    full.warn(QStringLiteral("claim_missing"));
    full.agentId = QStringLiteral("spiffe://lab.example/spire/agent/tpm/x");
    full.expiresAt = full.time.addSecs(3600);
    full.nonce = QStringLiteral("nonce-123456");
    full.keyFingerprints = {QStringLiteral("f00d")};
    full.consumedToken = QStringLiteral("c0ffee");
    full.line = 1234567890123;
    results.push_back(full);
    results.push_back(AttestationResult());
    for (size_t chunk : {size_t(1), size_t(7), size_t(4096)}) {
        std::vector<AttestationResult> back;
        for (size_t at = 0; at < results.size(); at += chunk) {
            const size_t n = qMin(chunk, results.size() - at);
            auto r = StoredReplayResults::decode(
                StoredReplayResults::encode(results.data() + at, n), back);
            QVERIFY2(r.ok(), errorOf(r).constData());
        }
        QCOMPARE(back.size(), results.size());
        for (size_t i = 0; i < results.size(); ++i)
            QVERIFY2(back[i] == results[i], qPrintable(QStringLiteral("result %1").arg(i)));
        QCOMPARE(back[results.size() - 2].toJson(), full.toJson());
        QVERIFY(!back.back().time.isValid());
    }
}

void TestStoredReplayResults::secondReplayVerifiesNothing()
{
    const QString ws = copyOfLab();
    const Replayed first = replay(ws, m_key);
    QVERIFY(first.signatureChecks > 0);
    QCOMPARE(first.saved, 1);
    QCOMPARE(first.loaded, 0);
    QCOMPARE(first.saveFailures, 0);
    QVERIFY(first.results == verified(m_lab));
    // A later process over the same file: served from the workspace, no signature checked.
    const Replayed second = replay(ws, m_key);
    QCOMPARE(second.signatureChecks, qint64(0));
    QCOMPARE(second.loaded, 1);
    QCOMPARE(second.saved, 0);
    QVERIFY(second.results == first.results);
}

void TestStoredReplayResults::anotherUsersSealIsNotTrusted()
{
    const QString ws = copyOfLab();
    const std::vector<AttestationResult> truth = replay(ws, m_key).results;
    // Someone holding the key may write any result: an accepted record refused. Under the key
    // it is served as it is (so the seal, not a check of the content, is what makes it trusted).
    {
        auto w = Workspace::open(ws, QByteArray());
        StoredReplayResults stored((*w)->database(), m_key);
        auto key = (*w)->database().prepare(QStringLiteral("SELECT key FROM replay_result_sets"));
        QVERIFY(key.ok() && key->next());
        const QByteArray setKey = key->blob(0);
        auto loaded = stored.load(setKey);
        QVERIFY2(loaded.ok() && *loaded, errorOf(loaded).constData());
        std::vector<AttestationResult> forged = **loaded;
        QVERIFY(forged[5].accepted());
        forged[5].refuse(QStringLiteral("signature_invalid"));
        QVERIFY(stored.save(setKey, forged).ok());
    }
    const Replayed underKey = replay(ws, m_key);
    QCOMPARE(underKey.loaded, 1);
    QVERIFY(!underKey.results[5].accepted());
    // Under another user's key the forged set is refused, every signature verified again, and
    // the set replaced by one sealed under the new key.
    const QByteArray otherUser = randomBytes(32);
    const Replayed other = replay(ws, otherUser);
    QCOMPARE(other.rejectedSeals, 1);
    QCOMPARE(other.loaded, 0);
    QCOMPARE(other.saved, 1);
    QVERIFY(other.signatureChecks > 0);
    QVERIFY(other.results == truth);
    QCOMPARE(replay(ws, otherUser).loaded, 1);
}

void TestStoredReplayResults::alteredSetsAreNotTrusted_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("a byte of a chunk")
        << QStringLiteral("UPDATE replay_result_chunks SET data = substr(data, 1, 40) || "
                          "x'ff' || substr(data, 42) WHERE seq = 0");
    QTest::newRow("chunks swapped")
        << QStringLiteral("UPDATE replay_result_chunks SET seq = -1 WHERE seq = 2; "
                          "UPDATE replay_result_chunks SET seq = 2 WHERE seq = 3; "
                          "UPDATE replay_result_chunks SET seq = 3 WHERE seq = -1");
    QTest::newRow("a chunk dropped")
        << QStringLiteral("DELETE FROM replay_result_chunks WHERE seq = (SELECT max(seq) FROM "
                          "replay_result_chunks)");
    QTest::newRow("count changed")
        << QStringLiteral("UPDATE replay_result_sets SET results = results - 1");
    QTest::newRow("seal cut") << QStringLiteral("UPDATE replay_result_sets SET seal = x''");
    QTest::newRow("a chunk larger than any written") << QStringLiteral(
        "UPDATE replay_result_chunks SET data = zeroblob(67108865) WHERE seq = 4");
}

void TestStoredReplayResults::alteredSetsAreNotTrusted()
{
    QFETCH(QString, sql);
    const QString ws = copyOfLab();
    const std::vector<AttestationResult> truth = replay(ws, m_key).results;
    exec(ws, sql);
    const Replayed again = replay(ws, m_key);
    QCOMPARE(again.rejectedSeals, 1);
    QCOMPARE(again.loaded, 0);
    QVERIFY(again.signatureChecks > 0);
    QVERIFY(again.results == truth);
}

void TestStoredReplayResults::otherRecordsOrAnchorsAreVerifiedAgain()
{
    const QString ws = copyOfLab();
    (void)replay(ws, m_key);
    // One record's bytes changed (its line number): the set is not for these records.
    exec(ws, QStringLiteral("UPDATE evidence_records SET record = replace(record, '\"time\"', "
                            "' \"time\"') WHERE id = 17"));
    const Replayed edited = replay(ws, m_key);
    QCOMPARE(edited.loaded, 0);
    QCOMPARE(edited.rejectedSeals, 0);
    QVERIFY(edited.signatureChecks > 0);
    QCOMPARE(edited.saved, 1);
    auto w = Workspace::open(ws, QByteArray());
    auto r = TimelineReplay::fromWorkspace(**w, {});
    QVERIFY(r.ok());
    r->setStoredResults(std::make_shared<StoredReplayResults>((*w)->database(), m_key));
    // Other anchors (the reference values left out): not the set's either.
    AnchorSet fewer;
    for (const TrustAnchor &a : r->anchors().anchors())
        QVERIFY(fewer.addAnchor(a).ok());
    QVERIFY(!r->anchors().referenceValues().isEmpty());
    r->setAnchors(fewer);
    QVERIFY(r->replay([](const AttestationResult &) {}).ok());
    QCOMPARE(r->storedWork().loaded, 0);
    QCOMPARE(r->storedWork().saved, 1);
}

void TestStoredReplayResults::chunksLeftBehindDoNotBlockASave()
{
    const QString ws = copyOfLab();
    (void)replay(ws, m_key);
    // The set deleted without foreign keys (the sqlite3 shell's default): its chunks stay, and
    // the next set may take its id.
    exec(ws, QStringLiteral("PRAGMA foreign_keys=OFF; DELETE FROM replay_result_sets"));
    const Replayed again = replay(ws, m_key);
    QCOMPARE(again.saved, 1);
    QCOMPARE(again.saveFailures, 0);
    QCOMPARE(replay(ws, m_key).loaded, 1);
}

void TestStoredReplayResults::decodeRefusesWhatEncodeDidNotMake()
{
    const std::vector<AttestationResult> results = verified(m_lab);
    const QByteArray good = StoredReplayResults::encode(results.data(), 64);
    std::vector<AttestationResult> out;
    QVERIFY(StoredReplayResults::decode(good, out).ok());
    // Every cut is refused.
    for (qsizetype len = 0; len < good.size(); len += 1 + len / 16) {
        out.clear();
        QVERIFY2(!StoredReplayResults::decode(good.left(len), out).ok(),
                 qPrintable(QStringLiteral("cut at %1").arg(len)));
    }
    QVERIFY(!StoredReplayResults::decode(good + 'x', out).ok());
    // Flipped bytes decode to other values or fail; never read out of bounds (ASan).
    QRandomGenerator rng(42);
    for (int i = 0; i < 2000; ++i) {
        QByteArray bad = good;
        for (int k = 0; k < 3; ++k)
            bad[rng.bounded(int(bad.size()))] = char(rng.bounded(256));
        out.clear();
        (void)StoredReplayResults::decode(bad, out);
    }
    // Counts far beyond the bytes are refused before anything is reserved.
    QByteArray huge = good;
    huge[6] = huge[7] = huge[8] = huge[9] = char(0x7f);
    QVERIFY(!StoredReplayResults::decode(huge, out).ok());
}

void TestStoredReplayResults::keptSetsAreBounded()
{
    const QString ws = copyOfLab();
    auto w = Workspace::open(ws, QByteArray());
    StoredReplayResults stored((*w)->database(), m_key);
    const std::vector<AttestationResult> results = verified(m_lab);
    for (const char *key : {"one", "two", "three"})
        QVERIFY(stored.save(key, results).ok());
    QVERIFY(!stored.load("one").value());
    QCOMPARE(stored.load("two").value()->size(), results.size());
    QCOMPARE(stored.load("three").value()->size(), results.size());
    auto chunks = (*w)->database().prepare(
        QStringLiteral("SELECT count(*) FROM replay_result_chunks WHERE set_id NOT IN (SELECT id "
                       "FROM replay_result_sets)"));
    QVERIFY(chunks.ok() && chunks->next());
    QCOMPARE(chunks->int64(0), qint64(0));
}

void TestStoredReplayResults::cancelledSaveKeepsNothing()
{
    const QString ws = copyOfLab();
    auto w = Workspace::open(ws, QByteArray());
    StoredReplayResults stored((*w)->database(), m_key);
    const std::vector<AttestationResult> results = verified(m_lab);
    int asked = 0;
    stored.setChunkResults(100);
    auto saved = stored.save("k", results, [&] { return ++asked > 2; });
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().code, QStringLiteral("store.cancelled"));
    QVERIFY(!stored.load("k").value());
}

void TestStoredReplayResults::saveIsTheSameOnAnyNumberOfThreads()
{
    const QString ws = copyOfLab();
    auto w = Workspace::open(ws, QByteArray());
    QVERIFY2(w.ok(), errorOf(w).constData());
    Database &db = (*w)->database();
    StoredReplayResults stored(db, m_key);
    const std::vector<AttestationResult> results = verified(m_lab);
    // 9 chunks: more than the threads, and not a multiple of them.
    stored.setChunkResults(100);
    QList<QByteArray> oneThread;
    for (int n : {1, 2, 4, 9, 16}) {
        const QByteArray key = QByteArray::number(n);
        stored.setSaveThreads(n);
        auto saved = stored.save(key, results);
        QVERIFY2(saved.ok(), errorOf(saved).constData());
        auto loaded = stored.load(key);
        QVERIFY2(loaded.ok(), errorOf(loaded).constData());
        QVERIFY(loaded->has_value());
        QVERIFY2(**loaded == results, qPrintable(QStringLiteral("%1 threads").arg(n)));
        // Byte for byte, chunk by chunk, as one thread writes them.
        auto rows = db.prepare(
            QStringLiteral("SELECT c.data FROM replay_result_chunks c JOIN replay_result_sets s "
                           "ON s.id = c.set_id WHERE s.key = ? ORDER BY c.seq"));
        QVERIFY(rows.ok());
        rows->bind(1, key);
        QList<QByteArray> chunks;
        while (rows->next())
            chunks.append(rows->blob(0));
        QCOMPARE(chunks.size(), 9);
        if (n == 1)
            oneThread = chunks;
        QVERIFY2(chunks == oneThread, qPrintable(QStringLiteral("%1 threads").arg(n)));
    }
}

void TestStoredReplayResults::sealedChunksOfUndueCountsAreRefused_data()
{
    // Results per chunk, in order, and the count the set announces. The loader places chunk c at
    // c times the first chunk's count, as every save cuts them; anything else is refused, and
    // nothing is written outside the results (ASan).
    QTest::addColumn<QList<int>>("counts");
    QTest::addColumn<int>("announced");
    QTest::addColumn<bool>("loads");
    QTest::newRow("as saved") << QList<int>{100, 100, 50} << 250 << true;
    QTest::newRow("one chunk") << QList<int>{250} << 250 << true;
    QTest::newRow("a longer last chunk") << QList<int>{100, 100, 120} << 320 << true;
    QTest::newRow("a short middle chunk") << QList<int>{100, 50, 100} << 250 << false;
    QTest::newRow("a long middle chunk") << QList<int>{100, 120, 30} << 250 << false;
    QTest::newRow("fewer than announced") << QList<int>{100, 100, 50} << 260 << false;
    QTest::newRow("more than announced") << QList<int>{100, 100, 50} << 240 << false;
    QTest::newRow("a middle chunk past the end") << QList<int>{100, 100, 0} << 150 << false;
    QTest::newRow("an empty first chunk") << QList<int>{0, 100} << 100 << true;
    QTest::newRow("an empty first chunk, then two") << QList<int>{0, 50, 50} << 100 << false;
}

void TestStoredReplayResults::sealedChunksOfUndueCountsAreRefused()
{
    QFETCH(QList<int>, counts);
    QFETCH(int, announced);
    QFETCH(bool, loads);
    const QString ws = copyOfLab();
    auto w = Workspace::open(ws, QByteArray());
    QVERIFY2(w.ok(), errorOf(w).constData());
    Database &db = (*w)->database();
    const std::vector<AttestationResult> results = verified(m_lab);
    QList<QByteArray> chunks;
    std::vector<AttestationResult> expected;
    size_t at = 0;
    for (int n : counts) {
        chunks.append(qCompress(StoredReplayResults::encode(results.data() + at, size_t(n)), 1));
        expected.insert(expected.end(), results.begin() + qsizetype(at),
                        results.begin() + qsizetype(at) + n);
        at += size_t(n);
    }
    // Sealed as StoredReplayResults seals: whoever holds the key may write any set.
    const QByteArray key = "uneven";
    HmacSha256 mac(m_key);
    mac.addField("trustatlas.replay-results.v1");
    mac.addField(key);
    mac.addField(QByteArray::number(announced));
    for (const QByteArray &c : std::as_const(chunks))
        mac.addField(c);
    auto set = db.prepare(QStringLiteral("INSERT INTO replay_result_sets(key, results, chunks, "
                                         "seal, saved_at) VALUES (?, ?, ?, ?, '')"));
    QVERIFY(set.ok());
    set->bind(1, key)
        .bind(2, qint64(announced))
        .bind(3, qint64(chunks.size()))
        .bind(4, mac.result());
    QVERIFY(set->exec().ok());
    const qint64 id = db.lastInsertId();
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        auto row = db.prepare(
            QStringLiteral("INSERT INTO replay_result_chunks(set_id, seq, data) VALUES (?, ?, ?)"));
        QVERIFY(row.ok());
        row->bind(1, id).bind(2, qint64(i)).bind(3, chunks[i]);
        QVERIFY(row->exec().ok());
    }
    StoredReplayResults stored(db, m_key);
    auto loaded = stored.load(key);
    QCOMPARE(stored.rejectedSeals(), 0);
    if (loads) {
        QVERIFY2(loaded.ok(), errorOf(loaded).constData());
        QVERIFY(loaded->has_value());
        QVERIFY(**loaded == expected);
    } else {
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, QStringLiteral("store.corrupt_value"));
    }
}

void TestStoredReplayResults::sealKeyIsMadeOnceAndPrivate()
{
    const QString path = m_dir.filePath(QStringLiteral("home/trustatlas/result-seal.key"));
    auto made = ResultSealKey::loadOrCreate(path);
    QVERIFY2(made.ok(), errorOf(made).constData());
    QCOMPARE(made->size(), ResultSealKey::kSize);
    QCOMPARE(QFile::permissions(path) & 0x0077, QFileDevice::Permissions());
    QCOMPARE(ResultSealKey::loadOrCreate(path).value(), *made);
    // Readable by others: refused, not used.
    QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFileDevice::ReadOther));
    QVERIFY(!ResultSealKey::loadOrCreate(path).ok());
    // Cut short: refused.
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("short");
    f.close();
    QVERIFY(!ResultSealKey::loadOrCreate(path).ok());
}

void TestStoredReplayResults::sealKeyMadeByManyAtOnceIsOne()
{
    const QString path = m_dir.filePath(QStringLiteral("race/trustatlas/result-seal.key"));
    std::vector<QByteArray> keys(8);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < keys.size(); ++i)
        threads.emplace_back([&, i] {
            auto key = ResultSealKey::loadOrCreate(path);
            keys[i] = key ? *key : QByteArray();
        });
    for (std::thread &t : threads)
        t.join();
    for (const QByteArray &k : keys)
        QVERIFY(k.size() == ResultSealKey::kSize && k == keys[0]);
    // No temporary file is left beside the key.
    QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden),
             QStringList{QStringLiteral("result-seal.key")});
}

// Progress over a workspace's records counts its rows, verifying or served from the results it
// keeps, for a replay and for a simulation: the count a first run makes room by is the one
// progress reports (taken once, not again for progress).
void TestStoredReplayResults::progressOverAWorkspaceCountsItsRows()
{
    const QString path = copyOfLab();
    auto ws = Workspace::open(path, QByteArray());
    QVERIFY2(ws, errorOf(ws).constData());
    const auto rows = AttestationStore((*ws)->database()).evidenceCount();
    QVERIFY2(rows, errorOf(rows).constData());
    QVERIFY(*rows > 100);
    const QByteArray doc = R"({"policies":[{"name":"all","effect":"grant",
        "trust_domain":"lab.example","spiffe_id":"spiffe://lab.example/any",
        "condition":"verdict == 'affirming'","x509_svid_ttl":600}]})";
    const RuleSet rules = RuleSet::fromPolicies(Policy::listFromJson(doc).value()).value();
    for (const bool simulate : {false, true}) {
        // Each time: verified and saved, then served from the workspace.
        for (int pass = 0; pass < 2; ++pass) {
            auto replay = TimelineReplay::fromWorkspace(**ws, {});
            QVERIFY2(replay, errorOf(replay).constData());
            replay->setStoredResults(std::make_shared<StoredReplayResults>(
                (*ws)->database(), m_key + QByteArray::number(int(simulate))));
            QList<qint64> totals;
            qint64 lastDone = 0;
            replay->setProgress(
                [&](qint64 done, qint64 total) {
                    totals << total;
                    lastDone = done;
                },
                100);
            bool ok = false;
            if (simulate)
                ok = replay->simulate(rules, {}).ok();
            else
                ok = replay->replay([](const AttestationResult &) {}).ok();
            QVERIFY(ok);
            QCOMPARE(replay->storedWork().loaded, pass);
            QVERIFY(!totals.isEmpty());
            QCOMPARE(totals, QList<qint64>(totals.size(), *rows));
            QCOMPARE(lastDone, *rows);
        }
    }
}

QTEST_GUILESS_MAIN(TestStoredReplayResults)
#include "tst_storedreplayresults.moc"
