// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "models/WorkerJob.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <memory>

namespace ta::models {

class Document;

/// Imports an anchors file into an open document: the file is read and checked (AnchorSet's
/// parser, every entry) on a worker, and its entries are stored on the GUI thread as one undo
/// step when the worker returns. All of it or nothing: a bad file, whose error names the line
/// (JSON syntax) or the entry and field, stores nothing, and neither does a cancel before the
/// result reached the GUI thread. One import at a time.
class AnchorImporter : public QObject
{
    Q_OBJECT

public:
    explicit AnchorImporter(Document *document, QObject *parent = nullptr);
    ~AnchorImporter() override;

    /// Starts importing @p path and returns the running future (for progress and Cancel), or
    /// an invalid one while another import runs or without a document.
    QFuture<void> importFile(const QString &path);
    /// Whether an import runs: from importFile() until its entries were stored or dropped.
    bool isBusy() const { return m_job.isBusy(); }
    /// The import running now (invalid when none).
    QFuture<void> future() const { return m_job.running(); }
    /// Cancels the import running: nothing is stored.
    void cancel();

    /// What the worker hands back (defined in the .cpp).
    struct Outcome;

Q_SIGNALS:
    /// An import started: a title for a progress display, and its future.
    void started(const QString &title, const QFuture<void> &future);
    /// @p entries trust anchors and reference values of @p path were stored, one undo step.
    void imported(const QString &path, qint64 entries);
    /// Nothing of @p path was stored. @p error names where: its line for a JSON syntax error,
    /// its list, index and field for a bad entry (then @p kind is that entry's kind, when it
    /// has one); store.cancelled after a cancel.
    void importFailed(const QString &path, const ta::core::Error &error, const QString &kind);

private:
    void finished(const QString &path, const Outcome &outcome, bool cancelled);

    QPointer<Document> m_document;
    /// Last: destroyed first, it cancels and waits for the worker while the rest lives.
    WorkerJob m_job;
};

} // namespace ta::models
