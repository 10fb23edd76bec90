// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/TimelineReplay.h"

#include "core/HugePages.h"
#include "core/PopulatedArena.h"
#include "core/Retirement.h"
#include "core/attestation/AttestationErrors.h"
#include "core/attestation/EvidenceReader.h"
#include "core/crypto/Certificate.h"
#include "core/crypto/Digest.h"
#include "core/crypto/Jose.h"
#include "core/simulation/ResultInterner.h"
#include "core/simulation/SimulationErrors.h"
#include "core/spiffe/SpiffeId.h"
#include "core/store/AttestationStore.h"
#include "core/store/StoreErrors.h"
#include "core/store/Workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace ta::core {
namespace {

// The trust domain in the URI SAN of the agent SVID that signed the workspace's first signed
// workload record (its JWS header's x5c), or empty: where the recorded agents live.
QString agentDomainOfEvidence(Workspace &workspace)
{
    auto st = workspace.database().prepare(
        QStringLiteral("SELECT record FROM evidence_records WHERE instr(record, '\"jws\"') > 0 "
                       "ORDER BY time_ms, id LIMIT 1"));
    if (!st || !st->next())
        return {};
    const auto record = EvidenceRecord::fromJsonLine(st->blob(0));
    if (!record)
        return {};
    const QByteArray jws = record->payload.latin1(QLatin1String("jws"));
    const qsizetype dot = jws.indexOf('.');
    if (dot <= 0)
        return {};
    auto header = Jose::base64UrlDecode(QByteArrayView(jws).first(dot));
    if (!header)
        return {};
    const QJsonArray x5c =
        QJsonDocument::fromJson(*header).object().value(QLatin1String("x5c")).toArray();
    if (x5c.isEmpty())
        return {};
    auto cert = Certificate::fromDer(QByteArray::fromBase64(x5c.first().toString().toLatin1()));
    if (!cert)
        return {};
    const QStringList sans = cert->uriSans();
    if (sans.isEmpty())
        return {};
    const auto id = SpiffeId::fromString(sans.first());
    return id ? id->trustDomain().name() : QString();
}

} // namespace

TimelineReplay::TimelineReplay(AnchorSet anchors, TrustBundleSet bundles,
                               AttestationSettings settings)
    : m_anchors(std::move(anchors)), m_anchorsDigest(digestOf(m_anchors)),
      m_bundles(std::move(bundles)), m_settings(std::move(settings))
{}

QByteArray TimelineReplay::digestOf(const AnchorSet &anchors)
{
    return QCryptographicHash::hash(QJsonDocument(anchors.toJson()).toJson(QJsonDocument::Compact),
                                    QCryptographicHash::Sha256);
}

Result<TimelineReplay> TimelineReplay::fromWorkspace(Workspace &workspace, const Options &options)
{
    AttestationStore store(workspace.database());
    auto anchors = store.anchors();
    if (!anchors)
        return anchors.error();
    TrustBundleSet bundles;
    const QStringList tds = workspace.trustDomainNames();
    for (const QString &name : tds) {
        auto b = workspace.bundle(name);
        if (!b)
            return b.error();
        bundles.insert(*b);
    }
    // A generated workspace (the demo, `lab generate --topology`) and the design editor record
    // in the meta table the domain its agents live in, which need not be the first by name.
    // Without it, the domain of the agent SVIDs that signed the recorded workload evidence, so
    // that node agent IDs are minted where the agents' SVIDs say they live.
    QString tdName = options.trustDomain;
    if (tdName.isEmpty()) {
        QString recorded;
        if (auto st = workspace.database().prepare(
                QStringLiteral("SELECT value FROM meta WHERE key = 'agent_trust_domain'"));
            st && st->next())
            recorded = QString::fromUtf8(st->blob(0));
        if (!tds.contains(recorded))
            recorded = agentDomainOfEvidence(workspace);
        tdName = tds.contains(recorded) ? recorded : tds.value(0);
    }
    if (tdName.isEmpty())
        return makeError(ec::ReplayNoTrustDomain, QStringLiteral("agent IDs need a trust domain"));
    auto td = TrustDomain::fromName(tdName);
    if (!td)
        return td.error();
    AttestationSettings settings;
    settings.trustDomain = *td;
    if (options.nodeAttestationTtl > 0)
        settings.nodeAttestationTtl = options.nodeAttestationTtl;
    TimelineReplay replay(std::move(*anchors), std::move(bundles), std::move(settings));
    replay.m_workspace = &workspace;
    if (options.loadConsumed) {
        ReplayGuard guard;
        AttestationState state;
        if (auto r = store.loadConsumed(guard, state); !r)
            return r.error();
        replay.m_consumedGuard = std::move(guard);
        replay.m_consumedState = std::move(state);
    }
    return replay;
}

std::unique_ptr<EvidenceVerifier> TimelineReplay::makeVerifier() const
{
    auto v = std::make_unique<EvidenceVerifier>(m_anchors, m_bundles, m_settings);
    v->setThreads(m_threads);
    v->setTimeSignatures(m_signatureWork != nullptr);
    if (m_consumedGuard)
        v->replayGuard() = *m_consumedGuard;
    if (m_consumedState)
        v->state() = *m_consumedState;
    return v;
}

Result<qint64> TimelineReplay::replay(EvidenceVerifier &verifier,
                                      const EvidenceVerifier::ResultSink &sink) const
{
    return replay(verifier, sink, nullptr);
}

Result<qint64> TimelineReplay::replay(EvidenceVerifier &verifier,
                                      const EvidenceVerifier::ResultSink &sink, Sha256Stream *rows,
                                      qint64 rowCount) const
{
    // What the records' results hold, and what the replay makes of them, is taken from pages
    // populated in batches, not faulted in one at a time.
    const PopulatedArena::Scope arena;
    qint64 total = 0;
    qint64 done = 0;
    bool stopped = false;
    // The verifier's signature work, added to m_signatureWork however the replay ends.
    struct Tally
    {
        const EvidenceVerifier &verifier;
        SignatureWork *work;
        const qint64 &done;
        qint64 checks = verifier.signaturesComputed();
        qint64 timed = verifier.signaturesTimed();
        qint64 nanos = verifier.signatureCpuNanos();
        double squared = verifier.signatureCpuNanosSquared();
        qint64 kept = verifier.prepassResultsKept();
        ~Tally()
        {
            if (!work)
                return;
            work->checks += verifier.signaturesComputed() - checks;
            work->timedChecks += verifier.signaturesTimed() - timed;
            work->cpuNanos += verifier.signatureCpuNanos() - nanos;
            work->cpuNanosSquared += verifier.signatureCpuNanosSquared() - squared;
            work->records += done;
            work->prepassResultsKept += verifier.prepassResultsKept() - kept;
        }
    } tally{verifier, m_signatureWork.get(), done};
    const EvidenceVerifier::ResultSink use = [&](AttestationResult &&r) {
        sink(std::move(r));
        reportStep(++done, total);
    };
    // Checked before each record is handed on: once cancelled, nothing more is verified.
    auto goOn = [&]() {
        if (!stopped && m_cancelled && m_cancelled())
            stopped = true;
        return !stopped;
    };
    auto finished = [&](Result<qint64> n) -> Result<qint64> {
        if (stopped)
            return makeError(ec::ReplayCancelled);
        if (n)
            reportEnd(done, total);
        return n;
    };
    if (m_records) {
        total = m_records->size();
        for (const EvidenceRecord &r : *m_records) {
            if (!goOn())
                break;
            verifier.submit(r, use);
        }
        verifier.finish(use);
        return finished(qint64(m_records->size()));
    }
    if (!m_file.isEmpty()) {
        QFile in(m_file);
        if (!in.open(QIODevice::ReadOnly))
            return makeError(ec::EvidenceUnreadable, m_file);
        // One pass parses the file: the count for progress is a scan of its bytes. A bad line
        // ends the run with its error, and a run that ends in an error is never saved.
        if (m_progress) {
            total = EvidenceReader::countRecordLines(in);
            in.seek(0);
        }
        auto n = EvidenceReader::forEach(in, [&](const EvidenceRecord &record) -> Result<void> {
            if (!goOn())
                return makeError(ec::ReplayCancelled);
            verifier.submit(record, use);
            return {};
        });
        verifier.finish(use);
        if (n && *n == 0)
            return makeError(ec::EvidenceEmpty, m_file + QStringLiteral(": no records"));
        return finished(n);
    }
    if (!m_workspace)
        return makeError(ec::ReplayNoEvidence);
    AttestationStore store(m_workspace->database());
    if (m_progress && rowCount >= 0) {
        total = rowCount;
    } else if (m_progress) {
        auto count = store.evidenceCount();
        if (!count)
            return count.error();
        total = *count;
    }
    auto n = store.forEachEvidenceWhile(
        [&](const EvidenceRecord &record) {
            if (!goOn())
                return false;
            verifier.submit(record, use);
            return true;
        },
        rows);
    verifier.finish(use);
    return finished(n);
}

QByteArray TimelineReplay::cacheKey() const
{
    if (m_consumedGuard || m_consumedState)
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto add = [&](const QByteArray &field) {
        const qint64 n = field.size();
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(&n), sizeof n));
        hash.addData(field);
    };
    add(m_anchorsDigest);
    add(m_settings.trustDomain.name().toUtf8());
    add(QByteArray::number(m_settings.nodeAttestationTtl));
    if (m_records && !m_recordsStoredDigest.isEmpty()) {
        // Parsed from the workspace rows whose stored bytes have this digest: it names them,
        // and costs nothing here. (Serializing 60,000 records to hash them took most of the
        // app's CPU on opening a workspace, once for each of its five views.)
        add("stored records");
        add(m_recordsStoredDigest);
    } else if (m_records) {
        add("records");
        std::call_once(m_recordsDigest->once, [this] {
            QCryptographicHash records(QCryptographicHash::Sha256);
            for (const EvidenceRecord &r : *m_records) {
                const QByteArray line = r.toJsonLine();
                const qint64 n = line.size();
                records.addData(QByteArrayView(reinterpret_cast<const char *>(&n), sizeof n));
                records.addData(line);
            }
            m_recordsDigest->sha256 = records.result();
        });
        add(m_recordsDigest->sha256);
    } else if (!m_file.isEmpty()) {
        const QFileInfo info(m_file);
        add("file");
        add(info.absoluteFilePath().toUtf8());
        add(QByteArray::number(info.size()));
        add(QByteArray::number(info.lastModified().toMSecsSinceEpoch()));
    } else if (m_workspace) {
        auto st = m_workspace->database().prepare(
            QStringLiteral("SELECT count(*), coalesce(max(id), 0) FROM evidence_records"));
        if (!st || !st->next())
            return {};
        add("workspace");
        add(m_workspace->path().toUtf8());
        add(QByteArray::number(st->int64(0)) + ':' + QByteArray::number(st->int64(1)));
    } else {
        return {};
    }
    return hash.result();
}

Result<qint64> TimelineReplay::replay(const ResultReader &sink) const
{
    return replay(NumberedSink([&sink](const AttestationResult &r, int) { sink(r); }));
}

bool TimelineReplay::usesStoredResults() const
{
    if (!m_stored || m_consumedGuard || m_consumedState)
        return false;
    if (m_records)
        return !m_recordsStoredDigest.isEmpty();
    return m_workspace && m_file.isEmpty();
}

QByteArray TimelineReplay::storedKey(const QByteArray &evidence) const
{
    Sha256Stream key;
    key.addField("workspace records");
    key.addField(QByteArray::number(StoredReplayResults::kAttestationRevision));
    key.addField(evidence);
    key.addField(m_anchorsDigest);
    key.addField(m_settings.trustDomain.name().toUtf8());
    key.addField(QByteArray::number(m_settings.nodeAttestationTtl));
    return key.result();
}

Result<std::shared_ptr<ReplayResultCache::Kept>>
TimelineReplay::loadStored(const QByteArray &cacheKey) const
{
    QByteArray evidence = m_recordsStoredDigest;
    if (!m_records) {
        AttestationStore store(m_workspace->database());
        auto digest = store.evidenceDigest(m_cancelled);
        if (!digest)
            return digest.error();
        evidence = *digest;
    }
    auto loaded = m_stored->load(storedKey(evidence), m_cancelled);
    if (!loaded)
        return loaded.error();
    if (!*loaded)
        return std::shared_ptr<ReplayResultCache::Kept>();
    auto kept = std::make_shared<ReplayResultCache::Kept>();
    kept->key = cacheKey;
    kept->results = std::move(**loaded);
    kept->subjects.reserve(kept->results.size());
    ResultInterner interner;
    for (AttestationResult &r : kept->results)
        kept->subjects.push_back(interner.intern(r));
    return kept;
}

QByteArray TimelineReplay::resultsKey() const
{
    return m_cache || usesStoredResults() ? cacheKey() : QByteArray();
}

qint64 TimelineReplay::expectedRecords(const QByteArray &key) const
{
    if (m_records)
        return m_records->size();
    if (m_cache && !key.isEmpty())
        if (const auto kept = m_cache->find(key))
            return qint64(kept->results.size());
    if (!m_file.isEmpty()) {
        QFile in(m_file);
        return in.open(QIODevice::ReadOnly) ? EvidenceReader::estimateRecordLines(in) : 0;
    }
    if (m_workspace) {
        auto count = AttestationStore(m_workspace->database()).evidenceCount();
        return count ? *count : 0;
    }
    return 0;
}

Result<qint64> TimelineReplay::replay(const NumberedSink &sink) const
{
    return replayKeyed(sink, resultsKey());
}

Result<qint64> TimelineReplay::replayKeyed(const NumberedSink &sink, const QByteArray &key,
                                           std::optional<qint64> expected,
                                           const NumberedSink &ahead) const
{
    // The results kept, loaded or made, and their table, from populated pages (see replay()).
    const PopulatedArena::Scope arena;
    const bool stored = usesStoredResults();
    if (key.isEmpty()) {
        auto verifier = makeVerifier();
        return replay(*verifier, [&sink](const AttestationResult &r) { sink(r, -1); });
    }
    // Served from the cache, or computed here; while another replay computes the same key (a
    // consumer of the same timeline started at the same time), wait for its results instead of
    // verifying every signature twice.
    for (; m_cache;) {
        if (const auto kept = m_cache->find(key))
            return serve(*kept, sink, ahead);
        if (m_cache->claim(key))
            break;
        if (!m_cache->waitWhileComputing(key, m_cancelled))
            return makeError(ec::ReplayCancelled);
    }
    const auto release = [&] {
        if (m_cache)
            m_cache->release(key);
    };
    // Then from the results an earlier process kept in the workspace. One that cannot be read
    // is verified again: a kept result is never needed.
    if (stored) {
        auto loaded = loadStored(key);
        if (!loaded && loaded.error().code == ec::StoreCancelled) {
            release();
            return makeError(ec::ReplayCancelled);
        }
        if (loaded && *loaded) {
            std::shared_ptr<const ReplayResultCache::Kept> kept = std::move(*loaded);
            ++m_storedWork->loaded;
            if (m_cache)
                m_cache->store(kept);
            return serve(*kept, sink, ahead);
        }
    }
    std::vector<AttestationResult> kept;
    std::vector<int> subjects;
    // Room for every result from the start: outgrowing it moved each result kept so far. A
    // file's count is an estimate, so it gets an eighth more.
    if (!expected)
        expected = expectedRecords(key);
    if (*expected > 0) {
        const size_t room = size_t(m_file.isEmpty() ? *expected : *expected + *expected / 8);
        kept.reserve(room);
        subjects.reserve(room);
        adviseHugePages(kept.data(), kept.capacity() * sizeof(AttestationResult));
        // A workspace's count is exact and every result is written: their pages at once, not
        // a fault each. A file's estimate may overshoot, and is left to fault in as it fills.
        if (m_file.isEmpty())
            populatePages(kept.data(), size_t(*expected) * sizeof(AttestationResult));
    }
    auto interner = std::make_unique<ResultInterner>();
    auto verifier = makeVerifier();
    // The interner's and the sink's entries for a record's subject, loaded while the records
    // before it are replayed: at a million records they are out of cache.
    static const AttestationResult kNoResult;
    verifier->setLookahead([&](int known) {
        interner->prefetch(known);
        if (const int number = interner->knownNumber(known); ahead && number >= 0)
            ahead(kNoResult, number);
    });
    Sha256Stream rows;
    auto n = replay(
        *verifier,
        [&](AttestationResult &&r) {
            kept.push_back(std::move(r));
            // Found by the verifier's number for the record's subject, not by its text.
            subjects.push_back(interner->intern(kept.back(), verifier->subjectNumber()));
            sink(kept.back(), subjects.back());
        },
        stored && !m_records ? &rows : nullptr,
        // For a workspace, expectedRecords counted its rows: the count progress needs (none,
        // or a count that failed, is asked again, for its error).
        !m_records && m_file.isEmpty() && *expected > 0 ? *expected : -1);
    verifier->setLookahead({});
    if (!n) {
        release();
        return n;
    }
    if (stored) {
        const QByteArray evidence = m_records ? m_recordsStoredDigest : rows.result();
        if (m_stored->save(storedKey(evidence), kept, m_cancelled))
            ++m_storedWork->saved;
        else
            ++m_storedWork->saveFailures;
    }
    if (m_cache)
        m_cache->store(key, std::move(kept), std::move(subjects));
    // Their tables are freed on another thread: a million records' took 0.35 s (Retirement).
    Retirement::retire(std::move(verifier));
    Retirement::retire(std::move(interner));
    return n;
}

Result<qint64> TimelineReplay::serve(const ReplayResultCache::Kept &kept, const NumberedSink &sink,
                                     const NumberedSink &ahead) const
{
    // How many records ahead @p ahead sees: enough for a prefetch to land before its record is
    // played (a record takes a few hundred ns), few enough that what it brings is still there.
    constexpr qint64 kAhead = 8;
    const qint64 total = qint64(kept.results.size());
    qint64 n = 0;
    for (; n < total; ++n) {
        if (m_cancelled && m_cancelled())
            return makeError(ec::ReplayCancelled);
        if (ahead && n + kAhead < total)
            ahead(kept.results[size_t(n + kAhead)], kept.subjects[size_t(n + kAhead)]);
        sink(kept.results[size_t(n)], kept.subjects[size_t(n)]);
        reportStep(n + 1, total);
    }
    reportEnd(n, n);
    return n;
}

Result<SimulationRun> TimelineReplay::simulate(const RuleSet &rules,
                                               const SimulationSettings &settings,
                                               const Simulation::EventSink &sink) const
{
    // The run's tables, and a first run's kept results, from populated pages.
    const PopulatedArena::Scope arena;
    auto simulation = std::make_unique<Simulation>(rules, settings);
    Simulation &sim = *simulation;
    sim.setEventSink(sink);
    // A run over results kept in memory makes room for what the last run over them held; a
    // first run, for what its first records project.
    const QByteArray key = resultsKey();
    std::optional<SimulationSizes> sizes;
    if (m_cache && !key.isEmpty())
        sizes = m_cache->runSizes(key);
    std::optional<qint64> expected;
    if (sizes) {
        sim.reserve(*sizes);
    } else {
        expected = expectedRecords(key);
        sim.expectRecords(*expected);
    }
    auto n = replayKeyed(
        NumberedSink([&](const AttestationResult &r, int subject) { sim.feed(r, subject); }), key,
        expected,
        NumberedSink([&](const AttestationResult &, int subject) { sim.prefetch(subject); }));
    if (!n)
        return n.error();
    SimulationRun run = sim.finish();
    if (m_cache && !key.isEmpty())
        m_cache->noteRunSizes(key, run.sizes());
    // What the run kept of its subjects is freed on another thread (30 ms of a re-run over a
    // million records).
    Retirement::retire(std::move(simulation));
    return run;
}

} // namespace ta::core
