// util.isDeepStrictEqual, util.types and util.inspect.custom.
const util = require('util');
console.log(util.isDeepStrictEqual({ a: [1, 2] }, { a: [1, 2] }), util.isDeepStrictEqual([1], ['1']));
console.log(util.types.isPromise(Promise.resolve()), util.types.isDate(new Date(0)), util.types.isRegExp(/x/));
class Money {
  constructor(c) { this.cents = c; }
  [util.inspect.custom]() { return `Money<${(this.cents / 100).toFixed(2)}>`; }
}
console.log(new Money(1234), [new Money(5)]);
console.log(util.inspect({ a: 1 }) === '{ a: 1 }');
