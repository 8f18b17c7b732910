// Recursively queued microtasks run before any timer: the timer waits until they stop.
let count = 0;
setTimeout(() => console.log('timer finally runs after', count, 'microtasks'), 0);
function again() {
  count++;
  if (count < 1000) Promise.resolve().then(again);
}
again();
