// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/simulation/SubjectDifference.h"

#include <QJsonObject>
#include <QList>

namespace ta::core {

/// Two runs over one timeline compared: every subject whose log differs, and totals.
struct WhatIfReport
{
    /// Sorted by subject.
    QList<SubjectDifference> subjects;

    bool changed() const { return !subjects.isEmpty(); }
    /// {"summary": {"subjects_changed", "gained", "lost", "changed", "revoked_in_base_only",
    /// "revoked_in_candidate_only"}}
    QJsonObject summaryJson() const;
};

} // namespace ta::core
