// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "models/report/AuditReport.h"

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace ta::models {

/// The audit report as PDF, through Qt's own printing: the report's HTML laid out by
/// QTextDocument on A4 pages and written by QPdfWriter. Needs a QGuiApplication (fonts); safe
/// off the GUI thread.
class AuditReportPdf
{
public:
    /// Writes the PDF to @p device (open for writing). report.pdf_failed without a
    /// QGuiApplication.
    [[nodiscard]] static core::Result<void> write(const AuditReport &report, QIODevice *device);
};

} // namespace ta::models
