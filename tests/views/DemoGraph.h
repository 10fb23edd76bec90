// SPDX-License-Identifier: Apache-2.0
// The demo workspace's estate graph and a canvas showing it laid out: the fixture the graph
// canvas tests share.
#pragma once

#include "core/attestation/lab/DemoWorkspace.h"
#include "core/graph/EstateLoader.h"
#include "core/graph/GraphBuilder.h"
#include "core/store/Workspace.h"
#include "views/GraphCanvas.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace ta::testing {

/// The estate graph of a demo workspace made in @p dir; empty when it cannot be made.
inline core::TopologyGraph demoGraph(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("demo.atlas"));
    if (!core::DemoWorkspace::create(path, QDateTime::currentDateTimeUtc()).ok())
        return {};
    auto ws = core::Workspace::open(path, {});
    if (!ws.ok())
        return {};
    auto estate = core::EstateLoader::load(**ws);
    return estate.ok() ? core::GraphBuilder::build(*estate) : core::TopologyGraph();
}

/// Shows @p canvas (1200x800, no cluster collapsed) drawing @p graph, and waits for its
/// layout, which runs on a worker; false when it did not come.
inline bool showLaidOut(views::GraphCanvas &canvas, const core::TopologyGraph &graph,
                        int collapseThreshold = 0, QSize size = QSize(1200, 800))
{
    canvas.resize(size);
    canvas.setCollapseThreshold(collapseThreshold);
    canvas.show();
    if (!QTest::qWaitForWindowExposed(&canvas))
        return false;
    QSignalSpy drawn(&canvas, &views::GraphCanvas::drawn);
    canvas.setGraph(graph);
    // setGraph returns before the layout is done, and the canvas paints meanwhile.
    if (drawn.count() != 1 && !canvas.isLayoutRunning())
        return false;
    return drawn.count() == 1 || drawn.wait(60000);
}

} // namespace ta::testing
