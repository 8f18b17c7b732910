// The `cluster` module: the primary forks workers that run the same main
// script (child_process.fork with NODE_UNIQUE_ID in their environment, as in
// Node) and talks to them over their IPC channels; its own protocol
// ('online', 'disconnect') travels as internal messages that user
// 'message' listeners never see. See docs/parallelism.md.
#include "engine/js/vm.h"
#include "engine/node/module_loader.h"
#include "engine/node/module_support.h"
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

// ---- the shared port, primary side ----
// One listening server in the primary's network per (address, port) that
// workers ask for; each connection it accepts goes to one worker, and its
// bytes are relayed over that worker's IPC channel. SCHED_RR hands a
// connection to the next free worker (a worker is free again once it has
// acknowledged the last one, as Node's round-robin handle does). SCHED_NONE
// stands in for the kernel, which would let every worker accept on the
// socket: the worker with the fewest open relayed connections takes it
// (ties: the lowest id), so the choice is the same on every run.
let nextConnectionId = 0;
let activePolicy = SCHED_RR;  // fixed when the primary is set up, as in Node
class SharedHandle {
  constructor(query, onclosed) {
    this.all = new Map();     // worker id -> worker
    this.free = new Map();    // workers waiting for a connection, in order
    this.pending = [];        // accepted connections no worker has taken yet
    this.waiting = [];        // replies owed until the bind completes
    this.connections = new Map();  // connection id -> { socket, worker }
    this.port = undefined;
    this.errno = 0;
    this.onclosed = onclosed;
    this.key = query.key;
    this.policy = activePolicy;
    this.server = net.createServer({ allowHalfOpen: true }, (socket) => this.distribute(socket));
    this.server._isHttp = !!query.isHttp;
    this.server.once('listening', () => {
      this.port = this.server.address().port;
      this.answer();
    });
    this.server.once('error', (err) => {
      this.errno = err.errno;
      this.answer();
    });
    this.server.listen({ port: query.port, host: query.address });
  }

  answer() {
    const waiting = this.waiting;
    this.waiting = [];
    for (const reply of waiting) reply();
    if (this.errno !== 0) this.close();
  }

  add(worker, reply) {
    const done = () => {
      if (this.errno !== 0) { reply(this.errno, 0); return; }
      this.all.set(worker.id, worker);
      reply(0, this.port);
      this.handoff(worker);
    };
    if (this.port === undefined && this.errno === 0) this.waiting.push(done);
    else done();
  }

  remove(worker) {
    if (!this.all.delete(worker.id)) return;
    this.free.delete(worker.id);
    for (const [id, connection] of [...this.connections]) {
      if (connection.worker === worker) {
        this.connections.delete(id);
        connection.socket.destroy();
      }
    }
    if (this.all.size === 0) this.close();
  }

  close() {
    for (const socket of this.pending) socket.destroy();
    this.pending = [];
    if (this.server.listening) this.server.close();
    this.onclosed();
  }

  distribute(socket) {
    if (this.policy === SCHED_NONE) {
      const worker = this.leastBusy();
      if (worker) this.send(worker, socket);
      else socket.destroy();
      return;
    }
    this.pending.push(socket);
    const [first] = this.free.values();
    if (first) {
      this.free.delete(first.id);
      this.handoff(first);
    }
  }

  leastBusy() {
    const open = new Map();
    for (const { worker } of this.connections.values()) open.set(worker.id, (open.get(worker.id) || 0) + 1);
    let best = null;
    for (const worker of [...this.all.values()].sort((a, b) => a.id - b.id)) {
      if (best === null || (open.get(worker.id) || 0) < (open.get(best.id) || 0)) best = worker;
    }
    return best;
  }

  handoff(worker) {
    if (!this.all.has(worker.id) || this.policy === SCHED_NONE) return;
    const socket = this.pending.shift();
    if (socket === undefined) { this.free.set(worker.id, worker); return; }
    this.send(worker, socket);
  }

  send(worker, socket) {
    const id = ++nextConnectionId;
    this.connections.set(id, { socket, worker });
    const relay = (op, data) => {
      if (this.connections.has(id) && worker.process.connected) {
        worker.process._sendInternal({ act: 'relay', cid: id, op, data });
      }
    };
    socket.on('data', (chunk) => relay('data', chunk.toString('latin1')));
    socket.on('end', () => relay('end'));
    socket.on('error', () => {});
    socket.on('close', () => {
      relay('close');
      this.connections.delete(id);
    });
    worker.process._sendInternal({
      act: 'newconn', key: this.key, cid: id,
      localPort: socket.localPort, remotePort: socket.remotePort, remoteAddress: socket.remoteAddress,
    });
  }

  fromWorker(worker, message) {
    const connection = this.connections.get(message.cid);
    if (connection === undefined || connection.worker !== worker) return;
    const socket = connection.socket;
    if (message.op === 'data') socket.write(Buffer.from(message.data, 'latin1'));
    else if (message.op === 'end') socket.end();
    else if (message.op === 'close') {
      this.connections.delete(message.cid);
      socket.destroy();
    }
  }
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
      activePolicy = policy;
    }
    process.nextTick(() => cluster.emit('setup', cluster.settings));
  };
  cluster.setupMaster = cluster.setupPrimary;

  function remove(worker) {
    if (workers[worker.id] === worker) delete workers[worker.id];
  }

  const handles = new Map();  // key -> SharedHandle
  function onQueryServer(worker, message) {
    let handle = handles.get(message.key);
    if (handle === undefined) {
      handle = new SharedHandle(message, () => handles.delete(message.key));
      handles.set(message.key, handle);
    }
    handle.add(worker, (errno, port) => {
      worker.process._sendInternal({ act: 'queryServerReply', seq: message.seq, errno, port });
    });
  }
  function forEachHandle(fn) { for (const handle of [...handles.values()]) fn(handle); }

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
      } else if (message.act === 'queryServer') {
        onQueryServer(worker, message);
      } else if (message.act === 'serverClose') {
        const handle = handles.get(message.key);
        if (handle) handle.remove(worker);
      } else if (message.act === 'accepted') {
        const handle = handles.get(message.key);
        if (handle) handle.handoff(worker);
      } else if (message.act === 'relay') {
        forEachHandle((handle) => handle.fromWorker(worker, message));
      } else if (message.act === 'listening') {
        const address = { addressType: message.addressType, address: message.address, port: message.port };
        worker.state = 'listening';
        worker.emit('listening', address);
        cluster.emit('listening', worker, address);
      }
    });
    proc.once('disconnect', () => {
      forEachHandle((handle) => handle.remove(worker));
      if (worker.isDead()) remove(worker);
      worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
      worker.state = 'disconnected';
      worker.emit('disconnect');
      cluster.emit('disconnect', worker);
    });
    proc.once('exit', (code, signal) => {
      forEachHandle((handle) => handle.remove(worker));
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

// ---- the shared port, worker side ----
// listen() asks the primary for the port ('queryServer'); connections come
// as 'newconn' messages and their bytes as 'relay' messages, both ways.
class RelaySocket extends net.Socket {
  constructor(id, server) {
    super({ allowHalfOpen: server.allowHalfOpen });
    this._relayId = id;
    this._relayOpen = true;
  }
  _relay(op, data) {
    if (this._relayOpen && process.connected) process._sendInternal({ act: 'relay', cid: this._relayId, op, data });
  }
  _writev(chunks, cb) {
    for (const { chunk, encoding } of chunks) {
      const data = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      if (data.length === 0) continue;
      this._relay('data', data.toString('latin1'));
      this._bytesWritten += data.length;
    }
    cb();
  }
  _final(cb) {
    this._relay('end');
    cb();
  }
  _destroy(err, cb) {
    this._relay('close');
    this._relayOpen = false;
    if (this._onrelayclose) this._onrelayclose();
    super._destroy(err, cb);
  }
  address() {
    return { address: this.localAddress, family: this.remoteFamily, port: this.localPort };
  }
}

class SharedPorts {
  constructor() {
    this.nextSeq = 0;
    this.queries = new Map();  // seq -> callback(errno, port)
    this.servers = new Map();  // key -> server
    this.sockets = new Map();  // connection id -> RelaySocket
  }

  listen(server, address, port) {
    const key = `${address}:${port}`;
    const seq = ++this.nextSeq;
    this.queries.set(seq, (errno, boundPort) => {
      if (errno !== 0) {
        server.emit('error', listenError(errno, address, port));
        return;
      }
      this.servers.set(key, server);
      server._address = address;
      server.listening = true;
      server._shared = { port: boundPort, close: () => this.close(key) };
      process.nextTick(() => {
        server.emit('listening');
        this.reportListening(address, boundPort);
      });
    });
    process._sendInternal({ act: 'queryServer', seq, key, address, port, isHttp: !!server._isHttp });
  }

  // The primary's 'listening' (Node sends the address the worker asked for:
  // null without a host).
  reportListening(address, boundPort) {
    if (!process.connected) return;
    process._sendInternal({
      act: 'listening', address: address === '::' ? null : address,
      addressType: address.includes(':') && address !== '::' ? 6 : 4, port: boundPort,
    });
  }

  close(key) {
    this.servers.delete(key);
    if (process.connected) process._sendInternal({ act: 'serverClose', key });
  }

  onmessage(message) {
    if (message.act === 'queryServerReply') {
      const reply = this.queries.get(message.seq);
      this.queries.delete(message.seq);
      if (reply) reply(message.errno, message.port);
    } else if (message.act === 'newconn') {
      this.accept(message);
    } else if (message.act === 'relay') {
      const socket = this.sockets.get(message.cid);
      if (socket === undefined) return;
      if (message.op === 'data') socket.onread(Buffer.from(message.data, 'latin1'));
      else if (message.op === 'end') socket.onread(null);
      else if (message.op === 'close') { socket._relayOpen = false; socket.destroy(); }
    }
  }

  accept(message) {
    const server = this.servers.get(message.key);
    if (server === undefined || !server.listening) {
      process._sendInternal({ act: 'relay', cid: message.cid, op: 'close' });
      return;
    }
    const socket = new RelaySocket(message.cid, server);
    this.sockets.set(message.cid, socket);
    socket._onrelayclose = () => this.sockets.delete(message.cid);
    socket.server = server;
    socket._server = server;
    socket.localPort = message.localPort;
    socket.remotePort = message.remotePort;
    socket.localAddress = message.remoteAddress;
    socket.remoteAddress = message.remoteAddress;
    socket.remoteFamily = message.remoteAddress.includes(':') ? 'IPv6' : 'IPv4';
    server._connections++;
    process._sendInternal({ act: 'accepted', key: message.key, cid: message.cid });
    server.emit('connection', socket);
  }
}

// A bind the primary refused, as Node's worker reports it: "bind
// EADDRINUSE null:80" (the address the worker asked for, null without a host).
function listenError(errno, address, port) {
  const codes = { [-98]: 'EADDRINUSE', [-99]: 'EADDRNOTAVAIL' };
  const code = codes[errno] || 'EIO';
  const asked = address === '::' ? null : address;
  const err = new Error(`bind ${code} ${asked}:${port}`);
  err.errno = errno;
  err.code = code;
  err.syscall = 'bind';
  err.address = asked;
  err.port = port;
  return err;
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
  const shared = new SharedPorts();
  net.Server._sharedListen = (server, address, port) => shared.listen(server, address, port);
  process.on('internalMessage', (message) => {
    if (message.act === 'disconnect') worker.disconnect();
    else shared.onmessage(message);
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
    const Value net = p.modules->require(nullptr, "net");
    const std::string params[] = {"EventEmitter", "childProcess", "net"};
    const Value args[] = {create_events_module(isolate), child_process, net};
    return module_support::run_embedded_source(isolate, "node:cluster", kClusterSource, params, args);
}

}  // namespace looplab::node
