'use strict';
// A small incremental HTTP/1.1 parser (requests and responses) for
// engine/node/lib/http.js. Feed it bytes as they arrive; it calls
//   onHeaders({ method, url, versionMajor, versionMinor, statusCode,
//               statusMessage, rawHeaders, shouldKeepAlive, upgrade })
//   onBody(buffer), onComplete()
// and returns an Error for malformed input (Node's HPE_* codes).
// Bodies: Content-Length, chunked, or (responses only) until the end of
// the stream; requests without either have no body.

const kMaxHeaderBytes = 16 * 1024;  // Node's --max-http-header-size default

const State = { START: 0, HEADERS: 1, BODY_LENGTH: 2, CHUNK_SIZE: 3, CHUNK_DATA: 4, CHUNK_CRLF: 5,
  TRAILERS: 6, BODY_EOF: 7, DONE: 8 };

function parseError(code, reason) {
  const err = new Error(`Parse Error: ${reason}`);
  err.code = code;
  return err;
}

class HTTPParser {
  constructor(kind, handlers) {
    this.kind = kind;  // 'request' | 'response'
    this.handlers = handlers;
    this.buffer = Buffer.alloc(0);
    this.reset();
  }

  reset() {
    this.state = State.START;
    this.info = null;
    this.remaining = 0;
  }

  // The end of the stream: completes a body read until EOF.
  finish() {
    if (this.state === State.BODY_EOF) {
      this.state = State.DONE;
      this.handlers.onComplete();
    }
  }

  execute(chunk) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const progressed = this.step();
      if (progressed instanceof Error) return progressed;
      if (!progressed) return null;
    }
  }

  // One transition; false when more bytes are needed.
  step() {
    switch (this.state) {
      case State.START:
      case State.HEADERS: return this.readHead();
      case State.BODY_LENGTH: return this.readFixed();
      case State.CHUNK_SIZE: return this.readChunkSize();
      case State.CHUNK_DATA: return this.readChunkData();
      case State.CHUNK_CRLF: return this.readLine() !== null && this.enter(State.CHUNK_SIZE);
      case State.TRAILERS: return this.readTrailers();
      case State.BODY_EOF: return this.readUntilEof();
      case State.DONE:
        if (this.buffer.length === 0) return false;
        this.reset();
        return true;
      default: return false;
    }
  }

  enter(state) {
    this.state = state;
    return true;
  }

  readLine() {
    const at = this.buffer.indexOf('\r\n');
    if (at < 0) return null;
    const line = this.buffer.toString('latin1', 0, at);
    this.buffer = this.buffer.subarray(at + 2);
    return line;
  }

  readHead() {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) {
      if (this.buffer.length > kMaxHeaderBytes) return parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
      return false;
    }
    const lines = this.buffer.toString('latin1', 0, end).split('\r\n');
    this.buffer = this.buffer.subarray(end + 4);
    const info = this.kind === 'request' ? parseRequestLine(lines[0]) : parseStatusLine(lines[0]);
    if (info instanceof Error) return info;
    info.rawHeaders = [];
    for (let i = 1; i < lines.length; i++) {
      const colon = lines[i].indexOf(':');
      if (colon <= 0) return parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header value char');
      info.rawHeaders.push(lines[i].slice(0, colon).trim(), lines[i].slice(colon + 1).trim());
    }
    this.info = info;
    return this.startBody(info);
  }

  startBody(info) {
    const length = headerValue(info.rawHeaders, 'content-length');
    const encoding = (headerValue(info.rawHeaders, 'transfer-encoding') || '').toLowerCase();
    const connection = (headerValue(info.rawHeaders, 'connection') || '').toLowerCase();
    const http11 = info.versionMajor === 1 && info.versionMinor === 1;
    info.shouldKeepAlive = http11 ? connection !== 'close' : connection === 'keep-alive';
    info.upgrade = false;
    this.handlers.onHeaders(info);
    const bodiless = this.kind === 'response' &&
      (info.statusCode === 204 || info.statusCode === 304 || (info.statusCode >= 100 && info.statusCode < 200) ||
       this.headRequest);
    if (bodiless) return this.complete();
    if (encoding.includes('chunked')) return this.enter(State.CHUNK_SIZE);
    if (length !== undefined) {
      this.remaining = Number(length);
      if (!Number.isInteger(this.remaining) || this.remaining < 0) {
        return parseError('HPE_INVALID_CONTENT_LENGTH', 'Invalid character in Content-Length');
      }
      return this.remaining === 0 ? this.complete() : this.enter(State.BODY_LENGTH);
    }
    if (this.kind === 'request') return this.complete();
    info.shouldKeepAlive = false;
    return this.enter(State.BODY_EOF);
  }

  complete() {
    this.state = State.DONE;
    this.handlers.onComplete();
    return true;
  }

  // Hands up to `remaining` buffered body bytes to onBody; true when the
  // body (or the chunk) is complete.
  takeBody() {
    const take = Math.min(this.remaining, this.buffer.length);
    const body = this.buffer.subarray(0, take);
    this.buffer = this.buffer.subarray(take);
    this.remaining -= take;
    this.handlers.onBody(body);
    return this.remaining === 0;
  }

  readFixed() {
    if (this.buffer.length === 0) return false;
    return this.takeBody() ? this.complete() : true;
  }

  readChunkSize() {
    const line = this.readLine();
    if (line === null) return false;
    const size = parseInt(line.split(';')[0], 16);
    if (Number.isNaN(size)) return parseError('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
    if (size === 0) return this.enter(State.TRAILERS);
    this.remaining = size;
    return this.enter(State.CHUNK_DATA);
  }

  readChunkData() {
    if (this.buffer.length === 0) return false;
    return this.takeBody() ? this.enter(State.CHUNK_CRLF) : true;
  }

  readTrailers() {
    const line = this.readLine();
    if (line === null) return false;
    return line === '' ? this.complete() : true;
  }

  readUntilEof() {
    if (this.buffer.length === 0) return false;
    const body = this.buffer;
    this.buffer = Buffer.alloc(0);
    this.handlers.onBody(body);
    return true;
  }
}

function parseVersion(text) {
  const m = /^HTTP\/(\d)\.(\d)$/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function parseRequestLine(line) {
  const parts = line.split(' ');
  const version = parts.length === 3 ? parseVersion(parts[2]) : null;
  if (!version || !/^[A-Z]+$/.test(parts[0])) return parseError('HPE_INVALID_METHOD', 'Invalid method encountered');
  return { method: parts[0], url: parts[1], versionMajor: version[0], versionMinor: version[1] };
}

function parseStatusLine(line) {
  const m = /^(HTTP\/\d\.\d) (\d{3})(?: (.*))?$/.exec(line);
  const version = m ? parseVersion(m[1]) : null;
  if (!version) return parseError('HPE_INVALID_CONSTANT', 'Expected HTTP/');
  return { statusCode: Number(m[2]), statusMessage: m[3] || '', versionMajor: version[0], versionMinor: version[1] };
}

function headerValue(rawHeaders, lowerName) {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() === lowerName) return rawHeaders[i + 1];
  }
  return undefined;
}

module.exports = { HTTPParser };
