'use strict';
// fs.ReadStream and fs.WriteStream: streams over a file descriptor. The
// file is opened in _construct (one fs.open request), read in chunks of
// highWaterMark bytes (one fs.read request each, 64 KiB by default) or
// written one fs.write request per chunk, and closed by destroy (one
// fs.close request) before 'close' is emitted.

const { Readable, Writable, finished } = require('stream');
const fs = require('fs');
const { errorOrDestroy } = require('internal/streams/destroy');
const { makeError } = require('internal/errors');

const kIoDone = Symbol('kIoDone');
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kDefaultReadHighWaterMark = 64 * 1024;

function copyOptions(options) {
  if (options == null) return {};
  if (typeof options === 'string') return { encoding: options };
  if (typeof options !== 'object') {
    throw makeError('ERR_INVALID_ARG_TYPE', 'options', 'one of type string or object', options);
  }
  return { ...options };
}

function validateOffset(name, value) {
  if (typeof value !== 'number') throw makeError('ERR_INVALID_ARG_TYPE', name, 'of type number', value);
  if (!Number.isInteger(value) || value < 0) {
    throw makeError('ERR_OUT_OF_RANGE', name, value < 0 ? '>= 0 && <= 9007199254740991' : 'an integer', value);
  }
}

// Opens the file before the first read or write.
function construct(callback) {
  const stream = this;
  if (typeof stream.fd === 'number') {
    callback();
    return;
  }
  fs.open(stream.path, stream.flags, stream.mode, (er, fd) => {
    if (er) {
      callback(er);
    } else {
      stream.fd = fd;
      callback();
      stream.emit('open', stream.fd);
      stream.emit('ready');
    }
  });
}

function closeStream(stream, err, cb) {
  if (!stream.fd) {
    cb(err);
  } else {
    fs.close(stream.fd, (er) => cb(er || err));
    stream.fd = null;
  }
}

// A destroy during a read or write waits for it before closing the file.
function destroy(err, cb) {
  if (this[kIsPerformingIO]) this.once(kIoDone, (er) => closeStream(this, err || er, cb));
  else closeStream(this, err, cb);
}

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = copyOptions(options);
  if (options.highWaterMark === undefined) options.highWaterMark = kDefaultReadHighWaterMark;
  if (options.autoDestroy === undefined) options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  this.fd = options.fd === undefined ? null : options.fd;
  this.path = this.fd === null ? (typeof path === 'string' ? path : path && path.toString()) : undefined;
  if (this.fd === null && typeof path !== 'string' && !(path instanceof Buffer) && !(path && path.href)) {
    throw makeError('ERR_INVALID_ARG_TYPE', 'path', 'of type string or an instance of Buffer or URL', path);
  }
  this.flags = options.flags === undefined ? 'r' : options.flags;
  this.mode = options.mode === undefined ? 0o666 : options.mode;
  this.start = options.start;
  this.end = options.end === undefined ? Infinity : options.end;
  this.pos = undefined;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateOffset('start', this.start);
    this.pos = this.start;
  }
  if (this.end !== Infinity) {
    validateOffset('end', this.end);
    if (this.start !== undefined && this.start > this.end) {
      throw makeError('ERR_OUT_OF_RANGE', 'start', `<= "end" (here: ${this.end})`, this.start);
    }
  }
  Readable.call(this, options);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'pending', {
  get() {
    return this.fd === null;
  },
  configurable: true,
});

ReadStream.prototype._construct = construct;

ReadStream.prototype._read = function _read(n) {
  n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buf = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  fs.read(this.fd, buf, 0, n, this.pos, (er, bytesRead, buffer) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      errorOrDestroy(this, er);
    } else if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      if (bytesRead !== buffer.length) {
        const dst = Buffer.allocUnsafeSlow(bytesRead);
        buffer.copy(dst, 0, 0, bytesRead);
        buffer = dst;
      }
      this.push(buffer);
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype._destroy = destroy;

ReadStream.prototype.close = function close(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = copyOptions(options);
  options.decodeStrings = true;
  if (options.autoDestroy === undefined) options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  this.fd = options.fd === undefined ? null : options.fd;
  this.path = this.fd === null ? (typeof path === 'string' ? path : path && path.toString()) : undefined;
  this.flags = options.flags === undefined ? 'w' : options.flags;
  this.mode = options.mode === undefined ? 0o666 : options.mode;
  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateOffset('start', this.start);
    this.pos = this.start;
  }
  Writable.call(this, options);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'pending', {
  get() {
    return this.fd === null;
  },
  configurable: true,
});

WriteStream.prototype._construct = construct;

function writeAll(stream, data, cb) {
  stream[kIsPerformingIO] = true;
  fs.write(stream.fd, data, 0, data.length, stream.pos, (er, bytes) => {
    stream[kIsPerformingIO] = false;
    if (stream.destroyed) {
      cb(er);
      stream.emit(kIoDone, er);
      return;
    }
    if (er) return cb(er);
    stream.bytesWritten += bytes;
    cb();
  });
  if (stream.pos !== undefined) stream.pos += data.length;
}

WriteStream.prototype._write = function _write(data, encoding, cb) {
  writeAll(this, data, cb);
};

// Buffered chunks go out in one request, as one writev would.
WriteStream.prototype._writev = function _writev(chunks, cb) {
  writeAll(this, Buffer.concat(chunks.map((c) => c.chunk)), cb);
};

WriteStream.prototype._destroy = destroy;

WriteStream.prototype.close = function close(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};
WriteStream.prototype.destroySoon = WriteStream.prototype.end;

function createReadStream(path, options) {
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  return new WriteStream(path, options);
}

module.exports = { ReadStream, WriteStream, createReadStream, createWriteStream };
