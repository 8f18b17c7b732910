'use strict';
// stream.finished(stream, [options], callback): calls back once when the
// stream has ended/finished (and, for streams that emit 'close', after
// 'close'), or with the first error, or with ERR_STREAM_PREMATURE_CLOSE
// when it closed too early.

const { makeError } = require('internal/errors');

function nop() {}

function isReadableNodeStream(s) {
  return !!(s && typeof s.pipe === 'function' && typeof s.on === 'function' &&
            (!s._writableState || (s._readableState && s._readableState.readable !== false)) &&
            (!s._writableState || s._readableState));
}
function isWritableNodeStream(s) {
  return !!(s && typeof s.write === 'function' && typeof s.on === 'function' &&
            (!s._readableState || (s._writableState && s._writableState.writable !== false)));
}
function isReadableFinished(s) {
  const r = s._readableState;
  return !!r && (r.endEmitted || (r.ended && r.length === 0));
}
function isWritableFinished(s) {
  const w = s._writableState;
  return !!w && (w.finished || (w.ended && w.length === 0));
}
function isReadable(s) {
  const r = s._readableState;
  return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
}
function isWritable(s) {
  const w = s._writableState;
  return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
}
function willEmitClose(s) {
  const state = s._writableState || s._readableState;
  return !!(state && state.autoDestroy && state.emitClose && state.closed === false);
}
function erroredOf(s) {
  return (s._writableState && s._writableState.errored) || (s._readableState && s._readableState.errored);
}

function eos(stream, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  } else if (options == null) {
    options = {};
  }
  if (typeof callback !== 'function') {
    throw makeError('ERR_INVALID_ARG_TYPE', 'callback', 'of type function', callback);
  }
  let called = false;
  const once = (...args) => {
    if (called) return;
    called = true;
    callback.apply(stream, args);
  };
  const readable = options.readable ?? isReadableNodeStream(stream);
  const writable = options.writable ?? isWritableNodeStream(stream);
  const wState = stream._writableState;
  const rState = stream._readableState;
  let emitsClose = willEmitClose(stream) && isReadableNodeStream(stream) === readable &&
                   isWritableNodeStream(stream) === writable;
  let writableFinished = isWritableFinished(stream);
  let readableFinished = isReadableFinished(stream);
  let closed = !!((wState && wState.closed) || (rState && rState.closed));

  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };
  const onfinish = () => {
    writableFinished = true;
    if (stream.destroyed) emitsClose = false;
    if (emitsClose && (!stream.readable || readable)) return;
    if (!readable || readableFinished) once();
  };
  const onend = () => {
    readableFinished = true;
    if (stream.destroyed) emitsClose = false;
    if (emitsClose && (!stream.writable || writable)) return;
    if (!writable || writableFinished) once();
  };
  const onerror = (err) => once(err);
  const onclose = () => {
    closed = true;
    const errored = erroredOf(stream);
    if (errored && typeof errored !== 'boolean') return once(errored);
    if (readable && !readableFinished && isReadableNodeStream(stream) && !isReadableFinished(stream)) {
      return once(makeError('ERR_STREAM_PREMATURE_CLOSE'));
    }
    if (writable && !writableFinished && !isWritableFinished(stream)) {
      return once(makeError('ERR_STREAM_PREMATURE_CLOSE'));
    }
    once();
  };
  const onclosed = () => {
    closed = true;
    const errored = erroredOf(stream);
    if (errored && typeof errored !== 'boolean') return once(errored);
    once();
  };

  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (!wState && !rState) stream.on('end', onlegacyfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);

  if (closed) {
    process.nextTick(onclose);
  } else if ((wState && wState.errorEmitted) || (rState && rState.errorEmitted)) {
    if (!emitsClose) process.nextTick(onclosed);
  } else if (!readable && (!emitsClose || isReadable(stream)) && (writableFinished || isWritable(stream) === false)) {
    process.nextTick(onclosed);
  } else if (!writable && (!emitsClose || isWritable(stream)) && (readableFinished || isReadable(stream) === false)) {
    process.nextTick(onclosed);
  }

  return function cleanup() {
    called = true;
    stream.removeListener('end', onend);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };
}

module.exports = eos;
module.exports.isReadableNodeStream = isReadableNodeStream;
module.exports.isWritableNodeStream = isWritableNodeStream;
