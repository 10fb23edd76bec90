// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

struct Agraph_s;

namespace ta::core {

/// Parses @p dot into a Graphviz graph whose layouts do not depend on the process's history.
///
/// Graphviz 2.42's default ID discipline makes a named object's ID the address of its name in
/// the string pool, and dot breaks ties by ID: the same DOT laid out twice in one process could
/// come out different, as the heap's addresses differ from one run to the next. Here IDs follow
/// the order in which the parser makes the objects (named ones even, anonymous ones odd, as
/// cgraph expects), per graph. The caller holds the Graphviz lock and frees the graph with
/// agclose(). Returns null on a syntax error.
Agraph_s *readDotGraph(const QByteArray &dot);

/// Puts back the C library's random generators that Graphviz draws from (sfdp's start positions)
/// as a new process has them, so that each layout starts from the same state. The caller holds
/// the Graphviz lock; nothing else in this process uses these generators.
void resetGraphvizRandomState();

} // namespace ta::core
