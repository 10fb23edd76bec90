// SPDX-License-Identifier: Apache-2.0
// The simulation engine's speed on a lab timeline: the first run (every record verified, every
// core) beside OpenSSL's raw verify rate for the same records' signatures, and the re-run after a
// policy edit (attestation results reused from memory) beside the first run, at two sizes so
// that growth with the number of records shows. One JSON line per case, the ratio beside the
// figure. Usage: bench_simulation [--records N] [--policies N] [--reruns N] [--threads N]
// [--workloads-per-node N] [--quick]. The lab has a workload per 10 records and a node per 40
// workloads; --workloads-per-node 2 gives an estate of many small nodes, where each workload
// record is more often the first under a new agent SVID (a chain to validate, a key to read).
#include "BenchSupport.h"

#include "core/attestation/SignatureMemo.h"
#include "core/attestation/lab/EvidenceLab.h"
#include "core/crypto/Digest.h"
#include "core/crypto/Key.h"
#include "core/crypto/OsslPtr.h"
#include "core/policy/Policy.h"
#include "core/simulation/ResultInterner.h"
#include "core/simulation/SimulationErrors.h"
#include "core/simulation/StoredReplayResults.h"
#include "core/simulation/TimelineReplay.h"
#include "core/store/Workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QThread>

#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <malloc.h>
#include <optional>
#include <sys/resource.h>
#include <unistd.h>
#ifdef TA_JEMALLOC
// jemalloc's control interface (jemalloc/jemalloc.h also redeclares malloc and friends).
extern "C" int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);
#endif
#include <thread>

using namespace ta::core;
using namespace ta::bench;

namespace {

// Peak resident memory of this process, in MiB (VmHWM).
qint64 peakRssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() / 1024;
    }
    return -1;
}

// OpenSSL's raw ECDSA P-256 digest-and-verify rate over @p threads threads at once.
double rawVerifyRate(qint64 budget, int threads)
{
    const Key key = Key::generate(KeyType::EcP256).value();
    const QByteArray msg(600, 'x');
    const auto *in = reinterpret_cast<const unsigned char *>(msg.constData());
    EvpMdCtxPtr sctx(EVP_MD_CTX_new());
    size_t len = 0;
    EVP_DigestSignInit(sctx.get(), nullptr, EVP_sha256(), nullptr, key.get());
    EVP_DigestSign(sctx.get(), nullptr, &len, in, size_t(msg.size()));
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    EVP_DigestSign(sctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, in,
                   size_t(msg.size()));
    sig.resize(qsizetype(len));
    std::atomic<double> total{0};
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i)
        pool.emplace_back([&] {
            const double r = ratePerSecond(budget, [&] {
                EvpMdCtxPtr ctx(EVP_MD_CTX_new());
                return EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) ==
                           1 &&
                       EVP_DigestVerify(ctx.get(),
                                        reinterpret_cast<const unsigned char *>(sig.constData()),
                                        size_t(sig.size()), in, size_t(msg.size())) == 1;
            });
            double cur = total.load();
            while (!total.compare_exchange_weak(cur, cur + r)) {
            }
        });
    for (std::thread &t : pool)
        t.join();
    return total.load();
}

// @p count grant policies over the lab's subjects (one per subject, the rest over no subject),
// each with TTL @p ttl.
RuleSet policies(const LabSettings &lab, int count, qint32 ttl)
{
    QJsonArray list;
    QStringList subjects;
    for (int i = 0; i < lab.nodes; ++i)
        subjects << QStringLiteral("node/lab-%1").arg(i);
    for (int i = 0; i < lab.workloads; ++i)
        subjects << QStringLiteral("workload/app-%1").arg(i);
    for (int i = 0; i < count; ++i) {
        const QString s = i < subjects.size() ? subjects.at(i) : QStringLiteral("none/%1").arg(i);
        list.append(QJsonObject{
            {QStringLiteral("name"), QStringLiteral("p%1").arg(i)},
            {QStringLiteral("effect"), QStringLiteral("grant")},
            {QStringLiteral("trust_domain"), QStringLiteral("lab.example")},
            {QStringLiteral("spiffe_id"), QStringLiteral("spiffe://lab.example/p%1").arg(i)},
            {QStringLiteral("condition"),
             QStringLiteral("subject == '%1' && verdict == 'affirming'").arg(s)},
            {QStringLiteral("x509_svid_ttl"), ttl}});
    }
    const QByteArray doc = QJsonDocument(QJsonObject{{QStringLiteral("policies"), list}}).toJson();
    return RuleSet::fromPolicies(Policy::listFromJson(doc).value()).value();
}

struct Measured
{
    qint64 records = 0;
    qint64 firstMs = 0;
    qint64 rerunMs = 0;
    qint64 generateMs = 0;
    // The first run's signature checks and the CPU time OpenSSL's verify calls took for them.
    qint64 signatureChecks = 0;
    // Estimated from the checks timed (one in SignatureMemo::kTimedShare, at random): their mean
    // CPU time times the checks, and that estimate's standard error.
    qint64 signatureChecksTimed = 0;
    double signatureCpuMs = 0;
    double signatureCpuMsError = 0;
    // The share of records whose pre-pass result the replay kept (the rest verified again).
    double prepassKept = 0;
    // The process's CPU time (user and system, every thread) during the first run.
    double firstCpuMs = 0;
    // The part of it spent on the replay's own thread (reading, replaying, simulating); the rest
    // is the pre-pass pool's.
    double firstReplayThreadCpuMs = 0;
    // The kernel's part of each.
    double firstSystemCpuMs = 0;
    double firstReplayThreadSystemCpuMs = 0;
    // The process's page faults (minor and major) during the first run.
    qint64 firstPageFaults = 0;
    // CPU time the machine's other processes used during the first run, and what the hypervisor
    // took from this machine's cores meanwhile (steal): both are cores this run could not have.
    // Negative when /proc/stat cannot be read.
    double firstOtherCpuMs = -1;
    double firstStealMs = -1;
    // Heap allocations (malloc, new, realloc) during the first run, per record; 0 without
    // jemalloc's counts. Exact with jemalloc's thread caches off (MALLOC_CONF=tcache:false,
    // which slows the run): then the count is the same from run to run of one build, where the
    // times move by several per cent. With them on (the default), the counts a thread's cache
    // has not handed back yet are missed: a few a record, differently each run.
    double firstAllocationsPerRecord = 0;
    // Heap bytes per record held by the kept attestation results and by one run's output.
    double keptBytesPerRecord = 0;
    double runBytesPerRecord = 0;
    // Peak RSS after the re-runs, before the kept results are written to the workspace.
    qint64 peakRssMiB = 0;
    // The results kept in the workspace (StoredReplayResults): saving them after a first run,
    // reading them back (seal checked, decoded, interned) in a later process, and their size.
    qint64 storedSaveMs = 0;
    qint64 storedLoadMs = 0;
    double storedBytesPerRecord = 0;
    // A run over the results read back, with no earlier run to size its tables by: what a new
    // process's re-run does after the load.
    qint64 freshRunMs = 0;
};

// CPU time used so far by @p who (RUSAGE_SELF: this process, every thread; RUSAGE_THREAD: the
// calling thread), in milliseconds: user and system time, or with @p systemOnly the kernel's part
// alone (chiefly zeroing the pages a first run takes new; README, "Stop 69").
double cpuMs(int who, bool systemOnly = false)
{
    rusage u{};
    getrusage(who, &u);
    auto ms = [](const timeval &t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    return (systemOnly ? 0.0 : ms(u.ru_utime)) + ms(u.ru_stime);
}

// CPU time every process on the machine has used so far (user, nice, system, interrupts), and
// the hypervisor's steal, in milliseconds: /proc/stat's first line, in clock ticks. nullopt where
// it cannot be read.
struct MachineCpu
{
    double busyMs = 0;
    double stealMs = 0;
};

std::optional<MachineCpu> machineCpuMs()
{
    QFile file(QStringLiteral("/proc/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    // cpu user nice system idle iowait irq softirq steal ...
    const QList<QByteArray> f = file.readLine().simplified().split(' ');
    const long ticks = sysconf(_SC_CLK_TCK);
    if (f.size() < 9 || f[0] != "cpu" || ticks <= 0)
        return std::nullopt;
    const double msPerTick = 1000.0 / double(ticks);
    double busy = 0;
    for (int i : {1, 2, 3, 6, 7})
        busy += f[i].toDouble();
    return MachineCpu{busy * msPerTick, f[8].toDouble() * msPerTick};
}

// Page faults this process has taken so far, minor and major, every thread.
qint64 processPageFaults()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return qint64(u.ru_minflt) + qint64(u.ru_majflt);
}

#ifdef TA_JEMALLOC
// Has jemalloc refresh the statistics it reports.
void refreshHeapStatistics()
{
    uint64_t epoch = 1;
    size_t size = sizeof epoch;
    mallctl("epoch", &epoch, &size, &epoch, size);
}
#endif

// Bytes the heap has handed out and not taken back (jemalloc's count when it is the allocator,
// else glibc's).
double heapInUse()
{
#ifdef TA_JEMALLOC
    refreshHeapStatistics();
    size_t allocated = 0;
    size_t size = sizeof allocated;
    if (mallctl("stats.allocated", &allocated, &size, nullptr, 0) == 0)
        return double(allocated);
    return 0;
#else
    return double(mallinfo2().uordblks);
#endif
}

// Heap allocations made so far, every thread (jemalloc's requests of every size class; with
// thread caches on, what a cache has not handed back yet is missed). 0 when jemalloc is not the
// allocator.
double heapAllocations()
{
#ifdef TA_JEMALLOC
    refreshHeapStatistics();
    double total = 0;
    // 4096 is MALLCTL_ARENAS_ALL: every arena's counts merged.
    for (const char *name :
         {"stats.arenas.4096.small.nrequests", "stats.arenas.4096.large.nrequests"}) {
        uint64_t n = 0;
        size_t size = sizeof n;
        if (mallctl(name, &n, &size, nullptr, 0) != 0)
            return 0;
        total += double(n);
    }
    return total;
#else
    return 0;
#endif
}

// Whether heapAllocations() counts every allocation: jemalloc's thread caches are off.
bool allocationsCountedExactly()
{
#ifdef TA_JEMALLOC
    bool tcache = true;
    size_t size = sizeof tcache;
    return mallctl("opt.tcache", &tcache, &size, nullptr, 0) == 0 && !tcache;
#else
    return false;
#endif
}

std::optional<Measured> measure(const QString &dir, qint64 records, int policyCount,
                                LabSettings &lab, int reruns, int threads, int workloadsPerNode)
{
    lab.records = records;
    lab.workloads = int(qMax<qint64>(4, records / 10));
    lab.nodes = qMax(2, lab.workloads / workloadsPerNode);
    lab.importEvidence = false;
    lab.seed = 7;
    const QString ws = dir + QStringLiteral("/lab-%1.atlas").arg(records);
    const QString evidence = dir + QStringLiteral("/lab-%1.jsonl").arg(records);
    QElapsedTimer t;
    t.start();
    auto sum = EvidenceLab::generate(ws, dir + QStringLiteral("/a-%1.json").arg(records), evidence,
                                     lab, std::nullopt);
    if (!sum) {
        std::fprintf(stderr, "%s\n", qPrintable(sum.error().toString()));
        return std::nullopt;
    }
    Measured m;
    m.generateMs = t.elapsed();
    auto workspace = Workspace::open(ws, QByteArray());
    if (!workspace)
        return std::nullopt;
    auto replay = TimelineReplay::fromWorkspace(**workspace, {});
    if (!replay)
        return std::nullopt;
    replay->setEvidenceFile(evidence);
    replay->setThreads(threads);
    replay->setResultCache(std::make_shared<ReplayResultCache>());
    const RuleSet before = policies(lab, policyCount, 900);
    const RuleSet after = policies(lab, policyCount, 1200);
    const double heapBefore = heapInUse();
    auto work = std::make_shared<TimelineReplay::SignatureWork>();
    replay->setSignatureWork(work);
    const double cpuBefore = cpuMs(RUSAGE_SELF);
    const double threadCpuBefore = cpuMs(RUSAGE_THREAD);
    const double systemBefore = cpuMs(RUSAGE_SELF, true);
    const double threadSystemBefore = cpuMs(RUSAGE_THREAD, true);
    const qint64 faultsBefore = processPageFaults();
    const std::optional<MachineCpu> machineBefore = machineCpuMs();
    const double allocationsBefore = heapAllocations();
    t.restart();
    auto first = replay->simulate(before, {});
    m.firstMs = qMax<qint64>(1, t.elapsed());
    m.firstCpuMs = cpuMs(RUSAGE_SELF) - cpuBefore;
    m.firstReplayThreadCpuMs = cpuMs(RUSAGE_THREAD) - threadCpuBefore;
    m.firstSystemCpuMs = cpuMs(RUSAGE_SELF, true) - systemBefore;
    m.firstReplayThreadSystemCpuMs = cpuMs(RUSAGE_THREAD, true) - threadSystemBefore;
    m.firstPageFaults = processPageFaults() - faultsBefore;
    if (const std::optional<MachineCpu> machineAfter = machineCpuMs();
        machineBefore && machineAfter) {
        m.firstOtherCpuMs = qMax(0.0, machineAfter->busyMs - machineBefore->busyMs - m.firstCpuMs);
        m.firstStealMs = machineAfter->stealMs - machineBefore->stealMs;
    }
    const double firstAllocations = heapAllocations() - allocationsBefore;
    replay->setSignatureWork(nullptr);
    if (!first)
        return std::nullopt;
    m.signatureChecks = work->checks.load();
    m.signatureChecksTimed = work->timedChecks.load();
    if (const double n = double(m.signatureChecksTimed); n > 1) {
        const double mean = double(work->cpuNanos.load()) / n;
        const double variance =
            qMax(0.0, (work->cpuNanosSquared.load() / n - mean * mean) * n / (n - 1));
        m.signatureCpuMs = mean * double(m.signatureChecks) / 1e6;
        m.signatureCpuMsError = std::sqrt(variance / n) * double(m.signatureChecks) / 1e6;
    }
    m.prepassKept =
        double(work->prepassResultsKept.load()) / double(qMax<qint64>(1, work->records.load()));
    m.records = first->summary().records;
    m.firstAllocationsPerRecord = firstAllocations / double(qMax<qint64>(1, m.records));
    const double heapWithRun = heapInUse();
    first = makeError(ec::ReplayCancelled); // drops the run; the kept results stay
    const double heapKept = heapInUse();
    m.keptBytesPerRecord = (heapKept - heapBefore) / double(qMax<qint64>(1, m.records));
    m.runBytesPerRecord = (heapWithRun - heapKept) / double(qMax<qint64>(1, m.records));
    // The median of @p reruns re-runs (one by default), alternating the edited and the first
    // rules so that no run finds its decisions already made.
    std::vector<qint64> times;
    for (int i = 0; i < reruns; ++i) {
        t.restart();
        auto rerun = replay->simulate(i % 2 == 0 ? after : before, {});
        times.push_back(qMax<qint64>(1, t.elapsed()));
        if (!rerun || rerun->summary().records != m.records)
            return std::nullopt;
    }
    std::sort(times.begin(), times.end());
    m.rerunMs = times[times.size() / 2];
    m.peakRssMiB = peakRssMiB();
    auto kept = replay->resultCache()->find(replay->cacheKey());
    if (!kept)
        return std::nullopt;
    StoredReplayResults stored((*workspace)->database(), randomBytes(32));
    t.restart();
    if (!stored.save("bench", kept->results))
        return std::nullopt;
    m.storedSaveMs = t.elapsed();
    // Drops the in-memory results, as a new process has none.
    kept.reset();
    replay->setResultCache(nullptr);
    t.restart();
    auto loaded = stored.load("bench");
    if (!loaded || !*loaded || qint64((*loaded)->size()) != m.records)
        return std::nullopt;
    ResultInterner interner;
    std::vector<int> subjects;
    subjects.reserve((*loaded)->size());
    for (AttestationResult &r : **loaded)
        subjects.push_back(interner.intern(r));
    m.storedLoadMs = t.elapsed();
    // Those results in a cache of their own, which has noted no run's sizes.
    auto fresh = std::make_shared<ReplayResultCache>();
    fresh->store(replay->cacheKey(), std::move(**loaded), std::move(subjects));
    replay->setResultCache(fresh);
    t.restart();
    auto freshRun = replay->simulate(after, {});
    m.freshRunMs = qMax<qint64>(1, t.elapsed());
    if (!freshRun || freshRun->summary().records != m.records)
        return std::nullopt;
    auto bytes = (*workspace)
                     ->database()
                     .prepare(QStringLiteral("SELECT sum(length(data)) FROM replay_result_chunks"));
    if (!bytes || !bytes->next())
        return std::nullopt;
    m.storedBytesPerRecord = double(bytes->int64(0)) / double(qMax<qint64>(1, m.records));
    return m;
}

constexpr double kTargetRatio = 0.8;

double rounded(double v, int places = 3)
{
    const double f = std::pow(10.0, places);
    return std::round(v * f) / f;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(QStringLiteral("--quick"));
    const qsizetype at = args.indexOf(QStringLiteral("--records"));
    const qint64 records = at >= 0 ? args.value(at + 1).toLongLong() : (quick ? 8000 : 100000);
    const qsizetype pAt = args.indexOf(QStringLiteral("--policies"));
    const int policyCount = pAt >= 0 ? args.value(pAt + 1).toInt() : 1000;
    const qsizetype rAt = args.indexOf(QStringLiteral("--reruns"));
    const int reruns = rAt >= 0 ? qMax(1, args.value(rAt + 1).toInt()) : 1;
    // Threads of the first run's pre-pass: 0 (every core) unless --threads says otherwise; 1
    // verifies every record on the replay's thread.
    const qsizetype tAt = args.indexOf(QStringLiteral("--threads"));
    const int threads = tAt >= 0 ? qMax(0, args.value(tAt + 1).toInt()) : 0;
    const qsizetype wAt = args.indexOf(QStringLiteral("--workloads-per-node"));
    const int workloadsPerNode = wAt >= 0 ? qMax(1, args.value(wAt + 1).toInt()) : 40;
    const int cores = QThread::idealThreadCount();
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;

    LabSettings lab;
    const auto quarter =
        measure(dir.path(), records / 4, policyCount, lab, reruns, threads, workloadsPerNode);
    const LabSettings quarterLab = lab;
    const auto full =
        measure(dir.path(), records, policyCount, lab, reruns, threads, workloadsPerNode);
    if (!quarter || !full)
        return 1;
    const double p256 = rawVerifyRate(budgetMs(args), cores);
    const double firstPerS = double(full->records) * 1000.0 / double(full->firstMs);
    // OpenSSL's raw rate for the records' own signatures: the records over the CPU time their
    // verify calls took (one in SignatureMemo::kTimedShare timed, at random, on its thread during
    // the first run, the rest estimated from their mean), spread over every core. The ratio is then
    // the share of both cores' time the first run spent in OpenSSL's verification. A timed check
    // leaves out what its clock's readings add (SignatureMemo::clockReadNanos): counted, they
    // made the checks 2 % dearer than they are, and the ratio as much higher.
    const double raw = full->signatureCpuMs > 0
                           ? double(full->records) * 1000.0 / (full->signatureCpuMs / cores)
                           : 0.0;
    // The CPU a record costs outside its signature checks, and what it may cost for the target
    // ratio with its signatures as measured and every core busy: the gap as one figure.
    const double recordCount = double(qMax<qint64>(1, full->records));
    const double outsideUs = (full->firstCpuMs - full->signatureCpuMs) * 1000.0 / recordCount;
    const double outsideAtTargetUs =
        full->signatureCpuMs * 1000.0 / recordCount * (1.0 / kTargetRatio - 1.0);
    emitLine(
        {{QStringLiteral("bench"), QStringLiteral("simulation_first_run")},
         {QStringLiteral("records"), full->records},
         {QStringLiteral("workloads"), lab.workloads},
         {QStringLiteral("nodes"), lab.nodes},
         {QStringLiteral("policies"), policyCount},
         {QStringLiteral("cores"), cores},
         {QStringLiteral("ms"), full->firstMs},
         {QStringLiteral("records_per_s"), qRound(firstPerS)},
         {QStringLiteral("signature_checks"), full->signatureChecks},
         {QStringLiteral("signature_checks_timed"), full->signatureChecksTimed},
         {QStringLiteral("signature_cpu_ms"), qRound64(full->signatureCpuMs)},
         {QStringLiteral("signature_cpu_ms_standard_error"), rounded(full->signatureCpuMsError, 1)},
         // The mean check: a change that makes each check dearer raises the ratio without making
         // the run any faster (stop 65's third pool thread), and shows here.
         {QStringLiteral("signature_cpu_us_per_check"),
          rounded(full->signatureCpuMs * 1000.0 / double(qMax<qint64>(1, full->signatureChecks)),
                  2)},
         {QStringLiteral("prepass_results_kept"), rounded(full->prepassKept)},
         {QStringLiteral("cpu_ms"), qRound64(full->firstCpuMs)},
         {QStringLiteral("cores_busy"), rounded(full->firstCpuMs / double(full->firstMs), 2)},
         // Cores the machine's other processes and its hypervisor took during the run: the
         // share of cores_busy's shortfall that this program could not have used.
         {QStringLiteral("other_processes_cores"),
          full->firstOtherCpuMs < 0 ? -1.0
                                    : rounded(full->firstOtherCpuMs / double(full->firstMs), 3)},
         {QStringLiteral("steal_cores"),
          full->firstStealMs < 0 ? -1.0 : rounded(full->firstStealMs / double(full->firstMs), 3)},
         {QStringLiteral("replay_thread_us_per_record"),
          rounded(full->firstReplayThreadCpuMs * 1000.0 / recordCount, 2)},
         {QStringLiteral("system_us_per_record"),
          rounded(full->firstSystemCpuMs * 1000.0 / recordCount, 2)},
         {QStringLiteral("replay_thread_system_us_per_record"),
          rounded(full->firstReplayThreadSystemCpuMs * 1000.0 / recordCount, 2)},
         {QStringLiteral("page_faults"), full->firstPageFaults},
         {QStringLiteral("allocations_per_record"), rounded(full->firstAllocationsPerRecord, 1)},
         {QStringLiteral("allocations_counted_exactly"), allocationsCountedExactly()},
         {QStringLiteral("openssl_raw_records_per_s_all_cores"), qRound(raw)},
         {QStringLiteral("ratio"), raw > 0 ? rounded(firstPerS / raw) : 0.0},
         {QStringLiteral("target_ratio"), kTargetRatio},
         {QStringLiteral("outside_signatures_us_per_record"), rounded(outsideUs, 2)},
         {QStringLiteral("outside_signatures_us_per_record_at_target"),
          rounded(outsideAtTargetUs, 2)},
         {QStringLiteral("openssl_p256_verify_per_s_all_cores"), qRound(p256)},
         {QStringLiteral("clock_read_ns"), SignatureMemo::clockReadNanos()},
         {QStringLiteral("note"),
          QStringLiteral("raw = records / (CPU time of the records' own signature checks "
                         "in OpenSSL / cores), that CPU time estimated from the checks timed "
                         "(one in %1, at random), each less what the clock's two readings add "
                         "(clock_read_ns, this thread's); p256 = one synthetic ECDSA P-256 "
                         "verify")
              .arg(SignatureMemo::kTimedShare)}});
    emitLine(
        {{QStringLiteral("bench"), QStringLiteral("simulation_rerun_after_policy_edit")},
         {QStringLiteral("records"), full->records},
         {QStringLiteral("workloads"), lab.workloads},
         {QStringLiteral("policies"), policyCount},
         {QStringLiteral("ms"), full->rerunMs},
         {QStringLiteral("first_run_ms"), full->firstMs},
         {QStringLiteral("speedup"), rounded(double(full->firstMs) / double(full->rerunMs), 2)},
         {QStringLiteral("target_speedup"), 15},
         {QStringLiteral("peak_rss_mib"), full->peakRssMiB},
         {QStringLiteral("kept_results_bytes_per_record"), qRound(full->keptBytesPerRecord)},
         {QStringLiteral("run_bytes_per_record"), qRound(full->runBytesPerRecord)}});
    emitLine({{QStringLiteral("bench"), QStringLiteral("simulation_results_kept_in_workspace")},
              {QStringLiteral("records"), full->records},
              {QStringLiteral("save_ms"), full->storedSaveMs},
              {QStringLiteral("load_ms"), full->storedLoadMs},
              {QStringLiteral("bytes_per_record"), qRound(full->storedBytesPerRecord)},
              {QStringLiteral("fresh_run_ms"), full->freshRunMs},
              {QStringLiteral("new_process_rerun_ms"), full->storedLoadMs + full->freshRunMs},
              {QStringLiteral("new_process_speedup"),
               rounded(double(full->firstMs) / double(full->storedLoadMs + full->freshRunMs), 2)},
              {QStringLiteral("note"),
               QStringLiteral("load = read, check the seal, decode, intern; fresh run = a run "
                              "over them with no earlier run to size its tables by; a new "
                              "process's re-run is load + fresh run, without the pass that "
                              "digests the workspace's records")}});
    const double growth = (double(full->rerunMs) / double(quarter->rerunMs)) /
                          (double(full->records) / double(quarter->records));
    emitLine(
        {{QStringLiteral("bench"), QStringLiteral("simulation_rerun_linearity")},
         {QStringLiteral("small_records"), quarter->records},
         {QStringLiteral("small_workloads"), quarterLab.workloads},
         {QStringLiteral("small_ms"), quarter->rerunMs},
         {QStringLiteral("large_records"), full->records},
         {QStringLiteral("large_ms"), full->rerunMs},
         {QStringLiteral("ratio"), rounded(growth, 2)},
         {QStringLiteral("note"), QStringLiteral("time ratio over records ratio; 1.0 is linear")}});
    return 0;
}
