// util.format / util.formatWithOptions (what console.log prints) and the
// JS-facing util.inspect function: option parsing and the native itself.
#include <cmath>
#include <cstdlib>

#include "engine/js/string.h"
#include "engine/node/inspect_internal.h"

namespace looplab::node {

using namespace js;

namespace {

// The global constructors of a fresh V8 context, as Node's builtInObjects
// (names of globalThis matching /^[A-Z][a-zA-Z0-9]+$/).
bool is_builtin_constructor_name(std::string_view name) {
    static constexpr std::string_view kNames[] = {
        "Object", "Function", "Array", "Number", "Infinity", "NaN", "Boolean", "String", "Symbol", "Date",
        "Promise", "RegExp", "Error", "AggregateError", "EvalError", "RangeError", "ReferenceError",
        "SyntaxError", "TypeError", "URIError", "JSON", "Math", "Intl", "ArrayBuffer", "Uint8Array",
        "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array", "Float32Array", "Float64Array",
        "Uint8ClampedArray", "BigUint64Array", "BigInt64Array", "DataView", "Map", "BigInt", "Set", "WeakMap",
        "WeakSet", "Proxy", "Reflect", "FinalizationRegistry", "WeakRef", "SharedArrayBuffer", "Atomics",
        "WebAssembly"};
    for (std::string_view n : kNames) {
        if (n == name) return true;
    }
    return false;
}

bool has_own(Isolate& isolate, JsObject* o, Value key) { return get_own_property(isolate, o, key).found; }

// hasBuiltInToString: does %s print the object with inspect (true) or
// with String() because it brings its own toString / Symbol.toPrimitive?
bool has_builtin_to_string(Isolate& isolate, JsObject* value) {
    Value self = Value::object(value);
    Value to_string_key = isolate.intern("toString");
    Value to_primitive_key = Value::symbol(isolate.symbols().to_primitive);
    bool check_to_string = true;
    bool check_to_primitive = true;
    if (!is_callable(get(isolate, self, to_string_key))) {
        if (!is_callable(get(isolate, self, to_primitive_key))) return true;
        if (has_own(isolate, value, to_primitive_key)) return false;
        check_to_string = false;
    } else if (has_own(isolate, value, to_string_key)) {
        return false;
    } else if (!is_callable(get(isolate, self, to_primitive_key))) {
        check_to_primitive = false;
    } else if (has_own(isolate, value, to_primitive_key)) {
        return false;
    }
    // Find the prototype that holds toString / Symbol.toPrimitive.
    JsObject* pointer = value->proto;
    while (pointer != nullptr && !(check_to_string && has_own(isolate, pointer, to_string_key)) &&
           !(check_to_primitive && has_own(isolate, pointer, to_primitive_key))) {
        pointer = pointer->proto;
    }
    if (pointer == nullptr) return true;
    OwnProperty ctor = get_own_property(isolate, pointer, isolate.intern("constructor"));
    if (!ctor.found || (ctor.flags & kAccessor) || !is_callable(ctor.value)) return false;
    Value name = get(isolate, ctor.value, "name");
    return name.is_string() && is_builtin_constructor_name(name.as_string()->view());
}

std::string trim_start(const std::string& s) {
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' ||
                            s[i] == '\v')) {
        ++i;
    }
    return s.substr(i);
}

// Number.parseInt(String(v)) with radix 10 or the 0x prefix.
double parse_int(const std::string& text) {
    std::string s = trim_start(text);
    size_t i = 0;
    double sign = 1;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) sign = s[i++] == '-' ? -1 : 1;
    int radix = 10;
    if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        radix = 16;
        i += 2;
    }
    double result = 0;
    size_t digits = 0;
    for (; i < s.size(); ++i) {
        int d;
        char c = s[i];
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
        else break;
        if (d >= radix) break;
        result = result * radix + d;
        ++digits;
    }
    if (digits == 0) return NAN;
    // Decimal results use strtod for correct rounding of long digit runs.
    if (radix == 10) result = std::strtod(s.substr(s[0] == '+' || s[0] == '-' ? 1 : 0, digits).c_str(), nullptr);
    return sign * result;
}

// Number.parseFloat(String(v)): the longest StrDecimalLiteral prefix.
double parse_float(const std::string& text) {
    std::string s = trim_start(text);
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (s.compare(i, 8, "Infinity") == 0) return s[0] == '-' ? -INFINITY : INFINITY;
    size_t int_digits = 0, frac_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++int_digits;
    if (i < s.size() && s[i] == '.') {
        size_t j = i + 1;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j, ++frac_digits;
        if (int_digits + frac_digits > 0) i = j;
    }
    if (int_digits + frac_digits == 0) return NAN;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        size_t exp_digits = 0;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j, ++exp_digits;
        if (exp_digits > 0) i = j;
    }
    return std::strtod(s.substr(0, i).c_str(), nullptr);
}

// %j: JSON.stringify, with '[Circular]' for circular structures.
std::string try_stringify(Isolate& isolate, Value arg) {
    Value json = get(isolate, Value::object(isolate.realm().global), "JSON");
    try {
        Value result = call_method(isolate, json, "stringify", std::span<const Value>(&arg, 1));
        return result.is_undefined() ? "undefined" : to_string(isolate, result);
    } catch (const JsException& e) {
        Value message = e.value.is_object() ? get(isolate, e.value, "message") : Value::undefined();
        if (message.is_string() && message.as_string()->view().starts_with("Converting circular structure to JSON")) {
            return "[Circular]";
        }
        throw;
    }
}

std::string format_number_arg(Isolate& isolate, Value v, double (*convert)(Isolate&, Value)) {
    if (v.is_bigint()) return inspect_detail::format_bigint_text(v.as_bigint()->decimal);
    if (v.is_symbol()) return "NaN";
    return format_number(convert(isolate, v));
}

// One placeholder's text; `arg` is the argument it consumes.
std::string format_placeholder(Isolate& isolate, char kind, Value arg, const InspectOptions& options) {
    switch (kind) {
        case 's': {
            if (arg.is_number()) return format_number(arg.as_number());
            if (arg.is_bigint()) return inspect_detail::format_bigint_text(arg.as_bigint()->decimal);
            // typeof 'function' is not 'object': functions print as String(fn).
            if (!arg.is_object() || is_callable(arg) || !has_builtin_to_string(isolate, arg.as_object())) {
                if (arg.is_symbol()) return inspect_detail::symbol_to_string(arg.as_symbol());
                return to_string(isolate, arg);
            }
            InspectOptions o = options;
            o.compact = 3;
            o.compact_all = false;
            o.colors = false;
            o.depth = 0;
            return inspect(isolate, arg, o);
        }
        case 'j': return try_stringify(isolate, arg);
        case 'd':
            return format_number_arg(isolate, arg, [](Isolate& iso, Value v) { return to_number(iso, v); });
        case 'O': return inspect(isolate, arg, options);
        case 'o': {
            InspectOptions o = options;
            o.show_hidden = true;
            o.show_proxy = true;
            o.depth = 4;
            return inspect(isolate, arg, o);
        }
        case 'i':
            return format_number_arg(isolate, arg,
                                     [](Isolate& iso, Value v) { return parse_int(to_string(iso, v)); });
        case 'f':
            return format_number_arg(isolate, arg,
                                     [](Isolate& iso, Value v) { return parse_float(to_string(iso, v)); });
        default: return "";  // %c: CSS is ignored outside browsers
    }
}

bool is_placeholder(char c) {
    return c == 's' || c == 'j' || c == 'd' || c == 'O' || c == 'o' || c == 'i' || c == 'f' || c == 'c';
}

double option_number(Isolate& isolate, Value v) {
    if (v.is_null()) return InspectOptions::kInfinity;
    return to_number(isolate, v);
}

}  // namespace

// formatWithOptionsInternal.
std::string format_log_args(js::Isolate& isolate, std::span<const js::Value> args, const InspectOptions& options) {
    size_t a = 0;
    std::string str;
    std::string join;
    if (!args.empty() && args[0].is_string()) {
        const std::string& first = args[0].as_string()->str();
        if (args.size() == 1) return first;
        size_t last_pos = 0;
        // Bytes, not UTF-16 units: '%' and the placeholder letters are ASCII,
        // so the positions that matter are the same.
        for (size_t i = 0; i + 1 < first.size(); ++i) {
            if (first[i] != '%') continue;
            char next = first[++i];
            if (a + 1 != args.size()) {
                if (next == '%') {
                    str += first.substr(last_pos, i - last_pos);
                    last_pos = i + 1;
                    continue;
                }
                if (!is_placeholder(next)) continue;
                std::string temp = format_placeholder(isolate, next, args[++a], options);
                if (last_pos != i - 1) str += first.substr(last_pos, i - 1 - last_pos);
                str += temp;
                last_pos = i + 1;
            } else if (next == '%') {
                str += first.substr(last_pos, i - last_pos);
                last_pos = i + 1;
            }
        }
        if (last_pos != 0) {
            ++a;
            join = " ";
            if (last_pos < first.size()) str += first.substr(last_pos);
        }
    }
    for (; a < args.size(); ++a) {
        str += join;
        str += args[a].is_string() ? args[a].as_string()->str() : inspect(isolate, args[a], options);
        join = " ";
    }
    return str;
}

InspectOptions inspect_options_from_js(js::Isolate& isolate, js::Value options, InspectOptions base) {
    if (!options.is_object()) return base;
    Value self = options;
    JsObject* o = options.as_object();
    auto has = [&](std::string_view name) { return has_own_property(isolate, o, isolate.intern(name)); };
    auto read = [&](std::string_view name) { return get(isolate, self, name); };
    if (has("depth")) base.depth = option_number(isolate, read("depth"));
    if (has("colors")) base.colors = to_boolean(read("colors"));
    if (has("showHidden")) base.show_hidden = to_boolean(read("showHidden"));
    if (has("showProxy")) base.show_proxy = to_boolean(read("showProxy"));
    if (has("customInspect")) base.custom_inspect = to_boolean(read("customInspect"));
    if (has("breakLength")) base.break_length = option_number(isolate, read("breakLength"));
    if (has("maxArrayLength")) base.max_array_length = option_number(isolate, read("maxArrayLength"));
    if (has("maxStringLength")) base.max_string_length = option_number(isolate, read("maxStringLength"));
    if (has("sorted")) base.sorted = to_boolean(read("sorted"));
    if (has("numericSeparator")) base.numeric_separator = to_boolean(read("numericSeparator"));
    if (has("compact")) {
        Value c = read("compact");
        base.compact_all = c.is_bool() && c.as_bool();
        base.compact = c.is_number() ? static_cast<int>(c.as_number()) : 0;
    }
    if (has("getters")) {
        Value g = read("getters");
        using G = InspectOptions::Getters;
        if (g.is_string()) {
            base.getters = g.as_string()->view() == "get" ? G::GetOnly
                           : g.as_string()->view() == "set" ? G::SetOnly
                                                           : G::All;
        } else {
            base.getters = to_boolean(g) ? G::All : G::None;
        }
    }
    base.user_options = options;
    return base;
}

js::Value inspect_native(js::Isolate& isolate, const js::CallArgs& call) {
    InspectOptions options;
    // Legacy signature: inspect(value, showHidden, depth, colors).
    if (call.size() > 2) {
        if (!call.arg(2).is_undefined()) options.depth = option_number(isolate, call.arg(2));
        if (call.size() > 3 && !call.arg(3).is_undefined()) options.colors = to_boolean(call.arg(3));
    }
    Value opts = call.arg(1);
    if (opts.is_bool()) {
        options.show_hidden = opts.as_bool();
    } else if (opts.is_object()) {
        options = inspect_options_from_js(isolate, opts, options);
    }
    return isolate.new_string(inspect(isolate, call.arg(0), options));
}

js::JsFunction* new_inspect_function(js::Isolate& isolate) {
    JsFunction* fn = isolate.new_native_function("inspect", &inspect_native, 2);
    isolate.define_value(fn, "custom", Value::symbol(isolate.symbols().inspect_custom), kDefaultFlags);
    // Node's defaultOptions is a live accessor over the process-wide
    // defaults; here it is a snapshot (changing it has no effect).
    JsObject* defaults = isolate.new_object();
    auto put = [&](std::string_view name, Value v) { create_data_property(isolate, defaults, isolate.intern(name), v); };
    put("showHidden", Value::boolean(false));
    put("depth", Value::number(2));
    put("colors", Value::boolean(false));
    put("customInspect", Value::boolean(true));
    put("showProxy", Value::boolean(false));
    put("maxArrayLength", Value::number(100));
    put("maxStringLength", Value::number(10000));
    put("breakLength", Value::number(80));
    put("compact", Value::number(3));
    put("sorted", Value::boolean(false));
    put("getters", Value::boolean(false));
    put("numericSeparator", Value::boolean(false));
    isolate.define_value(fn, "defaultOptions", Value::object(defaults), kDefaultFlags);
    return fn;
}

}  // namespace looplab::node
