// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QPlainTextEdit;
QT_END_NAMESPACE

namespace ta::models {
class Document;
}

namespace ta::views {

/// A trust domain's bundle as relying parties fetch it: the SPIFFE bundle (JWKS) or PEM text,
/// with its sequence number and refresh hint.
class BundleView : public QWidget
{
    Q_OBJECT

public:
    enum class Format { Jwks, Pem };

    explicit BundleView(models::Document *document, QWidget *parent = nullptr);

    void setTrustDomain(const QString &name);
    QString text() const;
    QString summary() const;

private:
    void refresh();

    QPointer<models::Document> m_document;
    QString m_trustDomain;
    QLabel *m_summary = nullptr;
    QComboBox *m_format = nullptr;
    QPlainTextEdit *m_text = nullptr;
};

} // namespace ta::views
