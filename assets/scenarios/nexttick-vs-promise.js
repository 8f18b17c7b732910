// process.nextTick vs promises
// After every callback Node drains the nextTick queue first, then the
// promise (microtask) queue, and repeats until both are empty.

Promise.resolve().then(() => console.log('promise 1'));
process.nextTick(() => console.log('nextTick 1'));

Promise.resolve().then(() => {
  console.log('promise 2');
  process.nextTick(() => console.log('nextTick 3 (queued by promise 2)'));
});
process.nextTick(() => console.log('nextTick 2'));

console.log('main script done');

// Prediction time: which line is printed last, and why?
