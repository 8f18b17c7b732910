// The `cluster` module: the primary forks workers that run the same main
// script (child_process.fork with NODE_UNIQUE_ID in their environment, as in
// Node) and talks to them over their IPC channels; its own protocol
// ('online', 'disconnect') travels as internal messages that user
// 'message' listeners never see. See docs/parallelism.md.
#include "engine/js/vm.h"
#include "engine/node/module_loader.h"
#include "engine/node/process.h"

namespace looplab::node {

js::Value create_events_module(js::Isolate& isolate);

namespace {

using namespace js;

constexpr std::string_view kClusterSource = R"JS(
'use strict';
const SCHED_NONE = 1, SCHED_RR = 2;
const isWorker = 'NODE_UNIQUE_ID' in process.env;
const cluster = new EventEmitter();

class Worker extends EventEmitter {
  constructor(id, proc) {
    super();
    this.id = id;
    this.process = proc;
    this.state = 'none';
    this.exitedAfterDisconnect = undefined;
    proc.on('message', (message, handle) => this.emit('message', message, handle));
  }
  send(...args) { return this.process.send(...args); }
  isConnected() { return this.process.connected; }
  isDead() { return this.process.exitCode != null || this.process.signalCode != null; }
}

function policyFromEnv() {
  const value = process.env.NODE_CLUSTER_SCHED_POLICY;
  if (value === 'rr') return SCHED_RR;
  if (value === 'none') return SCHED_NONE;
  return SCHED_RR;
}

function setupPrimary() {
  const workers = {};
  let nextId = 0;
  let initialized = false;
  cluster.isWorker = false;
  cluster.isPrimary = true;
  cluster.isMaster = true;
  cluster.Worker = Worker;
  cluster.workers = workers;
  cluster.settings = {};
  cluster.SCHED_NONE = SCHED_NONE;
  cluster.SCHED_RR = SCHED_RR;
  cluster.schedulingPolicy = policyFromEnv();

  cluster.setupPrimary = function setupPrimary(options) {
    cluster.settings = {
      args: process.argv.slice(2),
      exec: process.argv[1],
      execArgv: process.execArgv,
      silent: false,
      ...cluster.settings,
      ...options,
    };
    if (!initialized) {
      initialized = true;
      const policy = cluster.schedulingPolicy;
      if (policy !== SCHED_NONE && policy !== SCHED_RR) {
        throw new Error(`Bad cluster.schedulingPolicy: ${policy}`);
      }
    }
    process.nextTick(() => cluster.emit('setup', cluster.settings));
  };
  cluster.setupMaster = cluster.setupPrimary;

  function remove(worker) {
    if (workers[worker.id] === worker) delete workers[worker.id];
  }

  cluster.fork = function fork(env) {
    cluster.setupPrimary();
    const id = ++nextId;
    const settings = cluster.settings;
    const proc = childProcess.fork(settings.exec, settings.args, {
      env: { ...process.env, ...env, NODE_UNIQUE_ID: String(id) },
      serialization: settings.serialization,
    });
    const worker = new Worker(id, proc);
    worker.on('message', function onmessage(message, handle) { cluster.emit('message', this, message, handle); });
    proc.on('internalMessage', (message) => {
      if (message.act === 'online') {
        worker.state = 'online';
        worker.emit('online');
        cluster.emit('online', worker);
      } else if (message.act === 'listening') {
        const address = { addressType: message.addressType, address: message.address, port: message.port };
        worker.state = 'listening';
        worker.emit('listening', address);
        cluster.emit('listening', worker, address);
      }
    });
    proc.once('disconnect', () => {
      if (worker.isDead()) remove(worker);
      worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
      worker.state = 'disconnected';
      worker.emit('disconnect');
      cluster.emit('disconnect', worker);
    });
    proc.once('exit', (code, signal) => {
      if (!worker.isConnected()) remove(worker);
      worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
      worker.state = 'dead';
      worker.emit('exit', code, signal);
      cluster.emit('exit', worker, code, signal);
    });
    worker.disconnect = function disconnect() {
      this.exitedAfterDisconnect = true;
      proc._sendInternal({ act: 'disconnect' });
      remove(this);
      return this;
    };
    worker.kill = worker.destroy = function kill(signal = 'SIGTERM') {
      proc.kill(signal);
    };
    workers[id] = worker;
    process.nextTick(() => cluster.emit('fork', worker));
    return worker;
  };

  cluster.disconnect = function disconnect(callback) {
    const ids = Object.keys(workers);
    let left = ids.length;
    const done = () => { if (--left <= 0 && typeof callback === 'function') callback(); };
    if (left === 0 && typeof callback === 'function') process.nextTick(callback);
    for (const id of ids) {
      workers[id].process.once('exit', done);
      workers[id].disconnect();
    }
  };
}

function setupWorker() {
  const id = Number(process.env.NODE_UNIQUE_ID);
  delete process.env.NODE_UNIQUE_ID;
  cluster.isWorker = true;
  cluster.isPrimary = false;
  cluster.isMaster = false;
  cluster.SCHED_NONE = SCHED_NONE;
  cluster.SCHED_RR = SCHED_RR;
  cluster.schedulingPolicy = policyFromEnv();
  const worker = new Worker(id, process);
  cluster.worker = worker;
  worker.state = 'online';
  worker.disconnect = function disconnect() {
    this.exitedAfterDisconnect = true;
    if (process.connected) process.disconnect();
    return this;
  };
  worker.kill = worker.destroy = function kill() {
    this.exitedAfterDisconnect = true;
    process.exit(0);
  };
  process.once('disconnect', () => {
    worker.emit('disconnect');
    // The primary went away without asking: the worker ends at once.
    if (!worker.exitedAfterDisconnect) process.exit(0);
  });
  process.on('internalMessage', (message) => {
    if (message.act === 'disconnect') worker.disconnect();
  });
  process._sendInternal({ act: 'online' });
}

if (isWorker) setupWorker();
else setupPrimary();
return cluster;
)JS";

}  // namespace

Value create_cluster_module(Isolate& isolate) {
    NodeProcess& p = process_of(isolate);
    const Value child_process = p.modules->require(nullptr, "child_process");
    const std::string params[] = {"EventEmitter", "childProcess"};
    CompileError error;
    JsFunction* factory = compile_function_from_source(isolate, kClusterSource, "node:cluster", params, &error);
    if (factory == nullptr) isolate.throw_error(ErrorType::Error, "internal: cluster: " + error.message);
    const Value args[] = {create_events_module(isolate), child_process};
    return isolate.call(Value::object(factory), Value::undefined(), args);
}

}  // namespace looplab::node
