#include "engine/js/isolate.h"

#include "engine/js/operations.h"
#include "engine/js/vm.h"

namespace looplab::js {

namespace {

const char* const kErrorNames[] = {"Error",          "TypeError", "RangeError", "SyntaxError",
                                   "ReferenceError", "EvalError", "URIError",   "AggregateError"};

}  // namespace

void Realm::trace(Tracer& tracer) const {
    // Every JsObject* member of the realm is a root; walk them as an array.
    const JsObject* const* begin = reinterpret_cast<const JsObject* const*>(this);
    const JsObject* const* end = begin + sizeof(Realm) / sizeof(JsObject*);
    for (auto it = begin; it != end; ++it) tracer.mark(const_cast<JsObject*>(*it));
}

Isolate::Isolate(IsolateLimits limits)
    : limits_(limits), heap_(limits.max_heap_bytes), interpreter_(std::make_unique<Interpreter>(*this)) {
    heap_.add_root_source([this](Tracer& tracer) { trace_roots(tracer); });
    create_well_known_symbols();
}

Isolate::~Isolate() = default;

void Isolate::create_well_known_symbols() {
    auto make = [this](const char* desc) { return heap_.make<JsSymbol>(desc); };
    symbols_.iterator = make("Symbol.iterator");
    symbols_.async_iterator = make("Symbol.asyncIterator");
    symbols_.has_instance = make("Symbol.hasInstance");
    symbols_.to_primitive = make("Symbol.toPrimitive");
    symbols_.to_string_tag = make("Symbol.toStringTag");
    symbols_.species = make("Symbol.species");
    symbols_.is_concat_spreadable = make("Symbol.isConcatSpreadable");
    symbols_.inspect_custom = make("nodejs.util.inspect.custom");
    symbols_.inspect_custom->registered = true;
}

void Isolate::trace_roots(Tracer& tracer) {
    realm_.trace(tracer);
    tracer.mark(symbols_.iterator);
    tracer.mark(symbols_.async_iterator);
    tracer.mark(symbols_.has_instance);
    tracer.mark(symbols_.to_primitive);
    tracer.mark(symbols_.to_string_tag);
    tracer.mark(symbols_.species);
    tracer.mark(symbols_.is_concat_spreadable);
    tracer.mark(symbols_.inspect_custom);
    // Interned strings stay alive: they are property names and literals,
    // few and long-lived.
    for (auto& entry : interned_) tracer.mark(entry.second);
    interpreter_->trace_roots(tracer);
}

void Isolate::maybe_collect() {
    if (!heap_.should_collect()) return;
    heap_.collect();
    if (heap_.over_limit()) {
        throw LimitExceeded{"JavaScript heap out of memory (looplab heap limit of " +
                            std::to_string(heap_.limit_bytes() >> 20) + " MB reached)"};
    }
}

Value Isolate::intern(std::string_view text) {
    auto it = interned_.find(text);
    if (it != interned_.end()) return Value::string(it->second);
    JsString* s = heap_.make<JsString>(std::string(text));
    s->interned = true;
    interned_.emplace(s->view(), s);
    return Value::string(s);
}

Value Isolate::new_string(std::string text) { return Value::string(heap_.make<JsString>(std::move(text))); }

Value Isolate::concat(Value left, Value right) {
    JsString* l = left.as_string();
    JsString* r = right.as_string();
    if (l->byte_length() == 0) return right;
    if (r->byte_length() == 0) return left;
    // Short results are flat copies; long ones become ropes.
    if (l->byte_length() + r->byte_length() < 64) return new_string(l->str() + r->str());
    return Value::string(heap_.make<JsString>(l, r));
}

Value Isolate::to_property_key(Value v) {
    if (v.is_string()) {
        JsString* s = v.as_string();
        return s->interned ? v : intern(s->view());
    }
    if (v.is_symbol()) return v;
    if (v.is_number()) return intern(number_to_string(v.as_number()));
    Value primitive = to_primitive(*this, v, "string");
    if (primitive.is_symbol()) return primitive;
    return intern(to_string(*this, primitive));
}

JsObject* Isolate::new_object() { return heap_.make<JsObject>(realm_.object_prototype); }

JsObject* Isolate::new_object_with_proto(JsObject* proto) { return heap_.make<JsObject>(proto); }

JsArray* Isolate::new_array(size_t length) {
    JsArray* a = heap_.make<JsArray>(realm_.array_prototype);
    a->elements.assign(length, Value::empty());
    heap_.note_growth(length * sizeof(Value));
    return a;
}

JsArray* Isolate::new_array_from(std::span<const Value> items) {
    JsArray* a = heap_.make<JsArray>(realm_.array_prototype);
    a->elements.assign(items.begin(), items.end());
    heap_.note_growth(items.size() * sizeof(Value));
    return a;
}

JsFunction* Isolate::new_native_function(std::string_view name, NativeFn fn, int length,
                                         bool is_constructor) {
    JsFunction* f = heap_.make<JsFunction>(realm_.function_prototype, FunctionKind::Native);
    f->native = fn;
    f->is_constructor = is_constructor;
    f->name = intern(name).as_string();
    f->props.add(intern("length"), Value::number(length), kConfigurable);
    f->props.add(intern("name"), Value::string(f->name), kConfigurable);
    return f;
}

Value Isolate::new_error(ErrorType type, std::string_view message) {
    JsObject* proto = realm_.error_prototypes[static_cast<int>(type)];
    if (proto == nullptr) proto = realm_.object_prototype;
    JsObject* error = heap_.make<JsObject>(proto, ObjectClass::Error);
    std::string name = kErrorNames[static_cast<int>(type)];
    // An error made with no JS on the stack (an fs error delivered from the
    // loop) has a stack of its header line alone, as in Node.
    const std::string frames = capture_stack_trace();
    error->props.add(intern("stack"),
                     new_string(name + (message.empty() ? "" : ": ") + std::string(message) +
                                (frames.empty() ? "" : "\n" + frames)),
                     kHiddenFlags);
    error->props.add(intern("message"), new_string(std::string(message)), kHiddenFlags);
    return Value::object(error);
}

JsFunction* Isolate::define_method(JsObject* target, std::string_view name, NativeFn fn, int length) {
    JsFunction* f = new_native_function(name, fn, length);
    define_value(target, name, Value::object(f), kHiddenFlags);
    return f;
}

void Isolate::define_value(JsObject* target, std::string_view name, Value value, uint8_t flags) {
    define_own_property(*this, target, intern(name), value, flags);
}

void Isolate::define_getter(JsObject* target, std::string_view name, NativeFn getter) {
    JsAccessor* accessor = heap_.make<JsAccessor>();
    accessor->getter = Value::object(new_native_function(std::string("get ") + std::string(name), getter, 0));
    define_own_property(*this, target, intern(name), accessor_value(accessor),
                        kConfigurable | kAccessor);
}

void Isolate::throw_value(Value v) { throw JsException{v}; }

void Isolate::throw_error(ErrorType type, std::string_view message) {
    throw JsException{new_error(type, message)};
}

}  // namespace looplab::js
