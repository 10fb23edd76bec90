// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "views/DesignDialog.h"

#include <QPointer>
#include <QToolBar>

QT_BEGIN_NAMESPACE
class QGraphicsLineItem;
class QMenu;
QT_END_NAMESPACE

namespace ta::models {
class DesignGenerator;
class DesignModel;
} // namespace ta::models

namespace ta::views {

class GenerateEvidenceDialog;
class GraphCanvas;

/// Design on the canvas: a palette of additions (trust domain, platform, node, workload,
/// federation), a Connect mode, and Generate Evidence; the canvas's context menu offering what
/// fits the element under the cursor (empty space: a trust domain or platform; a trust domain:
/// a platform or federation; a platform: a node; a node: a workload; a designed element: its
/// removal); and dragging from one trust domain to another (with Shift, or in Connect mode) to
/// federate the first with the second. Each addition opens a DesignDialog; every edit goes
/// through the design model as one undo step.
class DesignPalette : public QToolBar
{
    Q_OBJECT

public:
    DesignPalette(models::DesignModel *model, models::DesignGenerator *generator,
                  GraphCanvas *canvas, QWidget *parent = nullptr);

    /// The context menu for the point @p viewportPos of the canvas's viewport (the caller owns
    /// it). Its actions carry object names (addTrustDomain, addPlatform, addNode, addWorkload,
    /// federate, remove, generateEvidence) for keyboard users and tests.
    QMenu *contextMenuAt(const QPoint &viewportPos);
    /// The dialog open now (null when none).
    QDialog *currentDialog() const { return m_dialog; }

    QAction *connectAction() const { return m_connect; }
    QAction *generateAction() const { return m_generate; }
    /// Opens the addition dialog of @p kind (non-modal, so the canvas stays readable).
    void openDialog(DesignDialog::Kind kind, const QString &preset = {});
    void openGenerateDialog();

Q_SIGNALS:
    /// A message for the status bar (an edit refused, evidence generated).
    void notice(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// What lies under @p viewportPos: (graph node ID, trust domain). The ID is empty over a
    /// trust domain's cluster box, both are empty over empty space.
    QPair<QString, QString> elementAt(const QPoint &viewportPos) const;
    void updateActions();
    void finishConnect(const QPoint &viewportPos);

    QPointer<models::DesignModel> m_model;
    QPointer<models::DesignGenerator> m_generator;
    QPointer<GraphCanvas> m_canvas;
    QPointer<QObject> m_viewport; ///< the canvas's viewport, whose events eventFilter reads
    QPointer<QDialog> m_dialog;
    QAction *m_addPlatform = nullptr;
    QAction *m_addNode = nullptr;
    QAction *m_addWorkload = nullptr;
    QAction *m_federate = nullptr;
    QAction *m_connect = nullptr;
    QAction *m_generate = nullptr;
    /// A drag from a trust domain under way: its name and the line drawn to the cursor.
    QString m_connectFrom;
    QGraphicsLineItem *m_rubber = nullptr;
};

} // namespace ta::views
