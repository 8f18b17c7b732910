// A realistic mix: nextTick, promise, timers at 0 and 100 ms, immediates.
console.log('script start');
setTimeout(() => console.log('timeout 100'), 100);
setTimeout(() => {
  console.log('timeout 0');
  Promise.resolve().then(() => console.log('promise in timeout 0'));
  setImmediate(() => console.log('immediate from timeout 0'));
}, 0);
Promise.resolve().then(() => {
  console.log('promise 1');
  process.nextTick(() => console.log('nextTick in promise 1'));
});
process.nextTick(() => console.log('nextTick 1'));
console.log('script end');
