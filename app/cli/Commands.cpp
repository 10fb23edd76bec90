// SPDX-License-Identifier: Apache-2.0
#include "app/cli/AttestationCommands.h"
#include "app/cli/CelCommands.h"
#include "app/cli/CliSupport.h"
#include "app/cli/ExplainCommands.h"
#include "app/cli/FederationCommands.h"
#include "app/cli/GraphCommands.h"
#include "app/cli/PolicyCommands.h"
#include "app/cli/ReportCommands.h"
#include "app/cli/RuleCommands.h"
#include "app/cli/SimulationCommands.h"
#include "app/cli/SvidCommands.h"
#include "app/cli/VerifyCommands.h"
#include "app/cli/WorkspaceCommands.h"

namespace ta::cli {

const QList<Command> &commands()
{
    static const QList<Command> all = {
        {{QStringLiteral("workspace"), QStringLiteral("init")}, QStringLiteral("Create a workspace file."), workspaceInit},
        {{QStringLiteral("workspace"), QStringLiteral("passphrase")}, QStringLiteral("Change the passphrase that seals the keys."), workspacePassphrase},
        {{QStringLiteral("td"), QStringLiteral("create")}, QStringLiteral("Create a trust domain with its CA."), tdCreate},
        {{QStringLiteral("td"), QStringLiteral("list")}, QStringLiteral("List trust domains."), tdList},
        {{QStringLiteral("ca"), QStringLiteral("prepare")}, QStringLiteral("Prepare a new signing authority."), caPrepare},
        {{QStringLiteral("ca"), QStringLiteral("activate")}, QStringLiteral("Activate the prepared authority."), caActivate},
        {{QStringLiteral("ca"), QStringLiteral("taint")}, QStringLiteral("Taint an old authority."), caTaint},
        {{QStringLiteral("ca"), QStringLiteral("revoke")}, QStringLiteral("Revoke a tainted authority."), caRevoke},
        {{QStringLiteral("svid"), QStringLiteral("x509")}, QStringLiteral("Issue an X509-SVID."), svidX509},
        {{QStringLiteral("svid"), QStringLiteral("jwt")}, QStringLiteral("Issue a JWT-SVID."), svidJwt},
        {{QStringLiteral("bundle"), QStringLiteral("export")}, QStringLiteral("Export a trust bundle."), bundleExport},
        {{QStringLiteral("verify"), QStringLiteral("x509")}, QStringLiteral("Validate an X509-SVID."), verifyX509},
        {{QStringLiteral("verify"), QStringLiteral("jwt")}, QStringLiteral("Validate a JWT-SVID."), verifyJwt},
        {{QStringLiteral("anchors"), QStringLiteral("import")}, QStringLiteral("Import trust anchors and reference values."), anchorsImport},
        {{QStringLiteral("evidence"), QStringLiteral("import")}, QStringLiteral("Import an evidence recording."), evidenceImport},
        {{QStringLiteral("evidence"), QStringLiteral("verify")}, QStringLiteral("Replay evidence through the attestors."), evidenceVerify},
        {{QStringLiteral("lab"), QStringLiteral("generate")}, QStringLiteral("Generate a lab workspace and evidence."), labGenerate},
        {{QStringLiteral("cel"), QStringLiteral("eval")}, QStringLiteral("Evaluate a CEL expression."), celEval},
        {{QStringLiteral("import"), QStringLiteral("spire-entries")}, QStringLiteral("Import SPIRE registration entries."), importSpireEntries},
        {{QStringLiteral("export"), QStringLiteral("spire-entries")}, QStringLiteral("Export SPIRE registration entries."), exportSpireEntries},
        {{QStringLiteral("policy"), QStringLiteral("import")}, QStringLiteral("Save a policy set as a new version."), policyImport},
        {{QStringLiteral("policy"), QStringLiteral("export")}, QStringLiteral("Export a version of the policy set."), policyExport},
        {{QStringLiteral("policy"), QStringLiteral("versions")}, QStringLiteral("List the policy set's versions."), policyVersions},
        {{QStringLiteral("decide")}, QStringLiteral("Decide a subject's identities, with reasons."), decide},
        {{QStringLiteral("diff")}, QStringLiteral("Compare two policy sets over subjects."), policyDiff},
        {{QStringLiteral("simulate")}, QStringLiteral("Replay evidence through rules: credential lifecycles."), simulate},
        {{QStringLiteral("what-if")}, QStringLiteral("Compare two rule or anchor sets over the same evidence."), whatIf},
        {{QStringLiteral("explain")}, QStringLiteral("Explain a subject's identities at an instant."), explain},
        {{QStringLiteral("simulation"), QStringLiteral("list")}, QStringLiteral("List the saved simulation runs."), simulationList},
        {{QStringLiteral("graph"), QStringLiteral("export")}, QStringLiteral("Export the estate graph."), graphExport},
        {{QStringLiteral("graph"), QStringLiteral("analyze")}, QStringLiteral("Ask the estate graph: reach, blast radius, path, findings."), graphAnalyze},
        {{QStringLiteral("federation"), QStringLiteral("add")}, QStringLiteral("Add a federation relationship with a peer."), federationAdd},
        {{QStringLiteral("federation"), QStringLiteral("edit")}, QStringLiteral("Change a federation relationship."), federationEdit},
        {{QStringLiteral("federation"), QStringLiteral("remove")}, QStringLiteral("Remove a federation relationship."), federationRemove},
        {{QStringLiteral("federation"), QStringLiteral("list")}, QStringLiteral("List federation relationships."), federationList},
        {{QStringLiteral("federation"), QStringLiteral("import")}, QStringLiteral("Import SPIRE federation relationships."), federationImport},
        {{QStringLiteral("federation"), QStringLiteral("export")}, QStringLiteral("Export federation relationships as SPIRE's JSON."), federationExport},
        {{QStringLiteral("federation"), QStringLiteral("serve")}, QStringLiteral("Serve a trust domain's bundle endpoint."), federationServe},
        {{QStringLiteral("federation"), QStringLiteral("fetch")}, QStringLiteral("Fetch, validate and store a peer's bundle."), federationFetch},
        {{QStringLiteral("report")}, QStringLiteral("Write the audit report (HTML or PDF)."), report},
    };
    return all;
}

} // namespace ta::cli
