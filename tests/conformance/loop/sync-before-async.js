// Synchronous code always finishes before any queued callback runs.
console.log('1 sync start');
setTimeout(() => console.log('5 timeout'), 0);
Promise.resolve().then(() => console.log('4 promise'));
process.nextTick(() => console.log('3 nextTick'));
console.log('2 sync end');
