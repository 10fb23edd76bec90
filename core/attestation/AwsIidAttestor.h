// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/Attestor.h"

namespace ta::core {

/// aws_iid: the EC2 instance identity document (JSON text) and its PKCS#7 signature (base64 DER
/// SignedData, as the metadata service serves it), verified by OpenSSL's CMS_verify against the
/// aws_signing_cert anchors; the signed content must be the document byte for byte. Selectors as
/// SPIRE's aws_iid, sorted: az, image:id, instance:id, region (SPIRE has no account selector; the
/// account is in the agent ID and the claims); with the recorded EC2 answers (see
/// AwsRecordedInstance) also tag, sg:id, sg:name and iamrole. Agent ID:
/// spire/agent/aws_iid/<account>/<region>/<instance>. Nothing may follow the SignedData, which
/// has one SignerInfo with a signingTime within AttestationSettings::awsSigningTimeMaxAge before
/// the record's time. The nonce is derived from what was signed (the document and the signed
/// attributes), so another encoding of the same signature is a replay.
class AwsIidAttestor : public Attestor
{
public:
    QString name() const override { return QStringLiteral("aws_iid"); }
    bool attestsNodes() const override { return true; }
    AttestationResult verify(const EvidenceRecord &record,
                             const AttestationContext &context) const override;
};

} // namespace ta::core
