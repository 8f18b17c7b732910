// Inside an I/O callback: setImmediate always wins
// fs.readFile's callback runs in the poll phase. The loop moves on to the
// check phase (immediates) before it wraps around to the timers phase, so
// the immediate runs first every time - no race here.

const fs = require('fs');

fs.readFile(__filename, () => {
  console.log('readFile callback (poll phase)');
  setTimeout(() => console.log('timeout (timers phase, next iteration)'), 0);
  setImmediate(() => console.log('immediate (check phase, this iteration)'));
  process.nextTick(() => console.log('nextTick (right after the callback)'));
});
console.log('main script done; the file is read on the thread pool');
