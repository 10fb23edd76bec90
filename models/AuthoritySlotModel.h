// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/crypto/AuthoritySlot.h"

#include "models/IncrementalTableModel.h"

#include <QPointer>

#include <optional>

namespace ta::models {

class Document;

/// The authority slots (SPIRE's prepared, active, old, revoked) of one trust domain. Holds the
/// public parts only. Edits of the shown trust domain update, insert or remove rows; choosing
/// another trust domain resets the model.
class AuthoritySlotModel : public IncrementalTableModel
{
    Q_OBJECT

public:
    enum class Column { Kind, Status, AuthorityId, Created, Expires, Count };
    enum class Role { AuthorityId = Qt::UserRole + 1, Kind, Status, Tainted };

    explicit AuthoritySlotModel(Document *document, QObject *parent = nullptr);

    /// Shows the slots of @p name; an empty name shows none.
    void setTrustDomain(const QString &name);
    QString trustDomain() const { return m_trustDomain; }
    /// Why the slots could not be read, after the last load.
    std::optional<core::Error> loadError() const { return m_loadError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString statusText(core::SlotStatus status, bool tainted);
    static QString kindText(core::AuthorityKind kind);

private:
    struct Row
    {
        QString id;
        core::AuthorityKind kind;
        core::SlotStatus status;
        bool tainted;
        QDateTime createdAt;
        QDateTime notAfter;

        bool operator==(const Row &) const = default;
    };

    QList<Row> readRows();
    void reload();

    QPointer<Document> m_document;
    QString m_trustDomain;
    QList<Row> m_rows;
    std::optional<core::Error> m_loadError;
};

} // namespace ta::models
