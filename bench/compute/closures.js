// Closures and higher-order array methods.
const make = (k) => (x) => x * k + 1;
const fns = [];
for (let i = 0; i < 100; i++) fns.push(make(i));
let acc = 0;
for (let r = 0; r < 2000; r++) {
  acc = fns.map((f) => f(r)).filter((v) => v % 3 === 0).reduce((a, b) => (a + b) % 1000007, acc);
}
console.log(acc);
