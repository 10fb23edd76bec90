// SPDX-License-Identifier: Apache-2.0
#pragma once

// A timeline replay over the lab fixture's anchors and CA, for the simulation tests.
#include "../attestation/LabFixture.h"

#include "core/simulation/TimelineReplay.h"

#include <QJsonDocument>

namespace ta::core::test {

/// Replays @p records under @p f's anchors and trust bundle, on @p threads checking threads.
inline TimelineReplay labReplay(const LabFixture &f, const QList<EvidenceRecord> &records,
                                int threads = 1)
{
    auto set = AnchorSet::fromImportJson(QJsonDocument(f.anchorsJson()).toJson());
    if (!set)
        qFatal("anchors: %s", qPrintable(set.error().toString()));
    AttestationSettings s;
    s.trustDomain = f.td;
    TimelineReplay r(*set, f.bundles(), s);
    r.setRecords(records);
    r.setThreads(threads);
    return r;
}

} // namespace ta::core::test
