'use strict';
// events.once(emitter, name[, { signal }]): a promise of the arguments of
// the emitter's next `name` event. An 'error' event (for any other name)
// rejects it; so does the signal, with an AbortError. Works on an
// EventTarget too (its events resolve with [event]; EventTargets have no
// 'error' semantics). An async function, as in Node, so awaiting it costs
// the same ticks.

const { AbortError } = require('internal/errors');

function abortError(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

function listen(target, name, listener) {
  if (typeof target.once === 'function') target.once(name, listener);
  else target.addEventListener(name, listener, { once: true });
}

function unlisten(target, name, listener) {
  if (typeof target.removeListener === 'function') target.removeListener(name, listener);
  else target.removeEventListener(name, listener);
}

async function once(emitter, name, options = {}) {
  const signal = options?.signal;
  if (signal?.aborted) throw abortError(signal);
  return new Promise((resolve, reject) => {
    const isEmitter = typeof emitter.once === 'function';
    const onError = (error) => {
      unlisten(emitter, name, onEvent);
      if (signal) signal.removeEventListener('abort', onAbort);
      reject(error);
    };
    const onEvent = (...args) => {
      if (isEmitter && name !== 'error') emitter.removeListener('error', onError);
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(args);
    };
    const onAbort = () => {
      unlisten(emitter, name, onEvent);
      if (isEmitter && name !== 'error') emitter.removeListener('error', onError);
      reject(abortError(signal));
    };
    listen(emitter, name, onEvent);
    if (isEmitter && name !== 'error') emitter.once('error', onError);
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

module.exports = { once };
