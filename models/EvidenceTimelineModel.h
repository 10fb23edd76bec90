// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/store/EvidenceTimelineQuery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>

#include <optional>

namespace ta::models {

class Document;

/// The workspace's evidence records in time order, with each one's attestation result, under a
/// filter. The model never holds the whole timeline: it counts the filtered records once and
/// reads fixed-size pages when a view asks for their rows, keeping the few pages read last.
/// A page next to one in the cache (after it or before it) is read by key, so scrolling either
/// way costs a page-sized index range read whatever the timeline's length; every filter runs in
/// SQLite.
class EvidenceTimelineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column { Time, Subject, Attestor, Verdict, Reasons, Selectors, Count };
    /// Role::Verdict: "affirming", "warning", "contraindicated", or empty (not verified yet).
    enum class Role { Time = Qt::UserRole + 1, Verdict, RecordId, Anchors };

    static constexpr int kPageSize = 256;
    static constexpr int kCachedPages = 12;

    explicit EvidenceTimelineModel(Document *document, QObject *parent = nullptr);

    void setFilter(const core::EvidenceTimelineFilter &filter);
    const core::EvidenceTimelineFilter &filter() const { return m_filter; }
    /// The attestors the records name (for a filter's choices).
    QStringList attestors() const;
    /// Counts again and forgets the pages read (after an import or a new attestation pass).
    void refresh();

    /// The record at @p row (read if needed); std::nullopt past the end or on a store error.
    std::optional<core::EvidenceTimelineRow> record(int row) const;
    /// The row of the first record shown at or after @p at (rowCount() when none).
    int rowAt(const QDateTime &at) const;
    /// The last store error, if reading failed.
    const std::optional<core::Error> &error() const { return m_error; }
    /// How many pages were read from the store since the last reset (tests check laziness).
    int pagesRead() const { return m_pagesRead; }
    /// Of those, the pages reached by counting (a jump), not by key from a neighbour.
    int pagesCounted() const { return m_pagesCounted; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The translated word for a verdict code ("" = not verified).
    static QString verdictText(const QString &verdict);

Q_SIGNALS:
    /// A read failed; the rows concerned show empty.
    void failed(const ta::core::Error &error);

private:
    const QList<core::EvidenceTimelineRow> *page(int index) const;
    void recount();

    QPointer<Document> m_document;
    core::EvidenceTimelineFilter m_filter;
    int m_count = 0;
    mutable QHash<int, QList<core::EvidenceTimelineRow>> m_pages;
    /// Cached page indexes, least recently used first.
    mutable QList<int> m_recent;
    mutable int m_pagesRead = 0;
    mutable int m_pagesCounted = 0;
    mutable std::optional<core::Error> m_error;
};

} // namespace ta::models
