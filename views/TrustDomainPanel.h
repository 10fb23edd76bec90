// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QSortFilterProxyModel;
class QTreeView;
QT_END_NAMESPACE

namespace ta::models {
class Document;
class TrustDomainModel;
} // namespace ta::models

namespace ta::views {

/// The list of trust domains; the current one drives the authority, bundle and credential views.
class TrustDomainPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TrustDomainPanel(models::Document *document, QWidget *parent = nullptr);

    QString currentTrustDomain() const;
    void setCurrentTrustDomain(const QString &name);
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void currentTrustDomainChanged(const QString &name);

private:
    void emitCurrent();

    models::TrustDomainModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_view = nullptr;
    QString m_current;
};

} // namespace ta::views
