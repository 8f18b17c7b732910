// Shared by builtins_typed_array.cpp and builtins_buffer.cpp.
#pragma once

#include "engine/js/isolate.h"

namespace looplab::js {

// A new ArrayBuffer of `length` zero bytes (throws RangeError past the limit).
JsArrayBuffer* new_array_buffer(Isolate& isolate, size_t length, bool shared = false);
// DetachArrayBuffer: the bytes leave `buffer` (returned, not copied); it and
// every view on it (typed arrays, DataViews) report length 0 from now on.
std::vector<uint8_t> detach_array_buffer(Isolate& isolate, JsArrayBuffer* buffer);
// A new typed array of `kind` with prototype `proto` over a fresh buffer.
JsTypedArray* new_typed_array(Isolate& isolate, TypedArrayKind kind, JsObject* proto, size_t length);
// `this` as a typed array, or TypeError naming `method`.
JsTypedArray* this_typed_array(Isolate& isolate, Value v, const char* method);
// Buffer and Buffer.prototype (builtins_buffer.cpp); needs Uint8Array.prototype.
void install_buffer_builtins(Isolate& isolate);
// Stores a Number with the element type's conversion. Integer kinds up to
// 32 bits wrap through ToUint32 here because JsTypedArray::store's 64-bit
// modular helper loses small negative values (-2 -> 2^64 -> 0); reported
// to the core owner, remove once fixed there.
void store_number(JsTypedArray* array, size_t index, double value);
inline uint8_t* typed_array_data(JsTypedArray* a) { return a->buffer->data.data() + a->byte_offset; }

}  // namespace looplab::js
