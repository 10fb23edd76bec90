// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/attestation/AnchorSet.h"
#include "core/store/AttestationStore.h"

#include <QDialog>
#include <QJsonObject>

#include <functional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
QT_END_NAMESPACE

namespace ta::models {
class Document;
}

namespace ta::views {

/// Creates or edits one trust anchor or reference value: a kind picker and a form per kind.
/// Every change is checked at once by the same parser the import uses, whose refusal is shown
/// and keeps OK disabled. Editing keeps the fields the form does not show. A new join token is
/// generated here, shown once for copying, and only its SHA-256 is stored.
class AnchorEntryDialog : public QDialog
{
    Q_OBJECT

public:
    /// Asks for a file to read a PEM or JWKS field from; empty when cancelled.
    using FileChooser = std::function<QString(const QString &title)>;

    /// A new entry of @p list.
    AnchorEntryDialog(models::Document *document, core::AnchorList list, QWidget *parent = nullptr);
    /// Edits the stored entry @p stored (the anchors file form) of @p list.
    AnchorEntryDialog(models::Document *document, core::AnchorList list, const QJsonObject &stored,
                      QWidget *parent = nullptr);

    /// Replaces the file dialog (tests). Without one, a window-modal QFileDialog opens with
    /// open(): no nested event loop.
    void setFileChooser(FileChooser chooser) { m_chooseFile = std::move(chooser); }

    core::AnchorList list() const { return m_list; }
    QComboBox *kindBox() const { return m_kind; }
    /// The input widget of @p key ("issuer", "jwks", "not_after", ...) on the current kind's
    /// form, or nullptr.
    QWidget *field(const QString &key) const;
    /// Loads @p key's text from @p path, as "Load from file…" does.
    [[nodiscard]] core::Result<void> loadField(const QString &key, const QString &path);
    /// The entry as the form describes it now, in the anchors file form.
    QJsonObject entry() const;
    /// What the feedback line says now (empty when the entry is valid).
    QString feedbackText() const;
    /// The new join token in clear while the form shows it; empty for any other kind.
    QString generatedToken() const;
    /// The ID stored when the dialog was accepted.
    QString savedId() const { return m_savedId; }

    void accept() override;

private:
    void build();
    QWidget *buildPage(const QString &kind);
    void onKindChanged();
    void validate();
    void generateToken();
    void fill(const QJsonObject &stored);
    /// The key of the field an error from the parser is about, on the current form.
    QString fieldOf(const core::Error &error) const;
    QString labelOf(const QString &key) const;
    QString problemText(const core::Error &error) const;
    QWidget *currentPage() const;

    models::Document *m_document;
    core::AnchorList m_list;
    /// The entry being edited as stored, empty for a new one.
    QJsonObject m_stored;
    QString m_oldId;
    core::AnchorSet m_existing;
    QComboBox *m_kind = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_feedback = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_token;
    QString m_savedId;
    FileChooser m_chooseFile;
};

} // namespace ta::views
