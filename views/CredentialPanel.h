// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;
QT_END_NAMESPACE

namespace ta::models {
class CredentialModel;
class Document;
} // namespace ta::models

namespace ta::views {

/// The credentials issued in the current trust domain, filterable by SPIFFE ID and sortable by
/// any column; the current one goes to the inspector.
class CredentialPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CredentialPanel(models::Document *document, QWidget *parent = nullptr);

    void setTrustDomain(const QString &name);
    qint64 currentCredential() const { return m_current; }
    void setCurrentCredential(qint64 id);
    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QAction *revokeAction() const { return m_revoke; }
    QString message() const;

Q_SIGNALS:
    void currentCredentialChanged(qint64 id);

private:
    void emitCurrent();
    void revoke();
    void updateActions();

    QPointer<models::Document> m_document;
    models::CredentialModel *m_model = nullptr;
    QSortFilterProxyModel *m_byDomain = nullptr;
    QSortFilterProxyModel *m_byText = nullptr;
    QLineEdit *m_filter = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_message = nullptr;
    QAction *m_revoke = nullptr;
    qint64 m_current = 0;
};

} // namespace ta::views
