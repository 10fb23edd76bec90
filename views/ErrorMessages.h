// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"

#include <QCoreApplication>

namespace ta::views {

/// Turns core's error codes into sentences for people. Core never shows text; this is the one
/// place that decides what a refusal says.
class ErrorMessages
{
    Q_DECLARE_TR_FUNCTIONS(ta::views::ErrorMessages)

public:
    /// A translated sentence for @p error; codes without their own sentence fall back to one
    /// for their family ("spiffe.id.*", "x509svid.*", ...), then to a generic one naming the code.
    static QString text(const core::Error &error);
    /// Whether @p code has a sentence of its own, not just its family's.
    static bool hasOwnMessage(const QString &code);
    /// The English source of @p code's own sentence; empty when it has none.
    static QString untranslated(const QString &code);
};

} // namespace ta::views
