// Helpers shared by the modules that use the thread pool or the simulated
// network (fs, crypto, zlib, dns, net, http): libuv errors as Node builds
// them, calling a Node-style callback from the poll phase, bytes from JS
// arguments, and the three shapes of one operation (callback, promise, Sync).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/js/isolate.h"
#include "engine/node/threadpool.h"

namespace looplab::node {

class NodeProcess;

// The libuv name and description of a positive errno ("ENOENT", "no such
// file or directory"); Node's errno property is its negation.
std::string_view uv_code(int err);
std::string_view uv_description(int err);
// Node's uvException: message "CODE: description, syscall 'path' -> 'dest'",
// own properties errno, code, syscall, path, dest (when given).
js::Value make_uv_error(js::Isolate& isolate, int err, std::string_view syscall, std::string_view path = {},
                        std::string_view dest = {});

// MakeCallback from the loop: runs `fn(args...)` in a callback scope (an
// exception is an uncaught exception; ticks and microtasks drain after).
void run_node_callback(NodeProcess& p, js::Value fn, std::vector<js::Value> args);
// Settles a promise from the loop in a callback scope (microtasks drain after).
void settle_promise(NodeProcess& p, js::JsObject* promise, bool fulfilled, js::Value value);

// The bytes of a string (UTF-8 or `encoding`), Buffer, TypedArray or
// DataView argument; throws Node's ERR_INVALID_ARG_TYPE otherwise.
std::string bytes_arg(js::Isolate& isolate, js::Value v, std::string_view name, std::string_view encoding = "utf8");
bool is_bytes_like(js::Value v);
js::Value new_buffer_value(js::Isolate& isolate, std::string_view bytes);
// The callback argument: the last one, which must be a function.
js::Value callback_arg(js::Isolate& isolate, const js::CallArgs& call, size_t index);

// One pool operation with a result computed on the host thread and turned
// into JS on the loop thread. `value` returns the callback's/promise's
// result; an error is reported through `error` (undefined: success).
struct AsyncOp {
    std::string name;
    uint64_t cost_ns = 0;
    std::function<void()> run;  // host thread
    // Loop thread, after run: fills the callback arguments (err first).
    std::function<void(js::Isolate&, js::Value* error, js::Value* value)> finish;
};
// Queues `op` on the pool; its completion calls `callback(err)` or
// `callback(null, value)`.
void queue_with_callback(NodeProcess& p, AsyncOp op, js::Value callback);
// Queues `op` on the pool and returns a promise for its value.
js::Value queue_with_promise(NodeProcess& p, AsyncOp op);
// Runs `op` on the loop thread (a *Sync call: the loop is blocked for its
// cost) and returns its value or throws its error.
js::Value run_sync(NodeProcess& p, AsyncOp op);

}  // namespace looplab::node
