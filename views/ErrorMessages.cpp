// SPDX-License-Identifier: Apache-2.0
#include "views/ErrorMessages.h"

#include "views/ErrorMessageTable.h"

#include <QHash>

namespace ta::views {
namespace {

// Family sentences for codes a newer core may raise before the table learns them.
using Message = ErrorMessageEntry;

constexpr Message kPrefixes[] = {
    {"spiffe.id.", QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "This is not a valid SPIFFE ID.")},
    {"spiffe.td.",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "This is not a valid trust domain name.")},
    {"spiffe.bundle.",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The trust bundle is not valid.")},
    {"x509svid.",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The certificate is not a valid X509-SVID.")},
    {"jwtsvid.",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The token is not a valid JWT-SVID.")},
    {"ca.", QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                              "The certificate authority refused the change.")},
    {"crypto.", QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "A cryptographic operation failed.")},
    {"anchors.", QT_TRANSLATE_NOOP("ta::views::ErrorMessages",
                                   "The trust anchors or reference values are not valid.")},
    {"store.",
     QT_TRANSLATE_NOOP("ta::views::ErrorMessages", "The workspace could not complete the change.")},
};

const QHash<QString, const char *> &exactMessages()
{
    static const QHash<QString, const char *> exact = [] {
        QHash<QString, const char *> h;
        for (const ErrorMessageEntry &m : errorMessageTable())
            h.insert(QString::fromLatin1(m.code), m.text);
        return h;
    }();
    return exact;
}

} // namespace

bool ErrorMessages::hasOwnMessage(const QString &code)
{
    return exactMessages().contains(code);
}

QString ErrorMessages::untranslated(const QString &code)
{
    return QString::fromUtf8(exactMessages().value(code));
}

QString ErrorMessages::text(const core::Error &error)
{
    const auto &exact = exactMessages();
    if (const auto it = exact.constFind(error.code); it != exact.constEnd())
        return QCoreApplication::translate("ta::views::ErrorMessages", it.value());
    for (const Message &m : kPrefixes) {
        if (error.code.startsWith(QLatin1String(m.code)))
            return QCoreApplication::translate("ta::views::ErrorMessages", m.text);
    }
    return tr("Unexpected error (%1).").arg(error.code);
}

} // namespace ta::views
