// Inside a timer callback, setImmediate always runs before a new setTimeout 0 (check phase comes first).
setTimeout(() => {
  setTimeout(() => console.log('timeout 0'), 0);
  setImmediate(() => console.log('immediate'));
  process.nextTick(() => console.log('nextTick'));
}, 0);
