// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPlainTextEdit>

namespace ta::models {
class AnchorModel;
}

namespace ta::views {

/// Everything a reviewer checks about one trust anchor or reference value: each key with its
/// type and full SPKI SHA-256, each certificate with subject, issuer, validity and fingerprint,
/// issuer, audiences and allow lists, the PCR or digest, and the stored entry itself.
class AnchorDetails : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit AnchorDetails(QWidget *parent = nullptr);

    /// Shows the entry of @p row of @p model; a negative row shows nothing.
    void showEntry(const models::AnchorModel &model, int row);
};

} // namespace ta::views
