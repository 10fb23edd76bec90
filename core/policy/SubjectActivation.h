// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/policy/cel/Activation.h"
#include "core/policy/cel/Arena.h"

#include <QJsonValue>

#include <vector>

namespace ta::core {

class PolicyEnv;
class PolicySubject;

/// A subject's variables as CEL values, slot by slot of a PolicyEnv. Bind once per subject and
/// evaluate every policy over it; rebinding reuses the arena, so a warm activation allocates
/// little beyond what reading the subject's JSON costs.
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
    cel::Value convert(const QJsonValue &json);
    cel::Value string(QStringView text);

    const PolicyEnv &m_env;
    std::vector<cel::Value> m_values;
    std::vector<bool> m_bound;
    cel::Arena m_arena;
};

} // namespace ta::core
