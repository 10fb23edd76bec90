// SPDX-License-Identifier: Apache-2.0
#include "models/report/AuditReportPdf.h"

#include "core/FrontEndErrors.h"
#include "models/report/AuditReportHtml.h"

#include <QAbstractTextDocumentLayout>
#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace ta::models {

core::Result<void> AuditReportPdf::write(const AuditReport &report, QIODevice *device)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return core::makeError(core::ec::ReportPdfFailed,
                               QStringLiteral("PDF needs a QGuiApplication"));
    QPdfWriter writer(device);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    writer.setTitle(AuditReportHtml::tr("Audit report: %1").arg(report.workspaceName));
    writer.setCreator(QStringLiteral("Trust Atlas %1").arg(report.toolVersion));

    writer.setResolution(300);
    // The document is laid out in the writer's own pixels, on pages of its printable area. An
    // image's size is read in CSS pixels (96 an inch) and scaled to the device: the picture
    // gets the text width in those.
    const QSize page = writer.pageLayout().paintRectPixels(writer.resolution()).size();
    AuditReportHtml::Options options;
    options.imageWidth = int(page.width() * 96.0 / writer.resolution()) - 8;
    // QTextDocument does not read data: URIs; the picture is handed over as a resource.
    options.imageUrl = QStringLiteral("ta-report:graph.png");
    QTextDocument document;
    document.documentLayout()->setPaintDevice(&writer);
    document.setPageSize(QSizeF(page));
    if (!report.graphPng.isEmpty()) {
        const QImage image = QImage::fromData(report.graphPng, "PNG");
        if (!image.isNull())
            document.addResource(QTextDocument::ImageResource, QUrl(options.imageUrl), image);
    }
    document.setHtml(AuditReportHtml::toHtml(report, options));
    document.print(&writer);
    return {};
}

} // namespace ta::models
