#include "engine/node/module_support.h"

#include "engine/js/vm.h"
#include "engine/node/inspect.h"

namespace looplab::node::module_support {

using namespace js;

Value make_node_error(Isolate& isolate, ErrorType type, std::string_view code, std::string_view message) {
    Value error = isolate.new_error(type, message);
    JsObject* e = error.as_object();
    std::string name = to_string(isolate, get(isolate, error, "name"));
    std::string stack = to_string(isolate, get(isolate, error, "stack"));
    size_t frames = stack.find("\n    at");
    std::string header = name + " [" + std::string(code) + "]: " + std::string(message);
    isolate.define_value(e, "stack", isolate.new_string(frames == std::string::npos ? header : header + stack.substr(frames)));
    create_data_property(isolate, e, isolate.intern("code"), isolate.new_string(std::string(code)));
    return error;
}

void throw_node_error(Isolate& isolate, ErrorType type, std::string_view code, std::string_view message) {
    isolate.throw_value(make_node_error(isolate, type, code, message));
}

std::string received_text(Isolate& isolate, Value v) {
    if (v.is_nullish()) return v.is_null() ? "null" : "undefined";
    if (is_callable(v)) {
        Value name = get(isolate, v, "name");
        if (name.is_string() && name.as_string()->byte_length() != 0) return "function " + name.as_string()->str();
    } else if (v.is_object()) {
        Value ctor = get(isolate, v, "constructor");
        Value name = ctor.is_object() ? get(isolate, ctor, "name") : Value::undefined();
        if (name.is_string() && name.as_string()->byte_length() != 0) return "an instance of " + name.as_string()->str();
        InspectOptions o;
        o.depth = -1;
        return inspect(isolate, v, o);
    }
    std::string inspected = inspect(isolate, v);
    if (inspected.size() > 28) inspected = inspected.substr(0, 25) + "...";
    return std::string("type ") + type_of(v) + " (" + inspected + ")";
}

void throw_invalid_arg_type(Isolate& isolate, std::string_view name, std::string_view expected, Value actual) {
    std::string what = std::string_view(name).find('.') != std::string_view::npos ? "property" : "argument";
    throw_node_error(isolate, ErrorType::TypeError, "ERR_INVALID_ARG_TYPE",
                     "The \"" + std::string(name) + "\" " + what + " must be of type " + std::string(expected) +
                         ". Received " + received_text(isolate, actual));
}

std::string string_arg(Isolate& isolate, const CallArgs& call, size_t index, std::string_view name) {
    Value v = call.arg(index);
    if (!v.is_string()) throw_invalid_arg_type(isolate, name, "string", v);
    return v.as_string()->str();
}

JsFunction* export_function(Isolate& isolate, JsObject* exports, std::string_view name, NativeFn fn, int length) {
    JsFunction* f = isolate.new_native_function(name, fn, length);
    create_data_property(isolate, exports, isolate.intern(name), Value::object(f));
    return f;
}

void export_value(Isolate& isolate, JsObject* exports, std::string_view name, Value value) {
    create_data_property(isolate, exports, isolate.intern(name), value);
}

Value run_embedded_source(Isolate& isolate, std::string_view filename, std::string_view source,
                          std::span<const std::string> params, std::span<const Value> args) {
    CompileError error;
    JsFunction* factory = compile_function_from_source(isolate, source, filename, params, &error);
    if (factory == nullptr) {
        isolate.throw_error(ErrorType::Error, "internal: " + std::string(filename) + ": " + error.message);
    }
    return isolate.call(Value::object(factory), Value::undefined(), args);
}

}  // namespace looplab::node::module_support
