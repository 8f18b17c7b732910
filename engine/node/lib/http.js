'use strict';
// http: HTTP/1.1 servers and clients over net sockets on looplab's
// simulated loopback (docs/io.md). Real HTTP/1.1 bytes travel over the
// simulated pipes and are read back by internal/http_parser.
//
// The client sends `Connection: keep-alive` as Node 20's global agent does;
// a socket whose response has ended waits, unref'ed, for the next request
// to the same host and port. The server keeps a keep-alive connection
// open for the next request, and server.close() closes idle connections
// (Node >= 19).

const net = require('net');
const { Readable } = require('stream');
const { Stream } = require('internal/streams/legacy');
const { HTTPParser } = require('internal/http_parser');
const { makeError } = require('internal/errors');

const STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
  205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large',
  414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed',
  418: "I'm a Teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked',
  424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended',
  511: 'Network Authentication Required',
};

const METHODS = [
  'ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE',
  'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH',
  'PURGE', 'PUT', 'QUERY', 'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK',
  'UNLOCK', 'UNSUBSCRIBE',
];

const kKeepAliveTimeout = 5000;

// ---- IncomingMessage ----

class IncomingMessage extends Readable {
  constructor(socket) {
    super();
    this.socket = socket;
    this.httpVersionMajor = 1;
    this.httpVersionMinor = 1;
    this.httpVersion = '1.1';
    this.complete = false;
    this.rawHeaders = [];
    this.rawTrailers = [];
    this.headers = {};
    this.trailers = {};
    this.aborted = false;
    this.upgrade = false;
    this.url = '';
    this.method = null;
    this.statusCode = null;
    this.statusMessage = null;
  }

  get connection() { return this.socket; }

  _read() {
    if (this.socket && this.socket.isPaused && this.socket.isPaused()) this.socket.resume();
  }

  _fill(info) {
    this.httpVersionMajor = info.versionMajor;
    this.httpVersionMinor = info.versionMinor;
    this.httpVersion = `${info.versionMajor}.${info.versionMinor}`;
    this.rawHeaders = info.rawHeaders;
    this.headers = joinHeaders(info.rawHeaders);
    if (info.method !== undefined) {
      this.method = info.method;
      this.url = info.url;
    } else {
      this.statusCode = info.statusCode;
      this.statusMessage = info.statusMessage;
    }
  }

  setTimeout(ms, cb) {
    if (this.socket) this.socket.setTimeout(ms, cb);
    return this;
  }
}

// Node's rules for repeated headers: set-cookie is an array, a few keep
// their first value, the rest join with ', '.
const kFirstWins = new Set(['content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization',
  'proxy-authorization', 'if-modified-since', 'if-unmodified-since', 'from', 'location', 'max-forwards',
  'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires']);

function joinHeaders(raw) {
  const headers = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    const value = raw[i + 1];
    if (name === 'set-cookie') (headers[name] = headers[name] || []).push(value);
    else if (headers[name] === undefined) headers[name] = value;
    else if (!kFirstWins.has(name)) headers[name] += (name === 'cookie' ? '; ' : ', ') + value;
  }
  return headers;
}

// ---- OutgoingMessage: what ServerResponse and ClientRequest share ----

class OutgoingMessage extends Stream {
  constructor() {
    super();
    this._headers = new Map();  // lower-case name -> [name, value]
    this._header = null;        // the head's text once it is fixed
    this._headerSent = false;
    this._chunked = false;
    this._hasBody = true;
    this._pending = [];         // bytes written before the socket was ready
    this.finished = false;
    this.writableEnded = false;
    this.writableFinished = false;
    this.socket = null;
    this.sendDate = false;
    this.shouldKeepAlive = true;
  }

  get connection() { return this.socket; }
  get headersSent() { return this._header !== null; }

  setHeader(name, value) {
    if (this._header !== null) {
      throw makeHeadersSent('set');
    }
    validateHeaderName(name);
    if (value === undefined) {
      throw binding.makeNodeError('TypeError', 'ERR_HTTP_INVALID_HEADER_VALUE',
        `Invalid value "undefined" for header "${name}"`);
    }
    this._headers.set(String(name).toLowerCase(), [String(name), value]);
    return this;
  }

  getHeader(name) {
    const entry = this._headers.get(String(name).toLowerCase());
    return entry === undefined ? undefined : entry[1];
  }

  getHeaders() {
    const out = Object.create(null);
    for (const [key, [, value]] of this._headers) out[key] = value;
    return out;
  }

  getHeaderNames() { return [...this._headers.keys()]; }
  hasHeader(name) { return this._headers.has(String(name).toLowerCase()); }

  removeHeader(name) {
    if (this._header !== null) throw makeHeadersSent('remove');
    this._headers.delete(String(name).toLowerCase());
  }

  // The head: the first line, the user's headers in insertion order, then
  // what Node adds (Date, Connection, Keep-Alive, length or chunking).
  _storeHeader(firstLine, bodyLength) {
    let head = firstLine;
    const has = (n) => this._headers.has(n);
    for (const [, [name, value]] of this._headers) {
      if (Array.isArray(value)) for (const v of value) head += `${name}: ${v}\r\n`;
      else head += `${name}: ${value}\r\n`;
    }
    head += this._extraHeaders(has);
    if (has('connection')) {
      this.shouldKeepAlive = !/close/i.test(String(this.getHeader('connection')));
    } else if (this.shouldKeepAlive) {
      head += 'Connection: keep-alive\r\n';
      if (this._keepAliveHint) head += `Keep-Alive: timeout=${kKeepAliveTimeout / 1000}\r\n`;
    } else {
      head += 'Connection: close\r\n';
    }
    if (!this._hasBody) {
      // no framing headers
    } else if (has('content-length')) {
      this._chunked = false;
    } else if (has('transfer-encoding')) {
      this._chunked = /chunked/i.test(String(this.getHeader('transfer-encoding')));
    } else if (bodyLength !== undefined) {
      head += `Content-Length: ${bodyLength}\r\n`;
    } else if (this._useChunkedByDefault) {
      head += 'Transfer-Encoding: chunked\r\n';
      this._chunked = true;
    } else {
      this.shouldKeepAlive = false;
    }
    this._header = head + '\r\n';
  }

  _extraHeaders() { return ''; }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (this.writableEnded) {
      const err = makeError('ERR_STREAM_WRITE_AFTER_END');
      process.nextTick(() => {
        if (typeof cb === 'function') cb(err);
        this.emit('error', err);
      });
      return false;
    }
    validateChunk(chunk);
    if (this._header === null) this._implicitHeader();
    this._writeBody(chunk, encoding, cb);
    return true;
  }

  _writeBody(chunk, encoding, cb) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, encoding || 'utf8') : chunk;
    if (!this._hasBody || data.length === 0) {
      if (typeof cb === 'function') process.nextTick(cb);
      return;
    }
    if (this._chunked) {
      this._send(`${data.length.toString(16)}\r\n`);
      this._send(data);
      this._send('\r\n', cb);
    } else {
      this._send(data, cb);
    }
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = undefined;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (this.writableEnded) {
      if (typeof cb === 'function') process.nextTick(cb);
      return this;
    }
    if (chunk !== undefined && chunk !== null) validateChunk(chunk);
    if (this._header === null) {
      const data = chunk === undefined || chunk === null ? Buffer.alloc(0)
        : typeof chunk === 'string' ? Buffer.from(chunk, encoding || 'utf8') : chunk;
      this._contentLength = data.length;
      this._implicitHeader();
      chunk = data;
    }
    if (chunk !== undefined && chunk !== null) this._writeBody(chunk, encoding);
    if (this._chunked && this._hasBody) this._send('0\r\n\r\n');
    this.writableEnded = true;
    this.finished = true;
    if (typeof cb === 'function') this.once('finish', cb);
    this._send('', () => this._onFinish());
    return this;
  }

  _onFinish() {
    this.writableFinished = true;
    this.emit('finish');
  }

  // Bytes to the socket once there is one (in order); the callback runs
  // when the socket took them.
  _send(data, cb) {
    if (this._header !== null && !this._headerSent && this.socket) {
      this._headerSent = true;
      this.socket.write(this._header);
    }
    if (!this.socket) {
      this._pending.push([data, cb]);
      return;
    }
    if (data.length > 0) this.socket.write(data, cb);
    else if (typeof cb === 'function') this.socket.write('', cb);
  }

  _flushPending() {
    if (this._header !== null && !this._headerSent) {
      this._headerSent = true;
      this.socket.write(this._header);
    }
    const pending = this._pending;
    this._pending = [];
    for (const [data, cb] of pending) this._send(data, cb);
  }

  setTimeout(ms, cb) {
    if (this.socket) this.socket.setTimeout(ms, cb);
    else if (typeof cb === 'function') this.once('timeout', cb);
    return this;
  }

  flushHeaders() {
    if (this._header === null) this._implicitHeader();
    this._send('');
  }
}

function makeHeadersSent(action) {
  return binding.makeNodeError('Error', 'ERR_HTTP_HEADERS_SENT',
    `Cannot ${action} headers after they are sent to the client`);
}

function validateHeaderName(name) {
  if (typeof name !== 'string' || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) {
    throw binding.makeNodeError('TypeError', 'ERR_INVALID_HTTP_TOKEN',
      `Header name must be a valid HTTP token ["${name}"]`);
  }
}

function validateChunk(chunk) {
  if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    throw makeError('ERR_INVALID_ARG_TYPE', 'chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
  }
}

// ---- ServerResponse ----

class ServerResponse extends OutgoingMessage {
  constructor(req) {
    super();
    this.req = req;
    this.statusCode = 200;
    this.statusMessage = undefined;
    this.sendDate = true;
    this._keepAliveHint = true;
    this.shouldKeepAlive = req._keepAlive;
    this._useChunkedByDefault = true;
    if (req.method === 'HEAD') this._hasBody = false;
  }

  writeHead(statusCode, reason, headers) {
    if (this._header !== null) throw makeHeadersSent('write');
    if (typeof reason !== 'string') {
      headers = reason;
      reason = undefined;
    }
    this.statusCode = statusCode;
    if (reason !== undefined) this.statusMessage = reason;
    if (Array.isArray(headers)) {
      for (let i = 0; i < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
    } else if (headers) {
      for (const name of Object.keys(headers)) this.setHeader(name, headers[name]);
    }
    this._implicitHeader();
    return this;
  }

  _implicitHeader() {
    const code = this.statusCode;
    if (code === 204 || code === 304 || (code >= 100 && code < 200)) this._hasBody = false;
    const message = this.statusMessage === undefined ? STATUS_CODES[code] || 'unknown' : this.statusMessage;
    this.statusMessage = message;
    const length = this._hasBody ? this._contentLength : undefined;
    this._storeHeader(`HTTP/1.1 ${code} ${message}\r\n`, length);
  }

  _extraHeaders(has) {
    return this.sendDate && !has('date') ? `Date: ${new Date().toUTCString()}\r\n` : '';
  }
}

// ---- Server ----

class Server extends net.Server {
  constructor(options, requestListener) {
    if (typeof options === 'function') {
      requestListener = options;
      options = {};
    }
    super({ allowHalfOpen: true });
    this._isHttp = true;
    this.keepAliveTimeout = kKeepAliveTimeout;
    this.timeout = 0;
    this._httpConnections = new Set();
    if (typeof requestListener === 'function') this.on('request', requestListener);
    this.on('connection', (socket) => attachServerConnection(this, socket));
  }

  close(cb) {
    this.closeIdleConnections();
    return super.close(cb);
  }

  closeIdleConnections() {
    for (const conn of this._httpConnections) {
      if (conn.idle) conn.socket.destroy();
    }
  }

  closeAllConnections() {
    for (const conn of this._httpConnections) conn.socket.destroy();
  }

  setTimeout(ms, cb) {
    this.timeout = ms;
    if (typeof cb === 'function') this.on('timeout', cb);
    return this;
  }
}

// One server connection: requests are parsed and answered one at a time.
function attachServerConnection(server, socket) {
  const conn = { socket, idle: true, queue: [], current: null };
  server._httpConnections.add(conn);
  let req = null;
  const parser = new HTTPParser('request', {
    onHeaders(info) {
      req = new IncomingMessage(socket);
      req._fill(info);
      req._keepAlive = info.shouldKeepAlive && server.listening;
      conn.idle = false;
      const res = new ServerResponse(req);
      conn.queue.push(res);
      if (conn.current === null) startResponse(server, conn);
      server.emit('request', req, res);
    },
    onBody(chunk) { req.push(chunk); },
    onComplete() {
      req.complete = true;
      req.push(null);
    },
  });
  socket.on('data', (chunk) => {
    const err = parser.execute(chunk);
    if (err) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      server.emit('clientError', err, socket);
    }
  });
  socket.on('end', () => {
    if (req && !req.complete) req.destroy();
    socket.end();
  });
  socket.on('close', () => {
    server._httpConnections.delete(conn);
    for (const res of conn.queue) res.emit('close');
    if (req && req.complete) req.emit('close');
  });
  socket.on('error', (err) => server.emit('clientError', err, socket));
}

function startResponse(server, conn) {
  const res = conn.queue[0];
  conn.current = res;
  res.socket = conn.socket;
  res.once('finish', () => {
    conn.queue.shift();
    conn.current = null;
    res.emit('close');
    res.req.emit('close');
    if (!res.shouldKeepAlive || !server.listening) {
      conn.socket.end();
      return;
    }
    if (conn.queue.length > 0) startResponse(server, conn);
    else conn.idle = true;
  });
  res._flushPending();
}

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

// ---- ClientRequest ----

// Node's global agent keeps sockets alive; this one keeps one free socket
// list per host:port and never holds more than it was given.
class Agent {
  constructor(options = {}) {
    this.keepAlive = options.keepAlive !== false;
    this.freeSockets = {};
  }

  _take(key) {
    const list = this.freeSockets[key];
    if (!list || list.length === 0) return null;
    const socket = list.shift();
    if (list.length === 0) delete this.freeSockets[key];
    socket.removeListener('close', socket._onFreeClose);
    socket.ref();
    return socket;
  }

  _release(key, socket) {
    if (!this.keepAlive || socket.destroyed) {
      socket.destroy();
      return;
    }
    (this.freeSockets[key] = this.freeSockets[key] || []).push(socket);
    socket.unref();
    socket._onFreeClose = () => {
      const list = this.freeSockets[key] || [];
      const i = list.indexOf(socket);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) delete this.freeSockets[key];
    };
    socket.once('close', socket._onFreeClose);
  }

  destroy() {
    for (const key of Object.keys(this.freeSockets)) {
      for (const socket of this.freeSockets[key]) socket.destroy();
    }
    this.freeSockets = {};
  }
}

const globalAgent = new Agent({ keepAlive: true });

class ClientRequest extends OutgoingMessage {
  constructor(input, options, cb) {
    super();
    const opts = normalizeRequestOptions(input, options, cb);
    cb = opts.cb;
    this.method = (opts.method || 'GET').toUpperCase();
    this.host = opts.hostname || opts.host || 'localhost';
    this.port = Number(opts.port || 80);
    this.path = opts.path || '/';
    this.protocol = 'http:';
    this.agent = opts.agent === false ? new Agent({ keepAlive: false }) : opts.agent || globalAgent;
    this.shouldKeepAlive = this.agent.keepAlive;
    this.res = null;
    this.aborted = false;
    this.reusedSocket = false;
    this._useChunkedByDefault = !['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'].includes(this.method);
    if (opts.headers) {
      const list = Array.isArray(opts.headers) ? opts.headers : Object.entries(opts.headers).flat();
      for (let i = 0; i < list.length; i += 2) this.setHeader(list[i], list[i + 1]);
    }
    if (!this.hasHeader('host')) this.setHeader('Host', this.port === 80 ? this.host : `${this.host}:${this.port}`);
    if (typeof cb === 'function') this.once('response', cb);
    process.nextTick(() => this._assignSocket());
  }

  _implicitHeader() {
    if (!this._useChunkedByDefault && this._contentLength === 0) this._contentLength = undefined;
    this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this._contentLength);
  }

  _assignSocket() {
    if (this.destroyed) return;
    const key = `${this.host}:${this.port}:`;
    const reused = this.agent._take(key);
    const socket = reused || net.connect(this.port, this.host);
    this.reusedSocket = !!reused;
    this.socket = socket;
    this.emit('socket', socket);
    attachClientConnection(this, socket, key);
    this._flushPending();
  }

  abort() { this.destroy(); }

  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (this.socket) this.socket.destroy(err);
    else process.nextTick(() => {
      if (err) this.emit('error', err);
      this.emit('close');
    });
    return this;
  }
}

function attachClientConnection(req, socket, key) {
  let res = null;
  const parser = new HTTPParser('response', {
    onHeaders(info) {
      res = new IncomingMessage(socket);
      res._fill(info);
      res.req = req;
      req.res = res;
      req._responseKeepAlive = info.shouldKeepAlive;
      // Nobody listened (emit returns false): drain the body so the socket
      // can be reused. A once() listener is gone by now, so ask emit.
      if (!req.emit('response', res)) res.resume();
    },
    onBody(chunk) { res.push(chunk); },
    onComplete() {
      res.complete = true;
      res.push(null);
      detach();
      // The request closes on the tick after the response's 'end' (its
      // socket is free then); the response's own 'close' follows from
      // autoDestroy, queued after that.
      res.once('end', () => process.nextTick(() => req.emit('close')));
      if (req.shouldKeepAlive && req._responseKeepAlive) req.agent._release(key, socket);
      else socket.destroy();
    },
  });
  parser.headRequest = req.method === 'HEAD';
  const onData = (chunk) => {
    const err = parser.execute(chunk);
    if (err) socket.destroy(err);
  };
  const onEnd = () => parser.finish();
  const onError = (err) => {
    if (res === null) req.emit('error', err);
    else res.destroy(err);
  };
  const onClose = () => {
    if (res === null) {
      if (!req.destroyed && !socket._hadErrorReported) {
        req.emit('error', connResetError());
      }
      req.emit('close');
    } else if (!res.complete) {
      res.destroy(connResetError('aborted'));
    }
  };
  function detach() {
    socket.removeListener('data', onData);
    socket.removeListener('end', onEnd);
    socket.removeListener('error', onError);
    socket.removeListener('close', onClose);
  }
  socket.on('data', onData);
  socket.on('end', onEnd);
  socket.on('error', (err) => {
    socket._hadErrorReported = true;
    onError(err);
  });
  socket.on('close', onClose);
}

function connResetError(message = 'socket hang up') {
  const err = new Error(message);
  err.code = 'ECONNRESET';
  return err;
}

function normalizeRequestOptions(input, options, cb) {
  let opts = {};
  if (typeof input === 'string' || input instanceof URL) {
    const url = typeof input === 'string' ? new URL(input) : input;
    opts = { protocol: url.protocol, hostname: url.hostname, port: url.port, path: url.pathname + url.search };
    if (url.protocol !== 'http:') {
      throw binding.makeNodeError('TypeError', 'ERR_INVALID_PROTOCOL',
        `Protocol "${url.protocol}" not supported. Expected "http:"`);
    }
  } else if (input && typeof input === 'object') {
    opts = { ...input };
  } else if (typeof input === 'function') {
    cb = input;
  }
  if (typeof options === 'function') cb = options;
  else if (options && typeof options === 'object') opts = { ...opts, ...options };
  opts.cb = cb;
  return opts;
}

function request(input, options, cb) {
  return new ClientRequest(input, options, cb);
}

function get(input, options, cb) {
  const req = request(input, options, cb);
  req.end();
  return req;
}

module.exports = {
  METHODS,
  STATUS_CODES,
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  request,
  get,
  globalAgent,
  maxHeaderSize: 16384,
};
