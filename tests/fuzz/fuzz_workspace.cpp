// SPDX-License-Identifier: Apache-2.0
// A corrupted workspace file: the bytes written to a temporary file, opened with the fixtures'
// passphrase (tests/data/workspaces/passphrase.txt; a file without one opens in clear), then
// everything a user's first look reads: trust domains with their authorities and bundles,
// credentials, anchors, the evidence count and each record, and the rule versions.
#include "FuzzSupport.h"

#include "core/attestation/AnchorSet.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/store/AttestationStore.h"
#include "core/store/RuleStore.h"
#include "core/store/Workspace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace ta::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ta::fuzz::ensureApplication();
    static const bool quiet = (ta::fuzz::quietQt(), true);
    (void)quiet;
    static const QByteArray passphrase =
        ta::fuzz::fixture("../workspaces/passphrase.txt").trimmed();
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fuzz.atlas"));
    for (const QString &name : QDir(dir.path()).entryList(QDir::Files))
        QFile::remove(dir.filePath(name));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            std::abort();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }

    (void)Workspace::needsPassphrase(path);
    auto ws = Workspace::open(path, passphrase);
    if (!ws) {
        ta::fuzz::note(ws.error().toString());
        return 0;
    }
    Workspace &w = **ws;
    (void)w.keyProtection();
    for (const QString &name : w.trustDomainNames()) {
        (void)w.trustDomainInfo(name);
        (void)w.authority(name);
        (void)w.bundle(name);
        (void)w.credentials(name);
    }
    (void)w.credentials();
    AttestationStore attestation(w.database());
    (void)attestation.anchors();
    if (auto count = attestation.evidenceCount())
        ta::fuzz::note(QStringLiteral("%1 trust domains, %2 evidence records")
                           .arg(w.trustDomainNames().size())
                           .arg(*count));
    qint64 seen = 0;
    (void)attestation.forEachEvidence([&](const EvidenceRecord &) { ++seen; });
    RuleStore rules(w.database());
    for (RuleKind kind : {RuleKind::Policies, RuleKind::Entries}) {
        if (auto versions = rules.versions(kind)) {
            for (const RuleVersion &v : std::as_const(*versions))
                (void)rules.load(kind, v.version);
        }
    }
    (void)rules.entries();
    return 0;
}
