// SPDX-License-Identifier: Apache-2.0
#include "core/graph/IncrementalEstateLoader.h"

#include "core/graph/GraphErrors.h"
#include "core/store/Workspace.h"

#include <QJsonDocument>

namespace ta::core {

namespace {

bool sameAuthorities(const QList<EstateTrustDomain> &a, const QList<EstateTrustDomain> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).name != b.at(i).name ||
            a.at(i).authorities.size() != b.at(i).authorities.size())
            return false;
        for (qsizetype j = 0; j < a.at(i).authorities.size(); ++j) {
            const EstateAuthority &x = a.at(i).authorities.at(j);
            const EstateAuthority &y = b.at(i).authorities.at(j);
            // A slot's ID names its key: the same slots in the same states make the same bundle.
            if (x.id != y.id || x.kind != y.kind || x.status != y.status ||
                x.tainted != y.tainted || x.notAfter != y.notAfter)
                return false;
        }
    }
    return true;
}

} // namespace

Result<IncrementalEstateLoader::EvidenceMark>
IncrementalEstateLoader::evidenceMark(Workspace &workspace)
{
    auto st = workspace.database().prepare(
        QStringLiteral("SELECT count(*), coalesce(max(rowid), 0) FROM evidence_records"));
    if (!st)
        return st.error();
    if (!st->next()) {
        if (st->error())
            return *st->error();
        return EvidenceMark{};
    }
    return EvidenceMark{st->int64(0), st->int64(1)};
}

void IncrementalEstateLoader::reset()
{
    m_valid = false;
    m_base = Estate();
    m_rules = EstateRuleSource();
    m_anchors.clear();
    m_evidence = EvidenceMark();
}

Result<Estate> IncrementalEstateLoader::load(Workspace &workspace)
{
    auto pending = prepare(workspace);
    if (!pending)
        return pending.error();
    if (auto r = replay(*pending, m_options); !r) {
        reset();
        return r.error();
    }
    return finish(workspace, std::move(*pending));
}

Result<IncrementalEstateLoader::Pending>
IncrementalEstateLoader::prepare(Workspace &workspace, const EstateLoader::ReplaySetup &setup)
{
    Pending p;
    p.m_next = m_base;
    Estate &next = p.m_next;
    auto fail = [this](const Error &e) -> Result<Pending> {
        reset();
        return e;
    };
    auto rules = EstateLoader::readAllButEvidence(workspace, next, m_options);
    if (!rules)
        return fail(rules.error());
    p.m_rules = std::move(*rules);
    auto mark = evidenceMark(workspace);
    if (!mark)
        return fail(mark.error());
    p.m_mark = *mark;
    p.m_anchors = QJsonDocument(next.anchors.toJson()).toJson(QJsonDocument::Compact);
    p.m_replay = !m_valid || !sameAuthorities(next.trustDomains, m_base.trustDomains) ||
                 p.m_anchors != m_anchors || !(p.m_rules == m_rules) || !(p.m_mark == m_evidence);
    if (p.m_replay) {
        auto input = EstateLoader::readReplayInput(workspace, m_options, setup);
        if (!input)
            return fail(input.error());
        p.m_input = std::move(*input);
    }
    return p;
}

Result<void> IncrementalEstateLoader::replay(Pending &pending, const EstateLoadOptions &options)
{
    if (!pending.m_replay)
        return {};
    pending.m_replayed = false;
    if (auto r =
            EstateLoader::replayEvidence(pending.m_input, pending.m_next, pending.m_rules, options);
        !r)
        return r.error();
    pending.m_replayed = true;
    // Only the estate is needed from here on.
    pending.m_input = EstateReplayInput();
    return {};
}

Result<Estate> IncrementalEstateLoader::finish(Workspace &workspace, Pending pending)
{
    if (pending.m_replay && !pending.m_replayed) {
        reset();
        return makeError(ec::EstateCancelled);
    }
    if (pending.m_replay)
        ++m_replays;
    m_base = pending.m_next;
    m_rules = std::move(pending.m_rules);
    m_anchors = std::move(pending.m_anchors);
    m_evidence = pending.m_mark;
    m_valid = true;
    Estate next = std::move(pending.m_next);
    EstateLoader::applyDesign(workspace, next);
    return next;
}

} // namespace ta::core
