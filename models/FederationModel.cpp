// SPDX-License-Identifier: Apache-2.0
#include "models/FederationModel.h"

#include "core/federation/FederationStore.h"
#include "models/Document.h"
#include "models/FederationRefreshScheduler.h"

#include <QLocale>
#include <QSet>

namespace ta::models {

using State = FederationRefreshStatus::State;

namespace {

QString timeText(const QDateTime &t)
{
    if (!t.isValid())
        return {};
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

} // namespace

bool FederationModel::Row::operator==(const Row &other) const
{
    const core::FederationRelationship &a = relationship;
    const core::FederationRelationship &b = other.relationship;
    return a.id == b.id && a.bundleEndpointUrl == b.bundleEndpointUrl && a.profile == b.profile &&
           a.endpointSpiffeId == b.endpointSpiffeId && a.bootstrapBundle == b.bootstrapBundle &&
           a.pinnedCaPem == b.pinnedCaPem && a.lastFetchedAt == b.lastFetchedAt &&
           heldSequence == other.heldSequence && bundles == other.bundles;
}

FederationModel::FederationModel(Document *document, FederationRefreshScheduler *scheduler,
                                 QObject *parent)
    : QAbstractTableModel(parent), m_document(document), m_scheduler(scheduler),
      m_errorText([](const core::Error &e) {
          return e.detail.isEmpty() ? e.code : e.code + QStringLiteral(": ") + e.detail;
      })
{
    connect(document, &Document::federationChanged, this, &FederationModel::reload);
    connect(document, &Document::trustDomainsChanged, this, &FederationModel::reload);
    if (scheduler) {
        connect(scheduler, &FederationRefreshScheduler::statusChanged, this, [this](qint64 id) {
            const int row = rowOf(id);
            if (row >= 0)
                Q_EMIT dataChanged(index(row, int(Column::NextFetch)),
                                   index(row, int(Column::Status)));
        });
    }
    reload();
}

void FederationModel::setStateIcon(FederationRefreshStatus::State state, const QIcon &icon)
{
    m_icons[size_t(state)] = icon;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, int(Column::Status)),
                           index(int(m_rows.size()) - 1, int(Column::Status)));
}

int FederationModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).relationship.id == id)
            return i;
    }
    return -1;
}

core::Result<QList<core::FetchedBundle>> FederationModel::bundleHistory(int row) const
{
    if (!m_document || row < 0 || row >= rowCount())
        return QList<core::FetchedBundle>();
    core::FederationStore store(m_document->workspace(Document::WriteAccess()));
    return store.bundleHistory(relationship(row).id);
}

void FederationModel::reload()
{
    m_loadError.reset();
    QList<Row> fresh;
    if (m_document) {
        core::FederationStore store(m_document->workspace(Document::WriteAccess()));
        auto relationships = store.relationships();
        if (!relationships) {
            m_loadError = relationships.error();
        } else {
            for (const core::FederationRelationship &r : std::as_const(*relationships)) {
                Row row{r, -1, 0};
                if (auto history = store.bundleHistory(r.id); history && !history->isEmpty()) {
                    row.heldSequence = qint64(history->last().sequence);
                    row.bundles = int(history->size());
                }
                fresh << row;
            }
        }
    }
    // Both lists are ordered by local then peer trust domain, and a relationship never changes
    // its two trust domains: after the removals, the rows left are in the fresh list's order.
    QSet<qint64> freshIds;
    for (const Row &r : std::as_const(fresh))
        freshIds.insert(r.relationship.id);
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (freshIds.contains(m_rows.at(i).relationship.id))
            continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
    }
    for (int i = 0; i < fresh.size(); ++i) {
        if (i < m_rows.size() && m_rows.at(i).relationship.id == fresh.at(i).relationship.id) {
            if (!(m_rows.at(i) == fresh.at(i))) {
                m_rows[i] = fresh.at(i);
                Q_EMIT dataChanged(index(i, 0), index(i, int(Column::Count) - 1));
            }
            continue;
        }
        beginInsertRows({}, i, i);
        m_rows.insert(i, fresh.at(i));
        endInsertRows();
    }
}

int FederationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FederationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString FederationModel::stateText(const FederationRefreshStatus &status)
{
    switch (status.state) {
    case State::Idle:
        return tr("Not fetched yet");
    case State::Fetching:
        return tr("Fetching…");
    case State::Succeeded:
        return status.outcome == core::BundleUpdate::Stored ? tr("New bundle stored")
                                                            : tr("Up to date");
    case State::Failed:
        return tr("Failed");
    }
    return {};
}

QString FederationModel::statusText(const FederationRefreshStatus &status) const
{
    if (status.state == State::Failed && status.error)
        return tr("Failed: %1").arg(m_errorText(*status.error));
    return stateText(status);
}

QVariant FederationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const core::FederationRelationship &r = row.relationship;
    const FederationRefreshStatus status =
        m_scheduler ? m_scheduler->status(r.id) : FederationRefreshStatus();
    switch (role) {
    case int(Role::RelationshipId):
        return r.id;
    case int(Role::LocalTrustDomain):
        return r.localTrustDomain.name();
    case int(Role::Peer):
        return r.peerTrustDomain.name();
    case int(Role::State):
        return int(status.state);
    default:
        break;
    }
    const auto column = Column(index.column());
    if (role == Qt::DecorationRole && column == Column::Status)
        return m_icons[size_t(status.state)].isNull() ? QVariant()
                                                      : QVariant(m_icons[size_t(status.state)]);
    if (role == Qt::ToolTipRole) {
        if (column == Column::Status) {
            // The message says what failed; the detail (host, port, the TLS library's words)
            // says where, for whoever must fix it.
            if (status.state == State::Failed && status.error && !status.error->detail.isEmpty())
                return statusText(status) + QLatin1Char('\n') + status.error->code +
                       QStringLiteral(": ") + status.error->detail;
            return statusText(status);
        }
        if (column == Column::Endpoint && r.profile == core::BundleEndpointProfile::HttpsSpiffe)
            return tr("Endpoint SPIFFE ID: %1").arg(r.endpointSpiffeId.toString());
        if (column == Column::HeldSequence)
            return tr("%n bundle(s) fetched", nullptr, row.bundles);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Column::TrustDomain:
        return r.localTrustDomain.name();
    case Column::Peer:
        return r.peerTrustDomain.name();
    case Column::Profile:
        return core::bundleEndpointProfileName(r.profile);
    case Column::Endpoint:
        return r.bundleEndpointUrl.toString();
    case Column::HeldSequence:
        return row.heldSequence < 0 ? tr("none") : QString::number(row.heldSequence);
    case Column::LastFetch:
        return r.lastFetchedAt.isValid() ? timeText(r.lastFetchedAt) : tr("never");
    case Column::NextFetch:
        if (status.state == State::Fetching)
            return tr("now");
        return status.nextFetch.isValid() ? timeText(status.nextFetch) : tr("not scheduled");
    case Column::Status:
        return statusText(status);
    case Column::Count:
        break;
    }
    return {};
}

QVariant FederationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::TrustDomain:
        return tr("Trust Domain");
    case Column::Peer:
        return tr("Peer");
    case Column::Profile:
        return tr("Profile");
    case Column::Endpoint:
        return tr("Bundle Endpoint");
    case Column::HeldSequence:
        return tr("Held Sequence");
    case Column::LastFetch:
        return tr("Last Fetch");
    case Column::NextFetch:
        return tr("Next Fetch");
    case Column::Status:
        return tr("Status");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace ta::models
