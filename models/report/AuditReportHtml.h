// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "models/report/AuditReport.h"

#include <QCoreApplication>
#include <QString>

namespace ta::models {

/// The audit report as one self-contained XHTML document (well-formed XML, so a reader can
/// parse it; the graph picture inline as a data: URI), in the language of the installed
/// translator. Every value taken from the workspace is escaped: a name holding markup shows as
/// text and cannot add elements.
class AuditReportHtml
{
    Q_DECLARE_TR_FUNCTIONS(AuditReport)

public:
    struct Options
    {
        /// The picture's width in pixels; 0: its own size, shrunk by CSS to the page.
        int imageWidth = 0;
        /// The picture's address; empty: a data: URI holding it (a self-contained file).
        QString imageUrl;
    };
    static QString toHtml(const AuditReport &report, const Options &options);
    static QString toHtml(const AuditReport &report) { return toHtml(report, Options()); }
    /// @p text escaped for XHTML text and attribute values; characters XML cannot hold become
    /// U+FFFD.
    static QString escape(const QString &text);
};

} // namespace ta::models
