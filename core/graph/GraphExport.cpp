// SPDX-License-Identifier: Apache-2.0
#include "core/graph/GraphExport.h"

#include "core/graph/DotWriter.h"
#include "core/graph/GraphErrors.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ta::core {
namespace {

QString pascal(const QString &snake)
{
    QString out = QStringLiteral("TA");
    bool upper = true;
    for (QChar c : snake) {
        if (c == QLatin1Char('_')) {
            upper = true;
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out;
}

// OpenGraph properties are primitives or arrays of primitives: nested objects go as JSON text.
QJsonObject flatten(const QJsonObject &in)
{
    QJsonObject out;
    for (auto it = in.constBegin(); it != in.constEnd(); ++it) {
        const QJsonValue v = it.value();
        if (v.isObject())
            out.insert(it.key(), QString::fromUtf8(
                                     QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)));
        else if (v.isArray()) {
            QJsonArray flat;
            for (const QJsonValue &e : v.toArray())
                flat.append(e.isObject() || e.isArray()
                                ? QJsonValue(QString::fromUtf8(
                                      QJsonDocument(QJsonArray{e}).toJson(QJsonDocument::Compact)))
                                : e);
            out.insert(it.key(), flat);
        } else if (!v.isNull() && !(v.isString() && v.toString().isEmpty())) {
            out.insert(it.key(), v);
        }
    }
    return out;
}

} // namespace

std::optional<ExportFormat> exportFormatFromName(QStringView name)
{
    static const std::pair<const char *, ExportFormat> kNames[] = {
        {"dot", ExportFormat::Dot},   {"svg", ExportFormat::Svg},
        {"png", ExportFormat::Png},   {"pdf", ExportFormat::Pdf},
        {"json", ExportFormat::Json}, {"opengraph", ExportFormat::OpenGraph}};
    for (const auto &[n, f] : kNames) {
        if (name == QLatin1String(n))
            return f;
    }
    return std::nullopt;
}

QString GraphExport::openGraphKind(NodeClass cls)
{
    return pascal(nodeClassName(cls));
}

QString GraphExport::openGraphKind(EdgeClass cls)
{
    return pascal(edgeClassName(cls));
}

QJsonObject GraphExport::toJson(const TopologyGraph &graph, const GraphLayoutResult *positions)
{
    QJsonArray nodes;
    for (int i = 0; i < graph.nodeCount(); ++i) {
        const GraphNode &n = graph.node(i);
        QJsonObject o{{QStringLiteral("id"), n.id},
                      {QStringLiteral("class"), nodeClassName(n.cls)},
                      {QStringLiteral("label"), n.label}};
        if (n.status != GraphStatus::None)
            o.insert(QStringLiteral("status"), graphStatusName(n.status));
        if (!n.trustDomain.isEmpty())
            o.insert(QStringLiteral("trust_domain"), n.trustDomain);
        o.insert(QStringLiteral("properties"), n.properties);
        if (positions && i < positions->nodes.size()) {
            const NodePosition &p = positions->nodes.at(i);
            o.insert(QStringLiteral("x"), p.centre.x());
            o.insert(QStringLiteral("y"), p.centre.y());
            o.insert(QStringLiteral("width"), p.width);
            o.insert(QStringLiteral("height"), p.height);
        }
        nodes.append(o);
    }
    QJsonArray edges;
    for (int i = 0; i < graph.edgeCount(); ++i) {
        const GraphEdge &e = graph.edge(i);
        QJsonObject o{{QStringLiteral("id"), QStringLiteral("e%1").arg(i)},
                      {QStringLiteral("source"), graph.node(e.from).id},
                      {QStringLiteral("target"), graph.node(e.to).id},
                      {QStringLiteral("class"), edgeClassName(e.cls)}};
        if (e.status != GraphStatus::None)
            o.insert(QStringLiteral("status"), graphStatusName(e.status));
        if (!e.properties.isEmpty())
            o.insert(QStringLiteral("properties"), e.properties);
        edges.append(o);
    }
    QJsonObject out;
    if (graph.at().isValid())
        out.insert(QStringLiteral("at"), graph.at().toUTC().toString(Qt::ISODate));
    if (positions) {
        out.insert(QStringLiteral("layout"), layoutEngineName(positions->engine));
        const QRectF &b = positions->boundingBox;
        out.insert(QStringLiteral("bounding_box"),
                   QJsonArray{b.left(), b.top(), b.width(), b.height()});
    }
    out.insert(QStringLiteral("nodes"), nodes);
    out.insert(QStringLiteral("edges"), edges);
    return out;
}

QJsonObject GraphExport::toOpenGraph(const TopologyGraph &graph)
{
    QJsonArray nodes;
    for (const GraphNode &n : graph.nodes()) {
        QJsonObject p = flatten(n.properties);
        p.insert(QStringLiteral("name"), n.label);
        p.insert(QStringLiteral("class"), nodeClassName(n.cls));
        if (n.status != GraphStatus::None)
            p.insert(QStringLiteral("status"), graphStatusName(n.status));
        if (!n.trustDomain.isEmpty())
            p.insert(QStringLiteral("trust_domain"), n.trustDomain);
        nodes.append(QJsonObject{
            {QStringLiteral("id"), n.id},
            {QStringLiteral("kinds"), QJsonArray{openGraphKind(n.cls), QStringLiteral("TABase")}},
            {QStringLiteral("properties"), p}});
    }
    QJsonArray edges;
    for (const GraphEdge &e : graph.edges()) {
        QJsonObject p = flatten(e.properties);
        if (e.status != GraphStatus::None)
            p.insert(QStringLiteral("status"), graphStatusName(e.status));
        edges.append(QJsonObject{{QStringLiteral("start"),
                                  QJsonObject{{QStringLiteral("value"), graph.node(e.from).id},
                                              {QStringLiteral("match_by"), QStringLiteral("id")}}},
                                 {QStringLiteral("end"),
                                  QJsonObject{{QStringLiteral("value"), graph.node(e.to).id},
                                              {QStringLiteral("match_by"), QStringLiteral("id")}}},
                                 {QStringLiteral("kind"), openGraphKind(e.cls)},
                                 {QStringLiteral("properties"), p}});
    }
    return {{QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("source_kind"), QStringLiteral("TABase")}}},
            {QStringLiteral("graph"),
             QJsonObject{{QStringLiteral("nodes"), nodes}, {QStringLiteral("edges"), edges}}}};
}

Result<QByteArray> GraphExport::write(const TopologyGraph &graph, ExportFormat format,
                                      const LayoutOptions &layout)
{
    switch (format) {
    case ExportFormat::Dot: {
        DotOptions o;
        o.engine = layoutEngineName(layout.engine);
        o.clusters = layout.clusters;
        return DotWriter::write(graph, o);
    }
    case ExportFormat::Svg:
        return GraphLayout::render(graph, QStringLiteral("svg"), layout);
    case ExportFormat::Png:
        return GraphLayout::render(graph, QStringLiteral("png"), layout);
    case ExportFormat::Pdf:
        return GraphLayout::render(graph, QStringLiteral("pdf"), layout);
    case ExportFormat::Json: {
        auto positions = GraphLayout::layout(graph, layout);
        if (!positions)
            return positions.error();
        return QJsonDocument(toJson(graph, &*positions)).toJson(QJsonDocument::Indented);
    }
    case ExportFormat::OpenGraph:
        return QJsonDocument(toOpenGraph(graph)).toJson(QJsonDocument::Indented);
    }
    return makeError(ec::GraphBadFormat);
}

} // namespace ta::core
