// C++ modules whose parts are written in JavaScript (zlib's streams,
// events.on) export natives that forward to a library module's export,
// loaded on first call (engine/node/lib, docs/jslib.md).
#pragma once

#include <string_view>

#include "engine/js/isolate.h"

namespace looplab::node {

// Defines `name` on `target` as a function that calls
// require(library_module)[name] with the same this, arguments and `new`.
void export_library_function(js::Isolate& isolate, js::JsObject* target, std::string_view name,
                             std::string_view library_module, int length);

}  // namespace looplab::node
