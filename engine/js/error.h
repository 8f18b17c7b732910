// Error objects as V8 builds them, for natives and the VM.
//
// `stack` is captured at construction (the frames) but its first line is
// formatted on first read, as V8 does: a subclass that sets `this.name`
// after super() still shows its own name in the stack
// (`class E extends Error { constructor(m) { super(m); this.name = 'E'; } }`
// prints "E: m").
#pragma once

#include <string_view>

#include "engine/js/isolate.h"

namespace looplab::js {

// A new error of the given type with message text, `stack` captured now.
// Isolate::new_error may forward here so engine-thrown errors behave alike.
Value make_error(Isolate& isolate, ErrorType type, std::string_view message);

// Captures the current JS stack into `target.stack` (lazily formatted with
// the object's name and message at first read); Error.captureStackTrace.
void install_error_stack(Isolate& isolate, JsObject* target, size_t skip_frames = 0);

// "Name: message" as V8's ErrorUtils::ToString (the header of `stack`).
std::string error_header(Isolate& isolate, Value error);

}  // namespace looplab::js
