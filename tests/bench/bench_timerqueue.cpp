// SPDX-License-Identifier: Apache-2.0
// The simulation's timer queue. First std::priority_queue's binary heap against DaryHeap's
// four-ary one, in the "hold" pattern a replay makes (take the next timer, queue that subject's
// next), with one timer a subject. Then DaryHeap against TimerQueue's lanes in the renewal
// pattern the simulation now has (take the next renewal, queue that credential's next half its
// TTL on, over one or three TTLs). Contenders run in this process, round by round in turn, so
// a slow minute of the machine meets each.
//   bench_timerqueue [--quick]

#include "BenchSupport.h"
#include "core/simulation/DaryHeap.h"
#include "core/simulation/TimerQueue.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <vector>

using namespace ta::core;
using namespace ta::bench;

namespace {

/// Laid out as Simulation's Timer: time, order, kind, subject, generation (32 bytes).
struct Timer
{
    qint64 atMs;
    quint64 seq;
    quint8 kind;
    int id;
    quint64 generation;
    bool operator>(const Timer &o) const { return atMs != o.atMs ? atMs > o.atMs : seq > o.seq; }
};

/// Nanoseconds a hold (pop the least, push its subject's next) over @p holds holds, with
/// @p subjects timers queued; the checksum keeps the work from being optimised away.
template <typename Queue>
double holdNs(int subjects, qint64 holds, quint32 seed, quint64 &checksum)
{
    QRandomGenerator random(seed);
    Queue queue;
    quint64 seq = 0;
    for (int i = 0; i < subjects; ++i)
        queue.push(Timer{qint64(random.bounded(3'600'000)), seq++, 2, i, 0});
    QElapsedTimer t;
    t.start();
    for (qint64 h = 0; h < holds; ++h) {
        const Timer next = queue.top();
        queue.pop();
        checksum += quint64(next.id);
        // The subject's next deadline: an hour after a record some minutes on.
        queue.push(Timer{next.atMs + 3'600'000 + qint64(random.bounded(600'000)), seq++, 2, next.id,
                         next.generation + 1});
    }
    return double(t.nsecsElapsed()) / double(holds);
}

/// DaryHeap and TimerQueue behind one interface: push a timer in a lane, take the least.
struct HeapOnly
{
    DaryHeap<Timer, std::greater<>> heap;
    void push(const Timer &t, qint64) { heap.push(t); }
    bool take(Timer &t)
    {
        if (heap.empty())
            return false;
        t = heap.top();
        heap.pop();
        return true;
    }
};

struct Lanes
{
    TimerQueue<Timer> queue;
    void push(const Timer &t, qint64 lane) { queue.push(t, lane); }
    bool take(Timer &t) { return queue.popDue(std::numeric_limits<qint64>::max(), t); }
};

/// Nanoseconds a renewal over @p renewals renewals of @p credentials live credentials, each of
/// one of @p ttls TTLs (600 s, 900 s, 3,600 s): take the least timer, queue the credential's
/// next renewal half its TTL after it. Issued in time order over the first minutes, as
/// records come.
template <typename Queue>
double renewalNs(int credentials, int ttls, qint64 renewals, quint64 &checksum)
{
    static constexpr qint64 kTtlS[] = {600, 900, 3600};
    Queue queue;
    quint64 seq = 0;
    for (int i = 0; i < credentials; ++i) {
        const qint64 ttl = kTtlS[i % ttls];
        queue.push(Timer{qint64(i) * 300'000 / credentials + ttl * 500, seq++, 0, i, 0}, ttl);
    }
    QElapsedTimer t;
    t.start();
    Timer next{};
    for (qint64 r = 0; r < renewals && queue.take(next); ++r) {
        checksum += quint64(next.id);
        const qint64 ttl = kTtlS[next.id % ttls];
        queue.push(Timer{next.atMs + ttl * 500, seq++, 0, next.id, 0}, ttl);
    }
    return double(t.nsecsElapsed()) / double(renewals);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int rounds = quick ? 3 : 7;
    quint64 checksum = 0;
    for (const int subjects : {1'000, 10'000, 100'000, 1'000'000}) {
        const qint64 holds = quick ? 200'000 : 2'000'000;
        std::vector<double> binary;
        std::vector<double> dary;
        for (int r = 0; r < rounds; ++r) {
            const quint32 seed = quint32(subjects + r);
            binary.push_back(holdNs<std::priority_queue<Timer, std::vector<Timer>, std::greater<>>>(
                subjects, holds, seed, checksum));
            dary.push_back(
                holdNs<DaryHeap<Timer, std::greater<>>>(subjects, holds, seed, checksum));
        }
        const double b = median(binary);
        const double d = median(dary);
        emitLine(QJsonObject{{QStringLiteral("bench"), QStringLiteral("timer_queue_hold")},
                             {QStringLiteral("subjects"), subjects},
                             {QStringLiteral("holds"), holds},
                             {QStringLiteral("rounds"), rounds},
                             {QStringLiteral("binary_heap_ns"), qRound(b * 10) / 10.0},
                             {QStringLiteral("four_ary_heap_ns"), qRound(d * 10) / 10.0},
                             {QStringLiteral("ratio"), qRound(d / b * 1000) / 1000.0},
                             {QStringLiteral("checksum"), QString::number(checksum)}});
    }
    for (const int credentials : {10'000, 100'000, 1'000'000}) {
        for (const int ttls : {1, 3}) {
            const qint64 renewals = quick ? 200'000 : 2'000'000;
            std::vector<double> heap;
            std::vector<double> lanes;
            for (int r = 0; r < rounds; ++r) {
                heap.push_back(renewalNs<HeapOnly>(credentials, ttls, renewals, checksum));
                lanes.push_back(renewalNs<Lanes>(credentials, ttls, renewals, checksum));
            }
            const double h = median(heap);
            const double l = median(lanes);
            emitLine(QJsonObject{{QStringLiteral("bench"), QStringLiteral("timer_queue_renewal")},
                                 {QStringLiteral("credentials"), credentials},
                                 {QStringLiteral("ttls"), ttls},
                                 {QStringLiteral("renewals"), renewals},
                                 {QStringLiteral("rounds"), rounds},
                                 {QStringLiteral("four_ary_heap_ns"), qRound(h * 10) / 10.0},
                                 {QStringLiteral("lanes_ns"), qRound(l * 10) / 10.0},
                                 {QStringLiteral("ratio"), qRound(l / h * 1000) / 1000.0},
                                 {QStringLiteral("checksum"), QString::number(checksum)}});
        }
    }
    return 0;
}
