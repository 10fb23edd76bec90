// SPDX-License-Identifier: Apache-2.0
// An anchors file (`anchors import`): the CLI's JSON checks, then AnchorSet::fromImportJson.
// What imports is written back out and must import again.
#include "FuzzSupport.h"

#include "core/JsonInput.h"
#include "core/attestation/AnchorSet.h"

#include <QJsonDocument>

using namespace ta::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = (ta::fuzz::quietQt(), true);
    (void)quiet;
    const QByteArray input = ta::fuzz::bytes(data, size);
    (void)JsonInput::check(input);
    auto set = AnchorSet::fromImportJson(input);
    if (!set) {
        ta::fuzz::note(set.error().toString());
        return 0;
    }
    const QByteArray again = QJsonDocument(set->toJson()).toJson(QJsonDocument::Compact);
    if (!AnchorSet::fromImportJson(again)) {
        std::fprintf(stderr, "anchors that imported do not import again:\n%s\n", again.constData());
        std::abort();
    }
    return 0;
}
