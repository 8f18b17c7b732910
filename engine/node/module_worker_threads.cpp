// The `worker_threads` module: Worker, isMainThread, parentPort, workerData,
// threadId. The classes are JS (as in Node's lib/internal/worker.js) over a
// small native binding that talks to the world through the isolate's link
// (worker.h). Messages arrive in the poll phase of the receiving loop.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/js/vm.h"
#include "engine/node/module_support.h"
#include "engine/node/process.h"
#include "engine/node/worker.h"

namespace looplab::node {

js::Value create_events_module(js::Isolate& isolate);

namespace {

using namespace js;

constexpr std::string_view kWorkerThreadsSource = R"JS(
'use strict';
const kData = 1, kOnline = 4, kError = 5, kExit = 6;
const workers = new Map();  // threadId -> Worker (parent side)

function refCounted(emitter, post) {
  let refed = false;
  const sync = () => {
    const want = emitter.listenerCount('message') > 0 && !emitter._unrefed && !emitter._closed;
    if (want !== refed) { refed = want; binding.ref(want ? 1 : -1); }
  };
  // 'newListener' fires before the listener is added, 'removeListener' after.
  emitter.on('newListener', (name) => {
    if (name === 'message' && !refed && !emitter._unrefed && !emitter._closed) { refed = true; binding.ref(1); }
  });
  emitter.on('removeListener', (name) => { if (name === 'message') sync(); });
  emitter.ref = function() { this._unrefed = false; sync(); return this; };
  emitter.unref = function() { this._unrefed = true; sync(); return this; };
  emitter.close = function() { this._closed = true; sync(); this.emit('close'); };
  emitter.postMessage = function(value, transferList) { post(value, transferList); };
}

class MessagePort extends EventEmitter {}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    if (typeof filename !== 'string' && !(filename instanceof URL)) {
      const err = new TypeError('The "filename" argument must be of type string or an instance of URL.' +
        ' Received ' + (filename === undefined ? 'undefined' : typeof filename));
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    const file = typeof filename === 'string' ? filename : filename.pathname;
    const argv = Array.isArray(options.argv) ? options.argv.map(String) : [];
    this.threadId = binding.spawn(file, !!options.eval, options.workerData, argv);
    this._refed = true;
    this._exited = false;
    workers.set(this.threadId, this);
    binding.ref(1);
  }
  postMessage(value, transferList) {
    if (!this._exited) binding.post(this.threadId, value, transferList);
  }
  terminate() {
    return new Promise((resolve) => {
      if (this._exited) return resolve(undefined);
      this.once('exit', resolve);
      binding.terminate(this.threadId);
    });
  }
  ref() { if (!this._refed && !this._exited) { this._refed = true; binding.ref(1); } }
  unref() { if (this._refed && !this._exited) { this._refed = false; binding.ref(-1); } }
}

let parentPort = null;
if (!binding.isMainThread) {
  parentPort = new MessagePort();
  refCounted(parentPort, (value, transferList) => binding.post(-1, value, transferList));
}

Object.defineProperty(globalThis, '__looplabWorkerDispatch', {
  enumerable: false, configurable: true, writable: true,
  value: function onmessage(kind, id, value) {
    if (kind === kData && !binding.isMainThread && id === binding.parentId) {
      parentPort.emit('message', value);
      return;
    }
    const worker = workers.get(id);
    if (!worker) return;
    if (kind === kData) worker.emit('message', value);
    else if (kind === kOnline) worker.emit('online');
    else if (kind === kError) worker.emit('error', value);
    else if (kind === kExit) {
      workers.delete(id);
      worker._exited = true;
      worker.threadId = -1;
      if (worker._refed) binding.ref(-1);
      worker.emit('exit', value);
    }
  },
});

if (!binding.isMainThread) {
  // An uncaught exception ends the worker and becomes the Worker's 'error'
  // event in the parent, unless the worker handles it itself.
  process.on('uncaughtException', function workerUncaught(err) {
    if (process.listenerCount('uncaughtException') > 1) return;
    binding.reportError(err);
    process.exit(1);
  });
}

return {
  isMainThread: binding.isMainThread,
  parentPort,
  workerData: binding.workerData,
  threadId: binding.threadId,
  resourceLimits: {},
  Worker,
  MessagePort,
  SHARE_ENV: Symbol('nodejs.worker_threads.SHARE_ENV'),
  markAsUntransferable() {},
  setEnvironmentData() {},
  getEnvironmentData() { return undefined; },
};
)JS";

IsolateLink& link_of(Isolate& isolate) { return isolate_link(process_of(isolate)); }

bool read_text(const std::string& path, std::string* text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    *text = ss.str();
    return true;
}

// binding.spawn(filename, isEval, workerData, argv) -> threadId
Value worker_spawn(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    IsolateLink& link = link_of(isolate);
    WorkerSpec spec;
    const std::string name = to_string(isolate, call.arg(0));
    spec.dir = p.main_dir;
    if (to_boolean(call.arg(1))) {
        spec.filename = p.main_dir + "/[worker eval]";
        spec.source = name;
    } else {
        namespace fs = std::filesystem;
        fs::path path = fs::path(name).is_absolute() ? fs::path(name) : fs::path(p.main_dir) / name;
        spec.filename = path.lexically_normal().string();
        spec.dir = fs::path(spec.filename).parent_path().string();
        if (!read_text(spec.filename, &spec.source)) {
            module_support::throw_node_error(isolate, ErrorType::Error, "MODULE_NOT_FOUND",
                                             "Cannot find module '" + spec.filename + "'");
        }
    }
    spec.worker_data = serialize_value(isolate, call.arg(2));
    if (call.arg(3).is_object()) {
        for (Value v : iterate_to_vector(isolate, call.arg(3))) spec.argv.push_back(to_string(isolate, v));
    }
    const uint32_t id = link.spawn(std::move(spec));
    if (id == 0) throw LimitExceeded{"looplab: isolate limit of " + std::to_string(link.shared->world->config().max_isolates) +
                                    " reached (a worker or fork loop?)"};
    return Value::number(id);
}

// binding.post(threadId | -1 for the parent, value, transferList)
Value worker_post(Isolate& isolate, const CallArgs& call) {
    IsolateLink& link = link_of(isolate);
    auto node = std::make_shared<CloneNode>(serialize_value(isolate, call.arg(1)));
    const double to = to_number(isolate, call.arg(0));
    const size_t bytes = clone_size(*node);
    // Serialization costs the sender's time; the channel is the worker's id.
    process_of(isolate).charge(bytes * kMessageByteNs);
    if (to < 0) {
        link.send(link.parent, LinkMessage::Data, link.id, node, bytes);
    } else {
        link.send(uint32_t(to), LinkMessage::Data, link.id, node, bytes);
    }
    return Value::undefined();
}

Value worker_terminate(Isolate& isolate, const CallArgs& call) {
    IsolateLink& link = link_of(isolate);
    link.send(uint32_t(to_number(isolate, call.arg(0))), LinkMessage::Terminate, link.id, nullptr, 0, true);
    return Value::undefined();
}

Value worker_ref(Isolate& isolate, const CallArgs& call) {
    link_of(isolate).refs += int(to_number(isolate, call.arg(0)));
    return Value::undefined();
}

Value worker_report_error(Isolate& isolate, const CallArgs& call) {
    IsolateLink& link = link_of(isolate);
    CloneNode node;
    try {
        node = serialize_value(isolate, call.arg(0));
    } catch (const JsException&) {
        node.kind = CloneNode::Kind::String;
        node.text = to_string(isolate, call.arg(0));
    }
    link.send(link.parent, LinkMessage::Error, link.id, std::make_shared<CloneNode>(std::move(node)), 0);
    return Value::undefined();
}

}  // namespace

Value create_worker_threads_module(Isolate& isolate) {
    NodeProcess& p = process_of(isolate);
    // The main thread has no link until it starts a worker; reading the
    // module's constants must not create a world.
    IsolateLink* link = p.loop().find_io_source<IsolateLink>();
    const bool is_main = link == nullptr || link->is_main;
    JsObject* binding = isolate.new_object();
    isolate.define_method(binding, "spawn", worker_spawn, 4);
    isolate.define_method(binding, "post", worker_post, 3);
    isolate.define_method(binding, "terminate", worker_terminate, 1);
    isolate.define_method(binding, "ref", worker_ref, 1);
    isolate.define_method(binding, "reportError", worker_report_error, 1);
    create_data_property(isolate, binding, isolate.intern("isMainThread"), Value::boolean(is_main));
    create_data_property(isolate, binding, isolate.intern("threadId"), Value::number(is_main ? 0 : link->id));
    create_data_property(isolate, binding, isolate.intern("parentId"), Value::number(is_main ? 0 : link->parent));
    create_data_property(isolate, binding, isolate.intern("workerData"),
                         is_main ? Value::null() : deserialize_value(isolate, link->worker_data));
    const std::string params[] = {"binding", "EventEmitter"};
    CompileError error;
    JsFunction* factory =
        compile_function_from_source(isolate, kWorkerThreadsSource, "node:worker_threads", params, &error);
    if (factory == nullptr) isolate.throw_error(ErrorType::Error, "internal: worker_threads: " + error.message);
    const Value args[] = {Value::object(binding), create_events_module(isolate)};
    return isolate.call(Value::object(factory), Value::undefined(), args);
}

}  // namespace looplab::node
