// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/crypto/Key.h"
#include "core/store/CredentialIssuer.h"
#include "core/store/CredentialRecord.h"

#include <QDialog>
#include <QFuture>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
QT_END_NAMESPACE

namespace ta::models {
class Document;
}

namespace ta::views {

/// Issues an X509-SVID or a JWT-SVID from a trust domain of the document. The SPIFFE ID is
/// checked as it is typed; refusals from the CA are shown in the dialog, which stays open. An
/// X509-SVID's private key is generated here and stored nowhere: the dialog stays open after
/// issuing, says so, and offers to export the key until it is closed. The key is generated on a
/// worker (RSA takes seconds) while the window keeps running; the credential is signed, stored
/// and put on the undo stack on the GUI thread when it is ready. Cancel during generation drops
/// the key: nothing reaches the workspace.
class IssueSvidDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { X509, Jwt };

    IssueSvidDialog(models::Document *document, const QString &trustDomain,
                    QWidget *parent = nullptr);

    /// The credential recorded when the dialog was accepted.
    std::optional<core::CredentialRecord> issuedRecord() const { return m_issued; }
    /// What the feedback line says now (empty when all is well).
    QString feedbackText() const;
    /// The private key of the X509-SVID just issued (null before, or for a JWT-SVID).
    const core::Key &generatedKey() const { return m_generatedKey; }
    /// Writes the generated key as PKCS#8 PEM to @p path, readable by its owner only, whole or
    /// not at all; false with the reason in the feedback line when it cannot.
    bool exportKey(const QString &path);
    QPushButton *exportKeyButton() const { return m_exportKey; }

    void accept() override;
    void reject() override;
    /// Whether a key is being generated.
    bool isBusy() const { return m_busy; }

    /// How the X509-SVID's key is made (on the worker); tests hold it to look at the dialog while
    /// the work is pending. Default: core::Key::generate.
    using KeyGenerator = std::function<core::Result<core::Key>(core::KeyType)>;
    void setKeyGenerator(KeyGenerator generator) { m_generateKey = std::move(generator); }

Q_SIGNALS:
    /// Key generation started on a worker (for the status bar's progress and Cancel).
    void workStarted(const QString &title, QFuture<void> future);

private:
    void generated(const core::X509IssueRequest &request);
    void issued(const std::optional<core::Error> &error);
    void setInputsEnabled(bool enabled);
    void onTrustDomainChanged();
    void onKindChanged();
    void validate();
    static QStringList splitList(const QString &text);

    models::Document *m_document;
    QComboBox *m_kind = nullptr;
    QComboBox *m_trustDomain = nullptr;
    QLineEdit *m_spiffeId = nullptr;
    QLineEdit *m_dnsNames = nullptr;
    QLineEdit *m_audience = nullptr;
    QSpinBox *m_ttl = nullptr;
    QLabel *m_feedback = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_lastPrefix;
    std::optional<core::CredentialRecord> m_issued;
    core::Key m_generatedKey;
    QPushButton *m_exportKey = nullptr;
    KeyGenerator m_generateKey;
    QFuture<core::Result<core::Key>> m_running;
    /// From accept() until the generated key was taken (or dropped) on the GUI thread.
    bool m_busy = false;
};

} // namespace ta::views
