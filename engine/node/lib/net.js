'use strict';
// net: TCP servers and sockets over looplab's simulated loopback
// (engine/sim/network.h, docs/io.md). A Socket is a stream.Duplex over an
// endpoint id of the native binding (engine/node/binding_tcp*.cpp); the
// binding calls back onconnection / onconnect / onread from the poll phase
// and runs close callbacks in the close-callbacks phase, as libuv does.

const EventEmitter = require('events');
const { Duplex } = require('stream');
const { makeError } = require('internal/errors');

// ---- addresses ----

const kIPv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const kIPv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|(([0-9a-fA-F]{1,4}:){0,7}[0-9a-fA-F]{0,4})?::(([0-9a-fA-F]{1,4}:){0,7}[0-9a-fA-F]{0,4})?|::ffff:(\d{1,3}\.){3}\d{1,3})$/;

function isIPv4(s) { return typeof s === 'string' && kIPv4.test(s); }
function isIPv6(s) { return typeof s === 'string' && s.includes(':') && kIPv6.test(s); }
function isIP(s) { return isIPv4(s) ? 4 : isIPv6(s) ? 6 : 0; }

// Every loopback and wildcard address is this machine; anything else has
// no listener on the simulated network.
function isLocal(address) {
  return address === '::' || address === '::1' || address === '0.0.0.0' ||
    address === '::ffff:127.0.0.1' || (isIPv4(address) && address.startsWith('127.'));
}

// The address an accepted socket sees on a listener bound to `bound`.
function acceptedAddress(bound) {
  if (bound === '::') return '::ffff:127.0.0.1';
  if (bound === '0.0.0.0') return '127.0.0.1';
  return bound;
}

function familyOf(address) { return isIPv6(address) ? 'IPv6' : 'IPv4'; }

// Host names go through dns.lookup (the thread pool), as in Node; IP
// literals are answered on the next tick.
function resolve(host, callback) {
  if (isIP(host)) {
    process.nextTick(callback, null, host);
    return;
  }
  require('dns').lookup(host, (err, address) => callback(err, address));
}

// The libuv errors this module reports: errno -> [code, description].
const kUvErrors = {
  [-9]: ['EBADF', 'bad file descriptor'],
  [-32]: ['EPIPE', 'broken pipe'],
  [-98]: ['EADDRINUSE', 'address already in use'],
  [-99]: ['EADDRNOTAVAIL', 'address not available'],
  [-111]: ['ECONNREFUSED', 'connection refused'],
};
const kEaddrnotavail = -99;

// Node's exceptionWithHostPort ("connect ECONNREFUSED 127.0.0.1:80": errno
// first) and uvExceptionWithHostPort ("listen EADDRINUSE: address already
// in use :::80": code first).
function errorWithHostPort(errno, syscall, address, port, withDescription) {
  const [code, description] = kUvErrors[errno] || ['EIO', 'i/o error'];
  const where = port > 0 ? `${address}:${port}` : address;
  const err = new Error(withDescription ? `${syscall} ${code}: ${description} ${where}` : `${syscall} ${code} ${where}`);
  if (withDescription) {
    err.code = code;
    err.errno = errno;
  } else {
    err.errno = errno;
    err.code = code;
  }
  err.syscall = syscall;
  err.address = address;
  if (port > 0) err.port = port;
  return err;
}

function validatePort(port, name = 'Port') {
  const n = typeof port === 'string' && port.trim() !== '' ? Number(port) : port;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 65535) {
    const err = new RangeError(`${name} should be >= 0 and < 65536. Received ${binding.receivedText(port)}.`);
    err.code = 'ERR_SOCKET_BAD_PORT';
    throw err;
  }
  return n;
}

// ---- Socket ----

class Socket extends Duplex {
  constructor(options = {}) {
    super({
      allowHalfOpen: !!options.allowHalfOpen,
      emitClose: false,
      autoDestroy: true,
      decodeStrings: false,
    });
    this.connecting = false;
    this._id = 0;
    this._refed = true;
    this._hadError = false;
    this.server = null;
    this._server = null;
    this.remoteAddress = undefined;
    this.remotePort = undefined;
    this.remoteFamily = undefined;
    this.localAddress = undefined;
    this.localPort = undefined;
    this.bytesRead = 0;
    this._bytesWritten = 0;
    if (options.handle) this._attach(options.handle);
  }

  get bytesWritten() { return this._bytesWritten; }
  get pending() { return this._id === 0 || this.connecting; }
  get readyState() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable) return 'readOnly';
    if (this.writable) return 'writeOnly';
    return 'closed';
  }

  // An endpoint id from the binding (accepted, or connected by us).
  _attach(id) {
    this._id = id;
    binding.tcpAdopt(id, this);
    if (!this._refed) binding.tcpRef(id, false, false);
  }

  _setPorts() {
    const [local, remote] = binding.tcpPorts(this._id);
    this.localPort = local;
    this.remotePort = remote;
  }

  connect(...args) {
    const [options, cb] = normalizeConnectArgs(args);
    if (typeof cb === 'function') this.once('connect', cb);
    const port = validatePort(options.port);
    const host = options.host || 'localhost';
    this.connecting = true;
    resolve(host, (err, address) => {
      if (this.destroyed) return;
      if (err) {
        this.connecting = false;
        this.destroy(err);
        return;
      }
      this._connectTo(address, port);
    });
    return this;
  }

  _connectTo(address, port) {
    this.remoteAddress = address;
    this.remoteFamily = familyOf(address);
    this.localAddress = address;
    this._pendingPort = port;
    // A non-loopback address has no listener in the simulation: refused.
    const id = isLocal(address) ? binding.tcpConnect(this, port) : binding.tcpConnect(this, 0);
    if (id !== 0) {
      this._id = id;
      if (!this._refed) binding.tcpRef(id, false, false);
    }
  }

  // From the binding, in the poll phase.
  onconnect(status) {
    if (this.destroyed) return;
    this.connecting = false;
    if (status !== 0) {
      this.destroy(errorWithHostPort(status, 'connect', this.remoteAddress, this._pendingPort, false));
      return;
    }
    binding.tcpAdopt(this._id, this);
    this._setPorts();
    this.emit('connect');
    this.emit('ready');
    if (this._pendingWrite) {
      const pending = this._pendingWrite;
      this._pendingWrite = null;
      this._writev(pending.chunks, pending.cb);
    }
    if (this._pendingFinal) {
      const cb = this._pendingFinal;
      this._pendingFinal = null;
      this._final(cb);
    }
  }

  // From the binding: a chunk (a Buffer), or null at the end of the stream.
  onread(chunk) {
    if (this.destroyed) return;
    if (chunk === null) {
      // The end of the stream; a Duplex that is not half-open then ends
      // its writable side too (internal/streams/readable).
      this.push(null);
      // 'end' even when nobody reads: with an empty buffer read(0) ends it.
      this.read(0);
      return;
    }
    this.bytesRead += chunk.length;
    this.push(chunk);
  }

  _read() {}

  _write(chunk, encoding, cb) {
    this._writev([{ chunk, encoding }], cb);
  }

  _writev(chunks, cb) {
    if (this.connecting || this._id === 0) {
      this._pendingWrite = { chunks, cb };
      return;
    }
    for (const { chunk, encoding } of chunks) {
      const data = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      if (data.length === 0) continue;
      const status = binding.tcpWrite(this._id, data);
      if (status !== 0) {
        cb(errorWithHostPort(status, 'write', '', 0, false));
        return;
      }
      this._bytesWritten += data.length;
    }
    cb();
  }

  _final(cb) {
    if (this.connecting || this._id === 0) {
      this._pendingFinal = cb;
      return;
    }
    const status = binding.tcpShutdown(this._id, () => cb());
    if (status !== 0) cb();
  }

  _destroy(err, cb) {
    this.connecting = false;
    const hadError = !!err;
    if (this._id !== 0) {
      const id = this._id;
      this._id = 0;
      // 'close' comes from the handle's close callback (close phase).
      binding.tcpClose(id, () => this.emit('close', hadError));
      cb(err);
    } else {
      cb(err);
      process.nextTick(() => this.emit('close', hadError));
    }
    // The server counts the connection gone when it is destroyed, not
    // when its handle's close callback runs.
    if (this._server) this._server._connectionClosed();
  }

  address() {
    if (this.localPort === undefined) return {};
    return { address: this.localAddress, family: familyOf(this.localAddress), port: this.localPort };
  }

  ref() {
    this._refed = true;
    if (this._id !== 0) binding.tcpRef(this._id, false, true);
    return this;
  }

  unref() {
    this._refed = false;
    if (this._id !== 0) binding.tcpRef(this._id, false, false);
    return this;
  }

  resetAndDestroy() { return this.destroy(); }
  setTimeout(ms, cb) { if (typeof cb === 'function') this.once('timeout', cb); return this; }
  setNoDelay() { return this; }
  setKeepAlive() { return this; }
}

function normalizeConnectArgs(args) {
  let options = {};
  if (args[0] !== null && typeof args[0] === 'object') options = { ...args[0] };
  else {
    options.port = args[0];
    if (typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : undefined];
}

function connect(...args) {
  const [options] = normalizeConnectArgs(args);
  const socket = new Socket(options);
  return socket.connect(...args);
}

// ---- Server ----

class Server extends EventEmitter {
  constructor(options, connectionListener) {
    super();
    if (typeof options === 'function') {
      connectionListener = options;
      options = {};
    }
    options = options || {};
    if (typeof connectionListener === 'function') this.on('connection', connectionListener);
    this.allowHalfOpen = !!options.allowHalfOpen;
    this._id = 0;
    this._address = null;
    this._connections = 0;
    this._refed = true;
    this._isHttp = false;
    this.listening = false;
  }

  listen(...args) {
    let options = {};
    const cb = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    if (args[0] !== null && typeof args[0] === 'object') options = args[0];
    else {
      options.port = args[0];
      if (typeof args[1] === 'string') options.host = args[1];
    }
    const port = options.port === undefined || options.port === null ? 0 : validatePort(options.port, 'options.port');
    if (cb) this.once('listening', cb);
    if (options.host === undefined || options.host === null) {
      this._bind('::', port);
      return this;
    }
    resolve(options.host, (err, address) => {
      if (err) this.emit('error', err);
      else this._bind(address, port);
    });
    return this;
  }

  _bind(address, port) {
    // In a cluster worker the primary binds the port (module_cluster.cpp).
    if (Server._sharedListen && isLocal(address)) {
      Server._sharedListen(this, address, port);
      return;
    }
    // Only this machine's addresses can be bound in the simulation.
    const result = isLocal(address) ? binding.tcpListen(this, port, this._isHttp) : kEaddrnotavail;
    if (result < 0) {
      const err = errorWithHostPort(result, 'listen', address, port, true);
      process.nextTick(() => this.emit('error', err));
      return;
    }
    this._id = result;
    this._address = address;
    this.listening = true;
    if (!this._refed) binding.tcpRef(this._id, true, false);
    process.nextTick(() => this.emit('listening'));
  }

  // From the binding, in the poll phase: a connection to accept.
  onconnection(id) {
    const socket = new Socket({ handle: id, allowHalfOpen: this.allowHalfOpen });
    socket.server = this;
    socket._server = this;
    socket._setPorts();
    socket.localAddress = acceptedAddress(this._address);
    socket.remoteAddress = socket.localAddress;
    socket.remoteFamily = familyOf(socket.remoteAddress);
    this._connections++;
    this.emit('connection', socket);
  }

  _connectionClosed() {
    this._connections--;
    this._emitCloseIfDrained();
  }

  _emitCloseIfDrained() {
    if (this._id !== 0 || this._connections > 0 || !this._closing) return;
    this._closing = false;
    process.nextTick(() => this.emit('close'));
  }

  address() {
    if (!this.listening) return null;
    const port = this._shared ? this._shared.port : binding.tcpListenerPort(this._id);
    return { address: this._address, family: familyOf(this._address), port };
  }

  close(cb) {
    if (typeof cb === 'function') {
      if (!this.listening) {
        this.once('close', () => cb(makeServerNotRunning()));
      } else {
        this.once('close', cb);
      }
    }
    if (this.listening && this._shared) {
      this._shared.close();
      this._shared = null;
      this.listening = false;
    } else if (this.listening) {
      binding.tcpCloseListener(this._id, undefined);
      this._id = 0;
      this.listening = false;
    }
    this._closing = true;
    this._emitCloseIfDrained();
    return this;
  }

  getConnections(cb) {
    process.nextTick(cb, null, this._connections);
    return this;
  }

  ref() {
    this._refed = true;
    if (this._id !== 0) binding.tcpRef(this._id, true, true);
    return this;
  }

  unref() {
    this._refed = false;
    if (this._id !== 0) binding.tcpRef(this._id, true, false);
    return this;
  }
}

function makeServerNotRunning() {
  return binding.makeNodeError('Error', 'ERR_SERVER_NOT_RUNNING', 'Server is not running.');
}

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

module.exports = {
  Server,
  Socket,
  Stream: Socket,
  createServer,
  connect,
  createConnection: connect,
  isIP,
  isIPv4,
  isIPv6,
};
