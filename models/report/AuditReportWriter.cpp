// SPDX-License-Identifier: Apache-2.0
#include "models/report/AuditReportWriter.h"

#include "core/FrontEndErrors.h"
#include "models/report/AuditReportHtml.h"
#include "models/report/AuditReportPdf.h"

#include <QSaveFile>

namespace ta::models {

std::optional<AuditReportWriter::Format> AuditReportWriter::formatFromName(QStringView name)
{
    if (name == u"html")
        return Format::Html;
    if (name == u"pdf")
        return Format::Pdf;
    return std::nullopt;
}

core::Result<void> AuditReportWriter::write(const AuditReport &report, Format format,
                                            const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return core::makeError(core::ec::IoUnwritable,
                               path + QStringLiteral(": ") + file.errorString());
    if (format == Format::Html) {
        file.write(AuditReportHtml::toHtml(report).toUtf8());
    } else if (auto pdf = AuditReportPdf::write(report, &file); !pdf) {
        file.cancelWriting();
        return pdf.error();
    }
    if (!file.commit())
        return core::makeError(core::ec::IoUnwritable,
                               path + QStringLiteral(": ") + file.errorString());
    return {};
}

} // namespace ta::models
