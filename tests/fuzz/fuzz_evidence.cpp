// SPDX-License-Identifier: Apache-2.0
// An evidence recording (JSON Lines) replayed through every built-in attestor, against the
// anchors and the bundle of the lab workspace that wrote the seeds (tests/data/fuzz/lab.*): the
// reader, each record's fields, and each attestor's payload in its wire format (k8s_psat and
// gcp_iit JWS, aws_iid PKCS#7, TPM quotes, x509pop chains, cosign signatures, signals). A fresh
// verifier per input, one thread, so a run is deterministic.
#include "FuzzSupport.h"
#include "PlainJsonAgreement.h"

#include "core/JsonInput.h"
#include "core/attestation/AnchorSet.h"
#include "core/attestation/EvidenceReader.h"
#include "core/attestation/EvidenceRecord.h"
#include "core/attestation/EvidenceVerifier.h"
#include "core/attestation/NestedLine.h"
#include "core/attestation/PlainJson.h"
#include "core/spiffe/TrustBundle.h"
#include "core/spiffe/TrustBundleSet.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cstdlib>

using namespace ta::core;

namespace {

struct Fixture
{
    AnchorSet anchors = AnchorSet::fromImportJson(ta::fuzz::fixture("lab.anchors.json")).value();
    TrustBundleSet bundles;
    AttestationSettings settings;
    Fixture()
    {
        settings.trustDomain = TrustDomain::fromName(QStringLiteral("lab.example")).value();
        bundles.insert(
            TrustBundle::fromJwks(settings.trustDomain, ta::fuzz::fixture("lab.bundle.json"))
                .value());
    }
};

/// Aborts unless Qt's parser reads @p plain from @p line, as the general way would.
void checkPlainAsQt(const QByteArray &line, const EvidenceRecord &plain)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject() ||
        !JsonInput::checkDuplicateKeys(line))
        std::abort();
    const QJsonObject o = doc.object();
    const auto time = EvidenceRecord::parseTime(o.value(QLatin1String("time")).toString());
    if (o.size() != 4 || !time || *time != plain.time ||
        o.value(QLatin1String("attestor")).toString() != plain.attestor ||
        o.value(QLatin1String("subject")).toString() != plain.subject ||
        o.value(QLatin1String("payload")).toObject() != plain.payload.object() ||
        !plain.payload.isPlain())
        std::abort();
    // Each member read from the bytes as from Qt's object: its value and its Latin-1 bytes.
    const QJsonObject payload = o.value(QLatin1String("payload")).toObject();
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        const QByteArray name = it.key().toLatin1();
        if (plain.payload.value(QLatin1StringView(name)) != it.value() ||
            plain.payload.latin1(QLatin1StringView(name)) != it.value().toString().toLatin1())
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = (ta::fuzz::quietQt(), true);
    (void)quiet;
    static const Fixture f;
    QByteArray input = ta::fuzz::bytes(data, size);

    // Each line alone, as the record parser sees it; where the plain reading takes a line, Qt's
    // parser must read the same record from it, with no duplicate names (else abort).
    for (const QByteArray &line : input.split('\n')) {
        if (auto record = EvidenceRecord::fromJsonLine(line))
            (void)EvidenceRecord::formatTime(record->time);
        if (const auto plain = EvidenceRecord::fromCanonicalLine(line))
            checkPlainAsQt(line, *plain);
        // The payload copied out of a view rather than sharing the line's bytes.
        if (const auto plain = EvidenceRecord::fromCanonicalLine(QByteArrayView(line)))
            checkPlainAsQt(line, *plain);
        // The same for the plain objects a workload token's claims are read from.
        if (const auto members = PlainJson::object(line);
            members && !plainJsonDisagreement(line, *members).isEmpty())
            std::abort();
        // And a node's nested line, with what the reader kept from the inputs before.
        static NestedLine nested;
        if (const auto read = nested.read(line)) {
            QJsonParseError err{};
            const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
            if (err.error != QJsonParseError::NoError || !doc.isObject() || doc.object() != *read)
                std::abort();
        }
    }

    // The whole stream through the verifier, as `evidence verify` replays it.
    EvidenceVerifier verifier(f.anchors, f.bundles, f.settings);
    verifier.setThreads(1);
    QBuffer buffer(&input);
    buffer.open(QIODevice::ReadOnly);
    qint64 results = 0;
    auto n = verifier.verifyStream(buffer, [&](const AttestationResult &r) {
        ++results;
        if (ta::fuzz::verbose())
            ta::fuzz::note(r.attestor + QLatin1Char(' ') + verdictName(r.verdict()) +
                           QLatin1Char(' ') +
                           (r.reasons.isEmpty() ? QString() : r.reasons.first().code));
    });
    if (!n)
        ta::fuzz::note(n.error().toString());
    return 0;
}
