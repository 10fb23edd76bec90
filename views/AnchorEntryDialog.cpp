// SPDX-License-Identifier: Apache-2.0
#include "views/AnchorEntryDialog.h"

#include "core/attestation/AnchorKinds.h"
#include "core/attestation/AttestationErrors.h"
#include "core/store/StoreErrors.h"
#include "views/AsyncFileDialog.h"

#include "models/AnchorModel.h"
#include "models/Document.h"
#include "views/ErrorMessages.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QUuid>
#include <QVBoxLayout>

#include <array>

namespace ta::views {

using core::AnchorList;

namespace {

using FieldType = core::AnchorField::Type;
using Field = core::AnchorField;

/// The form of each kind, in the order shown: the one description in core, which the parser
/// is held to (tst_anchorkinds). The keys are the anchors file's.
QList<Field> fieldsOf(const QString &kind)
{
    const core::AnchorKindSpec *spec = core::AnchorKinds::find(kind);
    return spec ? spec->fields : QList<Field>();
}

/// @p text (a label or hint of the description) in the user's language.
QString translated(const char *text)
{
    return text ? QCoreApplication::translate(core::AnchorKinds::translationContext(), text)
                : QString();
}

/// A random UUID, the form SPIRE gives its join tokens, from the operating system's CSPRNG.
QString newJoinToken()
{
    std::array<quint32, 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    QByteArray bytes(reinterpret_cast<const char *>(words.data()), 16);
    bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QStringList splitList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

QDateTimeEdit *timeEdit(QWidget *parent, const QString &key)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(key);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    edit->setCalendarPopup(true);
    return edit;
}

} // namespace

AnchorEntryDialog::AnchorEntryDialog(models::Document *document, AnchorList list, QWidget *parent)
    : AnchorEntryDialog(document, list, QJsonObject(), parent)
{}

AnchorEntryDialog::AnchorEntryDialog(models::Document *document, AnchorList list,
                                     const QJsonObject &stored, QWidget *parent)
    : QDialog(parent), m_document(document), m_list(list), m_stored(stored),
      m_oldId(stored.value(QLatin1String("id")).toString())
{
    if (auto existing = document->anchors())
        m_existing = std::move(*existing);
    const bool anchors = list == AnchorList::Anchors;
    if (m_oldId.isEmpty())
        setWindowTitle(anchors ? tr("New Trust Anchor") : tr("New Reference Value"));
    else
        setWindowTitle(anchors ? tr("Edit Trust Anchor") : tr("Edit Reference Value"));
    build();
    if (!stored.isEmpty())
        fill(stored);
    onKindChanged();
}

void AnchorEntryDialog::build()
{
    setMinimumWidth(640);
    auto *layout = new QVBoxLayout(this);
    auto *top = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_pages = new QStackedWidget(this);
    for (const QString &kind : models::AnchorModel::kindNames(m_list)) {
        m_kind->addItem(models::AnchorModel::kindText(kind), kind);
        m_pages->addWidget(buildPage(kind));
    }
    top->addRow(tr("&Kind:"), m_kind);
    layout->addLayout(top);
    layout->addWidget(m_pages, 1);

    m_feedback = new QLabel(this);
    m_feedback->setObjectName(QStringLiteral("feedback"));
    m_feedback->setWordWrap(true);
    m_feedback->setMinimumHeight(m_feedback->fontMetrics().height() * 2);
    layout->addWidget(m_feedback);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AnchorEntryDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AnchorEntryDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AnchorEntryDialog::onKindChanged);
}

QWidget *AnchorEntryDialog::buildPage(const QString &kind)
{
    auto *page = new QWidget(m_pages);
    page->setObjectName(kind);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    for (const Field &f : fieldsOf(kind)) {
        const QString key = QString::fromLatin1(f.key);
        QWidget *input = nullptr;
        QWidget *row = nullptr;
        switch (f.type) {
        case FieldType::Line:
        case FieldType::List:
        case FieldType::Array:
        case FieldType::Number: {
            auto *edit = new QLineEdit(page);
            connect(edit, &QLineEdit::textChanged, this, &AnchorEntryDialog::validate);
            edit->setPlaceholderText(translated(f.help));
            input = edit;
            break;
        }
        case FieldType::Pem:
        case FieldType::Json: {
            auto *edit = new QPlainTextEdit(page);
            edit->setTabChangesFocus(true);
            edit->setLineWrapMode(QPlainTextEdit::NoWrap);
            edit->setPlaceholderText(translated(f.help));
            connect(edit, &QPlainTextEdit::textChanged, this, &AnchorEntryDialog::validate);
            auto *load = new QPushButton(tr("Load from File…"), page);
            load->setObjectName(key + QStringLiteral("Load"));
            connect(load, &QPushButton::clicked, this, [this, key] {
                auto load = [this, key](const QString &path) {
                    if (path.isEmpty())
                        return;
                    if (auto r = loadField(key, path); !r)
                        m_feedback->setText(ErrorMessages::text(r.error()));
                };
                const QString title = tr("Load %1").arg(labelOf(key));
                if (m_chooseFile) {
                    load(m_chooseFile(title));
                    return;
                }
                AsyncFileDialog::ask(this, AsyncFileDialog::Mode::Open, title,
                                     tr("PEM or JSON files (*.pem *.crt *.json);;All "
                                        "files (*)"),
                                     load);
            });
            row = new QWidget(page);
            auto *box = new QVBoxLayout(row);
            box->setContentsMargins(0, 0, 0, 0);
            box->addWidget(edit);
            box->addWidget(load, 0, Qt::AlignLeft);
            input = edit;
            break;
        }
        case FieldType::Bank: {
            auto *bank = new QComboBox(page);
            bank->addItems(
                {QStringLiteral("sha1"), QStringLiteral("sha256"), QStringLiteral("sha384")});
            bank->setCurrentText(QStringLiteral("sha256"));
            connect(bank, &QComboBox::currentIndexChanged, this, &AnchorEntryDialog::validate);
            input = bank;
            break;
        }
        case FieldType::Index:
        case FieldType::Seconds: {
            auto *spin = new QSpinBox(page);
            if (f.type == FieldType::Index) {
                spin->setRange(0, 23);
            } else {
                spin->setRange(1, 365 * 86400);
                spin->setValue(600); // SPIRE's default join token TTL
                spin->setSuffix(tr(" s"));
            }
            connect(spin, &QSpinBox::valueChanged, this, &AnchorEntryDialog::validate);
            input = spin;
            break;
        }
        case FieldType::Time:
        case FieldType::OptionalTime: {
            QDateTimeEdit *edit = timeEdit(page, key);
            edit->setDateTime(m_document->now().toUTC());
            connect(edit, &QDateTimeEdit::dateTimeChanged, this, &AnchorEntryDialog::validate);
            input = edit;
            if (f.type == FieldType::OptionalTime) {
                auto *set = new QCheckBox(tr("set"), page);
                set->setObjectName(key + QStringLiteral("Set"));
                edit->setEnabled(false);
                connect(set, &QCheckBox::toggled, edit, &QWidget::setEnabled);
                connect(set, &QCheckBox::toggled, this, &AnchorEntryDialog::validate);
                row = new QWidget(page);
                auto *box = new QHBoxLayout(row);
                box->setContentsMargins(0, 0, 0, 0);
                box->addWidget(set);
                box->addWidget(edit, 1);
            }
            break;
        }
        case FieldType::Token: {
            auto *edit = new QLineEdit(page);
            edit->setReadOnly(true);
            auto *copy = new QPushButton(tr("&Copy"), page);
            copy->setObjectName(QStringLiteral("tokenCopy"));
            connect(copy, &QPushButton::clicked, this,
                    [edit] { QGuiApplication::clipboard()->setText(edit->text()); });
            auto *generate = new QPushButton(tr("&Generate New"), page);
            generate->setObjectName(QStringLiteral("tokenGenerate"));
            connect(generate, &QPushButton::clicked, this, &AnchorEntryDialog::generateToken);
            auto *note = new QLabel(page);
            note->setObjectName(QStringLiteral("tokenNote"));
            note->setWordWrap(true);
            row = new QWidget(page);
            auto *grid = new QVBoxLayout(row);
            grid->setContentsMargins(0, 0, 0, 0);
            auto *line = new QHBoxLayout;
            line->addWidget(edit, 1);
            line->addWidget(copy);
            line->addWidget(generate);
            grid->addLayout(line);
            grid->addWidget(note);
            input = edit;
            break;
        }
        }
        input->setObjectName(key);
        auto *label = new QLabel(translated(f.label), page);
        label->setBuddy(input);
        form->addRow(label, row ? row : input);
    }
    return page;
}

QWidget *AnchorEntryDialog::currentPage() const
{
    return m_pages->currentWidget();
}

QWidget *AnchorEntryDialog::field(const QString &key) const
{
    return currentPage()->findChild<QWidget *>(key);
}

QString AnchorEntryDialog::labelOf(const QString &key) const
{
    for (const Field &f : fieldsOf(m_kind->currentData().toString())) {
        if (key == QLatin1String(f.key))
            return translated(f.label).remove(QLatin1Char('&')).remove(QLatin1Char(':'));
    }
    return key;
}

void AnchorEntryDialog::onKindChanged()
{
    m_pages->setCurrentIndex(m_kind->currentIndex());
    const bool storedToken =
        m_stored.value(QLatin1String("kind")).toString() == QLatin1String("join_token");
    if (m_kind->currentData().toString() == QLatin1String("join_token")) {
        auto *note = currentPage()->findChild<QLabel *>(QStringLiteral("tokenNote"));
        auto *token = qobject_cast<QLineEdit *>(field(QStringLiteral("token")));
        currentPage()
            ->findChild<QPushButton *>(QStringLiteral("tokenCopy"))
            ->setVisible(!storedToken);
        currentPage()
            ->findChild<QPushButton *>(QStringLiteral("tokenGenerate"))
            ->setVisible(!storedToken);
        if (storedToken) {
            token->setText(
                tr("SHA-256 %1").arg(m_stored.value(QLatin1String("token_sha256")).toString()));
            note->setText(tr("Only the token's SHA-256 is stored: the token itself cannot be "
                             "shown again."));
        } else {
            if (m_token.isEmpty())
                generateToken();
            note->setText(tr("Copy this token now and hand it to the node: only its SHA-256 is "
                             "stored, so it is shown this once."));
        }
    }
    validate();
}

void AnchorEntryDialog::generateToken()
{
    m_token = newJoinToken();
    if (auto *token = qobject_cast<QLineEdit *>(field(QStringLiteral("token"))))
        token->setText(m_token);
    validate();
}

QString AnchorEntryDialog::generatedToken() const
{
    const bool storedToken =
        m_stored.value(QLatin1String("kind")).toString() == QLatin1String("join_token");
    return m_kind->currentData().toString() == QLatin1String("join_token") && !storedToken
               ? m_token
               : QString();
}

void AnchorEntryDialog::fill(const QJsonObject &stored)
{
    const QString kind = stored.value(QLatin1String("kind")).toString();
    m_kind->setCurrentIndex(m_kind->findData(kind));
    m_pages->setCurrentIndex(m_kind->currentIndex());
    QWidget *page = currentPage();
    for (const Field &f : fieldsOf(kind)) {
        const QString key = QString::fromLatin1(f.key);
        const QJsonValue v = stored.value(key);
        QWidget *w = page->findChild<QWidget *>(key);
        if (v.isUndefined() || !w)
            continue;
        switch (f.type) {
        case FieldType::Line:
            qobject_cast<QLineEdit *>(w)->setText(v.toString());
            break;
        case FieldType::Number:
            qobject_cast<QLineEdit *>(w)->setText(v.isDouble() ? QString::number(v.toInteger())
                                                               : v.toString());
            break;
        case FieldType::List:
        case FieldType::Array: {
            QStringList items;
            for (const QJsonValue &item : v.isArray() ? v.toArray() : QJsonArray{v})
                items << item.toString();
            qobject_cast<QLineEdit *>(w)->setText(items.join(QStringLiteral(", ")));
            break;
        }
        case FieldType::Pem:
            qobject_cast<QPlainTextEdit *>(w)->setPlainText(v.toString());
            break;
        case FieldType::Json:
            qobject_cast<QPlainTextEdit *>(w)->setPlainText(
                QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented)));
            break;
        case FieldType::Bank:
            qobject_cast<QComboBox *>(w)->setCurrentText(v.toString());
            break;
        case FieldType::Index:
        case FieldType::Seconds:
            qobject_cast<QSpinBox *>(w)->setValue(v.toInt());
            break;
        case FieldType::Time:
        case FieldType::OptionalTime:
            qobject_cast<QDateTimeEdit *>(w)->setDateTime(
                QDateTime::fromString(v.toString(), Qt::ISODate).toUTC());
            if (auto *set = page->findChild<QCheckBox *>(key + QStringLiteral("Set")))
                set->setChecked(true);
            break;
        case FieldType::Token:
            break;
        }
    }
    // An ID the parser would derive anyway is left blank, so that it follows the edited fields.
    QJsonObject withoutId = stored;
    withoutId.remove(QStringLiteral("id"));
    QString natural;
    if (m_list == AnchorList::Anchors) {
        if (auto a = core::AnchorSet::anchorFromJson(withoutId))
            natural = a->id;
    } else if (auto v = core::AnchorSet::referenceValueFromJson(withoutId)) {
        natural = v->id;
    }
    if (natural == m_oldId)
        qobject_cast<QLineEdit *>(page->findChild<QWidget *>(QStringLiteral("id")))->clear();
}

core::Result<void> AnchorEntryDialog::loadField(const QString &key, const QString &path)
{
    auto *edit = qobject_cast<QPlainTextEdit *>(field(key));
    if (!edit)
        return core::makeError(core::ec::AnchorsUnknownField, key);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return core::makeError(core::ec::StoreUnreadable, path);
    edit->setPlainText(QString::fromUtf8(file.readAll()));
    return {};
}

QJsonObject AnchorEntryDialog::entry() const
{
    const QString kind = m_kind->currentData().toString();
    // Fields the form does not show (newer settings, for one) stay as they were stored.
    QJsonObject e =
        m_stored.value(QLatin1String("kind")).toString() == kind ? m_stored : QJsonObject();
    e.insert(QStringLiteral("kind"), kind);
    QWidget *page = currentPage();
    for (const Field &f : fieldsOf(kind)) {
        const QString key = QString::fromLatin1(f.key);
        QWidget *w = page->findChild<QWidget *>(key);
        e.remove(key);
        switch (f.type) {
        case FieldType::Line:
            if (const QString text = qobject_cast<QLineEdit *>(w)->text().trimmed();
                !text.isEmpty())
                e.insert(key, text);
            break;
        case FieldType::Number: {
            const QString text = qobject_cast<QLineEdit *>(w)->text().trimmed();
            bool ok = false;
            const qint64 number = text.toLongLong(&ok);
            // Text that is no number goes in as it is: the parser refuses it.
            if (ok)
                e.insert(key, number);
            else if (!text.isEmpty())
                e.insert(key, text);
            break;
        }
        case FieldType::List:
        case FieldType::Array: {
            const QStringList items = splitList(qobject_cast<QLineEdit *>(w)->text());
            if (f.type == FieldType::List && items.size() == 1)
                e.insert(key, items.first());
            else if (!items.isEmpty())
                e.insert(key, QJsonArray::fromStringList(items));
            break;
        }
        case FieldType::Pem:
            if (const QString text = qobject_cast<QPlainTextEdit *>(w)->toPlainText();
                !text.trimmed().isEmpty())
                e.insert(key, text);
            break;
        case FieldType::Json: {
            const QString text = qobject_cast<QPlainTextEdit *>(w)->toPlainText();
            const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
            // Text that is no JSON object goes in as it is: the parser refuses it as a JWKS.
            if (doc.isObject())
                e.insert(key, doc.object());
            else if (!text.trimmed().isEmpty())
                e.insert(key, text);
            break;
        }
        case FieldType::Bank:
            e.insert(key, qobject_cast<QComboBox *>(w)->currentText());
            break;
        case FieldType::Index:
        case FieldType::Seconds:
            e.insert(key, qobject_cast<QSpinBox *>(w)->value());
            break;
        case FieldType::Time:
        case FieldType::OptionalTime: {
            auto *set = page->findChild<QCheckBox *>(key + QStringLiteral("Set"));
            if (!set || set->isChecked())
                e.insert(key, qobject_cast<QDateTimeEdit *>(w)->dateTime().toUTC().toString(
                                  Qt::ISODate));
            break;
        }
        case FieldType::Token:
            if (!generatedToken().isEmpty()) {
                e.remove(QStringLiteral("token_sha256"));
                e.insert(key, m_token);
            }
            break;
        }
    }
    return e;
}

QString AnchorEntryDialog::fieldOf(const core::Error &error) const
{
    if (error.code == QLatin1String("anchors.duplicate_id"))
        return QStringLiteral("id");
    // A JWKS or PEM the parser refuses is the current kind's field of that type.
    const bool jwks = error.code == QLatin1String("anchors.bad_jwks");
    if (jwks || error.code == QLatin1String("anchors.bad_pem")) {
        for (const Field &f : fieldsOf(m_kind->currentData().toString())) {
            if (f.type == (jwks ? FieldType::Json : FieldType::Pem))
                return QString::fromLatin1(f.key);
        }
    }
    // "service_account_allow_list[2]" is about the allow list.
    return error.field.section(QLatin1Char('['), 0, 0);
}

QString AnchorEntryDialog::problemText(const core::Error &error) const
{
    const QString key = fieldOf(error);
    if (!key.isEmpty() && field(key))
        return tr("%1: %2").arg(labelOf(key), ErrorMessages::text(error));
    return ErrorMessages::text(error);
}

void AnchorEntryDialog::validate()
{
    if (!m_buttons)
        return; // still building the forms
    const QJsonObject e = entry();
    std::optional<core::Error> problem;
    QString id;
    if (m_list == AnchorList::Anchors) {
        if (auto a = core::AnchorSet::anchorFromJson(e))
            id = a->id;
        else
            problem = a.error();
    } else if (auto v = core::AnchorSet::referenceValueFromJson(e)) {
        id = v->id;
    } else {
        problem = v.error();
    }
    if (!problem && id != m_oldId &&
        (m_list == AnchorList::Anchors ? m_existing.anchor(id) != nullptr
                                       : m_existing.referenceValue(id) != nullptr))
        problem = core::makeError(core::ec::AnchorsDuplicateId, id);
    m_feedback->setText(problem ? problemText(*problem) : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!problem);
}

QString AnchorEntryDialog::feedbackText() const
{
    return m_feedback->text();
}

void AnchorEntryDialog::accept()
{
    const QJsonObject e = entry();
    const bool anchors = m_list == AnchorList::Anchors;
    core::Result<QString> id =
        m_oldId.isEmpty() ? (anchors ? m_document->addAnchor(e) : m_document->addReferenceValue(e))
                          : (anchors ? m_document->replaceAnchor(m_oldId, e)
                                     : m_document->replaceReferenceValue(m_oldId, e));
    if (!id) {
        m_feedback->setText(problemText(id.error()));
        return;
    }
    m_savedId = *id;
    m_token.clear();
    QDialog::accept();
}

} // namespace ta::views
