// The natives behind library modules' `binding` parameter. The object
// reaches only library code (it is an argument of each library module's
// wrapper, never a property of anything user code can see).
#include "engine/node/jslib.h"

#include "engine/node/binding_tcp.h"

#include "engine/node/module_support.h"

namespace looplab::node {

using js::CallArgs;
using js::Isolate;
using js::Value;

namespace {

js::ErrorType error_type_named(std::string_view name) {
    if (name == "TypeError") return js::ErrorType::TypeError;
    if (name == "RangeError") return js::ErrorType::RangeError;
    return js::ErrorType::Error;
}

std::string string_at(Isolate& isolate, const CallArgs& call, size_t index) {
    return js::to_string(isolate, call.arg(index));
}

// makeNodeError(type, code, message, hiddenFrames): an error shaped like
// Node's internal errors ("TypeError [ERR_X]: message" with an own `code`).
// Its stack starts at the library function that raises it: this native and
// the caller's `hiddenFrames` innermost frames (the library's error helpers)
// are left out, as Node hides the construction of its own errors.
Value make_node_error_native(Isolate& isolate, const CallArgs& call) {
    const Value error = module_support::make_node_error(isolate, error_type_named(string_at(isolate, call, 0)),
                                                        string_at(isolate, call, 1), string_at(isolate, call, 2));
    const double hidden = call.arg(3).is_number() ? call.arg(3).as_number() : 0;
    const Value stack = js::get(isolate, error, "stack");
    if (stack.is_string() && hidden >= 0 && hidden < 16) {
        const std::string text = stack.as_string()->str();
        const std::string frames = isolate.capture_stack_trace(1 + size_t(hidden));
        const std::string header = text.substr(0, text.find("\n    at "));
        isolate.define_value(error.as_object(), "stack",
                             isolate.new_string(frames.empty() ? header : header + "\n" + frames));
    }
    return error;
}

// receivedText(value): the "Received ..." tail of ERR_INVALID_ARG_TYPE.
Value received_text_native(Isolate& isolate, const CallArgs& call) {
    return isolate.new_string(module_support::received_text(isolate, call.arg(0)));
}

}  // namespace

void install_js_library_binding(Isolate& isolate, js::JsObject* binding) {
    isolate.define_method(binding, "makeNodeError", make_node_error_native, 4);
    isolate.define_method(binding, "receivedText", received_text_native, 1);
    install_tcp_binding(isolate, binding);  // net.js (binding_tcp_natives.cpp)
}

}  // namespace looplab::node
