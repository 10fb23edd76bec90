// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ta::core {
struct PolicyVerdict;
}

namespace ta::cli {

/// One policy's verdict as `decide` and `explain` print it: effect, policy, outcome, identity,
/// the deny rules that overrode it, the reason, and the failing clause on a line of its own.
QString policyVerdictText(const core::PolicyVerdict &v);

int policyImport(const QStringList &args);
int policyExport(const QStringList &args);
int policyVersions(const QStringList &args);
int decide(const QStringList &args);
int policyDiff(const QStringList &args);

} // namespace ta::cli
