// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/spiffe/CertificateAuthority.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace ta::models {

class Document;

/// Undo of a change to a trust domain's lifetimes: the X509-SVID and JWT-SVID TTLs and the
/// lifetime of authorities prepared from now on. None of them is published in the bundle, so
/// the change can be taken back; the key type and the intermediate mode are fixed at creation.
class CaSettingsCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(ta::models::CaSettingsCommand)

public:
    /// The change was made already; the first redo does nothing.
    CaSettingsCommand(Document *document, const QString &trustDomain,
                      const core::CaSettings &before, const core::CaSettings &after);

    void undo() override;
    void redo() override;

private:
    void apply(const core::CaSettings &settings);

    Document *m_document;
    QString m_trustDomain;
    core::CaSettings m_before;
    core::CaSettings m_after;
    bool m_first = true;
};

} // namespace ta::models
