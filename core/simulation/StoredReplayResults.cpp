// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/StoredReplayResults.h"

#include "core/PopulatedArena.h"
#include "core/crypto/Digest.h"
#include "core/store/Database.h"
#include "core/store/StoreErrors.h"

#include <QDataStream>
#include <QDateTime>
#include <QHash>
#include <QIODevice>
#include <QJsonDocument>
#include <QThread>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <limits>
#include <thread>

namespace ta::core {
namespace {

constexpr quint32 kMagic = 0x54415253; // "TARS"
constexpr quint16 kFormat = 1;
constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();
constexpr char kSealContext[] = "trustatlas.replay-results.v1";
// A chunk of 65,536 results is 3 to 4 MiB compressed in the lab's timelines.
constexpr qint64 kMaxChunkBytes = qint64(64) << 20;
constexpr qint64 kMaxSetBytes = qint64(2) << 30;

Error corrupt(const QString &what)
{
    return makeError(ec::StoreCorruptValue, QStringLiteral("replay_result_chunks: %1").arg(what));
}

// A chunk is its strings, claims and string lists once each, then each result as indices into
// them: results of one subject repeat most of their values, and a decoded chunk shares them as
// the ResultInterner would.
// Each subject's last claims and their JSON text, across the chunks of one save: a subject
// appears about once a chunk, and its claims change only with its evidence (a new image), so the
// text is made once per change. Kept results share their storage (ResultInterner): the
// comparison is mostly a pointer comparison.
using ClaimsMemo = QHash<QString, std::pair<QJsonObject, QByteArray>>;
// Claims parsed once per distinct text, across the chunks of one load (equal claims then share
// their storage, as the ResultInterner would make them).
using ParsedClaims = QHash<QByteArray, QJsonObject>;

class ChunkWriter
{
public:
    explicit ChunkWriter(ClaimsMemo &memo)
        : m_body(&m_bodyBytes, QIODevice::WriteOnly), m_memo(memo)
    {
        m_body.setVersion(QDataStream::Qt_6_4);
    }

    void add(const AttestationResult &r)
    {
        time(r.time);
        string(r.attestor);
        string(r.subject);
        list(r.selectors);
        claims(r.subject, r.claims);
        list(r.anchorIds);
        list(r.referenceValueIds);
        reasons(r.reasons);
        reasons(r.warnings);
        string(r.agentId);
        time(r.expiresAt);
        string(r.nonce);
        list(r.keyFingerprints);
        string(r.consumedToken);
        m_body << r.line;
        ++m_count;
    }

    QByteArray finish()
    {
        QByteArray out;
        QDataStream s(&out, QIODevice::WriteOnly);
        s.setVersion(QDataStream::Qt_6_4);
        s << kMagic << kFormat << m_count << quint32(m_strings.size());
        for (const QString &str : std::as_const(m_strings))
            s << str;
        s << quint32(m_claims.size());
        for (const QByteArray &c : std::as_const(m_claims))
            s << c;
        s << quint32(m_lists.size());
        for (const QList<quint32> &l : std::as_const(m_lists)) {
            s << quint32(l.size());
            for (quint32 i : l)
                s << i;
        }
        out += m_bodyBytes;
        return out;
    }

private:
    void time(const QDateTime &t) { m_body << (t.isValid() ? t.toMSecsSinceEpoch() : kNoTime); }
    quint32 indexOf(const QString &str)
    {
        auto it = m_stringIndex.constFind(str);
        if (it == m_stringIndex.constEnd()) {
            it = m_stringIndex.insert(str, quint32(m_strings.size()));
            m_strings.append(str);
        }
        return *it;
    }
    void string(const QString &str) { m_body << indexOf(str); }
    void list(const QStringList &l)
    {
        // By storage first: kept results share their lists (ResultInterner), and hashing a
        // list's strings was a third of the encoding. The results outlive the chunk unchanged,
        // so one storage (with its size) holds one content for as long as this writer lives.
        const std::pair<const QString *, qsizetype> storage{l.constData(), l.size()};
        auto known = m_listByStorage.constFind(storage);
        if (known == m_listByStorage.constEnd()) {
            auto it = m_listIndex.constFind(l);
            if (it == m_listIndex.constEnd()) {
                QList<quint32> indices;
                indices.reserve(l.size());
                for (const QString &s : l)
                    indices.append(indexOf(s));
                it = m_listIndex.insert(l, quint32(m_lists.size()));
                m_lists.append(std::move(indices));
            }
            known = m_listByStorage.insert(storage, *it);
        }
        m_body << *known;
    }
    void reasons(const QList<AttestationReason> &rs)
    {
        m_body << quint32(rs.size());
        for (const AttestationReason &r : rs) {
            string(r.code);
            string(r.expected);
            string(r.found);
        }
    }
    void claims(const QString &subject, const QJsonObject &o)
    {
        auto &[claims, text] = m_memo[subject];
        if (text.isEmpty() || claims != o) {
            claims = o;
            text = QJsonDocument(o).toJson(QJsonDocument::Compact);
        }
        auto it = m_claimIndex.constFind(text);
        if (it == m_claimIndex.constEnd()) {
            it = m_claimIndex.insert(text, quint32(m_claims.size()));
            m_claims.append(text);
        }
        m_body << *it;
    }

    QByteArray m_bodyBytes;
    QDataStream m_body;
    quint32 m_count = 0;
    QHash<QString, quint32> m_stringIndex;
    QList<QString> m_strings;
    QHash<QByteArray, quint32> m_claimIndex;
    QList<QByteArray> m_claims;
    QHash<QStringList, quint32> m_listIndex;
    QList<QList<quint32>> m_lists;
    QHash<std::pair<const QString *, qsizetype>, quint32> m_listByStorage;
    ClaimsMemo &m_memo;
};

// Reads what ChunkWriter's QDataStream wrote (Qt 6.4's format: integers big-endian, a string
// as its byte count, 0xffffffff when null, then UTF-16BE, a byte array as its count then its
// bytes) straight from the bytes. QDataStream reads each integer through its device, a virtual
// call and a copy: a million results' twenty-odd numbers were a second of a new process's
// re-run. A read past the end, or an odd string length, makes good() false for good and every
// later read 0 or empty (QDataStream's status stays failed too, though it reads on).
class ChunkBytes
{
public:
    explicit ChunkBytes(const QByteArray &data)
        : m_at(reinterpret_cast<const uchar *>(data.constData())), m_end(m_at + data.size())
    {}
    bool good() const { return m_good; }
    bool atEnd() const { return m_at == m_end; }

    ChunkBytes &operator>>(quint16 &v) { return number(v); }
    ChunkBytes &operator>>(quint32 &v) { return number(v); }
    ChunkBytes &operator>>(qint64 &v) { return number(v); }
    ChunkBytes &operator>>(QString &s)
    {
        s = QString();
        quint32 bytes = 0;
        *this >> bytes;
        if (!m_good || bytes == 0xffffffff)
            return *this;
        if (bytes == 0) {
            s = QString(QLatin1StringView("")); // empty, not null, as QDataStream makes it
            return *this;
        }
        if ((bytes & 1) != 0 || !has(bytes))
            return fail();
        const qsizetype length = qsizetype(bytes / 2);
        s = QString(length, Qt::Uninitialized);
        qFromBigEndian<char16_t>(m_at, length, s.data());
        m_at += bytes;
        return *this;
    }
    ChunkBytes &operator>>(QByteArray &b)
    {
        b = QByteArray();
        quint32 length = 0;
        *this >> length;
        if (!m_good || length == 0xffffffff)
            return *this;
        if (!has(length))
            return fail();
        b = QByteArray(reinterpret_cast<const char *>(m_at), qsizetype(length));
        m_at += length;
        return *this;
    }

private:
    bool has(quint64 bytes) const { return quint64(m_end - m_at) >= bytes; }
    ChunkBytes &fail()
    {
        m_good = false;
        m_at = m_end;
        return *this;
    }
    template <typename T>
    ChunkBytes &number(T &v)
    {
        v = 0;
        if (!m_good || !has(sizeof(T)))
            return fail();
        v = qFromBigEndian<T>(m_at);
        m_at += sizeof(T);
        return *this;
    }

    const uchar *m_at;
    const uchar *m_end;
    bool m_good = true;
};

class ChunkReader
{
public:
    ChunkReader(const QByteArray &data, ParsedClaims &parsed)
        : m_in(data), m_limit(quint32(data.size())), m_parsed(parsed)
    {}

    /// Appends the chunk's results to @p into; nothing when it fails.
    Result<void> read(std::vector<AttestationResult> &into)
    {
        const size_t before = into.size();
        auto r = read(
            [&](quint32 n) {
                into.reserve(before + n);
                return true;
            },
            [&](quint32) -> AttestationResult & { return into.emplace_back(); });
        if (!r)
            into.resize(before);
        return r;
    }

    /// Reads the chunk: @p room(n) says whether the n results it announces are due (when not,
    /// it is refused as corrupt), and @p slot(i) gives the place of its i-th result.
    template <typename Room, typename Slot>
    Result<void> read(Room &&room, Slot &&slot)
    {
        quint32 magic = 0;
        quint16 format = 0;
        quint32 results = 0;
        m_in >> magic >> format >> results;
        if (!m_in.good() || magic != kMagic || format != kFormat)
            return corrupt(QStringLiteral("not a chunk of replay results"));
        quint32 n = 0;
        m_in >> n;
        if (n > m_limit)
            return corrupt(QStringLiteral("string table larger than its chunk"));
        m_strings.reserve(n);
        for (quint32 i = 0; i < n && m_in.good(); ++i) {
            QString s;
            m_in >> s;
            m_strings.append(s);
        }
        m_in >> n;
        if (n > m_limit)
            return corrupt(QStringLiteral("claims table larger than its chunk"));
        for (quint32 i = 0; i < n && m_in.good(); ++i) {
            QByteArray text;
            m_in >> text;
            auto known = m_parsed.constFind(text);
            if (known == m_parsed.constEnd()) {
                const QJsonDocument doc = QJsonDocument::fromJson(text);
                if (!doc.isObject())
                    return corrupt(QStringLiteral("claims that are not a JSON object"));
                known = m_parsed.insert(text, doc.object());
            }
            m_claims.append(*known);
        }
        m_in >> n;
        if (n > m_limit)
            return corrupt(QStringLiteral("list table larger than its chunk"));
        for (quint32 i = 0; i < n && ok(); ++i) {
            QStringList l;
            const quint32 size = count();
            l.reserve(size);
            for (quint32 k = 0; k < size && ok(); ++k)
                l.append(string());
            m_lists.append(std::move(l));
        }
        if (results > m_limit)
            return corrupt(QStringLiteral("more results than bytes"));
        if (!room(results))
            return corrupt(QStringLiteral("a chunk of %1 results, not the count due").arg(results));
        for (quint32 i = 0; i < results && ok(); ++i) {
            AttestationResult &r = slot(i);
            r.time = time();
            r.attestor = string();
            r.subject = string();
            r.selectors = list();
            const quint32 c = index(quint32(m_claims.size()));
            if (ok())
                r.claims = m_claims[c];
            r.anchorIds = list();
            r.referenceValueIds = list();
            r.reasons = reasons();
            r.warnings = reasons();
            r.agentId = string();
            r.expiresAt = time();
            r.nonce = string();
            r.keyFingerprints = list();
            r.consumedToken = string();
            m_in >> r.line;
        }
        if (!ok())
            return corrupt(m_why.isEmpty() ? QStringLiteral("cut short") : m_why);
        if (!m_in.atEnd())
            return corrupt(QStringLiteral("bytes after the last result"));
        return {};
    }

private:
    bool ok() const { return m_why.isEmpty() && m_in.good(); }
    quint32 index(quint32 size)
    {
        quint32 i = 0;
        m_in >> i;
        if (m_in.good() && i >= size && m_why.isEmpty())
            m_why = QStringLiteral("an index out of its table");
        return i;
    }
    QString string()
    {
        const quint32 i = index(quint32(m_strings.size()));
        return ok() ? m_strings[i] : QString();
    }
    quint32 count()
    {
        quint32 n = 0;
        m_in >> n;
        if (n > m_limit && m_why.isEmpty())
            m_why = QStringLiteral("a list longer than its chunk");
        return ok() ? n : 0;
    }
    QStringList list()
    {
        const quint32 i = index(quint32(m_lists.size()));
        return ok() ? m_lists[i] : QStringList();
    }
    QList<AttestationReason> reasons()
    {
        QList<AttestationReason> rs;
        const quint32 n = count();
        for (quint32 i = 0; i < n && ok(); ++i) {
            AttestationReason r;
            r.code = string();
            r.expected = string();
            r.found = string();
            rs.append(std::move(r));
        }
        return rs;
    }
    QDateTime time()
    {
        qint64 ms = 0;
        m_in >> ms;
        return ms == kNoTime ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    }

    ChunkBytes m_in;
    quint32 m_limit;
    QString m_why;
    QList<QString> m_strings;
    QList<QJsonObject> m_claims;
    QList<QStringList> m_lists;
    ParsedClaims &m_parsed;
};

// One chunk's bytes, with the claims texts of the save so far in @p memo.
QByteArray encodeChunk(const AttestationResult *first, size_t count, ClaimsMemo &memo)
{
    ChunkWriter w(memo);
    for (size_t i = 0; i < count; ++i)
        w.add(first[i]);
    return w.finish();
}

// Runs @p work(worker, c) for every chunk c from @p first to @p count on @p workers threads,
// chunk c by worker (c - first) % workers. The calling thread is worker 0 and the only one to
// ask @p cancelled (which need not be callable from other threads); the others are threads of
// their own, joined before it returns, so that none is still ending when the process does.
// @p work returns false to stop every worker. False when stopped, by @p work or @p cancelled.
template <typename Work>
bool onWorkers(size_t first, size_t count, size_t workers, const std::function<bool()> &cancelled,
               Work &&work)
{
    std::atomic_bool stop = false;
    const auto run = [&](size_t worker) {
        // What a worker decodes is kept, from populated pages.
        const PopulatedArena::Scope arena;
        for (size_t c = first + worker; c < count && !stop.load(std::memory_order_relaxed);
             c += workers) {
            if ((worker == 0 && cancelled && cancelled()) || !work(worker, c)) {
                stop = true;
                return;
            }
        }
    };
    std::vector<std::thread> helpers;
    helpers.reserve(workers - 1);
    for (size_t w = 1; w < workers; ++w)
        helpers.emplace_back(run, w);
    run(0);
    for (std::thread &t : helpers)
        t.join();
    return !stop;
}

} // namespace

StoredReplayResults::StoredReplayResults(Database &db, QByteArray sealKey)
    : m_db(db), m_sealKey(std::move(sealKey))
{}

StoredReplayResults::StoredReplayResults(std::unique_ptr<Database> own, QByteArray sealKey)
    : m_own(std::move(own)), m_db(*m_own), m_sealKey(std::move(sealKey))
{}

StoredReplayResults::~StoredReplayResults() = default;

Result<std::shared_ptr<StoredReplayResults>> StoredReplayResults::open(const QString &path,
                                                                       QByteArray sealKey)
{
    auto db = Database::open(path, Database::Mode::OpenExisting);
    if (!db)
        return db.error();
    return std::make_shared<StoredReplayResults>(std::make_unique<Database>(std::move(*db)),
                                                 std::move(sealKey));
}

QByteArray StoredReplayResults::encode(const AttestationResult *first, size_t count)
{
    ClaimsMemo memo;
    return encodeChunk(first, count, memo);
}

Result<void> StoredReplayResults::decode(const QByteArray &data,
                                         std::vector<AttestationResult> &into)
{
    ParsedClaims parsed;
    return ChunkReader(data, parsed).read(into);
}

QByteArray StoredReplayResults::seal(const QByteArray &key, qint64 results,
                                     const QList<QByteArray> &chunks) const
{
    HmacSha256 mac(m_sealKey);
    mac.addField(kSealContext);
    mac.addField(key);
    mac.addField(QByteArray::number(results));
    for (const QByteArray &c : chunks)
        mac.addField(c);
    return mac.result();
}

Result<std::optional<std::vector<AttestationResult>>>
StoredReplayResults::load(const QByteArray &key, const Cancelled &cancelled)
{
    using Loaded = std::optional<std::vector<AttestationResult>>;
    std::lock_guard lock(m_mutex);
    auto set = m_db.prepare(
        QStringLiteral("SELECT id, results, chunks, seal FROM replay_result_sets WHERE key = ?"));
    if (!set)
        return set.error();
    set->bind(1, key);
    if (!set->next())
        return set->error() ? Result<Loaded>(*set->error()) : Result<Loaded>(Loaded());
    const qint64 id = set->int64(0);
    const qint64 results = set->int64(1);
    const qint64 chunkCount = set->int64(2);
    const QByteArray storedSeal = set->blob(3);
    // Every chunk is read, and the seal checked, before any of them is decoded. A set larger than
    // any this application writes (a workspace from elsewhere) is not read into memory at all.
    auto rows = m_db.prepare(QStringLiteral(
        "SELECT seq, data, length(data) FROM replay_result_chunks WHERE set_id = ? ORDER BY seq"));
    if (!rows)
        return rows.error();
    rows->bind(1, id);
    QList<QByteArray> chunks;
    qint64 total = 0;
    while (rows->next()) {
        if (cancelled && cancelled())
            return makeError(ec::StoreCancelled);
        total += rows->int64(2);
        if (rows->int64(0) != chunks.size() || rows->int64(2) > kMaxChunkBytes ||
            total > kMaxSetBytes)
            break;
        chunks.append(rows->blob(1));
    }
    if (rows->error())
        return *rows->error();
    if (chunks.size() != chunkCount ||
        !equalInConstantTime(seal(key, results, chunks), storedSeal)) {
        ++m_rejected;
        return Loaded();
    }
    auto decoded = decodeAll(chunks, results, cancelled);
    if (!decoded)
        return decoded.error();
    return Loaded(std::move(*decoded));
}

Result<std::vector<AttestationResult>>
StoredReplayResults::decodeAll(const QList<QByteArray> &chunks, qint64 results,
                               const Cancelled &cancelled) const
{
    // Decoded in place: chunk 0 on the calling thread, the others on every core (onWorkers).
    // Every chunk but the last holds as many results as the first (so encodeAll() cuts them),
    // which places chunk c at c times that count; a chunk whose count does not fit is refused.
    // Each worker parses the claims texts of its chunks once; the replay's ResultInterner makes
    // equal claims of a subject share one storage again.
    const PopulatedArena::Scope arena;
    const size_t total = size_t(qMax<qint64>(0, results));
    const size_t count = size_t(chunks.size());
    if (count == 0) {
        if (total != 0)
            return corrupt(QStringLiteral("%1 results announced, no chunk").arg(results));
        return std::vector<AttestationResult>();
    }
    std::vector<AttestationResult> out(total);
    size_t perChunk = 0; // chunk 0's count, set before any other chunk is decoded
    std::vector<std::optional<Error>> errors(count);
    const auto decodeChunk = [&](size_t c, ParsedClaims &parsed) {
        const QByteArray raw = qUncompress(chunks[qsizetype(c)]);
        if (raw.isEmpty()) {
            errors[c] = corrupt(QStringLiteral("a chunk does not uncompress"));
            return;
        }
        size_t begin = 0;
        const auto room = [&](quint32 n) {
            if (c == 0)
                perChunk = n;
            begin = c * perChunk;
            if (begin > total || n > total - begin)
                return false;
            return c + 1 < count ? n == perChunk : n == total - begin;
        };
        auto r = ChunkReader(raw, parsed).read(room, [&](quint32 i) -> AttestationResult & {
            return out[begin + i];
        });
        if (!r)
            errors[c] = r.error();
    };
    if (cancelled && cancelled())
        return makeError(ec::StoreCancelled);
    const size_t workers =
        qBound<size_t>(1, size_t(std::max(1, QThread::idealThreadCount())), count - 1);
    std::vector<ParsedClaims> parsed(workers);
    decodeChunk(0, parsed[0]);
    if (errors[0])
        return *errors[0];
    const bool finished = onWorkers(1, count, workers, cancelled, [&](size_t worker, size_t c) {
        decodeChunk(c, parsed[worker]);
        return !errors[c];
    });
    for (const std::optional<Error> &e : errors) {
        if (e)
            return *e;
    }
    if (!finished)
        return makeError(ec::StoreCancelled);
    return out;
}

Result<void> StoredReplayResults::save(const QByteArray &key,
                                       const std::vector<AttestationResult> &results,
                                       const Cancelled &cancelled)
{
    auto saved = write(key, results, cancelled);
    std::lock_guard lock(m_mutex);
    m_lastSaveError = saved ? std::nullopt : std::optional<Error>(saved.error());
    return saved;
}

std::optional<Error> StoredReplayResults::lastSaveError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastSaveError;
}

Result<QList<QByteArray>>
StoredReplayResults::encodeAll(const std::vector<AttestationResult> &results,
                               const Cancelled &cancelled) const
{
    // Chunks are encoded and compressed on every core (onWorkers). Each worker keeps its own
    // claims memo: a subject's claims text is made once per worker and change instead of once
    // per change. A chunk's bytes do not depend on the memo, so the set is the same on any
    // number of threads.
    const size_t per = size_t(m_chunkResults);
    const size_t count = (results.size() + per - 1) / per;
    const size_t workers =
        qBound<size_t>(1,
                       m_saveThreads > 0 ? size_t(m_saveThreads)
                                         : size_t(std::max(1, QThread::idealThreadCount())),
                       qMax<size_t>(count, 1));
    std::vector<QByteArray> chunks(count);
    std::vector<ClaimsMemo> memos(workers);
    const bool finished = onWorkers(0, count, workers, cancelled, [&](size_t worker, size_t c) {
        const size_t at = c * per;
        chunks[c] = qCompress(
            encodeChunk(results.data() + at, qMin(per, results.size() - at), memos[worker]), 1);
        return true;
    });
    if (!finished)
        return makeError(ec::StoreCancelled);
    QList<QByteArray> out;
    out.reserve(qsizetype(count));
    for (QByteArray &c : chunks)
        out.append(std::move(c));
    return out;
}

Result<void> StoredReplayResults::write(const QByteArray &key,
                                        const std::vector<AttestationResult> &results,
                                        const Cancelled &cancelled)
{
    // Encoded before the transaction, so the write lock is held for the writes only.
    auto encoded = encodeAll(results, cancelled);
    if (!encoded)
        return encoded.error();
    const QList<QByteArray> &chunks = *encoded;
    const QByteArray sealed = seal(key, qint64(results.size()), chunks);
    std::lock_guard lock(m_mutex);
    if (sealed.isEmpty())
        return makeError(ec::StoreSqlite, QStringLiteral("the results could not be sealed"));
    return m_db.transaction([&]() -> Result<void> {
        auto drop = m_db.prepare(QStringLiteral("DELETE FROM replay_result_sets WHERE key = ?"));
        if (!drop)
            return drop.error();
        drop->bind(1, key);
        if (auto r = drop->exec(); !r)
            return r;
        // Chunks whose set was deleted without foreign keys (by hand, by another tool) would
        // collide with the new set's, which may reuse the id.
        if (auto r =
                m_db.exec(QStringLiteral("DELETE FROM replay_result_chunks WHERE set_id NOT IN "
                                         "(SELECT id FROM replay_result_sets)"));
            !r)
            return r;
        auto set = m_db.prepare(
            QStringLiteral("INSERT INTO replay_result_sets(key, results, chunks, seal, saved_at) "
                           "VALUES (?, ?, ?, ?, ?)"));
        if (!set)
            return set.error();
        set->bind(1, key)
            .bind(2, qint64(results.size()))
            .bind(3, qint64(chunks.size()))
            .bind(4, sealed)
            .bind(5, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        if (auto r = set->exec(); !r)
            return r;
        const qint64 id = m_db.lastInsertId();
        auto row = m_db.prepare(
            QStringLiteral("INSERT INTO replay_result_chunks(set_id, seq, data) VALUES (?, ?, ?)"));
        if (!row)
            return row.error();
        for (qsizetype i = 0; i < chunks.size(); ++i) {
            if (cancelled && cancelled())
                return makeError(ec::StoreCancelled);
            row->reset();
            row->bind(1, id).bind(2, qint64(i)).bind(3, chunks[i]);
            if (auto r = row->exec(); !r)
                return r;
        }
        return m_db.exec(
            QStringLiteral(
                "DELETE FROM replay_result_sets WHERE id NOT IN (SELECT id FROM replay_result_sets "
                "ORDER BY id DESC LIMIT %1)")
                .arg(kKeptSets));
    });
}

} // namespace ta::core
