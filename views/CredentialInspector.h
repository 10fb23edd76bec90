// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/store/CredentialRecord.h"
#include "models/CredentialDetails.h"

#include <QPointer>
#include <QWidget>

#include <optional>

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QFormLayout;
QT_END_NAMESPACE

namespace ta::models {
class Document;
}

namespace ta::views {

/// Shows one credential as an auditor needs it: the decoded certificate fields or JWT header and
/// claims, the chain, the SPIFFE ID, validity, key usage, and the verdict of validating it
/// against its trust domain's current bundle at the document's clock. It follows the document:
/// a rotated, revoked or deleted authority changes the verdict at once. The decoding and the
/// validation are models::CredentialDetails's; the inspector lays out what it returns.
class CredentialInspector : public QWidget
{
    Q_OBJECT

public:
    enum class Verdict { None, Valid, Invalid, Revoked };

    explicit CredentialInspector(models::Document *document, QWidget *parent = nullptr);

    /// Shows the credential with workspace ID @p id; 0 clears the inspector.
    void showCredential(qint64 id);
    /// Shows @p record as given (it need not be stored; tests and imports use this).
    void showRecord(const core::CredentialRecord &record);
    void clear();

    Verdict verdict() const { return m_verdict; }
    QString verdictText() const;
    /// The value shown beside the field labelled @p label, or an empty string.
    QString fieldValue(const QString &label) const;
    QStringList chainEntries() const;

private:
    void refresh();
    void showX509(const models::CredentialDetails &details);
    void showJwt(const models::CredentialDetails &details);
    void addField(const QString &label, const QString &value);
    void addChainEntry(const QString &entry);
    void clearDetails();
    void setVerdict(Verdict verdict, const QString &text);
    QString validityText(const QDateTime &now, const QDateTime &notBefore,
                         const QDateTime &notAfter) const;

    QPointer<models::Document> m_document;
    std::optional<core::CredentialRecord> m_record;
    bool m_stored = false;
    qint64 m_storedId = 0;
    Verdict m_verdict = Verdict::None;

    QLabel *m_title = nullptr;
    QLabel *m_verdictLabel = nullptr;
    QFormLayout *m_fields = nullptr;
    QList<QPair<QString, QString>> m_fieldValues;
    QStackedWidget *m_details = nullptr;
    QLabel *m_chain = nullptr;
    QStringList m_chainEntries;
    QPlainTextEdit *m_jose = nullptr;
};

} // namespace ta::views
