// SPDX-License-Identifier: Apache-2.0
#include "views/PolicyStudio.h"

#include "views/CelEditor.h"
#include "views/ErrorMessages.h"

#include "models/Document.h"
#include "models/PolicyDraft.h"
#include "models/PolicyListModel.h"
#include "models/PolicyResimulator.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ta::views {
namespace {

/// The translated sentence of @p e with its detail, which names the policy and the place.
QString describe(const core::Error &e)
{
    const QString text = ErrorMessages::text(e);
    return e.detail.isEmpty() || text.contains(e.detail)
               ? text
               : text + QStringLiteral(" (") + e.detail + QLatin1Char(')');
}

using Field = models::PolicyDraft::Field;

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

} // namespace

PolicyStudio::PolicyStudio(models::Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("policyStudio"));
    m_draft = new models::PolicyDraft(document, this);
    m_model = new models::PolicyListModel(m_draft, this);
    m_resim = new models::PolicyResimulator(document, this);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("policyList"));
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    auto *bar = new QToolBar(this);
    m_add = bar->addAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("Add"), m_draft,
                           &models::PolicyDraft::addPolicy);
    m_add->setToolTip(tr("Add a policy"));
    m_duplicate = bar->addAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Duplicate"),
                                 this, [this] { m_draft->duplicatePolicy(currentRow()); });
    m_remove = bar->addAction(QIcon::fromTheme(QStringLiteral("list-remove")), tr("Remove"), this,
                              [this] { m_draft->removePolicy(currentRow()); });
    m_up = bar->addAction(QIcon::fromTheme(QStringLiteral("go-up")), tr("Up"), this, [this] {
        const int row = currentRow();
        m_draft->movePolicy(row, row - 1);
        setCurrentRow(row - 1);
    });
    m_down = bar->addAction(QIcon::fromTheme(QStringLiteral("go-down")), tr("Down"), this, [this] {
        const int row = currentRow();
        m_draft->movePolicy(row, row + 1);
        setCurrentRow(row + 1);
    });
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Policies"), left));
    leftLayout->addWidget(m_list);
    leftLayout->addWidget(bar);
    m_versions = new QTreeWidget(left);
    m_versions->setObjectName(QStringLiteral("versionList"));
    m_versions->setHeaderLabels({tr("Version"), tr("Saved"), tr("Comment")});
    m_versions->setRootIsDecorated(false);
    leftLayout->addWidget(new QLabel(tr("Saved versions"), left));
    leftLayout->addWidget(m_versions);

    m_simStatus = new QLabel(this);
    m_simStatus->setObjectName(QStringLiteral("simulationStatus"));
    m_simStatus->setWordWrap(true);
    m_diff = new QTreeWidget(this);
    m_diff->setObjectName(QStringLiteral("differenceTree"));
    m_diff->setHeaderLabels(
        {tr("Subject"), tr("Gains"), tr("Loses"), tr("Rule or TTL changed"), tr("First change")});
    m_diff->setRootIsDecorated(false);
    m_diff->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(new QLabel(tr("Re-simulation against the saved version"), bottom));
    bottomLayout->addWidget(m_simStatus);
    bottomLayout->addWidget(m_diff);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(buildForm());
    right->addWidget(bottom);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(split);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showPolicy();
        updateActions();
    });
    connect(m_draft, &models::PolicyDraft::layoutReset, this, [this] { onDraftChanged(-1); });
    connect(m_draft, &models::PolicyDraft::policyChanged, this, &PolicyStudio::onDraftChanged);
    connect(m_draft, &models::PolicyDraft::saved, this, [this] {
        if (auto b = m_resim->setBase(m_draft->savedPolicies()); !b)
            m_simStatus->setText(describe(b.error()));
        refreshVersions();
        m_resim->request(m_draft->policies());
    });
    connect(m_resim, &models::PolicyResimulator::started, this,
            [this] { m_simStatus->setText(tr("Re-simulating…")); });
    connect(m_resim, &models::PolicyResimulator::finished, this, &PolicyStudio::showReport);
    connect(m_resim, &models::PolicyResimulator::failed, this, [this](const core::Error &e) {
        // The last difference belongs to an earlier edit; showing it would mislead.
        m_diff->clear();
        m_simStatus->setText(tr("Not re-simulated: %1").arg(describe(e)));
    });
    connect(m_resim, &models::PolicyResimulator::claimsReady, this,
            [this] { m_condition->setExamples(m_resim->claimExamples()); });

    if (auto loaded = m_draft->load(); !loaded)
        m_simStatus->setText(describe(loaded.error()));
    else if (auto prepared = m_resim->prepare(m_draft->savedPolicies()); !prepared)
        m_simStatus->setText(tr("Not re-simulated: %1").arg(describe(prepared.error())));
    else
        m_simStatus->setText(tr("%n evidence record(s) recorded; edit a policy to see its effect.",
                                nullptr, int(m_resim->evidenceCount())));
    refreshVersions();
    setCurrentRow(0);
    updateActions();
}

QWidget *PolicyStudio::buildForm()
{
    m_form = new QWidget(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("policyName"));
    m_effect = new QComboBox(m_form);
    m_effect->setObjectName(QStringLiteral("policyEffect"));
    m_effect->addItem(tr("Grant"), int(core::PolicyEffect::Grant));
    m_effect->addItem(tr("Deny"), int(core::PolicyEffect::Deny));
    m_trustDomain = new QLineEdit(m_form);
    m_trustDomain->setObjectName(QStringLiteral("policyTrustDomain"));
    m_template = new QLineEdit(m_form);
    m_template->setObjectName(QStringLiteral("policyTemplate"));
    m_template->setPlaceholderText(QStringLiteral("spiffe://example.org/ns/{workload.k8s.ns}"));
    m_x509Ttl = new QSpinBox(m_form);
    m_x509Ttl->setObjectName(QStringLiteral("policyX509Ttl"));
    m_jwtTtl = new QSpinBox(m_form);
    m_jwtTtl->setObjectName(QStringLiteral("policyJwtTtl"));
    for (QSpinBox *box : {m_x509Ttl, m_jwtTtl}) {
        box->setRange(0, std::numeric_limits<qint32>::max());
        box->setSuffix(tr(" s"));
        box->setSpecialValueText(tr("server default"));
    }
    m_dnsNames = new QLineEdit(m_form);
    m_dnsNames->setObjectName(QStringLiteral("policyDnsNames"));
    m_dnsNames->setPlaceholderText(tr("comma-separated"));
    m_federatesWith = new QLineEdit(m_form);
    m_federatesWith->setObjectName(QStringLiteral("policyFederatesWith"));
    m_federatesWith->setPlaceholderText(tr("comma-separated trust domains"));
    m_condition = new CelEditor(m_form);
    m_condition->setMinimumHeight(80);
    m_diagnostic = new QLabel(m_form);
    m_diagnostic->setObjectName(QStringLiteral("conditionDiagnostic"));
    m_diagnostic->setWordWrap(true);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Effect:"), m_effect);
    form->addRow(tr("&Trust domain:"), m_trustDomain);
    form->addRow(tr("SPIFFE ID te&mplate:"), m_template);
    form->addRow(tr("&X509-SVID TTL:"), m_x509Ttl);
    form->addRow(tr("&JWT-SVID TTL:"), m_jwtTtl);
    form->addRow(tr("&DNS names:"), m_dnsNames);
    form->addRow(tr("&Federates with:"), m_federatesWith);
    form->addRow(tr("&Condition:"), m_condition);
    form->addRow(QString(), m_diagnostic);

    connect(m_name, &QLineEdit::textEdited, this, [this] { editField(int(Field::Name)); });
    connect(m_effect, &QComboBox::activated, this, [this] { editField(int(Field::Effect)); });
    connect(m_trustDomain, &QLineEdit::textEdited, this,
            [this] { editField(int(Field::TrustDomain)); });
    connect(m_template, &QLineEdit::textEdited, this, [this] { editField(int(Field::Template)); });
    connect(m_x509Ttl, &QSpinBox::valueChanged, this, [this] { editField(int(Field::X509Ttl)); });
    connect(m_jwtTtl, &QSpinBox::valueChanged, this, [this] { editField(int(Field::JwtTtl)); });
    connect(m_dnsNames, &QLineEdit::textEdited, this, [this] { editField(int(Field::DnsNames)); });
    connect(m_federatesWith, &QLineEdit::textEdited, this,
            [this] { editField(int(Field::FederatesWith)); });
    connect(m_condition, &QPlainTextEdit::textChanged, this,
            [this] { editField(int(Field::Condition)); });
    connect(m_condition, &CelEditor::diagnosticsChanged, this, [this] {
        const auto &d = m_condition->diagnostics();
        m_diagnostic->setText(d.isEmpty() ? tr("The condition parses and type-checks.")
                                          : d.first().toString());
    });

    m_comment = new QLineEdit(m_form);
    m_comment->setObjectName(QStringLiteral("versionComment"));
    m_comment->setPlaceholderText(tr("What changed, and why"));
    m_save = new QPushButton(tr("&Save Version"), m_form);
    m_save->setObjectName(QStringLiteral("saveVersion"));
    connect(m_save, &QPushButton::clicked, this, &PolicyStudio::save);
    connect(m_comment, &QLineEdit::returnPressed, this, &PolicyStudio::save);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_comment);
    saveRow->addWidget(m_save);

    auto *outer = new QVBoxLayout(m_form);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addLayout(form);
    outer->addLayout(saveRow);
    return m_form;
}

int PolicyStudio::currentRow() const
{
    return m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
}

void PolicyStudio::setCurrentRow(int row)
{
    if (row >= 0 && row < m_model->rowCount())
        m_list->setCurrentIndex(m_model->index(row));
    else
        showPolicy();
}

void PolicyStudio::showPolicy()
{
    const int row = currentRow();
    const bool has = row >= 0 && row < m_draft->policies().size();
    m_form->setEnabled(has);
    const core::Policy p = has ? m_draft->policies().at(row) : core::Policy();
    m_filling = true;
    auto set = [](QLineEdit *edit, const QString &text) {
        if (edit->text() != text)
            edit->setText(text);
    };
    set(m_name, p.name);
    m_effect->setCurrentIndex(m_effect->findData(int(p.effect)));
    set(m_trustDomain, p.trustDomain);
    set(m_template, p.spiffeIdTemplate);
    m_x509Ttl->setValue(p.x509SvidTtl);
    m_jwtTtl->setValue(p.jwtSvidTtl);
    set(m_dnsNames, p.dnsNames.join(QStringLiteral(", ")));
    set(m_federatesWith, p.federatesWith.join(QStringLiteral(", ")));
    if (m_condition->toPlainText() != p.condition) {
        // Keep the cursor where it was when undo or redo changes the text under it.
        const int cursor = m_condition->textCursor().position();
        m_condition->setPlainText(p.condition);
        QTextCursor c = m_condition->textCursor();
        c.setPosition(qMin(cursor, int(p.condition.size())));
        m_condition->setTextCursor(c);
    }
    m_filling = false;
}

void PolicyStudio::editField(int field)
{
    const int row = currentRow();
    if (m_filling || row < 0 || row >= m_draft->policies().size())
        return;
    core::Policy p = m_draft->policies().at(row);
    switch (Field(field)) {
    case Field::Name:
        p.name = m_name->text();
        break;
    case Field::Effect:
        p.effect = core::PolicyEffect(m_effect->currentData().toInt());
        break;
    case Field::TrustDomain:
        p.trustDomain = m_trustDomain->text();
        break;
    case Field::Template:
        p.spiffeIdTemplate = m_template->text();
        break;
    case Field::X509Ttl:
        p.x509SvidTtl = m_x509Ttl->value();
        break;
    case Field::JwtTtl:
        p.jwtSvidTtl = m_jwtTtl->value();
        break;
    case Field::DnsNames:
        p.dnsNames = splitList(m_dnsNames->text());
        break;
    case Field::FederatesWith:
        p.federatesWith = splitList(m_federatesWith->text());
        break;
    case Field::Condition:
        p.condition = m_condition->toPlainText();
        break;
    case Field::Description:
        break;
    }
    m_draft->updatePolicy(row, p, Field(field));
}

void PolicyStudio::onDraftChanged(int row)
{
    if (row < 0 || row == currentRow()) {
        if (row < 0 && currentRow() < 0 && m_model->rowCount() > 0)
            setCurrentRow(0);
        showPolicy();
    }
    updateActions();
    // Only a set that compiles is worth replaying; the diagnostics already show why not.
    m_resim->request(m_draft->policies());
}

void PolicyStudio::updateActions()
{
    const int row = currentRow();
    const int rows = m_model->rowCount();
    m_duplicate->setEnabled(row >= 0);
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < rows);
}

bool PolicyStudio::save()
{
    auto version = m_draft->save(m_comment->text());
    if (!version) {
        m_simStatus->setText(tr("Not saved: %1").arg(describe(version.error())));
        return false;
    }
    m_comment->clear();
    return true;
}

void PolicyStudio::refreshVersions()
{
    m_versions->clear();
    auto versions = m_draft->versions();
    if (!versions)
        return;
    for (auto it = versions->crbegin(); it != versions->crend(); ++it) {
        auto *item = new QTreeWidgetItem(m_versions);
        item->setText(0, QString::number(it->version));
        item->setText(1, QLocale().toString(it->savedAt.toLocalTime(), QLocale::ShortFormat));
        item->setText(2, it->comment);
    }
}

void PolicyStudio::showReport(const core::WhatIfReport &report)
{
    m_diff->clear();
    const QString base = m_draft->savedVersion() > 0 ? tr("version %1").arg(m_draft->savedVersion())
                                                     : tr("no saved policies");
    if (!report.changed())
        m_simStatus->setText(tr("No subject gains or loses an identity against %1.").arg(base));
    else
        m_simStatus->setText(tr("%n subject(s) fare differently than under %1.", nullptr,
                                int(report.subjects.size()))
                                 .arg(base));
    for (const core::SubjectDifference &d : report.subjects) {
        auto *item = new QTreeWidgetItem(m_diff);
        item->setText(0, d.subject);
        item->setText(1, d.gained.join(QLatin1Char('\n')));
        item->setText(2, d.lost.join(QLatin1Char('\n')));
        QStringList changed;
        for (const auto &c : d.changed)
            changed << c.spiffeId;
        item->setText(3, changed.join(QLatin1Char('\n')));
        item->setText(4, QLocale().toString(d.divergedAt.toUTC(), QLocale::ShortFormat) +
                             QStringLiteral(" UTC"));
        if (!d.gained.isEmpty())
            item->setIcon(1, QIcon::fromTheme(QStringLiteral("list-add")));
        if (!d.lost.isEmpty())
            item->setIcon(2, QIcon::fromTheme(QStringLiteral("list-remove")));
    }
    Q_EMIT resimulated(report);
}

} // namespace ta::views
