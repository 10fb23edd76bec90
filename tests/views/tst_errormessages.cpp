// SPDX-License-Identifier: Apache-2.0
// Every declared error code has its own sentence, translated into German and French
// (issue 8, finding 8).
#include "core/ErrorCatalog.h"
#include "views/ErrorMessages.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using ta::views::ErrorMessages;

class TestErrorMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyDeclaredCodeHasItsOwnSentence();
    void everySentenceIsTranslated_data();
    void everySentenceIsTranslated();
    void unknownCodeFallsBack();
};

void TestErrorMessages::everyDeclaredCodeHasItsOwnSentence()
{
    QStringList missing;
    for (const ta::core::ErrorCode &c : ta::core::declaredErrorCodes()) {
        if (!ErrorMessages::hasOwnMessage(QString::fromLatin1(c.code)))
            missing << QString::fromLatin1(c.code);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("codes without a sentence in views/ErrorMessages.cpp: ") +
                        missing.join(QStringLiteral(", "))));
}

void TestErrorMessages::everySentenceIsTranslated_data()
{
    QTest::addColumn<QString>("qm");
    QTest::newRow("German") << QStringLiteral(":/i18n/trustatlas_de.qm");
    QTest::newRow("French") << QStringLiteral(":/i18n/trustatlas_fr.qm");
}

void TestErrorMessages::everySentenceIsTranslated()
{
    QFETCH(QString, qm);
    QTranslator translator;
    QVERIFY(translator.load(qm));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QStringList untranslated;
    for (const ta::core::ErrorCode &c : ta::core::declaredErrorCodes()) {
        const QString code = QString::fromLatin1(c.code);
        const QString english = ErrorMessages::untranslated(code);
        const QString shown = ErrorMessages::text(ta::core::makeError(code));
        if (english.isEmpty() || shown == english)
            untranslated << code;
    }
    QCoreApplication::removeTranslator(&translator);
    QVERIFY2(untranslated.isEmpty(),
             qPrintable(QStringLiteral("untranslated in %1: %2")
                            .arg(qm, untranslated.join(QStringLiteral(", ")))));
}

void TestErrorMessages::unknownCodeFallsBack()
{
    QVERIFY(!ErrorMessages::hasOwnMessage(QStringLiteral("spiffe.id.not_declared")));
    QCOMPARE(ErrorMessages::text(ta::core::makeError(QStringLiteral("spiffe.id.not_declared"))),
             QStringLiteral("This is not a valid SPIFFE ID."));
    QCOMPARE(ErrorMessages::text(ta::core::makeError(QStringLiteral("zz.unknown"))),
             QStringLiteral("Unexpected error (zz.unknown)."));
}

QTEST_GUILESS_MAIN(TestErrorMessages)
#include "tst_errormessages.moc"
