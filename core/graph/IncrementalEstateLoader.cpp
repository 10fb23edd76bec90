// SPDX-License-Identifier: Apache-2.0
#include "core/graph/IncrementalEstateLoader.h"

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
    Estate next = m_base;
    auto fail = [this](const Error &e) -> Result<Estate> {
        reset();
        return e;
    };
    if (auto r = EstateLoader::readTrustDomains(workspace, next); !r)
        return fail(r.error());
    if (auto r = EstateLoader::readAnchors(workspace, next); !r)
        return fail(r.error());
    auto rules = EstateLoader::readRules(workspace, next, m_options.policyVersion);
    if (!rules)
        return fail(rules.error());
    if (auto r = EstateLoader::readFederation(workspace, next); !r)
        return fail(r.error());
    if (auto r = EstateLoader::readCredentials(workspace, next); !r)
        return fail(r.error());
    auto mark = evidenceMark(workspace);
    if (!mark)
        return fail(mark.error());
    const QByteArray anchors = QJsonDocument(next.anchors.toJson()).toJson(QJsonDocument::Compact);
    const bool replay = !m_valid || !sameAuthorities(next.trustDomains, m_base.trustDomains) ||
                        anchors != m_anchors || !(*rules == m_rules) || !(*mark == m_evidence);
    if (replay) {
        if (auto r = EstateLoader::replayEvidence(workspace, next, *rules, m_options); !r)
            return fail(r.error());
        ++m_replays;
    }
    m_base = next;
    m_rules = *rules;
    m_anchors = anchors;
    m_evidence = *mark;
    m_valid = true;
    EstateLoader::applyDesign(workspace, next);
    return next;
}

} // namespace ta::core
