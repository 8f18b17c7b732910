'use strict';
// Node's internal error codes used by the JavaScript library, built by the
// native binding so they print as "Error [ERR_X]: message" like Node's.

const kMessages = {
  ERR_INVALID_ARG_TYPE: ['TypeError', (name, expected, value) =>
    `The "${name}" argument must be ${expected}. Received ${binding.receivedText(value)}`],
  ERR_INVALID_ARG_VALUE: ['TypeError', (name, value, reason = 'is invalid') =>
    `The ${name.includes('.') ? 'property' : 'argument'} '${name}' ${reason}. Received ${inspectValue(value)}`],
  ERR_METHOD_NOT_IMPLEMENTED: ['Error', (method) => `The ${method} method is not implemented`],
  ERR_MISSING_ARGS: ['TypeError', (name) => `The "${name}" argument must be specified`],
  ERR_MULTIPLE_CALLBACK: ['Error', () => 'Callback called multiple times'],
  ERR_OUT_OF_RANGE: ['RangeError', (name, range, value) =>
    `The value of "${name}" is out of range. It must be ${range}. Received ${value}`],
  ERR_STREAM_ALREADY_FINISHED: ['Error', (method) => `Cannot call ${method} after a stream was finished`],
  ERR_STREAM_CANNOT_PIPE: ['Error', () => 'Cannot pipe, not readable'],
  ERR_STREAM_DESTROYED: ['Error', (method) => `Cannot call ${method} after a stream was destroyed`],
  ERR_STREAM_NULL_VALUES: ['TypeError', () => 'May not write null values to stream'],
  ERR_STREAM_PREMATURE_CLOSE: ['Error', () => 'Premature close'],
  ERR_STREAM_PUSH_AFTER_EOF: ['Error', () => 'stream.push() after EOF'],
  ERR_STREAM_UNSHIFT_AFTER_END_EVENT: ['Error', () => 'stream.unshift() after end event'],
  ERR_STREAM_WRITE_AFTER_END: ['Error', () => 'write after end'],
  ERR_UNKNOWN_ENCODING: ['TypeError', (encoding) => `Unknown encoding: ${encoding}`],
  ERR_USE_AFTER_CLOSE: ['Error', (what) => `${what} was closed`],
};

// util.inspect's rendering, as Node's ERR_INVALID_ARG_VALUE prints it.
function inspectValue(value) {
  return require('util').inspect(value);
}

function makeError(code, ...args) {
  const [type, message] = kMessages[code];
  return binding.makeNodeError(type, code, message(...args), 1); // hide this helper's frame
}

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

module.exports = { makeError, AbortError };
