// postMessage copies with the structured clone algorithm.
const { Worker } = require('worker_threads');
const w = new Worker(`
const { parentPort } = require('worker_threads');
parentPort.on('message', (v) => { parentPort.postMessage(v); parentPort.close(); });
`, { eval: true });
const shared = { tag: 'shared' };
const value = {
  num: 1.5, str: 'text', bool: true, nil: null, undef: undefined, big: 12345678901234567890n,
  arr: [1, [2, 3], { four: 4 }],
  map: new Map([['a', 1], ['b', { c: 2 }]]),
  set: new Set([1, 'two', 3]),
  date: new Date(0),
  re: /ab+c/gi,
  err: new RangeError('out of range'),
  bytes: new Uint8Array([1, 2, 255]),
  floats: new Float64Array([0.5, -2]),
  buf: new ArrayBuffer(4),
  left: shared, right: shared,
};
value.self = value;
w.on('message', (v) => {
  console.log(typeof v.num, v.num, v.str, v.bool, v.nil, 'undef' in v, v.big);
  console.log(JSON.stringify(v.arr));
  console.log(v.map instanceof Map, [...v.map.entries()].map(([k, x]) => k + '=' + JSON.stringify(x)).join(','));
  console.log(v.set instanceof Set, [...v.set].join(','));
  console.log(v.date instanceof Date, v.date.toISOString());
  console.log(v.re instanceof RegExp, String(v.re));
  console.log(v.err instanceof RangeError, v.err.name, v.err.message);
  console.log(v.bytes instanceof Uint8Array, Array.from(v.bytes).join(','));
  console.log(v.floats instanceof Float64Array, Array.from(v.floats).join(','));
  console.log(v.buf instanceof ArrayBuffer, v.buf.byteLength);
  console.log(v.left === v.right, v.self === v, v === value);
});
w.postMessage(value);
try {
  w.postMessage({ f() {} });
} catch (e) {
  console.log('throws', e.name);
}
