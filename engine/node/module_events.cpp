// The `events` module: EventEmitter as natives over the same JS-visible
// state Node keeps (`_events` with a function or an array per event,
// `_eventsCount`, `_maxListeners`, Symbol(shapeMode), Symbol(kCapture)), so
// emitters print, subclass and behave as in Node v20's lib/events.js.
#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/js/promise.h"
#include "engine/node/events.h"
#include "engine/node/inspect.h"
#include "engine/node/library_delegate.h"
#include "engine/node/microtasks.h"
#include "engine/node/module_support.h"
#include "engine/node/process.h"
#include "engine/node/uncaught.h"

namespace looplab::node {

namespace {

using namespace js;
using module_support::throw_invalid_arg_type;
using module_support::throw_node_error;

constexpr double kDefaultMaxListeners = 10;
// The per-isolate EventEmitter constructor hangs off the global object
// under a non-enumerable symbol with this description, so C++ callers and
// require('events') share one constructor without global C++ state.
constexpr std::string_view kCacheSymbol = "looplab.events.EventEmitter";

// ---- state access -------------------------------------------------------

struct Keys {
    Value events, events_count, max_listeners, new_listener, remove_listener, error, listener;
    explicit Keys(Isolate& i)
        : events(i.intern("_events")), events_count(i.intern("_eventsCount")),
          max_listeners(i.intern("_maxListeners")), new_listener(i.intern("newListener")),
          remove_listener(i.intern("removeListener")), error(i.intern("error")), listener(i.intern("listener")) {}
};

// The EventEmitter constructor a native belongs to (natives keep it in
// native_data); its native_data/native_data2 hold kCapture/kShapeMode.
JsFunction* emitter_constructor(const CallArgs& call) {
    return static_cast<JsFunction*>(call.callee->native_data.as_object());
}

Value null_proto_object(Isolate& isolate) { return Value::object(isolate.new_object_with_proto(nullptr)); }

double events_count(Isolate& isolate, Value target, const Keys& k) {
    return to_number(isolate, get(isolate, target, k.events_count));
}
void set_events_count(Isolate& isolate, Value target, const Keys& k, double n) {
    set(isolate, target, k.events_count, Value::number(n));
}

// `listener.listener` for once wrappers, else undefined.
Value wrapped_listener(Isolate& isolate, Value fn, const Keys& k) {
    return fn.is_object() ? get(isolate, fn, k.listener) : Value::undefined();
}

JsArray* as_array(Value v) { return static_cast<JsArray*>(v.as_object()); }

Value call_emit(Isolate& isolate, Value target, std::initializer_list<Value> args) {
    std::vector<Value> v(args);
    return call_method(isolate, target, "emit", v);
}

// ---- the algorithms of lib/events.js -----------------------------------

void check_listener(Isolate& isolate, Value listener) {
    if (!is_callable(listener)) throw_invalid_arg_type(isolate, "listener", "function", listener);
}

double max_listeners_of(Isolate& isolate, Value target, JsFunction* ctor, const Keys& k) {
    Value m = get(isolate, target, k.max_listeners);
    if (m.is_undefined()) return to_number(isolate, get(isolate, Value::object(ctor), "defaultMaxListeners"));
    return to_number(isolate, m);
}

// process.emitWarning(MaxListenersExceededWarning) once per event list.
void warn_max_listeners(Isolate& isolate, Value target, Value type, JsArray* existing) {
    InspectOptions shallow;
    shallow.depth = -1;
    std::string type_text = type.is_symbol() ? "Symbol(" + type.as_symbol()->description + ")" : to_string(isolate, type);
    std::string message = "Possible EventEmitter memory leak detected. " + std::to_string(existing->elements.size()) +
                          " " + type_text + " listeners added to " + inspect(isolate, target, shallow) +
                          ". Use emitter.setMaxListeners() to increase limit";
    Value warning = isolate.new_error(ErrorType::Error, message);
    JsObject* w = warning.as_object();
    create_data_property(isolate, w, isolate.intern("name"), isolate.intern("MaxListenersExceededWarning"));
    create_data_property(isolate, w, isolate.intern("emitter"), target);
    create_data_property(isolate, w, isolate.intern("type"), type);
    create_data_property(isolate, w, isolate.intern("count"), Value::number(static_cast<double>(existing->elements.size())));
    Value process = get(isolate, Value::object(isolate.realm().global), "process");
    if (process.is_object() && is_callable(get(isolate, process, "emitWarning"))) {
        call_method(isolate, process, "emitWarning", std::span<const Value>(&warning, 1));
    }
}

// _addListener(target, type, listener, prepend)
Value add_listener(Isolate& isolate, Value target, Value type, Value listener, bool prepend, JsFunction* ctor) {
    Keys k(isolate);
    check_listener(isolate, listener);
    type = isolate.to_property_key(type);
    Value events = get(isolate, target, k.events);
    Value existing;
    if (events.is_undefined()) {
        events = null_proto_object(isolate);
        set(isolate, target, k.events, events);
        set_events_count(isolate, target, k, 0);
    } else {
        // Emit 'newListener' before adding so a listener for it cannot see itself.
        if (!get(isolate, events, k.new_listener).is_undefined()) {
            Value shown = wrapped_listener(isolate, listener, k);
            call_emit(isolate, target, {k.new_listener, type, shown.is_nullish() ? listener : shown});
            events = get(isolate, target, k.events);
        }
        existing = get(isolate, events, type);
    }
    if (existing.is_undefined()) {
        set(isolate, events, type, listener);
        set_events_count(isolate, target, k, events_count(isolate, target, k) + 1);
        return target;
    }
    JsArray* list;
    if (is_callable(existing)) {
        Value pair[2] = {prepend ? listener : existing, prepend ? existing : listener};
        list = isolate.new_array_from(pair);
        set(isolate, events, type, Value::object(list));
    } else {
        list = as_array(existing);
        if (prepend) {
            list->elements.insert(list->elements.begin(), listener);
        } else {
            list->elements.push_back(listener);
        }
    }
    double m = max_listeners_of(isolate, target, ctor, k);
    Value warned_key = isolate.intern("warned");
    if (m > 0 && static_cast<double>(list->elements.size()) > m && !to_boolean(get(isolate, Value::object(list), warned_key))) {
        set(isolate, Value::object(list), warned_key, Value::boolean(true));
        warn_max_listeners(isolate, target, type, list);
    }
    return target;
}

Value remove_listener(Isolate& isolate, Value target, Value type, Value listener) {
    Keys k(isolate);
    check_listener(isolate, listener);
    type = isolate.to_property_key(type);
    Value events = get(isolate, target, k.events);
    if (events.is_undefined()) return target;
    Value list = get(isolate, events, type);
    if (list.is_undefined()) return target;
    if (list.same_bits(listener) || wrapped_listener(isolate, list, k).same_bits(listener)) {
        double count = events_count(isolate, target, k) - 1;
        set_events_count(isolate, target, k, count);
        if (count == 0) {
            set(isolate, target, k.events, null_proto_object(isolate));
        } else {
            delete_property(isolate, events.as_object(), type);
            if (!get(isolate, events, k.remove_listener).is_undefined()) {
                Value shown = wrapped_listener(isolate, list, k);
                call_emit(isolate, target, {k.remove_listener, type, to_boolean(shown) ? shown : listener});
            }
        }
        return target;
    }
    if (is_callable(list) || !is_array(list)) return target;
    JsArray* array = as_array(list);
    long position = -1;
    for (long i = static_cast<long>(array->elements.size()) - 1; i >= 0; --i) {
        Value entry = array->elements[static_cast<size_t>(i)];
        if (entry.same_bits(listener) || wrapped_listener(isolate, entry, k).same_bits(listener)) {
            position = i;
            break;
        }
    }
    if (position < 0) return target;
    array->elements.erase(array->elements.begin() + position);
    if (array->elements.size() == 1) set(isolate, events, type, array->elements[0]);
    if (!get(isolate, events, k.remove_listener).is_undefined()) {
        call_emit(isolate, target, {k.remove_listener, type, listener});
    }
    return target;
}

std::vector<std::string> stack_lines_after_first(const std::string& stack) {
    std::vector<std::string> lines;
    size_t start = stack.find('\n');
    while (start != std::string::npos) {
        size_t end = stack.find('\n', start + 1);
        lines.push_back(stack.substr(start + 1, end == std::string::npos ? std::string::npos : end - start - 1));
        start = end;
    }
    return lines;
}

// lib/internal/util/inspect.js identicalSequenceRange: the first run of more
// than three frames of `a` that also appear in a row in `b`.
std::pair<size_t, size_t> identical_sequence_range(const std::vector<std::string>& a,
                                                   const std::vector<std::string>& b) {
    for (size_t i = 0; i + 3 < a.size(); ++i) {
        auto found = std::find(b.begin(), b.end(), a[i]);
        if (found == b.end()) continue;
        const size_t pos = static_cast<size_t>(found - b.begin());
        const size_t rest = b.size() - pos;
        if (rest <= 3) continue;
        size_t len = 1;
        const size_t max_len = std::min(a.size() - i, rest);
        while (max_len > len && a[i + len] == b[pos + len]) len++;
        if (len > 3) return {len, i};
    }
    return {0, 0};
}

// lib/events.js enhanceStackTrace: "Emitted 'error' event at:" and the
// emitter's stack, with the frames it shares with the error's elided.
std::string emitted_at_suffix(Isolate& isolate, Value target, Value er) {
    std::string ctor_info;
    Value ctor = get(isolate, target, "constructor");
    if (ctor.is_object()) {
        Value name = get(isolate, ctor, "name");
        if (name.is_string() && name.as_string()->str() != "EventEmitter") {
            ctor_info = " on " + name.as_string()->str() + " instance";
        }
    }
    std::string own = isolate.capture_stack_trace(0);
    // ErrorCaptureStackTrace(capture, EventEmitter.prototype.emit): drop emit itself.
    if (own.rfind("    at ", 0) == 0 && own.find(".emit (<anonymous>)") < own.find('\n')) {
        size_t nl = own.find('\n');
        own = nl == std::string::npos ? std::string() : own.substr(nl + 1);
    }
    std::vector<std::string> own_stack = stack_lines_after_first("\n" + own);
    Value err_stack = get(isolate, er, "stack");
    std::vector<std::string> error_stack =
        stack_lines_after_first(err_stack.is_string() ? err_stack.as_string()->str() : std::string());
    auto [len, offset] = identical_sequence_range(own_stack, error_stack);
    if (len > 0) {
        own_stack.erase(own_stack.begin() + static_cast<std::ptrdiff_t>(offset + 1),
                        own_stack.begin() + static_cast<std::ptrdiff_t>(offset + len - 1));
        own_stack.insert(own_stack.begin() + static_cast<std::ptrdiff_t>(offset + 1),
                         "    [... lines matching original stack trace ...]");
    }
    std::string out = "\nEmitted 'error' event" + ctor_info + " at:\n";
    for (size_t i = 0; i < own_stack.size(); ++i) out += (i > 0 ? "\n" : "") + own_stack[i];
    return out;
}

// The error thrown for emit('error', x) without an 'error' listener.
[[noreturn]] void throw_unhandled_error(Isolate& isolate, Value target, std::span<const Value> args) {
    Value er = args.empty() ? Value::undefined() : args[0];
    if (er.is_object() && is_callable(get(isolate, Value::object(isolate.realm().global), "Error")) &&
        instance_of(isolate, er, get(isolate, Value::object(isolate.realm().global), "Error"))) {
        set_uncaught_decoration(isolate, er.as_object(), "node:events:502\n      throw er; // Unhandled 'error' event\n      ^\n",
                                emitted_at_suffix(isolate, target, er));
        isolate.throw_value(er);  // Unhandled 'error' event
    }
    std::string stringified = inspect(isolate, er);
    Value err = module_support::make_node_error(isolate, ErrorType::Error, "ERR_UNHANDLED_ERROR",
                                                "Unhandled error. (" + stringified + ")");
    create_data_property(isolate, err.as_object(), isolate.intern("context"), er);
    set_uncaught_decoration(isolate, err.as_object(), "node:events:515\n    throw err; // Unhandled 'error' event\n    ^\n", "");
    isolate.throw_value(err);
}

bool emit(Isolate& isolate, Value target, Value type, std::span<const Value> args, JsFunction* ctor);

// ---- captureRejections ----------------------------------------------------
// With captureRejections, a listener's returned promise that rejects becomes
// an 'error' event (or a call of emitter[Symbol.for('nodejs.rejection')]) on
// the next tick after the rejection, with the capture switched off meanwhile
// so an 'error' listener that rejects cannot loop.

// The [target, type, ...args] a rejection handler and its tick carry.
Value capture_context(Isolate& isolate, Value target, Value type, std::span<const Value> args) {
    JsArray* context = isolate.new_array();
    context->elements.push_back(target);
    context->elements.push_back(type);
    for (Value a : args) context->elements.push_back(a);
    return Value::object(context);
}

Value emit_rejection_or_error(Isolate& isolate, const CallArgs& call) {
    auto* ctor = static_cast<JsFunction*>(call.callee->native_data2.as_object());
    const std::vector<Value>& context = as_array(call.callee->native_data)->elements;
    const Value target = context[0];
    const Value err = call.arg(0);
    Value rejection_handler = get(isolate, target, get(isolate, Value::object(ctor), "captureRejectionSymbol"));
    if (is_callable(rejection_handler)) {
        std::vector<Value> args{err, context[1]};
        args.insert(args.end(), context.begin() + 2, context.end());
        isolate.call(rejection_handler, target, args);
        return Value::undefined();
    }
    const Value capture = ctor->native_data;
    const Value previous = get(isolate, target, capture);
    set(isolate, target, capture, Value::boolean(false));
    struct Restore {
        Isolate& isolate;
        Value target, capture, previous;
        ~Restore() { set(isolate, target, capture, previous); }
    } restore{isolate, target, capture, previous};
    emit(isolate, target, isolate.intern("error"), std::span<const Value>(&err, 1), ctor);
    return Value::undefined();
}

Value on_listener_rejected(Isolate& isolate, const CallArgs& call) {
    JsFunction* tick = isolate.new_native_function("emitUnhandledRejectionOrErr", emit_rejection_or_error, 4);
    tick->native_data = call.callee->native_data;
    tick->native_data2 = call.callee->native_data2;
    process_of(isolate).tasks().queue_tick(Value::object(tick), {call.arg(0)});
    return Value::undefined();
}

void add_catch(Isolate& isolate, Value target, Value result, Value type, std::span<const Value> args,
               JsFunction* ctor) {
    if (!result.is_object() || !to_boolean(get(isolate, target, ctor->native_data))) return;
    try {
        Value then = get(isolate, result, "then");
        if (!is_callable(then)) return;
        JsFunction* handler = isolate.new_native_function("", on_listener_rejected, 1);
        handler->native_data = capture_context(isolate, target, type, args);
        handler->native_data2 = Value::object(ctor);
        Value then_args[] = {Value::undefined(), Value::object(handler)};
        isolate.call(then, result, then_args);
    } catch (const JsException& e) {
        emit(isolate, target, isolate.intern("error"), std::span<const Value>(&e.value, 1), ctor);
    }
}

bool emit(Isolate& isolate, Value target, Value type, std::span<const Value> args, JsFunction* ctor) {
    Keys k(isolate);
    type = isolate.to_property_key(type);
    bool do_error = type.same_bits(k.error);
    Value events = get(isolate, target, k.events);
    if (!events.is_undefined()) {
        if (do_error) {
            // Listeners of events.errorMonitor see the error first.
            Value monitor = get(isolate, Value::object(ctor), "errorMonitor");
            if (!get(isolate, events, monitor).is_undefined()) emit(isolate, target, monitor, args, ctor);
        }
        do_error = do_error && get(isolate, events, k.error).is_undefined();
    } else if (!do_error) {
        return false;
    }
    if (do_error) throw_unhandled_error(isolate, target, args);
    Value handler = get(isolate, events, type);
    if (handler.is_undefined()) return false;
    if (is_callable(handler)) {
        Value result = isolate.call(handler, target, args);
        if (!result.is_nullish()) add_catch(isolate, target, result, type, args, ctor);
        return true;
    }
    if (!is_array(handler)) return true;
    // A copy: listeners added or removed while emitting do not change this round.
    std::vector<Value> listeners = as_array(handler)->elements;
    for (Value listener : listeners) {
        Value result = isolate.call(listener, target, args);
        if (!result.is_nullish()) add_catch(isolate, target, result, type, args, ctor);
    }
    return true;
}

Value listeners_of(Isolate& isolate, Value target, Value type, bool unwrap) {
    Keys k(isolate);
    Value events = get(isolate, target, k.events);
    std::vector<Value> out;
    Value list = events.is_undefined() ? Value::undefined() : get(isolate, events, isolate.to_property_key(type));
    auto add = [&](Value fn) {
        Value inner = unwrap ? wrapped_listener(isolate, fn, k) : Value::undefined();
        out.push_back(to_boolean(inner) ? inner : fn);
    };
    if (is_callable(list)) {
        add(list);
    } else if (is_array(list)) {
        for (Value fn : as_array(list)->elements) add(fn);
    }
    return Value::object(isolate.new_array_from(out));
}

Value remove_all_listeners(Isolate& isolate, Value target, const CallArgs& call) {
    Keys k(isolate);
    JsFunction* ctor = emitter_constructor(call);
    Value shape_mode = ctor->native_data2;
    Value events = get(isolate, target, k.events);
    if (events.is_undefined()) return target;
    bool all = call.size() == 0;
    Value type = all ? Value::undefined() : isolate.to_property_key(call.arg(0));
    if (get(isolate, events, k.remove_listener).is_undefined()) {
        if (all) {
            set(isolate, target, k.events, null_proto_object(isolate));
            set_events_count(isolate, target, k, 0);
        } else if (!get(isolate, events, type).is_undefined()) {
            double count = events_count(isolate, target, k) - 1;
            set_events_count(isolate, target, k, count);
            if (count == 0) {
                set(isolate, target, k.events, null_proto_object(isolate));
            } else {
                delete_property(isolate, events.as_object(), type);
            }
        }
        set(isolate, target, shape_mode, Value::boolean(false));
        return target;
    }
    if (all) {
        for (Value key : own_property_keys(isolate, events.as_object(), KeyFilter::All, false)) {
            if (key.same_bits(k.remove_listener)) continue;
            call_method(isolate, target, "removeAllListeners", std::span<const Value>(&key, 1));
        }
        call_method(isolate, target, "removeAllListeners", std::span<const Value>(&k.remove_listener, 1));
        set(isolate, target, k.events, null_proto_object(isolate));
        set_events_count(isolate, target, k, 0);
        set(isolate, target, shape_mode, Value::boolean(false));
        return target;
    }
    Value listeners = get(isolate, events, type);
    if (is_callable(listeners)) {
        Value args[2] = {type, listeners};
        call_method(isolate, target, "removeListener", args);
    } else if (is_array(listeners)) {
        std::vector<Value> copy = as_array(listeners)->elements;
        for (size_t i = copy.size(); i-- > 0;) {
            Value args[2] = {type, copy[i]};
            call_method(isolate, target, "removeListener", args);
        }
    }
    return target;
}

// ---- once ----------------------------------------------------------------

// onceWrapper: state lives in an internal object on native_data2.
Value once_wrapper(Isolate& isolate, const CallArgs& call) {
    Value state = call.callee->native_data2;
    Value fired_key = isolate.intern("fired");
    if (to_boolean(get(isolate, state, fired_key))) return Value::undefined();
    Value target = get(isolate, state, "target");
    Value remove_args[2] = {get(isolate, state, "type"), Value::object(call.callee)};
    call_method(isolate, target, "removeListener", remove_args);
    set(isolate, state, fired_key, Value::boolean(true));
    return isolate.call(get(isolate, state, "listener"), target, call.args);
}

Value once_wrap(Isolate& isolate, Value target, Value type, Value listener) {
    JsObject* state = isolate.new_object_with_proto(nullptr);
    create_data_property(isolate, state, isolate.intern("fired"), Value::boolean(false));
    create_data_property(isolate, state, isolate.intern("target"), target);
    create_data_property(isolate, state, isolate.intern("type"), type);
    create_data_property(isolate, state, isolate.intern("listener"), listener);
    JsFunction* wrapper = isolate.new_native_function("bound onceWrapper", once_wrapper, 0);
    wrapper->native_data2 = Value::object(state);
    create_data_property(isolate, wrapper, isolate.intern("listener"), listener);
    return Value::object(wrapper);
}

// ---- prototype methods ---------------------------------------------------

Value m_add_listener(Isolate& isolate, const CallArgs& call) {
    return add_listener(isolate, call.this_value, call.arg(0), call.arg(1), false, emitter_constructor(call));
}
Value m_prepend_listener(Isolate& isolate, const CallArgs& call) {
    return add_listener(isolate, call.this_value, call.arg(0), call.arg(1), true, emitter_constructor(call));
}
Value m_once(Isolate& isolate, const CallArgs& call) {
    check_listener(isolate, call.arg(1));
    Value wrapped = once_wrap(isolate, call.this_value, call.arg(0), call.arg(1));
    Value args[2] = {call.arg(0), wrapped};
    return call_method(isolate, call.this_value, "on", args);
}
Value m_prepend_once_listener(Isolate& isolate, const CallArgs& call) {
    check_listener(isolate, call.arg(1));
    Value wrapped = once_wrap(isolate, call.this_value, call.arg(0), call.arg(1));
    Value args[2] = {call.arg(0), wrapped};
    return call_method(isolate, call.this_value, "prependListener", args);
}
Value m_remove_listener(Isolate& isolate, const CallArgs& call) {
    return remove_listener(isolate, call.this_value, call.arg(0), call.arg(1));
}
Value m_remove_all_listeners(Isolate& isolate, const CallArgs& call) {
    return remove_all_listeners(isolate, call.this_value, call);
}
Value m_emit(Isolate& isolate, const CallArgs& call) {
    std::span<const Value> rest = call.args.empty() ? call.args : call.args.subspan(1);
    return Value::boolean(emit(isolate, call.this_value, call.arg(0), rest, emitter_constructor(call)));
}
Value m_listeners(Isolate& isolate, const CallArgs& call) {
    return listeners_of(isolate, call.this_value, call.arg(0), true);
}
Value m_raw_listeners(Isolate& isolate, const CallArgs& call) {
    return listeners_of(isolate, call.this_value, call.arg(0), false);
}

double count_listeners(Isolate& isolate, Value target, Value type, Value listener) {
    Keys k(isolate);
    Value events = get(isolate, target, k.events);
    if (events.is_undefined()) return 0;
    Value list = get(isolate, events, isolate.to_property_key(type));
    auto matches = [&](Value fn) {
        return fn.same_bits(listener) || wrapped_listener(isolate, fn, k).same_bits(listener);
    };
    if (is_callable(list)) return listener.is_nullish() ? 1 : (matches(list) ? 1 : 0);
    if (!is_array(list)) return 0;
    const auto& elements = as_array(list)->elements;
    if (listener.is_nullish()) return static_cast<double>(elements.size());
    double n = 0;
    for (Value fn : elements) n += matches(fn) ? 1 : 0;
    return n;
}

Value m_listener_count(Isolate& isolate, const CallArgs& call) {
    return Value::number(count_listeners(isolate, call.this_value, call.arg(0), call.arg(1)));
}
Value m_event_names(Isolate& isolate, const CallArgs& call) {
    Keys k(isolate);
    Value events = get(isolate, call.this_value, k.events);
    if (events.is_undefined() || events_count(isolate, call.this_value, k) <= 0) {
        return Value::object(isolate.new_array(0));
    }
    return Value::object(isolate.new_array_from(own_property_keys(isolate, events.as_object(), KeyFilter::All, false)));
}

void validate_max_listeners(Isolate& isolate, Value n) {
    if (!n.is_number()) throw_invalid_arg_type(isolate, "n", "number", n);
    double d = n.as_number();
    if (d < 0 || std::isnan(d)) {
        throw_node_error(isolate, ErrorType::RangeError, "ERR_OUT_OF_RANGE",
                         "The value of \"n\" is out of range. It must be a non-negative number. Received " +
                             inspect(isolate, n));
    }
}

Value m_set_max_listeners(Isolate& isolate, const CallArgs& call) {
    validate_max_listeners(isolate, call.arg(0));
    set(isolate, call.this_value, "_maxListeners", call.arg(0));
    return call.this_value;
}
Value m_get_max_listeners(Isolate& isolate, const CallArgs& call) {
    Keys k(isolate);
    return Value::number(max_listeners_of(isolate, call.this_value, emitter_constructor(call), k));
}

// ---- constructor and statics --------------------------------------------

// EventEmitter.init(opts), with kCapture and kShapeMode from the constructor.
void init_emitter(Isolate& isolate, Value self, Value opts, JsFunction* ctor) {
    Keys k(isolate);
    Value capture = ctor->native_data;
    Value shape_mode = ctor->native_data2;
    JsObject* proto = self.as_object()->proto;
    Value own_events = get(isolate, self, k.events);
    Value proto_events = proto != nullptr ? get(isolate, Value::object(proto), k.events) : Value::undefined();
    if (own_events.is_undefined() || own_events.same_bits(proto_events)) {
        set(isolate, self, k.events, null_proto_object(isolate));
        set_events_count(isolate, self, k, 0);
        set(isolate, self, shape_mode, Value::boolean(false));
    } else {
        set(isolate, self, shape_mode, Value::boolean(true));
    }
    Value max = get(isolate, self, k.max_listeners);
    set(isolate, self, k.max_listeners, to_boolean(max) ? max : Value::undefined());
    Value capture_option = opts.is_object() ? get(isolate, opts, "captureRejections") : Value::undefined();
    if (to_boolean(capture_option)) {
        set(isolate, self, capture, Value::boolean(true));
    } else {
        Value prototype = get(isolate, Value::object(ctor), "prototype");
        set(isolate, self, capture, get(isolate, prototype, capture));
    }
}

Value event_emitter_constructor(Isolate& isolate, const CallArgs& call) {
    JsFunction* ctor = call.callee;
    Value self = call.this_value;
    if (call.is_construct()) {
        JsObject* fallback = get(isolate, Value::object(ctor), "prototype").as_object();
        self = Value::object(isolate.new_object_with_proto(get_prototype_from_constructor(isolate, call.new_target, fallback)));
    }
    if (!self.is_object()) isolate.throw_type_error("Cannot set properties of undefined (setting '_events')");
    init_emitter(isolate, self, call.arg(0), ctor);
    return self;
}

Value s_init(Isolate& isolate, const CallArgs& call) {
    if (!call.this_value.is_object()) isolate.throw_type_error("Cannot set properties of undefined (setting '_events')");
    init_emitter(isolate, call.this_value, call.arg(0), emitter_constructor(call));
    return Value::undefined();
}

Value s_listener_count(Isolate& isolate, const CallArgs& call) {
    return Value::number(count_listeners(isolate, call.arg(0), call.arg(1), Value::undefined()));
}

Value s_get_event_listeners(Isolate& isolate, const CallArgs& call) {
    return listeners_of(isolate, call.arg(0), call.arg(1), true);
}

JsFunction* method(Isolate& isolate, JsObject* target, std::string_view name, NativeFn fn, int length,
                   JsFunction* ctor) {
    JsFunction* f = isolate.new_native_function(name, fn, length);
    f->native_data = Value::object(ctor);
    create_data_property(isolate, target, isolate.intern(name), Value::object(f));
    return f;
}

void alias(Isolate& isolate, JsObject* target, std::string_view name, JsFunction* f) {
    create_data_property(isolate, target, isolate.intern(name), Value::object(f));
}

// EventEmitter.captureRejections: the default of every emitter constructed
// later, kept as EventEmitter.prototype[kCapture].
Value get_capture_rejections(Isolate& isolate, const CallArgs& call) {
    JsFunction* ctor = emitter_constructor(call);
    return get(isolate, get(isolate, Value::object(ctor), "prototype"), ctor->native_data);
}
Value set_capture_rejections(Isolate& isolate, const CallArgs& call) {
    if (!call.arg(0).is_bool()) throw_invalid_arg_type(isolate, "EventEmitter.captureRejections", "boolean", call.arg(0));
    JsFunction* ctor = emitter_constructor(call);
    set(isolate, get(isolate, Value::object(ctor), "prototype"), ctor->native_data, call.arg(0));
    return Value::undefined();
}
void define_capture_rejections(Isolate& isolate, JsFunction* ctor) {
    auto* accessor = isolate.heap().make<JsAccessor>();
    JsFunction* getter = isolate.new_native_function("get", get_capture_rejections, 0);
    getter->native_data = Value::object(ctor);
    JsFunction* setter = isolate.new_native_function("set", set_capture_rejections, 1);
    setter->native_data = Value::object(ctor);
    accessor->getter = Value::object(getter);
    accessor->setter = Value::object(setter);
    define_own_property(isolate, ctor, isolate.intern("captureRejections"), accessor_value(accessor),
                        kEnumerable | kAccessor);
}

JsFunction* create_event_emitter(Isolate& isolate) {
    JsFunction* ctor = isolate.new_native_function("EventEmitter", event_emitter_constructor, 1, true);
    ctor->native_data = Value::symbol(isolate.heap().make<JsSymbol>("kCapture"));
    ctor->native_data2 = Value::symbol(isolate.heap().make<JsSymbol>("shapeMode"));
    JsObject* proto = isolate.new_object();
    isolate.define_value(ctor, "prototype", Value::object(proto), kWritable);
    isolate.define_value(proto, "constructor", Value::object(ctor), kHiddenFlags);

    create_data_property(isolate, proto, isolate.intern("_events"), Value::undefined());
    create_data_property(isolate, proto, isolate.intern("_eventsCount"), Value::number(0));
    create_data_property(isolate, proto, isolate.intern("_maxListeners"), Value::undefined());
    define_own_property(isolate, proto, ctor->native_data, Value::boolean(false), kWritable);
    method(isolate, proto, "setMaxListeners", m_set_max_listeners, 1, ctor);
    method(isolate, proto, "getMaxListeners", m_get_max_listeners, 0, ctor);
    method(isolate, proto, "emit", m_emit, 1, ctor);
    JsFunction* add = method(isolate, proto, "addListener", m_add_listener, 2, ctor);
    alias(isolate, proto, "on", add);
    method(isolate, proto, "prependListener", m_prepend_listener, 2, ctor);
    method(isolate, proto, "once", m_once, 2, ctor);
    method(isolate, proto, "prependOnceListener", m_prepend_once_listener, 2, ctor);
    JsFunction* remove = method(isolate, proto, "removeListener", m_remove_listener, 2, ctor);
    alias(isolate, proto, "off", remove);
    method(isolate, proto, "removeAllListeners", m_remove_all_listeners, 1, ctor);
    method(isolate, proto, "listeners", m_listeners, 1, ctor);
    method(isolate, proto, "rawListeners", m_raw_listeners, 1, ctor);
    method(isolate, proto, "listenerCount", m_listener_count, 1, ctor);
    method(isolate, proto, "eventNames", m_event_names, 0, ctor);

    JsObject* c = ctor;
    export_library_function(isolate, c, "once", "internal/events_once", 2);  // lib/internal/events_once.js
    export_library_function(isolate, c, "on", "internal/events_on", 3);      // lib/internal/events_on.js
    method(isolate, c, "getEventListeners", s_get_event_listeners, 2, ctor);
    alias(isolate, c, "EventEmitter", ctor);
    create_data_property(isolate, c, isolate.intern("usingDomains"), Value::boolean(false));
    JsSymbol* rejection = isolate.heap().make<JsSymbol>("nodejs.rejection");
    rejection->registered = true;
    create_data_property(isolate, c, isolate.intern("captureRejectionSymbol"), Value::symbol(rejection));
    define_capture_rejections(isolate, ctor);
    create_data_property(isolate, c, isolate.intern("errorMonitor"),
                         Value::symbol(isolate.heap().make<JsSymbol>("events.errorMonitor")));
    // Node's defaultMaxListeners is an accessor with validation; a data
    // property reads and writes the same way.
    create_data_property(isolate, c, isolate.intern("defaultMaxListeners"), Value::number(kDefaultMaxListeners));
    method(isolate, c, "init", s_init, 1, ctor);
    method(isolate, c, "listenerCount", s_listener_count, 2, ctor);
    return ctor;
}

JsFunction* find_cached(Isolate& isolate) {
    JsObject* global = isolate.realm().global;
    for (const PropertySlot& slot : global->props.slots()) {
        if (slot.key.is_symbol() && !slot.key.as_symbol()->registered &&
            slot.key.as_symbol()->description == kCacheSymbol && is_callable(slot.value)) {
            return static_cast<JsFunction*>(slot.value.as_object());
        }
    }
    return nullptr;
}

JsFunction* event_emitter(Isolate& isolate) {
    if (JsFunction* cached = find_cached(isolate)) return cached;
    JsFunction* ctor = create_event_emitter(isolate);
    Value key = Value::symbol(isolate.heap().make<JsSymbol>(std::string(kCacheSymbol)));
    define_own_property(isolate, isolate.realm().global, key, Value::object(ctor), 0);
    return ctor;
}

}  // namespace

JsObject* event_emitter_prototype(Isolate& isolate) {
    return get(isolate, Value::object(event_emitter(isolate)), "prototype").as_object();
}

void init_event_emitter(Isolate& isolate, Value object) {
    init_emitter(isolate, object, Value::undefined(), event_emitter(isolate));
}

Value emit_event(Isolate& isolate, Value emitter, std::string_view name, std::span<const Value> args) {
    return Value::boolean(emit(isolate, emitter, isolate.intern(name), args, event_emitter(isolate)));
}

Value create_events_module(Isolate& isolate) { return Value::object(event_emitter(isolate)); }

}  // namespace looplab::node
