// SPDX-License-Identifier: Apache-2.0
// CEL evaluation of realistic policy conditions: time per evaluation and heap allocations per
// evaluation (counted by replacing the global operator new), plus the compile rate.
#include "core/policy/cel/Env.h"
#include "core/policy/cel/EvalContext.h"
#include "core/policy/cel/Program.h"
#include "core/policy/cel/SlotActivation.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <new>
#include <string>
#include <vector>

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

using namespace ta::core::cel;

namespace {

// CPU time of this thread: the machine is shared, so wall time would measure the neighbours.
double threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e9 + double(ts.tv_nsec);
}

// Host data for the activation: nested maps over strings this program owns.
class Claims
{
public:
    Value map(std::initializer_list<std::pair<const char *, Value>> entries)
    {
        std::vector<Value> keys;
        std::vector<Value> values;
        for (const auto &[k, v] : entries) {
            keys.push_back(Value::string(k));
            values.push_back(v);
        }
        return m_ctx.map(keys.data(), values.data(), keys.size());
    }
    Value list(const std::vector<Value> &items) { return m_ctx.list(items.data(), items.size()); }
    Value string(std::string text) { return m_ctx.string(text); }

private:
    EvalContext m_ctx;
};

struct Case
{
    const char *name;
    const char *expression;
};

void emit(const QJsonObject &line)
{
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const long iterations = argc > 1 ? std::atol(argv[1]) : 2000000;

    Env env;
    const int workloadSlot = env.declareVariable("workload");
    const int nodeSlot = env.declareVariable("node");
    const int allowedSlot = env.declareVariable("allowed", Type::list(Type(TypeKind::String)));
    const int nowSlot = env.declareVariable("now", Type(TypeKind::Timestamp));

    Claims claims;
    std::vector<Value> digests;
    for (int i = 0; i < 16; ++i) {
        char digest[80];
        std::snprintf(digest, sizeof digest, "sha256:%064x", i * 7919 + 17);
        digests.push_back(claims.string(digest));
    }
    const Value imageDigest = digests[11];
    const Value workload = claims.map({
        {"k8s", claims.map({{"ns", Value::string("payments")},
                            {"sa", Value::string("api-server")},
                            {"pod", Value::string("api-7d9f-x2")}})},
        {"image", claims.map({{"digest", imageDigest},
                              {"ref", claims.string("registry.example/pay/api@" +
                                                    std::string(imageDigest.text()))}})},
        {"labels",
         claims.map({{"team", Value::string("billing")}, {"tier", Value::string("backend")}})},
        {"selectors",
         claims.list({Value::string("k8s:sa:api-server"), Value::string("k8s:ns:payments"),
                      Value::string("unix:uid:1000")})},
        {"issued_at", Value::timestamp(1775556000, 0)},
    });
    const Value node = claims.map({{"attested", Value::boolean(true)},
                                   {"platform", Value::string("tpm")},
                                   {"pcr_ok", Value::boolean(true)}});

    SlotActivation activation;
    activation.bind(workloadSlot, workload);
    activation.bind(nodeSlot, node);
    activation.bind(allowedSlot, claims.list(digests));
    activation.bind(nowSlot, Value::timestamp(1775557200, 0));

    const Case cases[] = {
        {"k8s_policy",
         R"(workload.k8s.ns == "payments" && workload.image.digest in allowed && node.attested)"},
        {"labels_and_prefix",
         R"((workload.k8s.sa.startsWith("api") && workload.labels["team"] == "billing") || node.platform == "tpm" && node.pcr_ok)"},
        {"selector_exists",
         R"(workload.selectors.exists(s, s == "k8s:ns:payments") && !("unix:uid:0" in workload.selectors))"},
        {"freshness", R"(now - workload.issued_at < duration("1h") && has(workload.image.digest))"},
        {"regex_image_ref",
         R"(workload.image.ref.matches("^registry\\.example/pay/[a-z]+@sha256:[0-9a-f]{64}$"))"},
    };

    for (const Case &c : cases) {
        auto program = Program::compile(QString::fromUtf8(c.expression), env);
        if (!program) {
            std::fprintf(stderr, "%s: %s\n", c.name, qPrintable(program.error().toString()));
            return 2;
        }
        EvalContext ctx;
        Value result;
        for (int i = 0; i < 1000; ++i) {
            ctx.reset();
            result = program->evaluate(activation, ctx);
        }
        const std::uint64_t allocsBefore = g_allocations.load();
        const auto start = std::chrono::steady_clock::now();
        const double cpuStart = threadCpuNs();
        bool all = true;
        for (long i = 0; i < iterations; ++i) {
            ctx.reset();
            result = program->evaluate(activation, ctx);
            all = all && result.isBool() && result.boolValue();
        }
        const double cpuNs = threadCpuNs() - cpuStart;
        const auto elapsed = std::chrono::steady_clock::now() - start;
        const std::uint64_t allocs = g_allocations.load() - allocsBefore;
        const double wallNs = std::chrono::duration<double, std::nano>(elapsed).count();
        emit(QJsonObject{{QStringLiteral("bench"), QStringLiteral("cel_eval")},
                         {QStringLiteral("case"), QString::fromUtf8(c.name)},
                         {QStringLiteral("ns_per_eval"), cpuNs / double(iterations)},
                         {QStringLiteral("wall_ns_per_eval"), wallNs / double(iterations)},
                         {QStringLiteral("allocs_per_eval"), double(allocs) / double(iterations)},
                         {QStringLiteral("iterations"), double(iterations)},
                         {QStringLiteral("result"), all}});
    }

    // Parse + check + plan, the work done once per policy edit.
    const long compiles = std::max(1L, iterations / 100);
    const double start = threadCpuNs();
    for (long i = 0; i < compiles; ++i) {
        auto program = Program::compile(QString::fromUtf8(cases[0].expression), env);
        if (!program)
            return 2;
    }
    const double ns = threadCpuNs() - start;
    emit(QJsonObject{{QStringLiteral("bench"), QStringLiteral("cel_compile")},
                     {QStringLiteral("case"), QStringLiteral("k8s_policy")},
                     {QStringLiteral("us_per_compile"), ns / double(compiles) / 1000.0},
                     {QStringLiteral("compiles_per_sec"), 1e9 * double(compiles) / ns}});
    return 0;
}
