// SPDX-License-Identifier: Apache-2.0
#include "models/EvidenceTimelineModel.h"

#include "core/attestation/EvidenceRecord.h"
#include "models/Document.h"

namespace ta::models {

EvidenceTimelineModel::EvidenceTimelineModel(Document *document, QObject *parent)
    : QAbstractTableModel(parent), m_document(document)
{
    if (document)
        connect(document, &Document::evidenceChanged, this, &EvidenceTimelineModel::refresh);
    recount();
}

void EvidenceTimelineModel::setFilter(const core::EvidenceTimelineFilter &filter)
{
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    recount();
    endResetModel();
}

void EvidenceTimelineModel::refresh()
{
    beginResetModel();
    recount();
    endResetModel();
}

void EvidenceTimelineModel::recount()
{
    m_pages.clear();
    m_recent.clear();
    m_pagesRead = 0;
    m_pagesCounted = 0;
    m_count = 0;
    m_error.reset();
    if (!m_document)
        return;
    core::EvidenceTimelineQuery query(m_document->workspace(Document::WriteAccess()).database());
    auto n = query.count(m_filter);
    if (!n) {
        m_error = n.error();
        Q_EMIT failed(n.error());
        return;
    }
    // A view's rows are ints; two billion records are far beyond any recording.
    m_count = int(qMin<qint64>(*n, std::numeric_limits<int>::max()));
}

QStringList EvidenceTimelineModel::attestors() const
{
    if (!m_document)
        return {};
    core::EvidenceTimelineQuery query(m_document->workspace(Document::WriteAccess()).database());
    auto names = query.attestors();
    return names ? *names : QStringList();
}

const QList<core::EvidenceTimelineRow> *EvidenceTimelineModel::page(int index) const
{
    if (auto it = m_pages.constFind(index); it != m_pages.constEnd()) {
        m_recent.removeOne(index);
        m_recent.append(index);
        return &*it;
    }
    if (!m_document)
        return nullptr;
    core::EvidenceTimelineQuery query(m_document->workspace(Document::WriteAccess()).database());
    // Scrolling reads the page after (or before) one already here: by key from its last row.
    // Only a jump counts its way to the page's first row.
    core::Result<QList<core::EvidenceTimelineRow>> rows = QList<core::EvidenceTimelineRow>();
    auto before = m_pages.constFind(index - 1);
    auto after = m_pages.constFind(index + 1);
    if (before != m_pages.constEnd() && before->size() == kPageSize) {
        rows = query.pageAfter(m_filter, before->constLast().key(), kPageSize);
    } else if (after != m_pages.constEnd() && !after->isEmpty()) {
        rows = query.pageBefore(m_filter, after->constFirst().key(), kPageSize);
    } else {
        rows = query.pageAt(m_filter, qint64(index) * kPageSize, kPageSize);
        ++m_pagesCounted;
    }
    ++m_pagesRead;
    if (!rows) {
        m_error = rows.error();
        return nullptr;
    }
    if (m_recent.size() >= kCachedPages)
        m_pages.remove(m_recent.takeFirst());
    m_recent.append(index);
    return &*m_pages.insert(index, std::move(*rows));
}

std::optional<core::EvidenceTimelineRow> EvidenceTimelineModel::record(int row) const
{
    if (row < 0 || row >= m_count)
        return std::nullopt;
    const QList<core::EvidenceTimelineRow> *p = page(row / kPageSize);
    if (!p || row % kPageSize >= p->size())
        return std::nullopt;
    return p->at(row % kPageSize);
}

int EvidenceTimelineModel::rowAt(const QDateTime &at) const
{
    if (!m_document)
        return 0;
    core::EvidenceTimelineQuery query(m_document->workspace(Document::WriteAccess()).database());
    auto n = query.positionOf(m_filter, at);
    return n ? int(qMin<qint64>(*n, m_count)) : m_count;
}

int EvidenceTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int EvidenceTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QString EvidenceTimelineModel::verdictText(const QString &verdict)
{
    if (verdict == QLatin1String("affirming"))
        return tr("Affirming");
    if (verdict == QLatin1String("warning"))
        return tr("Warning");
    if (verdict == QLatin1String("contraindicated"))
        return tr("Refused");
    return tr("Not verified");
}

QVariant EvidenceTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role < Qt::UserRole)
        return {};
    const QList<core::EvidenceTimelineRow> *p = page(index.row() / kPageSize);
    if (!p || index.row() % kPageSize >= p->size())
        return {};
    const core::EvidenceTimelineRow &r = p->at(index.row() % kPageSize);
    switch (Role(role)) {
    case Role::Time:
        return r.time;
    case Role::Verdict:
        return r.verdict;
    case Role::RecordId:
        return r.id;
    case Role::Anchors:
        return r.anchors;
    }
    const QString comma = QStringLiteral(", ");
    switch (Column(index.column())) {
    case Column::Time:
        return core::EvidenceRecord::formatTime(r.time);
    case Column::Subject:
        return r.subject;
    case Column::Attestor:
        return r.attestor;
    case Column::Verdict:
        return verdictText(r.verdict);
    case Column::Reasons:
        return r.reasons.join(comma);
    case Column::Selectors:
        return r.selectors.join(comma);
    case Column::Count:
        break;
    }
    return {};
}

QVariant EvidenceTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Time:
        return tr("Time");
    case Column::Subject:
        return tr("Subject");
    case Column::Attestor:
        return tr("Attestor");
    case Column::Verdict:
        return tr("Verdict");
    case Column::Reasons:
        return tr("Reasons");
    case Column::Selectors:
        return tr("Selectors");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace ta::models
