// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spiffe/CertificateAuthority.h"

#include <QDialog>
#include <QFuture>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
QT_END_NAMESPACE

namespace ta::models {
class Document;
}

namespace ta::views {

/// Names a new trust domain and picks its CA's key type and mode; accepting generates the CA's
/// keys on a worker (RSA 4096 takes seconds) while the window keeps running, then adds the trust
/// domain through the document on the GUI thread (one undoable step). Cancel during generation
/// drops the keys: nothing reaches the workspace.
class NewTrustDomainDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewTrustDomainDialog(models::Document *document, QWidget *parent = nullptr);

    QString createdName() const { return m_created; }
    void accept() override;
    void reject() override;
    /// Whether keys are being generated.
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    /// Key generation started on a worker (for the status bar's progress and Cancel).
    void workStarted(const QString &title, QFuture<void> future);

private:
    void generated();
    void validate();

    models::Document *m_document;
    QLineEdit *m_name = nullptr;
    QComboBox *m_keyType = nullptr;
    QCheckBox *m_intermediate = nullptr;
    QLabel *m_feedback = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_created;
    core::CaSettings m_settings;
    QFuture<core::Result<core::CertificateAuthority>> m_running;
    /// From accept() until the generated keys were taken (or dropped) on the GUI thread.
    bool m_busy = false;
};

} // namespace ta::views
