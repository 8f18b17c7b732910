// Promises as ECMAScript specifies them (27.2). The VM builds `await` on
// these; the host receives jobs through HostHooks::enqueue_promise_job and
// runs them with run_promise_job.
#pragma once

#include "engine/js/isolate.h"

namespace looplab::js {

// A pending promise with %Promise.prototype%.
JsObject* new_promise(Isolate& isolate);
// The behaviour of the spec's promise resolve functions (27.2.1.3.2):
// thenables are resolved through a NewPromiseResolveThenableJob.
void resolve_promise(Isolate& isolate, JsObject* promise, Value resolution);
void reject_promise(Isolate& isolate, JsObject* promise, Value reason);
// PromiseResolve(%Promise%, v) (27.2.4.7.1).
JsObject* promise_resolve(Isolate& isolate, Value v);
// PerformPromiseThen (27.2.5.4.1). Handlers may be natives; `derived` is the
// promise the reaction settles (null when nothing observes the result).
void perform_promise_then(Isolate& isolate, JsObject* promise, Value on_fulfilled,
                          Value on_rejected, JsObject* derived);
// Runs one job that the host dequeued (NewPromiseReactionJob or
// NewPromiseResolveThenableJob). Exceptions inside are routed to the
// derived promise as the spec says; nothing escapes except LimitExceeded.
void run_promise_job(Isolate& isolate, const PromiseJob& job);

enum class PromiseState : uint8_t { Pending, Fulfilled, Rejected };
PromiseState promise_state(JsObject* promise);
Value promise_result(JsObject* promise);
bool promise_is_handled(JsObject* promise);

}  // namespace looplab::js
