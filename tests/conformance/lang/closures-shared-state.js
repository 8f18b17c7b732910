// Closures created in the same scope share that scope's variables.
function makePair() {
  let value = 0;
  return [() => value, (v) => { value = v; }];
}
const [get, set] = makePair();
const [get2] = makePair();
set(5);
console.log(get(), get2());
const adders = [1, 2, 3].map((n) => (x) => x + n);
console.log(adders.map((f) => f(10)));
function once(fn) {
  let done = false, result;
  return (...args) => (done ? result : ((done = true), (result = fn(...args))));
}
const init = once((x) => { console.log('init ran'); return x * 2; });
console.log(init(2), init(100));
