// SPDX-License-Identifier: Apache-2.0
#include "core/policy/cel/Signatures.h"

#include <array>
#include <stdexcept>

namespace ta::core::cel {

namespace {

std::vector<std::string_view> splitTopLevel(std::string_view s)
{
    std::vector<std::string_view> out;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '(')
            ++depth;
        else if (s[i] == ')')
            --depth;
        else if (s[i] == ',' && depth == 0) {
            out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    if (start < s.size())
        out.push_back(s.substr(start));
    return out;
}

constexpr std::array<std::string_view, 3> kNumbers = {"int", "uint", "double"};
constexpr std::array<std::string_view, 9> kOrdered = {
    "int", "uint", "double", "string", "bytes", "bool", "timestamp", "duration", ""};

} // namespace

void Signatures::add(std::string_view name, bool receiver, std::string_view signature,
                     bool variadic)
{
    const auto arrow = signature.find("->");
    Overload o;
    o.name = std::string(name);
    o.receiver = receiver;
    o.variadic = variadic;
    for (std::string_view p : splitTopLevel(signature.substr(0, arrow))) {
        auto t = Type::parse(p);
        if (!t)
            throw std::logic_error("bad built-in signature: " + std::string(signature));
        o.params.push_back(*t);
    }
    auto result = Type::parse(signature.substr(arrow + 2));
    if (!result)
        throw std::logic_error("bad built-in signature: " + std::string(signature));
    o.result = *result;
    m_overloads.push_back(std::move(o));
}

const Signatures &Signatures::standard()
{
    // Built once from the table below and never changed afterwards.
    static const Signatures table = [] {
        Signatures s;
        for (std::string_view t : {"int", "uint", "double", "string", "bytes"})
            s.add("_+_", false, std::string(t) + "," + std::string(t) + "->" + std::string(t));
        s.add("_+_", false, "list(A),list(A)->list(A)");
        s.add("_+_", false, "timestamp,duration->timestamp");
        s.add("_+_", false, "duration,timestamp->timestamp");
        s.add("_+_", false, "duration,duration->duration");
        for (std::string_view t : kNumbers) {
            const std::string n(t);
            s.add("_-_", false, n + "," + n + "->" + n);
            s.add("_*_", false, n + "," + n + "->" + n);
            s.add("_/_", false, n + "," + n + "->" + n);
        }
        s.add("_-_", false, "timestamp,timestamp->duration");
        s.add("_-_", false, "timestamp,duration->timestamp");
        s.add("_-_", false, "duration,duration->duration");
        s.add("_%_", false, "int,int->int");
        s.add("_%_", false, "uint,uint->uint");
        s.add("-_", false, "int->int");
        s.add("-_", false, "double->double");
        s.add("!_", false, "bool->bool");
        s.add("_&&_", false, "bool,bool->bool");
        s.add("_||_", false, "bool,bool->bool");
        s.add("_?_:_", false, "bool,A,A->A");
        s.add("_==_", false, "A,A->bool");
        s.add("_!=_", false, "A,A->bool");
        for (std::string_view op : {"_<_", "_<=_", "_>_", "_>=_"}) {
            for (std::string_view a : kNumbers) {
                for (std::string_view b : kNumbers)
                    s.add(op, false, std::string(a) + "," + std::string(b) + "->bool");
            }
            for (std::string_view t : kOrdered) {
                if (t.empty() || t == "int" || t == "uint" || t == "double")
                    continue;
                s.add(op, false, std::string(t) + "," + std::string(t) + "->bool");
            }
        }
        s.add("@in", false, "A,list(A)->bool");
        s.add("@in", false, "A,map(A,B)->bool");
        s.add("_[_]", false, "list(A),int->A");
        s.add("_[_]", false, "list(A),uint->A");
        s.add("_[_]", false, "map(A,B),A->B");
        for (bool receiver : {false, true}) {
            s.add("size", receiver, "string->int");
            s.add("size", receiver, "bytes->int");
            s.add("size", receiver, "list(A)->int");
            s.add("size", receiver, "map(A,B)->int");
        }
        for (std::string_view t : {"int", "uint", "double", "string", "timestamp"})
            s.add("int", false, std::string(t) + "->int");
        for (std::string_view t : {"int", "uint", "double", "string"}) {
            s.add("uint", false, std::string(t) + "->uint");
            s.add("double", false, std::string(t) + "->double");
        }
        for (std::string_view t :
             {"int", "uint", "double", "bool", "bytes", "string", "timestamp", "duration"})
            s.add("string", false, std::string(t) + "->string");
        s.add("bytes", false, "string->bytes");
        s.add("bytes", false, "bytes->bytes");
        s.add("bool", false, "bool->bool");
        s.add("bool", false, "string->bool");
        s.add("timestamp", false, "string->timestamp");
        s.add("timestamp", false, "int->timestamp");
        s.add("timestamp", false, "timestamp->timestamp");
        s.add("duration", false, "string->duration");
        s.add("duration", false, "duration->duration");
        s.add("dyn", false, "A->dyn");
        s.add("type", false, "A->type");
        s.add("contains", true, "string,string->bool");
        s.add("startsWith", true, "string,string->bool");
        s.add("endsWith", true, "string,string->bool");
        s.add("matches", true, "string,string->bool");
        s.add("matches", false, "string,string->bool");
        for (std::string_view f :
             {"getFullYear", "getMonth", "getDayOfMonth", "getDate", "getDayOfWeek", "getDayOfYear",
              "getHours", "getMinutes", "getSeconds", "getMilliseconds"}) {
            s.add(f, true, "timestamp->int");
            s.add(f, true, "timestamp,string->int");
        }
        for (std::string_view f : {"getHours", "getMinutes", "getSeconds", "getMilliseconds"})
            s.add(f, true, "duration->int");
        s.add("charAt", true, "string,int->string");
        s.add("indexOf", true, "string,string->int");
        s.add("indexOf", true, "string,string,int->int");
        s.add("lastIndexOf", true, "string,string->int");
        s.add("lastIndexOf", true, "string,string,int->int");
        s.add("lowerAscii", true, "string->string");
        s.add("upperAscii", true, "string->string");
        s.add("replace", true, "string,string,string->string");
        s.add("replace", true, "string,string,string,int->string");
        s.add("split", true, "string,string->list(string)");
        s.add("split", true, "string,string,int->list(string)");
        s.add("substring", true, "string,int->string");
        s.add("substring", true, "string,int,int->string");
        s.add("trim", true, "string->string");
        s.add("join", true, "list(string)->string");
        s.add("join", true, "list(string),string->string");
        s.add("reverse", true, "string->string");
        s.add("format", true, "string,list(dyn)->string");
        s.add("strings.quote", false, "string->string");
        s.add("base64.encode", false, "bytes->string");
        s.add("base64.decode", false, "string->bytes");
        s.add("math.greatest", false, "dyn->dyn", true);
        s.add("math.least", false, "dyn->dyn", true);
        for (std::string_view f : {"math.ceil", "math.floor", "math.round", "math.trunc"})
            s.add(f, false, "double->double");
        for (std::string_view f : {"math.isNaN", "math.isInf", "math.isFinite"})
            s.add(f, false, "double->bool");
        for (std::string_view t : kNumbers) {
            const std::string n(t);
            s.add("math.abs", false, n + "->" + n);
            s.add("math.sign", false, n + "->" + n);
            s.add("math.sqrt", false, n + "->double");
        }
        for (std::string_view f : {"math.bitAnd", "math.bitOr", "math.bitXor"}) {
            s.add(f, false, "int,int->int");
            s.add(f, false, "uint,uint->uint");
        }
        s.add("math.bitNot", false, "int->int");
        s.add("math.bitNot", false, "uint->uint");
        for (std::string_view f : {"math.bitShiftLeft", "math.bitShiftRight"}) {
            s.add(f, false, "int,int->int");
            s.add(f, false, "uint,int->uint");
        }
        return s;
    }();
    return table;
}

std::vector<const Overload *> Signatures::find(std::string_view name, bool receiver, int argc) const
{
    std::vector<const Overload *> out;
    for (const Overload &o : m_overloads) {
        if (o.receiver != receiver || o.name != name)
            continue;
        if (o.variadic ? argc >= 1 : static_cast<int>(o.params.size()) == argc)
            out.push_back(&o);
    }
    return out;
}

bool Signatures::knows(std::string_view name) const
{
    for (const Overload &o : m_overloads) {
        if (o.name == name)
            return true;
    }
    return false;
}

} // namespace ta::core::cel
