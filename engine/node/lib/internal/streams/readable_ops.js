'use strict';
// The iterator helpers Node 20 adds to Readable.prototype (experimental
// there): toArray, forEach, map, filter, reduce. They consume the stream
// with for await, one item at a time (looplab does not model the
// `concurrency` option: items are processed in order, one after another).

function install(Readable) {
  Readable.prototype.toArray = async function toArray() {
    const result = [];
    for await (const value of this) result.push(value);
    return result;
  };

  Readable.prototype.forEach = async function forEach(fn) {
    for await (const value of this) await fn(value);
  };

  Readable.prototype.reduce = async function reduce(reducer, initial) {
    let hasInitial = arguments.length > 1;
    let acc = initial;
    for await (const value of this) {
      if (hasInitial) {
        acc = await reducer(acc, value);
      } else {
        acc = value;
        hasInitial = true;
      }
    }
    if (!hasInitial) throw new TypeError('Reduce of an empty stream requires an initial value');
    return acc;
  };

  Readable.prototype.map = function map(fn) {
    const source = this;
    return Readable.from((async function* mapped() {
      for await (const value of source) yield await fn(value);
    })());
  };

  Readable.prototype.filter = function filter(fn) {
    const source = this;
    return Readable.from((async function* filtered() {
      for await (const value of source) if (await fn(value)) yield value;
    })());
  };
}

module.exports = { install };
