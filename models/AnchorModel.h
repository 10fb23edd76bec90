// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/AnchorSet.h"
#include "core/store/AttestationStore.h"
#include "core/store/EvidenceTimelineQuery.h"

#include "models/IncrementalTableModel.h"

#include <QPointer>
#include <QSet>

#include <memory>
#include <optional>

namespace ta::models {

class Document;

/// The workspace's trust anchors, then its reference values, one row each, read from the store
/// when they change and described on demand from the parsed entries. An edit moves only the
/// rows it touched (no reset), so the views keep their selection. Filter by kind
/// (Role::KindName) and text, and sort (Role::Sort), through QSortFilterProxyModels.
class AnchorModel : public IncrementalTableModel
{
    Q_OBJECT

public:
    enum class Column { Kind, Name, Detail, Validity, Id, Count };
    /// Role::Used: a join token an evidence record (or a committed `evidence verify`) consumed.
    enum class Role { Id = Qt::UserRole + 1, List, KindName, Sort, Used };
    /// Where the entry stands at the document's clock. Reference values are always in force.
    enum class Validity { Unlimited, Valid, NotYetValid, Expired };

    explicit AnchorModel(Document *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Why the entries could not be read, after the last load.
    std::optional<core::Error> loadError() const { return m_loadError; }
    const core::AnchorSet &anchorSet() const { return m_set; }

    core::AnchorList listAt(int row) const;
    /// The anchor of @p row, or nullptr for a reference value row.
    const core::TrustAnchor *anchorAt(int row) const;
    /// The reference value of @p row, or nullptr for an anchor row.
    const core::ReferenceValue *referenceValueAt(int row) const;
    QString idAt(int row) const;
    /// The stored document of @p row: the anchors file form of the entry.
    QJsonObject documentAt(int row) const;
    /// The row of the entry @p id of @p list, or -1.
    int rowOf(core::AnchorList list, const QString &id) const;

    /// When the anchor of @p row may be relied on: its own window, narrowed by the validity of
    /// the certificates it holds. Invalid ends are open.
    std::pair<QDateTime, QDateTime> windowAt(int row) const;
    Validity validityAt(int row) const;
    /// Whether @p row is a join token already used: it cannot attest another node.
    bool isUsedAt(int row) const;

    /// The evidence records the entry of @p row verified, the first @p limit in time order, and
    /// how many there are in all (from the evidence timeline's stored results).
    struct Verified
    {
        qint64 count = 0;
        QList<core::EvidenceTimelineRow> first;
    };
    [[nodiscard]] core::Result<Verified> verifiedAt(int row, int limit) const;

    /// The kinds of @p list in the anchors file's spelling, in the order an editor offers them.
    static QStringList kindNames(core::AnchorList list);
    /// "Kubernetes cluster issuer", "Golden PCR value", ... for a kind name.
    static QString kindText(const QString &kindName);
    /// "EC P-256", "RSA 2048", ...
    static QString keyText(const core::Key &key);

private:
    struct Entry
    {
        core::AnchorList list = core::AnchorList::Anchors;
        QString id;
        std::shared_ptr<const core::TrustAnchor> anchor;
        std::shared_ptr<const core::ReferenceValue> reference;

        const QJsonObject &document() const;
        /// Rows are the same when their stored form is.
        bool operator==(const Entry &other) const;
    };

    void reload();
    /// Reads which join tokens were used (after an import or a new attestation pass).
    void readUsedTokens();
    QString nameAt(int row) const;
    QString detailAt(int row) const;
    QString validityText(int row) const;

    QPointer<Document> m_document;
    core::AnchorSet m_set;
    QList<Entry> m_rows;
    QSet<QString> m_usedTokens;
    std::optional<core::Error> m_loadError;
};

} // namespace ta::models
