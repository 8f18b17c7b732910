// Error, its native subclasses and AggregateError (ECMAScript 20.5), with
// V8's `stack` property and Error.captureStackTrace / Error.stackTraceLimit.
#include <string>

#include "engine/js/builtins.h"
#include "engine/js/builtins_b_common.h"
#include "engine/js/error.h"

namespace looplab::js {

using namespace builtins_detail;

namespace {

constexpr const char* kErrorNames[] = {"Error",          "TypeError", "RangeError", "SyntaxError",
                                       "ReferenceError", "EvalError", "URIError",   "AggregateError"};
constexpr int kErrorTypeCount = 8;

// Error.stackTraceLimit as a frame count; V8 skips capturing entirely when
// it is not a number.
bool stack_trace_limit(Isolate& isolate, size_t* limit) {
    JsObject* error_ctor = isolate.realm().error_constructors[0];
    if (error_ctor == nullptr) {
        *limit = 10;
        return true;
    }
    OwnProperty own = get_own_property(isolate, error_ctor, isolate.intern("stackTraceLimit"));
    if (!own.found || (own.flags & kAccessor) || !own.value.is_number()) return false;
    double d = own.value.as_number();
    *limit = d <= 0 ? 0 : d >= 1e6 ? 1000000 : static_cast<size_t>(d);
    return true;
}

std::string keep_first_lines(const std::string& text, size_t max_lines) {
    size_t pos = 0;
    for (size_t line = 0; line < max_lines; ++line) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) return text;
        pos = nl + 1;
    }
    return max_lines == 0 ? std::string() : text.substr(0, pos - 1);
}

// The `stack` getter: formats "Name: message\n<frames>" on first read and
// replaces itself with a plain data property holding that text.
Value stack_getter(Isolate& isolate, const CallArgs& call) {
    JsFunction* self = call.callee;
    JsObject* holder = self->native_data2.as_object();
    const std::string& frames = self->native_data.as_string()->str();
    std::string header = error_header(isolate, Value::object(holder));
    Value stack = isolate.new_string(frames.empty() ? header : header + "\n" + frames);
    define_own_property(isolate, holder, isolate.intern("stack"), stack, kHiddenFlags);
    return stack;
}

Value stack_setter(Isolate& isolate, const CallArgs& call) {
    JsObject* holder = call.callee->native_data2.as_object();
    define_own_property(isolate, holder, isolate.intern("stack"), call.arg(0), kHiddenFlags);
    return Value::undefined();
}

// 20.5.8.1 InstallErrorCause
void install_error_cause(Isolate& isolate, JsObject* o, Value options) {
    if (!options.is_object()) return;
    Value cause_key = isolate.intern("cause");
    if (!has_property(isolate, options.as_object(), cause_key)) return;
    define_own_property(isolate, o, cause_key, get(isolate, options, cause_key), kHiddenFlags);
}

ErrorType error_type_of(const CallArgs& call) {
    return static_cast<ErrorType>(static_cast<int>(call.callee->native_data.as_number()));
}

// 20.5.1.1 Error ( message [ , options ] ) and 20.5.6.1 NativeError: one
// native serves all of them; native_data holds the ErrorType.
Value error_constructor(Isolate& isolate, const CallArgs& call) {
    ErrorType type = error_type_of(call);
    // 1. If NewTarget is undefined, let newTarget be the active function object.
    Value new_target = call.is_construct() ? call.new_target : Value::object(call.callee);
    // 2. Let O be ? OrdinaryCreateFromConstructor(newTarget, "%Error.prototype%").
    JsObject* proto = get_prototype_from_constructor(isolate, new_target,
                                                     isolate.realm().error_prototypes[static_cast<int>(type)]);
    JsObject* o = isolate.heap().make<JsObject>(proto, ObjectClass::Error);
    // V8 puts `stack` first among the own properties.
    install_error_stack(isolate, o);
    // 3. If message is not undefined, define "message" (non-enumerable).
    Value message = call.arg(0);
    if (!message.is_undefined()) {
        define_own_property(isolate, o, isolate.intern("message"), to_string_value(isolate, message), kHiddenFlags);
    }
    // 4. Perform ? InstallErrorCause(O, options).
    install_error_cause(isolate, o, call.arg(1));
    return Value::object(o);
}

// 20.5.7.1.1 AggregateError ( errors, message [ , options ] )
Value aggregate_error_constructor(Isolate& isolate, const CallArgs& call) {
    Value new_target = call.is_construct() ? call.new_target : Value::object(call.callee);
    JsObject* proto = get_prototype_from_constructor(
        isolate, new_target, isolate.realm().error_prototypes[static_cast<int>(ErrorType::AggregateError)]);
    JsObject* o = isolate.heap().make<JsObject>(proto, ObjectClass::Error);
    install_error_stack(isolate, o);
    Value message = call.arg(1);
    if (!message.is_undefined()) {
        define_own_property(isolate, o, isolate.intern("message"), to_string_value(isolate, message), kHiddenFlags);
    }
    install_error_cause(isolate, o, call.arg(2));
    // 5. Let errorsList be ? IteratorToList(? GetIterator(errors, sync)).
    std::vector<Value> errors = iterate_to_vector(isolate, call.arg(0));
    define_own_property(isolate, o, isolate.intern("errors"), Value::object(isolate.new_array_from(errors)),
                        kHiddenFlags);
    return Value::object(o);
}

// 20.5.3.4 Error.prototype.toString ( )
Value error_to_string(Isolate& isolate, const CallArgs& call) {
    if (!call.this_value.is_object()) {
        isolate.throw_type_error("Error.prototype.toString requires that 'this' be an Object");
    }
    return isolate.new_string(error_header(isolate, call.this_value));
}

// Error.captureStackTrace(targetObject[, constructorOpt]) (V8 extension).
Value capture_stack_trace(Isolate& isolate, const CallArgs& call) {
    if (!call.arg(0).is_object()) {
        isolate.throw_type_error("Invalid argument");
    }
    // constructorOpt (hiding frames above a function) is not modelled: the
    // frames start at the caller of captureStackTrace.
    install_error_stack(isolate, call.arg(0).as_object());
    return Value::undefined();
}

JsObject* install_error_type(Isolate& isolate, ErrorType type, JsObject* base_ctor, JsObject* base_proto) {
    Realm& realm = isolate.realm();
    const char* name = kErrorNames[static_cast<int>(type)];
    bool aggregate = type == ErrorType::AggregateError;
    JsObject* proto = isolate.new_object_with_proto(base_proto ? base_proto : realm.object_prototype);
    JsFunction* ctor = make_constructor(isolate, name, aggregate ? aggregate_error_constructor : error_constructor,
                                        aggregate ? 2 : 1, proto);
    ctor->native_data = Value::number(static_cast<int>(type));
    if (base_ctor != nullptr) ctor->proto = base_ctor;
    isolate.define_value(proto, "name", isolate.intern(name));
    isolate.define_value(proto, "message", isolate.intern(""));
    realm.error_prototypes[static_cast<int>(type)] = proto;
    realm.error_constructors[static_cast<int>(type)] = ctor;
    return ctor;
}

}  // namespace

std::string error_header(Isolate& isolate, Value error) {
    Value name_value = get(isolate, error, "name");
    std::string name = name_value.is_undefined() ? "Error" : to_string(isolate, name_value);
    Value message_value = get(isolate, error, "message");
    std::string message = message_value.is_undefined() ? "" : to_string(isolate, message_value);
    if (name.empty()) return message;
    if (message.empty()) return name;
    return name + ": " + message;
}

void install_error_stack(Isolate& isolate, JsObject* target, size_t skip_frames) {
    size_t limit;
    if (!stack_trace_limit(isolate, &limit)) return;
    std::string frames = limit == 0 ? std::string() : keep_first_lines(isolate.capture_stack_trace(skip_frames), limit);
    JsAccessor* accessor = isolate.heap().make<JsAccessor>();
    JsFunction* getter = isolate.new_native_function("stack", stack_getter, 0);
    getter->native_data = isolate.new_string(std::move(frames));
    getter->native_data2 = Value::object(target);
    JsFunction* setter = isolate.new_native_function("stack", stack_setter, 1);
    setter->native_data2 = Value::object(target);
    accessor->getter = Value::object(getter);
    accessor->setter = Value::object(setter);
    define_own_property(isolate, target, isolate.intern("stack"), accessor_value(accessor),
                        kConfigurable | kAccessor);
}

Value make_error(Isolate& isolate, ErrorType type, std::string_view message) {
    JsObject* proto = isolate.realm().error_prototypes[static_cast<int>(type)];
    JsObject* o = isolate.heap().make<JsObject>(proto ? proto : isolate.realm().object_prototype, ObjectClass::Error);
    install_error_stack(isolate, o);
    define_own_property(isolate, o, isolate.intern("message"), isolate.new_string(std::string(message)), kHiddenFlags);
    return Value::object(o);
}

void install_error_builtins(Isolate& isolate) {
    JsObject* error_ctor = install_error_type(isolate, ErrorType::Error, nullptr, nullptr);
    JsObject* error_proto = isolate.realm().error_prototypes[0];
    isolate.define_method(error_proto, "toString", error_to_string, 0);
    isolate.define_method(error_ctor, "captureStackTrace", capture_stack_trace, 2);
    isolate.define_value(error_ctor, "stackTraceLimit", Value::number(10), kDefaultFlags);
    for (int t = 1; t < kErrorTypeCount; ++t) {
        install_error_type(isolate, static_cast<ErrorType>(t), error_ctor, error_proto);
    }
}

}  // namespace looplab::js
