// `process` is an EventEmitter: its prototype chain reaches the events
// module's EventEmitter.prototype, as in Node (process.__proto__ is an
// object named `process` whose prototype is EventEmitter.prototype).
#pragma once

#include "engine/js/isolate.h"

namespace looplab::node {

class NodeProcess;

// Returns the prototype object to give `process`.
js::JsObject* install_event_emitter_methods(NodeProcess& p);

}  // namespace looplab::node
