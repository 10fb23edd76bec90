// SPDX-License-Identifier: Apache-2.0
// The audit report's XHTML: escaping of every character class, and a report whose every
// workspace-given value is hostile still parses as XML with only the report's own elements.
#include "models/report/AuditReportHtml.h"

#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using ta::models::AuditReport;
using ta::models::AuditReportHtml;

class TestAuditReportHtml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escape_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain") << QStringLiteral("prod.example") << QStringLiteral("prod.example");
        QTest::newRow("markup") << QStringLiteral("<script>x</script>")
                                << QStringLiteral("&lt;script&gt;x&lt;/script&gt;");
        QTest::newRow("entity stays text")
            << QStringLiteral("&amp;") << QStringLiteral("&amp;amp;");
        QTest::newRow("quotes end no attribute")
            << QStringLiteral("\" onload='x'") << QStringLiteral("&quot; onload=&#39;x&#39;");
        QTest::newRow("tab and newline kept")
            << QStringLiteral("a\tb\nc") << QStringLiteral("a\tb\nc");
        QTest::newRow("control character") << QStringLiteral("a\x01"
                                                             "b")
                                           << QStringLiteral("a\uFFFDb");
        QTest::newRow("nul") << QString(QChar(0)) << QStringLiteral("\uFFFD");
        QTest::newRow("lone high surrogate") << QString(QChar(0xD800)) << QStringLiteral("\uFFFD");
        QTest::newRow("lone low surrogate")
            << QString(QChar(0xDC00)) + QLatin1Char('a') << QStringLiteral("\uFFFDa");
        QTest::newRow("pair kept") << QStringLiteral("\U0001F512") << QStringLiteral("\U0001F512");
        QTest::newRow("noncharacter") << QString(QChar(0xFFFE)) << QStringLiteral("\uFFFD");
    }

    void escape()
    {
        QFETCH(QString, text);
        QFETCH(QString, escaped);
        QCOMPARE(AuditReportHtml::escape(text), escaped);
    }

    void hostileValuesAddNoElement()
    {
        const QString evil = QStringLiteral("<script>alert(1)</script>\" x='<b>'&\x02");
        AuditReport r;
        r.workspaceName = evil;
        r.generatedAt = r.at = QDateTime::currentDateTimeUtc();
        r.toolVersion = evil;
        ta::core::EstateTrustDomain td;
        td.name = evil;
        ta::core::EstateAuthority a;
        a.id = evil;
        a.notAfter = r.at.addDays(3);
        td.authorities << a;
        r.trustDomains << td;
        r.federation << ta::models::AuditFederationRow{evil, evil, evil, evil, {}, 2};
        ta::core::GraphFinding f;
        f.kind = f.severity = f.subject = evil;
        f.detail.insert(evil, evil);
        r.findings << f;
        ta::core::Policy p;
        p.name = p.trustDomain = p.spiffeIdTemplate = p.condition = evil;
        p.federatesWith = {evil};
        r.policies << p;
        r.policyVersions << ta::core::RuleVersion{1, r.at, evil};
        ta::core::RegistrationEntry e;
        e.id = e.spiffeId = e.parentId = evil;
        e.selectors << ta::core::Selector{evil, evil};
        r.entries << e;
        r.simulated = true;
        r.savedRunName = evil;
        r.outcomes << ta::models::AuditSubjectOutcome{evil, 1, 0, 0, 0, {evil}, {evil}};
        r.graphError = evil;
        ta::core::WhatIfReport w;
        ta::core::SubjectDifference d;
        d.subject = evil;
        d.gained = {evil};
        w.subjects << d;
        r.whatIf = w;
        r.whatIfLabel = evil;

        const QString html = AuditReportHtml::toHtml(r);
        QXmlStreamReader xml(html);
        const QSet<QString> allowed = {
            QStringLiteral("html"),  QStringLiteral("head"),  QStringLiteral("meta"),
            QStringLiteral("title"), QStringLiteral("style"), QStringLiteral("body"),
            QStringLiteral("h1"),    QStringLiteral("h2"),    QStringLiteral("h3"),
            QStringLiteral("p"),     QStringLiteral("table"), QStringLiteral("tr"),
            QStringLiteral("th"),    QStringLiteral("td"),    QStringLiteral("code"),
            QStringLiteral("br")};
        int evilSeen = 0;
        const QString shown = QString(evil).replace(QChar(0x02), QChar(0xFFFD));
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                QVERIFY2(allowed.contains(xml.name().toString()),
                         qPrintable(xml.name().toString()));
                for (const QXmlStreamAttribute &attr : xml.attributes())
                    QVERIFY2(!attr.value().contains(QLatin1String("alert")),
                             qPrintable(attr.value().toString()));
            }
            if (xml.isCharacters() && xml.text().contains(shown))
                ++evilSeen;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        // Every section showed the value, as text.
        QVERIFY2(evilSeen >= 20, qPrintable(QString::number(evilSeen)));
    }
};

QTEST_GUILESS_MAIN(TestAuditReportHtml)
#include "tst_auditreporthtml.moc"
