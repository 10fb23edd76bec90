// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/attestation/Attestor.h"

namespace ta::core {

/// tpm: a TPM 2.0 quote (TpmQuote parses and checks it) signed by the tpm_ak anchor registered
/// for the record's subject, its PCR digest recomputed from the reported values, and those values
/// compared with the subject's golden pcr reference values. The payload nonce is the replay
/// guard's key. Selector: tpm:pub_hash:<AK SPKI SHA-256>, as the community TPM plugin for SPIRE
/// names the AK. Agent ID: spire/agent/tpm/<AK SPKI SHA-256>.
class TpmAttestor : public Attestor
{
public:
    QString name() const override { return QStringLiteral("tpm"); }
    bool attestsNodes() const override { return true; }
    AttestationResult verify(const EvidenceRecord &record,
                             const AttestationContext &context) const override;
};

} // namespace ta::core
