// C++ access to the `events` module's EventEmitter, for runtime objects
// that are emitters in Node (process, streams, child processes, workers).
#pragma once

#include <span>
#include <string_view>

#include "engine/js/isolate.h"

namespace looplab::node {

// EventEmitter.prototype of this isolate (the same object require('events')
// exposes; created on first use). Objects whose prototype chain reaches it
// should be initialised with init_event_emitter.
js::JsObject* event_emitter_prototype(js::Isolate& isolate);
// EventEmitter.init.call(object): the _events/_eventsCount/_maxListeners
// own properties Node gives every emitter.
void init_event_emitter(js::Isolate& isolate, js::Value object);
// emitter.emit(name, ...args) with Node's semantics (an unhandled 'error'
// throws JsException). Returns a boolean: whether there were listeners.
js::Value emit_event(js::Isolate& isolate, js::Value emitter, std::string_view name,
                     std::span<const js::Value> args);

}  // namespace looplab::node
