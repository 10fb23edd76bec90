// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/Simulation.h"

#include "core/HugePages.h"

#include <algorithm>
#include <charconv>

namespace ta::core {
namespace {

QStringList reasonCodes(const AttestationResult &r)
{
    QStringList codes;
    for (const AttestationReason &reason : r.reasons) {
        if (!codes.contains(reason.code))
            codes << reason.code;
    }
    return codes;
}

bool intersects(const QStringList &a, const QStringList &b)
{
    for (const QString &x : a) {
        if (b.contains(x))
            return true;
    }
    return false;
}

// Makes @p field share @p value's storage, unless it already does.
template <typename T>
void assignShared(T &field, const T &value)
{
    if (!field.isSharedWith(value))
        field = value;
}

// Room for @p capacity elements in @p list, advised for huge pages, its elements then moved into
// the new block. Qt 6.4's QList::reserve() copies them instead, even from a list nothing shares:
// each string of an event or credential took a reference and dropped it again, touching its heap
// block. And advising after that copy left the copy's first touch of the new block to fault it in
// 4 KiB at a time. The part the elements move into is populated in one call: a block this large
// is left to its owner by the populated arena (PopulatedArena), and a huge page touched first
// costs several times one populated.
template <typename T>
void reserveByMoving(QList<T> &list, qsizetype capacity)
{
    if (capacity <= list.capacity())
        return;
    QList<T> grown;
    grown.reserve(capacity);
    adviseHugePages(grown.constData(), size_t(grown.capacity()) * sizeof(T));
    populatePages(grown.constData(), size_t(list.size()) * sizeof(T));
    for (T &value : list)
        grown.append(std::move(value));
    list.swap(grown);
}

// "c" and @p number, the ID of a run's credential (one allocation; "c" + QString::number() made
// two).
QString credentialId(qint64 number)
{
    char text[24] = {'c'};
    const auto end = std::to_chars(text + 1, text + sizeof text, number).ptr;
    return QString::fromLatin1(text, qsizetype(end - text));
}

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// The name of the timer queue's lane for a kind of timer and a span (a TTL, the freshness): their
// timers fall due in the order they are queued.
qint64 laneName(int kind, qint64 span)
{
    return span * 3 + kind;
}

} // namespace

Simulation::Simulation(RuleSet rules, SimulationSettings settings)
    : m_rules(std::move(rules)), m_reuseDecisions(!m_rules.decidesOverTime()),
      m_settings(std::move(settings))
{
    m_run.m_checkpointInterval = qMax(1, m_settings.checkpointInterval);
    m_staleLane = laneName(int(TimerKind::Stale), m_settings.freshness);
}

void Simulation::feed(const AttestationResult &result, int subjectNumber)
{
    if (m_stopped)
        return;
    if (m_settings.until.isValid() && result.time > m_settings.until) {
        m_stopped = true;
        return;
    }
    const qint64 record = ++m_records;
    if (record == m_projectAt)
        project();
    const qint64 ms = result.time.toMSecsSinceEpoch();
    if (!m_run.m_start.isValid())
        m_run.m_start = result.time.toUTC();
    m_run.m_end = result.time.toUTC();
    fireTimersUpTo(ms);
    m_lastMs = qMax(m_lastMs, ms);
    int s = -1;
    if (subjectNumber >= 0 && size_t(subjectNumber) < m_subjectByNumber.size())
        s = m_subjectByNumber[size_t(subjectNumber)];
    if (s < 0) {
        s = m_run.subjectIndex(result.subject);
        if (subjectNumber >= 0) {
            if (size_t(subjectNumber) >= m_subjectByNumber.size())
                m_subjectByNumber.resize(size_t(subjectNumber) + 1, -1);
            m_subjectByNumber[size_t(subjectNumber)] = s;
        }
    }
    if (size_t(s) >= m_subjects.size()) {
        m_subjects.resize(size_t(s) + 1);
        m_generations.resize(size_t(s) + 1, 0);
    }
    if (result.attestor == QLatin1String("signal")) {
        m_run.m_signalSubjects.insert(s);
        if (result.accepted())
            onSignal(result, record);
        return;
    }
    if (result.accepted())
        onAccepted(s, result, record);
    else
        onRefused(s, result, record);
}

void Simulation::prefetch(int subjectNumber) const
{
    if (subjectNumber < 0 || size_t(subjectNumber) >= m_subjectByNumber.size())
        return;
    const int s = m_subjectByNumber[size_t(subjectNumber)];
    if (s >= 0)
        prefetchSubject(s);
}

void Simulation::prefetchSubject(int si) const
{
    const char *p = reinterpret_cast<const char *>(&m_subjects[size_t(si)]);
    for (size_t offset = 0; offset < sizeof(Subject); offset += 64)
        __builtin_prefetch(p + offset);
    __builtin_prefetch(&m_generations[size_t(si)]);
    m_run.prefetchHistory(si);
}

void Simulation::reserve(const SimulationSizes &sizes)
{
    reserveGrowing(sizes);
    m_run.m_subjectNames.reserve(sizes.subjects);
    m_run.m_subjectIndex.reserve(sizes.subjects);
    m_run.m_historyLast.reserve(size_t(sizes.subjects));
    m_subjects.reserve(size_t(sizes.subjects));
    m_generations.reserve(size_t(sizes.subjects));
    m_subjectByNumber.reserve(size_t(sizes.subjects));
}

void Simulation::reserveGrowing(const SimulationSizes &sizes)
{
    // The two largest tables a run fills, reserved at what it projects.
    reserveByMoving(m_run.m_events, sizes.events);
    reserveByMoving(m_run.m_credentials, sizes.credentials);
    m_expireSeq.reserve(size_t(sizes.credentials));
    m_credentialSubject.reserve(size_t(sizes.credentials));
    m_run.m_deltas.reserve(size_t(sizes.changes));
    m_run.m_history.reserve(size_t(sizes.history));
}

void Simulation::expectRecords(qint64 records)
{
    m_expectedRecords = records;
    // Below a few thousand records the tables are small enough to grow.
    m_projectAt = records >= 4096 ? records / 16 : 0;
}

void Simulation::project()
{
    // What the records fed so far hold, scaled to the records expected and an eighth over;
    // never more than 16 entries a record expected, however a table started.
    const double scale = double(m_expectedRecords) / double(m_records) * 1.125;
    const double most = double(m_expectedRecords) * 16.0;
    const auto room = [&](qsizetype held) {
        return qsizetype(qMin(double(held) * scale, most)) + 64;
    };
    SimulationSizes s;
    s.events = room(m_run.m_events.size());
    s.credentials = room(m_run.m_credentials.size());
    s.changes = room(qsizetype(m_run.m_deltas.size()));
    s.history = room(qsizetype(m_run.m_history.size()));
    reserveGrowing(s);
    // Again at a quarter, for a timeline whose first sixteenth (before any renewal, say) was
    // not like the rest.
    const qint64 next = m_projectAt * 4;
    m_projectAt = next * 2 <= m_expectedRecords ? next : 0;
}

SimulationRun Simulation::finish()
{
    if (m_settings.until.isValid()) {
        fireTimersUpTo(m_settings.until.toMSecsSinceEpoch());
        m_run.m_end = m_settings.until.toUTC();
    }
    m_run.m_summary.records = m_records;
    m_run.m_summary.subjects = m_run.subjectCount();
    return std::move(m_run);
}

void Simulation::fireTimersUpTo(qint64 ms)
{
    Timer t{};
    while (m_timers.popDue(ms, t))
        onTimer(t);
}

void Simulation::onTimer(const Timer &t)
{
    const QDateTime at = fromMs(t.atMs);
    switch (t.kind) {
    case TimerKind::Renew: {
        SimulatedCredential &c = m_run.m_credentials[t.id];
        if (c.endedAt.isValid())
            return;
        const int si = m_credentialSubject[size_t(t.id)];
        Subject &s = subject(si);
        // Not renewed: it expires at not-after, unless something ends it first.
        const auto expire = [&] {
            schedule(c.notAfter.toMSecsSinceEpoch(), m_expireSeq[size_t(t.id)], TimerKind::Expire,
                     t.id, c.ttl);
        };
        if (!holds(s) || !s.hasDecision)
            return expire();
        // A renewal is a new decision at its own instant: an entry past expires_at, or a
        // condition over time, may no longer give the identity. Not drift: it just expires.
        RuleSet::Outcome decided;
        if (!s.outcomeKept) {
            PolicySubject now = s.decided;
            now.setTime(at);
            decided = m_rules.decide(now);
        }
        const RuleSet::Outcome &o = s.outcomeKept ? s.outcome : decided;
        for (const RuleSet::Grant &g : o.grants) {
            if (g.spiffeId == c.spiffeId) {
                issue(si, g, at, 0, t.id);
                return;
            }
        }
        return expire();
    }
    case TimerKind::Expire: {
        SimulatedCredential &c = m_run.m_credentials[t.id];
        if (c.endedAt.isValid())
            return;
        c.end = SimulatedCredential::End::Expired;
        c.endedAt = at;
        Subject &s = subject(m_credentialSubject[size_t(t.id)]);
        s.live.erase(c.spiffeId);
        s.liveAsGranted = false;
        m_run.record(t.atMs, SimulationRun::Change::CredentialOff, t.id);
        SimulationEvent e;
        e.at = at;
        e.kind = SimulationEvent::Kind::Expired;
        e.subject = c.subject;
        e.spiffeId = c.spiffeId;
        e.credential = c.id;
        e.rule = c.rule;
        log(std::move(e));
        return;
    }
    case TimerKind::Stale:
        // Most deadlines lapse their subject (or are passed over on its generation): load the
        // one that falls due some deadlines later, as the replay loads records ahead.
        if (const Timer *next = m_timers.ahead(m_staleLane, kStaleAhead))
            prefetchSubject(next->id);
        onStale(t.id, t.atMs, t.generation);
        return;
    }
}

void Simulation::onStale(int si, qint64 atMs, quint64 generation)
{
    if (m_generations[size_t(si)] != generation)
        return;
    Subject &s = subject(si);
    if (!s.attested)
        return;
    const QDateTime at = fromMs(atMs);
    setAttested(si, false, atMs);
    m_run.addHistory(si, atMs, SubjectHistoryEntry::Kind::Stale, 0);
    revokeAll(si, at, 0, {QStringLiteral("evidence_stale")});
    if (s.isNode)
        lapseWorkloads(si, at, 0);
}

void Simulation::onSignal(const AttestationResult &result, qint64 record)
{
    // The verifier applied the revocation to its own state; here every subject whose current
    // attestation rests on the key or anchor loses it, nodes taking their workloads along.
    const QStringList keys = result.keyFingerprints;
    const QStringList anchors = result.anchorIds;
    const QDateTime at = result.time;
    const qint64 ms = at.toMSecsSinceEpoch();
    // Everything resting on the key or anchor itself goes first, with key_revoked; then the
    // workloads of nodes that went, with node_revoked.
    std::vector<int> nodes;
    for (int i = 0; i < int(m_subjects.size()); ++i) {
        Subject &s = subject(i);
        if (!s.attested && s.live.empty())
            continue;
        if (!intersects(s.keyFingerprints, keys) && !intersects(s.anchorIds, anchors))
            continue;
        ++m_generations[size_t(i)];
        if (s.attested) {
            setAttested(i, false, ms);
            m_run.addHistory(i, ms, SubjectHistoryEntry::Kind::Revoked, record);
        }
        revokeAll(i, at, record, {QStringLiteral("key_revoked")});
        if (s.isNode)
            nodes.push_back(i);
    }
    for (int node : nodes)
        lapseWorkloads(node, at, record);
}

void Simulation::onRefused(int si, const AttestationResult &result, qint64 record)
{
    Subject &s = subject(si);
    const QStringList codes = reasonCodes(result);
    const qint64 ms = result.time.toMSecsSinceEpoch();
    ++m_generations[size_t(si)];
    if (s.attested)
        setAttested(si, false, ms);
    m_run.addHistory(si, ms, SubjectHistoryEntry::Kind::Refused, record,
                     m_run.addHistoryList(codes));
    revokeAll(si, result.time, record, codes);
    if (s.isNode)
        lapseWorkloads(si, result.time, record);
}

void Simulation::onAccepted(int si, const AttestationResult &result, qint64 record)
{
    const qint64 ms = result.time.toMSecsSinceEpoch();
    bool claimsChanged = false;
    {
        // The claims of the subject's last decision: kept results share equal claims, so this
        // compares an address while they do not change.
        Subject &s = subject(si);
        if (s.decided.claims() != result.claims) {
            const QJsonObject workload = result.claims.value(QLatin1String("workload")).toObject();
            s.decided.setClaims(result.claims);
            s.workloadClaims = !workload.isEmpty();
            s.workloadAgentId = workload.value(QLatin1String("agent_id")).toString();
            claimsChanged = true;
        } else {
            // Equal claims in other storage (a first run builds them per record): share the
            // new storage, so that the decision's own comparison below is of addresses.
            s.decided.setClaims(result.claims);
        }
    }
    const bool isWorkload = subject(si).workloadClaims;
    {
        Subject &s = subject(si);
        s.lastRecord = record;
        ++m_generations[size_t(si)];
        assignShared(s.selectors, result.selectors);
        assignShared(s.keyFingerprints, result.keyFingerprints);
        assignShared(s.anchorIds, result.anchorIds);
        if (isWorkload) {
            s.isNode = false;
            if (s.agentId != s.workloadAgentId) {
                s.agentId = s.workloadAgentId;
                s.nodeVersion = 0;
            }
        } else if (!result.agentId.isEmpty()) {
            s.isNode = true;
            if (!s.agentId.isEmpty() && s.agentId != result.agentId) {
                m_nodeByAgent.remove(s.agentId);
                ++m_nodeMapVersion;
            }
            if (s.agentId != result.agentId) {
                s.agentId = result.agentId;
                s.nodeVersion = 0;
            }
            const auto it = m_nodeByAgent.constFind(s.agentId);
            if (it == m_nodeByAgent.constEnd() || *it != si) {
                m_nodeByAgent.insert(s.agentId, si);
                ++m_nodeMapVersion;
            }
        }
        if (!s.attested)
            setAttested(si, true, ms);
        scheduleStale(si, ms);
    }
    QStringList nodeSelectors;
    const int node = isWorkload ? nodeOf(subject(si)) : -1;
    if (node >= 0) {
        if (Subject &w = subject(si); w.listedUnder != node) {
            m_workloadsOfNode[node].insert(si);
            w.listedUnder = node;
        }
        nodeSelectors = subject(node).selectors;
    }
    Subject &s = subject(si);
    // A subject re-attesting with the same facts is decided as before, unless time matters.
    const bool changed =
        s.decided.updateFrom(result, nodeSelectors, s.workloadAgentId) || claimsChanged;
    const bool same = s.outcomeKept && !changed;
    s.hasDecision = true;
    const bool mayHold = holds(s);
    const bool kept = mayHold && same;
    if (kept && s.liveAsGranted) {
        // The kept decision, with a credential live for each identity it grants: nothing to
        // issue, revoke or deny again (a kept outcome's denials were logged at its onset).
        m_run.addHistory(si, ms, SubjectHistoryEntry::Kind::Attested, record, s.grantedList);
        return;
    }
    // The kept decision with some of its credentials gone (a lapse revoked them, or one expired
    // while the workload's node was missing): what it grants and is not live is issued again.
    RuleSet::Outcome o;
    QStringList granted;
    int grantedList = -1;
    if (kept) {
        o = s.outcome;
        grantedList = s.grantedList;
    } else {
        if (mayHold)
            o = m_rules.decide(s.decided);
        for (const RuleSet::Grant &g : o.grants)
            granted << g.spiffeId;
        grantedList = m_run.addHistoryList(granted);
    }
    s.outcomeKept = mayHold && m_reuseDecisions;
    s.outcome = s.outcomeKept ? o : RuleSet::Outcome();
    s.grantedList = s.outcomeKept ? grantedList : -1;
    m_run.addHistory(si, ms, SubjectHistoryEntry::Kind::Attested, record, grantedList);

    QSet<QString> denied;
    for (const RuleSet::Denial &d : o.denials) {
        denied.insert(d.spiffeId);
        if (s.denied.contains(d.spiffeId))
            continue;
        SimulationEvent e;
        e.at = result.time;
        e.kind = SimulationEvent::Kind::Denied;
        e.subject = result.subject;
        e.spiffeId = d.spiffeId;
        e.record = record;
        e.rule = d.rule;
        log(std::move(e));
    }
    s.denied = denied;

    // Drift first: what is held and no longer granted goes at once. Under a kept decision
    // nothing can be: a credential is issued from the decision it was granted by and renewed
    // under its SPIFFE ID, and a new decision replaces a kept one.
    std::vector<int> gone;
    for (const auto &[id, cred] : s.live) {
        if (!kept && !granted.contains(id))
            gone.push_back(cred);
    }
    for (int cred : gone) {
        const QStringList reason{mayHold ? QStringLiteral("no_longer_granted")
                                         : QStringLiteral("node_revoked")};
        const QString detail =
            mayHold ? m_rules.whyNot(s.decided, m_run.m_credentials[cred].rule) : QString();
        revoke(cred, result.time, record, reason, detail);
    }
    for (const RuleSet::Grant &g : o.grants) {
        if (subject(si).live.count(g.spiffeId) == 0)
            issue(si, g, result.time, record, -1);
    }
    subject(si).liveAsGranted = true;
}

int Simulation::nodeOf(const QString &agentId) const
{
    return agentId.isEmpty() ? -1 : m_nodeByAgent.value(agentId, -1);
}

int Simulation::nodeOf(const Subject &s) const
{
    if (s.nodeVersion != m_nodeMapVersion) {
        s.node = nodeOf(s.agentId);
        s.nodeVersion = m_nodeMapVersion;
    }
    return s.node;
}

bool Simulation::holds(const Subject &s) const
{
    if (!s.attested)
        return false;
    if (s.isNode || s.agentId.isEmpty())
        return true;
    // A workload rests on its node: without an attested node it holds nothing. A workload that
    // names no agent (not a SPIRE workload) rests on itself.
    const int node = nodeOf(s);
    if (node < 0)
        return !s.workloadClaims;
    return m_subjects[size_t(node)].attested;
}

qint32 Simulation::ttlOf(const RuleSet::Grant &grant) const
{
    return grant.x509SvidTtl > 0 ? grant.x509SvidTtl : m_settings.defaultX509SvidTtl;
}

void Simulation::issue(int si, const RuleSet::Grant &grant, const QDateTime &at, qint64 record,
                       int replaces)
{
    const int index = int(m_run.m_credentials.size());
    const qint32 ttl = ttlOf(grant);
    SimulatedCredential c;
    c.id = credentialId(index + 1);
    c.subject = m_run.m_subjectNames.at(si);
    c.spiffeId = grant.spiffeId;
    c.rule = grant.rule;
    c.ttl = ttl;
    c.notBefore = at.toUTC();
    c.notAfter = c.notBefore.addSecs(ttl);
    Subject &s = subject(si);
    c.ownRecord = s.lastRecord;
    if (!s.isNode) {
        const int node = nodeOf(s);
        if (node >= 0)
            c.nodeRecord = subject(node).lastRecord;
    }
    const qint64 ms = at.toMSecsSinceEpoch();
    if (replaces >= 0) {
        SimulatedCredential &old = m_run.m_credentials[replaces];
        old.end = SimulatedCredential::End::Renewed;
        old.endedAt = c.notBefore;
        old.replacedBy = c.id;
        c.replaces = old.id;
        m_run.record(ms, SimulationRun::Change::CredentialOff, replaces);
    }
    SimulationEvent e;
    e.at = c.notBefore;
    e.kind = replaces < 0 ? SimulationEvent::Kind::Issued : SimulationEvent::Kind::Renewed;
    e.subject = c.subject;
    e.spiffeId = c.spiffeId;
    e.credential = c.id;
    e.replaces = c.replaces;
    e.record = record;
    e.rule = c.rule;
    e.notAfter = c.notAfter;
    m_run.m_credentials.append(std::move(c));
    s.live[grant.spiffeId] = index;
    m_run.record(ms, SimulationRun::Change::CredentialOn, index);
    // Renewal at half the TTL, as SPIRE agents rotate; expiry at not-after unless renewed (its
    // timer is queued by the Renew timer when that does not renew).
    schedule(ms + qint64(ttl) * 500, m_seq++, TimerKind::Renew, index, ttl);
    m_expireSeq.push_back(m_seq++);
    m_credentialSubject.push_back(si);
    log(std::move(e));
}

void Simulation::revokeAll(int si, const QDateTime &at, qint64 record, const QStringList &reason)
{
    std::vector<int> creds;
    for (const auto &[id, cred] : subject(si).live)
        creds.push_back(cred);
    for (int cred : creds)
        revoke(cred, at, record, reason);
}

void Simulation::revoke(int credential, const QDateTime &at, qint64 record,
                        const QStringList &reason, const QString &detail)
{
    SimulatedCredential &c = m_run.m_credentials[credential];
    c.end = SimulatedCredential::End::Revoked;
    c.endedAt = at.toUTC();
    c.revokeReason = reason;
    c.revokedByRecord = record;
    Subject &s = subject(m_credentialSubject[size_t(credential)]);
    s.live.erase(c.spiffeId);
    s.liveAsGranted = false;
    m_run.record(at.toMSecsSinceEpoch(), SimulationRun::Change::CredentialOff, credential);
    SimulationEvent e;
    e.at = c.endedAt;
    e.kind = SimulationEvent::Kind::Revoked;
    e.subject = c.subject;
    e.spiffeId = c.spiffeId;
    e.credential = c.id;
    e.record = record;
    e.rule = c.rule;
    e.reason = reason;
    e.detail = detail;
    log(std::move(e));
}

void Simulation::lapseWorkloads(int node, const QDateTime &at, qint64 record)
{
    const QSet<int> workloads = m_workloadsOfNode.value(node);
    std::vector<int> ordered(workloads.cbegin(), workloads.cend());
    // Subjects in order of first appearance, so that the log does not depend on hashing.
    std::sort(ordered.begin(), ordered.end());
    const qint64 ms = at.toMSecsSinceEpoch();
    for (int w : ordered) {
        Subject &s = subject(w);
        if (s.isNode || nodeOf(s) != node)
            continue;
        if (s.attested) {
            ++m_generations[size_t(w)];
            setAttested(w, false, ms);
            m_run.addHistory(w, ms, SubjectHistoryEntry::Kind::NodeLapsed, record);
        }
        revokeAll(w, at, record, {QStringLiteral("node_revoked")});
    }
}

void Simulation::setAttested(int si, bool attested, qint64 ms)
{
    subject(si).attested = attested;
    m_run.record(
        ms, attested ? SimulationRun::Change::SubjectOn : SimulationRun::Change::SubjectOff, si);
}

void Simulation::scheduleStale(int si, qint64 ms)
{
    m_timers.push({ms + m_settings.freshness * 1000, m_seq++, TimerKind::Stale, si,
                   m_generations[size_t(si)]},
                  m_staleLane);
}

void Simulation::schedule(qint64 atMs, quint64 seq, TimerKind kind, int id, qint32 ttl)
{
    m_timers.push({atMs, seq, kind, id, 0}, laneName(int(kind), ttl));
}

void Simulation::log(SimulationEvent event)
{
    SimulationRun::Summary &sum = m_run.m_summary;
    switch (event.kind) {
    case SimulationEvent::Kind::Issued:
        ++sum.issued;
        break;
    case SimulationEvent::Kind::Renewed:
        ++sum.renewed;
        break;
    case SimulationEvent::Kind::Expired:
        ++sum.expired;
        break;
    case SimulationEvent::Kind::Revoked:
        ++sum.revoked;
        break;
    case SimulationEvent::Kind::Denied:
        ++sum.denied;
        break;
    }
    if (m_sink)
        m_sink(event);
    m_run.m_events.append(std::move(event));
}

} // namespace ta::core
