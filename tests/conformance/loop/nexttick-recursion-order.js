// Recursive nextTick runs before promises, all of it, before the loop continues.
let n = 0;
function tick() {
  n++;
  if (n < 5) process.nextTick(tick);
  else console.log('ticks done', n);
}
Promise.resolve().then(() => console.log('promise after ticks, n =', n));
process.nextTick(tick);
setImmediate(() => console.log('immediate last'));
