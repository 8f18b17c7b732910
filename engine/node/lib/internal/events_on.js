'use strict';
// events.on(emitter, name[, { signal }]): an async iterator over the
// emitter's `name` events. Each event yields the array of its arguments;
// events that arrive before anyone asks are queued; an 'error' event (for
// any other name) makes the next call reject; return() stops listening.

const { AbortError } = require('internal/errors');

function abortError(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

function on(emitter, event, options = {}) {
  const signal = options?.signal;
  if (signal?.aborted) throw abortError(signal);
  const unconsumed = [];  // event argument arrays nobody asked for yet
  const waiting = [];     // { resolve, reject } of pending next() calls
  let error = null;
  let finished = false;

  const closeHandler = () => iterator.return();
  const stop = () => {
    finished = true;
    emitter.removeListener(event, eventHandler);
    if (event !== 'error') emitter.removeListener('error', errorHandler);
    signal?.removeEventListener('abort', abortHandler);
    if (options?.close) for (const name of options.close) emitter.removeListener(name, closeHandler);
  };
  const eventHandler = (...args) => {
    const pending = waiting.shift();
    if (pending) pending.resolve({ value: args, done: false });
    else unconsumed.push(args);
  };
  const errorHandler = (err) => {
    const pending = waiting.shift();
    if (pending) pending.reject(err);
    else error = err;
    iterator.return();
  };
  const abortHandler = () => errorHandler(abortError(signal));

  const iterator = {
    next() {
      if (unconsumed.length > 0) return Promise.resolve({ value: unconsumed.shift(), done: false });
      if (error) {
        const pending = Promise.reject(error);
        error = null;
        return pending;
      }
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      stop();
      for (const pending of waiting.splice(0)) pending.resolve({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      if (!err || !(err instanceof Error)) {
        const typeError = new TypeError(`The "EventEmitter.AsyncIterator" property must be an instance of Error. Received ${typeof err}`);
        typeError.code = 'ERR_INVALID_ARG_TYPE';
        throw typeError;
      }
      error = err;
      stop();
    },
    [Symbol.asyncIterator]() { return this; },
  };
  Object.setPrototypeOf(iterator, Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype));

  emitter.on(event, eventHandler);
  if (event !== 'error') emitter.on('error', errorHandler);
  signal?.addEventListener('abort', abortHandler, { once: true });
  if (options?.close) for (const name of options.close) emitter.on(name, closeHandler);
  return iterator;
}

module.exports = { on };
