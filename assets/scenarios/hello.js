// Hello, event loop!
// Synchronous code runs first, top to bottom. Callbacks wait in queues
// until the call stack is empty, and then the event loop runs them.

console.log('1. start');

setTimeout(() => {
  console.log('4. timeout: a macrotask, run by the timers phase');
}, 0);

Promise.resolve().then(() => {
  console.log('3. promise: a microtask, run as soon as the stack is empty');
});

console.log('2. end of the main script');
