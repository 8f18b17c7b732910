// The `child_process` module: fork() starts a simulated process (an isolate
// in the world, process_ipc.h) with an IPC channel; spawn(), execFile() and
// exec() of `node` with a script or -e start one whose stdout and stderr
// are pipes. ChildProcess is JS over a small native binding, as in Node's
// lib/internal/child_process.js. looplab never starts a real process: any
// other command, and the synchronous variants, refuse with an error that
// says so.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/js/vm.h"
#include "engine/node/module_loader.h"
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
const kStdout = 105, kStderr = 106, kStdioEnd = 107;
const kInherit = 0, kPipe = 1, kIgnore = 2;  // binding.fork's stdio modes
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
    this.stdio = [null, null, null];
    Object.defineProperty(this, '_looplab', {
      value: { id: 0, advanced: false, refed: true, exited: false, closedByParent: false, openPipes: 0 },
      enumerable: false,
    });
  }
  _sendInternal(message) { if (this.connected) binding.post(this._looplab.id, message, true, true); }
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
  // A pipe the parent reads: data arrives in the poll phase, EOF ends it, and
  // the child's 'close' waits for every pipe to close (Node's _closesNeeded).
  _openPipe(Readable) {
    const pipe = new Readable({ read() {} });
    this._looplab.openPipes++;
    pipe.on('close', () => { this._looplab.openPipes--; this._maybeClose(); });
    return pipe;
  }
  _endPipes() {
    for (const pipe of [this.stdout, this.stderr]) if (pipe && !pipe.readableEnded) pipe.push(null);
  }
  _exited(code, signal) {
    const s = this._looplab;
    s.exited = true;
    children.delete(s.id);
    this.connected = false;
    this.exitCode = signal === null ? code : null;
    this.signalCode = signal;
    if (s.refed) binding.ref(-1);
    this._endPipes();
    if (this.stdin) this.stdin.destroy();
    this.emit('exit', this.exitCode, this.signalCode);
    // Pipes nobody reads are drained so they can end and close; on the next
    // tick, the user's last chance to start reading (Node's flushStdio).
    process.nextTick(() => {
      for (const pipe of [this.stdout, this.stderr]) {
        if (pipe && pipe.readable && pipe.readableFlowing === null) pipe.resume();
      }
    });
    this._maybeClose();
  }
  _maybeClose() {
    const s = this._looplab;
    if (!s.exited || s.openPipes > 0 || s.closedByParent || s.closed) return;
    s.closed = true;
    this.emit('close', this.exitCode, this.signalCode);
  }
}

// target.send and target.disconnect exist only on a child with an IPC channel.
function setupChannel(child) {
  child.connected = true;
  child.send = function send(message, handle, options, callback) {
    return ipcSend(this, this._looplab.id, this._looplab.advanced, message, handle, options, callback);
  };
  child.disconnect = function disconnect() {
    if (!this.connected) {
      this.emit('error', binding.nodeError('Error', 'ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'));
      return;
    }
    binding.disconnect(this._looplab.id);
    // Node never emits 'close' for a child whose channel the parent closed.
    this._looplab.closedByParent = true;
    this._closeChannel();
  };
}

function stdioMode(entry) {
  if (entry === 'inherit' || entry === process.stdout || entry === process.stderr ||
      entry === 1 || entry === 2) return kInherit;
  if (entry === 'ignore') return kIgnore;
  return kPipe;
}

// stdio as a string or an array; [stdout mode, stderr mode, has 'ipc'].
function stdioModes(stdio) {
  if (typeof stdio === 'string') stdio = [stdio, stdio, stdio];
  if (!Array.isArray(stdio)) stdio = ['pipe', 'pipe', 'pipe'];
  return [stdioMode(stdio[1]), stdioMode(stdio[2]), stdio.includes('ipc')];
}

// Starts a simulated node process: `script` is a path, or { eval: code }.
function startChild(script, args, options, modes, spawnfile, spawnargs) {
  const [outMode, errMode, ipc] = modes;
  const advanced = options.serialization === 'advanced';
  const env = options.env || process.env;
  const pairs = Object.keys(env).map((key) => [key, String(env[key])]);
  const child = new ChildProcess();
  const isEval = typeof script === 'object';
  const path = isEval ? '[eval]' : script;
  const [id, pid] = binding.fork(path, args.map(String), pairs, advanced, ipc, outMode, errMode,
                                 isEval ? String(script.eval) : undefined);
  child._looplab.id = id;
  child._looplab.advanced = advanced;
  child.pid = pid;
  child.spawnfile = spawnfile;
  child.spawnargs = spawnargs;
  if (ipc) setupChannel(child);
  if (outMode === kPipe || errMode === kPipe) {
    const { Readable, Writable } = binding.stream();
    child.stdin = new Writable({ write(chunk, encoding, callback) { callback(); } });
    if (outMode === kPipe) child.stdout = child._openPipe(Readable);
    if (errMode === kPipe) child.stderr = child._openPipe(Readable);
    child.stdio = [child.stdin, child.stdout, child.stderr];
  }
  children.set(id, child);
  binding.ref(1);
  process.nextTick(() => child.emit('spawn'));
  return child;
}

function normalizeArgs(args, options, name) {
  if (args == null) return [[], { ...options }];
  if (typeof args === 'object' && !Array.isArray(args)) return [[], { ...args }];
  if (!Array.isArray(args)) throw binding.invalidArgType(name, 'an instance of Array', args);
  return [args, { ...options }];
}

function fork(modulePath, args, options) {
  if (typeof modulePath !== 'string' && !(modulePath instanceof URL)) {
    throw binding.invalidArgType('modulePath', 'of type string or an instance of URL', modulePath);
  }
  [args, options] = normalizeArgs(args, options, 'args');
  const serialization = options.serialization === undefined ? 'json' : options.serialization;
  if (serialization !== 'json' && serialization !== 'advanced') {
    throw binding.nodeError('TypeError', 'ERR_INVALID_ARG_VALUE',
      "The property 'options.serialization' must be one of: 'json', 'advanced'. Received " +
      binding.inspect(serialization));
  }
  const path = typeof modulePath === 'string' ? modulePath : modulePath.pathname;
  let stdio = options.stdio || (options.silent ? 'pipe' : 'inherit');
  if (typeof stdio === 'string') stdio = [stdio, stdio, stdio, 'ipc'];
  const modes = stdioModes(stdio);
  modes[2] = true;  // fork always has its channel
  return startChild(path, args.map(String), options, modes, process.execPath,
                    [process.execPath, path, ...args.map(String)]);
}

// `node [node options] script [args]` or `node -e code [args]`: the script
// to run as a simulated process, or null when looplab cannot run it.
function nodeInvocation(command, args) {
  const base = String(command).split(/[\\/]/).pop();
  if (command !== process.execPath && base !== 'node' && base !== 'node.exe') return null;
  for (let i = 0; i < args.length; i++) {
    const arg = String(args[i]);
    if (arg === '-e' || arg === '--eval') return { script: { eval: args[i + 1] ?? '' }, args: args.slice(i + 2) };
    if (arg === '-r' || arg === '--require') { i++; continue; }
    if (arg === '-p' || arg === '--print' || arg === '-i' || arg === '--interactive' || arg === '-') return null;
    if (arg.startsWith('-')) continue;  // a node option: no meaning here
    return { script: arg, args: args.slice(i + 1) };
  }
  return null;
}

function refusal(name, command) {
  return binding.nodeError('Error', 'ERR_LOOPLAB_NO_REAL_PROCESS',
    'child_process.' + name + '(' + JSON.stringify(String(command)) + ') is not available: looplab never ' +
    'starts a real process; only node scripts run, as simulated processes (fork, or spawn, execFile ' +
    'and exec of node with a script file or -e)');
}

function spawn(command, args, options) {
  if (typeof command !== 'string') throw binding.invalidArgType('file', 'of type string', command);
  [args, options] = normalizeArgs(args, options, 'args');
  args = args.map(String);
  const invocation = nodeInvocation(command, args);
  if (invocation === null) throw refusal('spawn', command);
  return startChild(invocation.script, invocation.args, options, stdioModes(options.stdio), command,
                    [command, ...args]);
}

// Collects a child's output for execFile and exec: the callback runs on
// 'close' with (error, stdout, stderr), as Node's exithandler does.
function collect(child, cmd, options, callback) {
  const encoding = options.encoding === undefined ? 'utf8' : options.encoding;
  const out = [], err = [];
  if (child.stdout) child.stdout.on('data', (chunk) => out.push(chunk));
  if (child.stderr) child.stderr.on('data', (chunk) => err.push(chunk));
  const text = (chunks) => {
    const all = Buffer.concat(chunks);
    return encoding === 'buffer' || encoding === null ? all : all.toString(encoding);
  };
  child.on('close', (code, signal) => {
    if (typeof callback !== 'function') return;
    const stdout = text(out), stderr = text(err);
    if (code === 0 && signal === null) return callback(null, stdout, stderr);
    const error = new Error('Command failed: ' + cmd + '\n' + stderr);
    error.code = code === null ? undefined : code;
    error.killed = child.killed;
    error.signal = signal;
    error.cmd = cmd;
    callback(error, stdout, stderr);
  });
  return child;
}

function execFile(file, args, options, callback) {
  if (typeof args === 'function') { callback = args; args = []; options = {}; }
  else if (typeof options === 'function') { callback = options; options = {}; }
  if (args != null && typeof args === 'object' && !Array.isArray(args)) { options = args; args = []; }
  args = (args || []).map(String);
  options = { ...options };
  const invocation = nodeInvocation(file, args);
  if (invocation === null) throw refusal('execFile', file);
  const child = startChild(invocation.script, invocation.args, options, stdioModes('pipe'), file, [file, ...args]);
  return collect(child, [file, ...args].join(' '), options, callback);
}

// The words of a shell command without shell syntax: quotes group words;
// pipes, redirections, substitutions and command lists need a real shell.
function shellWords(command) {
  if (/[|&;<>`$(){}*?]/.test(command.replace(/'[^']*'|"[^"]*"/g, ''))) return null;
  const words = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  let m;
  while ((m = re.exec(command)) !== null) words.push(m[1] ?? m[2] ?? m[3]);
  return words;
}

function exec(command, options, callback) {
  if (typeof options === 'function') { callback = options; options = {}; }
  options = { ...options };
  const words = shellWords(String(command));
  const invocation = words && words.length > 0 ? nodeInvocation(words[0], words.slice(1)) : null;
  if (invocation === null) throw refusal('exec', command);
  const child = startChild(invocation.script, invocation.args, options, stdioModes('pipe'), '/bin/sh',
                           ['/bin/sh', '-c', String(command)]);
  return collect(child, String(command), options, callback);
}

// util.promisify(exec) and util.promisify(execFile) resolve { stdout, stderr }.
function promisifyWithOutput(original) {
  return function promisified(...args) {
    let child;
    const promise = new Promise((resolve, reject) => {
      child = original(...args, (error, stdout, stderr) => {
        if (error !== null) { error.stdout = stdout; error.stderr = stderr; reject(error); }
        else resolve({ stdout, stderr });
      });
    });
    promise.child = child;
    return promise;
  };
}
const kPromisifyCustom = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(exec, kPromisifyCustom, { enumerable: false, value: promisifyWithOutput(exec) });
Object.defineProperty(execFile, kPromisifyCustom, { enumerable: false, value: promisifyWithOutput(execFile) });

Object.defineProperty(globalThis, '__looplabChildChannel', {
  enumerable: false, configurable: true, writable: true,
  value: function onchildmessage(kind, from, value, json, signal) {
    const child = children.get(from);
    if (!child) return;
    if (kind === kMessage) { if (child.connected) child.emit('message', json ? JSON.parse(value) : value); }
    else if (kind === kInternal) child.emit('internalMessage', value);
    else if (kind === kDisconnect) child._closeChannel();
    else if (kind === kStdout) { if (child.stdout) child.stdout.push(Buffer.from(value)); }
    else if (kind === kStderr) { if (child.stderr) child.stderr.push(Buffer.from(value)); }
    else if (kind === kStdioEnd) child._endPipes();
    else if (kind === kExit) child._exited(value, signal);
  },
});

// A synchronous child would stop the parent's loop until it ends; looplab's
// processes only run side by side.
function refuseSync(name) {
  return function notSupported(command) { throw refusal(name, command); };
}

return {
  ChildProcess,
  fork,
  spawn,
  exec,
  execFile,
  execSync: refuseSync('execSync'),
  execFileSync: refuseSync('execFileSync'),
  spawnSync: refuseSync('spawnSync'),
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

ChildStdio stdio_mode(Isolate& isolate, Value mode) {
    const double n = to_number(isolate, mode);
    if (n == 1) return ChildStdio::Pipe;
    if (n == 2) return ChildStdio::Ignore;
    return ChildStdio::Inherit;
}

// binding.stream(): the stream module, for the pipes of a spawned child.
Value child_stream(Isolate& isolate, const CallArgs&) {
    return process_of(isolate).modules->require(nullptr, "stream");
}

// binding.fork(modulePath, args, [[key, value]...], advanced, ipc, stdoutMode,
// stderrMode, evalSource) -> [id, pid]. Modes are ChildStdio values; with
// evalSource the child runs that code (node -e) instead of a file.
Value child_fork(Isolate& isolate, const CallArgs& call) {
    NodeProcess& p = process_of(isolate);
    namespace fs = std::filesystem;
    const std::string name = to_string(isolate, call.arg(0));
    // Node resolves a relative module path against process.cwd().
    const fs::path path = fs::path(name).is_absolute() ? fs::path(name) : fs::path(p.main_dir) / name;
    ForkSpec spec;
    spec.filename = path.lexically_normal().string();
    if (call.arg(7).is_string()) {
        spec.source = to_string(isolate, call.arg(7));
    } else {
        read_text(spec.filename, &spec.source);
    }
    spec.args = strings_of(isolate, call.arg(1));
    if (call.arg(2).is_object()) {
        for (Value pair : iterate_to_vector(isolate, call.arg(2))) {
            std::vector<std::string> kv = strings_of(isolate, pair);
            if (kv.size() == 2) spec.env.emplace_back(kv[0], kv[1]);
        }
    }
    spec.advanced = to_boolean(call.arg(3));
    spec.ipc = to_boolean(call.arg(4));
    spec.stdout_mode = stdio_mode(isolate, call.arg(5));
    spec.stderr_mode = stdio_mode(isolate, call.arg(6));
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
    isolate.define_method(binding, "fork", child_fork, 8);
    isolate.define_method(binding, "stream", child_stream, 0);
    isolate.define_method(binding, "inspect", child_inspect, 1);
    const std::string params[] = {"binding", "EventEmitter"};
    const std::string source = std::string(kIpcSendSource) + std::string(kChildProcessSource);
    const Value args[] = {Value::object(binding), create_events_module(isolate)};
    return module_support::run_embedded_source(isolate, "node:child_process", source, params, args);
}

}  // namespace looplab::node
