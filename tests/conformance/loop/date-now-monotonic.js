// Date.now() and performance.now() never go backwards and advance across timers.
const a = Date.now();
const p = performance.now();
console.log(typeof a, typeof p, Number.isInteger(a), p >= 0);
setTimeout(() => {
  const b = Date.now();
  const q = performance.now();
  console.log('Date.now advanced:', b >= a + 15, 'performance.now advanced:', q - p >= 15);
  console.log('performance.now has a fraction type', typeof (q - p));
}, 20);
