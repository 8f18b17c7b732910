// BroadcastChannel (worker_threads): every open channel of one name in one
// process receives what any other posts, in whichever thread it lives; the
// poster's own instance does not. Each channel is a MessagePort of its
// isolate (message_port.h); the members of each (process, name) are kept in
// the run's WorldShared in the order they joined and read in turn, so a
// thread ahead in virtual time sees a channel opened earlier by a slower
// one, whatever the host threads do.
#pragma once

namespace looplab::js {
class Isolate;
struct JsObject;
}  // namespace looplab::js

namespace looplab::node {

// Adds bcJoin(name) -> port id, bcPost(port, name, value) and
// bcLeave(port, name) to the worker_threads binding.
void add_broadcast_natives(js::Isolate& isolate, js::JsObject* binding);

}  // namespace looplab::node
