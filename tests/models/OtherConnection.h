// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/store/Workspace.h"
#include "models/Document.h"

#include <memory>

namespace ta::tests {

/// A second connection to @p document's file, as another writer (a CLI run, an import) would
/// hold one. Tests change the workspace behind the document's back through it: the document
/// itself gives write access to its undo commands and models only.
inline std::unique_ptr<core::Workspace> otherConnection(const models::Document &document,
                                                        const QByteArray &passphrase = {})
{
    auto ws = core::Workspace::open(document.path(), passphrase);
    if (!ws)
        qFatal("second connection: %s", qPrintable(ws.error().toString()));
    return std::move(*ws);
}

} // namespace ta::tests
