// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/federation/FederationRelationship.h"

#include <QDialog>

#include <optional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
QT_END_NAMESPACE

namespace ta::models {
class Document;
}

namespace ta::views {

/// Adds a federation relationship or edits one: the local trust domain, the peer, its bundle
/// endpoint URL and profile, and what authenticates the endpoint (the endpoint SPIFFE ID and a
/// bootstrap bundle for https_spiffe, a pinned CA for https_web). The fields are checked as one
/// types; accepting stores the relationship through the document (one undoable step) and keeps
/// the dialog open with the reason when the workspace refuses it.
class FederationDialog : public QDialog
{
    Q_OBJECT

public:
    /// Adding: @p localTrustDomain is preselected (empty: the first).
    FederationDialog(models::Document *document, const QString &localTrustDomain,
                     QWidget *parent = nullptr);
    /// Editing @p relationship: its two trust domains stay as they are.
    FederationDialog(models::Document *document, const core::FederationRelationship &relationship,
                     QWidget *parent = nullptr);

    /// The relationship the fields describe, or why they do not describe one.
    [[nodiscard]] core::Result<core::FederationRelationship> relationship() const;
    bool isEditing() const { return m_editing.has_value(); }
    void accept() override;

private:
    void build(const QString &localTrustDomain);
    void validate();
    void profileChanged();
    void loadInto(QPlainTextEdit *target, const QString &title);

    models::Document *m_document;
    std::optional<core::FederationRelationship> m_editing;
    QFormLayout *m_form = nullptr;
    QComboBox *m_local = nullptr;
    QLineEdit *m_peer = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_profile = nullptr;
    QLineEdit *m_endpointId = nullptr;
    QPlainTextEdit *m_bootstrap = nullptr;
    QWidget *m_bootstrapRow = nullptr;
    QPlainTextEdit *m_pinnedCa = nullptr;
    QWidget *m_pinnedCaRow = nullptr;
    QLabel *m_feedback = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ta::views
