// SPDX-License-Identifier: Apache-2.0
#include "models/report/AuditReportWriter.h"

#include "core/FrontEndErrors.h"
#include "core/simulation/SimulationErrors.h"
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
                                            const QString &path, const Cancelled &cancelled)
{
    const auto stop = [&cancelled] { return cancelled && cancelled(); };
    if (stop())
        return core::makeError(core::ec::ReplayCancelled);
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
    if (stop()) {
        file.cancelWriting();
        return core::makeError(core::ec::ReplayCancelled);
    }
    if (!file.commit())
        return core::makeError(core::ec::IoUnwritable,
                               path + QStringLiteral(": ") + file.errorString());
    return {};
}

} // namespace ta::models
