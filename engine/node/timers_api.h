// The natives behind the timer globals, shared with require('timers').
#pragma once

#include "engine/js/isolate.h"

namespace looplab::node {

js::Value set_timeout_native(js::Isolate& isolate, const js::CallArgs& call);
js::Value set_interval_native(js::Isolate& isolate, const js::CallArgs& call);
js::Value clear_timeout_native(js::Isolate& isolate, const js::CallArgs& call);
js::Value set_immediate_native(js::Isolate& isolate, const js::CallArgs& call);
js::Value clear_immediate_native(js::Isolate& isolate, const js::CallArgs& call);
js::Value queue_microtask_native(js::Isolate& isolate, const js::CallArgs& call);

// require('timers') and require('timers/promises') (module_timers.cpp).
js::Value create_timers_module(js::Isolate& isolate);
js::Value create_timers_promises_module(js::Isolate& isolate);
// The process's one 'timers/promises' exports object (the require cache's).
js::Value timers_promises_exports(js::Isolate& isolate);

}  // namespace looplab::node
