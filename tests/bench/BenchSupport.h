// SPDX-License-Identifier: Apache-2.0
// What every benchmark program shares: a rate measured over a time budget, one JSON line a case.
#pragma once

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cstdio>

namespace ta::bench {

/// Operations per second of @p op over about @p budgetMs; -1 as soon as one fails, so a broken
/// case cannot pass as a fast one.
template <typename Fn>
double ratePerSecond(qint64 budgetMs, Fn &&op)
{
    QElapsedTimer t;
    t.start();
    qint64 n = 0;
    while (t.elapsed() < budgetMs) {
        for (int i = 0; i < 16; ++i) {
            if (!op())
                return -1;
        }
        n += 16;
    }
    return double(n) * 1000.0 / double(t.elapsed());
}

/// One result line on stdout, flushed at once so that a crash later loses nothing.
inline void emitLine(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

/// The time budget per case: short with --quick.
inline qint64 budgetMs(const QStringList &arguments)
{
    return arguments.contains(QStringLiteral("--quick")) ? 200 : 2000;
}

} // namespace ta::bench
