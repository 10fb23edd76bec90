// SPDX-License-Identifier: Apache-2.0
#include "core/graph/GraphvizReader.h"

#include <QHash>

#include <graphviz/cgraph.h>

#include <cstdlib>
#include <cstring>
#include <vector>

namespace ta::core {
namespace {

// One graph's names: ID 2k is the k-th name made; anonymous objects (edges) get odd IDs.
struct IdState
{
    QHash<QByteArray, IDTYPE> ids;
    std::vector<QByteArray> names; // names[k - 1] for ID 2k; the bytes never move
    IDTYPE nextAnonymous = 1;
};

void *idOpen(Agraph_t *, Agdisc_t *)
{
    return new IdState;
}

long idMap(void *state, int, char *str, IDTYPE *id, int create)
{
    auto *s = static_cast<IdState *>(state);
    if (!str) {
        *id = s->nextAnonymous;
        s->nextAnonymous += 2;
        return 1;
    }
    const QByteArray name(str);
    if (const auto it = s->ids.constFind(name); it != s->ids.constEnd()) {
        *id = it.value();
        return 1;
    }
    if (!create)
        return 0;
    s->names.push_back(name);
    *id = IDTYPE(2 * s->names.size());
    s->ids.insert(name, *id);
    return 1;
}

// Explicit ID requests are refused, as by cgraph's own discipline.
long idAlloc(void *, int, IDTYPE)
{
    return 0;
}

// Names live until the graph is closed: an object's name may be looked up again after the
// object is deleted (dot deletes and remakes helper subgraphs), and must map to the same ID.
void idFree(void *, int, IDTYPE) {}

char *idPrint(void *state, int, IDTYPE id)
{
    const auto *s = static_cast<const IdState *>(state);
    if (id % 2 != 0 || id == 0 || id / 2 > s->names.size())
        return nullptr;
    return const_cast<char *>(s->names[id / 2 - 1].constData());
}

void idClose(void *state)
{
    delete static_cast<IdState *>(state);
}

void idRegister(void *, int, void *) {}

Agiddisc_t sequentialIds = {idOpen, idMap, idAlloc, idFree, idPrint, idClose, idRegister};

// Reads the DOT text a line at a time, as cgraph's agmemread() does.
struct MemoryReader
{
    const char *data;
    qsizetype size;
    qsizetype at = 0;
};

int readLine(void *chan, char *buf, int bufsize)
{
    auto *r = static_cast<MemoryReader *>(chan);
    if (bufsize <= 0 || r->at >= r->size)
        return 0;
    const qsizetype left = qMin<qsizetype>(r->size - r->at, bufsize);
    const void *newline = std::memchr(r->data + r->at, '\n', size_t(left));
    const qsizetype n = newline ? static_cast<const char *>(newline) - (r->data + r->at) + 1 : left;
    std::memcpy(buf, r->data + r->at, size_t(n));
    r->at += n;
    return int(n);
}

} // namespace

Agraph_s *readDotGraph(const QByteArray &dot)
{
    static Agiodisc_t io = {readLine, AgIoDisc.putstr, AgIoDisc.flush};
    Agdisc_t disc = {&AgMemDisc, &sequentialIds, &io};
    MemoryReader reader{dot.constData(), dot.size()};
    return agread(&reader, &disc);
}

void resetGraphvizRandomState()
{
    // A new process's states: drand48's X0 is 0x1234ABCD330E, which srand48(0x1234ABCD) sets;
    // rand() starts as after srand(1).
    srand48(0x1234ABCDL);
    std::srand(1);
}

} // namespace ta::core
