// SPDX-License-Identifier: Apache-2.0
#include "views/DesignPalette.h"

#include "models/DesignGenerator.h"
#include "models/DesignModel.h"
#include "views/ErrorMessages.h"
#include "views/GenerateEvidenceDialog.h"
#include "views/GraphCanvas.h"
#include "views/GraphClusterItem.h"
#include "views/GraphNodeItem.h"
#include "views/GraphView.h"

#include <QContextMenuEvent>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QMenu>
#include <QMouseEvent>
#include <QPen>

#include <algorithm>

namespace ta::views {
namespace {

QString trustDomainOfId(const QString &id)
{
    return id.startsWith(QLatin1String("td/")) ? id.mid(3) : QString();
}

} // namespace

DesignPalette::DesignPalette(models::DesignModel *model, models::DesignGenerator *generator,
                             GraphCanvas *canvas, QWidget *parent)
    : QToolBar(tr("Design"), parent), m_model(model), m_generator(generator), m_canvas(canvas)
{
    setObjectName(QStringLiteral("designPalette"));
    using K = DesignDialog::Kind;
    QAction *td = addAction(tr("Add &Trust Domain…"), this,
                            [this] { openDialog(DesignDialog::Kind::TrustDomain); });
    td->setObjectName(QStringLiteral("addTrustDomain"));
    td->setToolTip(tr("Add a trust domain to the design"));
    m_addPlatform = addAction(tr("Add &Platform…"), this, [this] { openDialog(K::Platform); });
    m_addPlatform->setObjectName(QStringLiteral("addPlatform"));
    m_addPlatform->setToolTip(
        tr("Add a Kubernetes cluster, a cloud account or a TPM host group to the design"));
    m_addNode = addAction(tr("Add &Node…"), this, [this] { openDialog(K::Node); });
    m_addNode->setObjectName(QStringLiteral("addNode"));
    m_addWorkload = addAction(tr("Add &Workload…"), this, [this] { openDialog(K::Workload); });
    m_addWorkload->setObjectName(QStringLiteral("addWorkload"));
    m_federate = addAction(tr("&Federate…"), this, [this] { openDialog(K::Federation); });
    m_federate->setObjectName(QStringLiteral("federate"));
    m_connect = addAction(tr("&Connect"));
    m_connect->setObjectName(QStringLiteral("connect"));
    m_connect->setCheckable(true);
    m_connect->setToolTip(tr("Drag from one trust domain to another to federate them (or drag "
                             "with Shift held)"));
    addSeparator();
    m_generate = addAction(tr("&Generate Evidence…"), this, &DesignPalette::openGenerateDialog);
    m_generate->setObjectName(QStringLiteral("generateEvidence"));
    m_generate->setToolTip(tr("Generate anchors and evidence for the design"));

    if (m_model)
        connect(m_model, &models::DesignModel::designChanged, this, &DesignPalette::updateActions);
    if (m_generator) {
        connect(m_generator, &models::DesignGenerator::started, this,
                &DesignPalette::updateActions);
        connect(m_generator, &models::DesignGenerator::generated, this,
                [this](const core::LabSummary &s) {
                    updateActions();
                    Q_EMIT notice(tr("Generated %n evidence record(s) for the design.", nullptr,
                                     int(qMin<qint64>(s.records, INT_MAX))));
                });
        connect(m_generator, &models::DesignGenerator::failed, this, [this](const core::Error &e) {
            updateActions();
            Q_EMIT notice(tr("No evidence generated: %1").arg(ErrorMessages::text(e)));
        });
    }
    if (m_canvas) {
        m_viewport = m_canvas->view()->viewport();
        m_viewport->installEventFilter(this);
    }
    updateActions();
}

void DesignPalette::updateActions()
{
    const bool busy = m_generator && m_generator->isBusy();
    const core::LabTopology design = m_model ? m_model->design() : core::LabTopology();
    const bool hasDomains = m_model && !m_model->trustDomainChoices().isEmpty();
    m_addPlatform->setEnabled(hasDomains && !busy);
    m_addNode->setEnabled(!design.platforms.isEmpty() && !busy);
    m_addWorkload->setEnabled(!design.nodes.isEmpty() && !busy);
    m_federate->setEnabled(m_model && m_model->trustDomainChoices().size() > 1 && !busy);
    m_generate->setEnabled(!design.nodes.isEmpty() && !busy);
}

void DesignPalette::openDialog(DesignDialog::Kind kind, const QString &preset)
{
    if (!m_model)
        return;
    if (m_dialog)
        m_dialog->close();
    auto *dialog = new DesignDialog(kind, m_model, preset, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    dialog->open();
}

void DesignPalette::openGenerateDialog()
{
    if (!m_generator)
        return;
    if (m_dialog)
        m_dialog->close();
    auto *dialog = new GenerateEvidenceDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (m_generator)
            (void)m_generator->generate(dialog->timeline());
    });
    m_dialog = dialog;
    dialog->open();
}

QPair<QString, QString> DesignPalette::elementAt(const QPoint &viewportPos) const
{
    if (!m_canvas)
        return {};
    const QList<QGraphicsItem *> items = m_canvas->view()->items(viewportPos);
    for (QGraphicsItem *item : items) {
        if (item->type() == GraphNodeItem::Type && item->isVisible()) {
            auto *node = static_cast<GraphNodeItem *>(item);
            return {node->id(), node->trustDomain()};
        }
    }
    for (QGraphicsItem *item : items) {
        if (item->type() == GraphClusterItem::Type && item->isVisible())
            return {QString(), static_cast<GraphClusterItem *>(item)->trustDomain()};
    }
    return {};
}

QMenu *DesignPalette::contextMenuAt(const QPoint &viewportPos)
{
    using K = DesignDialog::Kind;
    auto *menu = new QMenu(this);
    const auto [id, domain] = elementAt(viewportPos);
    const core::LabTopology design = m_model ? m_model->design() : core::LabTopology();
    auto add = [&](const QString &text, const QString &name, auto slot) {
        QAction *a = menu->addAction(text, this, slot);
        a->setObjectName(name);
        return a;
    };
    auto remove = [&](const QString &text, auto call) {
        QAction *a = menu->addAction(text, this, [this, call] {
            if (!m_model)
                return;
            const core::Result<void> r = call(*m_model);
            if (!r)
                Q_EMIT notice(r.error().detail.isEmpty() ? ErrorMessages::text(r.error())
                                                         : r.error().detail);
        });
        a->setObjectName(QStringLiteral("remove"));
    };
    const bool busy = m_generator && m_generator->isBusy();
    const QString td = id.isEmpty() ? domain : trustDomainOfId(id);
    if (id.startsWith(QLatin1String("platform/"))) {
        const QString key = id.mid(9);
        if (design.platforms.contains(key)) {
            add(tr("Add &Node…"), QStringLiteral("addNode"),
                [this, key] { openDialog(K::Node, key); });
            remove(tr("&Remove Platform %1 from the Design").arg(key),
                   [key](models::DesignModel &m) { return m.removePlatform(key); });
        }
    } else if (id.startsWith(QLatin1String("node/"))) {
        const bool designed = std::any_of(design.nodes.cbegin(), design.nodes.cend(),
                                          [&](const auto &n) { return n.subject == id; });
        if (designed) {
            add(tr("Add &Workload…"), QStringLiteral("addWorkload"),
                [this, id] { openDialog(K::Workload, id); });
            remove(tr("&Remove Node %1 from the Design").arg(id),
                   [id](models::DesignModel &m) { return m.removeNode(id); });
        }
    } else if (id.startsWith(QLatin1String("workload/"))) {
        const bool designed = std::any_of(design.workloads.cbegin(), design.workloads.cend(),
                                          [&](const auto &w) { return w.subject == id; });
        if (designed)
            remove(tr("&Remove Workload %1 from the Design").arg(id),
                   [id](models::DesignModel &m) { return m.removeWorkload(id); });
    } else if (!td.isEmpty() && (id.isEmpty() || id.startsWith(QLatin1String("td/")))) {
        add(tr("Add &Platform…"), QStringLiteral("addPlatform"),
            [this, td] { openDialog(K::Platform, td); });
        add(tr("&Federate %1 With…").arg(td), QStringLiteral("federate"),
            [this, td] { openDialog(K::Federation, td); });
        if (design.trustDomains.contains(td))
            remove(tr("&Remove Trust Domain %1 from the Design").arg(td),
                   [td](models::DesignModel &m) { return m.removeTrustDomain(td); });
    } else if (id.isEmpty()) {
        add(tr("Add &Trust Domain…"), QStringLiteral("addTrustDomain"),
            [this] { openDialog(K::TrustDomain); });
        add(tr("Add &Platform…"), QStringLiteral("addPlatform"),
            [this] { openDialog(K::Platform); });
    }
    if (!menu->isEmpty())
        menu->addSeparator();
    QAction *generate = add(tr("&Generate Evidence…"), QStringLiteral("generateEvidence"),
                            [this] { openGenerateDialog(); });
    generate->setEnabled(m_generate->isEnabled());
    for (QAction *a : menu->actions()) {
        if (a != generate && busy)
            a->setEnabled(false);
    }
    return menu;
}

bool DesignPalette::eventFilter(QObject *watched, QEvent *event)
{
    // Only the viewport's mouse and context-menu events matter, and m_canvas is read for no other:
    // the viewport still sends events while the canvas that owns it is being destroyed, when
    // m_canvas still points at it but no longer at a GraphCanvas (UBSan: downcast of an object of
    // type 'QWidget').
    const QEvent::Type type = event->type();
    const bool ours = type == QEvent::ContextMenu || type == QEvent::MouseButtonPress ||
                      type == QEvent::MouseMove || type == QEvent::MouseButtonRelease;
    if (!ours || watched != m_viewport || !m_canvas)
        return QToolBar::eventFilter(watched, event);
    switch (type) {
    case QEvent::ContextMenu: {
        auto *e = static_cast<QContextMenuEvent *>(event);
        QMenu *menu = contextMenuAt(e->pos());
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(e->globalPos());
        return true;
    }
    case QEvent::MouseButtonPress: {
        auto *e = static_cast<QMouseEvent *>(event);
        const bool connecting = m_connect->isChecked() || (e->modifiers() & Qt::ShiftModifier);
        if (e->button() != Qt::LeftButton || !connecting)
            break;
        const auto [id, domain] = elementAt(e->position().toPoint());
        const QString td = id.isEmpty() ? domain : trustDomainOfId(id);
        if (td.isEmpty())
            break;
        m_connectFrom = td;
        const QPointF at = m_canvas->view()->mapToScene(e->position().toPoint());
        m_rubber = m_canvas->scene()->addLine(QLineF(at, at), QPen(Qt::darkCyan, 0, Qt::DashLine));
        m_rubber->setZValue(1000);
        return true; // no pan, no node move
    }
    case QEvent::MouseMove: {
        if (m_connectFrom.isEmpty() || !m_rubber)
            break;
        auto *e = static_cast<QMouseEvent *>(event);
        QLineF line = m_rubber->line();
        line.setP2(m_canvas->view()->mapToScene(e->position().toPoint()));
        m_rubber->setLine(line);
        return true;
    }
    case QEvent::MouseButtonRelease: {
        if (m_connectFrom.isEmpty())
            break;
        finishConnect(static_cast<QMouseEvent *>(event)->position().toPoint());
        return true;
    }
    default:
        break;
    }
    return QToolBar::eventFilter(watched, event);
}

void DesignPalette::finishConnect(const QPoint &viewportPos)
{
    const QString from = std::exchange(m_connectFrom, QString());
    delete m_rubber;
    m_rubber = nullptr;
    const auto [id, domain] = elementAt(viewportPos);
    const QString to = id.isEmpty() ? domain : trustDomainOfId(id);
    if (to.isEmpty() || to == from || !m_model)
        return;
    if (auto r = m_model->federate(from, to, false); !r)
        Q_EMIT notice(r.error().detail.isEmpty() ? ErrorMessages::text(r.error())
                                                 : r.error().detail);
    else
        Q_EMIT notice(tr("%1 federates with %2 (one way). Edit its bundle endpoint in the "
                         "Federation dock.")
                          .arg(from, to));
}

} // namespace ta::views
