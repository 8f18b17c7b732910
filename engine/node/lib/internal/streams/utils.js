'use strict';
// Small stream predicates exported by require('stream').

const { AbortError, makeError } = require('internal/errors');

function isDisturbed(stream) {
  const r = stream && stream._readableState;
  return !!(r && (r.dataEmitted || r.errored || r.destroyed));
}

function isErrored(stream) {
  const r = stream && stream._readableState;
  const w = stream && stream._writableState;
  return !!((r && r.errored) || (w && w.errored));
}

function isReadable(stream) {
  const r = stream && stream._readableState;
  if (!r) return null;
  return r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
}

// Destroys the stream with an AbortError when the signal aborts.
function addAbortSignal(signal, stream) {
  if (!signal || typeof signal.aborted !== 'boolean') {
    throw makeError('ERR_INVALID_ARG_TYPE', 'signal', 'an instance of AbortSignal', signal);
  }
  const onAbort = () => stream.destroy(new AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return stream;
}

module.exports = { isDisturbed, isErrored, isReadable, addAbortSignal };
