// SPDX-License-Identifier: Apache-2.0
#include "models/DecisionLogModel.h"

#include "models/Document.h"

#include "core/policy/Decision.h"
#include "core/store/RuleStore.h"
#include "core/store/Workspace.h"

#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace ta::models {
namespace {

QString jsonText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        if (o.size() == 1 && o.contains(QLatin1String("error")))
            return DecisionLogModel::tr("error: %1")
                .arg(o.value(QLatin1String("error")).toString());
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble());
    case QJsonValue::Null:
        return QStringLiteral("null");
    default:
        return DecisionLogModel::tr("(absent)");
    }
}

QString policyVerdictText(core::PolicyVerdict::Outcome o)
{
    using O = core::PolicyVerdict::Outcome;
    switch (o) {
    case O::Granted:
        return DecisionLogModel::tr("Granted");
    case O::Overridden:
        return DecisionLogModel::tr("Overridden by a deny");
    case O::DenyApplied:
        return DecisionLogModel::tr("Deny applies");
    case O::NotMatched:
        return DecisionLogModel::tr("Not matched");
    case O::ConditionError:
        return DecisionLogModel::tr("Condition error");
    case O::FieldMissing:
        return DecisionLogModel::tr("Field missing");
    case O::TemplateInvalid:
        return DecisionLogModel::tr("Invalid SPIFFE ID");
    }
    return {};
}

QString entryVerdictText(core::EntryVerdict::Outcome o)
{
    using O = core::EntryVerdict::Outcome;
    switch (o) {
    case O::Matched:
        return DecisionLogModel::tr("Matched");
    case O::ParentNotAuthorized:
        return DecisionLogModel::tr("Parent not authorized");
    case O::Expired:
        return DecisionLogModel::tr("Expired");
    case O::SelectorsMissing:
        return DecisionLogModel::tr("Selectors missing");
    }
    return {};
}

QStringList selectorTexts(const QList<core::Selector> &selectors)
{
    QStringList out;
    for (const core::Selector &s : selectors)
        out << s.toString();
    return out;
}

} // namespace

DecisionLogModel::DecisionLogModel(QObject *parent)
    : QAbstractItemModel(parent), m_cache(std::make_shared<core::ReplayResultCache>())
{
    m_pool.setMaxThreadCount(1);
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &DecisionLogModel::start);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &DecisionLogModel::onFinished);
}

DecisionLogModel::~DecisionLogModel()
{
    // The worker holds copies of what it reads; cancelling only keeps it from outliving us.
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void DecisionLogModel::setDocument(Document *document)
{
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    // New records, or anchors that verify them differently: the log replays again.
    if (document) {
        connect(document, &Document::evidenceRecordsChanged, this, &DecisionLogModel::refresh);
        connect(document, &Document::anchorsChanged, this, &DecisionLogModel::refresh);
    }
    // The document's cache, shared with the time bar and the studio.
    m_cache = document ? document->replayResults() : std::make_shared<core::ReplayResultCache>();
    m_replay.reset();
    beginResetModel();
    m_explainer.reset();
    m_explanation = core::SubjectExplanation();
    m_rows.clear();
    m_top.clear();
    endResetModel();
    Q_EMIT replayed();
    refresh();
}

void DecisionLogModel::setInstant(const QDateTime &at)
{
    if (at == m_instant)
        return;
    m_instant = at;
    schedule();
}

void DecisionLogModel::setSubject(const QString &subject)
{
    if (subject == m_subject)
        return;
    m_subject = subject;
    rebuild();
}

void DecisionLogModel::setFocusIdentity(const QString &spiffeId)
{
    if (spiffeId == m_focus)
        return;
    m_focus = spiffeId;
    for (int g = 0; g < rowCount(); ++g) {
        const QModelIndex group = index(g, 0);
        const int n = rowCount(group);
        if (n > 0)
            Q_EMIT dataChanged(index(0, 0, group), index(n - 1, ColumnCount - 1, group),
                               {Qt::FontRole});
    }
}

void DecisionLogModel::refresh()
{
    m_reload = true;
    schedule();
}

void DecisionLogModel::setCandidateRules(std::optional<QList<core::Policy>> policies,
                                         std::optional<QList<core::RegistrationEntry>> entries)
{
    if (policies == m_candidatePolicies && entries == m_candidateEntries)
        return;
    m_candidatePolicies = std::move(policies);
    m_candidateEntries = std::move(entries);
    schedule();
}

void DecisionLogModel::schedule()
{
    // Each request makes what runs now stale; requests in one go (a slider dragged, a document
    // opened) start one replay.
    const bool wasBusy = isBusy();
    ++m_generation;
    m_timer.start();
    if (m_running)
        m_watcher.cancel();
    if (!wasBusy)
        Q_EMIT busyChanged(true);
}

void DecisionLogModel::settle()
{
    if (!isBusy())
        Q_EMIT busyChanged(false);
}

void DecisionLogModel::start()
{
    if (m_running)
        return; // onFinished() starts again once the cancelled run has ended
    if (!m_document)
        return settle();
    if (m_reload || !m_replay) {
        if (auto loaded = load(); !loaded) {
            Q_EMIT failed(loaded.error());
            return settle();
        }
        m_reload = false;
    }
    m_running = true;
    m_runGeneration = m_generation;
    m_watcher.setFuture(QtConcurrent::run(
        &m_pool, [replay = *m_replay, policies = m_candidatePolicies.value_or(m_policies),
                  entries = m_candidateEntries.value_or(m_entries),
                  at = m_instant](QPromise<core::Result<Explainer>> &promise) mutable {
            replay.setCancelled([&promise] { return promise.isCanceled(); });
            auto explainer = core::DecisionExplainer::run(replay, policies, entries, at);
            if (!explainer) {
                promise.addResult(core::Result<Explainer>(explainer.error()));
                return;
            }
            promise.addResult(core::Result<Explainer>(
                std::make_shared<const core::DecisionExplainer>(std::move(*explainer))));
        }));
}

core::Result<void> DecisionLogModel::load()
{
    // The database is read here, on the document's thread; the worker gets copies and never
    // touches it. Changing the instant reuses what was read (and the verified results).
    core::Workspace &ws = m_document->workspace(Document::WriteAccess());
    core::RuleStore rules(ws.database());
    auto policyJson = rules.load(core::RuleKind::Policies);
    if (!policyJson)
        return policyJson.error();
    QList<core::Policy> policies;
    if (!policyJson->isEmpty()) {
        auto parsed = core::Policy::listFromJson(*policyJson);
        if (!parsed)
            return parsed.error();
        policies = *parsed;
    }
    auto entries = rules.entries();
    if (!entries)
        return entries.error();
    auto replay = core::TimelineReplay::fromWorkspace(ws, core::TimelineReplay::Options());
    if (!replay)
        return replay.error();
    if (auto records = m_document->replayTimeline(*replay); !records)
        return records.error();
    replay->setResultCache(m_cache);
    m_policies = std::move(policies);
    m_entries = std::move(*entries);
    m_replay = std::move(*replay);
    return {};
}

void DecisionLogModel::onFinished()
{
    m_running = false;
    if (m_runGeneration != m_generation) {
        // It answered an older question; the newest runs now, or when the timer fires.
        if (!m_timer.isActive())
            start();
        return;
    }
    const bool ok = !m_watcher.isCanceled() && m_watcher.future().resultCount() > 0;
    settle();
    if (!ok)
        return;
    const core::Result<Explainer> result = m_watcher.result();
    if (!result) {
        Q_EMIT failed(result.error());
        return;
    }
    m_explainer = *result;
    rebuild();
    Q_EMIT replayed();
}

QStringList DecisionLogModel::subjects() const
{
    return m_explainer ? m_explainer->subjects() : QStringList();
}

QDateTime DecisionLogModel::explainedAt() const
{
    return m_explainer ? m_explainer->at() : QDateTime();
}

void DecisionLogModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    m_top.clear();
    m_explanation = core::SubjectExplanation();
    if (m_explainer && !m_subject.isEmpty()) {
        m_explanation = m_explainer->explain(m_subject);
        if (m_explanation.seen) {
            addPolicies();
            addEntries();
        }
    }
    endResetModel();
}

int DecisionLogModel::addRow(int parent, Row row)
{
    row.parent = parent;
    const int i = int(m_rows.size());
    m_rows.push_back(std::move(row));
    if (parent < 0)
        m_top.push_back(i);
    else
        m_rows[size_t(parent)].children.push_back(i);
    return i;
}

void DecisionLogModel::addPolicies()
{
    const core::PolicyDecision &d = m_explanation.decision.policies;
    Row group;
    group.group = true;
    group.text[RuleColumn] = tr("Policies");
    group.text[VerdictColumn] = tr("%n identity(ies) given", nullptr, int(d.identities.size()));
    const int g = addRow(-1, std::move(group));
    const QList<core::Policy> &policies = m_explainer->policies();
    using O = core::PolicyVerdict::Outcome;
    for (const core::PolicyVerdict &v : d.verdicts) {
        Row r;
        r.ruleId = QStringLiteral("rule/policy/") + v.policy;
        r.text[RuleColumn] =
            v.effect == core::PolicyEffect::Deny ? tr("%1 (deny)").arg(v.policy) : v.policy;
        r.text[VerdictColumn] = policyVerdictText(v.outcome);
        r.outcome = core::outcomeName(v.outcome);
        r.identity = v.spiffeId;
        r.text[IdentityColumn] =
            v.deniesTrustDomain ? tr("every identity of %1").arg(v.spiffeId) : v.spiffeId;
        if (v.index >= 0 && v.index < policies.size()) {
            r.source = policies.at(v.index).condition;
            if (r.identity.isEmpty())
                r.text[IdentityColumn] = policies.at(v.index).spiffeIdTemplate;
        }
        switch (v.outcome) {
        case O::Granted:
            r.tone = Tone::Gives;
            r.text[DetailColumn] = tr("The condition held.");
            break;
        case O::DenyApplied:
            r.tone = Tone::Removes;
            r.text[DetailColumn] = v.reason.isEmpty()
                                       ? tr("The condition held.")
                                       : tr("Fails closed: %1 %2").arg(v.reason, v.detail);
            break;
        case O::Overridden:
            r.tone = Tone::Removes;
            r.text[DetailColumn] = tr("Removed by %1.").arg(v.deniedBy.join(QStringLiteral(", ")));
            break;
        case O::NotMatched:
        case O::ConditionError:
            r.tone = v.outcome == O::NotMatched ? Tone::Fails : Tone::Error;
            if (v.explanation) {
                r.clause = v.explanation->clause;
                r.clauseLine = v.explanation->line;
                r.clauseColumn = v.explanation->column;
                r.text[DetailColumn] =
                    tr("%1 was %2").arg(v.explanation->clause, jsonText(v.explanation->value));
            } else {
                r.text[DetailColumn] = v.detail;
            }
            break;
        case O::FieldMissing:
        case O::TemplateInvalid:
            r.tone = Tone::Error;
            r.text[DetailColumn] = QStringLiteral("%1: %2").arg(v.reason, v.detail);
            break;
        }
        r.tooltip = r.text[DetailColumn];
        const int ri = addRow(g, r);
        if (!v.explanation)
            continue;
        for (const auto &[path, value] : v.explanation->values) {
            Row c;
            c.ruleId = r.ruleId;
            c.source = r.source;
            c.clause = r.clause;
            c.clauseLine = r.clauseLine;
            c.clauseColumn = r.clauseColumn;
            c.text[RuleColumn] = path;
            c.text[VerdictColumn] = tr("read");
            c.text[DetailColumn] = jsonText(value);
            c.tooltip = tr("The failing clause read %1 = %2").arg(path, jsonText(value));
            addRow(ri, std::move(c));
        }
    }
}

void DecisionLogModel::addEntries()
{
    const core::Decision &decision = m_explanation.decision;
    if (m_explainer->entries().isEmpty())
        return;
    Row group;
    group.group = true;
    group.text[RuleColumn] = tr("Registration entries");
    if (!decision.entries) {
        group.text[VerdictColumn] = tr("Not matched");
        group.text[DetailColumn] = decision.entriesSkipped == QLatin1String("decision.no_agent_id")
                                       ? tr("The subject names no agent to match entries for.")
                                       : decision.entriesSkipped;
        addRow(-1, std::move(group));
        return;
    }
    group.text[VerdictColumn] =
        tr("%n identity(ies) given", nullptr, int(decision.entries->granted.size()));
    const int g = addRow(-1, std::move(group));
    QHash<QString, const core::RegistrationEntry *> byId;
    for (const core::RegistrationEntry &e : m_explainer->entries())
        byId.insert(e.id, &e);
    using O = core::EntryVerdict::Outcome;
    for (const core::EntryVerdict &v : decision.entries->verdicts) {
        const core::RegistrationEntry *entry = byId.value(v.entryId);
        Row r;
        r.ruleId = QStringLiteral("rule/entry/") + v.entryId;
        r.text[RuleColumn] = v.entryId;
        r.text[VerdictColumn] = entryVerdictText(v.outcome);
        r.outcome = core::entryOutcomeName(v.outcome);
        r.identity = v.spiffeId;
        r.text[IdentityColumn] = v.spiffeId;
        r.missing = selectorTexts(v.missing);
        if (entry)
            r.source = tr("parent: %1\nselectors: %2")
                           .arg(entry->parentId,
                                selectorTexts(entry->selectors).join(QStringLiteral(", ")));
        switch (v.outcome) {
        case O::Matched:
            r.tone = Tone::Gives;
            r.text[DetailColumn] = tr("Every selector is among the subject's.");
            break;
        case O::ParentNotAuthorized:
            r.tone = Tone::Fails;
            r.text[DetailColumn] = tr("Parent %1 is neither the agent nor below it.")
                                       .arg(entry ? entry->parentId : QString());
            break;
        case O::Expired:
            r.tone = Tone::Fails;
            r.text[DetailColumn] =
                tr("Expired at %1.")
                    .arg(entry ? QDateTime::fromSecsSinceEpoch(entry->expiresAt, Qt::UTC)
                                     .toString(Qt::ISODate)
                               : QString());
            break;
        case O::SelectorsMissing:
            r.tone = Tone::Fails;
            r.text[DetailColumn] = tr("Missing %1").arg(r.missing.join(QStringLiteral(", ")));
            break;
        }
        r.tooltip = r.text[DetailColumn];
        const int ri = addRow(g, r);
        for (const QString &m : std::as_const(r.missing)) {
            Row c;
            c.ruleId = r.ruleId;
            c.source = r.source;
            c.missing = r.missing;
            c.tone = Tone::Fails;
            c.text[RuleColumn] = m;
            c.text[VerdictColumn] = tr("missing");
            c.text[DetailColumn] = tr("The subject has no selector %1.").arg(m);
            addRow(ri, std::move(c));
        }
    }
}

QModelIndex DecisionLogModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const std::vector<int> &list =
        parent.isValid() ? m_rows[size_t(parent.internalId())].children : m_top;
    if (parent.isValid() && parent.column() != 0)
        return {};
    if (row >= int(list.size()))
        return {};
    return createIndex(row, column, quintptr(list[size_t(row)]));
}

QModelIndex DecisionLogModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int p = m_rows[size_t(child.internalId())].parent;
    if (p < 0)
        return {};
    const int pp = m_rows[size_t(p)].parent;
    const std::vector<int> &siblings = pp < 0 ? m_top : m_rows[size_t(pp)].children;
    const auto it = std::find(siblings.begin(), siblings.end(), p);
    return createIndex(int(it - siblings.begin()), 0, quintptr(p));
}

int DecisionLogModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_top.size());
    if (parent.column() != 0)
        return 0;
    return int(m_rows[size_t(parent.internalId())].children.size());
}

int DecisionLogModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant DecisionLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Row &r = m_rows[size_t(index.internalId())];
    switch (role) {
    case Qt::DisplayRole:
        return r.text[index.column()];
    case Qt::ToolTipRole:
        return r.tooltip.isEmpty() ? QVariant() : r.tooltip;
    case Qt::DecorationRole:
        return index.column() == VerdictColumn && r.tone != Tone::None ? icon(r.tone) : QVariant();
    case Qt::FontRole: {
        if (!r.group && (m_focus.isEmpty() || r.identity != m_focus))
            return {};
        QFont f;
        f.setBold(true);
        return f;
    }
    case RuleIdRole:
        return r.ruleId.isEmpty() ? QVariant() : r.ruleId;
    case SourceRole:
        return r.source;
    case ClauseRole:
        return r.clause;
    case ClauseLineRole:
        return r.clauseLine;
    case ClauseColumnRole:
        return r.clauseColumn;
    case MissingRole:
        return r.missing;
    case OutcomeRole:
        return r.outcome;
    case GivesRole:
        return r.tone == Tone::Gives;
    default:
        return {};
    }
}

QVariant DecisionLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RuleColumn:
        return tr("Rule");
    case VerdictColumn:
        return tr("Verdict");
    case IdentityColumn:
        return tr("Identity");
    case DetailColumn:
        return tr("Why");
    default:
        return {};
    }
}

QModelIndex DecisionLogModel::indexOfRule(const QString &ruleId) const
{
    for (int g = 0; g < rowCount(); ++g) {
        const QModelIndex group = index(g, 0);
        for (int i = 0; i < rowCount(group); ++i) {
            const QModelIndex rule = index(i, 0, group);
            if (rule.data(RuleIdRole).toString() == ruleId)
                return rule;
        }
    }
    return {};
}

QIcon DecisionLogModel::icon(Tone tone) const
{
    const auto cached = m_icons.constFind(int(tone));
    if (cached != m_icons.constEnd())
        return *cached;
    // Each verdict has its own shape (a tick, a cross, a bar, an exclamation mark), so that the
    // icon does not speak through colour alone; the word beside it says it in full.
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    QColor fill;
    switch (tone) {
    case Tone::Gives:
        fill = QColor(0x2e, 0x7d, 0x32);
        break;
    case Tone::Fails:
        fill = QColor(0x75, 0x75, 0x75);
        break;
    case Tone::Error:
        fill = QColor(0xe6, 0x51, 0x00);
        break;
    case Tone::Removes:
        fill = QColor(0xc6, 0x28, 0x28);
        break;
    case Tone::None:
        break;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawEllipse(QRectF(1, 1, 14, 14));
    QPen pen(Qt::white, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    switch (tone) {
    case Tone::Gives: {
        QPainterPath tick;
        tick.moveTo(4.5, 8.5);
        tick.lineTo(7, 11);
        tick.lineTo(11.5, 5.5);
        p.drawPath(tick);
        break;
    }
    case Tone::Fails:
        p.drawLine(QPointF(5, 5), QPointF(11, 11));
        p.drawLine(QPointF(11, 5), QPointF(5, 11));
        break;
    case Tone::Error:
        p.drawLine(QPointF(8, 4), QPointF(8, 9));
        p.drawPoint(QPointF(8, 12));
        break;
    case Tone::Removes:
        p.drawLine(QPointF(4.5, 8), QPointF(11.5, 8));
        break;
    case Tone::None:
        break;
    }
    p.end();
    const QIcon icon(pixmap);
    m_icons.insert(int(tone), icon);
    return icon;
}

} // namespace ta::models
