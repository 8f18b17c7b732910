// The `child_process` module: fork() starts a simulated process (an isolate
// in the world, process_ipc.h) with an IPC channel; ChildProcess is JS over
// a small native binding, as in Node's lib/internal/child_process.js.
// looplab never starts a real process: exec, spawn and their kin refuse
// with an error that says so.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/js/vm.h"
#include "engine/node/module_support.h"
#include "engine/node/process.h"
#include "engine/node/process_ipc.h"

namespace looplab::node {

js::Value create_events_module(js::Isolate& isolate);

namespace {

using namespace js;

constexpr std::string_view kChildProcessSource = R"JS(
'use strict';
const kMessage = 100, kInternal = 101, kDisconnect = 102, kExit = 103;
const children = new Map();  // isolate id -> ChildProcess

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this.pid = undefined;
    this.connected = false;
    this.killed = false;
    this.exitCode = null;
    this.signalCode = null;
    this.spawnfile = null;
    this.spawnargs = [];
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this.stdio = [null, null, null, null];
    Object.defineProperty(this, '_looplab', { value: { id: 0, advanced: false, refed: true, exited: false, closedByParent: false },
                                              enumerable: false });
  }
  send(message, handle, options, callback) {
    return ipcSend(this, this._looplab.id, this._looplab.advanced, message, handle, options, callback);
  }
  _sendInternal(message) { if (this.connected) binding.post(this._looplab.id, message, true, true); }
  disconnect() {
    if (!this.connected) {
      this.emit('error', binding.nodeError('Error', 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'));
      return;
    }
    binding.disconnect(this._looplab.id);
    // Node never emits 'close' for a child whose channel the parent closed.
    this._looplab.closedByParent = true;
    this._closeChannel();
  }
  _closeChannel() {
    if (!this.connected) return;
    this.connected = false;
    process.nextTick(() => this.emit('disconnect'));
  }
  kill(signal = 'SIGTERM') {
    if (this._looplab.exited) return false;
    if (typeof signal === 'number') signal = signal === 9 ? 'SIGKILL' : signal === 2 ? 'SIGINT' : 'SIGTERM';
    this.killed = true;
    binding.kill(this._looplab.id, String(signal));
    return true;
  }
  ref() { const s = this._looplab; if (!s.refed && !s.exited) { s.refed = true; binding.ref(1); } }
  unref() { const s = this._looplab; if (s.refed && !s.exited) { s.refed = false; binding.ref(-1); } }
  _exited(code, signal) {
    const s = this._looplab;
    s.exited = true;
    children.delete(s.id);
    this.connected = false;
    this.exitCode = signal === null ? code : null;
    this.signalCode = signal;
    if (s.refed) binding.ref(-1);
    this.emit('exit', this.exitCode, this.signalCode);
    if (!s.closedByParent) this.emit('close', this.exitCode, this.signalCode);
  }
}

function fork(modulePath, args, options) {
  if (typeof modulePath !== 'string' && !(modulePath instanceof URL)) {
    throw binding.invalidArgType('modulePath', 'of type string or an instance of URL', modulePath);
  }
  if (args == null) {
    args = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  } else if (!Array.isArray(args)) {
    throw binding.invalidArgType('args', 'an instance of Array', args);
  }
  options = { ...options };
  const serialization = options.serialization === undefined ? 'json' : options.serialization;
  if (serialization !== 'json' && serialization !== 'advanced') {
    throw binding.nodeError('TypeError', 'ERR_INVALID_ARG_VALUE',
      "The property 'options.serialization' must be one of: 'json', 'advanced'. Received " +
      binding.inspect(serialization));
  }
  const path = typeof modulePath === 'string' ? modulePath : modulePath.pathname;
  const env = options.env || process.env;
  const pairs = Object.keys(env).map((key) => [key, String(env[key])]);
  const child = new ChildProcess();
  const [id, pid] = binding.fork(path, args.map(String), pairs, serialization === 'advanced');
  child._looplab.id = id;
  child._looplab.advanced = serialization === 'advanced';
  child.pid = pid;
  child.connected = true;
  child.spawnfile = process.execPath;
  child.spawnargs = [process.execPath, path, ...args.map(String)];
  children.set(id, child);
  binding.ref(1);
  process.nextTick(() => child.emit('spawn'));
  return child;
}

Object.defineProperty(globalThis, '__looplabChildChannel', {
  enumerable: false, configurable: true, writable: true,
  value: function onchildmessage(kind, from, value, json, signal) {
    const child = children.get(from);
    if (!child) return;
    if (kind === kMessage) { if (child.connected) child.emit('message', json ? JSON.parse(value) : value); }
    else if (kind === kInternal) child.emit('internalMessage', value);
    else if (kind === kDisconnect) child._closeChannel();
    else if (kind === kExit) child._exited(value, signal);
  },
});

function refuse(name) {
  return function notSupported(command) {
    throw binding.nodeError('Error', 'ERR_LOOPLAB_NO_REAL_PROCESS',
      'child_process.' + name + '(' + (typeof command === 'string' ? JSON.stringify(command) : '') +
      ') is not available: looplab never starts a real process; only child_process.fork() of a ' +
      'JavaScript file runs, as a simulated process');
  };
}

return {
  ChildProcess,
  fork,
  exec: refuse('exec'),
  execSync: refuse('execSync'),
  execFile: refuse('execFile'),
  execFileSync: refuse('execFileSync'),
  spawn: refuse('spawn'),
  spawnSync: refuse('spawnSync'),
  _forkChild() {},
};
)JS";

bool read_text(const std::string& path, std::string* text) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    *text = ss.str();
    return true;
}

std::vector<std::string> strings_of(Isolate& isolate, Value array) {
    std::vector<std::string> out;
    if (!array.is_object()) return out;
    for (Value v : iterate_to_vector(isolate, array)) out.push_back(to_string(isolate, v));
    return out;
}

// binding.fork(modulePath, args, [[key, value]...], advanced) -> [id, pid]
Value child_fork(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    namespace fs = std::filesystem;
    const std::string name = to_string(isolate, call.arg(0));
    // Node resolves a relative module path against process.cwd().
    const fs::path path = fs::path(name).is_absolute() ? fs::path(name) : fs::path(p.main_dir) / name;
    ForkSpec spec;
    spec.filename = path.lexically_normal().string();
    read_text(spec.filename, &spec.source);
    spec.args = strings_of(isolate, call.arg(1));
    if (call.arg(2).is_object()) {
        for (Value pair : iterate_to_vector(isolate, call.arg(2))) {
            std::vector<std::string> kv = strings_of(isolate, pair);
            if (kv.size() == 2) spec.env.emplace_back(kv[0], kv[1]);
        }
    }
    spec.advanced = to_boolean(call.arg(3));
    const ForkedChild child = fork_process(p, std::move(spec));
    const Value result[] = {Value::number(child.id), Value::number(child.pid)};
    return Value::object(isolate.new_array_from(result));
}

Value child_inspect(Isolate& isolate, const CallArgs& call) {
    const Value v = call.arg(0);
    if (v.is_string()) return isolate.new_string("'" + to_string(isolate, v) + "'");
    return isolate.new_string(to_string(isolate, v));
}

}  // namespace

Value create_child_process_module(Isolate& isolate) {
    JsObject* binding = new_ipc_binding(isolate);
    isolate.define_method(binding, "fork", child_fork, 4);
    isolate.define_method(binding, "inspect", child_inspect, 1);
    const std::string params[] = {"binding", "EventEmitter"};
    const std::string source = std::string(kIpcSendSource) + std::string(kChildProcessSource);
    const Value args[] = {Value::object(binding), create_events_module(isolate)};
    return module_support::run_embedded_source(isolate, "node:child_process", source, params, args);
}

}  // namespace looplab::node
