// The `assert` module: assert/ok, equal, notEqual, strictEqual,
// notStrictEqual, deepStrictEqual, notDeepStrictEqual, throws, rejects,
// fail and AssertionError, with Node v20's messages for the common cases
// (lib/internal/assert/assertion_error.js). The multi-line diff of
// createErrDiff is simplified to "+ actual" / "- expected" blocks.
#include <cmath>
#include <vector>

#include "engine/js/promise.h"
#include "engine/node/deep_equal.h"
#include "engine/node/inspect.h"
#include "engine/node/module_support.h"

namespace looplab::node {

namespace {

using namespace js;

constexpr size_t kMaxShortLength = 12;

// inspectValue of assertion_error.js: every entry on its own line, sorted.
std::string inspect_value(Isolate& isolate, Value v) {
    InspectOptions o;
    o.compact = 0;
    o.custom_inspect = false;
    o.depth = 1000;
    o.max_array_length = InspectOptions::kInfinity;
    o.sorted = true;
    o.getters = InspectOptions::Getters::All;
    return inspect(isolate, v, o);
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t nl; (nl = s.find('\n', start)) != std::string::npos; start = nl + 1) lines.push_back(s.substr(start, nl - start));
    lines.push_back(s.substr(start));
    return lines;
}

const char* readable_operator(std::string_view op) {
    if (op == "deepStrictEqual") return "Expected values to be strictly deep-equal:";
    if (op == "strictEqual") return "Expected values to be strictly equal:";
    if (op == "strictEqualObject") return "Expected \"actual\" to be reference-equal to \"expected\":";
    if (op == "notDeepStrictEqual") return "Expected \"actual\" not to be strictly deep-equal to:";
    if (op == "notStrictEqual") return "Expected \"actual\" to be strictly unequal to:";
    if (op == "notStrictEqualObject") return "Expected \"actual\" not to be reference-equal to \"expected\":";
    if (op == "notIdentical") return "Values have same structure but are not reference-equal:";
    return "";
}

bool is_object_like(Value v) { return v.is_object(); }

// JavaScript's `.length` of UTF-8 text.
size_t utf16_length(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80) n += c >= 0xF0 ? 2 : 1;
    }
    return n;
}

// createErrDiff, with the short "a !== b" form exact and the diff simplified.
std::string create_err_diff(Isolate& isolate, Value actual, Value expected, std::string op, const std::string& message) {
    std::string a = inspect_value(isolate, actual);
    std::string e = inspect_value(isolate, expected);
    auto actual_lines = split_lines(a);
    auto expected_lines = split_lines(e);
    if (op == "strictEqual" && is_object_like(actual) && is_object_like(expected)) op = "strictEqualObject";
    std::string header = message.empty() ? readable_operator(op) : message;
    if (actual_lines.size() == 1 && expected_lines.size() == 1 && a != e) {
        bool both_zero = actual.is_number() && expected.is_number() && actual.as_number() == 0 && expected.as_number() == 0;
        if (utf16_length(a) + utf16_length(e) <= kMaxShortLength && !is_object_like(actual) &&
            !is_object_like(expected) && !both_zero) {
            return header + "\n\n" + a + " !== " + e + "\n";
        }
    }
    if (a == e) {
        // Same structure, different identity.
        std::string base = op == "strictEqualObject" ? readable_operator("notIdentical") : header;
        return base + "\n\n" + a + "\n";
    }
    std::string out = header + "\n+ actual - expected\n\n";
    for (const auto& line : actual_lines) out += "+ " + line + "\n";
    for (size_t i = 0; i < expected_lines.size(); ++i) out += "- " + expected_lines[i] + (i + 1 < expected_lines.size() ? "\n" : "");
    return out;
}

JsObject* assertion_error_prototype(Isolate& isolate, const CallArgs& call) {
    Value ctor = call.callee->native_data;
    Value proto = get(isolate, ctor, "prototype");
    return proto.is_object() ? proto.as_object() : isolate.realm().error_prototypes[0];
}

// new AssertionError({ message, actual, expected, operator }).
Value make_assertion_error(Isolate& isolate, Value ctor, Value actual, Value expected, std::string_view op,
                           Value message, bool generated) {
    std::string text = message.is_string() ? message.as_string()->str() : "";
    if (op == "strictEqual" || op == "deepStrictEqual") {
        text = create_err_diff(isolate, actual, expected, std::string(op), message.is_nullish() ? "" : to_string(isolate, message));
    } else if (message.is_nullish()) {
        if (op == "notStrictEqual" || op == "notDeepStrictEqual") {
            std::string base = readable_operator(op);
            if (op == "notStrictEqual" && actual.is_object()) base = readable_operator("notStrictEqualObject");
            std::string res = inspect_value(isolate, actual);
            if (res.find('\n') == std::string::npos) {
                text = base + (res.size() > 5 ? "\n\n" : " ") + res;
            } else {
                text = base + "\n\n" + res + "\n";
            }
        } else {
            text = inspect_value(isolate, actual) + " " + std::string(op) + " " + inspect_value(isolate, expected);
        }
    } else {
        text = to_string(isolate, message);
    }
    Value error = module_support::make_node_error(isolate, ErrorType::Error, "ERR_ASSERTION", text);
    JsObject* e = error.as_object();
    Value proto = get(isolate, ctor, "prototype");
    if (proto.is_object()) e->proto = proto.as_object();
    // The stack header names AssertionError; `code` goes after generatedMessage as in Node.
    std::string stack = to_string(isolate, get(isolate, error, "stack"));
    size_t colon = stack.find(" [ERR_ASSERTION]");
    if (colon != std::string::npos) stack = "AssertionError" + stack.substr(colon);
    isolate.define_value(e, "stack", isolate.new_string(stack));
    delete_property(isolate, e, isolate.intern("code"));
    create_data_property(isolate, e, isolate.intern("generatedMessage"), Value::boolean(generated));
    create_data_property(isolate, e, isolate.intern("code"), isolate.intern("ERR_ASSERTION"));
    create_data_property(isolate, e, isolate.intern("actual"), actual);
    create_data_property(isolate, e, isolate.intern("expected"), expected);
    create_data_property(isolate, e, isolate.intern("operator"), isolate.new_string(std::string(op)));
    return error;
}

[[noreturn]] void fail(Isolate& isolate, const CallArgs& call, Value actual, Value expected, std::string_view op,
                       Value message) {
    if (message.is_object() && message.as_object()->cls == ObjectClass::Error) isolate.throw_value(message);
    isolate.throw_value(make_assertion_error(isolate, call.callee->native_data, actual, expected, op, message,
                                             message.is_nullish()));
}

void require_two(Isolate& isolate, const CallArgs& call) {
    if (call.size() < 2) {
        module_support::throw_node_error(isolate, ErrorType::TypeError, "ERR_MISSING_ARGS",
                                         "The \"actual\" and \"expected\" arguments must be specified");
    }
}

Value a_ok(Isolate& isolate, const CallArgs& call) {
    if (call.size() == 0) {
        Value msg = isolate.intern("No value argument passed to `assert.ok()`");
        fail(isolate, call, Value::undefined(), Value::boolean(true), "==", msg);
    }
    if (!to_boolean(call.arg(0))) {
        if (call.arg(1).is_nullish()) {
            // Node reads the failing source expression here; without it the
            // message is "<value> == true".
            isolate.throw_value(make_assertion_error(isolate, call.callee->native_data, call.arg(0),
                                                     Value::boolean(true), "==", Value::undefined(), true));
        }
        fail(isolate, call, call.arg(0), Value::boolean(true), "==", call.arg(1));
    }
    return Value::undefined();
}

Value a_equal(Isolate& isolate, const CallArgs& call) {
    require_two(isolate, call);
    Value a = call.arg(0), b = call.arg(1);
    bool nan_pair = a.is_number() && b.is_number() && std::isnan(a.as_number()) && std::isnan(b.as_number());
    if (!loosely_equal(isolate, a, b) && !nan_pair) fail(isolate, call, a, b, "==", call.arg(2));
    return Value::undefined();
}

Value a_not_equal(Isolate& isolate, const CallArgs& call) {
    require_two(isolate, call);
    Value a = call.arg(0), b = call.arg(1);
    bool nan_pair = a.is_number() && b.is_number() && std::isnan(a.as_number()) && std::isnan(b.as_number());
    if (loosely_equal(isolate, a, b) || nan_pair) fail(isolate, call, a, b, "!=", call.arg(2));
    return Value::undefined();
}

Value a_strict_equal(Isolate& isolate, const CallArgs& call) {
    require_two(isolate, call);
    if (!same_value(call.arg(0), call.arg(1))) fail(isolate, call, call.arg(0), call.arg(1), "strictEqual", call.arg(2));
    return Value::undefined();
}

Value a_not_strict_equal(Isolate& isolate, const CallArgs& call) {
    require_two(isolate, call);
    if (same_value(call.arg(0), call.arg(1))) {
        fail(isolate, call, call.arg(0), call.arg(1), "notStrictEqual", call.arg(2));
    }
    return Value::undefined();
}

Value a_deep_strict_equal(Isolate& isolate, const CallArgs& call) {
    require_two(isolate, call);
    if (!is_deep_strict_equal(isolate, call.arg(0), call.arg(1))) {
        fail(isolate, call, call.arg(0), call.arg(1), "deepStrictEqual", call.arg(2));
    }
    return Value::undefined();
}

Value a_not_deep_strict_equal(Isolate& isolate, const CallArgs& call) {
    require_two(isolate, call);
    if (is_deep_strict_equal(isolate, call.arg(0), call.arg(1))) {
        fail(isolate, call, call.arg(0), call.arg(1), "notDeepStrictEqual", call.arg(2));
    }
    return Value::undefined();
}

Value a_fail(Isolate& isolate, const CallArgs& call) {
    Value message = call.size() == 0 ? isolate.intern("Failed") : call.arg(0);
    if (message.is_object() && message.as_object()->cls == ObjectClass::Error) isolate.throw_value(message);
    Value error = make_assertion_error(isolate, call.callee->native_data, Value::undefined(), Value::undefined(),
                                       "fail", message, call.size() == 0);
    isolate.throw_value(error);
}

// Does `error` satisfy throws()'s `expected` (a constructor, a RegExp, an
// object of expected properties, or a validation function)?
bool matches_expected(Isolate& isolate, Value error, Value expected) {
    if (expected.is_undefined()) return true;
    if (expected.is_object() && expected.as_object()->cls == ObjectClass::RegExp) {
        Value text = isolate.new_string(to_string(isolate, error));
        return to_boolean(call_method(isolate, expected, "test", std::span<const Value>(&text, 1)));
    }
    if (is_callable(expected)) {
        Value proto = get(isolate, expected, "prototype");
        if (proto.is_object() && error.is_object() && instance_of(isolate, error, expected)) return true;
        if (static_cast<JsFunction*>(expected.as_object())->is_class_constructor) return false;
        if (proto.is_object() && get(isolate, Value::object(isolate.realm().global), "Error").same_bits(expected)) return false;
        return to_boolean(isolate.call(expected, Value::undefined(), std::span<const Value>(&error, 1)));
    }
    if (expected.is_object()) {
        for (Value key : own_property_keys(isolate, expected.as_object(), KeyFilter::All, true)) {
            Value want = get(isolate, expected, key);
            Value got = error.is_object() ? get(isolate, error, key) : Value::undefined();
            bool regexp = want.is_object() && want.as_object()->cls == ObjectClass::RegExp && got.is_string();
            if (regexp) {
                if (!to_boolean(call_method(isolate, want, "test", std::span<const Value>(&got, 1)))) return false;
            } else if (!is_deep_strict_equal(isolate, got, want)) {
                return false;
            }
        }
        return true;
    }
    return true;
}

Value a_throws(Isolate& isolate, const CallArgs& call) {
    Value fn = call.arg(0);
    if (!is_callable(fn)) module_support::throw_invalid_arg_type(isolate, "fn", "function", fn);
    Value expected = call.arg(1);
    Value message = expected.is_string() ? expected : call.arg(2);
    if (expected.is_string()) expected = Value::undefined();
    try {
        isolate.call(fn, Value::undefined(), {});
    } catch (const JsException& e) {
        if (!matches_expected(isolate, e.value, expected)) throw;
        return Value::undefined();
    }
    std::string text = "Missing expected exception";
    if (is_callable(expected)) {
        Value name = get(isolate, expected, "name");
        if (name.is_string() && name.as_string()->byte_length() != 0) text += " (" + name.as_string()->str() + ")";
    }
    text += message.is_string() ? ": " + message.as_string()->str() : ".";
    Value error = make_assertion_error(isolate, call.callee->native_data, Value::undefined(), expected, "throws",
                                       isolate.new_string(text), false);
    isolate.throw_value(error);
}

Value a_does_not_throw(Isolate& isolate, const CallArgs& call) {
    Value fn = call.arg(0);
    if (!is_callable(fn)) module_support::throw_invalid_arg_type(isolate, "fn", "function", fn);
    try {
        isolate.call(fn, Value::undefined(), {});
    } catch (const JsException& e) {
        std::string actual_message = to_string(isolate, get(isolate, e.value, "message"));
        Value error = make_assertion_error(isolate, call.callee->native_data, e.value, Value::undefined(), "doesNotThrow",
                                           isolate.new_string("Got unwanted exception.\nActual message: \"" + actual_message + "\""),
                                           false);
        isolate.throw_value(error);
    }
    return Value::undefined();
}

// assert.rejects(promiseOrFn, expected): resolves when the promise rejects
// with a matching reason, rejects with an AssertionError otherwise.
Value rejects_on_fulfilled(Isolate& isolate, const CallArgs& call) {
    JsObject* state = call.callee->native_data2.as_object();
    Value error = make_assertion_error(isolate, get(isolate, Value::object(state), "ctor"), Value::undefined(),
                                       get(isolate, Value::object(state), "expected"), "rejects",
                                       isolate.intern("Missing expected rejection."), false);
    reject_promise(isolate, get(isolate, Value::object(state), "result").as_object(), error);
    return Value::undefined();
}

Value rejects_on_rejected(Isolate& isolate, const CallArgs& call) {
    JsObject* state = call.callee->native_data2.as_object();
    JsObject* result = get(isolate, Value::object(state), "result").as_object();
    try {
        if (matches_expected(isolate, call.arg(0), get(isolate, Value::object(state), "expected"))) {
            resolve_promise(isolate, result, Value::undefined());
        } else {
            reject_promise(isolate, result, call.arg(0));
        }
    } catch (const JsException& e) {
        reject_promise(isolate, result, e.value);
    }
    return Value::undefined();
}

Value a_rejects(Isolate& isolate, const CallArgs& call) {
    Value target = call.arg(0);
    JsObject* result = new_promise(isolate);
    try {
        if (is_callable(target)) target = isolate.call(target, Value::undefined(), {});
    } catch (const JsException& e) {
        reject_promise(isolate, result, e.value);
        return Value::object(result);
    }
    JsObject* promise = promise_resolve(isolate, target);
    JsObject* state = isolate.new_object_with_proto(nullptr);
    create_data_property(isolate, state, isolate.intern("result"), Value::object(result));
    create_data_property(isolate, state, isolate.intern("expected"), call.arg(1));
    create_data_property(isolate, state, isolate.intern("ctor"), call.callee->native_data);
    JsFunction* on_ok = isolate.new_native_function("", rejects_on_fulfilled, 1);
    JsFunction* on_err = isolate.new_native_function("", rejects_on_rejected, 1);
    on_ok->native_data2 = on_err->native_data2 = Value::object(state);
    perform_promise_then(isolate, promise, Value::object(on_ok), Value::object(on_err), nullptr);
    return Value::object(result);
}

Value assertion_error_constructor(Isolate& isolate, const CallArgs& call) {
    Value options = call.arg(0);
    if (!options.is_object()) module_support::throw_invalid_arg_type(isolate, "options", "object", options);
    std::string op = to_string(isolate, get(isolate, options, "operator"));
    Value message = get(isolate, options, "message");
    Value error = make_assertion_error(isolate, Value::object(call.callee), get(isolate, options, "actual"),
                                       get(isolate, options, "expected"), op, message, message.is_nullish());
    if (call.is_construct()) {
        error.as_object()->proto = get_prototype_from_constructor(isolate, call.new_target, assertion_error_prototype(isolate, call));
    }
    return error;
}

JsFunction* add(Isolate& isolate, JsObject* target, std::string_view name, NativeFn fn, int length, JsFunction* error_ctor) {
    JsFunction* f = module_support::export_function(isolate, target, name, fn, length);
    f->native_data = Value::object(error_ctor);
    return f;
}

}  // namespace

Value create_assert_module(Isolate& isolate) {
    // AssertionError extends Error.
    JsFunction* error_ctor = isolate.new_native_function("AssertionError", assertion_error_constructor, 1, true);
    JsObject* error_proto = isolate.new_object_with_proto(isolate.realm().error_prototypes[0]);
    isolate.define_value(error_ctor, "prototype", Value::object(error_proto), 0);
    isolate.define_value(error_proto, "constructor", Value::object(error_ctor), kHiddenFlags);
    isolate.define_value(error_proto, "name", isolate.intern("AssertionError"));
    if (JsObject* base = isolate.realm().error_constructors[0]) error_ctor->proto = base;
    error_ctor->native_data = Value::object(error_ctor);

    JsFunction* assert_fn = isolate.new_native_function("ok", a_ok, 0);
    assert_fn->native_data = Value::object(error_ctor);
    JsObject* a = assert_fn;
    add(isolate, a, "fail", a_fail, 1, error_ctor);
    module_support::export_value(isolate, a, "AssertionError", Value::object(error_ctor));
    add(isolate, a, "ok", a_ok, 0, error_ctor);
    add(isolate, a, "equal", a_equal, 3, error_ctor);
    add(isolate, a, "notEqual", a_not_equal, 3, error_ctor);
    add(isolate, a, "deepStrictEqual", a_deep_strict_equal, 3, error_ctor);
    add(isolate, a, "notDeepStrictEqual", a_not_deep_strict_equal, 3, error_ctor);
    add(isolate, a, "strictEqual", a_strict_equal, 3, error_ctor);
    add(isolate, a, "notStrictEqual", a_not_strict_equal, 3, error_ctor);
    add(isolate, a, "throws", a_throws, 1, error_ctor);
    add(isolate, a, "rejects", a_rejects, 1, error_ctor);
    add(isolate, a, "doesNotThrow", a_does_not_throw, 1, error_ctor);
    module_support::export_value(isolate, a, "strict", Value::object(assert_fn));
    return Value::object(assert_fn);
}

}  // namespace looplab::node
