// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/Result.h"
#include "core/policy/cel/Value.h"

#include <QJsonObject>
#include <QJsonValue>

namespace ta::core::cel {

class Arena;
class Env;
class SlotActivation;

/// The typed JSON encoding of CEL values (shared/cel-conformance/README.md): {"int":"-5"},
/// {"uint":"5"}, {"double":1.5|"NaN"|"Infinity"|"-Infinity"}, {"string":..}, {"bytes":base64},
/// {"bool":..}, {"null":true}, {"list":[..]}, {"map":[{"key":..,"value":..}]}, {"type":"int"};
/// timestamps and durations, which the table leaves out, as {"timestamp":"RFC 3339"} and
/// {"duration":"1.5s"}.
class JsonCodec
{
public:
    /// Decodes one typed value; its storage goes to @p arena. Error code cel.json.
    static Result<Value> decode(const QJsonValue &json, Arena &arena);
    /// Encodes a value (errors encode as {"error": message}).
    static QJsonValue encode(const Value &value);
    /// Declares every name of @p bindings in @p env (as dyn unless already declared) and binds
    /// its decoded value in @p activation (storage in the activation's arena).
    static Result<void> bind(const QJsonObject &bindings, Env &env, SlotActivation &activation);
};

} // namespace ta::core::cel
