// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/JsonCodec.h"
#include "core/policy/cel/CelErrors.h"

#include "core/policy/cel/Arena.h"
#include "core/policy/cel/Chrono.h"
#include "core/policy/cel/Env.h"
#include "core/policy/cel/SlotActivation.h"
#include "core/policy/cel/Text.h"

#include <QJsonArray>

#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace ta::core::cel {

namespace {

Error jsonError(const QString &detail)
{
    return makeError(ec::CelJson, detail);
}

std::string_view store(Arena &arena, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return arena.copy(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
}

template <typename T>
bool parseInteger(const QJsonValue &v, T &out)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::trunc(d) != d || std::abs(d) > 9007199254740992.0)
            return false;
        if (d < 0 && std::is_unsigned_v<T>)
            return false;
        out = static_cast<T>(d);
        return true;
    }
    const QByteArray text = v.toString().toUtf8();
    const auto [ptr, ec] = std::from_chars(text.constData(), text.constData() + text.size(), out);
    return !text.isEmpty() && ec == std::errc() && ptr == text.constData() + text.size();
}

Value typeValue(const QString &name)
{
    static constexpr std::string_view names[] = {"int",
                                                 "uint",
                                                 "double",
                                                 "bool",
                                                 "string",
                                                 "bytes",
                                                 "list",
                                                 "map",
                                                 "null_type",
                                                 "type",
                                                 "google.protobuf.Timestamp",
                                                 "google.protobuf.Duration"};
    const QByteArray utf8 = name.toUtf8();
    for (std::string_view n : names) {
        if (n == std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())))
            return Value::type(n);
    }
    return Value::error("unknown type");
}

} // namespace

Result<Value> JsonCodec::decode(const QJsonValue &json, Arena &arena)
{
    if (!json.isObject() || json.toObject().size() != 1)
        return jsonError(QStringLiteral("a typed value is an object with exactly one key"));
    const QJsonObject obj = json.toObject();
    const QString tag = obj.begin().key();
    const QJsonValue v = obj.begin().value();
    if (tag == QLatin1String("int")) {
        std::int64_t i = 0;
        if (!parseInteger(v, i))
            return jsonError(QStringLiteral("bad int: ") + v.toVariant().toString());
        return Value::integer(i);
    }
    if (tag == QLatin1String("uint")) {
        std::uint64_t u = 0;
        if (!parseInteger(v, u))
            return jsonError(QStringLiteral("bad uint: ") + v.toVariant().toString());
        return Value::uinteger(u);
    }
    if (tag == QLatin1String("double")) {
        if (v.isDouble())
            return Value::real(v.toDouble());
        const QString s = v.toString();
        if (s == QLatin1String("NaN"))
            return Value::real(std::numeric_limits<double>::quiet_NaN());
        if (s == QLatin1String("Infinity"))
            return Value::real(std::numeric_limits<double>::infinity());
        if (s == QLatin1String("-Infinity"))
            return Value::real(-std::numeric_limits<double>::infinity());
        return jsonError(QStringLiteral("bad double"));
    }
    if (tag == QLatin1String("string")) {
        if (!v.isString())
            return jsonError(QStringLiteral("bad string"));
        return Value::string(store(arena, v.toString()));
    }
    if (tag == QLatin1String("bytes")) {
        const auto decoded = QByteArray::fromBase64Encoding(
            v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!v.isString() || !decoded)
            return jsonError(QStringLiteral("bad base64 in bytes"));
        return Value::bytes(arena.copy(std::string_view(
            decoded.decoded.constData(), static_cast<std::size_t>(decoded.decoded.size()))));
    }
    if (tag == QLatin1String("bool")) {
        if (!v.isBool())
            return jsonError(QStringLiteral("bad bool"));
        return Value::boolean(v.toBool());
    }
    if (tag == QLatin1String("null"))
        return Value::null();
    if (tag == QLatin1String("type")) {
        const Value t = typeValue(v.toString());
        if (t.isError())
            return jsonError(QStringLiteral("unknown type: ") + v.toString());
        return t;
    }
    if (tag == QLatin1String("timestamp")) {
        std::int64_t seconds = 0;
        std::int32_t nanos = 0;
        const std::string text = v.toString().toStdString();
        if (!chrono::parseTimestamp(text, seconds, nanos) || seconds < chrono::kMinSeconds ||
            seconds > chrono::kMaxSeconds)
            return jsonError(QStringLiteral("bad timestamp: ") + v.toString());
        return Value::timestamp(seconds, nanos);
    }
    if (tag == QLatin1String("duration")) {
        std::int64_t nanos = 0;
        if (!chrono::parseDuration(v.toString().toStdString(), nanos))
            return jsonError(QStringLiteral("bad duration: ") + v.toString());
        return Value::duration(nanos);
    }
    if (tag == QLatin1String("list")) {
        const QJsonArray items = v.toArray();
        auto *values = arena.allocateArray<Value>(static_cast<std::size_t>(items.size()));
        for (qsizetype i = 0; i < items.size(); ++i) {
            auto item = decode(items[i], arena);
            if (!item)
                return item.error();
            values[i] = *item;
        }
        auto *data = arena.allocateArray<ListData>(1);
        data->items = values;
        data->size = static_cast<std::uint32_t>(items.size());
        return Value::list(data);
    }
    if (tag == QLatin1String("map")) {
        const QJsonArray entries = v.toArray();
        const auto n = static_cast<std::size_t>(entries.size());
        auto *keys = arena.allocateArray<Value>(n);
        auto *values = arena.allocateArray<Value>(n);
        auto *data = arena.allocateArray<MapData>(1);
        data->keys = keys;
        data->values = values;
        data->size = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const QJsonObject entry = entries[static_cast<qsizetype>(i)].toObject();
            auto key = decode(entry.value(QLatin1String("key")), arena);
            if (!key)
                return key.error();
            if (!isValidMapKey(*key))
                return jsonError(QStringLiteral("map keys are int, uint, bool or string"));
            if (mapFind(*data, *key))
                return jsonError(QStringLiteral("duplicate map key"));
            auto value = decode(entry.value(QLatin1String("value")), arena);
            if (!value)
                return value.error();
            keys[i] = *key;
            values[i] = *value;
            data->size = static_cast<std::uint32_t>(i + 1);
        }
        return Value::map(data);
    }
    return jsonError(QStringLiteral("unknown value tag: ") + tag);
}

QJsonValue JsonCodec::encode(const Value &value)
{
    const auto text = [](std::string_view s) {
        return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
    };
    QJsonObject out;
    switch (value.kind()) {
    case ValueKind::Null:
        out.insert(QStringLiteral("null"), true);
        break;
    case ValueKind::Bool:
        out.insert(QStringLiteral("bool"), value.boolValue());
        break;
    case ValueKind::Int:
        out.insert(QStringLiteral("int"), QString::number(value.intValue()));
        break;
    case ValueKind::Uint:
        out.insert(QStringLiteral("uint"), QString::number(value.uintValue()));
        break;
    case ValueKind::Double: {
        const double d = value.doubleValue();
        if (std::isfinite(d))
            out.insert(QStringLiteral("double"), d);
        else
            out.insert(QStringLiteral("double"), QString::fromStdString(text::formatDouble(d)));
        break;
    }
    case ValueKind::String:
        out.insert(QStringLiteral("string"), text(value.text()));
        break;
    case ValueKind::Bytes:
        out.insert(QStringLiteral("bytes"),
                   QString::fromLatin1(
                       QByteArray(value.text().data(), static_cast<qsizetype>(value.text().size()))
                           .toBase64()));
        break;
    case ValueKind::List: {
        QJsonArray items;
        const ListData &l = value.listValue();
        for (std::uint32_t i = 0; i < l.size; ++i)
            items.append(encode(l.items[i]));
        out.insert(QStringLiteral("list"), items);
        break;
    }
    case ValueKind::Map: {
        QJsonArray entries;
        const MapData &m = value.mapValue();
        for (std::uint32_t i = 0; i < m.size; ++i) {
            QJsonObject entry;
            entry.insert(QStringLiteral("key"), encode(m.keys[i]));
            entry.insert(QStringLiteral("value"), encode(m.values[i]));
            entries.append(entry);
        }
        out.insert(QStringLiteral("map"), entries);
        break;
    }
    case ValueKind::Timestamp:
        out.insert(QStringLiteral("timestamp"),
                   QString::fromStdString(chrono::formatTimestamp(value.seconds(), value.nanos())));
        break;
    case ValueKind::Duration:
        out.insert(QStringLiteral("duration"),
                   QString::fromStdString(chrono::formatDuration(value.durationNanos())));
        break;
    case ValueKind::Type:
        out.insert(QStringLiteral("type"), text(value.text()));
        break;
    case ValueKind::Error:
        out.insert(QStringLiteral("error"), text(value.text()));
        break;
    }
    return out;
}

Result<void> JsonCodec::bind(const QJsonObject &bindings, Env &env, SlotActivation &activation)
{
    for (auto it = bindings.begin(); it != bindings.end(); ++it) {
        auto value = decode(it.value(), activation.arena());
        if (!value)
            return makeError(value.error().code,
                             it.key() + QStringLiteral(": ") + value.error().detail);
        const QByteArray name = it.key().toUtf8();
        const std::string_view view(name.constData(), static_cast<std::size_t>(name.size()));
        const int slot = env.variable(view) ? env.slotOf(view) : env.declareVariable(view);
        activation.bind(slot, *value);
    }
    return {};
}

} // namespace ta::core::cel
