// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "views/FederationDialog.h"

#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QTableView;
class QTreeWidget;
QT_END_NAMESPACE

namespace ta::models {
class Document;
class FederationModel;
class FederationRefreshScheduler;
} // namespace ta::models

namespace ta::views {

/// The federation relationships of the open workspace: add, edit and remove them (each one
/// undoable step), see each one's held bundle, last and next fetch and refresh status, refresh
/// one now, and turn the background refresh on or off. Below the table, the bundles fetched for
/// the selected relationship, oldest first.
class FederationPanel : public QWidget
{
    Q_OBJECT

public:
    FederationPanel(models::Document *document, models::FederationRefreshScheduler *scheduler,
                    QWidget *parent = nullptr);

    models::FederationModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QAction *addRelationshipAction() const { return m_add; }
    QAction *editRelationshipAction() const { return m_edit; }
    QAction *removeRelationshipAction() const { return m_remove; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *autoRefreshAction() const { return m_auto; }
    /// The dialog opened by the add or edit action and not yet closed, if any.
    FederationDialog *openDialog() const { return m_dialog; }

    /// Selects the relationship of @p localTrustDomain with @p peer; false when there is none.
    bool selectRelationship(const QString &localTrustDomain, const QString &peer);
    /// The trust domain new relationships start from (the one selected in the trust domains dock).
    void setTrustDomain(const QString &name) { m_trustDomain = name; }

Q_SIGNALS:
    /// The user turned the background refresh on or off.
    void autoRefreshChanged(bool enabled);
    /// A line for the status bar.
    void message(const QString &text);

private:
    void addRelationship();
    void editRelationship();
    void removeRelationship();
    void refreshSelected();
    void updateActions();
    void showHistory();
    int currentRow() const;

    QPointer<models::Document> m_document;
    models::FederationRefreshScheduler *m_scheduler;
    models::FederationModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QTreeWidget *m_history = nullptr;
    QLabel *m_error = nullptr;
    QAction *m_add = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_auto = nullptr;
    QPointer<FederationDialog> m_dialog;
    QString m_trustDomain;
};

} // namespace ta::views
