// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/crypto/AuthoritySlot.h"

#include <QPointer>
#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QAction;
class QLabel;
class QTableView;
QT_END_NAMESPACE

namespace ta::models {
class AuthorityPreparer;
class AuthoritySlotModel;
class Document;
} // namespace ta::models

namespace ta::views {

/// A trust domain's CA slots with SPIRE's rotation steps. Activate and taint go through the undo
/// stack; prepare and revoke change the published bundle for good, so they ask first.
class AuthorityPanel : public QWidget
{
    Q_OBJECT

public:
    /// Asks the user to confirm an irreversible step; true to go ahead.
    using Confirmation = std::function<bool(const QString &title, const QString &text)>;

    explicit AuthorityPanel(models::Document *document, QWidget *parent = nullptr);

    void setTrustDomain(const QString &name);
    /// Replaces the confirmation (a message box by default).
    void setConfirmation(Confirmation confirmation) { m_confirm = std::move(confirmation); }

    QTableView *view() const { return m_view; }
    QAction *prepareX509Action() const { return m_prepareX509; }
    QAction *prepareJwtAction() const { return m_prepareJwt; }
    QAction *activateAction() const { return m_activate; }
    QAction *taintAction() const { return m_taint; }
    QAction *revokeAction() const { return m_revoke; }
    QString message() const;
    /// What prepares authorities on a worker (its started() feeds the status bar).
    models::AuthorityPreparer *preparer() const { return m_preparer; }

private:
    void updateActions();
    void prepare(core::AuthorityKind kind);
    void activate();
    void taint();
    void revoke();
    QString selectedId() const;
    void report(const QString &text);

    QPointer<models::Document> m_document;
    models::AuthoritySlotModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_message = nullptr;
    QAction *m_prepareX509 = nullptr;
    QAction *m_prepareJwt = nullptr;
    QAction *m_activate = nullptr;
    QAction *m_taint = nullptr;
    QAction *m_revoke = nullptr;
    models::AuthorityPreparer *m_preparer = nullptr;
    Confirmation m_confirm;
};

} // namespace ta::views
