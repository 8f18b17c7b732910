'use strict';
// stream.pipeline(...streams, callback): pipes each stream into the next,
// destroys them all on the first error, and calls back (on a later tick)
// once every stream has finished. Sources may be iterables, and stages
// async generator functions, as in Node.

const eos = require('internal/streams/end-of-stream');
const { destroyer } = require('internal/streams/readable_iter');
const { makeError } = require('internal/errors');

function isNodeStream(s) {
  return !!(s && typeof s.on === 'function' && (typeof s.pipe === 'function' || typeof s.write === 'function'));
}

function isIterable(obj) {
  return obj != null && (typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function');
}

function popCallback(streams) {
  const last = streams[streams.length - 1];
  if (typeof last !== 'function') {
    throw makeError('ERR_INVALID_ARG_TYPE', 'streams[stream.length - 1]', 'of type function', last);
  }
  return streams.pop();
}

// Destroys a stream unless it already finished cleanly.
function destroyerOf(stream, reading, writing) {
  let finished = false;
  stream.on('close', () => {
    finished = true;
  });
  const cleanup = eos(stream, { readable: reading, writable: writing }, (err) => {
    finished = !err;
  });
  return {
    destroy(err) {
      if (finished) return;
      finished = true;
      destroyer(stream, err || makeError('ERR_STREAM_DESTROYED', 'pipe'));
    },
    cleanup,
  };
}

function pipeline(...streams) {
  return pipelineImpl(streams, popCallback(streams));
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw makeError('ERR_MISSING_ARGS', 'streams');
  const Readable = require('internal/streams/readable');
  let error;
  let value;
  let finishCount = 0;
  const destroys = [];

  function finish(err) {
    finishImpl(err, --finishCount === 0);
  }
  function finishImpl(err, final) {
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !final) return;
    while (destroys.length) destroys.shift()(error);
    if (final) process.nextTick(callback, error, value);
  }

  let ret;
  for (let i = 0; i < streams.length; i++) {
    let stream = streams[i];
    // A function stage reads the previous stage itself (as an async iterable).
    const consumesPrevious = typeof stream === 'function' && i > 0;
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const end = reading || !opts || opts.end !== false;
    if (i === 0 && !isNodeStream(stream) && typeof stream !== 'function') {
      if (!isIterable(stream)) throw makeError('ERR_INVALID_ARG_TYPE', 'source', 'of type function or an iterable', stream);
      stream = Readable.from(stream);
    } else if (typeof stream === 'function') {
      const result = stream(i === 0 ? undefined : ret, {});
      if (reading || isIterable(result)) {
        stream = Readable.from(result);
      } else {
        // The last stage returned a promise: its value is the pipeline's.
        finishCount++;
        Promise.resolve(result).then((v) => {
          value = v;
          finish();
        }, finish);
        ret = result;
        continue;
      }
    }
    if (end) {
      const { destroy } = destroyerOf(stream, reading, writing);
      destroys.push(destroy);
    }
    if (reading && i > 0) {
      stream.on('error', (err) => {
        if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') finish(err);
      });
    }
    if (i > 0 && !consumesPrevious) {
      finishCount += 2;
      pipe(ret, stream, finish, { end });
    } else if (!reading) {
      finishCount++;
      eos(stream, finish);
    }
    ret = stream;
  }
  return ret;
}

function pipe(src, dst, finish, { end }) {
  let ended = false;
  dst.on('close', () => {
    if (!ended) finish(makeError('ERR_STREAM_PREMATURE_CLOSE'));
  });
  src.pipe(dst, { end: false });
  if (end) {
    const endFn = () => {
      ended = true;
      dst.end();
    };
    const r = src._readableState;
    if (r && r.endEmitted) process.nextTick(endFn);
    else src.once('end', endFn);
    eos(dst, { readable: false, writable: true }, finish);
  } else {
    finish();
  }
  eos(src, { readable: true, writable: false }, (err) => {
    const r = src._readableState;
    if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' && r && r.ended && !r.errored && !r.errorEmitted) {
      src.once('end', finish).once('error', finish);
    } else {
      finish(err);
    }
  });
}

module.exports = { pipeline, pipelineImpl };
