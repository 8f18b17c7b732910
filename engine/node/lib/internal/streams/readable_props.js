'use strict';
// The readable* getters of Readable.prototype.

function install(Readable, kPaused) {
  const getters = {
    readable() {
      const r = this._readableState;
      return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
    },
    readableDidRead() { return this._readableState.dataEmitted; },
    readableAborted() {
      const r = this._readableState;
      return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
    },
    readableHighWaterMark() { return this._readableState.highWaterMark; },
    readableBuffer() { return this._readableState && this._readableState.buffer; },
    readableFlowing() { return this._readableState.flowing; },
    readableLength() { return this._readableState ? this._readableState.length : 0; },
    readableObjectMode() { return this._readableState ? this._readableState.objectMode : false; },
    readableEncoding() { return this._readableState ? this._readableState.encoding : null; },
    errored() { return this._readableState ? this._readableState.errored : null; },
    closed() { return this._readableState ? this._readableState.closed : false; },
    readableEnded() { return this._readableState ? this._readableState.endEmitted : false; },
  };
  for (const [name, get] of Object.entries(getters)) {
    Object.defineProperty(Readable.prototype, name, { get, enumerable: false, configurable: true });
  }
  Object.defineProperty(Readable.prototype, 'readable', {
    get: getters.readable,
    set(val) {
      if (this._readableState) this._readableState.readable = !!val;
    },
    enumerable: false,
    configurable: true,
  });
  Object.defineProperty(Readable.prototype, 'destroyed', {
    get() { return this._readableState ? this._readableState.destroyed : false; },
    set(value) {
      if (this._readableState) this._readableState.destroyed = value;
    },
    enumerable: false,
    configurable: true,
  });
  Object.defineProperty(Readable.prototype, 'readableFlowing', {
    get: getters.readableFlowing,
    set(state) {
      if (this._readableState) this._readableState.flowing = state;
    },
    enumerable: false,
    configurable: true,
  });
}

module.exports = { install };
