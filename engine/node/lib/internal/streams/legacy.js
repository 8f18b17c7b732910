'use strict';
// The Stream base class: an EventEmitter that all streams inherit from.
const EE = require('events');

function Stream(opts) {
  EE.call(this, opts);
}
Object.setPrototypeOf(Stream.prototype, EE.prototype);
Object.setPrototypeOf(Stream, EE);

module.exports = { Stream };
