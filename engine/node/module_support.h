// Small helpers shared by the built-in module files (module_*.cpp): Node's
// internal errors with a `code`, argument validation in Node's words, and
// defining exports.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "engine/js/isolate.h"
#include "engine/js/operations.h"

namespace looplab::node::module_support {

// An error as Node's internal errors build it: `name` stays the
// constructor's, the stack header reads "TypeError [CODE]: message", and
// `code` is an own enumerable property.
js::Value make_node_error(js::Isolate& isolate, js::ErrorType type, std::string_view code, std::string_view message);
[[noreturn]] void throw_node_error(js::Isolate& isolate, js::ErrorType type, std::string_view code,
                                   std::string_view message);
// Node's determineSpecificType after "Received ": "undefined",
// "type number (5)", "function f", "an instance of Object".
std::string received_text(js::Isolate& isolate, js::Value v);
// TypeError [ERR_INVALID_ARG_TYPE]: The "name" argument must be of type <expected>. Received ...
[[noreturn]] void throw_invalid_arg_type(js::Isolate& isolate, std::string_view name, std::string_view expected,
                                         js::Value actual);
// Validates a string argument as Node's validateString does.
std::string string_arg(js::Isolate& isolate, const js::CallArgs& call, size_t index, std::string_view name);

// Module exports are ordinary enumerable properties (`module.exports = {...}`).
js::JsFunction* export_function(js::Isolate& isolate, js::JsObject* exports, std::string_view name, js::NativeFn fn,
                                int length);
void export_value(js::Isolate& isolate, js::JsObject* exports, std::string_view name, js::Value value);

// Runs JavaScript that a C++ module carries (Node's own code, so `filename`
// starts with "node:" and its frames are internal) as a function of
// `params`, called with `args`; returns what it returns. Not compiling is
// looplab's bug, reported as an internal error.
js::Value run_embedded_source(js::Isolate& isolate, std::string_view filename, std::string_view source,
                              std::span<const std::string> params, std::span<const js::Value> args);

}  // namespace looplab::node::module_support
