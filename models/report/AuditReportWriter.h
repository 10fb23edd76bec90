// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "models/report/AuditReport.h"

#include <QString>
#include <QStringView>

#include <functional>
#include <optional>

namespace ta::models {

/// Writes the audit report to a file, all or nothing: the report goes to a temporary file
/// beside the target, renamed over it only once complete (QSaveFile), so a failure leaves
/// neither a partial report nor a changed old one.
class AuditReportWriter
{
public:
    enum class Format { Html, Pdf };
    /// "html" or "pdf".
    static std::optional<Format> formatFromName(QStringView name);
    using Cancelled = std::function<bool()>;
    /// io.unwritable (detail: the path and why) when the file cannot be written; PDF errors as
    /// AuditReportPdf::write. @p cancelled is asked before the rendering and again before the
    /// rename: when it answers true, replay.cancelled, and the file at @p path is as it was
    /// (a Ctrl+C during a long PDF rendering must not end in a written report).
    [[nodiscard]] static core::Result<void> write(const AuditReport &report, Format format,
                                                  const QString &path,
                                                  const Cancelled &cancelled = {});
};

} // namespace ta::models
