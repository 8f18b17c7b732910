// How the exporters and the narration word a message event (MessagePost /
// MessageDeliver, event.h): one place, so they never disagree.
#pragma once

#include <string>

#include "engine/trace/event.h"
#include "engine/trace/trace.h"

namespace looplab::trace {

// "message (string, 12 bytes) to isolate 1 over a MessagePort": the payload, the
// other end and the route. Isolate 0 is the main thread.
std::string message_summary(const Event& e);
// The same with the other end named from the trace's isolate table:
// "... to worker 1", "... from child 4243 over the IPC channel".
std::string message_summary(const Event& e, const Trace& trace);

}  // namespace looplab::trace
