// %IteratorPrototype% and %AsyncIteratorPrototype% (ECMAScript 27.1.2, 27.1.3).
// Every built-in iterator (array, map, set, string, generator) inherits from
// one of these, so `[Symbol.iterator]() { return this }` lives in one place.
#include "engine/js/builtins.h"
#include "engine/js/operations.h"

namespace looplab::js {

namespace {

Value return_this(Isolate&, const CallArgs& call) { return call.this_value; }

void define_symbol_method(Isolate& isolate, JsObject* target, JsSymbol* symbol, std::string_view name,
                          NativeFn fn) {
    JsFunction* f = isolate.new_native_function(name, fn, 0);
    define_own_property(isolate, target, Value::symbol(symbol), Value::object(f), kHiddenFlags);
}

}  // namespace

void install_iterator_builtins(Isolate& isolate) {
    Realm& realm = isolate.realm();
    realm.iterator_prototype = isolate.new_object();
    define_symbol_method(isolate, realm.iterator_prototype, isolate.symbols().iterator,
                         "[Symbol.iterator]", return_this);
    realm.async_iterator_prototype = isolate.new_object();
    define_symbol_method(isolate, realm.async_iterator_prototype, isolate.symbols().async_iterator,
                         "[Symbol.asyncIterator]", return_this);
}

}  // namespace looplab::js
