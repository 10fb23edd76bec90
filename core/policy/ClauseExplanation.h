// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

namespace ta::core {

/// Why a condition did not hold: the clause that failed (for `a && b && c`, the first conjunct
/// that was false, else the first that was an error), what it evaluated to, and the values of
/// the variables and fields it reads, as the evaluation saw them.
struct ClauseExplanation
{
    /// The clause's source text, as written.
    QString clause;
    /// Where it starts in the condition (line and column from 1, columns in code points).
    int line = 1;
    int column = 1;
    /// 0-based index of the conjunct among the condition's top-level conjuncts.
    int conjunct = 0;
    /// What the clause evaluated to: false, another value, or {"error": message}.
    QJsonValue value;
    /// Each variable or field path the clause reads ("workload.k8s.ns") and its value there
    /// ({"error": "no such key: ns"} when it is absent), in source order, each once.
    QList<QPair<QString, QJsonValue>> values;

    QJsonObject toJson() const;
    /// One line for people: `workload.k8s.ns == "payments"` was false; workload.k8s.ns = "dev".
    QString toText() const;
};

} // namespace ta::core
