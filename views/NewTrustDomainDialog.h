// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

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

/// Names a new trust domain and picks its CA's key type and mode; accepting creates it through
/// the document (one undoable step).
class NewTrustDomainDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewTrustDomainDialog(models::Document *document, QWidget *parent = nullptr);

    QString createdName() const { return m_created; }
    void accept() override;

private:
    void validate();

    models::Document *m_document;
    QLineEdit *m_name = nullptr;
    QComboBox *m_keyType = nullptr;
    QCheckBox *m_intermediate = nullptr;
    QLabel *m_feedback = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_created;
};

} // namespace ta::views
