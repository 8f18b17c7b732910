// A rejection handled within the same microtask drain is not "unhandled".
const p = Promise.reject(new Error('late but fine'));
Promise.resolve().then(() => {
  p.catch((e) => console.log('handled in a later job:', e.message));
});
process.nextTick(() => console.log('tick'));
setTimeout(() => console.log('process still alive'), 1);
