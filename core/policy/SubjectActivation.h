// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Activation.h"
#include "core/policy/cel/Arena.h"

#include <QJsonObject>
#include <QJsonValue>

#include <cstdint>
#include <vector>

namespace ta::core {

class PolicyEnv;
class PolicySubject;

/// A subject's variables as CEL values, slot by slot of a PolicyEnv. Bind once per subject and
/// evaluate every policy over it; rebinding reuses the arena, so a warm activation allocates
/// little beyond what reading the subject's JSON costs. The claims are converted when a
/// condition first reads them, one claim variable at a time: most conditions read one or two,
/// and the claims are most of a subject's JSON.
///
/// JSON maps to CEL as google.protobuf.Value does, except that integral numbers within int64
/// become int (so `tpm.reset_count + 1` type-checks at run time) and others double.
class SubjectActivation final : public cel::Activation
{
public:
    explicit SubjectActivation(const PolicyEnv &env);

    /// Binds @p subject's fields; values bound before become invalid.
    void bind(const PolicySubject &subject);

    const cel::Value *find(int slot) const override;

private:
    enum class Slot : std::uint8_t { Unbound, Bound, Claims, Claim };

    cel::Value convert(const QJsonValue &json) const;
    cel::Value string(QStringView text) const;

    const PolicyEnv &m_env;
    // Lazy slots are filled by the const find(): evaluation sees the activation as read-only.
    mutable std::vector<cel::Value> m_values;
    mutable std::vector<Slot> m_slots;
    /// For a Claim slot, the index of its claim variable.
    std::vector<int> m_claimIndex;
    QJsonObject m_claims;
    mutable cel::Arena m_arena;
};

} // namespace ta::core
