// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/policy/CompiledCondition.h"
#include "core/policy/Policy.h"
#include "core/policy/PolicyDecision.h"
#include "core/policy/PolicyEnv.h"
#include "core/policy/SpiffeIdTemplate.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ta::core {

namespace cel {
class EvalContext;
}

class PolicySubject;
class SubjectActivation;

/// A policy set compiled once (conditions parsed, checked and planned; templates parsed) and
/// then asked for decisions, many times and from many threads (each with its own
/// SubjectActivation and EvalContext).
///
/// Semantics: a grant whose condition is true gives the identity its template renders; a deny
/// whose condition is true removes the identity its template renders, or every identity of its
/// trust domain when it has no template. A deny whose condition is an error, or whose template
/// cannot be rendered, fails closed: it removes every identity of its trust domain. A grant whose
/// condition is an error gives nothing. Deny overrides grant whatever the order.
class PolicyEngine
{
public:
    /// How much a decision says beyond the identities.
    enum class Detail {
        /// A verdict per policy, without clause explanations.
        Verdicts,
        /// Also the failing clause, and the values it saw, of every condition that did not hold.
        Explain,
        /// Verdicts only for the policies whose condition held or failed with an error (the
        /// identities and overrides are the same): a decision costs what matched, not the size
        /// of the set (the simulation decides millions of records over thousands of policies).
        Matched,
    };

    /// The conditions' outcomes for one subject, one byte per policy: the allocation-free part
    /// of a decision. Reuse one per thread.
    struct Evaluation
    {
        enum class Condition : std::uint8_t { True, False, Error };
        std::vector<Condition> conditions;
        int trueCount = 0;
        /// The policies whose condition is not False (True or Error), each once, in the order
        /// they were evaluated.
        std::vector<int> notFalse;
    };

    /// Whether evaluation may skip conditions by an index of their equality conjuncts.
    enum class Indexing {
        /// Each condition's most selective `path == "literal"` conjunct is indexed: the path is
        /// read once per subject and only conditions whose literal it holds are evaluated.
        ByEquality,
        /// Every condition is evaluated (for tests that hold the index to account).
        None,
    };

    PolicyEngine(PolicyEngine &&) noexcept;
    PolicyEngine &operator=(PolicyEngine &&) noexcept;
    ~PolicyEngine();

    /// Compiles @p policies (validated as Policy::fromJson does). Errors name the policy as
    /// Policy::listFromJson does.
    [[nodiscard]] static Result<PolicyEngine> compile(const QList<Policy> &policies,
                                                      Indexing indexing = Indexing::ByEquality);

    const QList<Policy> &policies() const { return m_policies; }
    /// Whether some condition reads `time`: only then may one subject's decision change with
    /// nothing but the instant it is asked at (a simulation's renewals reuse it otherwise).
    bool readsTime() const { return m_readsTime; }
    /// The environment to build SubjectActivations over.
    const PolicyEnv &env() const { return *m_env; }

    /// Evaluates every condition over @p activation. Once @p out and @p ctx are warm, this
    /// allocates nothing.
    void evaluate(const SubjectActivation &activation, cel::EvalContext &ctx,
                  Evaluation &out) const;

    /// The decision for @p subject, bound in @p activation and evaluated into @p evaluation.
    PolicyDecision decide(const PolicySubject &subject, const SubjectActivation &activation,
                          cel::EvalContext &ctx, const Evaluation &evaluation, Detail detail) const;
    /// The same, binding and evaluating on the spot.
    PolicyDecision decide(const PolicySubject &subject, Detail detail = Detail::Verdicts) const;

    /// The failing clause of policy @p index's condition for the bound subject.
    ClauseExplanation explain(int index, const SubjectActivation &activation) const;

private:
    struct Compiled
    {
        CompiledCondition condition;
        SpiffeIdTemplate spiffeId;
        QString trustDomainId;
    };

    // Policies grouped by the path of their indexed equality.
    struct IndexGroup
    {
        cel::Program path;
        std::map<std::string, std::vector<int>, std::less<>> byLiteral;
        std::vector<int> policies;
    };

    PolicyEngine() = default;
    void buildIndex();
    void run(int index, const SubjectActivation &activation, cel::EvalContext &ctx,
             Evaluation &out) const;

    QList<Policy> m_policies;
    std::unique_ptr<PolicyEnv> m_env;
    std::vector<Compiled> m_compiled;
    std::vector<IndexGroup> m_groups;
    std::vector<int> m_unindexed;
    bool m_readsTime = false;
};

} // namespace ta::core
