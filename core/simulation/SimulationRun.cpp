// SPDX-License-Identifier: Apache-2.0
#include "core/simulation/SimulationRun.h"

#include <algorithm>

namespace ta::core {

QJsonObject SimulationRun::Summary::toJson() const
{
    return {{QStringLiteral("summary"), QJsonObject{{QStringLiteral("records"), records},
                                                    {QStringLiteral("subjects"), subjects},
                                                    {QStringLiteral("issued"), issued},
                                                    {QStringLiteral("renewed"), renewed},
                                                    {QStringLiteral("expired"), expired},
                                                    {QStringLiteral("revoked"), revoked},
                                                    {QStringLiteral("denied"), denied}}}};
}

const SimulatedCredential *SimulationRun::credential(const QString &id) const
{
    // IDs are "c<n>" with n the 1-based issue position.
    if (!id.startsWith(QLatin1Char('c')))
        return nullptr;
    bool ok = false;
    const qsizetype n = id.mid(1).toLongLong(&ok);
    if (!ok || n < 1 || n > m_credentials.size())
        return nullptr;
    return &m_credentials.at(n - 1);
}

QList<SimulatedCredential> SimulationRun::credentialsOf(const QString &subject) const
{
    QList<SimulatedCredential> out;
    for (const SimulatedCredential &c : m_credentials) {
        if (c.subject == subject)
            out << c;
    }
    return out;
}

QStringList SimulationRun::subjects() const
{
    QStringList out;
    for (int i = 0; i < m_subjectNames.size(); ++i) {
        if (!m_signalSubjects.contains(i))
            out << m_subjectNames.at(i);
    }
    out.sort();
    return out;
}

QList<SubjectHistoryEntry> SimulationRun::history(const QString &subject) const
{
    QList<SubjectHistoryEntry> out;
    const auto it = m_subjectIndex.constFind(HashedString(subject));
    if (it == m_subjectIndex.constEnd())
        return out;
    for (qsizetype i = m_historyLast[size_t(*it)]; i >= 0; i = m_history[size_t(i)].previous) {
        const HistoryLink &link = m_history[size_t(i)];
        SubjectHistoryEntry e;
        e.at = QDateTime::fromMSecsSinceEpoch(link.atMs, Qt::UTC);
        e.kind = link.kind;
        e.record = link.record;
        (link.kind == SubjectHistoryEntry::Kind::Refused ? e.reasons : e.granted) =
            historyList(link.list);
        out.append(std::move(e));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

int SimulationRun::addHistoryList(const QStringList &list)
{
    if (list.isEmpty())
        return -1;
    m_historyLists.push_back(list);
    return int(m_historyLists.size() - 1);
}

void SimulationRun::addHistory(int subject, qint64 atMs, SubjectHistoryEntry::Kind kind,
                               qint64 record, int list)
{
    qsizetype &last = m_historyLast[size_t(subject)];
    m_history.push_back({atMs, record, last, list, kind});
    last = qsizetype(m_history.size() - 1);
}

QList<SimulationRun::AttestationChange> SimulationRun::attestationChanges() const
{
    QList<AttestationChange> out;
    for (const Delta &d : m_deltas) {
        if (d.change == Change::SubjectOn || d.change == Change::SubjectOff)
            out.append({QDateTime::fromMSecsSinceEpoch(d.atMs, Qt::UTC), m_subjectNames.at(d.id),
                        d.change == Change::SubjectOn});
    }
    return out;
}

SimulationSizes SimulationRun::sizes() const
{
    SimulationSizes s;
    s.events = m_events.size();
    s.credentials = m_credentials.size();
    s.subjects = m_subjectNames.size();
    s.changes = qsizetype(m_deltas.size());
    s.history = qsizetype(m_history.size());
    return s;
}

SimulationSizes SimulationRun::room() const
{
    SimulationSizes s;
    s.events = m_events.capacity();
    s.credentials = m_credentials.capacity();
    s.subjects = m_subjectNames.capacity();
    s.changes = qsizetype(m_deltas.capacity());
    s.history = qsizetype(m_history.capacity());
    return s;
}

int SimulationRun::subjectIndex(const QString &subject)
{
    HashedString key(subject);
    auto it = m_subjectIndex.constFind(key);
    if (it != m_subjectIndex.constEnd())
        return *it;
    const int i = int(m_subjectNames.size());
    m_subjectNames << subject;
    m_historyLast.push_back(-1);
    m_subjectIndex.insert(std::move(key), i);
    return i;
}

void SimulationRun::record(qint64 atMs, Change change, int id)
{
    m_deltas.push_back({atMs, change, id});
    switch (change) {
    case Change::CredentialOn:
        m_liveNow.insert(id);
        break;
    case Change::CredentialOff:
        m_liveNow.remove(id);
        break;
    case Change::SubjectOn:
        m_attestedNow.insert(id);
        break;
    case Change::SubjectOff:
        m_attestedNow.remove(id);
        break;
    }
    // A snapshot costs the state's size: taking one only after at least as many changes keeps
    // all of them together no larger than the changes (linear in the run, however many
    // credentials are live at once), and a query still applies no more changes than the
    // snapshot it starts from holds, or the interval.
    const size_t since = m_deltas.size() - m_checkpointedDeltas;
    if (since >= size_t(m_checkpointInterval) &&
        since >= size_t(m_liveNow.size()) + size_t(m_attestedNow.size())) {
        m_checkpointedDeltas = m_deltas.size();
        Checkpoint c;
        c.deltas = qsizetype(m_deltas.size());
        c.live = m_liveNow.members();
        c.attested = m_attestedNow.members();
        m_checkpoints.push_back(std::move(c));
    }
}

qsizetype SimulationRun::checkpointEntries() const
{
    qsizetype n = 0;
    for (const Checkpoint &c : m_checkpoints)
        n += qsizetype(c.live.size() + c.attested.size());
    return n;
}

SimulationState SimulationRun::stateAt(const QDateTime &at) const
{
    const qint64 ms = at.toMSecsSinceEpoch();
    // Deltas are in time order: those at or before the instant are a prefix.
    const auto end = std::upper_bound(m_deltas.cbegin(), m_deltas.cend(), ms,
                                      [](qint64 t, const Delta &d) { return t < d.atMs; });
    const qsizetype upto = qsizetype(end - m_deltas.cbegin());
    QSet<int> live;
    QSet<int> attested;
    qsizetype from = 0;
    const auto cp = std::upper_bound(m_checkpoints.cbegin(), m_checkpoints.cend(), upto,
                                     [](qsizetype n, const Checkpoint &c) { return n < c.deltas; });
    if (cp != m_checkpoints.cbegin()) {
        const Checkpoint &c = *(cp - 1);
        live = QSet<int>(c.live.cbegin(), c.live.cend());
        attested = QSet<int>(c.attested.cbegin(), c.attested.cend());
        from = c.deltas;
    }
    for (qsizetype i = from; i < upto; ++i) {
        const Delta &d = m_deltas[size_t(i)];
        switch (d.change) {
        case Change::CredentialOn:
            live.insert(d.id);
            break;
        case Change::CredentialOff:
            live.remove(d.id);
            break;
        case Change::SubjectOn:
            attested.insert(d.id);
            break;
        case Change::SubjectOff:
            attested.remove(d.id);
            break;
        }
    }
    SimulationState s;
    s.at = at;
    for (int i : attested)
        s.attested << m_subjectNames.at(i);
    s.attested.sort();
    std::vector<int> ids(live.cbegin(), live.cend());
    std::sort(ids.begin(), ids.end());
    for (int i : ids) {
        const SimulatedCredential &c = m_credentials.at(i);
        s.live.append({c.id, c.subject, c.spiffeId, c.notAfter});
    }
    return s;
}

} // namespace ta::core
