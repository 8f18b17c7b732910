// Symbol (ECMAScript 20.4): the function, the global registry behind
// Symbol.for / Symbol.keyFor, the well-known symbols and Symbol.prototype.
#include "engine/js/builtins.h"
#include "engine/js/operations.h"

namespace looplab::js {

namespace {

// thisSymbolValue (20.4.3): a symbol or a Symbol wrapper object.
JsSymbol* this_symbol_value(Isolate& isolate, Value v, std::string_view method) {
    if (v.is_symbol()) return v.as_symbol();
    if (v.is_object() && v.as_object()->cls == ObjectClass::Symbol && v.as_object()->internal.is_symbol()) {
        return v.as_object()->internal.as_symbol();
    }
    isolate.throw_type_error(std::string(method) + " requires that 'this' be a Symbol");
}

std::string symbol_descriptive_string(JsSymbol* s) { return "Symbol(" + s->description + ")"; }

Value symbol_call(Isolate& isolate, const CallArgs& call) {
    // `new Symbol()` is refused by the VM because the function is not a constructor.
    Value desc = call.arg(0);
    if (desc.is_undefined()) return Value::symbol(isolate.heap().make<JsSymbol>("", false));
    return Value::symbol(isolate.heap().make<JsSymbol>(to_string(isolate, desc)));
}

// The registry is an ordinary object (key text -> symbol) held in the native
// data of Symbol.for and Symbol.keyFor, so the GC sees it through them.
JsObject* registry_of(const CallArgs& call) { return call.callee->native_data.as_object(); }

Value symbol_for(Isolate& isolate, const CallArgs& call) {
    Value key = isolate.intern(to_string(isolate, call.arg(0)));
    JsObject* registry = registry_of(call);
    if (PropertySlot* slot = registry->props.find(key)) return slot->value;
    JsSymbol* symbol = isolate.heap().make<JsSymbol>(std::string(key.as_string()->view()));
    symbol->registered = true;
    registry->props.add(key, Value::symbol(symbol), kDefaultFlags);
    return Value::symbol(symbol);
}

Value symbol_key_for(Isolate& isolate, const CallArgs& call) {
    Value s = call.arg(0);
    if (!s.is_symbol()) {
        std::string shown = s.is_object() ? "#<Object>" : to_string(isolate, s);
        isolate.throw_type_error(shown + " is not a symbol");
    }
    if (!s.as_symbol()->registered) return Value::undefined();
    return isolate.new_string(s.as_symbol()->description);
}

Value symbol_to_string(Isolate& isolate, const CallArgs& call) {
    return isolate.new_string(symbol_descriptive_string(
        this_symbol_value(isolate, call.this_value, "Symbol.prototype.toString")));
}

Value symbol_value_of(Isolate& isolate, const CallArgs& call) {
    return Value::symbol(this_symbol_value(isolate, call.this_value, "Symbol.prototype.valueOf"));
}

Value symbol_to_primitive(Isolate& isolate, const CallArgs& call) {
    return Value::symbol(this_symbol_value(isolate, call.this_value, "Symbol.prototype [ @@toPrimitive ]"));
}

Value symbol_description(Isolate& isolate, const CallArgs& call) {
    JsSymbol* s = this_symbol_value(isolate, call.this_value, "Symbol.prototype.description");
    if (!s->has_description) return Value::undefined();
    return isolate.new_string(s->description);
}

}  // namespace

void install_symbol_builtins(Isolate& isolate) {
    Realm& realm = isolate.realm();
    const WellKnownSymbols& wk = isolate.symbols();
    JsFunction* ctor = isolate.new_native_function("Symbol", symbol_call, 0);
    JsObject* proto = isolate.new_object();
    realm.symbol_prototype = proto;
    isolate.define_value(ctor, "prototype", Value::object(proto), 0);
    isolate.define_value(proto, "constructor", Value::object(ctor));

    JsObject* registry = isolate.new_object_with_proto(nullptr);
    // Node's util.inspect.custom is Symbol.for('nodejs.util.inspect.custom'):
    // the engine made it before the registry existed, so it joins it here.
    registry->props.add(isolate.intern(wk.inspect_custom->description), Value::symbol(wk.inspect_custom),
                        kDefaultFlags);
    isolate.define_method(ctor, "for", symbol_for, 1)->native_data = Value::object(registry);
    isolate.define_method(ctor, "keyFor", symbol_key_for, 1)->native_data = Value::object(registry);

    // Well-known symbols: the engine's own, then the ones only the spec's
    // string and regexp protocols use (created here, found via Symbol.*).
    const std::pair<const char*, JsSymbol*> well_known[] = {
        {"asyncIterator", wk.async_iterator},
        {"hasInstance", wk.has_instance},
        {"isConcatSpreadable", wk.is_concat_spreadable},
        {"iterator", wk.iterator},
        {"match", nullptr},
        {"matchAll", nullptr},
        {"replace", nullptr},
        {"search", nullptr},
        {"species", wk.species},
        {"split", nullptr},
        {"toPrimitive", wk.to_primitive},
        {"toStringTag", wk.to_string_tag},
        {"unscopables", nullptr},
        {"dispose", nullptr},
        {"asyncDispose", nullptr},
    };
    for (auto [name, symbol] : well_known) {
        if (symbol == nullptr) symbol = isolate.heap().make<JsSymbol>(std::string("Symbol.") + name);
        isolate.define_value(ctor, name, Value::symbol(symbol), 0);
    }

    isolate.define_method(proto, "toString", symbol_to_string, 0);
    isolate.define_method(proto, "valueOf", symbol_value_of, 0);
    isolate.define_getter(proto, "description", symbol_description);
    JsFunction* to_prim = isolate.new_native_function("[Symbol.toPrimitive]", symbol_to_primitive, 1);
    define_own_property(isolate, proto, Value::symbol(wk.to_primitive), Value::object(to_prim), kConfigurable);
    define_own_property(isolate, proto, Value::symbol(wk.to_string_tag), isolate.intern("Symbol"), kConfigurable);

    isolate.define_value(realm.global, "Symbol", Value::object(ctor));
}

}  // namespace looplab::js
