// SPDX-License-Identifier: Apache-2.0
#include "core/policy/SubjectActivation.h"

#include "core/policy/PolicyEnv.h"
#include "core/policy/PolicySubject.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringEncoder>

#include <algorithm>
#include <cmath>

namespace ta::core {

using cel::Value;

SubjectActivation::SubjectActivation(const PolicyEnv &env)
    : m_env(env), m_values(std::size_t(env.slotCount())),
      m_slots(std::size_t(env.slotCount()), Slot::Unbound),
      m_claimIndex(std::size_t(env.slotCount()), -1)
{
    for (int i = 0; i < PolicyEnv::claimVariableCount; ++i)
        m_claimIndex[std::size_t(env.claimSlot(i))] = i;
}

Value SubjectActivation::string(QStringView text) const
{
    // Encode straight into the arena: QString::toUtf8 would allocate a QByteArray per string.
    QStringEncoder encoder(QStringEncoder::Utf8);
    char *out =
        static_cast<char *>(m_arena.allocate(std::size_t(encoder.requiredSpace(text.size())), 1));
    char *end = encoder.appendToBuffer(out, text);
    return Value::string(std::string_view(out, std::size_t(end - out)));
}

Value SubjectActivation::convert(const QJsonValue &json) const
{
    switch (json.type()) {
    case QJsonValue::Bool:
        return Value::boolean(json.toBool());
    case QJsonValue::Double: {
        const double d = json.toDouble();
        // 2^63 is exactly representable; anything from it up does not fit an int64.
        if (std::trunc(d) == d && d >= -9223372036854775808.0 && d < 9223372036854775808.0)
            return Value::integer(static_cast<std::int64_t>(d));
        return Value::real(d);
    }
    case QJsonValue::String:
        return string(json.toString());
    case QJsonValue::Array: {
        const QJsonArray array = json.toArray();
        auto *items = m_arena.allocateArray<Value>(std::size_t(array.size()));
        for (qsizetype i = 0; i < array.size(); ++i)
            items[i] = convert(array.at(i));
        auto *data = m_arena.allocateArray<cel::ListData>(1);
        *data = {items, std::uint32_t(array.size())};
        return Value::list(data);
    }
    case QJsonValue::Object: {
        const QJsonObject object = json.toObject();
        auto *keys = m_arena.allocateArray<Value>(std::size_t(object.size()));
        auto *values = m_arena.allocateArray<Value>(std::size_t(object.size()));
        std::size_t n = 0;
        for (auto it = object.begin(); it != object.end(); ++it, ++n) {
            keys[n] = string(it.key());
            values[n] = convert(it.value());
        }
        auto *data = m_arena.allocateArray<cel::MapData>(1);
        *data = {keys, values, std::uint32_t(n)};
        return Value::map(data);
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return Value::null();
}

void SubjectActivation::bind(const PolicySubject &subject)
{
    m_arena.reset();
    std::fill(m_slots.begin(), m_slots.end(), Slot::Bound);
    auto set = [this](int slot, Value v) { m_values[std::size_t(slot)] = v; };
    set(m_env.subjectSlot(), string(subject.subject()));
    set(m_env.attestorSlot(), string(subject.attestor()));
    set(m_env.verdictSlot(), string(subject.verdict()));
    set(m_env.agentIdSlot(), string(subject.agentId()));
    const QStringList selectors = subject.selectors();
    auto *items = m_arena.allocateArray<Value>(std::size_t(selectors.size()));
    for (qsizetype i = 0; i < selectors.size(); ++i)
        items[i] = string(selectors[i]);
    auto *list = m_arena.allocateArray<cel::ListData>(1);
    *list = {items, std::uint32_t(selectors.size())};
    set(m_env.selectorsSlot(), Value::list(list));
    if (subject.time().isValid()) {
        const qint64 ms = subject.time().toMSecsSinceEpoch();
        const qint64 seconds = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
        set(m_env.timeSlot(),
            Value::timestamp(seconds, std::int32_t((ms - seconds * 1000) * 1000000)));
    } else {
        // An unknown time must not compare as the epoch: conditions on it fail with this error.
        m_slots[std::size_t(m_env.timeSlot())] = Slot::Unbound;
    }
    m_claims = subject.claims();
    m_slots[std::size_t(m_env.claimsSlot())] = Slot::Claims;
    for (int i = 0; i < PolicyEnv::claimVariableCount; ++i)
        m_slots[std::size_t(m_env.claimSlot(i))] = Slot::Claim;
}

const Value *SubjectActivation::find(int slot) const
{
    const auto index = std::size_t(slot);
    if (slot < 0 || index >= m_values.size())
        return nullptr;
    switch (m_slots[index]) {
    case Slot::Unbound:
        return nullptr;
    case Slot::Bound:
        break;
    case Slot::Claims:
        m_values[index] = convert(m_claims);
        m_slots[index] = Slot::Bound;
        break;
    case Slot::Claim: {
        // Absent claims bind as {} so that has(image.digest) is false rather than an error.
        static const cel::MapData empty{};
        const std::string_view name = PolicyEnv::claimVariableName(m_claimIndex[index]);
        const auto it = m_claims.constFind(QLatin1String(name.data(), qsizetype(name.size())));
        m_values[index] = it == m_claims.constEnd() ? Value::map(&empty) : convert(*it);
        m_slots[index] = Slot::Bound;
        break;
    }
    }
    return &m_values[index];
}

} // namespace ta::core
