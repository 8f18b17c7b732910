function* range(start, end, step = 1) { for (let i = start; i < end; i += step) yield i; }
console.log([...range(0, 10, 3)], Array.from(range(1, 4), (x) => x * x));
function* talk() {
  const a = yield 'first';
  console.log('got', a);
  try {
    const b = yield 'second';
    console.log('got', b);
  } finally {
    console.log('cleanup');
  }
  return 'end';
}
const g = talk();
console.log(g.next('ignored'), g.next('A'), g.return('early'), g.next());
const g2 = talk();
g2.next(); g2.next(1);
try { g2.throw(new Error('boom')); } catch (e) { console.log('caught', e.message); }
console.log(g2.next());
function* inner() { const r = yield 1; yield r; return 'inner-done'; }
function* outer() { const res = yield* inner(); yield res; yield* [7, 8]; }
const o = outer();
console.log(o.next(), o.next('sent'), o.next(), o.next(), o.next(), o.next());
const iterable = {
  from: 1, to: 3,
  [Symbol.iterator]() {
    let cur = this.from; const last = this.to;
    return { next: () => (cur <= last ? { value: cur++, done: false } : { value: undefined, done: true }), return() { console.log('return called'); return { done: true }; } };
  },
};
for (const v of iterable) { if (v === 2) break; console.log(v); }
const [first] = iterable;
console.log(first, Math.max(...iterable));
const fib = function* () { let [a, b] = [0, 1]; while (true) { yield a; [a, b] = [b, a + b]; } };
const out = [];
for (const n of fib()) { if (n > 50) break; out.push(n); }
console.log(out.join(','));
console.log(Object.prototype.toString.call(g), g[Symbol.toStringTag], typeof g.next, g);
console.log(talk, fib, [range(0, 1)]);
const entries = new Map([['a', 1], ['b', 2]]).entries();
console.log(entries.next(), [...entries], entries);
const arrIt = [1, 2, 3][Symbol.iterator]();
arrIt.next();
console.log(arrIt, [...arrIt]);
