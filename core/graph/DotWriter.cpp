// SPDX-License-Identifier: Apache-2.0
#include "core/graph/DotWriter.h"

#include <QMap>

namespace ta::core {
namespace {

const char *shapeOf(NodeClass cls)
{
    switch (cls) {
    case NodeClass::TrustDomain:
        return "folder";
    case NodeClass::Authority:
        return "doubleoctagon";
    case NodeClass::Platform:
        return "box3d";
    case NodeClass::Anchor:
        return "house";
    case NodeClass::Node:
        return "box";
    case NodeClass::Workload:
        return "ellipse";
    case NodeClass::Identity:
        return "hexagon";
    case NodeClass::Credential:
        return "note";
    case NodeClass::Rule:
        return "component";
    }
    return "box";
}

const char *styleOf(EdgeClass cls)
{
    switch (cls) {
    case EdgeClass::FederatesWith:
        return "bold";
    case EdgeClass::AttestedBy:
    case EdgeClass::IssuedBy:
        return "dashed";
    case EdgeClass::MemberOf:
        return "dotted";
    default:
        return "solid";
    }
}

void appendAttrs(QByteArray &out, const GraphNode &n, int index, const DotOptions &o)
{
    const QString cls = nodeClassName(n.cls);
    const QString status = graphStatusName(n.status);
    out += "  " + DotWriter::quote(n.id) + " [id=" + DotWriter::quote(n.id) + " class=" +
           DotWriter::quote(o.statusInClass && !status.isEmpty() ? cls + QLatin1Char(' ') + status
                                                                 : cls);
    if (!status.isEmpty())
        out += " status=" + DotWriter::quote(status);
    // A node of a given size is drawn by the caller, label and all: Graphviz, which sizes it
    // as told, would only warn of each label longer than the box ("size too small for label").
    const bool sized = index < o.nodeSizes.size();
    out += " label=" + DotWriter::quote(sized ? QString() : n.label) + " shape=" + shapeOf(n.cls);
    if (!n.trustDomain.isEmpty())
        out += " td=" + DotWriter::quote(n.trustDomain);
    if (sized) {
        // Graphviz reads sizes in inches, 72 points each.
        const QSizeF size = o.nodeSizes.at(index);
        out += " width=" + QByteArray::number(size.width() / 72.0, 'f', 4) +
               " height=" + QByteArray::number(size.height() / 72.0, 'f', 4) + " fixedsize=true";
    }
    if (n.status == GraphStatus::Refused || n.status == GraphStatus::Revoked ||
        n.status == GraphStatus::Expired)
        out += " style=dashed";
    else if (n.status == GraphStatus::Stale || n.status == GraphStatus::Expiring ||
             n.status == GraphStatus::Warning)
        out += " style=dotted";
    out += "];\n";
}

} // namespace

QByteArray DotWriter::quote(const QString &text)
{
    QByteArray out;
    const QByteArray utf8 = text.toUtf8();
    out.reserve(utf8.size() + 2);
    out += '"';
    for (char c : utf8) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    out += '"';
    return out;
}

QByteArray DotWriter::write(const TopologyGraph &graph, const DotOptions &o)
{
    QByteArray out;
    out.reserve(int(graph.nodeCount() * 160 + graph.edgeCount() * 90));
    out += "digraph estate {\n  graph [class=\"estate\"";
    if (graph.at().isValid())
        out += " at=" + quote(graph.at().toUTC().toString(Qt::ISODate));
    if (o.engine == QLatin1String("dot"))
        out += " rankdir=LR";
    else
        // prism: Graphviz's overlap removal, run until no two node boxes overlap. prism0, its
        // first scaling alone, cost a quarter of the time and left nearly every node on another
        // (sfdp on the demo: 487 overlapping pairs of its 159 nodes; on a lab estate of 4,763
        // nodes, 1.1 million pairs). Fewer attempts leave a few pairs for OverlapRemoval.
        out += " overlap=prism" +
               (o.prismAttempts > 0 ? QByteArray::number(o.prismAttempts) : QByteArray()) +
               " outputorder=edgesfirst";
    out += " fontname=\"Helvetica\"];\n  node [fontname=\"Helvetica\" fontsize=10];\n"
           "  edge [fontname=\"Helvetica\" fontsize=8];\n";
    // Members grouped by trust domain, in the order the domains appear.
    QMap<QString, QList<int>> byDomain;
    QList<int> loose;
    for (int i = 0; i < graph.nodeCount(); ++i) {
        const GraphNode &n = graph.node(i);
        if (o.clusters && !n.trustDomain.isEmpty())
            byDomain[n.trustDomain] << i;
        else
            loose << i;
    }
    for (auto it = byDomain.cbegin(); it != byDomain.cend(); ++it) {
        out += "  subgraph " + quote(QStringLiteral("cluster_") + it.key()) +
               " {\n    graph [label=" + quote(it.key()) +
               " class=\"trust_domain\" id=" + quote(QStringLiteral("cluster_") + it.key()) +
               "];\n";
        for (int i : it.value()) {
            out += "  ";
            appendAttrs(out, graph.node(i), i, o);
        }
        out += "  }\n";
    }
    for (int i : loose)
        appendAttrs(out, graph.node(i), i, o);
    for (int i = 0; i < graph.edgeCount(); ++i) {
        const GraphEdge &e = graph.edge(i);
        const QString cls = edgeClassName(e.cls);
        const QString status = graphStatusName(e.status);
        out += "  " + quote(graph.node(e.from).id) + " -> " + quote(graph.node(e.to).id) +
               " [id=\"e" + QByteArray::number(i) + "\" class=" +
               quote(o.statusInClass && !status.isEmpty() ? cls + QLatin1Char(' ') + status : cls);
        if (!status.isEmpty())
            out += " status=" + quote(status);
        out += " style=";
        out += styleOf(e.cls);
        out += "];\n";
    }
    out += "}\n";
    return out;
}

} // namespace ta::core
