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
    : m_env(env), m_values(std::size_t(env.slotCount())), m_bound(std::size_t(env.slotCount()))
{}

Value SubjectActivation::string(QStringView text)
{
    // Encode straight into the arena: QString::toUtf8 would allocate a QByteArray per string.
    QStringEncoder encoder(QStringEncoder::Utf8);
    char *out =
        static_cast<char *>(m_arena.allocate(std::size_t(encoder.requiredSpace(text.size())), 1));
    char *end = encoder.appendToBuffer(out, text);
    return Value::string(std::string_view(out, std::size_t(end - out)));
}

Value SubjectActivation::convert(const QJsonValue &json)
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
    std::fill(m_bound.begin(), m_bound.end(), true);
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
        m_bound[std::size_t(m_env.timeSlot())] = false;
    }
    const Value claims = convert(subject.claims());
    set(m_env.claimsSlot(), claims);
    // Absent claims bind as {} so that has(image.digest) is false rather than an error.
    static const cel::MapData empty{};
    const cel::MapData &map = claims.mapValue();
    for (int i = 0; i < PolicyEnv::claimVariableCount; ++i) {
        Value v = Value::map(&empty);
        for (std::uint32_t k = 0; k < map.size; ++k) {
            if (map.keys[k].text() == PolicyEnv::claimVariableName(i)) {
                v = map.values[k];
                break;
            }
        }
        set(m_env.claimSlot(i), v);
    }
}

const Value *SubjectActivation::find(int slot) const
{
    const auto index = std::size_t(slot);
    if (slot < 0 || index >= m_values.size() || !m_bound[index])
        return nullptr;
    return &m_values[index];
}

} // namespace ta::core
