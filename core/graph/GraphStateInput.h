// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ta::core {

/// One credential live at the instant, as a simulation's state query reports it.
struct LiveCredentialInput
{
    QString credential;
    QString subject;
    QString spiffeId;
    QDateTime notAfter;
    /// Optional: when it was issued (for "expiring": under a fifth of its life left).
    QDateTime notBefore;
    /// Optional: the rule that granted it.
    QString rule;
};

/// A simulation's state at one instant (DESIGN.md's `simulate --state-at`: the subjects whose
/// attestation holds and the credentials live), fed to GraphBuilder in place of its own reading
/// of the evidence. Plain data so any producer can fill it.
struct GraphStateInput
{
    QDateTime at;
    QStringList attested;
    QList<LiveCredentialInput> live;
};

} // namespace ta::core
