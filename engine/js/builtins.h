// Installs the ECMAScript built-ins into an isolate's realm. Each group
// lives in its own engine/js/builtins_*.cpp file.
#pragma once

#include "engine/js/isolate.h"

namespace looplab::js {

// Creates the realm's bare intrinsics and then every group, in dependency order.
void install_builtins(Isolate& isolate);

// Groups (each defines its constructors and prototypes on realm().global).
void install_object_builtins(Isolate& isolate);      // Object, Function.prototype, Reflect
void install_array_builtins(Isolate& isolate);       // Array, array iterators
void install_iterator_builtins(Isolate& isolate);    // %IteratorPrototype%, generator prototypes' next/return/throw wiring
void install_collection_builtins(Isolate& isolate);  // Map, Set, WeakMap, WeakSet, WeakRef
void install_number_builtins(Isolate& isolate);      // Number, Boolean, Math, parseInt, parseFloat, isNaN, isFinite
void install_json_builtins(Isolate& isolate);        // JSON
void install_symbol_builtins(Isolate& isolate);      // Symbol
void install_string_builtins(Isolate& isolate);      // String, string iterators
void install_regexp_builtins(Isolate& isolate);      // RegExp
void install_date_builtins(Isolate& isolate);        // Date (reads the isolate's virtual clock)
void install_error_builtins(Isolate& isolate);       // Error and subclasses, AggregateError
void install_bigint_builtins(Isolate& isolate);      // BigInt
void install_typed_array_builtins(Isolate& isolate); // ArrayBuffer, SharedArrayBuffer, typed arrays, DataView
void install_atomics_builtins(Isolate& isolate);     // Atomics (engine/js/shared_memory.h orders it across isolates)
void install_promise_builtins(Isolate& isolate);     // Promise and its combinators
void install_global_functions(Isolate& isolate);     // globalThis, encodeURIComponent, structuredClone...

// Function.prototype.toString's text: the source of a closure, or
// "function name() { [native code] }".
std::string function_source_text(Isolate& isolate, JsFunction* fn);

}  // namespace looplab::js
