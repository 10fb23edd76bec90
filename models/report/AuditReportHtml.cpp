// SPDX-License-Identifier: Apache-2.0
#include "models/report/AuditReportHtml.h"

#include "core/crypto/AuthoritySlot.h"

#include <QImage>
#include <QJsonDocument>

namespace ta::models {
namespace {

QString time(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QStringLiteral("–");
}

// One table row of escaped cells; @p header makes th cells.
QString row(const QStringList &cells, bool header = false)
{
    const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
    QString out = QStringLiteral("<tr>");
    for (const QString &c : cells)
        out += QStringLiteral("<%1>%2</%1>").arg(tag, AuditReportHtml::escape(c));
    return out + QStringLiteral("</tr>\n");
}

QString tableStart()
{
    return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                          "width=\"100%\">\n");
}

QString ttl(qint32 seconds)
{
    return seconds > 0 ? QString::number(seconds) + QLatin1Char('s') : QStringLiteral("–");
}

} // namespace

QString AuditReportHtml::escape(const QString &text)
{
    QString out;
    out.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
            continue;
        }
        switch (u) {
        case u'<':
            out += QStringLiteral("&lt;");
            break;
        case u'>':
            out += QStringLiteral("&gt;");
            break;
        case u'&':
            out += QStringLiteral("&amp;");
            break;
        case u'"':
            out += QStringLiteral("&quot;");
            break;
        case u'\'':
            out += QStringLiteral("&#39;");
            break;
        default:
            // XML 1.0 cannot hold most control characters, lone surrogates or U+FFFE/U+FFFF.
            if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || c.isSurrogate() ||
                u == 0xFFFE || u == 0xFFFF)
                out += QChar(0xFFFD);
            else
                out += c;
        }
    }
    return out;
}

QString AuditReportHtml::toHtml(const AuditReport &r, const Options &options)
{
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n"
                        "<meta charset=\"utf-8\"/>\n<title>");
    h += escape(tr("Audit report: %1").arg(r.workspaceName));
    h += QStringLiteral(
        "</title>\n<style>\nbody { font-family: sans-serif; font-size: 10pt; }\n"
        "table { border-collapse: collapse; margin-bottom: 8px; }\n"
        "th { background-color: #e8e8e8; text-align: left; }\n"
        "td, th { border: 1px solid #999999; padding: 3px; vertical-align: top; font-size: 8pt; }\n"
        "code { font-size: 8pt; }\n"
        ".high { color: #b00020; font-weight: bold; }\n.medium { color: #a05a00; }\n"
        "img { max-width: 100%; }\n</style>\n</head>\n<body>\n");

    // Header.
    h += QStringLiteral("<h1>%1</h1>\n").arg(escape(tr("Trust Atlas audit report")));
    h += tableStart();
    h += row({tr("Workspace"), r.workspaceName});
    h += row({tr("Generated"), time(r.generatedAt)});
    h += row({tr("Estate at"), time(r.at)});
    h += row({tr("Tool version"), r.toolVersion});
    h += QStringLiteral("</table>\n");

    // Trust domains and their CA slots.
    h += QStringLiteral("<h2 id=\"trust-domains\">%1</h2>\n").arg(escape(tr("Trust domains")));
    if (r.trustDomains.isEmpty())
        h += QStringLiteral("<p>%1</p>\n").arg(escape(tr("The workspace has no trust domain.")));
    for (const core::EstateTrustDomain &td : r.trustDomains) {
        h += QStringLiteral("<h3>%1</h3>\n").arg(escape(td.name));
        h += tableStart();
        h += row({tr("Authority"), tr("Kind"), tr("Status"), tr("Not after"), tr("Expiry")}, true);
        for (const core::EstateAuthority &a : td.authorities) {
            QString status = core::slotStatusName(a.status);
            if (a.tainted)
                status += QStringLiteral(", ") + tr("tainted");
            QString expiry;
            if (a.notAfter.isValid()) {
                const qint64 days = r.at.secsTo(a.notAfter) / 86400;
                expiry =
                    a.notAfter <= r.at ? tr("expired") : tr("in %n day(s)", nullptr, int(days));
            }
            h += row({a.id, core::authorityKindName(a.kind), status, time(a.notAfter), expiry});
        }
        h += QStringLiteral("</table>\n");
    }

    // Federation.
    h += QStringLiteral("<h2 id=\"federation\">%1</h2>\n")
             .arg(escape(tr("Federation relationships")));
    if (r.federation.isEmpty()) {
        h += QStringLiteral("<p>%1</p>\n").arg(escape(tr("No federation relationship.")));
    } else {
        h += tableStart();
        h += row({tr("Trust domain"), tr("Peer"), tr("Profile"), tr("Endpoint"), tr("Last fetch"),
                  tr("Held sequence")},
                 true);
        for (const AuditFederationRow &f : r.federation)
            h += row({f.localTrustDomain, f.peerTrustDomain, f.profile, f.endpoint,
                      f.lastFetchedAt.isValid() ? time(f.lastFetchedAt) : tr("never"),
                      f.heldSequence >= 0 ? QString::number(f.heldSequence) : tr("none")});
        h += QStringLiteral("</table>\n");
    }

    // Findings.
    h += QStringLiteral("<h2 id=\"findings\">%1</h2>\n").arg(escape(tr("Findings")));
    if (r.findings.isEmpty()) {
        h += QStringLiteral("<p>%1</p>\n").arg(escape(tr("No finding.")));
    } else {
        h += tableStart();
        h += row({tr("Severity"), tr("Finding"), tr("About"), tr("Detail")}, true);
        for (const core::GraphFinding &f : r.findings) {
            const QString cls =
                f.severity == QLatin1String("high") || f.severity == QLatin1String("medium")
                    ? f.severity
                    : QStringLiteral("low");
            h += QStringLiteral("<tr><td class=\"%1\">%2</td><td>%3</td><td>%4</td><td>%5</td>"
                                "</tr>\n")
                     .arg(cls, escape(f.severity), escape(f.kind), escape(f.subject),
                          escape(QString::fromUtf8(
                              QJsonDocument(f.detail).toJson(QJsonDocument::Compact))));
        }
        h += QStringLiteral("</table>\n");
    }

    // Policies, registration entries and their versions.
    h += QStringLiteral("<h2 id=\"policies\">%1</h2>\n").arg(escape(tr("Policies")));
    if (r.policies.isEmpty()) {
        h += QStringLiteral("<p>%1</p>\n").arg(escape(tr("No policy.")));
    } else {
        h += tableStart();
        h += row({tr("Name"), tr("Effect"), tr("Trust domain"), tr("X509 TTL"), tr("JWT TTL"),
                  tr("Federates with")},
                 true);
        // The template and condition are long: each takes a full-width row under its policy.
        for (const core::Policy &p : r.policies) {
            h += row({p.name, core::policyEffectName(p.effect), p.trustDomain, ttl(p.x509SvidTtl),
                      ttl(p.jwtSvidTtl), p.federatesWith.join(QStringLiteral(", "))});
            h += QStringLiteral("<tr><td colspan=\"6\">%1 <code>%2</code><br/>%3 "
                                "<code>%4</code></td></tr>\n")
                     .arg(escape(tr("SPIFFE ID template:")), escape(p.spiffeIdTemplate),
                          escape(tr("Condition:")), escape(p.condition));
        }
        h += QStringLiteral("</table>\n");
    }
    auto versions = [&](const QString &title, const QList<core::RuleVersion> &list) {
        h += QStringLiteral("<h3>%1</h3>\n").arg(escape(title));
        if (list.isEmpty()) {
            h += QStringLiteral("<p>%1</p>\n").arg(escape(tr("No version saved.")));
            return;
        }
        h += tableStart();
        h += row({tr("Version"), tr("Saved"), tr("Comment")}, true);
        for (const core::RuleVersion &v : list)
            h += row({QString::number(v.version), time(v.savedAt), v.comment});
        h += QStringLiteral("</table>\n");
    };
    versions(tr("Policy versions"), r.policyVersions);
    h += QStringLiteral("<h3>%1</h3>\n").arg(escape(tr("Registration entries")));
    if (r.entries.isEmpty()) {
        h += QStringLiteral("<p>%1</p>\n").arg(escape(tr("No registration entry.")));
    } else {
        h += tableStart();
        h += row({tr("ID"), tr("SPIFFE ID"), tr("Parent ID"), tr("Selectors"), tr("X509 TTL"),
                  tr("Federates with")},
                 true);
        for (const core::RegistrationEntry &e : r.entries) {
            QStringList selectors;
            for (const core::Selector &s : e.selectors)
                selectors.append(s.toString());
            h += row({e.id, e.spiffeId, e.parentId, selectors.join(QStringLiteral(", ")),
                      ttl(e.x509SvidTtl), e.federatesWith.join(QStringLiteral(", "))});
        }
        h += QStringLiteral("</table>\n");
    }
    versions(tr("Registration entry versions"), r.entryVersions);

    // Decisions.
    h += QStringLiteral("<h2 id=\"decisions\">%1</h2>\n").arg(escape(tr("Decision summary")));
    if (!r.simulated) {
        h += QStringLiteral("<p>%1</p>\n").arg(escape(tr("Nothing was simulated.")));
    } else {
        h += QStringLiteral("<p>%1</p>\n")
                 .arg(escape(tr("The latest rules replayed over the workspace's %n evidence "
                                "record(s).",
                                nullptr, int(r.records))));
        if (!r.savedRunName.isEmpty())
            h += QStringLiteral("<p>%1</p>\n")
                     .arg(escape(tr("The graph's statuses come from the saved run \"%1\".")
                                     .arg(r.savedRunName)));
        h += tableStart();
        h += row({tr("Subjects"), tr("Issued"), tr("Renewed"), tr("Expired"), tr("Revoked"),
                  tr("Denied")},
                 true);
        h += row({QString::number(r.summary.subjects), QString::number(r.summary.issued),
                  QString::number(r.summary.renewed), QString::number(r.summary.expired),
                  QString::number(r.summary.revoked), QString::number(r.summary.denied)});
        h += QStringLiteral("</table>\n");
        h += tableStart();
        h += row({tr("Subject"), tr("Issued"), tr("Renewed"), tr("Revoked"), tr("Denied"),
                  tr("Live at the end"), tr("Identities")},
                 true);
        for (const AuditSubjectOutcome &o : r.outcomes)
            h += row({o.subject, QString::number(o.issued), QString::number(o.renewed),
                      QString::number(o.revoked), QString::number(o.denied),
                      QString::number(o.liveAtEnd.size()), o.identities.join(QStringLiteral(" "))});
        h += QStringLiteral("</table>\n");
    }

    // The graph picture.
    h += QStringLiteral("<h2 id=\"graph\">%1</h2>\n").arg(escape(tr("Graph")));
    if (r.graphPng.isEmpty()) {
        h += QStringLiteral("<p>%1</p>\n")
                 .arg(escape(r.graphError.isEmpty()
                                 ? tr("The estate is empty.")
                                 : tr("The graph could not be drawn (%1).").arg(r.graphError)));
    } else {
        QString size;
        if (options.imageWidth > 0) {
            const QImage image = QImage::fromData(r.graphPng, "PNG");
            if (!image.isNull() && image.width() > options.imageWidth)
                size = QStringLiteral(" width=\"%1\" height=\"%2\"")
                           .arg(options.imageWidth)
                           .arg(qMax(1, int(qint64(image.height()) * options.imageWidth /
                                            image.width())));
        }
        const QString src = options.imageUrl.isEmpty()
                                ? QStringLiteral("data:image/png;base64,") +
                                      QString::fromLatin1(r.graphPng.toBase64())
                                : escape(options.imageUrl);
        h += QStringLiteral("<p><img src=\"%1\" alt=\"%2\"%3/></p>\n")
                 .arg(src, escape(tr("The estate graph at %1").arg(time(r.at))), size);
    }

    // What-if.
    if (r.whatIf) {
        const core::WhatIfReport &w = *r.whatIf;
        h += QStringLiteral("<h2 id=\"what-if\">%1</h2>\n").arg(escape(tr("What-if")));
        if (!r.whatIfLabel.isEmpty())
            h += QStringLiteral("<p>%1</p>\n").arg(escape(r.whatIfLabel));
        const QJsonObject sum = w.summaryJson().value(QLatin1String("summary")).toObject();
        h += QStringLiteral("<p>%1</p>\n")
                 .arg(escape(tr("%1 subjects changed: %2 identities gained, %3 lost, %4 changed.")
                                 .arg(sum.value(QLatin1String("subjects_changed")).toInteger())
                                 .arg(sum.value(QLatin1String("gained")).toInteger())
                                 .arg(sum.value(QLatin1String("lost")).toInteger())
                                 .arg(sum.value(QLatin1String("changed")).toInteger())));
        if (!w.subjects.isEmpty()) {
            h += tableStart();
            h += row(
                {tr("Subject"), tr("Gained"), tr("Lost"), tr("Changed"), tr("First divergence")},
                true);
            for (const core::SubjectDifference &d : w.subjects) {
                QStringList changed;
                for (const core::SubjectDifference::Change &c : d.changed)
                    changed.append(c.spiffeId);
                h += row({d.subject, d.gained.join(QStringLiteral(" ")),
                          d.lost.join(QStringLiteral(" ")), changed.join(QStringLiteral(" ")),
                          time(d.divergedAt)});
            }
            h += QStringLiteral("</table>\n");
        }
    }
    h += QStringLiteral("</body>\n</html>\n");
    return h;
}

} // namespace ta::models
