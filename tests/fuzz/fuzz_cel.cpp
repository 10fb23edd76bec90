// SPDX-License-Identifier: Apache-2.0
// CEL source: parsed, checked and evaluated under the cost budget, three ways. The CEL engine
// alone (`cel eval`) with typed bindings, dynamically and type-checked; and as a policy
// condition, compiled over PolicyEnv and decided (with its explanation) over a fixed subject.
#include "FuzzSubject.h"
#include "FuzzSupport.h"

#include "core/policy/Policy.h"
#include "core/policy/PolicyDecision.h"
#include "core/policy/PolicyEngine.h"
#include "core/policy/cel/Evaluate.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace ta::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = (ta::fuzz::quietQt(), true);
    (void)quiet;
    static const QJsonObject bindings =
        QJsonDocument::fromJson(R"J({"x": {"int": "7"}, "u": {"uint": "3"}, "d": {"double": 2.5},
            "s": {"string": "payments"}, "b": {"bytes": "AAE="}, "t": {"bool": true},
            "l": {"list": [{"int": "1"}, {"string": "a"}]},
            "m": {"map": [{"key": {"string": "k"}, "value": {"int": "1"}}]}})J")
            .object();
    const QString source = QString::fromUtf8(ta::fuzz::bytes(data, size));

    cel::EvaluateOptions options;
    options.typeCheck = false;
    auto dynamic = cel::evaluateJson(source, bindings, options);
    ta::fuzz::note(dynamic ? QString::fromUtf8(
                                 QJsonDocument(dynamic->toObject()).toJson(QJsonDocument::Compact))
                           : dynamic.error().toString());
    options.typeCheck = true;
    (void)cel::evaluateJson(source, bindings, options);

    Policy policy;
    policy.name = QStringLiteral("fuzz");
    policy.trustDomain = QStringLiteral("prod.example");
    policy.spiffeIdTemplate = QStringLiteral("spiffe://prod.example/ns/{workload.k8s.ns}");
    policy.condition = source;
    if (auto engine = PolicyEngine::compile({policy}))
        (void)engine->decide(ta::fuzz::sampleSubject(), PolicyEngine::Detail::Explain);
    return 0;
}
