// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QMimeData;
class QProgressBar;
class QPushButton;
class QToolButton;
class QTreeView;
QT_END_NAMESPACE

namespace ta::models {
class Document;
class EvidenceImporter;
class EvidenceTimelineModel;
} // namespace ta::models

namespace ta::views {

/// The evidence timeline dock: the workspace's evidence records in time order with each one's
/// verdict (a tint from the palette, an icon and a word), reasons and selectors; filters on
/// subject, attestor, verdict and time range; a record clicked or entered asks the graph to move
/// to its instant. Recordings are imported with the Import button or by dropping files on the
/// panel, on a worker, with progress and cancel here (a failed file names its line and imports
/// nothing).
class EvidenceTimeline : public QWidget
{
    Q_OBJECT

public:
    EvidenceTimeline(models::Document *document, models::EvidenceImporter *importer,
                     QWidget *parent = nullptr);

    models::EvidenceTimelineModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QLineEdit *subjectFilter() const { return m_subject; }
    QComboBox *attestorFilter() const { return m_attestor; }
    QComboBox *verdictFilter() const { return m_verdict; }
    QDateTimeEdit *fromFilter() const { return m_from; }
    QDateTimeEdit *toFilter() const { return m_to; }
    QPushButton *importButton() const { return m_import; }
    QToolButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    /// The line under the filters: the count, or what the last import or pass said.
    QString statusText() const;

public Q_SLOTS:
    /// Imports @p paths one after the other (each all or nothing).
    void importFiles(const QStringList &paths);
    /// The local files of a drag or drop, or none when it carries anything else (a web
    /// address): what importFiles() takes, for the window's own drop too.
    static QStringList droppedFiles(const QMimeData *mime);
    /// Asks for files with a non-blocking dialog, then imports them.
    void chooseFiles();
    /// Selects the first record shown at or after @p at, without moving the graph.
    void showInstant(const QDateTime &at);

Q_SIGNALS:
    /// A record was clicked or entered: the graph's instant should become @p at.
    void instantRequested(const QDateTime &at);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void applyFilter();
    void reloadAttestors();
    void updateStatus();
    void workStarted(const QString &title, const QFuture<void> &future);
    void importNext();
    void showError(const QString &text);

    QPointer<models::Document> m_document;
    QPointer<models::EvidenceImporter> m_importer;
    models::EvidenceTimelineModel *m_model;
    QTreeView *m_view;
    QLineEdit *m_subject;
    QComboBox *m_attestor;
    QComboBox *m_verdict;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QPushButton *m_import;
    QLabel *m_status;
    QLabel *m_work;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    QFutureWatcher<void> *m_watcher;
    QStringList m_pending;
    QString m_message;
};

} // namespace ta::views
