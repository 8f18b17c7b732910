// util.inspect with depth, compact, breakLength, sorted and showHidden options.
const util = require('util');
const o = { b: { c: { d: { e: { f: 1 } } } }, a: [1, 2, 3] };
console.log(util.inspect(o));
console.log(util.inspect(o, { depth: 0 }));
console.log(util.inspect(o, { depth: Infinity }));
console.log(util.inspect(o, { compact: false }));
console.log(util.inspect(o, { breakLength: 20 }));
console.log(util.inspect(o, { sorted: true }));
console.log(util.inspect('str'), util.inspect([1, 2], { showHidden: true }));
