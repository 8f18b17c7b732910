// The `worker_threads` module: Worker, isMainThread, parentPort, workerData,
// threadId. The classes are JS (as in Node's lib/internal/worker.js) over a
// small native binding that talks to the world through the isolate's link
// (worker.h). Messages arrive in the poll phase of the receiving loop.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/js/vm.h"
#include "engine/node/broadcast_channel.h"
#include "engine/node/message_port.h"
#include "engine/node/jslib.h"
#include "engine/node/module_loader.h"
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

const kPortMessage = 20, kPortClose = 21, kMakePort = 22;
const ports = new Map();  // port id -> MessagePort of this isolate

// Splits a transfer list into ArrayBuffers and ports, as Node validates it.
function splitTransfer(transferList, self) {
  const buffers = [], portIds = [], portObjects = [];
  if (transferList === undefined || transferList === null) return { buffers, portIds, portObjects };
  if (typeof transferList !== 'object' || typeof transferList[Symbol.iterator] !== 'function') {
    return { buffers, portIds, portObjects };
  }
  for (const item of transferList) {
    if (item instanceof MessagePort && item._id !== undefined) {
      if (item === self) {
        const err = new Error('Transfer list contains source port');
        err.name = 'DataCloneError';
        Object.defineProperty(err, 'code', { value: 25, enumerable: false, configurable: true, writable: true });
        throw err;
      }
      portIds.push(item._id); portObjects.push(item);
    } else if (binding.isArrayBuffer(item)) {
      buffers.push(item);
    } else {
      const err = new TypeError('Found invalid object in transferList');
      err.code = 'ERR_INVALID_TRANSFER_OBJECT';
      throw err;
    }
  }
  return { buffers, portIds, portObjects };
}

class MessageEvent {
  constructor(type, data, target) { this.type = type; this.data = data; this.target = target; }
}

function makePort(id) {
  const port = new MessagePort();
  port._id = id;
  port._started = false;
  port._closed = false;
  port.postMessage = function(value, transferList) {
    const t = splitTransfer(transferList, port);
    if (port._closed) return;
    binding.portPost(id, value, t.buffers, t.portIds, t.portObjects);
    for (const moved of t.portObjects) detachPort(moved);
  };
  const start = () => { if (!port._started && !port._closed) { port._started = true; binding.portStart(id); } };
  port.start = start;
  port.on('newListener', (name) => { if (name === 'message') start(); });
  // refCounted's bookkeeping goes through binding.ref for parentPort; a
  // MessagePort reports its own state to the port hub instead.
  port._syncRef = () => binding.portRef(id, port.listenerCount('message') > 0 && !port._unrefed && !port._closed);
  // 'newListener' fires before the listener is added, 'removeListener' after.
  port.on('newListener', (name) => {
    if (name === 'message') binding.portRef(id, !port._unrefed && !port._closed);
  });
  port.on('removeListener', (name) => { if (name === 'message') port._syncRef(); });
  port.ref = function() { this._unrefed = false; this._syncRef(); return this; };
  port.unref = function() { this._unrefed = true; this._syncRef(); return this; };
  port.close = function() {
    if (this._closed) return;
    this._closed = true;
    this._syncRef();
    binding.portClose(id);
  };
  let handler = null;
  Object.defineProperty(port, 'onmessage', {
    enumerable: false, configurable: true,
    get() { return handler; },
    set(fn) {
      if (handler) this.removeListener('message', handler._wrapper);
      handler = typeof fn === 'function' ? fn : null;
      if (handler) {
        handler._wrapper = (data) => handler.call(port, new MessageEvent('message', data, port));
        this.on('message', handler._wrapper);
      }
    },
  });
  ports.set(id, port);
  return port;
}

function detachPort(port) {
  ports.delete(port._id);
  port._closed = true;
  port._moved = true;
}

class MessageChannel {
  constructor() {
    const ids = binding.channel();
    this.port1 = makePort(ids[0]);
    this.port2 = makePort(ids[1]);
  }
}

function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort)) {
    const err = new TypeError('The "port" argument must be a MessagePort instance');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const r = binding.portReceive(port._id);
  return r;
}

// A channel's messages arrive through a port of this isolate; the port's
// entry in `ports` hands them to the channel as MessageEvents.
class BroadcastChannel {
  #name; #id; #closed = false; #listeners = []; #onmessage = null;
  constructor(name) {
    if (arguments.length === 0) {
      const err = new TypeError('The "name" argument must be specified');
      err.code = 'ERR_MISSING_ARGS';
      throw err;
    }
    this.#name = `${name}`;
    this.#id = binding.bcJoin(this.#name);
    ports.set(this.#id, {
      _syncRef() {},
      emit: (type, data) => { if (type === 'message') this.#deliver(new MessageEvent('message', data, this)); },
    });
  }
  get name() { return this.#name; }
  postMessage(message) {
    if (arguments.length === 0) {
      const err = new TypeError('The "message" argument must be specified');
      err.code = 'ERR_MISSING_ARGS';
      throw err;
    }
    if (this.#closed) {
      const { DOMException } = binding.web();
      throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    }
    binding.bcPost(this.#id, this.#name, message);
  }
  close() {
    if (this.#closed) return;
    this.#closed = true;
    ports.delete(this.#id);
    binding.bcLeave(this.#id, this.#name);
  }
  ref() { if (!this.#closed) binding.portRef(this.#id, true); return this; }
  unref() { if (!this.#closed) binding.portRef(this.#id, false); return this; }
  get onmessage() { return this.#onmessage; }
  set onmessage(fn) { this.#onmessage = typeof fn === 'function' ? fn : null; }
  addEventListener(type, listener, options) {
    if (typeof listener !== 'function' && typeof listener?.handleEvent !== 'function') return;
    if (this.#listeners.some((l) => l.type === type && l.listener === listener)) return;
    this.#listeners.push({ type, listener, once: !!options?.once });
  }
  removeEventListener(type, listener) {
    this.#listeners = this.#listeners.filter((l) => l.type !== type || l.listener !== listener);
  }
  #deliver(event) {
    if (this.#onmessage) this.#onmessage.call(this, event);
    for (const entry of [...this.#listeners]) {
      if (entry.type !== event.type) continue;
      if (entry.once) this.removeEventListener(entry.type, entry.listener);
      if (typeof entry.listener === 'function') entry.listener.call(this, event);
      else entry.listener.handleEvent(event);
    }
  }
}

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
    const t = splitTransfer(options.transferList);
    this.threadId = binding.spawn(file, !!options.eval, options.workerData, argv, t.buffers, t.portIds, t.portObjects);
    for (const moved of t.portObjects) detachPort(moved);
    this._refed = true;
    this._exited = false;
    workers.set(this.threadId, this);
    binding.ref(1);
  }
  postMessage(value, transferList) {
    if (this._exited) return;
    const t = splitTransfer(transferList);
    binding.post(this.threadId, value, t.buffers, t.portIds, t.portObjects);
    for (const moved of t.portObjects) detachPort(moved);
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
  refCounted(parentPort, (value, transferList) => {
    const t = splitTransfer(transferList);
    binding.post(-1, value, t.buffers, t.portIds, t.portObjects);
    for (const moved of t.portObjects) detachPort(moved);
  });
}

Object.defineProperty(globalThis, '__looplabWorkerDispatch', {
  enumerable: false, configurable: true, writable: true,
  value: function onmessage(kind, id, value) {
    if (kind === kMakePort) return ports.get(id) || makePort(id);
    if (kind === kPortMessage) { const port = ports.get(id); if (port) port.emit('message', value); return; }
    if (kind === kPortClose) {
      const port = ports.get(id);
      if (port) { port._closed = true; port._syncRef(); ports.delete(id); port.emit('close'); }
      return;
    }
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
  workerData: binding.workerData(),
  threadId: binding.threadId,
  resourceLimits: {},
  Worker,
  MessagePort,
  MessageChannel,
  BroadcastChannel,
  receiveMessageOnPort,
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

// The transfer list as the JS side split it: (buffers, port ids, port objects)
// starting at argument `first`.
TransferList transfer_from(Isolate& isolate, const CallArgs& call, size_t first) {
    TransferList t;
    if (call.arg(first).is_object()) {
        for (Value v : iterate_to_vector(isolate, call.arg(first))) {
            if (v.is_object() && v.as_object()->cls == ObjectClass::ArrayBuffer) {
                t.buffers.push_back(static_cast<JsArrayBuffer*>(v.as_object()));
            }
        }
    }
    if (!call.arg(first + 1).is_object() || !call.arg(first + 2).is_object()) return t;
    const std::vector<Value> ids = iterate_to_vector(isolate, call.arg(first + 1));
    const std::vector<Value> objects = iterate_to_vector(isolate, call.arg(first + 2));
    PortHub& hub = port_hub(process_of(isolate));
    for (size_t i = 0; i < ids.size() && i < objects.size(); i++) {
        std::shared_ptr<PortState> state = hub.state_of(uint32_t(to_number(isolate, ids[i])));
        if (state && objects[i].is_object()) t.ports.emplace_back(objects[i].as_object(), state);
    }
    return t;
}

// Once the message is serialized, the transferred ports belong to `to`.
void release_ports(Isolate& isolate, const TransferList& t, uint32_t to) {
    PortHub& hub = port_hub(process_of(isolate));
    for (const auto& [object, state] : t.ports) hub.release(static_cast<PortState*>(state.get())->id, to);
}

// binding.spawn(filename, isEval, workerData, argv, buffers, portIds, ports) -> threadId
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
    const TransferList transfer = transfer_from(isolate, call, 4);
    spec.worker_data = serialize_value(isolate, call.arg(2), transfer);
    if (call.arg(3).is_object()) {
        for (Value v : iterate_to_vector(isolate, call.arg(3))) spec.argv.push_back(to_string(isolate, v));
    }
    const uint32_t id = link.spawn(std::move(spec));
    release_ports(isolate, transfer, id);
    if (id == 0) throw LimitExceeded{"looplab: isolate limit of " + std::to_string(link.shared->world->config().max_isolates) +
                                    " reached (a worker or fork loop?)"};
    return Value::number(id);
}

// binding.post(threadId | -1 for the parent, value, buffers, portIds, ports)
Value worker_post(Isolate& isolate, const CallArgs& call) {
    IsolateLink& link = link_of(isolate);
    const TransferList transfer = transfer_from(isolate, call, 2);
    auto node = std::make_shared<CloneNode>(serialize_value(isolate, call.arg(1), transfer));
    const double to = to_number(isolate, call.arg(0));
    const uint32_t receiver = to < 0 ? link.parent : uint32_t(to);
    release_ports(isolate, transfer, receiver);
    const size_t bytes = clone_size(*node);
    // Serialization costs the sender's time; the channel is the worker's id.
    NodeProcess& p = process_of(isolate);
    p.charge(bytes * p.costs().worker_message_byte_ns);
    record_message(p, trace::EventKind::MessagePost, receiver, trace::MessageRoute::Worker, *node, bytes);
    link.send(receiver, LinkMessage::Data, link.id, node, bytes);
    return Value::undefined();
}

// binding.channel() -> [id1, id2]
Value port_channel(Isolate& isolate, const CallArgs&) {
    const auto [a, b] = port_hub(process_of(isolate)).create_channel();
    const Value ids[] = {Value::number(a), Value::number(b)};
    return Value::object(isolate.new_array_from(ids));
}

// binding.portPost(id, value, buffers, portIds, ports)
Value port_post(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    PortHub& hub = port_hub(p);
    const uint32_t id = uint32_t(to_number(isolate, call.arg(0)));
    const TransferList transfer = transfer_from(isolate, call, 2);
    auto node = std::make_shared<CloneNode>(serialize_value(isolate, call.arg(1), transfer));
    std::shared_ptr<PortState> self = hub.state_of(id);
    if (!transfer.ports.empty() && self) {
        // The ports go where the peer lives.
        IsolateLink* link = p.loop().find_io_source<IsolateLink>();
        const uint32_t owner = hub.owns(self->peer) || link == nullptr ? p.isolate().id : port_owner(*link, self->peer);
        if (owner != p.isolate().id) release_ports(isolate, transfer, owner);
    }
    const size_t bytes = clone_size(*node);
    p.charge(bytes * p.costs().worker_message_byte_ns);
    hub.post(id, std::move(node), bytes);
    return Value::undefined();
}

Value port_start(Isolate& isolate, const CallArgs& call) {
    port_hub(process_of(isolate)).set_started(uint32_t(to_number(isolate, call.arg(0))));
    return Value::undefined();
}

Value port_ref(Isolate& isolate, const CallArgs& call) {
    port_hub(process_of(isolate)).set_refed(uint32_t(to_number(isolate, call.arg(0))), to_boolean(call.arg(1)));
    return Value::undefined();
}

Value port_close(Isolate& isolate, const CallArgs& call) {
    port_hub(process_of(isolate)).close(uint32_t(to_number(isolate, call.arg(0))));
    return Value::undefined();
}

// binding.portReceive(id) -> { message } or undefined
Value port_receive(Isolate& isolate, const CallArgs& call) {
    std::shared_ptr<CloneNode> node = port_hub(process_of(isolate)).take_one(uint32_t(to_number(isolate, call.arg(0))));
    if (!node) return Value::undefined();
    JsObject* result = isolate.new_object();
    Value message = deserialize_value(isolate, *node, [&isolate](const std::shared_ptr<void>& state) {
        return make_port_object(isolate, state);
    });
    create_data_property(isolate, result, isolate.intern("message"), message);
    return Value::object(result);
}

Value is_array_buffer(Isolate&, const CallArgs& call) {
    const Value v = call.arg(0);
    return Value::boolean(v.is_object() && v.as_object()->cls == ObjectClass::ArrayBuffer &&
                          !static_cast<JsArrayBuffer*>(v.as_object())->shared);
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

// binding.workerData(): the worker's workerData, rebuilt once. Called only
// after the module installed its dispatcher: ports transferred with the
// data become MessagePort objects through it.
Value worker_data(Isolate& isolate, const CallArgs&) {
    IsolateLink* link = process_of(isolate).loop().find_io_source<IsolateLink>();
    if (link == nullptr || link->is_main || link->main_thread_of_process) return Value::null();
    return deserialize_value(isolate, link->worker_data, [&isolate](const std::shared_ptr<void>& state) {
        return make_port_object(isolate, state);
    });
}

// binding.web(): DOMException and the other web classes (lib/internal/web.js).
Value web_module(Isolate& isolate, const CallArgs&) {
    return process_of(isolate).modules->library().require("internal/web");
}

}  // namespace

Value create_worker_threads_module(Isolate& isolate) {
    NodeProcess& p = process_of(isolate);
    // The main thread has no link until it starts a worker; reading the
    // module's constants must not create a world.
    IsolateLink* link = p.loop().find_io_source<IsolateLink>();
    const bool is_main = link == nullptr || link->is_main || link->main_thread_of_process;
    JsObject* binding = isolate.new_object();
    isolate.define_method(binding, "spawn", worker_spawn, 4);
    isolate.define_method(binding, "post", worker_post, 3);
    isolate.define_method(binding, "terminate", worker_terminate, 1);
    isolate.define_method(binding, "ref", worker_ref, 1);
    isolate.define_method(binding, "reportError", worker_report_error, 1);
    isolate.define_method(binding, "channel", port_channel, 0);
    isolate.define_method(binding, "portPost", port_post, 5);
    isolate.define_method(binding, "portStart", port_start, 1);
    isolate.define_method(binding, "portRef", port_ref, 2);
    isolate.define_method(binding, "portClose", port_close, 1);
    isolate.define_method(binding, "portReceive", port_receive, 1);
    isolate.define_method(binding, "isArrayBuffer", is_array_buffer, 1);
    isolate.define_method(binding, "web", web_module, 0);
    add_broadcast_natives(isolate, binding);
    create_data_property(isolate, binding, isolate.intern("isMainThread"), Value::boolean(is_main));
    create_data_property(isolate, binding, isolate.intern("threadId"), Value::number(is_main ? 0 : link->id));
    create_data_property(isolate, binding, isolate.intern("parentId"), Value::number(is_main ? 0 : link->parent));
    isolate.define_method(binding, "workerData", worker_data, 0);
    const std::string params[] = {"binding", "EventEmitter"};
    const Value args[] = {Value::object(binding), create_events_module(isolate)};
    return module_support::run_embedded_source(isolate, "node:worker_threads", kWorkerThreadsSource, params, args);
}

}  // namespace looplab::node
