// SPDX-License-Identifier: Apache-2.0
// Policy decisions for 1,000 policies over a realistic workload subject: decisions per second
// and heap allocations per decision (counted by replacing the global operator new), for the
// hot path (conditions only, subject bound once), binding a subject, a full decision, and a
// decision with every failed clause explained; beside them, evaluation without the index.
#include "core/policy/PolicyEngine.h"
#include "core/policy/PolicySubject.h"
#include "core/policy/SubjectActivation.h"
#include "core/policy/cel/EvalContext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <new>

namespace {
std::atomic<std::uint64_t> g_allocations{0};
}

// Counting every heap allocation of the process is the point of this program.
void *operator new(std::size_t size)
{
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(size ? size : 1))
        return p;
    throw std::bad_alloc();
}

void *operator new[](std::size_t size)
{
    return operator new(size);
}

void *operator new(std::size_t size, const std::nothrow_t &) noexcept
{
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(size ? size : 1);
}

void *operator new[](std::size_t size, const std::nothrow_t &tag) noexcept
{
    return operator new(size, tag);
}

void operator delete(void *p) noexcept
{
    std::free(p);
}

void operator delete[](void *p) noexcept
{
    std::free(p);
}

void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}

void operator delete[](void *p, std::size_t) noexcept
{
    std::free(p);
}

using namespace ta::core;

namespace {

// CPU time of this thread: the machine is shared, so wall time would measure the neighbours.
double threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e9 + double(ts.tv_nsec);
}

void emit(const QJsonObject &line)
{
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

// Four shapes of policy, as a platform team writes them: namespace grants, label grants over a
// node platform, image allow-lists, and denies of revoked digests.
QList<Policy> policies(int count)
{
    QList<Policy> out;
    for (int i = 0; i < count; ++i) {
        Policy p;
        p.name = QStringLiteral("p%1").arg(i);
        p.trustDomain = QStringLiteral("prod.example");
        p.spiffeIdTemplate = QStringLiteral("/ns/{workload.k8s.ns}/sa/{workload.k8s.sa}");
        p.x509SvidTtl = 3600;
        const int ns = i % 200;
        switch (i % 4) {
        case 0:
            p.condition = QStringLiteral("verdict == 'affirming' && workload.k8s.ns == 'ns-%1' && "
                                         "'k8s:sa:api-server' in selectors")
                              .arg(ns);
            break;
        case 1:
            p.condition =
                QStringLiteral("attestor == 'k8s' && workload.labels.team == 'team-%1' && "
                               "node.platform == 'k8s_psat'")
                    .arg(i % 50);
            break;
        case 2:
            p.condition =
                QStringLiteral("workload.k8s.ns.startsWith('ns-%1') && workload.image.digest in "
                               "['sha256:%2', 'sha256:%3']")
                    .arg(ns)
                    .arg(i, 64, 10, QLatin1Char('0'))
                    .arg(i + 1, 64, 10, QLatin1Char('0'));
            break;
        default:
            p.effect = PolicyEffect::Deny;
            p.spiffeIdTemplate.clear();
            p.condition =
                QStringLiteral("has(image.digest) && image.digest == 'sha256:revoked-%1'").arg(i);
        }
        out << p;
    }
    return out;
}

PolicySubject subject()
{
    const QString digest = QStringLiteral("sha256:%1").arg(8, 64, 10, QLatin1Char('0'));
    auto s = PolicySubject::fromJson(QJsonObject{
        {QStringLiteral("subject"), QStringLiteral("workload/pay-api-7d9f")},
        {QStringLiteral("attestor"), QStringLiteral("k8s")},
        {QStringLiteral("verdict"), QStringLiteral("affirming")},
        {QStringLiteral("time"), QStringLiteral("2026-04-07T10:00:00Z")},
        {QStringLiteral("selectors"),
         QJsonArray{QStringLiteral("k8s:ns:ns-8"), QStringLiteral("k8s:sa:api-server"),
                    QStringLiteral("k8s:pod-label:team:team-8"),
                    QStringLiteral("k8s:container-image:") + digest}},
        {QStringLiteral("agent_id"),
         QStringLiteral("spiffe://prod.example/spire/agent/k8s_psat/prod/node-1")},
        {QStringLiteral("claims"),
         QJsonObject{
             {QStringLiteral("workload"),
              QJsonObject{
                  {QStringLiteral("k8s"),
                   QJsonObject{{QStringLiteral("ns"), QStringLiteral("ns-8")},
                               {QStringLiteral("sa"), QStringLiteral("api-server")},
                               {QStringLiteral("pod"), QStringLiteral("pay-api-7d9f")}}},
                  {QStringLiteral("labels"),
                   QJsonObject{{QStringLiteral("team"), QStringLiteral("team-8")},
                               {QStringLiteral("tier"), QStringLiteral("backend")}}},
                  {QStringLiteral("image"), QJsonObject{{QStringLiteral("digest"), digest}}}}},
             {QStringLiteral("node"),
              QJsonObject{{QStringLiteral("platform"), QStringLiteral("k8s_psat")},
                          {QStringLiteral("cluster"), QStringLiteral("prod")}}},
             {QStringLiteral("image"), QJsonObject{{QStringLiteral("digest"), digest}}}}}});
    return s.value();
}

template <typename Fn>
void measure(const char *name, long iterations, int policyCount, Fn &&fn)
{
    for (int i = 0; i < 10; ++i)
        fn();
    const std::uint64_t allocsBefore = g_allocations.load();
    const double start = threadCpuNs();
    for (long i = 0; i < iterations; ++i)
        fn();
    const double ns = threadCpuNs() - start;
    const std::uint64_t allocs = g_allocations.load() - allocsBefore;
    emit(QJsonObject{
        {QStringLiteral("bench"), QStringLiteral("policy_decision")},
        {QStringLiteral("case"), QString::fromLatin1(name)},
        {QStringLiteral("policies"), policyCount},
        {QStringLiteral("decisions_per_sec"), 1e9 * double(iterations) / ns},
        {QStringLiteral("us_per_decision"), ns / double(iterations) / 1000.0},
        {QStringLiteral("ns_per_policy"), ns / double(iterations) / double(policyCount)},
        {QStringLiteral("allocs_per_decision"), double(allocs) / double(iterations)},
        {QStringLiteral("iterations"), double(iterations)}});
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const long iterations = argc > 1 ? std::atol(argv[1]) : 2000;
    const int count = 1000;

    const double compileStart = threadCpuNs();
    auto engine = PolicyEngine::compile(policies(count));
    const double compileNs = threadCpuNs() - compileStart;
    if (!engine) {
        std::fprintf(stderr, "%s\n", qPrintable(engine.error().toString()));
        return 2;
    }
    emit(QJsonObject{{QStringLiteral("bench"), QStringLiteral("policy_compile")},
                     {QStringLiteral("policies"), count},
                     {QStringLiteral("ms"), compileNs / 1e6}});

    const PolicySubject s = subject();
    SubjectActivation activation(engine->env());
    cel::EvalContext ctx;
    PolicyEngine::Evaluation evaluation;
    activation.bind(s);

    // The sanity check that keeps the figures honest: what the subject must get.
    const PolicyDecision check = engine->decide(s);
    if (check.identities.size() != 1 ||
        check.identities[0].spiffeId !=
            QLatin1String("spiffe://prod.example/ns/ns-8/sa/api-server")) {
        std::fprintf(stderr, "unexpected decision: %s\n",
                     QJsonDocument(check.toJson()).toJson().constData());
        return 2;
    }

    int matched = 0;
    measure("evaluate_bound_subject", iterations, count, [&] {
        engine->evaluate(activation, ctx, evaluation);
        matched = evaluation.trueCount;
    });
    // The same without the equality index: every condition evaluated, the baseline it beats.
    const PolicyEngine full =
        PolicyEngine::compile(policies(count), PolicyEngine::Indexing::None).value();
    measure("evaluate_unindexed", iterations, count, [&] {
        full.evaluate(activation, ctx, evaluation);
        matched = evaluation.trueCount;
    });
    measure("bind_subject", iterations * 10, count, [&] { activation.bind(s); });
    measure("bind_evaluate_decide", iterations, count, [&] {
        activation.bind(s);
        engine->evaluate(activation, ctx, evaluation);
        const PolicyDecision d =
            engine->decide(s, activation, ctx, evaluation, PolicyEngine::Detail::Verdicts);
        matched += int(d.identities.size());
    });
    measure("decide_with_explanations", std::max(1L, iterations / 50), count, [&] {
        engine->evaluate(activation, ctx, evaluation);
        const PolicyDecision d =
            engine->decide(s, activation, ctx, evaluation, PolicyEngine::Detail::Explain);
        matched += int(d.identities.size());
    });
    return matched > 0 ? 0 : 2;
}
