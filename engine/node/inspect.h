// Node 20's util.inspect and util.format, byte for byte.
//
// The algorithm follows lib/internal/util/inspect.js of Node v20 function by
// function (formatValue, formatRaw, formatProperty, groupArrayElements,
// reduceToSingleString, formatWithOptionsInternal), so a reader can check
// each step against it; the C++ function names keep Node's names in
// snake_case. Output without colours only: `colors` is accepted and ignored.
#pragma once

#include <limits>
#include <span>
#include <string>
#include <string_view>

#include "engine/js/isolate.h"

namespace looplab::node {

// Node's inspect options. Numbers that Node lets be `null` or `Infinity`
// (depth, breakLength, maxArrayLength, maxStringLength) are doubles here,
// with infinity standing for both.
struct InspectOptions {
    static constexpr double kInfinity = std::numeric_limits<double>::infinity();
    enum class Getters : uint8_t { None, All, GetOnly, SetOnly };  // false, true, 'get', 'set'

    double depth = 2;
    bool colors = false;  // only false is supported; the field keeps callers honest
    // `compact`: a number (0 stands for false) unless compact_all is set,
    // which stands for `compact: true` (the pre-v12 single-line layout).
    int compact = 3;
    bool compact_all = false;
    double break_length = 80;
    bool show_hidden = false;
    bool show_proxy = false;
    bool custom_inspect = true;
    double max_array_length = 100;
    double max_string_length = 10000;
    bool sorted = false;
    Getters getters = Getters::None;
    bool numeric_separator = false;
    // The caller's options object when it came from JS: custom inspect
    // functions see its extra keys, as Node's getUserOptions passes them.
    js::Value user_options;
};

// util.inspect(value, options).
std::string inspect(js::Isolate& isolate, js::Value value, const InspectOptions& options = {});

// util.formatWithOptions(options, ...args); console.log prints
// format_log_args(args) + "\n". Placeholders %s %d %i %f %j %o %O %c %%.
std::string format_log_args(js::Isolate& isolate, std::span<const js::Value> args,
                            const InspectOptions& options = {});

// Reads a JS options object ({ depth, compact, ... }) over `base`.
InspectOptions inspect_options_from_js(js::Isolate& isolate, js::Value options, InspectOptions base = {});

// The native behind util.inspect(value, opts | showHidden, depth, colors);
// the `inspect` argument of custom inspect functions is a function made
// with it. Custom inspect functions that are this native are skipped, as
// Node skips util.inspect itself.
js::Value inspect_native(js::Isolate& isolate, const js::CallArgs& call);
// A new util.inspect function object with `custom` and `defaultOptions`.
js::JsFunction* new_inspect_function(js::Isolate& isolate);

// Node's strEscape: quotes a string with ', " or ` (the first that does not
// occur in it) and escapes control characters, as in `[ "it's" ]`.
std::string quote_js_string(std::string_view utf8);
// formatNumber without numeric separators: -0 prints as "-0".
std::string format_number(double d);

}  // namespace looplab::node
