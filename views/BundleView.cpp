// SPDX-License-Identifier: Apache-2.0
#include "views/BundleView.h"

#include "models/Document.h"
#include "views/ErrorMessages.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace ta::views {

BundleView::BundleView(models::Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("bundleSummary"));
    top->addWidget(m_summary, 1);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("bundleFormat"));
    m_format->addItem(tr("SPIFFE bundle (JWKS)"), int(Format::Jwks));
    m_format->addItem(tr("PEM (X.509 authorities)"), int(Format::Pem));
    auto *formatLabel = new QLabel(tr("&Format:"), this);
    formatLabel->setBuddy(m_format);
    top->addWidget(formatLabel);
    top->addWidget(m_format);
    layout->addLayout(top);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("bundleText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_text);

    connect(m_format, &QComboBox::currentIndexChanged, this, &BundleView::refresh);
    connect(document, &models::Document::authoritiesChanged, this, [this](const QString &name) {
        if (name == m_trustDomain)
            refresh();
    });
    connect(document, &models::Document::trustDomainsChanged, this, &BundleView::refresh);
    refresh();
}

void BundleView::setTrustDomain(const QString &name)
{
    m_trustDomain = name;
    refresh();
}

QString BundleView::text() const
{
    return m_text->toPlainText();
}

QString BundleView::summary() const
{
    return m_summary->text();
}

void BundleView::refresh()
{
    if (!m_document || m_trustDomain.isEmpty() ||
        !m_document->workspace().trustDomainNames().contains(m_trustDomain)) {
        m_summary->setText(tr("No trust domain selected"));
        m_text->clear();
        return;
    }
    auto bundle = m_document->workspace().bundle(m_trustDomain);
    if (!bundle) {
        m_summary->setText(ErrorMessages::text(bundle.error()));
        m_text->clear();
        return;
    }
    const auto hint = bundle->refreshHint();
    m_summary->setText(tr("Sequence %1 · refresh hint %2 · %3 X.509 and %4 JWT authorities")
                           .arg(bundle->sequence())
                           .arg(hint ? tr("%1 s").arg(*hint) : tr("none"))
                           .arg(bundle->x509Authorities().size())
                           .arg(bundle->jwtAuthorities().size()));
    if (Format(m_format->currentData().toInt()) == Format::Pem)
        m_text->setPlainText(QString::fromLatin1(bundle->toPem()));
    else
        m_text->setPlainText(QString::fromUtf8(
            QJsonDocument::fromJson(bundle->toJwks()).toJson(QJsonDocument::Indented)));
}

} // namespace ta::views
