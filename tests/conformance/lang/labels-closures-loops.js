outer: for (let i = 0; i < 4; i++) {
  inner: for (let j = 0; j < 4; j++) {
    if (j === 2) continue outer;
    if (i === 3) break outer;
    console.log('pair', i, j);
  }
}
block: {
  console.log('in block');
  if (true) break block;
  console.log('never');
}
const fns = [];
for (var v = 0; v < 3; v++) fns.push(() => v);
const lets = [];
for (let l = 0; l < 3; l++) lets.push(() => l);
console.log(fns.map((f) => f()), lets.map((f) => f()));
const counters = [];
for (let i = 0; i < 3; i++) { let count = i * 10; counters.push({ inc: () => ++count, get: () => count }); }
counters[0].inc(); counters[0].inc(); counters[2].inc();
console.log(counters.map((c) => c.get()));
function makeAdder(x) { return function (y) { return x + y; }; }
const add5 = makeAdder(5);
console.log(add5(1), makeAdder('a')('b'), typeof makeAdder(1));
const once = (fn) => { let done = false, result; return (...a) => (done ? result : ((done = true), (result = fn(...a)))); };
const init = once((n) => { console.log('init runs'); return n * 2; });
console.log(init(4), init(100));
let x = 'global';
{ let x = 'block'; console.log(x); }
console.log(x, typeof undeclared, (() => { try { return tdz; let tdz = 1; } catch (e) { return e.name + ': ' + e.message; } })());
const obj = { a: 1, b: 2, [Symbol('s')]: 3, 10: 'ten', 2: 'two' };
for (const k in obj) console.log('key', k);
const proto = { inherited: true };
const child = Object.create(proto); child.own = 1;
for (const k in child) console.log('for-in', k, Object.hasOwn(child, k));
const arr = [10, 20]; arr.extra = 'x';
for (const i in arr) console.log('index', i, typeof i);
for (const ch of 'hi') console.log('char', ch);
let n = 0;
do { n++; } while (n < 5);
while (true) { if (--n < 2) break; }
console.log('n', n);
switch (3) { case 1: console.log(1); case 3: console.log(3); case 4: console.log(4); break; default: console.log('d'); }
