// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spiffe/CertificateAuthority.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QSpinBox;
QT_END_NAMESPACE

namespace ta::models {
class Document;
}

namespace ta::views {

/// Edits a trust domain's lifetimes (X509-SVID and JWT-SVID TTLs, the lifetime of authorities
/// prepared from now on; one undoable step) and the refresh hint its bundle publishes (which
/// cannot be undone: a new bundle sequence goes out). The key type and the intermediate mode
/// are shown, fixed since the trust domain was made.
class CaSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    CaSettingsDialog(models::Document *document, const QString &trustDomain,
                     QWidget *parent = nullptr);

    void accept() override;
    /// A duration for people: "1 h 30 min", "5 min", "45 s", "30 d".
    static QString durationText(qint64 seconds);

private:
    QSpinBox *addDuration(const QString &name, const QString &label, qint64 value);
    void validate();

    models::Document *m_document;
    QString m_trustDomain;
    core::CaSettings m_settings;
    qint64 m_refreshHint = 0;
    QSpinBox *m_x509 = nullptr;
    QSpinBox *m_jwt = nullptr;
    QSpinBox *m_ca = nullptr;
    QSpinBox *m_hint = nullptr;
    QLabel *m_hintWarning = nullptr;
    QLabel *m_feedback = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QFormLayout *m_form = nullptr;
};

} // namespace ta::views
