// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/federation/FederationRelationship.h"
#include "core/federation/FetchedBundle.h"
#include "models/FederationRefreshStatus.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QPointer>

#include <array>
#include <functional>
#include <optional>

namespace ta::models {

class Document;
class FederationRefreshScheduler;

/// The federation relationships of every trust domain of the open workspace, one row each, with
/// the bundle each holds and where its background refresh stands. Follows the document row by
/// row (inserts, removals, changed cells), never by a reset, so a selection survives a refresh.
class FederationModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column {
        TrustDomain,
        Peer,
        Profile,
        Endpoint,
        HeldSequence,
        LastFetch,
        NextFetch,
        Status,
        Count
    };
    enum class Role { RelationshipId = Qt::UserRole + 1, LocalTrustDomain, Peer, State };

    /// @p scheduler may be null: then no refresh status is shown.
    FederationModel(Document *document, FederationRefreshScheduler *scheduler,
                    QObject *parent = nullptr);

    /// How an error reads in the Status column (the views' translated messages); by default its
    /// code and detail.
    void setErrorText(std::function<QString(const core::Error &)> text)
    {
        m_errorText = std::move(text);
    }
    /// The icon beside each state in the Status column: the second cue after the text.
    void setStateIcon(FederationRefreshStatus::State state, const QIcon &icon);

    /// The relationship in @p row (0 <= row < rowCount()).
    /// The bundles fetched for the relationship of @p row, oldest first.
    [[nodiscard]] core::Result<QList<core::FetchedBundle>> bundleHistory(int row) const;
    const core::FederationRelationship &relationship(int row) const
    {
        return m_rows.at(row).relationship;
    }
    /// The row of relationship @p id, -1 when none.
    int rowOf(qint64 id) const;
    /// Why the relationships could not be read, after the last load.
    std::optional<core::Error> loadError() const { return m_loadError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString stateText(const FederationRefreshStatus &status);

private:
    struct Row
    {
        core::FederationRelationship relationship;
        /// -1: never fetched.
        qint64 heldSequence = -1;
        int bundles = 0;

        bool operator==(const Row &other) const;
    };

    void reload();
    QString statusText(const FederationRefreshStatus &status) const;

    QPointer<Document> m_document;
    QPointer<FederationRefreshScheduler> m_scheduler;
    QList<Row> m_rows;
    std::optional<core::Error> m_loadError;
    std::function<QString(const core::Error &)> m_errorText;
    std::array<QIcon, 4> m_icons;
};

} // namespace ta::models
