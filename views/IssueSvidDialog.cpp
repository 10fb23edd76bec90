// SPDX-License-Identifier: Apache-2.0
#include "views/IssueSvidDialog.h"

#include "core/FrontEndErrors.h"
#include "core/crypto/CryptoErrors.h"
#include "core/spiffe/SpiffeErrors.h"

#include "core/spiffe/SpiffeId.h"
#include "models/Document.h"
#include "views/ErrorMessages.h"
#include "views/NoticeStyle.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPromise>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ta::views {

IssueSvidDialog::IssueSvidDialog(models::Document *document, const QString &trustDomain,
                                 QWidget *parent)
    : QDialog(parent), m_document(document)
{
    setWindowTitle(tr("Issue SVID"));
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItem(tr("X509-SVID"), int(Kind::X509));
    m_kind->addItem(tr("JWT-SVID"), int(Kind::Jwt));
    form->addRow(tr("T&ype:"), m_kind);

    m_trustDomain = new QComboBox(this);
    m_trustDomain->setObjectName(QStringLiteral("trustDomain"));
    m_trustDomain->addItems(document->workspace().trustDomainNames());
    if (const int i = m_trustDomain->findText(trustDomain); i >= 0)
        m_trustDomain->setCurrentIndex(i);
    form->addRow(tr("&Trust domain:"), m_trustDomain);

    m_spiffeId = new QLineEdit(this);
    m_spiffeId->setObjectName(QStringLiteral("spiffeId"));
    form->addRow(tr("&SPIFFE ID:"), m_spiffeId);

    m_dnsNames = new QLineEdit(this);
    m_dnsNames->setObjectName(QStringLiteral("dnsNames"));
    m_dnsNames->setPlaceholderText(tr("optional, separated by commas"));
    form->addRow(tr("&DNS names:"), m_dnsNames);

    m_audience = new QLineEdit(this);
    m_audience->setObjectName(QStringLiteral("audience"));
    m_audience->setPlaceholderText(tr("required, separated by commas"));
    form->addRow(tr("&Audience:"), m_audience);

    m_ttl = new QSpinBox(this);
    m_ttl->setObjectName(QStringLiteral("ttl"));
    m_ttl->setRange(0, 60 * 24 * 365);
    m_ttl->setSuffix(tr(" min"));
    m_ttl->setSpecialValueText(tr("Trust domain default"));
    form->addRow(tr("&Lifetime:"), m_ttl);
    layout->addLayout(form);

    m_feedback = new QLabel(this);
    m_feedback->setObjectName(QStringLiteral("feedback"));
    m_feedback->setWordWrap(true);
    m_feedback->setMinimumHeight(m_feedback->fontMetrics().height() * 2);
    layout->addWidget(m_feedback);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Issue"));
    m_exportKey = m_buttons->addButton(tr("&Export Private Key…"), QDialogButtonBox::ActionRole);
    m_exportKey->setObjectName(QStringLiteral("exportKey"));
    m_exportKey->hide();
    connect(m_exportKey, &QPushButton::clicked, this, [this] {
        // Window-modal, without a nested event loop.
        auto *files = new QFileDialog(this, tr("Export Private Key"));
        files->setAttribute(Qt::WA_DeleteOnClose);
        files->setAcceptMode(QFileDialog::AcceptSave);
        files->setNameFilter(tr("PEM private keys (*.pem *.key)"));
        files->selectFile(QStringLiteral("key.pem"));
        connect(files, &QFileDialog::fileSelected, this, &IssueSvidDialog::exportKey);
        files->open();
    });
    layout->addWidget(m_buttons);

    setTabOrder(m_kind, m_trustDomain);
    setTabOrder(m_trustDomain, m_spiffeId);
    setTabOrder(m_spiffeId, m_dnsNames);
    setTabOrder(m_dnsNames, m_audience);
    setTabOrder(m_audience, m_ttl);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &IssueSvidDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &IssueSvidDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &IssueSvidDialog::onKindChanged);
    connect(m_trustDomain, &QComboBox::currentIndexChanged, this,
            &IssueSvidDialog::onTrustDomainChanged);
    connect(m_spiffeId, &QLineEdit::textChanged, this, &IssueSvidDialog::validate);
    connect(m_audience, &QLineEdit::textChanged, this, &IssueSvidDialog::validate);
    connect(m_dnsNames, &QLineEdit::textChanged, this, &IssueSvidDialog::validate);
    onTrustDomainChanged();
    onKindChanged();
    m_spiffeId->setFocus();
}

QString IssueSvidDialog::feedbackText() const
{
    return m_feedback->text();
}

QStringList IssueSvidDialog::splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

void IssueSvidDialog::onTrustDomainChanged()
{
    // Keep what the user typed after the prefix; only the trust domain part follows the combo.
    const QString prefix = QStringLiteral("spiffe://%1/").arg(m_trustDomain->currentText());
    const QString text = m_spiffeId->text();
    if (text.isEmpty() || (!m_lastPrefix.isEmpty() && text.startsWith(m_lastPrefix)))
        m_spiffeId->setText(prefix + text.mid(m_lastPrefix.size()));
    m_lastPrefix = prefix;
    validate();
}

void IssueSvidDialog::onKindChanged()
{
    const bool jwt = Kind(m_kind->currentData().toInt()) == Kind::Jwt;
    m_audience->setEnabled(jwt);
    m_dnsNames->setEnabled(!jwt);
    validate();
}

void IssueSvidDialog::validate()
{
    QString problem;
    if (m_trustDomain->count() == 0) {
        problem = tr("Create a trust domain first.");
    } else if (auto id = core::SpiffeId::fromString(m_spiffeId->text()); !id) {
        problem = ErrorMessages::text(id.error());
    } else if (id->trustDomain().name() != m_trustDomain->currentText()) {
        problem = ErrorMessages::text(core::makeError(core::ec::CaForeignTrustDomain));
    } else if (id->path().isEmpty()) {
        problem = ErrorMessages::text(core::makeError(core::ec::CaIdWithoutPath));
    } else if (Kind(m_kind->currentData().toInt()) == Kind::Jwt &&
               splitList(m_audience->text()).isEmpty()) {
        problem = ErrorMessages::text(core::makeError(core::ec::JwtsvidAudienceMissing));
    }
    m_feedback->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void IssueSvidDialog::accept()
{
    if (m_busy)
        return;
    if (m_issued) {
        // Issued already: this is the Close button.
        QDialog::accept();
        return;
    }
    const qint64 ttl = qint64(m_ttl->value()) * 60;
    if (Kind(m_kind->currentData().toInt()) == Kind::Jwt) {
        // A JWT-SVID needs no new key: it is signed at once.
        core::JwtIssueRequest request;
        request.trustDomain = m_trustDomain->currentText();
        request.spiffeId = m_spiffeId->text();
        request.audience = splitList(m_audience->text());
        request.ttl = ttl;
        auto jwt = m_document->issueJwt(request);
        if (!jwt) {
            issued(jwt.error());
            return;
        }
        m_issued = jwt->record;
        issued(std::nullopt);
        return;
    }
    core::X509IssueRequest request;
    request.trustDomain = m_trustDomain->currentText();
    request.spiffeId = m_spiffeId->text();
    request.dnsNames = splitList(m_dnsNames->text());
    request.ttl = ttl;
    m_feedback->setText(tr("Generating the key…"));
    setInputsEnabled(false);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto *watcher = new QFutureWatcher<core::Result<core::Key>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, request] {
        watcher->deleteLater();
        generated(request);
    });
    KeyGenerator generate = m_generateKey;
    if (!generate)
        generate = [](core::KeyType type) { return core::Key::generate(type); };
    m_running = QtConcurrent::run(
        [generate, type = request.keyType](QPromise<core::Result<core::Key>> &promise) {
            promise.setProgressRange(0, 1);
            auto key = generate(type);
            if (promise.isCanceled())
                return;
            promise.addResult(std::move(key));
            promise.setProgressValue(1);
        });
    watcher->setFuture(m_running);
    m_busy = true;
    Q_EMIT workStarted(tr("Generating a key for %1").arg(request.spiffeId),
                       QFuture<void>(m_running));
}

void IssueSvidDialog::generated(const core::X509IssueRequest &request)
{
    const QFuture<core::Result<core::Key>> done = m_running;
    m_running = {};
    m_busy = false;
    setInputsEnabled(true);
    onKindChanged();
    if (done.isCanceled() || done.resultCount() == 0) {
        // Cancelled: the key is dropped unseen, the workspace untouched.
        QDialog::reject();
        return;
    }
    const core::Result<core::Key> key = done.result();
    if (!key) {
        issued(key.error());
        return;
    }
    // Signed, stored and put on the undo stack on the GUI thread, as every other edit.
    core::X509IssueRequest withKey = request;
    withKey.publicKey = key->publicKey();
    auto x509 = m_document->issueX509(withKey);
    if (!x509) {
        issued(x509.error());
        return;
    }
    m_issued = x509->record;
    m_generatedKey = *key;
    issued(std::nullopt);
}

void IssueSvidDialog::setInputsEnabled(bool enabled)
{
    for (QWidget *w : {static_cast<QWidget *>(m_kind), static_cast<QWidget *>(m_trustDomain),
                       static_cast<QWidget *>(m_spiffeId), static_cast<QWidget *>(m_dnsNames),
                       static_cast<QWidget *>(m_audience), static_cast<QWidget *>(m_ttl)})
        w->setEnabled(enabled);
}

void IssueSvidDialog::issued(const std::optional<core::Error> &error)
{
    if (error) {
        m_feedback->setText(ErrorMessages::text(*error));
        return;
    }
    if (m_generatedKey.isNull()) {
        QDialog::accept();
        return;
    }
    // The key exists only here: keep the dialog up, read-only, until the user has had the chance
    // to export it.
    setInputsEnabled(false);
    m_buttons->button(QDialogButtonBox::Cancel)->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Close"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    m_exportKey->show();
    m_exportKey->setFocus();
    NoticeStyle::apply(m_feedback, NoticeStyle::Kind::Caution);
    m_feedback->setText(tr("Issued. Its private key is kept nowhere, not even in the workspace: "
                           "export it now, or it is gone when this dialog closes. Anyone who "
                           "holds the file can act as %1.")
                            .arg(m_issued->spiffeId));
}

void IssueSvidDialog::reject()
{
    if (m_busy) {
        // Key generation cannot stop midway; the dialog closes when it returns, keyless.
        m_running.cancel();
        return;
    }
    QDialog::reject();
}

bool IssueSvidDialog::exportKey(const QString &path)
{
    if (m_generatedKey.isNull())
        return false;
    QSaveFile file(path);
    const bool written = file.open(QIODevice::WriteOnly) &&
                         file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
                         file.write(m_generatedKey.privatePkcs8Pem()) >= 0 && file.commit();
    if (!written) {
        m_feedback->setText(
            tr("%1 could not be written (%2); the key is still here to export.")
                .arg(QDir::toNativeSeparators(path),
                     ErrorMessages::text(core::makeError(core::ec::IoUnwritable, path))));
        return false;
    }
    m_feedback->setText(tr("Private key written to %1 (readable by you only).")
                            .arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace ta::views
