// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "models/report/AuditReport.h"

#include <QString>
#include <QStringView>

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
    /// io.unwritable (detail: the path and why) when the file cannot be written; PDF errors as
    /// AuditReportPdf::write.
    [[nodiscard]] static core::Result<void> write(const AuditReport &report, Format format,
                                                  const QString &path);
};

} // namespace ta::models
