// SPDX-License-Identifier: Apache-2.0
#include "core/ErrorCatalog.h"

#include "core/FrontEndErrors.h"
#include "core/attestation/AttestationErrors.h"
#include "core/crypto/CryptoErrors.h"
#include "core/federation/FederationErrors.h"
#include "core/graph/GraphErrors.h"
#include "core/policy/PolicyErrors.h"
#include "core/policy/cel/CelErrors.h"
#include "core/simulation/SimulationErrors.h"
#include "core/spiffe/SpiffeErrors.h"
#include "core/store/StoreErrors.h"

#include <QHash>

namespace ta::core {

QList<ErrorCode> declaredErrorCodes()
{
    QList<ErrorCode> all;
    for (const QList<ErrorCode> &module :
         {spiffeErrorCodes(), cryptoErrorCodes(), storeErrorCodes(), attestationErrorCodes(),
          policyErrorCodes(), celErrorCodes(), frontEndErrorCodes()})
        all += module;
    // The simulation and graph modules sit above core; their tables are header-only macros, so
    // listing them here needs no link to those modules.
    all += QList<ErrorCode>{TA_SIMULATION_ERRORS(TA_ERROR_CODE_ROW)};
    all += QList<ErrorCode>{TA_GRAPH_ERRORS(TA_ERROR_CODE_ROW)};
    all += QList<ErrorCode>{TA_FEDERATION_ERRORS(TA_ERROR_CODE_ROW)};
    return all;
}

const ErrorCode *findErrorCode(QStringView code)
{
    static const QList<ErrorCode> all = declaredErrorCodes();
    static const QHash<QString, qsizetype> byCode = [] {
        QHash<QString, qsizetype> h;
        for (qsizetype i = 0; i < all.size(); ++i)
            h.insert(QString::fromLatin1(all.at(i).code), i);
        return h;
    }();
    const auto it = byCode.constFind(code.toString());
    return it == byCode.constEnd() ? nullptr : &all.at(it.value());
}

} // namespace ta::core
