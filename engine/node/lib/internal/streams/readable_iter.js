'use strict';
// for await (const chunk of readable), Readable.from and the helpers
// around them.

const { AbortError, makeError } = require('internal/errors');

function nop() {}

function isFinished(stream) {
  const r = stream._readableState;
  const w = stream._writableState;
  return (!r || r.endEmitted) && (!w || w.finished);
}

// Destroys a stream the way pipeline and iterators do: an unfinished
// stream gets an AbortError.
function destroyer(stream, err) {
  if (!stream || stream.destroyed) return;
  if (!err && !isFinished(stream)) err = new AbortError();
  if (typeof stream.destroy === 'function') stream.destroy(err);
  else if (typeof stream.close === 'function') stream.close();
}

// The iterator waits for 'readable' and read()s what is buffered; it ends
// when finished() reports the stream done.
async function* createAsyncIterator(stream, options) {
  const eos = require('internal/streams/end-of-stream');
  let callback = nop;
  function next(resolve) {
    if (this === stream) {
      callback();
      callback = nop;
    } else {
      callback = resolve;
    }
  }
  stream.on('readable', next);
  let error;
  const cleanup = eos(stream, { writable: false }, (err) => {
    error = err ? err : null;
    callback();
    callback = nop;
  });
  try {
    while (true) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) yield chunk;
      else if (error) throw error;
      else if (error === null) return;
      else await new Promise(next);
    }
  } catch (err) {
    error = error || err;
    throw error;
  } finally {
    if ((error || (options && options.destroyOnReturn) !== false) &&
        (error === undefined || stream._readableState.autoDestroy)) {
      destroyer(stream, null);
    } else {
      stream.off('readable', next);
      cleanup();
    }
  }
}

// Readable.from(iterable): one object per item, read on demand.
function readableFrom(Readable, iterable, opts) {
  if (typeof iterable === 'string' || iterable instanceof Buffer) {
    return new Readable({
      objectMode: true,
      ...opts,
      read() {
        this.push(iterable);
        this.push(null);
      },
    });
  }
  let isAsync;
  let iterator;
  if (iterable && iterable[Symbol.asyncIterator]) {
    isAsync = true;
    iterator = iterable[Symbol.asyncIterator]();
  } else if (iterable && iterable[Symbol.iterator]) {
    isAsync = false;
    iterator = iterable[Symbol.iterator]();
  } else {
    throw makeError('ERR_INVALID_ARG_TYPE', 'iterable', 'an instance of Iterable', iterable);
  }
  const readable = new Readable({ objectMode: true, highWaterMark: 1, ...opts });
  let reading = false;
  readable._read = function () {
    if (!reading) {
      reading = true;
      next();
    }
  };
  readable._destroy = function (error, cb) {
    close(error).then(() => process.nextTick(cb, error), (e) => process.nextTick(cb, e || error));
  };
  async function close(error) {
    const hadError = error !== undefined && error !== null;
    const hasThrow = typeof iterator.throw === 'function';
    if (hadError && hasThrow) {
      const { value, done } = await iterator.throw(error);
      await value;
      if (done) return;
    }
    if (typeof iterator.return === 'function') {
      const { value } = await iterator.return();
      await value;
    }
  }
  async function next() {
    for (;;) {
      try {
        const { value, done } = isAsync ? await iterator.next() : iterator.next();
        if (done) {
          readable.push(null);
        } else {
          const res = value && typeof value.then === 'function' ? await value : value;
          if (res === null) {
            reading = false;
            throw makeError('ERR_STREAM_NULL_VALUES');
          } else if (readable.push(res)) {
            continue;
          } else {
            reading = false;
          }
        }
      } catch (err) {
        readable.destroy(err);
      }
      break;
    }
  }
  return readable;
}

function install(Readable) {
  Readable.prototype[Symbol.asyncIterator] = function asyncIterator() {
    const iter = createAsyncIterator(this);
    iter.stream = this;
    return iter;
  };
  Readable.prototype.iterator = function iterator(options) {
    const iter = createAsyncIterator(this, options);
    iter.stream = this;
    return iter;
  };
  Readable.from = function from(iterable, opts) {
    return readableFrom(Readable, iterable, opts);
  };
}

module.exports = { install, destroyer, isFinished };
