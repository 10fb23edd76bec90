// SPDX-License-Identifier: Apache-2.0
#include "views/EvidenceTimeline.h"

#include "models/Document.h"
#include "models/EvidenceImporter.h"
#include "models/EvidenceTimelineModel.h"
#include "views/ErrorMessages.h"
#include "views/NoticeStyle.h"
#include "views/VerdictDelegate.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ta::views {
namespace {

using Column = models::EvidenceTimelineModel::Column;
using Role = models::EvidenceTimelineModel::Role;
using Verdict = core::EvidenceTimelineFilter::Verdict;

// The time filters show "Any" at their minimum: an open end.
const QDateTime kOpenEnd = QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);

QDateTimeEdit *timeFilter(const QString &any, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    edit->setMinimumDateTime(kOpenEnd);
    edit->setSpecialValueText(any);
    edit->setDateTime(kOpenEnd);
    edit->setCalendarPopup(true);
    return edit;
}

QDateTime endOf(const QDateTimeEdit *edit)
{
    return edit->dateTime() == kOpenEnd ? QDateTime() : edit->dateTime().toUTC();
}

} // namespace

EvidenceTimeline::EvidenceTimeline(models::Document *document, models::EvidenceImporter *importer,
                                   QWidget *parent)
    : QWidget(parent), m_document(document), m_importer(importer),
      m_model(new models::EvidenceTimelineModel(document, this)), m_view(new QTreeView(this)),
      m_subject(new QLineEdit(this)), m_attestor(new QComboBox(this)),
      m_verdict(new QComboBox(this)), m_from(timeFilter(tr("Any start"), this)),
      m_to(timeFilter(tr("Any end"), this)), m_import(new QPushButton(tr("&Import…"), this)),
      m_status(new QLabel(this)), m_work(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_cancel(new QToolButton(this)), m_watcher(new QFutureWatcher<void>(this))
{
    setAcceptDrops(true);
    m_subject->setObjectName(QStringLiteral("subjectFilter"));
    m_subject->setPlaceholderText(tr("Subject contains…"));
    m_subject->setClearButtonEnabled(true);
    m_attestor->setObjectName(QStringLiteral("attestorFilter"));
    m_verdict->setObjectName(QStringLiteral("verdictFilter"));
    m_verdict->addItem(tr("Any verdict"), int(Verdict::Any));
    for (const auto &[verdict, code] :
         {std::pair{Verdict::Affirming, "affirming"}, std::pair{Verdict::Warning, "warning"},
          std::pair{Verdict::Contraindicated, "contraindicated"},
          std::pair{Verdict::Unverified, ""}}) {
        m_verdict->addItem(models::EvidenceTimelineModel::verdictText(QString::fromLatin1(code)),
                           int(verdict));
    }
    m_from->setObjectName(QStringLiteral("fromFilter"));
    m_from->setToolTip(tr("Records at or after this instant (UTC)"));
    m_to->setObjectName(QStringLiteral("toFilter"));
    m_to->setToolTip(tr("Records at or before this instant (UTC)"));
    m_import->setToolTip(
        tr("Import evidence records (JSON Lines); files can also be dropped here"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_subject, 2);
    filters->addWidget(m_attestor, 1);
    filters->addWidget(m_verdict, 1);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(QStringLiteral("–"), this));
    filters->addWidget(m_to);
    filters->addWidget(m_import);

    m_view->setObjectName(QStringLiteral("evidenceView"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true); // a million rows scroll without measuring each
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(int(Column::Verdict),
                                     new VerdictDelegate(int(Role::Verdict), m_view));
    m_view->header()->setStretchLastSection(true);
    m_view->header()->resizeSection(int(Column::Time), 170);
    m_view->header()->resizeSection(int(Column::Subject), 160);
    m_view->header()->resizeSection(int(Column::Attestor), 100);
    m_view->header()->resizeSection(int(Column::Verdict), 130);
    m_view->header()->resizeSection(int(Column::Reasons), 160);

    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_cancel->setObjectName(QStringLiteral("cancelImport"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_status->setObjectName(QStringLiteral("evidenceStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *work = new QHBoxLayout;
    work->addWidget(m_status, 1);
    work->addWidget(m_work);
    work->addWidget(m_progress);
    work->addWidget(m_cancel);
    m_work->hide();
    m_progress->hide();
    m_cancel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
    layout->addLayout(work);

    // Typing waits for a pause: each change counts the filtered records again.
    auto *typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(200);
    connect(typing, &QTimer::timeout, this, &EvidenceTimeline::applyFilter);
    connect(m_subject, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
    connect(m_attestor, &QComboBox::currentIndexChanged, this, &EvidenceTimeline::applyFilter);
    connect(m_verdict, &QComboBox::currentIndexChanged, this, &EvidenceTimeline::applyFilter);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &EvidenceTimeline::applyFilter);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &EvidenceTimeline::applyFilter);
    connect(m_import, &QPushButton::clicked, this, &EvidenceTimeline::chooseFiles);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EvidenceTimeline::updateStatus);

    auto request = [this](const QModelIndex &index) {
        const QDateTime at = index.siblingAtColumn(0).data(int(Role::Time)).toDateTime();
        if (at.isValid())
            Q_EMIT instantRequested(at);
    };
    connect(m_view, &QAbstractItemView::clicked, this, request);
    connect(m_view, &QAbstractItemView::activated, this, request);

    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_pending.clear();
        if (m_importer)
            m_importer->cancel();
    });
    connect(m_watcher, &QFutureWatcherBase::progressRangeChanged, m_progress,
            &QProgressBar::setRange);
    connect(m_watcher, &QFutureWatcherBase::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_work->hide();
        m_progress->hide();
        m_cancel->hide();
    });
    if (importer) {
        connect(importer, &models::EvidenceImporter::started, this, &EvidenceTimeline::workStarted);
        connect(importer, &models::EvidenceImporter::imported, this,
                [this](const QString &path, qint64 records) {
                    m_message = tr("Imported %n record(s) from %1.", nullptr, int(records))
                                    .arg(QFileInfo(path).fileName());
                    reloadAttestors();
                    updateStatus();
                    importNext();
                });
        connect(importer, &models::EvidenceImporter::importFailed, this,
                [this](const QString &path, const core::Error &error) {
                    m_pending.clear();
                    const QString file = QFileInfo(path).fileName();
                    if (error.code == QLatin1String("store.cancelled")) {
                        showError(tr("Import of %1 cancelled: nothing was imported.").arg(file));
                        return;
                    }
                    const QString why = ErrorMessages::text(error);
                    showError(error.line > 0 ? tr("%1, line %2: %3 Nothing was imported.")
                                                   .arg(file)
                                                   .arg(error.line)
                                                   .arg(why)
                                             : tr("%1: %2 Nothing was imported.").arg(file, why));
                    m_status->setToolTip(error.toString());
                });
        connect(importer, &models::EvidenceImporter::verifyFailed, this,
                [this](const core::Error &error) {
                    // Not an error of the records: they stay listed, without verdicts.
                    if (error.code != QLatin1String("store.cancelled"))
                        showError(tr("The records could not be verified: %1")
                                      .arg(ErrorMessages::text(error)));
                });
        if (importer->isBusy())
            workStarted(tr("Working"), importer->future());
    }
    reloadAttestors();
    updateStatus();
}

QString EvidenceTimeline::statusText() const
{
    return m_status->text();
}

void EvidenceTimeline::reloadAttestors()
{
    const QString current = m_attestor->currentData().toString();
    const QSignalBlocker block(m_attestor);
    m_attestor->clear();
    m_attestor->addItem(tr("Any attestor"), QString());
    for (const QString &name : m_model->attestors())
        m_attestor->addItem(name, name);
    m_attestor->setCurrentIndex(qMax(0, m_attestor->findData(current)));
}

void EvidenceTimeline::applyFilter()
{
    core::EvidenceTimelineFilter filter;
    filter.subject = m_subject->text().trimmed();
    filter.attestor = m_attestor->currentData().toString();
    filter.verdict = Verdict(m_verdict->currentData().toInt());
    filter.from = endOf(m_from);
    filter.to = endOf(m_to);
    m_model->setFilter(filter);
}

void EvidenceTimeline::updateStatus()
{
    if (const auto &error = m_model->error()) {
        showError(ErrorMessages::text(*error));
        return;
    }
    NoticeStyle::apply(m_status, NoticeStyle::Kind::Neutral);
    const QString count = m_model->filter() == core::EvidenceTimelineFilter{}
                              ? tr("%n record(s)", nullptr, m_model->rowCount())
                              : tr("%n record(s) match", nullptr, m_model->rowCount());
    m_status->setText(m_message.isEmpty() ? count : count + QStringLiteral(" · ") + m_message);
    m_status->setToolTip(QString());
}

void EvidenceTimeline::showError(const QString &text)
{
    m_message.clear();
    m_status->setText(text);
    NoticeStyle::apply(m_status, NoticeStyle::Kind::Bad);
}

void EvidenceTimeline::workStarted(const QString &title, const QFuture<void> &future)
{
    m_work->setText(title);
    m_progress->setRange(0, 0);
    m_progress->setValue(0);
    m_work->show();
    m_progress->show();
    m_cancel->show();
    m_watcher->setFuture(future);
}

void EvidenceTimeline::importFiles(const QStringList &paths)
{
    m_pending += paths;
    if (m_importer && !m_importer->isBusy())
        importNext();
}

void EvidenceTimeline::importNext()
{
    if (!m_importer || m_importer->isBusy() || m_pending.isEmpty())
        return;
    // The attestation pass after an import is cancelled by the next import and runs after it.
    const QString path = m_pending.takeFirst();
    if (!m_importer->importFile(path).isValid())
        m_pending.prepend(path);
}

void EvidenceTimeline::chooseFiles()
{
    // Window-modal without a nested event loop.
    auto *dialog = new QFileDialog(this, tr("Import Evidence"), QString(),
                                   tr("Evidence records (*.jsonl *.json);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::filesSelected, this, &EvidenceTimeline::importFiles);
    dialog->open();
}

void EvidenceTimeline::showInstant(const QDateTime &at)
{
    const int row = qMin(m_model->rowAt(at), m_model->rowCount() - 1);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

QStringList EvidenceTimeline::droppedFiles(const QMimeData *mime)
{
    QStringList paths;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            return {};
        paths << url.toLocalFile();
    }
    return paths;
}

void EvidenceTimeline::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void EvidenceTimeline::dropEvent(QDropEvent *event)
{
    const QStringList paths = droppedFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    importFiles(paths);
}

} // namespace ta::views
