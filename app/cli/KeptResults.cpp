// SPDX-License-Identifier: Apache-2.0
#include "app/cli/KeptResults.h"

#include "core/simulation/ResultSealKey.h"

#include <cstdio>

#include <unistd.h>

namespace ta::cli {

void addVerifyAllOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("verify-all"),
                      QStringLiteral("Verify every record's signatures, neither reading nor "
                                     "keeping attestation results in the workspace.")});
}

namespace {

// The user's seal key, unless --verify-all; empty (said on a terminal) when there is none.
QByteArray sealKey(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("verify-all")))
        return {};
    auto key = core::ResultSealKey::forThisUser();
    if (!key) {
        if (isatty(fileno(stderr)))
            std::fprintf(stderr, "trustatlas-cli: attestation results are not kept: %s\n",
                         key.error().toString().toUtf8().constData());
        return {};
    }
    return *key;
}

} // namespace

std::shared_ptr<core::StoredReplayResults> openKeptResults(const QCommandLineParser &parser,
                                                           const core::Workspace &workspace)
{
    const QByteArray key = sealKey(parser);
    if (key.isEmpty())
        return {};
    auto stored = core::StoredReplayResults::open(workspace.path(), key);
    if (!stored) {
        if (isatty(fileno(stderr)))
            std::fprintf(stderr, "trustatlas-cli: attestation results are not kept: %s\n",
                         stored.error().toString().toUtf8().constData());
        return {};
    }
    return std::move(*stored);
}

std::shared_ptr<core::StoredReplayResults>
keepResults(const QCommandLineParser &parser, core::TimelineReplay &replay,
            core::Workspace &workspace, std::shared_ptr<core::TimelineReplay::StoredWork> work)
{
    QByteArray key = sealKey(parser);
    if (key.isEmpty())
        return {};
    auto stored = std::make_shared<core::StoredReplayResults>(workspace.database(), std::move(key));
    replay.setStoredResults(stored, std::move(work));
    return stored;
}

void tellWhereResultsCameFrom(const core::TimelineReplay &replay,
                              const std::shared_ptr<core::StoredReplayResults> &stored)
{
    tellWhereResultsCameFrom(replay.storedWork(), stored);
}

void tellWhereResultsCameFrom(const core::TimelineReplay::StoredWork &work,
                              const std::shared_ptr<core::StoredReplayResults> &stored)
{
    if (!stored || !isatty(fileno(stderr)))
        return;
    if (work.loaded > 0)
        std::fputs("trustatlas-cli: attestation results read from the workspace, as you verified "
                   "them before; --verify-all verifies every signature again\n",
                   stderr);
    else if (const auto error = stored->lastSaveError())
        std::fprintf(stderr, "trustatlas-cli: attestation results not kept in the workspace: %s\n",
                     error->toString().toUtf8().constData());
}

} // namespace ta::cli
