// SPDX-License-Identifier: Apache-2.0
// cel eval: the CEL engine from the command line, in the conformance suite's value encoding.
#include "app/cli/CelCommands.h"

#include "app/cli/CliSupport.h"
#include "core/policy/cel/Evaluate.h"

#include <QJsonDocument>

namespace ta::cli {

int celEval(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("expr"), QStringLiteral("The CEL expression."), QStringLiteral("EXPR")});
    parser.addOption(
        {QStringLiteral("bindings"),
         QStringLiteral(
             "JSON object: name -> typed value ({\"int\":\"5\"}, {\"string\":\"a\"}, ...)."),
         QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("container"), QStringLiteral("Namespace names resolve in."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("check"),
         QStringLiteral("Type-check first (bindings declared dyn); a check error is a result.")});
    if (auto stop = parseArgs(parser,
                              QStringLiteral("Evaluate a CEL expression; prints the typed "
                                             "result, or {\"error\":...} with exit 1."),
                              args, 0, 0))
        return *stop;
    if (!parser.isSet(QStringLiteral("expr")))
        return badInput(core::ec::CliMissingOption, QStringLiteral("--expr is required"));
    QJsonObject bindings;
    if (parser.isSet(QStringLiteral("bindings"))) {
        auto data = readJsonFile(parser.value(QStringLiteral("bindings")));
        if (!data)
            return badInput(data.error());
        QJsonParseError perr;
        const QJsonDocument doc = QJsonDocument::fromJson(*data, &perr);
        if (perr.error != QJsonParseError::NoError || !doc.isObject())
            return badInput(core::ec::CliBadBindings,
                            parser.value(QStringLiteral("bindings")) +
                                QStringLiteral(": --bindings must hold a JSON object"));
        bindings = doc.object();
    }
    core::cel::EvaluateOptions options;
    options.container = parser.value(QStringLiteral("container"));
    // Evaluation is dynamic unless asked, as in the reference implementation: the conformance
    // suite's disableCheck cases are valid programs the checker would refuse.
    options.typeCheck = parser.isSet(QStringLiteral("check"));
    auto result = core::cel::evaluateJson(parser.value(QStringLiteral("expr")), bindings, options);
    if (!result) {
        // Bad bindings are bad input; anything the expression itself does wrong is a result.
        if (result.error().code == QLatin1String("cel.json"))
            return badInput(result.error());
        printJson({{QStringLiteral("error"), result.error().toString()}});
        return Refused;
    }
    // Every value of the typed encoding is a JSON object ({"int":"3"}, {"list":[...]}, ...).
    printJson(result->toObject());
    return Success;
}

} // namespace ta::cli
