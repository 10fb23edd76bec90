// SPDX-License-Identifier: Apache-2.0
#include "views/PolicyStudio.h"

#include "views/CelEditor.h"
#include "views/ErrorMessages.h"

#include "models/Document.h"
#include "models/EntryDraft.h"
#include "models/EntryListModel.h"
#include "models/PolicyDraft.h"
#include "models/PolicyListModel.h"
#include "models/PolicyResimulator.h"

#include <QAction>
#include <QCheckBox>
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
#include <QStackedWidget>
#include <QTabWidget>
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

/// The selectors typed, "type:value" separated by commas; one that does not parse is kept as
/// typed, so the list marks the entry invalid instead of losing the text.
QList<core::Selector> parseSelectors(const QString &text)
{
    QList<core::Selector> out;
    for (const QString &part : splitList(text)) {
        auto sel = core::Selector::parse(part);
        out.append(sel ? *sel : core::Selector{part, QString()});
    }
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
    m_entryDraft = new models::EntryDraft(document, this);
    m_entryModel = new models::EntryListModel(m_entryDraft, this);

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
    auto *policyPage = new QWidget(left);
    auto *policyLayout = new QVBoxLayout(policyPage);
    policyLayout->setContentsMargins(0, 0, 0, 0);
    policyLayout->addWidget(m_list);
    policyLayout->addWidget(bar);
    m_kinds = new QTabWidget(left);
    m_kinds->setObjectName(QStringLiteral("ruleKinds"));
    m_kinds->addTab(policyPage, tr("Policies"));
    m_kinds->addTab(buildEntryList(), tr("Registration Entries"));
    leftLayout->addWidget(m_kinds);
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

    m_forms = new QStackedWidget(this);
    m_forms->addWidget(buildForm());
    m_forms->addWidget(buildEntryForm());
    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("versionComment"));
    m_comment->setPlaceholderText(tr("What changed, and why"));
    m_save = new QPushButton(tr("&Save Version"), this);
    m_save->setObjectName(QStringLiteral("saveVersion"));
    connect(m_save, &QPushButton::clicked, this, &PolicyStudio::save);
    connect(m_comment, &QLineEdit::returnPressed, this, &PolicyStudio::save);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_forms);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_comment);
    saveRow->addWidget(m_save);
    topLayout->addLayout(saveRow);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(top);
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

    connect(m_kinds, &QTabWidget::currentChanged, this, [this](int kind) {
        m_forms->setCurrentIndex(kind);
        refreshVersions();
        if (editingEntries())
            m_resim->requestEntries(m_entryDraft->entries());
        else
            m_resim->request(m_draft->policies());
    });
    connect(m_entryDraft, &models::EntryDraft::layoutReset, this, [this] { onEntriesChanged(-1); });
    connect(m_entryDraft, &models::EntryDraft::entryChanged, this, &PolicyStudio::onEntriesChanged);
    connect(m_entryDraft, &models::EntryDraft::saved, this, [this] {
        if (auto b = m_resim->setBaseEntries(m_entryDraft->savedEntries()); !b)
            m_simStatus->setText(describe(b.error()));
        refreshVersions();
    });
    if (auto entries = m_entryDraft->load(); !entries)
        m_simStatus->setText(describe(entries.error()));
    else if (auto b = m_resim->setBaseEntries(m_entryDraft->savedEntries()); !b)
        m_simStatus->setText(describe(b.error()));
    setCurrentEntryRow(0);

    if (auto loaded = m_draft->load(); !loaded)
        m_simStatus->setText(describe(loaded.error()));
    else
        prepareResimulation();
    // Records imported or generated: the re-simulation replays the new timeline, at once for an
    // unsaved edit (its difference would be stale).
    if (document)
        connect(document, &models::Document::evidenceRecordsChanged, this, [this] {
            m_diff->clear();
            if (!prepareResimulation())
                return;
            if (editingEntries() && m_entryDraft->isModified())
                m_resim->requestEntries(m_entryDraft->entries());
            else if (!editingEntries() && m_draft->isModified())
                m_resim->request(m_draft->policies());
        });
    refreshVersions();
    setCurrentRow(0);
    updateActions();
}

bool PolicyStudio::prepareResimulation()
{
    if (auto prepared = m_resim->prepare(m_draft->savedPolicies()); !prepared) {
        m_simStatus->setText(tr("Not re-simulated: %1").arg(describe(prepared.error())));
        return false;
    }
    m_simStatus->setText(tr("%n evidence record(s) recorded; edit a policy to see its effect.",
                            nullptr, int(m_resim->evidenceCount())));
    return true;
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

    auto *outer = new QVBoxLayout(m_form);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addLayout(form);
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

bool PolicyStudio::editingEntries() const
{
    return m_kinds->currentIndex() == 1;
}

bool PolicyStudio::save()
{
    auto version =
        editingEntries() ? m_entryDraft->save(m_comment->text()) : m_draft->save(m_comment->text());
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
    auto versions = editingEntries() ? m_entryDraft->versions() : m_draft->versions();
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

QWidget *PolicyStudio::buildEntryList()
{
    auto *page = new QWidget(this);
    m_entryList = new QListView(page);
    m_entryList->setObjectName(QStringLiteral("entryList"));
    m_entryList->setModel(m_entryModel);
    m_entryList->setSelectionMode(QAbstractItemView::SingleSelection);
    auto *bar = new QToolBar(page);
    m_addEntry = bar->addAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("Add"),
                                m_entryDraft, &models::EntryDraft::addEntry);
    m_addEntry->setToolTip(tr("Add a registration entry"));
    m_duplicateEntry =
        bar->addAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Duplicate"), this,
                       [this] { m_entryDraft->duplicateEntry(currentEntryRow()); });
    m_removeEntry = bar->addAction(QIcon::fromTheme(QStringLiteral("list-remove")), tr("Remove"),
                                   this, [this] { m_entryDraft->removeEntry(currentEntryRow()); });
    m_entryUp = bar->addAction(QIcon::fromTheme(QStringLiteral("go-up")), tr("Up"), this, [this] {
        const int row = currentEntryRow();
        m_entryDraft->moveEntry(row, row - 1);
        setCurrentEntryRow(row - 1);
    });
    m_entryDown =
        bar->addAction(QIcon::fromTheme(QStringLiteral("go-down")), tr("Down"), this, [this] {
            const int row = currentEntryRow();
            m_entryDraft->moveEntry(row, row + 1);
            setCurrentEntryRow(row + 1);
        });
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_entryList);
    layout->addWidget(bar);
    connect(m_entryList->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showEntry();
        onEntriesChanged(-2);
    });
    return page;
}

QWidget *PolicyStudio::buildEntryForm()
{
    m_entryForm = new QWidget(this);
    auto *form = new QFormLayout(m_entryForm);
    form->setContentsMargins(0, 0, 0, 0);
    m_entrySpiffeId = new QLineEdit(m_entryForm);
    m_entrySpiffeId->setObjectName(QStringLiteral("entrySpiffeId"));
    m_entryParent = new QLineEdit(m_entryForm);
    m_entryParent->setObjectName(QStringLiteral("entryParentId"));
    m_entrySelectors = new QLineEdit(m_entryForm);
    m_entrySelectors->setObjectName(QStringLiteral("entrySelectors"));
    m_entrySelectors->setPlaceholderText(QStringLiteral("k8s:ns:payments, k8s:sa:api"));
    m_entryX509Ttl = new QSpinBox(m_entryForm);
    m_entryJwtTtl = new QSpinBox(m_entryForm);
    for (QSpinBox *box : {m_entryX509Ttl, m_entryJwtTtl}) {
        box->setRange(0, std::numeric_limits<qint32>::max());
        box->setSuffix(tr(" s"));
        box->setSpecialValueText(tr("server default"));
    }
    m_entryDnsNames = new QLineEdit(m_entryForm);
    m_entryDnsNames->setPlaceholderText(tr("comma-separated"));
    m_entryFederatesWith = new QLineEdit(m_entryForm);
    m_entryFederatesWith->setPlaceholderText(tr("comma-separated trust domains"));
    m_entryAdmin = new QCheckBox(tr("Ad&min"), m_entryForm);
    m_entryDownstream = new QCheckBox(tr("Do&wnstream"), m_entryForm);
    form->addRow(tr("S&PIFFE ID:"), m_entrySpiffeId);
    form->addRow(tr("&Parent ID:"), m_entryParent);
    form->addRow(tr("S&electors:"), m_entrySelectors);
    form->addRow(tr("&X509-SVID TTL:"), m_entryX509Ttl);
    form->addRow(tr("&JWT-SVID TTL:"), m_entryJwtTtl);
    form->addRow(tr("&DNS names:"), m_entryDnsNames);
    form->addRow(tr("&Federates with:"), m_entryFederatesWith);
    form->addRow(QString(), m_entryAdmin);
    form->addRow(QString(), m_entryDownstream);

    using EField = models::EntryDraft::Field;
    connect(m_entrySpiffeId, &QLineEdit::textEdited, this,
            [this] { editEntryField(int(EField::SpiffeId)); });
    connect(m_entryParent, &QLineEdit::textEdited, this,
            [this] { editEntryField(int(EField::ParentId)); });
    connect(m_entrySelectors, &QLineEdit::textEdited, this,
            [this] { editEntryField(int(EField::Selectors)); });
    connect(m_entryX509Ttl, &QSpinBox::valueChanged, this,
            [this] { editEntryField(int(EField::X509Ttl)); });
    connect(m_entryJwtTtl, &QSpinBox::valueChanged, this,
            [this] { editEntryField(int(EField::JwtTtl)); });
    connect(m_entryDnsNames, &QLineEdit::textEdited, this,
            [this] { editEntryField(int(EField::DnsNames)); });
    connect(m_entryFederatesWith, &QLineEdit::textEdited, this,
            [this] { editEntryField(int(EField::FederatesWith)); });
    connect(m_entryAdmin, &QCheckBox::toggled, this,
            [this] { editEntryField(int(EField::Admin)); });
    connect(m_entryDownstream, &QCheckBox::toggled, this,
            [this] { editEntryField(int(EField::Downstream)); });
    return m_entryForm;
}

bool PolicyStudio::selectRule(const QString &rule)
{
    const QLatin1String entryPrefix("rule/entry/");
    const QLatin1String policyPrefix("rule/policy/");
    if (rule.startsWith(entryPrefix)) {
        const QString id = rule.mid(entryPrefix.size());
        const QList<core::RegistrationEntry> &entries = m_entryDraft->entries();
        for (int row = 0; row < entries.size(); ++row) {
            if (entries.at(row).id != id)
                continue;
            m_kinds->setCurrentIndex(1);
            setCurrentEntryRow(row);
            return true;
        }
        return false;
    }
    const QString name = rule.startsWith(policyPrefix) ? rule.mid(policyPrefix.size()) : rule;
    const QList<core::Policy> &policies = m_draft->policies();
    for (int row = 0; row < policies.size(); ++row) {
        if (policies.at(row).name != name)
            continue;
        m_kinds->setCurrentIndex(0);
        setCurrentRow(row);
        return true;
    }
    return false;
}

int PolicyStudio::currentEntryRow() const
{
    return m_entryList->currentIndex().isValid() ? m_entryList->currentIndex().row() : -1;
}

void PolicyStudio::setCurrentEntryRow(int row)
{
    if (row >= 0 && row < m_entryModel->rowCount())
        m_entryList->setCurrentIndex(m_entryModel->index(row));
    else
        showEntry();
}

void PolicyStudio::showEntry()
{
    const int row = currentEntryRow();
    const bool has = row >= 0 && row < m_entryDraft->entries().size();
    m_entryForm->setEnabled(has);
    const core::RegistrationEntry e =
        has ? m_entryDraft->entries().at(row) : core::RegistrationEntry();
    m_filling = true;
    auto set = [](QLineEdit *edit, const QString &text) {
        if (edit->text() != text)
            edit->setText(text);
    };
    QStringList selectors;
    for (const core::Selector &sel : e.selectors)
        selectors << sel.toString();
    set(m_entrySpiffeId, e.spiffeId);
    set(m_entryParent, e.parentId);
    // While typing ("k8s:n", "a:b, "), the text stays as typed as long as it reads as the
    // entry's selectors; only a different list (undo, another entry) replaces it.
    if (parseSelectors(m_entrySelectors->text()) != e.selectors)
        m_entrySelectors->setText(selectors.join(QStringLiteral(", ")));
    m_entryX509Ttl->setValue(e.x509SvidTtl);
    m_entryJwtTtl->setValue(e.jwtSvidTtl);
    if (splitList(m_entryDnsNames->text()) != e.dnsNames)
        m_entryDnsNames->setText(e.dnsNames.join(QStringLiteral(", ")));
    if (splitList(m_entryFederatesWith->text()) != e.federatesWith)
        m_entryFederatesWith->setText(e.federatesWith.join(QStringLiteral(", ")));
    m_entryAdmin->setChecked(e.admin);
    m_entryDownstream->setChecked(e.downstream);
    m_filling = false;
}

void PolicyStudio::editEntryField(int field)
{
    const int row = currentEntryRow();
    if (m_filling || row < 0 || row >= m_entryDraft->entries().size())
        return;
    using EField = models::EntryDraft::Field;
    core::RegistrationEntry e = m_entryDraft->entries().at(row);
    switch (EField(field)) {
    case EField::SpiffeId:
        e.spiffeId = m_entrySpiffeId->text().trimmed();
        break;
    case EField::ParentId:
        e.parentId = m_entryParent->text().trimmed();
        break;
    case EField::Selectors:
        e.selectors = parseSelectors(m_entrySelectors->text());
        break;
    case EField::X509Ttl:
        e.x509SvidTtl = m_entryX509Ttl->value();
        break;
    case EField::JwtTtl:
        e.jwtSvidTtl = m_entryJwtTtl->value();
        break;
    case EField::DnsNames:
        e.dnsNames = splitList(m_entryDnsNames->text());
        break;
    case EField::FederatesWith:
        e.federatesWith = splitList(m_entryFederatesWith->text());
        break;
    case EField::Admin:
        e.admin = m_entryAdmin->isChecked();
        break;
    case EField::Downstream:
        e.downstream = m_entryDownstream->isChecked();
        break;
    }
    m_entryDraft->updateEntry(row, e, EField(field));
}

void PolicyStudio::onEntriesChanged(int row)
{
    const int current = currentEntryRow();
    const int rows = m_entryModel->rowCount();
    m_duplicateEntry->setEnabled(current >= 0);
    m_removeEntry->setEnabled(current >= 0);
    m_entryUp->setEnabled(current > 0);
    m_entryDown->setEnabled(current >= 0 && current + 1 < rows);
    if (row == -2) // selection only
        return;
    if (row < 0 || row == current) {
        if (row < 0 && current < 0 && rows > 0)
            setCurrentEntryRow(0);
        showEntry();
    }
    m_resim->requestEntries(m_entryDraft->entries());
}

} // namespace ta::views
